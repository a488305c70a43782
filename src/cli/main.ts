// `aiprov` — the command-line entry. Each command lives in its own module, loaded only when it runs
// (so `aiprov --help` and `--version` load none of them); this file parses the command name and the
// global options, prints help, and turns errors into a one-line message and an exit code.
//
// To add a command: one entry in COMMANDS below — `help` (a BilingualHelp: summary, usage, options,
// examples, in vi and en; see help.ts) and `load` (a dynamic import of the module that runs it).
// `aiprov --help`, `aiprov help NAME` and `aiprov NAME --help` then show it with no other change.
import packageJson from '../../package.json' with { type: 'json' };
import { CliError, type CliContext, resolveLanguage } from './context';
import { HELP, commandHelp, commandList, type BilingualHelp } from './help';
import { messages } from './messages';

export type Command = (args: string[], context: CliContext) => Promise<number>;

export interface CommandEntry {
  help: BilingualHelp;
  load: () => Promise<Command>;
}

const COMMANDS: Record<string, CommandEntry> = {
  scan: { help: HELP.scan!, load: async () => (await import('./commands/scan')).scanCommand },
  inspect: { help: HELP.inspect!, load: async () => (await import('./commands/inspect')).inspectCommand },
  check: { help: HELP.check!, load: async () => (await import('./commands/inspect')).checkCommand },
  report: { help: HELP.report!, load: async () => (await import('./commands/inspect')).reportCommand },
  declare: { help: HELP.declare!, load: async () => (await import('./commands/review')).declareCommand },
  verify: { help: HELP.verify!, load: async () => (await import('./commands/review')).verifyCommand },
  refresh: { help: HELP.refresh!, load: async () => (await import('./commands/review')).refreshCommand },
  disclose: { help: HELP.disclose!, load: async () => (await import('./commands/review')).discloseCommand },
  signoff: { help: HELP.signoff!, load: async () => (await import('./commands/review')).signoffCommand },
  draft: { help: HELP.draft!, load: async () => (await import('./commands/draft')).draftCommand },
  keys: { help: HELP.keys!, load: async () => (await import('./commands/keys')).keysCommand },
  logbook: { help: HELP.logbook!, load: async () => (await import('./commands/logbook')).logbookCommand },
  registry: { help: HELP.registry!, load: async () => (await import('./commands/registry')).registryCommand },
};

export const VERSION: string = packageJson.version;

/** argv without the global --lang option (it may stand anywhere: before or after the command name). */
export function withoutGlobalOptions(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (arg === '--lang') {
      i++;
      continue;
    }
    if (arg.startsWith('--lang=')) continue;
    out.push(arg);
  }
  return out;
}

function usage(lang: CliContext['lang']): string {
  const m = messages(lang);
  return [m.usageHead, commandList(Object.entries(COMMANDS).map(([name, entry]) => [name, entry.help]), lang), '', m.usageFoot].join('\n');
}

export async function main(argv: string[], context: Partial<CliContext> = {}): Promise<number> {
  const full: CliContext = {
    stdout: context.stdout ?? ((text) => process.stdout.write(text)),
    stderr: context.stderr ?? ((text) => process.stderr.write(text)),
    lang: context.lang ?? resolveLanguage(argv, process.env),
    env: context.env ?? process.env,
  };
  const m = messages(full.lang);
  const [name, ...rest] = withoutGlobalOptions(argv);
  if (name === '--version' || name === '-V' || name === 'version') {
    full.stdout(`aiprov ${VERSION}\n`);
    return 0;
  }
  if (!name || name === '--help' || name === '-h') {
    full.stdout(usage(full.lang) + '\n');
    return name ? 0 : 2;
  }
  if (name === 'help') {
    const topic = rest[0];
    if (!topic) {
      full.stdout(usage(full.lang) + '\n');
      return 0;
    }
    const entry = COMMANDS[topic];
    if (!entry) {
      full.stderr(`aiprov: ${m.unknownCommand(topic)}\n`);
      return 2;
    }
    full.stdout(commandHelp(topic, entry.help, full.lang) + '\n');
    return 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    full.stderr(`aiprov: ${m.unknownCommand(name)}\n`);
    return 2;
  }
  const optionsEnd = rest.indexOf('--');
  const options = optionsEnd < 0 ? rest : rest.slice(0, optionsEnd);
  if (options.includes('--help') || options.includes('-h')) {
    full.stdout(commandHelp(name, entry.help, full.lang) + '\n');
    return 0;
  }
  try {
    const command = await entry.load();
    return await command(rest, full);
  } catch (error) {
    if (error instanceof CliError) {
      full.stderr(`aiprov ${name}: ${error.bilingual[full.lang]}\n`);
      return error.exitCode;
    }
    const detail = error instanceof Error ? error.message : String(error);
    full.stderr(`aiprov ${name}: ${m.unexpected(detail)}\n`);
    return 2;
  }
}
