// The read-only review commands: inspect (what the record says, in step with the current text),
// check (the signer's gate, as an exit code) and report (the AI-use annex for an inspector).
import { LEVEL_LABELS, purposeInfo } from '../../policy';
import { topicNames } from '../../checks';
import { reportHtml, reportJson, reportProv, type RecordState } from '../../provenance';
import {
  RecordSession,
  documentStatus,
  evidenceLabel,
  resultLabel,
  loadRecord,
  passageCondition,
  qualifiedClaimId,
  reconcile,
  shortId,
  signedFacts,
  withArticles,
  type DocumentStatus,
} from '../../workflow';
import { type CliContext, CliError, parseCommandArgs } from '../context';
import { asCliError, openDocxFile, refuseExisting } from '../docx-file';
import { writeAtomically } from '../io';
import { messages } from '../messages';
import { trustListOf } from '../signing';
import { registryResultForText, suggestedSource, type CitationRegistryResult, type Registry } from '../../checks/registry';
import { loadRegistry, registryFilesFor } from './registry';

function fileArgument(positionals: string[]): string {
  const file = positionals[0];
  if (!file) throw new CliError({ vi: messages('vi').missingFile, en: messages('en').missingFile }, 2);
  return file;
}

/** The JSON of `aiprov inspect --json` and `aiprov check --json` (docs/inspect-schema.md). */
export function statusJson(file: string, status: DocumentStatus, registryOf?: (text: string) => CitationRegistryResult | undefined) {
  const state = status.state;
  return {
    file,
    record: {
      status: status.record.status,
      ...('message' in status.record ? { message: status.record.message } : {}),
      documentId: state?.documentId ?? null,
      // issue 17 — tamper: false for a record begun before 1.3 (no hash covers its documentId).
      documentIdCovered: state?.documentIdCovered ?? null,
      profile: state?.profileId ?? null,
      events: state?.eventCount ?? 0,
    },
    level: status.level ?? null,
    // Decided once in workflow (statusView): no record is "none", never "intact"; ready only when signable.
    integrity: { kind: status.view.integrity.kind, label: status.view.integrity.label, ...(status.view.integrity.note ? { note: status.view.integrity.note } : {}) },
    readiness: { kind: status.view.readiness.kind, label: status.view.readiness.label, note: status.view.readiness.note },
    ready: status.view.readiness.kind === 'ready' || status.view.readiness.kind === 'signed',
    blockers: status.readiness.blockers.map((issue) => ({ item: issue.item, message: withArticles(issue) })),
    warnings: status.readiness.warnings.map((issue) => ({ item: issue.item, message: withArticles(issue) })),
    pending: status.pending,
    // Issue 11: per signed event, and the signed text compared with the text now.
    signatures: status.signatures ?? null,
    signedText: status.signedText ?? null,
    totals: state?.totals ?? null,
    passages: (state?.passages ?? []).map((passage) => ({
      id: passage.passageId,
      shortId: shortId(passage.passageId),
      text: passage.currentText,
      state: passage.removed ? 'removed' : passageCondition(passage),
      origin: passage.origin,
      purpose: passage.purpose,
      provider: passage.provider ?? null,
      tool: passage.tool ?? null,
      model: passage.model ?? null,
      editRatio: passage.editRatio,
      verbatim: passage.verbatim,
      removed: passage.removed,
      createdAt: passage.createdAt,
      createdBy: passage.createdBy,
      claims: passage.claims.map((claim) => ({
        id: qualifiedClaimId(passage.passageId, claim.claimId),
        kind: claim.kind,
        subtype: claim.subtype,
        text: claim.text,
        status: claim.status,
        verifiedBy: claim.verifiedBy ?? null,
        verifiedAt: claim.verifiedAt ?? null,
        source: claim.source ?? null,
        rejectionReason: claim.rejectionReason ?? null,
        // issue 9 — registry: the citation looked up (docs/inspect-schema.md), and the entry offered as its source.
        ...(registryOf && claim.kind === 'citation' ? citationRegistry(registryOf(claim.text)) : {}),
        // issue 10 — evidence: what the verification rests on and the grounding kept in the record.
        evidence: claim.status === 'verified' ? { kind: claim.evidence?.kind ?? 'none', weaker: !claim.evidence || claim.evidence.kind === 'manual', label: evidenceLabel(claim.evidence) } : null,
        note: claim.verificationNote ?? null,
        grounding: claim.grounding?.result ?? 'not-checked',
      })),
    })),
    signOffs: (state?.signOffs ?? []).map(({ by, role, at, current }) => ({ by, role: role ?? null, at, current })),
  };
}

function citationRegistry(result: CitationRegistryResult | undefined) {
  const suggestion = suggestedSource(result);
  return { registry: result ?? null, suggestedSource: suggestion ?? null };
}

/** issue 9 — registry: looks a citation claim's text up (as of today). */
function registryLookupOf(registry: Registry): (text: string) => CitationRegistryResult | undefined {
  const today = new Date().toISOString().slice(0, 10);
  return (text) => registryResultForText(text, registry, today)?.result;
}

async function statusOf(file: string, context: CliContext, options: { level?: boolean } = {}, settingsPath?: string) {
  const trustedKeys = await trustListOf(context, settingsPath);
  const host = await openDocxFile(file, { readOnly: true });
  try {
    // A reader changes nothing: the workflow's status, without recording edits (`aiprov refresh`
    // records) — what readDocument gives without recordEdits, less the pane's paragraphs and insertion point.
    return { host, status: await documentStatus(host, { actor: 'aiprov', lang: context.lang, trustedKeys }, options) };
  } catch (error) {
    throw asCliError(error);
  }
}

export async function inspectCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' }, paragraphs: { type: 'boolean' }, settings: { type: 'string' }, registry: { type: 'string', multiple: true } });
  const file = fileArgument(positionals);
  const m = messages(context.lang);
  const { host, status } = await statusOf(file, context, {}, values.settings);
  if (values.paragraphs) {
    const paragraphs = await host.readParagraphs();
    if (values.json) {
      context.stdout(JSON.stringify({ file, paragraphs: paragraphs.map(({ index, text, passageId }) => ({ index, text, passageId: passageId ?? null })) }, null, 2) + '\n');
      return 0;
    }
    const lines = [`${m.paragraphsTitle}:`];
    for (const p of paragraphs) lines.push(`${String(p.index).padStart(4)}  ${excerpt(p.text, 100)}${p.passageId ? `   [${m.inPassage} ${shortId(p.passageId)}]` : ''}`);
    context.stdout(lines.join('\n') + '\n');
    return 0;
  }
  // An altered or unusable record is a failure, as for `check` (exit 2), though the facts are still shown.
  const altered = status.record.status === 'tampered' || status.record.status === 'unusable';
  if (values.json) {
    const registry = await loadRegistry(await registryFilesFor(values.registry ?? [], context, values.settings));
    context.stdout(JSON.stringify(statusJson(file, status, registryLookupOf(registry)), null, 2) + '\n');
    return altered ? 2 : 0;
  }
  context.stdout(describe(file, status, context) + '\n');
  return altered ? 2 : 0;
}

/** "#2, #3, #5 … #90" — the first ten and the last, for a line that stays readable. */
function seqList(seqs: number[]): string {
  const shown = seqs.length > 11 ? [...seqs.slice(0, 10).map((s) => `#${s}`), '…', `#${seqs.at(-1)}`] : seqs.map((s) => `#${s}`);
  return shown.join(', ');
}

/** Issue 11: one line per signed event (trusted, unknown key, invalid, unsigned…) and the signed text. */
function signatureLines(status: DocumentStatus, context: CliContext): string[] {
  const m = messages(context.lang).keys;
  const lines: string[] = [];
  // The state of each signed event is decided once, in workflow's statusView (issue 11).
  const events = status.view.signatures.events;
  if (events.length) lines.push('', m.title);
  // One line per signed event; the unsigned ones (90 on a long bench document) grouped in one line.
  const unsigned = events.filter((e) => e.kind === 'unsigned');
  for (const e of events) {
    if (e.kind === 'unsigned' && unsigned.length > 1) continue;
    const owner = e.owner ? `${e.owner.name}, ${e.owner.unit}` : '';
    lines.push(m.line(e.seq, e.type, e.actor, e.label[context.lang], owner));
  }
  if (unsigned.length > 1) lines.push(m.unsignedGroup(unsigned.length, seqList(unsigned.map((e) => e.seq))));
  const signed = status.signedText;
  if (signed) {
    const { comparison } = signed;
    lines.push(comparison.unchanged ? m.textUnchanged(signed.by) : m.textChangedDetail(signed.by, comparison.changed.join(', '), comparison.removed.join(', ')));
  }
  return lines;
}

function describe(file: string, status: DocumentStatus, context: CliContext): string {
  const m = messages(context.lang);
  const lang = context.lang;
  const lines = [`${m.file}: ${file}`];
  const { level } = status;
  if (level) {
    lines.push(
      `${m.level}: ${level.effective} (${m.detectedLevel} ${level.detected.level} — ${level.detected.label[lang]}` +
        `${level.declared ? `; ${m.declaredLevel} ${level.declared}` : ''})`,
    );
    // issue 9 — level: a topic suggestion still open, and the confirmations that set one aside.
    const topic = level.detected.topicSuggestion;
    if (topic) lines.push(`  ${m.fromEvidenceLevel(level.detected.fromEvidence, LEVEL_LABELS[level.detected.fromEvidence][lang])}`, `  ${m.topicSuggestionTitle}: ${topic.reason[lang]}`, `    ${m.setAsideHint(file)}`);
    for (const s of level.setAside ?? []) lines.push(`  ${m.topicsSetAsideBy(topicNames(s.topics)[lang], s.by, s.at)}`);
  }
  const record = status.record;
  const integrity = `${m.recordLabel}: ${status.view.integrity.label[lang]}`;
  if (record.status === 'ok') {
    lines.push(`${integrity} (${m.eventCount(status.state!.eventCount)})`);
    if (status.view.integrity.note) lines.push(`  ${status.view.integrity.note[lang]}`);
  } else if (record.status === 'none') lines.push(integrity);
  else lines.push(`${integrity}: ${record.message[lang]}`);
  const { edited, rebound, removed } = status.pending;
  if (edited.length + rebound.length + removed.length > 0) lines.push(m.pendingChanges(edited.length, rebound.length, removed.length));

  const passages = status.state?.passages ?? [];
  if (passages.length) lines.push('', m.passagesTitle(passages.filter((p) => !p.removed).length));
  for (const passage of passages) {
    const origin = passage.origin === 'declared' ? `${m.origin.declared}: ${passage.tool}` : `${m.origin.generated}: ${passage.provider?.name ?? ''}`;
    const condition = passage.removed ? m.removedTag : m.condition[passageCondition(passage)];
    const edits = passage.verbatim ? m.verbatim : m.editRatio(Math.round(passage.editRatio * 100));
    lines.push(`[${shortId(passage.passageId)}] ${condition} · ${origin}${passage.model ? ` (${passage.model})` : ''} · ${m.purpose}: ${purposeInfo(passage.purpose)?.label[lang] ?? passage.purpose} · ${edits}`);
    lines.push(`    «${excerpt(passage.currentText, 160)}»`);
    for (const claim of passage.claims) {
      const who = claim.status === 'verified' ? ` — ${m.by} ${claim.verifiedBy}; ${m.source}: ${claim.source}` : claim.status === 'rejected' ? ` — ${claim.rejectionReason}` : '';
      lines.push(`    ${qualifiedClaimId(passage.passageId, claim.claimId).padEnd(12)} ${claim.kind.padEnd(8)} «${excerpt(claim.text, 70)}» ${m.claimStatus[claim.status]}${who}`);
      // issue 10 — evidence
      const e = m.evidenceCli;
      if (claim.grounding) lines.push(e.groundingLine(resultLabel(claim.grounding.result)[lang], claim.grounding.source?.name ?? ''));
      if (claim.status === 'verified') {
        const at = claim.evidence && (claim.evidence.kind === 'document' || claim.evidence.kind === 'excerpt') ? excerpt(claim.evidence.at.snippet, 80) : '';
        lines.push(e.claimLine(evidenceLabel(claim.evidence)[lang], claim.source ?? '', at));
        if (claim.verificationNote) lines.push(e.noteLine(claim.verificationNote));
      }
    }
  }
  for (const signOff of status.state?.signOffs ?? []) {
    lines.push('', `${m.signOffs}: ${signOff.by}${signOff.role ? ` (${signOff.role})` : ''}, ${signOff.at}${signOff.current ? '' : ` — ${m.notCurrent}`}`);
  }
  lines.push(...signatureLines(status, context));
  lines.push('', readinessLine(status, lang));
  for (const blocker of status.readiness.blockers) lines.push(`  - ${withArticles(blocker)[lang]}`);
  if (status.readiness.warnings.length) lines.push(`${m.warningsTitle}:`);
  for (const warning of status.readiness.warnings) lines.push(`  - ${withArticles(warning)[lang]}`);
  return lines.join('\n');
}

function readinessLine(status: DocumentStatus, lang: 'vi' | 'en'): string {
  const view = status.view.readiness;
  return `${view.label[lang].toLocaleUpperCase(lang)} — ${view.note[lang]}`;
}

/** Exit 0 ready to sign, 1 not ready (reasons listed), 2 unreadable file or altered/unusable record. */
export async function checkCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' }, settings: { type: 'string' } });
  const file = fileArgument(positionals);
  const m = messages(context.lang);
  // The gate is about verification and integrity; the level is for inspect (and costs a full scan).
  const { status } = await statusOf(file, context, { level: false }, values.settings);
  // A forged or misattributed signature is an altered record (2); a text changed after sign-off
  // needs a new sign-off (1). 0 also when there is no AI content at all: the line says why.
  const signaturesBroken = status.signatures !== undefined && !status.signatures.ok;
  const textChanged = status.signedText !== undefined && !status.signedText.comparison.unchanged;
  const kind = status.view.readiness.kind;
  const exitCode =
    status.record.status === 'tampered' || status.record.status === 'unusable' || signaturesBroken ? 2 : kind === 'not-ready' || textChanged ? 1 : 0;
  if (values.json) {
    // check does not compute the level (inspect does): leave the field out rather than print a false null.
    const { level: _notComputed, ...json } = statusJson(file, status);
    context.stdout(JSON.stringify({ ...json, exitCode }, null, 2) + '\n');
    return exitCode;
  }
  const lines: string[] = [];
  if (status.record.status === 'tampered' || status.record.status === 'unusable') {
    lines.push(`${status.record.status === 'tampered' ? m.recordTampered : m.recordUnusable}: ${status.record.message[context.lang]}`);
  }
  lines.push(`${file}: ${readinessLine(status, context.lang)}`);
  for (const blocker of status.readiness.blockers) lines.push(`  - ${withArticles(blocker)[context.lang]}`);
  for (const warning of status.readiness.warnings) lines.push(`  (${m.warningsTitle}) ${withArticles(warning)[context.lang]}`);
  lines.push(...signatureLines(status, context));
  (exitCode === 0 ? context.stdout : context.stderr)(lines.join('\n') + '\n');
  return exitCode;
}

export async function reportCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string', default: 'html' },
    output: { type: 'string', short: 'o' },
    settings: { type: 'string' },
    force: { type: 'boolean' },
  });
  const file = fileArgument(positionals);
  const m = messages(context.lang);
  const format = values.format!;
  if (!['html', 'json', 'prov'].includes(format)) throw new CliError({ vi: messages('vi').badFormat(format), en: messages('en').badFormat(format) }, 2);
  if (!values.output) throw new CliError({ vi: messages('vi').required('-o'), en: messages('en').required('-o') }, 2);
  refuseExisting(values.output, values.force);
  const trustedKeys = await trustListOf(context, values.settings);
  const host = await openDocxFile(file, { readOnly: true });
  let record;
  let state: RecordState;
  let anchor;
  let signedText;
  try {
    const loaded = await loadRecord(host);
    if (loaded.status === 'none') throw new CliError({ vi: messages('vi').noRecordForReport, en: messages('en').noRecordForReport }, 2);
    if (loaded.status === 'unusable') throw new CliError(loaded.message, 2);
    if (loaded.chain.ok) {
      // Report the document as it is now: edits made since the last refresh are included.
      const session = await RecordSession.fromLoaded(host, { actor: 'aiprov', lang: context.lang }, loaded);
      await reconcile(session, { readOnly: true });
      record = session.currentRecord;
      state = session.state;
    } else {
      // An altered record is still reported, with its integrity failure, so an inspector sees it.
      ({ record, state, anchor } = loaded);
    }
    ({ signedText } = await signedFacts(host, loaded.record, { actor: 'aiprov', trustedKeys }));
  } catch (error) {
    throw asCliError(error);
  }
  // issue 10: the report shows the states statusView decided, not a second computation.
  const { view } = await documentStatus(host, { actor: 'aiprov', lang: context.lang, trustedKeys });
  const options = { ...(anchor ? { anchor } : {}), trustedKeys, ...(signedText ? { signedText } : {}), view };
  const output =
    format === 'html'
      ? await reportHtml(record, state, context.lang, options)
      : format === 'json'
        ? JSON.stringify(await reportJson(record, state, options), null, 2) + '\n'
        : JSON.stringify(reportProv(record, state), null, 2) + '\n';
  await writeAtomically(values.output, output);
  context.stdout(m.wrote(values.output) + '\n');
  return 0;
}

function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}
