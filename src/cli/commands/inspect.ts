// The read-only review commands: inspect (what the record says, in step with the current text),
// check (the signer's gate, as an exit code) and report (the AI-use annex for an inspector).
import { purposeInfo } from '../../policy';
import { reportHtml, reportJson, reportProv, type RecordState } from '../../provenance';
import {
  RecordSession,
  documentStatus,
  loadRecord,
  passageCondition,
  qualifiedClaimId,
  reconcile,
  shortId,
  withArticles,
  type DocumentStatus,
} from '../../workflow';
import { type CliContext, CliError, parseCommandArgs } from '../context';
import { asCliError, openDocxFile, refuseExisting } from '../docx-file';
import { writeAtomically } from '../io';
import { messages } from '../messages';

function fileArgument(positionals: string[]): string {
  const file = positionals[0];
  if (!file) throw new CliError({ vi: messages('vi').missingFile, en: messages('en').missingFile }, 2);
  return file;
}

/** The JSON of `aiprov inspect --json` and `aiprov check --json` (docs/inspect-schema.md). */
export function statusJson(file: string, status: DocumentStatus) {
  const state = status.state;
  return {
    file,
    record: {
      status: status.record.status,
      ...('message' in status.record ? { message: status.record.message } : {}),
      documentId: state?.documentId ?? null,
      profile: state?.profileId ?? null,
      events: state?.eventCount ?? 0,
    },
    level: status.level ?? null,
    ready: status.readiness.ready,
    blockers: status.readiness.blockers.map((issue) => ({ item: issue.item, message: withArticles(issue) })),
    warnings: status.readiness.warnings.map((issue) => ({ item: issue.item, message: withArticles(issue) })),
    pending: status.pending,
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
      })),
    })),
    signOffs: (state?.signOffs ?? []).map(({ by, role, at, current }) => ({ by, role: role ?? null, at, current })),
  };
}

async function statusOf(file: string, context: CliContext, options: { level?: boolean } = {}) {
  const host = await openDocxFile(file);
  try {
    return { host, status: await documentStatus(host, { actor: 'aiprov', lang: context.lang }, options) };
  } catch (error) {
    throw asCliError(error);
  }
}

export async function inspectCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' }, paragraphs: { type: 'boolean' } });
  const file = fileArgument(positionals);
  const m = messages(context.lang);
  const { host, status } = await statusOf(file, context);
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
  if (values.json) {
    context.stdout(JSON.stringify(statusJson(file, status), null, 2) + '\n');
    return 0;
  }
  context.stdout(describe(file, status, context) + '\n');
  return 0;
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
  }
  const record = status.record;
  if (record.status === 'none') lines.push(m.recordNone);
  else if (record.status === 'ok') lines.push(`${m.recordOk} (${status.state!.eventCount})`);
  else lines.push(`${record.status === 'tampered' ? m.recordTampered : m.recordUnusable}: ${record.message[lang]}`);
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
    }
  }
  for (const signOff of status.state?.signOffs ?? []) {
    lines.push('', `${m.signOffs}: ${signOff.by}${signOff.role ? ` (${signOff.role})` : ''}, ${signOff.at}${signOff.current ? '' : ` — ${m.notCurrent}`}`);
  }
  lines.push('', status.readiness.ready ? m.ready : m.notReady);
  for (const blocker of status.readiness.blockers) lines.push(`  - ${withArticles(blocker)[lang]}`);
  if (status.readiness.warnings.length) lines.push(`${m.warningsTitle}:`);
  for (const warning of status.readiness.warnings) lines.push(`  - ${withArticles(warning)[lang]}`);
  return lines.join('\n');
}

/** Exit 0 ready to sign, 1 not ready (reasons listed), 2 unreadable file or altered/unusable record. */
export async function checkCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
  const file = fileArgument(positionals);
  const m = messages(context.lang);
  // The gate is about verification and integrity; the level is for inspect (and costs a full scan).
  const { status } = await statusOf(file, context, { level: false });
  const exitCode = status.record.status === 'tampered' || status.record.status === 'unusable' ? 2 : status.readiness.ready ? 0 : 1;
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
  lines.push(`${file}: ${status.readiness.ready && exitCode === 0 ? m.ready : m.notReady}`);
  for (const blocker of status.readiness.blockers) lines.push(`  - ${withArticles(blocker)[context.lang]}`);
  for (const warning of status.readiness.warnings) lines.push(`  (${m.warningsTitle}) ${withArticles(warning)[context.lang]}`);
  (exitCode === 0 ? context.stdout : context.stderr)(lines.join('\n') + '\n');
  return exitCode;
}

export async function reportCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string', default: 'html' },
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
  });
  const file = fileArgument(positionals);
  const m = messages(context.lang);
  const format = values.format!;
  if (!['html', 'json', 'prov'].includes(format)) throw new CliError({ vi: messages('vi').badFormat(format), en: messages('en').badFormat(format) }, 2);
  if (!values.output) throw new CliError({ vi: messages('vi').required('-o'), en: messages('en').required('-o') }, 2);
  refuseExisting(values.output, values.force);
  const host = await openDocxFile(file);
  let record;
  let state: RecordState;
  let anchor;
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
  } catch (error) {
    throw asCliError(error);
  }
  const options = anchor ? { anchor } : {};
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
