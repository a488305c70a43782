// `aiprov draft`: drafting with AI under the rules, from the terminal. The workflow makes the policy
// decision before anything is sent; this command reads the files, streams the answer to stdout,
// reports status and the grounding check on stderr, and with --into writes a copy of the document
// with the answer as a marked passage — only when everything succeeded.
import { basename } from 'node:path';
import { isAiError } from '../../ai';
import type { SensitivityLevel } from '../../checks/types';
import { LEVEL_LABELS, TIER_LABELS } from '../../policy';
import {
  DraftError,
  DraftNeedsConfirmationError,
  DraftRefusedError,
  draftIntoDocument,
  generateDraft,
  shortId,
  type DraftResult,
  type DraftSource,
  type DraftStatus,
  type GenerateDraftOptions,
} from '../../workflow';
import { type CliContext, CliError, parseCommandArgs } from '../context';
import { asCliError, openDocxFile, outputPath, saveDocx } from '../docx-file';
import { readDocumentParts } from '../load';
import { messages } from '../messages';
import { apiKeyFor, apiKeyVariable, chooseProvider, loadSettings } from '../settings';
import { bilingual } from '../../i18n';

export const EXIT_REFUSED = 3;
export const EXIT_PROVIDER = 4;
export const EXIT_CANCELLED = 130;

const SHOWN_CLAIMS = 25;

function usageError(pick: (m: ReturnType<typeof messages>) => string): CliError {
  return new CliError({ vi: pick(messages('vi')), en: pick(messages('en')) }, 2);
}

function required(value: string | undefined, option: string): string {
  if (value === undefined || value.trim() === '') throw usageError((m) => m.required(option));
  return value.trim();
}

async function readSource(path: string): Promise<DraftSource> {
  const parts = await readDocumentParts(path);
  return { name: basename(path), text: parts.map((part) => part.text).join('\n\n') };
}

export async function draftCommand(args: string[], context: CliContext): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    {
      purpose: { type: 'string' },
      prompt: { type: 'string' },
      source: { type: 'string', multiple: true },
      input: { type: 'string' },
      provider: { type: 'string' },
      settings: { type: 'string' },
      level: { type: 'string' },
      yes: { type: 'boolean' },
      timeout: { type: 'string' },
      into: { type: 'string' },
      'after-paragraph': { type: 'string' },
      output: { type: 'string', short: 'o' },
      'in-place': { type: 'boolean' },
      by: { type: 'string' },
    },
    false,
  );
  const m = messages(context.lang).draft;
  const say = (line: string) => context.stderr(`${line}\n`);

  // Everything the user typed is checked before any file is read or any byte is sent.
  const purpose = required(values.purpose, '--purpose');
  const instruction = required(values.prompt, '--prompt');
  let declared: SensitivityLevel | undefined;
  if (values.level !== undefined) {
    if (!/^[1-4]$/.test(values.level.trim())) throw usageError((c) => c.draft.badLevel(values.level!));
    declared = Number(values.level.trim()) as SensitivityLevel;
  }
  let timeoutMs: number | undefined;
  if (values.timeout !== undefined) {
    const seconds = Number(values.timeout);
    if (!Number.isFinite(seconds) || seconds <= 0) throw usageError((c) => c.draft.badTimeout(values.timeout!));
    timeoutMs = Math.round(seconds * 1000);
  }
  const into = values.into;
  let afterParagraph = 0;
  let target: string | undefined;
  let actor: string | undefined;
  if (into === undefined) {
    for (const option of ['after-paragraph', 'output', 'in-place', 'by'] as const) {
      if (values[option] !== undefined) throw usageError((c) => c.draft.needsInto(option === 'output' ? '-o' : `--${option}`));
    }
  } else {
    const raw = required(values['after-paragraph'], '--after-paragraph');
    if (!/^\d+$/.test(raw)) throw usageError((c) => c.draft.badParagraph(raw));
    afterParagraph = Number(raw);
    actor = required(values.by, '--by');
    target = outputPath(into, { output: values.output, inPlace: values['in-place'] });
  }

  const loaded = await loadSettings(values.settings, context.env);
  if (loaded.warning) say(m.settingsWarning(loaded.warning[context.lang]));
  const provider = chooseProvider(loaded.settings, values.provider);
  const apiKey = apiKeyFor(provider, context.env);
  if (provider.apiKeyRequired && !apiKey) {
    const variable = apiKeyVariable(provider.id);
    throw new CliError(
      bilingual('cli.commands.draft.draftCommand', { name: provider.name, variable }),
      2,
    );
  }
  const sources = await Promise.all((values.source ?? []).map(readSource));
  const input = values.input !== undefined ? (await readDocumentParts(values.input)).map((p) => p.text).join('\n\n') : undefined;
  const host = into !== undefined ? await openDocxFile(into) : undefined;

  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once('SIGINT', onInterrupt);
  let streamed = '';
  const options: GenerateDraftOptions = {
    purpose,
    instruction,
    sources,
    ...(input !== undefined ? { input } : {}),
    provider,
    ...(apiKey ? { apiKey } : {}),
    profile: loaded.profile,
    ...(declared !== undefined ? { level: { declared } } : {}),
    acknowledgeWarnings: values.yes === true,
    signal: controller.signal,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    onStatus: (status) => reportSending(status, context, loaded.profile.name[context.lang]),
    onToken: (token) => {
      streamed += token;
      context.stdout(token);
    },
  };

  try {
    let draft: DraftResult;
    let inserted: { passageId: string; claims: number; declaredLevel?: SensitivityLevel } | undefined;
    if (host && actor !== undefined) {
      const result = await draftIntoDocument(host, { actor, lang: context.lang }, { ...options, afterParagraph });
      draft = result.draft;
      inserted = { passageId: result.passageId, claims: result.claims, ...(result.declaredLevel ? { declaredLevel: result.declaredLevel } : {}) };
    } else {
      draft = await generateDraft(options);
    }
    context.stdout(streamed.endsWith('\n') ? '' : '\n');
    reportDone(draft, context);
    if (host && target && inserted) {
      await saveDocx(host, target);
      say(m.inserted(shortId(inserted.passageId), afterParagraph, inserted.claims));
      if (inserted.declaredLevel) say(messages(context.lang).gate.levelDeclared(LEVEL_LABELS[inserted.declaredLevel][context.lang], actor!));
      say(messages(context.lang).wrote(target));
    }
    return 0;
  } catch (error) {
    if (streamed && !streamed.endsWith('\n')) context.stdout('\n');
    return reportFailure(error, context);
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
}

function reportSending(status: DraftStatus, context: CliContext, profileName: string): void {
  const m = messages(context.lang).draft;
  const lang = context.lang;
  const lines = [
    m.profile(profileName),
    m.level(LEVEL_LABELS[status.decision.effectiveLevel][lang]),
    m.provider(status.provider.name, TIER_LABELS[status.provider.tier][lang], status.provider.endpointHost, status.model),
  ];
  const counts = Object.entries(status.redactionCounts);
  if (counts.length > 0) {
    const total = counts.reduce((sum, [, n]) => sum + n, 0);
    lines.push(m.redacted(total, counts.map(([kind, n]) => `${kind} ${n}`).join(', ')));
  }
  const warnings = status.decision.reasons.filter((r) => r.severity === 'warn');
  if (warnings.length > 0) {
    lines.push(m.warningsAccepted, ...warnings.map((r) => `  - ${r.message[lang]} (${r.article[lang]})`));
  }
  lines.push(m.sending);
  context.stderr(lines.join('\n') + '\n');
}

const seconds = (ms: number, lang: 'vi' | 'en') => (ms / 1000).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

function reportDone(draft: DraftResult, context: CliContext): void {
  const m = messages(context.lang).draft;
  const lang = context.lang;
  const { totalMs, firstTokenMs } = draft.timings;
  const lines = [m.done(seconds(totalMs, lang), firstTokenMs !== null ? seconds(firstTokenMs, lang) : null)];
  if (draft.finishReason === 'length') lines.push(m.truncated);
  const g = draft.grounding;
  if (g.claims.length === 0) {
    lines.push(m.noClaims);
  } else {
    lines.push(m.groundingTitle(g.grounded, g.partial, g.ungrounded));
    // Most urgent first: what is not in the sources at all.
    const order = { contradicted: 0, ungrounded: 1, partial: 2, grounded: 3 } as const;
    const claims = [...g.claims].sort((a, b) => order[a.status] - order[b.status]);
    for (const claim of claims.slice(0, SHOWN_CLAIMS)) {
      const mark = claim.status === 'grounded' ? '✓' : claim.status === 'partial' ? '~' : '✗';
      const source = claim.match ? g.sourceNames[claim.match.sourceIndex] ?? '?' : '';
      const where = claim.status === 'contradicted' && claim.match ? m.contradictedAt(source, claim.sourceValue ?? '', claim.match.snippet) : claim.match ? m.groundedAt(source, claim.match.snippet) : m.notInSources;
      const note = claim.note ? ` — ${claim.note[lang]}` : '';
      lines.push(`  ${mark} «${claim.finding.text}» — ${where}${note}`);
    }
    if (claims.length > SHOWN_CLAIMS) lines.push(`  ${messages(lang).more(claims.length - SHOWN_CLAIMS)}`);
  }
  lines.push(m.verifyReminder);
  context.stderr(lines.join('\n') + '\n');
}

function reportFailure(error: unknown, context: CliContext): number {
  const m = messages(context.lang).draft;
  const lang = context.lang;
  const out = (text: string) => context.stderr(`${text}\n`);
  if (error instanceof DraftRefusedError || error instanceof DraftNeedsConfirmationError) {
    out(`aiprov draft: ${error instanceof DraftRefusedError ? m.refused : m.needsConfirmation}`);
    for (const reason of error.reasons) out(`  - ${reason[lang]}`);
    out(m.nothingWritten);
    return EXIT_REFUSED;
  }
  if (isAiError(error)) {
    out(`aiprov draft: ${m.providerError} ${error.bilingual[lang]}`);
    out(m.nothingWritten);
    return error.code === 'cancelled' ? EXIT_CANCELLED : EXIT_PROVIDER;
  }
  if (error instanceof DraftError) {
    out(`aiprov draft: ${error.bilingual[lang]}`);
    out(m.nothingWritten);
    if (error.code === 'redaction-incomplete' || error.code === 'secret-in-request' || error.code === 'placeholder-leftover') return EXIT_REFUSED;
    if (error.code === 'empty-answer') return EXIT_PROVIDER;
    return 2;
  }
  throw asCliError(error);
}
