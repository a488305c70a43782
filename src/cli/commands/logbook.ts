// `aiprov logbook PATH…`: the unit's logbook of AI use over every .docx under the paths
// (QC-PB 12.2, 15.2). Bad files are listed with their reason; the command only fails on bad usage.
import { dirname, join } from 'node:path';
import { logbookHtml } from '../../logbook/html';
import { logbookCsv, logbookJson, logbookNdjson } from '../../logbook/outputs';
import { defaultCachePath } from '../../logbook/cache';
import { progress } from '../../logbook/progress';
import { runLogbook } from '../../logbook/run';
import { bilingual, logbookStrings } from '../../logbook/strings';
import { type CliContext, CliError, parseCommandArgs } from '../context';
import { writeAtomically } from '../io';
import { trustListOf } from '../signing';

const FORMATS = ['html', 'csv', 'json', 'ndjson'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function logbookCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    output: { type: 'string', short: 'o' },
    format: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    cache: { type: 'string' },
    'no-cache': { type: 'boolean' },
    jobs: { type: 'string', short: 'j' },
    'no-progress': { type: 'boolean' },
    settings: { type: 'string' },
  });
  const s = logbookStrings(context.lang);
  if (positionals.length === 0) throw new CliError(bilingual((x) => x.needPath), 2);
  const extension = values.output?.match(/\.(csv|json|ndjson)$/i)?.[1]?.toLowerCase();
  const format = values.format ?? extension ?? 'html';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new CliError(bilingual((x) => x.badFormat, format), 2);
  }
  for (const date of [values.from, values.to]) {
    if (date !== undefined && !DATE.test(date)) throw new CliError(bilingual((x) => x.badDate, date), 2);
  }
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) {
    throw new CliError(bilingual((x) => x.badJobs, String(values.jobs)), 2);
  }
  // The cache: --cache FILE, else next to the output (logbook.html → .logbook.html.cache.json), else the user's cache dir.
  const cachePath = values['no-cache'] ? null : (values.cache ?? (values.output ? join(dirname(values.output), `.${values.output.split(/[\\/]/).pop()}.cache.json`) : defaultCachePath(context.env)));
  // The trust list decides which signatures are trusted and the signer's unit, as for `check`.
  const trustedKeys = await trustListOf(context, values.settings);
  const tty = Boolean(process.stderr.isTTY);
  let bar: ReturnType<typeof progress> | undefined;
  const result = await runLogbook(positionals, {
    filter: { ...(values.from ? { from: values.from } : {}), ...(values.to ? { to: values.to } : {}) },
    cachePath,
    trustedKeys,
    ...(jobs ? { jobs } : {}),
    onTotal: (total) => {
      if (!values['no-progress']) bar = progress(total, context.stderr, tty, context.lang);
    },
    onFile: () => bar?.tick(),
  });
  bar?.end();
  for (const path of result.missing) context.stderr(`aiprov logbook: ${s.notFound(path)}\n`);
  if (result.workerFailure !== undefined) context.stderr(`aiprov logbook: ${s.workerFallback(result.workerFailure)}\n`);
  if (result.logbook.documents.length === 0) context.stderr(`aiprov logbook: ${s.noFiles}\n`);
  else if (!values['no-progress']) context.stderr(`${s.done(result.read, result.cached, result.threads)}\n`);
  const generatedAt = new Date().toISOString();
  const text =
    format === 'html'
      ? logbookHtml(result.logbook, context.lang, generatedAt)
      : format === 'csv'
        ? logbookCsv(result.logbook, context.lang)
        : format === 'json'
          ? logbookJson(result.logbook, generatedAt)
          : logbookNdjson(result.logbook, generatedAt);
  if (values.output) {
    await writeAtomically(values.output, text);
    context.stdout(s.wrote(values.output) + '\n');
  } else context.stdout(text);
  return 0;
}
