// The review commands that change a document: declare, verify, refresh, disclose, signoff. Each opens
// the .docx in memory, runs one workflow use case, and writes the result atomically to -o OUT (or the
// input with --in-place) only when the use case succeeded.
import type { SensitivityLevel } from '../../checks/types';
import { topicNames } from '../../checks';
import { LEVEL_LABELS, isPurposeId } from '../../policy';
import {
  claimsOfText,
  declarePassage,
  insertDisclosure,
  refresh,
  rejectClaim,
  shortId,
  signOff,
  verifyClaim,
  declareLevel,
  documentLevel,
  loadRecord,
  recordedLevel,
  type EvidenceInput,
  type WorkflowContext,
} from '../../workflow';
import { basename } from 'node:path';
import { sha256Hex } from '../../provenance';
import { readBytes, readDocumentParts } from '../load';
import type { DocxHost } from '../../host/docx';
import { type CliContext, CliError, parseCommandArgs } from '../context';
import { asCliError, openDocxFile, outputPath, saveDocx } from '../docx-file';
import { messages } from '../messages';
import { signingContext } from '../signing';
import { suggestSources } from '../../workflow';
import { loadRegistry, registryFilesFor } from './registry';
import { bilingual } from '../../i18n';

const OUTPUT_OPTIONS = {
  output: { type: 'string', short: 'o' },
  'in-place': { type: 'boolean' },
  force: { type: 'boolean' },
  by: { type: 'string' },
} as const;

function required(value: string | undefined, option: string): string {
  if (value === undefined || value.trim() === '') {
    throw new CliError({ vi: messages('vi').required(option), en: messages('en').required(option) }, 2);
  }
  return value.trim();
}

/** Runs a use case on the file and saves it; errors become CliErrors and nothing is written. */
async function change(
  command: string,
  file: string | undefined,
  options: { output?: string; 'in-place'?: boolean; force?: boolean; by?: string },
  context: CliContext,
  useCase: (host: DocxHost, workflow: WorkflowContext) => Promise<string>,
): Promise<number> {
  if (file === undefined || file.trim() === '') {
    throw new CliError({ vi: messages('vi').missingFileOf(command), en: messages('en').missingFileOf(command) }, 2);
  }
  const input = file;
  const actor = required(options.by, '--by');
  const target = outputPath(input, { output: options.output, inPlace: options['in-place'], force: options.force });
  const signing = await signingContext(context, actor); // issue 11: the CLI key, when present
  const host = await openDocxFile(input);
  let summary: string;
  try {
    summary = await useCase(host, { actor, lang: context.lang, ...signing });
  } catch (error) {
    throw asCliError(error);
  }
  await saveDocx(host, target);
  context.stdout(`${summary}\n${messages(context.lang).wrote(target)}\n`);
  return 0;
}

export async function declareCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...OUTPUT_OPTIONS,
    paragraphs: { type: 'string' },
    tool: { type: 'string' },
    model: { type: 'string' },
    purpose: { type: 'string', default: 'draft' },
    level: { type: 'string' },
    published: { type: 'boolean' }, // issue 9 — level
  });
  const m = messages(context.lang);
  // issue 16 — gate: --level records the level a person declares (who, when) through declareLevel;
  // later commands (draft, check, inspect) and the pane read it from the record.
  let level: SensitivityLevel | undefined;
  if (values.level !== undefined) {
    if (!/^[1-4]$/.test(values.level.trim())) throw new CliError({ vi: messages('vi').gate.badLevel(values.level), en: messages('en').gate.badLevel(values.level) }, 2);
    level = Number(values.level.trim()) as SensitivityLevel;
  }
  // issue 9 — level: --published confirms the document is published, setting topic suggestions aside (level 1).
  const published = values.published === true;
  if (published && level !== undefined && level !== 1) {
    throw new CliError({ vi: messages('vi').gate.publishedLevel(String(level)), en: messages('en').gate.publishedLevel(String(level)) }, 2);
  }
  if (published) level = 1;
  if (values.paragraphs === undefined && level === undefined) {
    throw new CliError({ vi: messages('vi').gate.needsParagraphsOrLevel, en: messages('en').gate.needsParagraphsOrLevel }, 2);
  }
  const range = values.paragraphs !== undefined ? parseRange(required(values.paragraphs, '--paragraphs')) : undefined;
  const tool = range ? required(values.tool, '--tool') : undefined;
  const purpose = values.purpose!;
  if (!isPurposeId(purpose)) throw new CliError({ vi: messages('vi').badPurpose(purpose), en: messages('en').badPurpose(purpose) }, 2);
  return change('declare', positionals[0], values, context, async (host, workflow) => {
    const lines: string[] = [];
    if (level !== undefined) {
      const now = await declareLevel(host, workflow, level, { published });
      lines.push(m.gate.levelDeclared(LEVEL_LABELS[now.declared ?? level][context.lang], workflow.actor));
      if (published) {
        const topics = now.detected.topicsSetAside;
        lines.push(topics?.length ? m.gate.topicsSetAside(topicNames(topics)[context.lang], workflow.actor) : m.gate.noTopicSuggestion);
        lines.push(m.gate.levelNow(LEVEL_LABELS[now.effective][context.lang], LEVEL_LABELS[now.detected.fromEvidence][context.lang]));
      }
    }
    if (range && tool) {
      const loaded = await loadRecord(host);
      const effective = (await documentLevel(host, recordedLevel(loaded.status === 'ok' ? loaded.state : undefined))).effective;
      const passageId = await declarePassage(host, workflow, {
        fromParagraph: range[0],
        toParagraph: range[1],
        tool,
        ...(values.model ? { model: values.model } : {}),
        purpose,
        level: effective,
      });
      const passages = await host.listPassages();
      const text = passages.find((p) => p.id === passageId)?.text ?? '';
      lines.push(m.declared(shortId(passageId), claimsOfText(text).length));
    }
    return lines.join('\n');
  });
}

export async function verifyCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...OUTPUT_OPTIONS,
    claim: { type: 'string', multiple: true },
    source: { type: 'string' },
    reject: { type: 'string' },
    // issue 10 — evidence
    evidence: { type: 'string' },
    file: { type: 'string' },
    excerpt: { type: 'string' },
    note: { type: 'string' },
    // issue 9 — registry: `--source-from-registry` is `--evidence registry`; the registry files come
    // from the same chain as scan/inspect (core, default, org-settings.json, --registry).
    'source-from-registry': { type: 'boolean' },
    registry: { type: 'string', multiple: true },
    settings: { type: 'string' },
  });
  const m = messages(context.lang);
  // Several claims may share one source (or one reason): every --claim is recorded, all or none.
  const claims = (values.claim ?? []).map((claim) => claim.trim()).filter((claim) => claim !== '');
  if (claims.length === 0) required(undefined, '--claim');
  const fromRegistry = values['source-from-registry'] === true;
  if (fromRegistry && values.evidence !== undefined && values.evidence !== 'registry') {
    throw new CliError(bilingual('cli.commands.review.verifyCommand'), 2);
  }
  const evidenceGiven = fromRegistry || values.evidence !== undefined || values.file !== undefined || values.excerpt !== undefined;
  if (values.reject !== undefined && (values.source !== undefined || evidenceGiven)) {
    throw new CliError({ vi: messages('vi').evidenceCli.rejectAlone, en: messages('en').evidenceCli.rejectAlone }, 2);
  }
  const registryFiles = () => registryFilesFor(values.registry ?? [], context, values.settings);
  const evidence =
    values.reject === undefined ? await evidenceOf({ ...values, ...(fromRegistry ? { evidence: 'registry' } : {}) }, registryFiles) : undefined;
  // issue 9 — registry: nothing given to verify with: say what the registry offers, record nothing.
  const offering = values.reject === undefined && !evidenceGiven && values.source === undefined;
  const registry = offering ? await loadRegistry(await registryFiles()) : undefined;
  return change('verify', positionals[0], values, context, async (host, workflow) => {
    if (registry) {
      const suggestions = await suggestSources(host, workflow, claims, registry);
      const text = claims.map((claim) => {
        const s = suggestions.get(claim);
        return s ? m.registry.suggested(claim, s.label[context.lang]) : m.registry.noSuggestion(claim);
      });
      throw new CliError({ vi: `${messages('vi').required('--evidence')}\n${text.join('\n')}`, en: `${messages('en').required('--evidence')}\n${text.join('\n')}` }, 2);
    }
    const lines: string[] = [];
    for (const claim of claims) {
      if (values.reject !== undefined) {
        await rejectClaim(host, workflow, { claim, reason: required(values.reject, '--reject') });
        lines.push(m.rejected(claim, workflow.actor));
      } else {
        // The workflow decides whether the evidence holds the claim; a name alone (--source) is refused there.
        await verifyClaim(host, workflow, { claim, ...(evidence ? { evidence } : {}), ...(values.note !== undefined ? { note: values.note } : {}) });
        lines.push(m.verified(claim, workflow.actor));
      }
    }
    return lines.join('\n');
  });
}

const EVIDENCE_KINDS = ['grounding', 'registry', 'file', 'excerpt', 'manual'] as const;

/** issue 10 — evidence: --evidence KIND (or implied by --file / --excerpt) into the workflow's input. */
async function evidenceOf(
  values: { evidence?: string; file?: string; excerpt?: string; source?: string; note?: string },
  registryFiles: () => Promise<string[]>,
): Promise<EvidenceInput | undefined> {
  const kind = values.evidence ?? (values.file !== undefined ? 'file' : values.excerpt !== undefined ? 'excerpt' : undefined);
  const bad = (vi: string, en: string) => new CliError({ vi, en }, 2);
  if (kind === undefined) return undefined;
  if (!(EVIDENCE_KINDS as readonly string[]).includes(kind)) {
    throw bad(messages('vi').evidenceCli.badKind(kind, EVIDENCE_KINDS.join(', ')), messages('en').evidenceCli.badKind(kind, EVIDENCE_KINDS.join(', ')));
  }
  switch (kind as (typeof EVIDENCE_KINDS)[number]) {
    case 'grounding':
      return { kind: 'grounding' };
    case 'registry':
      return { kind: 'registry', registry: await loadRegistry(await registryFiles()) };
    case 'file': {
      const path = required(values.file, '--file');
      if (/\.pdf$/i.test(path)) throw bad(messages('vi').evidenceCli.pdf, messages('en').evidenceCli.pdf);
      const bytes = await readBytes(path);
      const text = (await readDocumentParts(path)).map((p) => p.text).join('\n\n');
      return { kind: 'document', name: values.source?.trim() || basename(path), text, sha256: await sha256Hex(bytes) };
    }
    case 'excerpt':
      return { kind: 'excerpt', text: required(values.excerpt, '--excerpt'), ...(values.source ? { name: values.source } : {}) };
    case 'manual':
      return { kind: 'manual', source: required(values.source, '--source'), note: required(values.note, '--note') };
  }
}

export async function refreshCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OUTPUT_OPTIONS);
  const m = messages(context.lang);
  return change('refresh', positionals[0], values, context, async (host, workflow) => {
    const result = await refresh(host, workflow);
    return m.refreshed(result.edited.length, result.rebound.length, result.removed.length);
  });
}

export async function discloseCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { ...OUTPUT_OPTIONS, option: { type: 'string' } });
  const m = messages(context.lang);
  const option = values.option === undefined ? 0 : Number(values.option) - 1;
  if (!Number.isInteger(option) || option < 0) {
    throw new CliError({ vi: messages('vi').badOption(values.option!), en: messages('en').badOption(values.option!) }, 2);
  }
  return change('disclose', positionals[0], values, context, async (host, workflow) => m.disclosed(await insertDisclosure(host, workflow, { option })));
}

export async function signoffCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { ...OUTPUT_OPTIONS, role: { type: 'string' } });
  const m = messages(context.lang);
  return change('signoff', positionals[0], values, context, async (host, workflow) => {
    await signOff(host, workflow, values.role ? { role: values.role } : {});
    return m.signedOff(workflow.actor + (values.role ? ` (${values.role})` : ''));
  });
}

function parseRange(value: string): [number, number] {
  const match = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(value.trim());
  if (!match) throw new CliError({ vi: messages('vi').badRange(value), en: messages('en').badRange(value) }, 2);
  const from = Number(match[1]);
  return [from, match[2] ? Number(match[2]) : from];
}

