// `aiprov logbook` over 2,000 generated ~10-page .docx files (one AI passage with claims each, a
// quarter of them verified): documents per second per core on the first run (budget ≥ 50), and the
// second (cached) run. The floor, measured in the same run over the same files: read + unzip every
// entry of every file (fflate), in one thread — what any .docx reader must at least do.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { DocxHost } from '../src/host/docx';
import { findDocxFiles } from '../src/logbook/files';
import { defaultJobs } from '../src/logbook/pool';
import { runLogbook } from '../src/logbook/run';
import { documentStatus, insertPassage, qualifiedClaimId, verifyClaim } from '../src/workflow';
import { buildDocx, p } from '../tests/fixtures/docx-builder';
import { generateAdministrativeText } from './checks.bench';

const DOCUMENTS = Number(process.env.LOGBOOK_BENCH_DOCS ?? 2000);
/** Distinct documents built through the workflow; the set repeats them under other names and folders. */
const DISTINCT = Math.min(DOCUMENTS, 200);
const PAGES = 10;
const BUDGET_PER_CORE = 50;

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

export async function documentBytes(seed: number): Promise<Uint8Array> {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const paragraphs = generateAdministrativeText(PAGES * 3000, seed).split('\n').filter((line) => line.trim());
  const host = DocxHost.open(buildDocx({ body: paragraphs.map((line) => p(escape(line))).join('') + '<w:sectPr/>' }));
  const month = String(1 + (seed % 12)).padStart(2, '0');
  const context = { actor: `Cán bộ ${seed % 17}`, lang: 'vi' as const, now: () => new Date(`2026-${month}-10T08:00:00.000Z`) };
  await insertPassage(host, context, {
    afterParagraph: 3,
    text: `Năm 2025 toàn tỉnh giải quyết ${1000 + seed} hồ sơ, đạt ${80 + (seed % 20)},5% kế hoạch theo Quyết định số ${200 + seed}/QĐ-UBND ngày 05/3/2025 của Ủy ban nhân dân tỉnh.`,
    generation: { purpose: 'draft', provider: { id: 'ollama', name: 'Ollama', tier: seed % 5 ? 'internal' : 'public', endpointHost: 'localhost' }, model: 'qwen2.5:7b', level: 2 },
  });
  if (seed % 4 === 0) {
    const state = (await documentStatus(host, context, { level: false })).state!;
    for (const claim of state.passages[0]!.claims) await verifyClaim(host, { ...context, actor: "Người kiểm chứng" }, { claim: qualifiedClaimId(state.passages[0]!.passageId, claim.claimId), evidence: { kind: 'manual', source: 'Báo cáo thống kê', note: 'đối chiếu với bản gốc lưu tại văn phòng' } });
  }
  return host.save();
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'aiprov-logbook-bench-'));
  try {
    const distinct: Uint8Array[] = [];
    for (let i = 0; i < DISTINCT; i++) distinct.push(await documentBytes(i + 1));
    let bytes = 0;
    for (let i = 0; i < DOCUMENTS; i++) {
      const folder = join(dir, `phong-${i % 10}`);
      mkdirSync(folder, { recursive: true });
      const docx = distinct[i % DISTINCT]!;
      bytes += docx.length;
      writeFileSync(join(folder, `van-ban-${i}.docx`), docx);
    }
    // Floor: read and inflate every entry of every file, one thread.
    const { files } = await findDocxFiles([dir]);
    let start = performance.now();
    let cpu = process.cpuUsage();
    for (const file of files) unzipSync(new Uint8Array(readFileSync(file.path)));
    const floorMs = performance.now() - start;
    const floorCpuMs = cpuMs(process.cpuUsage(cpu));

    const cachePath = join(dir, 'cache.json');
    const jobs = defaultJobs();
    // process.cpuUsage counts every thread of the process: the workers' CPU time is in it.
    start = performance.now();
    cpu = process.cpuUsage();
    const first = await runLogbook([dir], { cachePath, jobs });
    const firstMs = performance.now() - start;
    const firstCpuMs = cpuMs(process.cpuUsage(cpu));
    start = performance.now();
    cpu = process.cpuUsage();
    const second = await runLogbook([dir], { cachePath, jobs });
    const secondMs = performance.now() - start;
    const secondCpuMs = cpuMs(process.cpuUsage(cpu));

    // Never a figure per thread that did not run: a worker failure is said (the pool then read in this thread).
    if (first.workerFailure !== undefined) console.log(`logbook: WARNING the worker threads failed (${first.workerFailure}); the files were read in the main thread`);
    const threadsUsed = first.workerFailure !== undefined ? 1 : first.threads;
    const perCore = DOCUMENTS / (firstMs / 1000) / threadsUsed;
    const floorPerSecond = DOCUMENTS / (floorMs / 1000);
    const perCpuSecond = DOCUMENTS / (firstCpuMs / 1000);
    const floorCpuPerDoc = floorCpuMs / DOCUMENTS;
    const cpuPerDoc = firstCpuMs / DOCUMENTS;
    console.log(`logbook: ${DOCUMENTS} .docx of ~${PAGES} pages (${DISTINCT} distinct, ${(bytes / DOCUMENTS / 1024).toFixed(0)} KB each), ${first.logbook.totals.passages} AI passages, ${threadsUsed} thread(s), load ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} core(s)`);
    console.log(`logbook: floor (read + unzip every entry, 1 thread) ${floorMs.toFixed(0)} ms = ${floorPerSecond.toFixed(0)} docs/s; CPU ${floorCpuPerDoc.toFixed(2)} ms/doc = ${(1000 / floorCpuPerDoc).toFixed(0)} docs per CPU-second`);
    console.log(
      `logbook: first run ${firstMs.toFixed(0)} ms = ${(DOCUMENTS / (firstMs / 1000)).toFixed(0)} docs/s, ${perCore.toFixed(0)} docs/s/core by the clock ` +
        `(${((firstMs * threadsUsed) / floorMs).toFixed(1)}× floor per core) — budget ≥ ${BUDGET_PER_CORE} docs/s/core: ${perCore >= BUDGET_PER_CORE ? 'within' : 'OVER'}`,
    );
    console.log(
      `logbook: first run CPU ${firstCpuMs.toFixed(0)} ms, all threads = ${cpuPerDoc.toFixed(2)} ms/doc = ${perCpuSecond.toFixed(0)} docs per CPU-second ` +
        `(${(cpuPerDoc / floorCpuPerDoc).toFixed(1)}× the floor's CPU per doc) — budget ≥ ${BUDGET_PER_CORE} per core-second: ${perCpuSecond >= BUDGET_PER_CORE ? 'within' : 'OVER'}`,
    );
    console.log(
      `logbook: cached run ${secondMs.toFixed(0)} ms, CPU ${secondCpuMs.toFixed(0)} ms (${second.cached}/${DOCUMENTS} from the cache) = ` +
        `${(secondMs / firstMs * 100).toFixed(1)}% of the first run, ${(secondMs / floorMs).toFixed(2)}× floor`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
