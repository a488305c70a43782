// Prints the precision of the checks engine on ../shared/realtext (issue 9):
//   npx tsx scripts/realtext-precision.ts [--detail missed|split|errors|warnings|levels]
import { measureCorpus, realtextPresent } from '../tests/checks/realtext/measure';

if (!realtextPresent()) {
  console.log('../shared/realtext is absent: nothing to measure.');
  process.exit(0);
}
const detail = process.argv.includes('--detail') ? process.argv[process.argv.indexOf('--detail') + 1] : undefined;
const m = measureCorpus();
const pct = (n: number): string => `${((100 * n) / Math.max(1, m.symbols)).toFixed(2)}%`;
console.log(`documents: ${m.docs.length}`);
console.log(`cited symbols (oracle): ${m.symbols}`);
console.log(`found whole: ${m.whole} (${pct(m.whole)})  split: ${m.split} (${pct(m.split)})  missed: ${m.missed} (${pct(m.missed)})`);
console.log(`error diagnostics: ${m.falseErrors} false; ${m.defectErrors} on defects confirmed by the ../shared registry seed (or look-alike letters); ${m.selfContradictions} on citations that contradict themselves (document unknown to the seed)`);
console.log(`levels applied (fail closed, topic suggestions count as 2): ${JSON.stringify(m.levels)}`);
console.log(`levels from evidence (stamps, marks, personal identifiers, drafts): ${JSON.stringify(m.levelsFromEvidence)}`);
console.log(`raised to 2 only by a topic suggestion (a person may set it aside: aiprov declare --published): ${m.topicSuggestions.documents} documents; by topic ${JSON.stringify(m.topicSuggestions.byTopic)}`);
for (const d of m.docs) {
  if (detail === 'missed' || detail === 'split') {
    for (const s of d.symbols.filter((x) => x.outcome === detail)) console.log(`${d.file}\t${JSON.stringify(s.raw)}\t→ ${s.found ?? ''}`);
  }
  if (detail === 'errors') for (const e of [...d.falseErrors.map((x) => ['FALSE', x] as const), ...d.defectErrors.map((x) => ['defect', x] as const), ...d.selfContradictions.map((x) => ['self', x] as const)]) console.log(`${d.file}\t${e[0]}\t${e[1].code}\t${JSON.stringify(e[1].text)}\t${e[1].message.en}`);
  if (detail === 'warnings') for (const e of d.warnings) console.log(`${d.file}\t${e.code}\t${JSON.stringify(e.text)}`);
  if (detail === 'levels' && d.level > 1) {
    console.log(`${d.file}\tlevel ${d.level}\tfrom evidence ${d.levelFromEvidence}${d.topicSuggestion.length ? `\ttopic suggestion: ${d.topicSuggestion.join(', ')}` : ''}`);
    for (const ev of d.result.level.evidence) console.log(`\tevidence ${ev.level}\t${JSON.stringify(ev.text)}\t${ev.reason.en}`);
    for (const ev of d.result.level.topicSuggestion?.evidence ?? []) console.log(`\tsuggested ${ev.level}\t${JSON.stringify(ev.text)}\t${ev.topic}`);
  }
}
