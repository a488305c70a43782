// `aiprov` — the command-line entry. Each command lives in its own module; this file only parses the
// command name and the global options, and turns errors into a one-line message and an exit code.
import { CliError, type CliContext, resolveLanguage } from './context';
import { messages } from './messages';
import { checkCommand, inspectCommand, reportCommand } from './commands/inspect';
import { declareCommand, discloseCommand, refreshCommand, signoffCommand, verifyCommand } from './commands/review';
import { scanCommand } from './commands/scan';
import { draftCommand } from './commands/draft';
import { registryCommand } from './commands/registry';

type Command = (args: string[], context: CliContext) => Promise<number>;

const commands: Record<string, Command> = {
  scan: scanCommand,
  inspect: inspectCommand,
  check: checkCommand,
  report: reportCommand,
  declare: declareCommand,
  verify: verifyCommand,
  refresh: refreshCommand,
  disclose: discloseCommand,
  signoff: signoffCommand,
  draft: draftCommand,
  registry: registryCommand,
};

export async function main(argv: string[], context: Partial<CliContext> = {}): Promise<number> {
  const full: CliContext = {
    stdout: context.stdout ?? ((text) => process.stdout.write(text)),
    stderr: context.stderr ?? ((text) => process.stderr.write(text)),
    lang: context.lang ?? resolveLanguage(argv, process.env),
    env: context.env ?? process.env,
  };
  const m = messages(full.lang);
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    full.stdout(m.usage + '\n');
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    full.stderr(`aiprov: ${m.unknownCommand(name)}\n`);
    return 2;
  }
  try {
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
