import { Argument, Command, CommanderError, Option } from 'commander';
import type { Io } from './io.js';
import { COMMANDS, GLOBAL_OPTIONS, type OptionSpec, PROGRAM_HELP } from './spec.js';

// The commander program, built from the command table (src/cli/spec.ts) for what the quick reader
// (src/cli/argv.ts) leaves to it: help, --version, suggestions and every argument error.

/** What running a command takes: its name, arguments, options and the global options. */
export type Exec = (
  name: string,
  args: string[],
  opts: Record<string, unknown>,
  global: { lang?: string; color: boolean },
) => Promise<number>;

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function option(spec: OptionSpec): Option {
  const o = new Option(spec.flags, spec.help);
  if (spec.choices) o.choices(spec.choices);
  if (spec.repeat) o.argParser(collect).default([]);
  else if (spec.default !== undefined) o.default(spec.default);
  return o;
}

/** Parse the command line with commander and run the command; help and version exit 0, argument errors 2. */
export async function runProgram(io: Io, version: string, exec: Exec): Promise<number> {
  let code = 0;
  const program = new Command('kamcheck')
    .description(PROGRAM_HELP)
    .version(version, '-V, --version')
    .showSuggestionAfterError()
    .exitOverride()
    // Every command's --help lists --lang and --no-color too.
    .configureHelp({ showGlobalOptions: true })
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Argument errors read like kamcheck's other messages.
      outputError: (s, write) => write(`kamcheck: ${s}`),
    });
  for (const spec of GLOBAL_OPTIONS) program.addOption(option(spec));
  for (const spec of COMMANDS) {
    const cmd = program.command(spec.name).description(spec.help);
    for (const a of spec.args) {
      const arg = new Argument(a.name, a.help);
      if (a.choices) arg.choices(a.choices);
      cmd.addArgument(arg);
    }
    for (const o of spec.options) cmd.addOption(option(o));
    cmd.action(async (...params: unknown[]) => {
      const c = params[params.length - 1] as Command;
      const g = program.opts() as { lang?: string; color: boolean };
      code = await exec(spec.name, c.args, c.opts(), { ...(g.lang ? { lang: g.lang } : {}), color: g.color !== false });
    });
    cmd.showHelpAfterError(`kamcheck: see 'kamcheck ${spec.name} --help'`);
    if (spec.examples) cmd.addHelpText('after', `\nExamples:\n${spec.examples.map((l) => `  ${l}`).join('\n')}`);
  }
  program.showHelpAfterError("kamcheck: see 'kamcheck --help'");
  try {
    await program.parseAsync(io.argv, { from: 'user' });
    return code;
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? 0 : 2;
  }
}
