/**
 * Issue 5, "Batched": one pane action costs at most 3 `context.sync()` round trips, whatever the
 * number of passages. Each action runs end to end through the workflow over the counting fake, on
 * documents of 1 and 200 passages, as the pane runs it: the use case and the re-read after it in one
 * batch. The result is checked in the fake's document (and against the .docx host where useful).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DocxHost } from '../../src/host/docx';
import { inBatch } from '../../src/host/port';
import type { DocumentHost } from '../../src/host/port';
import { DEFAULT_PROFILE_ID, getProfile } from '../../src/policy';
import {
  RECORD_NAMESPACE,
  appendEvent,
  claimVerifiedData,
  createRecord,
  editedPassageData,
  encodeRecord,
  foldRecord,
  generatedPassageData,
  type ProvenanceRecord,
} from '../../src/provenance';
import { PANE_READS, readPaneSnapshot } from '../../src/taskpane/useDocumentState';
import {
  APP_VERSION,
  CONDITION_COLORS,
  claimsOfText,
  declarePassage,
  documentStatus,
  insertDisclosure,
  insertPassage,
  loadRecord,
  passageLooks,
  qualifiedClaimId,
  refresh,
  rejectClaim,
  shortId,
  signOff,
  verifyClaim,
  type WorkflowContext,
} from '../../src/workflow';
import { AI_TEXT, GENERATION, REPORT_PARAGRAPHS, context, reportDocx } from '../workflow/helpers';
import { FakeWord } from './fake-word';
import { hostOver } from './helpers';

const ACTOR = 'Nguyễn Văn An';
// issue 10 — four eyes: under strict the drafter does not verify their own passage.
const CHECKER = 'Trần Thị Bình';
const HEADING = ['ỦY BAN NHÂN DÂN TỈNH CAO BẰNG', 'BÁO CÁO', 'Kết quả thực hiện chuyển đổi số năm 2025'];

interface Fixture {
  word: FakeWord;
  host: DocumentHost;
  passageIds: string[];
  ctx: WorkflowContext;
}

/**
 * A report with `count` generated passages (one paragraph each, between paragraphs people wrote),
 * marked and recorded as the workflow leaves them; with `verified`, every claim is verified.
 */
async function reportWith(count: number, options: { verified?: boolean; wordApi?: number } = {}): Promise<Fixture> {
  const ctx = context(ACTOR);
  const at = () => ctx.now!().toISOString();
  const word = new FakeWord(options.wordApi ? { wordApi: options.wordApi } : {}).addParagraphs(...HEADING);
  let record: ProvenanceRecord = await createRecord({ profileId: DEFAULT_PROFILE_ID, appVersion: APP_VERSION, actor: ACTOR, at: at() });
  const passageIds: string[] = [];
  for (let n = 1; n <= count; n++) {
    const passageId = globalThis.crypto.randomUUID();
    const text = `Năm 2025, xã số ${n} đã cung cấp ${n}.234 dịch vụ công trực tuyến, đạt 87,${n % 10}% kế hoạch.`;
    const data = await generatedPassageData({ passageId, originalText: text, claims: claimsOfText(text), origin: 'generated', ...GENERATION });
    record = await appendEvent(record, { type: 'passage-generated', data, actor: ACTOR, at: at() });
    let current = text;
    if (options.verified) {
      // Edited by a person (the profile refuses AI text left word for word), then every claim verified.
      current = text.replace('trực tuyến', 'trực tuyến toàn trình');
      const generated = foldRecord(record).passages.find((p) => p.passageId === passageId)!;
      record = await appendEvent(record, { type: 'passage-edited', data: await editedPassageData(generated, current, claimsOfText(current)), actor: ACTOR, at: at() });
      for (const claim of foldRecord(record).passages.find((p) => p.passageId === passageId)!.claims) {
        record = await appendEvent(record, { type: 'claim-verified', data: await claimVerifiedData(passageId, claim, 'Báo cáo số 12/BC-UBND'), actor: CHECKER, at: at() });
      }
    }
    word.addParagraphs(current);
    word.addControl({ from: word.body.paragraphs.length, tag: `aiprov:${passageId}` });
    word.addParagraphs(`Ý kiến của người viết số ${n}.`);
    passageIds.push(passageId);
  }
  for (const look of passageLooks(foldRecord(record), 'vi')) {
    Object.assign(word.controlByTag(`aiprov:${look.passageId}`)!, { title: look.title, color: look.color.toUpperCase() });
  }
  word.xmlParts.push({ id: word.nextPartId(), namespace: RECORD_NAMESPACE, xml: encodeRecord(record) });
  return { word, host: hostOver(word), passageIds, ctx };
}

/** One click in the pane: the use case, then the re-read, in one batch. Returns both and the syncs. */
async function click<T>(fixture: Fixture, action: (host: DocumentHost, ctx: WorkflowContext) => Promise<T>) {
  const before = fixture.word.syncCount;
  const outcome = await inBatch(
    fixture.host,
    async () => {
      const result = await action(fixture.host, fixture.ctx);
      return { result, shown: await readPaneSnapshot(fixture.host, fixture.ctx) };
    },
    PANE_READS,
  );
  return { ...outcome, syncs: fixture.word.syncCount - before };
}

/** The use case alone, as the workflow batches it. */
async function alone<T>(fixture: Fixture, action: (host: DocumentHost, ctx: WorkflowContext) => Promise<T>) {
  const before = fixture.word.syncCount;
  const result = await action(fixture.host, fixture.ctx);
  return { result, syncs: fixture.word.syncCount - before };
}

/** The record as a later session finds it in the document (a fresh host, unbatched). */
async function savedState(word: FakeWord) {
  const loaded = await loadRecord(hostOver(word));
  if (loaded.status !== 'ok' || !loaded.chain.ok) throw new Error(`record not intact: ${loaded.status}`);
  return loaded.state;
}

function paragraphOf(word: FakeWord, passageId: string): number {
  return word.span(word.controlByTag(`aiprov:${passageId}`)!)[0];
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each([1, 200])('a pane action on a document of %i passage(s) costs at most 3 round trips', (count) => {
  it('insert a passage: the new marked passage, after the chosen paragraph, with its record', async () => {
    const fixture = await reportWith(count);
    const { word } = fixture;
    const after = paragraphOf(word, fixture.passageIds.at(-1)!); // right after the last passage
    const { result: passageId, shown, syncs } = await click(fixture, (host, ctx) =>
      insertPassage(host, ctx, { afterParagraph: after, text: `${AI_TEXT}\nĐoạn thứ hai của câu trả lời.`, generation: GENERATION }),
    );
    expect(syncs).toBeLessThanOrEqual(3);

    const control = word.controlByTag(`aiprov:${passageId}`)!;
    expect(word.span(control)).toEqual([after + 1, after + 2]);
    expect(word.bodyTexts().slice(after, after + 2)).toEqual([AI_TEXT, 'Đoạn thứ hai của câu trả lời.']);
    expect(control.title).toBe(`AI · chưa kiểm chứng · ${shortId(passageId)}`);
    expect(control.color).toBe(CONDITION_COLORS.unverified);
    expect(word.liveControls()).toHaveLength(count + 1);
    const saved = await savedState(word);
    expect(saved.passages).toHaveLength(count + 1);
    expect(saved.passages.at(-1)!.currentText).toBe(`${AI_TEXT}\nĐoạn thứ hai của câu trả lời.`);
    // What the pane shows, read inside the same batch, is the document as Word now holds it.
    expect(shown.paragraphs.map((p) => [p.text, p.passageId ?? null])).toEqual(
      (await hostOver(word).readParagraphs()).map((p) => [p.text, p.passageId ?? null]),
    );
    expect(shown.status.state!.passages).toHaveLength(count + 1);
    expect(shown.status.pending).toEqual({ edited: [], rebound: [], removed: [] });
  });

  it('declare pasted text: the paragraphs are marked and recorded', async () => {
    const fixture = await reportWith(count);
    const { word } = fixture;
    word.body.paragraphs[2]!.text = 'Theo số liệu, 95% hồ sơ được giải quyết đúng hạn.';
    const { result: passageId, shown, syncs } = await click(fixture, (host, ctx) =>
      declarePassage(host, ctx, { fromParagraph: 3, toParagraph: 3, tool: 'ChatGPT', purpose: 'draft', level: 1 }),
    );
    expect(syncs).toBeLessThanOrEqual(3);
    expect(word.span(word.controlByTag(`aiprov:${passageId}`)!)).toEqual([3, 3]);
    const saved = await savedState(word);
    expect(saved.passages.find((p) => p.passageId === passageId)!.currentText).toBe('Theo số liệu, 95% hồ sơ được giải quyết đúng hạn.');
    expect(shown.paragraphs[2]!.passageId).toBe(passageId);
  });

  it('verify every claim of a passage, one click each: the record says so and the mark turns green', async () => {
    const fixture = await reportWith(count);
    const passageId = fixture.passageIds.at(-1)!;
    const claims = (await savedState(fixture.word)).passages.find((p) => p.passageId === passageId)!.claims;
    expect(claims.length).toBeGreaterThan(0);
    for (const claim of claims) {
      const { syncs } = await click(fixture, (host, ctx) => verifyClaim(host, { ...ctx, actor: CHECKER }, { claim: qualifiedClaimId(passageId, claim.claimId), evidence: { kind: 'manual', source: 'Báo cáo số 12/BC-UBND', note: 'đối chiếu với bản gốc lưu tại văn phòng' } }));
      expect(syncs).toBeLessThanOrEqual(3);
    }
    const saved = await savedState(fixture.word);
    expect(saved.passages.find((p) => p.passageId === passageId)!.claims.map((c) => c.status)).toEqual(claims.map(() => 'verified'));
    const control = fixture.word.controlByTag(`aiprov:${passageId}`)!;
    expect(control.title).toBe(`AI · đã kiểm chứng · ${shortId(passageId)}`);
    expect(control.color).toBe(CONDITION_COLORS.verified);
    // The other marks were left alone.
    if (count > 1) expect(fixture.word.controlByTag(`aiprov:${fixture.passageIds[0]}`)!.color).toBe(CONDITION_COLORS.unverified);
  });

  it('reject a claim: recorded with the reason, the mark turns red', async () => {
    const fixture = await reportWith(count);
    const passageId = fixture.passageIds[0]!;
    const { result, syncs } = await click(fixture, (host, ctx) => rejectClaim(host, ctx, { claim: qualifiedClaimId(passageId, 'c1'), reason: 'Số liệu không khớp với báo cáo của Sở.' }));
    expect(syncs).toBeLessThanOrEqual(3);
    expect(result.passages.find((p) => p.passageId === passageId)!.claims[0]!.status).toBe('rejected');
    expect((await savedState(fixture.word)).totals.rejected).toBe(1);
    expect(fixture.word.controlByTag(`aiprov:${passageId}`)!.color).toBe(CONDITION_COLORS['needs-review']);
  });

  it('refresh after a person edited a passage in Word: the edit is recorded', async () => {
    const fixture = await reportWith(count);
    const passageId = fixture.passageIds.at(-1)!;
    fixture.word.body.paragraphs[paragraphOf(fixture.word, passageId) - 1]!.text = 'Năm 2025, toàn tỉnh đã cung cấp 1.500 dịch vụ công trực tuyến.';
    const { result, shown, syncs } = await click(fixture, (host, ctx) => refresh(host, ctx));
    expect(syncs).toBeLessThanOrEqual(3);
    expect(result.edited).toEqual([passageId]);
    const passage = (await savedState(fixture.word)).passages.find((p) => p.passageId === passageId)!;
    expect(passage.currentText).toBe('Năm 2025, toàn tỉnh đã cung cấp 1.500 dịch vụ công trực tuyến.');
    expect(shown.status.pending.edited).toEqual([]);
  });

  it('the re-read records an edit by itself (the pane refreshes under the person’s name) within the same 3', async () => {
    const fixture = await reportWith(count);
    const passageId = fixture.passageIds[0]!;
    fixture.word.body.paragraphs[paragraphOf(fixture.word, passageId) - 1]!.text = 'Văn bản đã sửa tay.';
    const { shown, syncs } = await click(fixture, async () => undefined);
    expect(syncs).toBeLessThanOrEqual(3);
    expect(shown.status.pending.edited).toEqual([]);
    expect((await savedState(fixture.word)).passages.find((p) => p.passageId === passageId)!.currentText).toBe('Văn bản đã sửa tay.');
  });

  it('insert the disclosure line: at the end of the body, once, recorded', async () => {
    // Every claim verified: the profile's wording says "đã được kiểm chứng", refused otherwise.
    const fixture = await reportWith(count, { verified: true });
    const { result: text, shown, syncs } = await click(fixture, (host, ctx) => insertDisclosure(host, ctx));
    expect(syncs).toBeLessThanOrEqual(3);
    expect(text).toBe(getProfile(DEFAULT_PROFILE_ID).disclosure[0]!.text);
    expect(fixture.word.bodyTexts().at(-1)).toBe(text);
    expect(shown.paragraphs.at(-1)!.text).toBe(text);
    expect(shown.paragraphs.at(-1)!.passageId).toBeUndefined();
    expect((await savedState(fixture.word)).disclosure).toBeTruthy();
  });

  it('sign off a verified document; refuse an unverified one without writing', async () => {
    const verified = await reportWith(count, { verified: true });
    const { result, shown, syncs } = await click(verified, (host, ctx) => signOff(host, ctx, { role: 'Chánh Văn phòng' }));
    expect(syncs).toBeLessThanOrEqual(3);
    expect(result.signOffs.at(-1)).toMatchObject({ by: ACTOR, role: 'Chánh Văn phòng', current: true });
    expect((await savedState(verified.word)).signOffs).toHaveLength(1);
    expect(shown.status.state!.signOffs).toHaveLength(1);

    const unverified = await reportWith(count);
    const before = JSON.stringify(unverified.word.xmlParts);
    const refused = await alone(unverified, (host, ctx) => signOff(host, ctx).catch((error: { code?: string }) => error.code));
    expect(refused.result).toBe('not-ready');
    expect(refused.syncs).toBeLessThanOrEqual(2);
    expect(JSON.stringify(unverified.word.xmlParts)).toBe(before);
  });

  it('document status: the record, every passage and the level, read in at most 2', async () => {
    const fixture = await reportWith(count);
    const { result: status, syncs } = await alone(fixture, (host, ctx) => documentStatus(host, ctx));
    expect(syncs).toBeLessThanOrEqual(2);
    expect(status.record).toEqual({ status: 'ok', intact: true });
    expect(status.state!.passages).toHaveLength(count);
    expect(status.readiness.ready).toBe(false);
    expect(status.level!.detected.level).toBeGreaterThanOrEqual(1);
  });
});

describe('each use case alone is one batch too', () => {
  it.each([1, 200])('%i passage(s): insert, verify, refresh, disclose each cost at most 3 syncs without the pane', async (count) => {
    const fixture = await reportWith(count, { verified: true });
    const inserted = await alone(fixture, (host, ctx) => insertPassage(host, ctx, { afterParagraph: 1, text: AI_TEXT, generation: GENERATION }));
    expect(inserted.syncs).toBeLessThanOrEqual(3);
    const verified = await alone(fixture, (host, ctx) => verifyClaim(host, { ...ctx, actor: CHECKER }, { claim: qualifiedClaimId(inserted.result, 'c1'), evidence: { kind: 'manual', source: 'Cổng dịch vụ công', note: 'đối chiếu với bản gốc lưu tại văn phòng' } }));
    expect(verified.syncs).toBeLessThanOrEqual(3);
    fixture.word.body.paragraphs[1]!.text = 'Đoạn AI đã sửa: 2.000 dịch vụ.';
    const refreshed = await alone(fixture, (host, ctx) => refresh(host, ctx));
    expect(refreshed.syncs).toBeLessThanOrEqual(3);
    expect(refreshed.result.edited).toEqual([inserted.result]);
    // The disclosure says "đã được kiểm chứng": refused (in one batch, nothing written) until every claim is.
    const refused = await alone(fixture, (host, ctx) => insertDisclosure(host, ctx).catch((error: { code?: string }) => error.code));
    expect(refused.result).toBe('disclosure-overstates');
    expect(refused.syncs).toBeLessThanOrEqual(3);
    for (const passage of (await savedState(fixture.word)).passages) {
      for (const claim of passage.claims.filter((c) => c.status !== 'verified')) {
        await verifyClaim(fixture.host, { ...fixture.ctx, actor: CHECKER }, { claim: qualifiedClaimId(passage.passageId, claim.claimId), evidence: { kind: 'manual', source: 'Báo cáo số 12/BC-UBND', note: 'đối chiếu với bản gốc lưu tại văn phòng' } });
      }
    }
    const disclosed = await alone(fixture, (host, ctx) => insertDisclosure(host, ctx));
    expect(disclosed.syncs).toBeLessThanOrEqual(3);
    expect((await savedState(fixture.word)).passages).toHaveLength(count + 1);
  });
});

describe('batched on Word, unbatched on .docx: the same document', () => {
  /** The same clicks on both hosts, with the same passage ids. */
  async function script(host: DocumentHost): Promise<unknown> {
    let serial = 0;
    vi.spyOn(globalThis.crypto, 'randomUUID').mockImplementation(() => `${String(++serial).padStart(8, '0')}-0000-4000-8000-000000000000` as `${string}-${string}-${string}-${string}-${string}`);
    const ctx = context(ACTOR);
    const run = <T>(action: () => Promise<T>) => inBatch(host, async () => [await action(), await readPaneSnapshot(host, ctx)] as const, PANE_READS);
    const [first] = await run(() => insertPassage(host, ctx, { afterParagraph: 5, text: `${AI_TEXT}\nMột đoạn nữa.`, generation: GENERATION }));
    const [second] = await run(() => insertPassage(host, ctx, { afterParagraph: 0, text: 'Mở đầu do AI viết: đạt 90% kế hoạch.', generation: GENERATION }));
    await run(() => declarePassage(host, ctx, { fromParagraph: 5, toParagraph: 5, tool: 'Gemini', purpose: 'draft', level: 1 }));
    await run(() => verifyClaim(host, { ...ctx, actor: CHECKER }, { claim: qualifiedClaimId(first, 'c1'), evidence: { kind: 'manual', source: 'Cổng dịch vụ công quốc gia', note: 'đối chiếu với bản gốc lưu tại văn phòng' } }));
    await run(() => rejectClaim(host, ctx, { claim: qualifiedClaimId(second, 'c1'), reason: 'Chưa có số liệu' }));
    // One claim is rejected: the wording "đã được kiểm chứng" is refused the same way on both hosts.
    const [disclosure] = await run(() => insertDisclosure(host, ctx).catch((error: { code?: string }) => error.code));
    const [, shown] = await run(async () => undefined);
    vi.restoreAllMocks();
    return withIdsInOrder({
      disclosure,
      paragraphs: shown.paragraphs.map((p) => [p.index, p.text, p.passageId ?? null]),
      passages: (await host.listPassages()).map((p) => [p.id, p.title, p.color, p.text, p.paragraphRange]),
      totals: shown.status.state!.totals,
      events: shown.record!.events.map((e) => e.type),
    });
  }

  /** Passage ids (and their short form in titles) as P1, P2… in order of appearance: hosts draw UUIDs for other things too. */
  function withIdsInOrder(value: unknown): unknown {
    const names = new Map<string, string>();
    const text = JSON.stringify(value).replace(/\b(\d{8})(-0000-4000-8000-000000000000)?\b/g, (_, short: string) => {
      if (!names.has(short)) names.set(short, `P${names.size + 1}`);
      return names.get(short)!;
    });
    return JSON.parse(text);
  }

  it('insert ×2, declare, verify, reject, disclose: same paragraphs, marks and record', async () => {
    const word = new FakeWord().addParagraphs(...REPORT_PARAGRAPHS);
    const fromWord = await script(hostOver(word));
    const fromDocx = await script(DocxHost.open(reportDocx()));
    expect(fromWord).toEqual(fromDocx);
  });
});

describe('the batch itself', () => {
  it('with stable locators (WordApi 1.6), paragraphs made in the batch get their Word locator at the end', async () => {
    const fixture = await reportWith(2, { wordApi: 6 });
    const { result: passageId, shown, syncs } = await click(fixture, (host, ctx) => insertPassage(host, ctx, { afterParagraph: 1, text: AI_TEXT, generation: GENERATION }));
    expect(syncs).toBeLessThanOrEqual(3);
    const fresh = await hostOver(fixture.word).readParagraphs();
    expect(shown.paragraphs.map((p) => p.locator)).toEqual(fresh.map((p) => p.locator));
    expect(shown.paragraphs[1]!.passageId).toBe(passageId);
    expect(new Set(fresh.map((p) => p.locator)).size).toBe(fresh.length);
  });

  it('without WordApi 1.4 the record goes through the common API after the body writes, still in at most 3 syncs', async () => {
    const fixture = await reportWith(3, { wordApi: 3 });
    // The fixture's part is reachable through the common API too.
    const { result: passageId, syncs } = await click(fixture, (host, ctx) => insertPassage(host, ctx, { afterParagraph: 1, text: AI_TEXT, generation: GENERATION }));
    expect(syncs).toBeLessThanOrEqual(3);
    expect(fixture.word.xmlParts).toHaveLength(1);
    expect((await savedState(fixture.word)).passages.map((p) => p.passageId)).toContain(passageId);
  });

  it('without the batch the same click costs many round trips (what the count above guards)', async () => {
    const fixture = await reportWith(200);
    const unbatched: DocumentHost = Object.assign(Object.create(fixture.host) as DocumentHost, { batch: undefined });
    const { syncs } = await click({ ...fixture, host: unbatched }, (host, ctx) =>
      verifyClaim(host, { ...ctx, actor: CHECKER }, { claim: qualifiedClaimId(fixture.passageIds[0]!, 'c1'), evidence: { kind: 'manual', source: 'Báo cáo số 12/BC-UBND', note: 'đối chiếu với bản gốc lưu tại văn phòng' } }),
    );
    expect(syncs).toBeGreaterThan(10);
  });

  it('a nested batch joins the outer one', async () => {
    const fixture = await reportWith(5);
    const before = fixture.word.syncCount;
    await inBatch(fixture.host, () => inBatch(fixture.host, () => documentStatus(fixture.host, fixture.ctx)), PANE_READS);
    expect(fixture.word.syncCount - before).toBeLessThanOrEqual(2);
  });

  it('a use case that fails sends the writes it made before failing, then fails as it would unbatched', async () => {
    const fixture = await reportWith(1);
    const error = await inBatch(fixture.host, async () => {
      await fixture.host.writeProperties({ AIProvenanceNote: 'đã ghi' });
      throw new Error('stop');
    }).catch((e: Error) => e);
    expect(error.message).toBe('stop');
    expect(fixture.word.properties).toContainEqual({ key: 'AIProvenanceNote', value: 'đã ghi' });
  });

  it('Word refusing the writes at the end fails the batch with the user-facing error', async () => {
    const fixture = await reportWith(1);
    fixture.word.readOnly = true;
    const error = await verifyClaim(fixture.host, { ...fixture.ctx, actor: CHECKER }, { claim: qualifiedClaimId(fixture.passageIds[0]!, 'c1'), evidence: { kind: 'manual', source: 'Báo cáo', note: 'đối chiếu với bản gốc lưu tại văn phòng' } }).then(
      () => ({ code: 'no error' }),
      (e: { code?: string }) => e,
    );
    expect(error.code).toBe('read-only');
    expect((await savedState(fixture.word)).totals.verified).toBe(0);
  });
});
