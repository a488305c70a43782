/** The host contract on the ONLYOFFICE host, through the typed fake of Asc.plugin and Api (commands run isolated). */
import { OnlyOfficeHost } from '../../src/host/onlyoffice';
import { FakeOnlyOffice } from '../host-onlyoffice/fake';
import { describeHostContract } from './contract';
import type { ContractDocument } from './contract';

export const onlyOfficeOf = (doc: ContractDocument): FakeOnlyOffice => new FakeOnlyOffice().addParagraphs(...doc.before).addTable(doc.table).addParagraphs(...doc.after);

describeHostContract('ONLYOFFICE (9.x, through callCommand)', (doc) => {
  const editor = onlyOfficeOf(doc);
  return { host: new OnlyOfficeHost({ asc: editor.asc }), state: () => editor.state() };
});
