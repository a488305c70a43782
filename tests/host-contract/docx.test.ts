/** The host contract on the .docx host, over real .docx bytes. */
import { DocxHost } from '../../src/host/docx';
import { buildDocx, p } from '../fixtures/docx-builder';
import { describeHostContract } from './contract';
import type { ContractDocument } from './contract';

export function docxOf(doc: ContractDocument): Uint8Array {
  const table = `<w:tbl>${doc.table.map((row) => `<w:tr>${row.map((cell) => `<w:tc>${p(cell)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;
  return buildDocx({ body: doc.before.map((t) => p(t)).join('') + table + doc.after.map((t) => p(t)).join('') + '<w:sectPr/>' });
}

describeHostContract('docx', (doc) => DocxHost.open(docxOf(doc)));
