// Policy decisions and redaction are on the path of every AI call: measure that they stay negligible.
import { redactParts } from '../src/ai/redact';
import { groundAnswer } from '../src/ai/grounding';
import { scanText } from '../src/checks';
import { STRICT, decide } from '../src/policy';

function time(label: string, runs: number, fn: () => void): void {
  fn();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) fn();
  const ms = (performance.now() - t0) / runs;
  console.log(`${label}: ${ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`} per call (${runs} runs)`);
}

export async function run(): Promise<void> {
  const paragraph =
    'Ông Nguyễn Văn An (CCCD 079203001234, điện thoại 0912 345 678, an.nguyen@phuocbinh.gov.vn) báo cáo: thu ngân sách đạt 1.234 triệu đồng, tăng 12,5% theo Điều 9 Nghị định số 13/2023/NĐ-CP. ';
  const text = paragraph.repeat(Math.ceil(100_000 / paragraph.length));
  const scan = scanText(text);
  console.log(`text: ${(text.length / 1000).toFixed(0)} k chars, ${scan.findings.length} findings`);

  time('decide() strict, level 2, contracted, all findings', 200, () => {
    decide({ level: { detected: 2 }, providerTier: 'external-contracted', findings: scan.findings, purpose: 'draft', profile: STRICT, text });
  });
  time('redactParts() 100 k chars', 20, () => {
    const r = redactParts([{ text, findings: scan.findings }]);
    r.restore(r.texts[0]!);
  });
  const answer = paragraph.repeat(20);
  const answerFindings = scanText(answer).findings;
  time('groundAnswer() 20-paragraph answer vs 100 k source (findings given)', 20, () => {
    groundAnswer({ answer, sources: [text], answerFindings, sourceFindings: [scan.findings] });
  });
}
