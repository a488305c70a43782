// issue 16 — gate: the fuzz suite. fast-check with a fixed seed, a few hundred cases in CI
// (AIPROV_FUZZ_SCALE=10 for the long run of `npm run bench -- fuzz`), against a real local
// OpenAI-compatible server whose request log is read:
//   1. generated secrecy stamps (case, NFC/NFD, zero-width and bidi characters, look-alike letters,
//      letter spacing, no-break spaces, a line break after it) in every place a stamp can be → the
//      draft is refused and no request reaches the server;
//   2. generated ordinary texts (with the words that resemble stamps: bảo mật, mật khẩu, mặt trận,
//      giải mật…) in the same places → let through, refusals at most BENIGN_REFUSAL_RATE;
//   3. zip and XML mutations of the real corpus (truncation, flipped bytes, dropped parts, forbidden
//      characters, deep nesting, broken tags, DOCTYPE) → a documented exit code and a one-line message
//      within the time limit, never "unexpected error", the input unchanged, no partial output file.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { DocxHost } from '../../src/host/docx';
import { STRICT, type ProviderConfig } from '../../src/policy';
import { DraftRefusedError, draftIntoDocument } from '../../src/workflow';
import { startFakeServer, streamTokens, type FakeServer } from '../ai/fake-openai-server';
import { buildDocx, corpusPath, p } from '../fixtures/docx-builder';
import { context } from '../workflow/helpers';

const SEED = 20_261_202;
const SCALE = Math.max(1, Number(process.env.AIPROV_FUZZ_SCALE ?? 1) || 1);
const STAMP_RUNS = 150 * SCALE;
const BENIGN_RUNS = 120 * SCALE;
const MUTANT_RUNS = 40 * SCALE;
/** Agreed rate of ordinary texts refused (a refusal costs a person one declaration, a leak costs far more). */
const BENIGN_REFUSAL_RATE = 0.02;
/** Each malformed input ends within this (the issue's budget for large and deep input). */
const TIME_LIMIT_MS = 5000;

let server: FakeServer;
let provider: ProviderConfig;
let dir: string;
beforeAll(async () => {
  server = await startFakeServer((_r, res) => streamTokens(res, ['Đoạn mở đầu.']));
  provider = { id: 'so', name: 'Máy chủ AI của Sở', tier: 'internal', baseUrl: server.baseUrl, model: 'm' };
  dir = await mkdtemp(join(tmpdir(), 'aiprov-fuzz-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Places: each renders a text (possibly with a run property and a line break after it) into a .docx.

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const WP = 'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"';
const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const runOf = (text: string, rPr: string, breakAfter: boolean) =>
  `<w:r>${rPr}<w:t xml:space="preserve">${esc(text)}</w:t>${breakAfter ? '<w:br/><w:t>Số: 12/BC-UBND</w:t>' : ''}</w:r>`;
const para = (text: string, rPr = '', breakAfter = false) => `<w:p>${runOf(text, rPr, breakAfter)}</w:p>`;
const REST = p('Tình hình kinh tế - xã hội năm 2025 của tỉnh.') + p('Kết quả thực hiện nhiệm vụ.');
const story = (root: string, inner: string) => `<?xml version="1.0"?><w:${root} ${W} ${WP}>${inner}</w:${root}>`;

interface Rendered {
  text: string;
  rPr?: string;
  breakAfter?: boolean;
}

const PLACES = {
  'body, first line': ({ text, rPr, breakAfter }: Rendered) => buildDocx({ body: para(text, rPr, breakAfter) + REST }),
  header: ({ text, rPr, breakAfter }: Rendered) =>
    buildDocx({
      body: REST + '<w:sectPr><w:headerReference w:type="default" r:id="rH"/></w:sectPr>',
      documentRels: [['rH', 'header', 'header1.xml']],
      parts: { 'word/header1.xml': story('hdr', para(text, rPr, breakAfter)) },
    }),
  'first-page footer': ({ text, rPr, breakAfter }: Rendered) =>
    buildDocx({
      body: REST + '<w:sectPr><w:footerReference w:type="first" r:id="rF"/></w:sectPr>',
      documentRels: [['rF', 'footer', 'footer2.xml']],
      parts: { 'word/footer2.xml': story('ftr', para(text, rPr, breakAfter)) },
    }),
  'table cell': ({ text, rPr, breakAfter }: Rendered) =>
    buildDocx({ body: `<w:tbl><w:tr><w:tc>${para(text, rPr, breakAfter)}</w:tc><w:tc>${p('Số: 12/BC-UBND')}</w:tc></w:tr></w:tbl>` + REST }),
  'text box': ({ text, rPr, breakAfter }: Rendered) =>
    buildDocx({ body: `<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent>${para(text, rPr, breakAfter)}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>` + REST }),
  footnote: ({ text, rPr, breakAfter }: Rendered) =>
    buildDocx({
      body: REST,
      documentRels: [['rN', 'footnotes', 'footnotes.xml']],
      parts: { 'word/footnotes.xml': story('footnotes', `<w:footnote w:id="1">${para(text, rPr, breakAfter)}</w:footnote>`) },
    }),
  'image alt title': ({ text }: Rendered) => buildDocx({ body: `<w:p><w:r><w:drawing><wp:inline><wp:docPr id="1" name="Hình" title="${esc(text)}"/></wp:inline></w:drawing></w:r></w:p>` + REST }),
  'image alt description': ({ text }: Rendered) => buildDocx({ body: `<w:p><w:r><w:drawing><wp:inline><wp:docPr id="1" name="Hình" descr="${esc(text)}"/></wp:inline></w:drawing></w:r></w:p>` + REST }),
  'core title': ({ text }: Rendered) =>
    buildDocx({
      body: REST,
      parts: { 'docProps/core.xml': `<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${esc(text)}</dc:title></cp:coreProperties>` },
    }),
  'custom property': ({ text }: Rendered) =>
    buildDocx({
      body: REST,
      parts: { 'docProps/custom.xml': `<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Phân loại"><vt:lpwstr>${esc(text)}</vt:lpwstr></property></Properties>` },
    }),
  SmartArt: ({ text }: Rendered) =>
    buildDocx({
      body: REST,
      parts: { 'word/diagrams/data1.xml': `<?xml version="1.0"?><dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><dgm:ptLst><dgm:pt modelId="1"><dgm:t><a:p><a:r><a:t>${esc(text)}</a:t></a:r></a:p></dgm:t></dgm:pt></dgm:ptLst></dgm:dataModel>` },
    }),
} satisfies Record<string, (r: Rendered) => Uint8Array>;
type Place = keyof typeof PLACES;
const ALL_PLACES = Object.keys(PLACES) as Place[];
/** Places that carry run formatting (w:caps) and a line break. */
const RUN_PLACES: Place[] = ['body, first line', 'header', 'first-page footer', 'table cell', 'text box', 'footnote'];
/** Where a lower- or mixed-case stamp alone is "possibly secret" (the issue: near the top, a header, a property). */
const LOWER_CASE_PLACES: Place[] = ['body, first line', 'header', 'core title', 'custom property'];

// ---------------------------------------------------------------------------------------------
// Stamp variants.

const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u200e', '\u200f', '\u202a', '\u202c', '\u202e', '\u2066', '\u2069', '\u00ad', '\u034f'];
const LOOK_ALIKES: Record<string, string[]> = { M: ['\u041c', '\u039c'], T: ['\u0422', '\u03a4'], I: ['\u0406', '\u0399'], A: ['\u0410', '\u0391'] };

interface StampCase {
  stamp: string;
  casing: 'upper' | 'lower' | 'title' | 'caps-formatting';
  form: 'NFC' | 'NFD';
  invisible: Array<[number, string]>;
  lookAlikes: number[];
  spaced: boolean;
  noBreakSpace: boolean;
  breakAfter: boolean;
  place: Place;
}

function renderStamp(c: StampCase): Rendered {
  let words = c.stamp.split(' ');
  if (c.casing === 'lower' || c.casing === 'caps-formatting') words = words.map((w) => w.toLowerCase());
  if (c.casing === 'title') words = words.map((w) => w[0] + w.slice(1).toLowerCase());
  // Look-alike capitals, chosen by position among the letters that have one.
  let letter = 0;
  words = words.map((w) =>
    [...w]
      .map((ch) => {
        const alternatives = LOOK_ALIKES[ch];
        if (!alternatives) return ch;
        const pick = c.lookAlikes[letter++ % Math.max(1, c.lookAlikes.length)] ?? 0;
        return pick === 0 ? ch : alternatives[(pick - 1) % alternatives.length]!;
      })
      .join(''),
  );
  if (c.spaced) words = words.map((w) => [...w.normalize('NFC')].join(' '));
  let text = words.join(c.spaced ? '  ' : c.noBreakSpace ? '\u00a0' : ' ');
  text = text.normalize(c.form);
  // Invisible characters inside the words (never at the ends, which would change nothing).
  const chars = [...text];
  for (const [at, ch] of c.invisible) chars.splice(1 + (at % Math.max(1, chars.length - 1)), 0, ch);
  text = chars.join('');
  return { text, ...(c.casing === 'caps-formatting' ? { rPr: '<w:rPr><w:caps/></w:rPr>' } : {}), breakAfter: c.breakAfter };
}

const stampCase: fc.Arbitrary<StampCase> = fc
  .record({
    stamp: fc.constantFrom('MẬT', 'TỐI MẬT', 'TUYỆT MẬT'),
    casing: fc.constantFrom<StampCase['casing']>('upper', 'upper', 'lower', 'title', 'caps-formatting'),
    form: fc.constantFrom<StampCase['form']>('NFC', 'NFD'),
    invisible: fc.array(fc.tuple(fc.nat(40), fc.constantFrom(...INVISIBLE)), { maxLength: 3 }),
    lookAlikes: fc.array(fc.nat(2), { maxLength: 6 }),
    spaced: fc.boolean(),
    noBreakSpace: fc.boolean(),
    breakAfter: fc.boolean(),
    place: fc.constantFrom(...ALL_PLACES),
  })
  .map((c) => {
    // Keep each variant to what the issue promises: lower/mixed case only where a lone word is
    // "possibly secret"; caps formatting and a line break only where text has runs.
    const place = c.casing === 'lower' || c.casing === 'title' ? LOWER_CASE_PLACES[ALL_PLACES.indexOf(c.place) % LOWER_CASE_PLACES.length]! : c.place;
    const runs = RUN_PLACES.includes(place);
    return { ...c, place, casing: c.casing === 'caps-formatting' && !runs ? 'upper' : c.casing, breakAfter: c.breakAfter && runs, spaced: c.spaced && c.casing !== 'title' && c.casing !== 'lower' };
  });

async function draftOn(bytes: Uint8Array): Promise<{ requests: number; refused: DraftRefusedError | undefined; error?: unknown }> {
  const before = server.requests.length;
  try {
    await draftIntoDocument(DocxHost.open(bytes), context(), {
      purpose: 'draft',
      instruction: 'Viết đoạn mở đầu cho báo cáo',
      provider,
      profile: STRICT,
      acknowledgeWarnings: true,
      afterParagraph: 1,
    });
    return { requests: server.requests.length - before, refused: undefined };
  } catch (error) {
    return { requests: server.requests.length - before, refused: error instanceof DraftRefusedError ? error : undefined, error };
  }
}

describe('fuzz: stamp variants never reach the network', () => {
  it(`${STAMP_RUNS} generated stamps (seed ${SEED}) → refused, 0 requests`, async () => {
    let total = 0;
    await fc.assert(
      fc.asyncProperty(stampCase, async (c) => {
        const rendered = renderStamp(c);
        const result = await draftOn(PLACES[c.place](rendered));
        total += result.requests;
        if (result.requests !== 0 || !result.refused) {
          throw new Error(`${JSON.stringify(rendered.text)} in ${c.place}: ${result.requests} request(s), ${result.refused ? 'refused' : `not refused (${String(result.error)})`}`);
        }
      }),
      { seed: SEED, numRuns: STAMP_RUNS },
    );
    expect(total).toBe(0);
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------
// Ordinary texts.

const WORDS = [
  'báo cáo', 'tình hình', 'kinh tế', 'xã hội', 'năm 2025', 'của tỉnh', 'công tác', 'bảo mật', 'mật khẩu', 'mặt trận',
  'Mặt trận Tổ quốc', 'giải mật', 'bí mật nhà nước', 'bảo vệ', 'mật độ', 'dân số', 'mật thiết', 'tối ưu', 'tuyệt vời',
  'thông tin', 'kế hoạch', 'triển khai', 'nhiệm vụ', 'trọng tâm', 'ủy ban nhân dân', 'quyết định', 'số liệu', 'tổng hợp',
  'mật ong', 'nội dung mật', 'cơ quan', 'đơn vị', 'chuyển đổi số', 'an toàn', 'an ninh mạng',
];

const benignCase = fc.record({
  words: fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 9 }),
  casing: fc.constantFrom('sentence', 'sentence', 'upper'),
  form: fc.constantFrom<'NFC' | 'NFD'>('NFC', 'NFD'),
  place: fc.constantFrom(...ALL_PLACES),
});

describe('fuzz: ordinary texts are let through', () => {
  it(`${BENIGN_RUNS} generated ordinary texts (seed ${SEED}) → refused at most ${BENIGN_REFUSAL_RATE * 100} %`, async () => {
    const cases = fc.sample(benignCase, { seed: SEED, numRuns: BENIGN_RUNS });
    const refused: string[] = [];
    for (const c of cases) {
      let text = c.words.join(' ');
      text = c.casing === 'upper' ? text.toUpperCase() : text[0]!.toUpperCase() + text.slice(1) + '.';
      const result = await draftOn(PLACES[c.place]({ text: text.normalize(c.form) }));
      if (!result.refused) expect(result.requests, `${text} in ${c.place}: ${String(result.error)}`).toBe(1);
      else refused.push(`${text} (${c.place})`);
    }
    expect(refused.length / cases.length, refused.join('\n')).toBeLessThanOrEqual(BENIGN_REFUSAL_RATE);
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------
// Malformed and oversized inputs.

const CORPUS = ['own-report.docx', 'lo-letter.docx', 'lo-resaved-report.docx'].filter((name) => existsSync(corpusPath(name)));
const INSERTS = [
  '<', '&', '&#0;', '&#xD800;', '\u0000', '<w:p>', '</w:body>', ']]>', '<!--', '<?x?>', '<!DOCTYPE d [<!ENTITY e "e">]>',
  '<w:sdt><w:sdtContent>'.repeat(300), '<w:customXml w:element="a">'.repeat(5000), `<w:t>${'x'.repeat(200_000)}</w:t>`, '"', 'xmlns:w="urn:x"',
];

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number[]; value: number }
  | { kind: 'drop'; part: number }
  | { kind: 'xml-insert'; part: number; at: number; insert: string }
  | { kind: 'xml-cut'; part: number; at: number; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), value: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('drop' as const), part: fc.nat() }),
  fc.record({ kind: fc.constant('xml-insert' as const), part: fc.nat(), at: fc.nat(), insert: fc.constantFrom(...INSERTS) }),
  fc.record({ kind: fc.constant('xml-cut' as const), part: fc.nat(), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
);

function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  if (m.kind === 'truncate') return bytes.slice(0, m.at % bytes.length);
  if (m.kind === 'flip') {
    const out = bytes.slice();
    for (const at of m.at) out[at % out.length] = (out[at % out.length] ?? 0) ^ m.value;
    return out;
  }
  const parts = unzipSync(bytes);
  const names = Object.keys(parts);
  if (m.kind === 'drop') {
    delete parts[names[m.part % names.length]!];
    return zipSync(parts);
  }
  const xmlNames = names.filter((n) => /\.(xml|rels)$/u.test(n));
  // Half of the XML mutations hit the main document, where most of the reading happens.
  const name = m.part % 2 === 0 ? 'word/document.xml' : xmlNames[m.part % xmlNames.length]!;
  const text = strFromU8(parts[name]!);
  const at = m.at % (text.length + 1);
  parts[name] = strToU8(m.kind === 'xml-insert' ? text.slice(0, at) + m.insert + text.slice(at) : text.slice(0, at) + text.slice(at + m.length));
  return zipSync(parts);
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const DOCUMENTED_EXITS = [0, 1, 2];

describe.skipIf(CORPUS.length === 0)('fuzz: malformed and oversized inputs end cleanly', () => {
  it(`${MUTANT_RUNS} zip and XML mutations of the corpus (seed ${SEED}) → a documented exit, one line, ≤ ${TIME_LIMIT_MS / 1000} s, input unchanged, no partial output`, async () => {
    const originals = await Promise.all(CORPUS.map(async (name) => new Uint8Array(await readFile(corpusPath(name)))));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(CORPUS.length - 1), mutation, async (which, m) => {
        const bytes = mutate(originals[which]!, m);
        const input = join(dir, `m${n}.docx`);
        const output = join(dir, `m${n++}.out.docx`);
        await writeFile(input, bytes);
        const hash = sha(bytes);
        const commands: string[][] = [
          ['scan', input],
          ['declare', input, '--paragraphs', '1', '--tool', 'ChatGPT', '--by', 'Trần Thị Bình', '-o', output],
        ];
        for (const argv of commands) {
          let stderr = '';
          const started = performance.now();
          const code = await main(argv, { stdout: () => {}, stderr: (t) => void (stderr += t), lang: 'vi', env: {} });
          const took = performance.now() - started;
          const what = `${argv[0]} on ${CORPUS[which]} after ${JSON.stringify(m).slice(0, 200)}`;
          expect(took, what).toBeLessThan(TIME_LIMIT_MS);
          expect(DOCUMENTED_EXITS, what).toContain(code);
          expect(stderr, what).not.toMatch(/lỗi không mong đợi|unexpected error|stack size/iu);
          if (code === 2) expect(stderr.trim().split('\n'), `${what}: ${stderr}`).toHaveLength(1);
          if (argv[0] === 'declare' && code !== 0) expect(existsSync(output), what).toBe(false);
        }
        expect(sha(new Uint8Array(await readFile(input)))).toBe(hash);
      }),
      { seed: SEED, numRuns: MUTANT_RUNS },
    );
    // No temporary file of ours left behind.
    expect(readdirSync(dir).filter((f) => /\.tmp|\.lock/u.test(f))).toEqual([]);
  }, 180_000);
});
