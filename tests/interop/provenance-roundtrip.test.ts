// A document with AI passages, a verified claim and the record goes through LibreOffice (open and
// re-save as .docx). 25.2 keeps the marks' tags and the record as they are; 7.4 drops the tags but
// keeps titles and the record, and refresh binds every passage again. LibreOffice (both versions)
// keeps only the first paragraph of a multi-paragraph control inside it: refresh stretches the mark
// back over the rest. Install both with `bash scripts/ci-deps.sh`; in CI a missing one fails.
import { describe, expect, it } from 'vitest';
import { DocxHost } from '../../src/host/docx';
import { RECORD_NAMESPACE_PREFIX, decodeRecord } from '../../src/provenance';
import { documentStatus, insertPassage, qualifiedClaimId, refresh, verifyClaim } from '../../src/workflow';
import { AI_TEXT, GENERATION, context, reportDocx } from '../workflow/helpers';
import { findLibreOfficeInstalls, LIBREOFFICE_ENV, roundTrip, type LibreOfficeKey } from './libreoffice';

const SECOND = 'Toàn tỉnh có 12 xã hoàn thành chuyển đổi số.\nĐây là đoạn thứ ba của phần do AI viết.';
const ROUND_TRIP_MS = 150_000;

async function documentWithPassages() {
  const host = DocxHost.open(reportDocx());
  const single = await insertPassage(host, context(), { afterParagraph: 5, text: AI_TEXT, generation: GENERATION });
  const multi = await insertPassage(host, context(), { afterParagraph: 6, text: SECOND, generation: GENERATION });
  const claims = (await documentStatus(host, context())).state!.passages[0]!.claims;
  await verifyClaim(host, context('Lê Văn Cường'), { claim: qualifiedClaimId(single, claims[0]!.claimId), evidence: { kind: 'manual', source: 'Cổng dịch vụ công tỉnh', note: 'đối chiếu với bản gốc lưu tại văn phòng' } });
  return { bytes: host.save(), record: await host.readRecord(RECORD_NAMESPACE_PREFIX), single, multi };
}

const VERSIONS: { key: LibreOfficeKey; label: string; keepsTags: boolean }[] = [
  { key: 'v252', label: 'LibreOffice 25.2', keepsTags: true },
  { key: 'v74', label: 'LibreOffice 7.4', keepsTags: false },
];
const installs = findLibreOfficeInstalls();

for (const { key, label, keepsTags } of VERSIONS) {
  const install = installs[key];
  if (!install) {
    const why = `${label} not found: run "bash scripts/ci-deps.sh" (as root) or set ${LIBREOFFICE_ENV[key]}`;
    if (process.env.CI === 'true') {
      describe(label, () => it('is installed (required in CI)', () => { throw new Error(why); }));
    } else {
      describe.skip(`${label} (${why})`, () => it('keeps the provenance', () => undefined));
    }
    continue;
  }

  describe(`${label}: the provenance survives a re-save`, () => {
    it(
      keepsTags ? 'keeps marks and record as they are' : 'keeps the record, and refresh binds every passage again',
      async () => {
        const { bytes, record, single, multi } = await documentWithPassages();
        const resaved = DocxHost.open(await roundTrip(install.binary, bytes));

        // The record part travels with every event unchanged (LibreOffice rewrites only the XML declaration).
        const travelled = decodeRecord((await resaved.readRecord(RECORD_NAMESPACE_PREFIX))!);
        const written = decodeRecord(record!);
        expect(travelled.ok && written.ok).toBe(true);
        if (travelled.ok && written.ok) expect(travelled.record).toEqual(written.record);

        const marks = await resaved.listPassages();
        expect(marks).toHaveLength(2);
        for (const mark of marks) expect(mark.title).toMatch(/^AI · chưa kiểm chứng · [0-9a-f]{8}$/);
        if (keepsTags) expect(marks.map((m) => m.tag).sort()).toEqual([`aiprov:${single}`, `aiprov:${multi}`].sort());
        else expect(marks.every((m) => m.tag === null)).toBe(true);

        // Before refresh, the reviewer is told what the re-save did, and nothing is lost or counted as edited.
        const before = await documentStatus(resaved, context());
        expect(before.record.status).toBe('ok');
        expect(before.pending.removed).toEqual([]);
        expect(before.pending.edited).toEqual([]);
        expect(before.pending.rebound.sort()).toEqual(keepsTags ? [] : [single, multi].sort());

        const result = await refresh(resaved, context());
        expect(result.removed).toEqual([]);
        expect(result.edited).toEqual([]);

        const after = DocxHost.open(resaved.save());
        const bound = await after.listPassages();
        expect(bound.map((m) => m.tag).sort()).toEqual([`aiprov:${single}`, `aiprov:${multi}`].sort());
        expect(bound.find((m) => m.id === multi)!.text).toBe(SECOND);
        const status = await documentStatus(after, context());
        expect(status.pending).toEqual({ edited: [], rebound: [], removed: [] });
        const verified = status.state!.passages.find((p) => p.passageId === single)!.claims[0]!;
        expect(verified).toMatchObject({ status: 'verified', verifiedBy: 'Lê Văn Cường', source: 'Cổng dịch vụ công tỉnh' });
      },
      ROUND_TRIP_MS,
    );
  });
}
