// Shared setup of the security tests (issue 17): the report with one AI passage inserted through the
// workflow (optionally its first claim verified), and byte-level tampering of a package's parts.
import { unzipSync, zipSync } from 'fflate';
import { DocxHost } from '../../src/host/docx';
import { documentStatus, insertPassage, verifyClaim } from '../../src/workflow';
import { AI_TEXT, GENERATION, reportDocx, unsignedContext as context } from '../workflow/helpers';

/** The report after paragraph 5 got an AI passage; with `verified`, its first claim is verified. */
export async function draftedReport(options: { verified?: boolean } = {}): Promise<Uint8Array> {
  const host = DocxHost.open(reportDocx());
  await insertPassage(host, context(), { afterParagraph: 5, text: AI_TEXT, generation: GENERATION });
  if (options.verified) {
    const passage = (await documentStatus(host, context())).state!.passages[0]!;
    // A second person verifies (four eyes), with evidence: a source and a note on how it was checked.
    await verifyClaim(host, context('Lê Văn Cường'), {
      claim: `${passage.passageId}.${passage.claims[0]!.claimId}`,
      evidence: { kind: 'manual', source: 'Niên giám thống kê 2025', note: 'đối chiếu với bản gốc lưu tại văn phòng' },
    });
  }
  return host.save();
}

/** The package with its parts changed as bytes, the way an attacker edits an unzipped .docx. */
export function alterParts(bytes: Uint8Array, change: (parts: Record<string, Uint8Array>) => void): Uint8Array {
  const parts = unzipSync(bytes);
  change(parts);
  return zipSync(parts);
}
