import { COMMANDS, type CommandSpec, GLOBAL_OPTIONS, type OptionSpec } from './spec.js';

// The command lines of everyday use, read from the command table without loading commander: a report from a
// saved answers file should cost little more than starting Node.js. Anything this reader is not sure of (help,
// --version, an unknown option or command, a missing or extra argument, a value not among the choices, a value
// that starts with a dash, short options run together) gives undefined, and commander reads the line instead, with
// its own help and messages. tests/argv.test.ts holds the two to the same results.

/** A command line read: the command, its arguments and options as commander gives them to the action. */
export interface Parsed {
  name: string;
  args: string[];
  opts: Record<string, unknown>;
  global: { lang?: string; color: boolean };
}

interface Flag {
  spec: OptionSpec;
  /** The key in the options object: `--fail-under` gives failUnder, `--no-color` gives color. */
  key: string;
  takesValue: boolean;
  negate: boolean;
}

const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

function flagsOf(options: readonly OptionSpec[]): Map<string, Flag> {
  const out = new Map<string, Flag>();
  for (const spec of options) {
    const parts = spec.flags.split(/[ ,|]+/);
    const long = parts.find((p) => p.startsWith('--')) as string;
    const negate = long.startsWith('--no-');
    const flag = { spec, key: camel(long.slice(negate ? 5 : 2)), takesValue: parts.some((p) => p.startsWith('<')), negate };
    for (const name of parts) if (name.startsWith('-')) out.set(name, flag);
  }
  return out;
}

const GLOBAL = flagsOf(GLOBAL_OPTIONS);
const NEVER = new Set(['-h', '--help', '-V', '--version']);

/** Read a command line as commander would, or undefined when commander should. */
export function quickParse(argv: readonly string[]): Parsed | undefined {
  const global: Parsed['global'] = { color: true };
  let command: CommandSpec | undefined;
  let flags: Map<string, Flag> | undefined;
  const opts: Record<string, unknown> = {};
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      if (!command) return undefined;
      args.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('-') && arg !== '-') {
      if (NEVER.has(arg)) return undefined;
      const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
      const name = eq > 0 ? arg.slice(0, eq) : arg;
      const flag = GLOBAL.get(name) ?? flags?.get(name);
      if (!flag) return undefined;
      let value: string | undefined;
      if (flag.takesValue) {
        value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
        if (value === undefined || (eq < 0 && value.startsWith('-') && value !== '-')) return undefined;
        if (flag.spec.choices && !flag.spec.choices.includes(value)) return undefined;
      } else if (eq > 0) return undefined;
      const into: Record<string, unknown> = GLOBAL.get(name) === flag ? global : opts;
      if (!flag.takesValue) into[flag.key] = !flag.negate;
      else if (flag.spec.repeat) (into[flag.key] as string[]).push(value as string);
      else into[flag.key] = value;
      continue;
    }
    if (!command) {
      command = COMMANDS.find((c) => c.name === arg);
      if (!command) return undefined;
      flags = flagsOf(command.options);
      // Each option is in the map under each of its names: its defaults are set once.
      for (const { spec, key } of new Set(flags.values())) {
        if (spec.repeat) opts[key] = [];
        else if (spec.default !== undefined) opts[key] = spec.default;
      }
      continue;
    }
    args.push(arg);
  }
  if (!command) return undefined;
  // Arguments as commander counts them: required ones present, no more than the last one's variadic allows.
  const required = command.args.filter((a) => a.name.startsWith('<')).length;
  const variadic = command.args.some((a) => a.name.endsWith('...>') || a.name.endsWith('...]'));
  if (args.length < required || (!variadic && args.length > command.args.length)) return undefined;
  for (let k = 0; k < command.args.length && k < args.length; k++) {
    const choices = command.args[k]?.choices;
    if (choices && !choices.includes(args[k] as string)) return undefined;
  }
  // An empty --lang is no language, as the program sees it too (src/cli/program.ts).
  if (global.lang === '') delete global.lang;
  return { name: command.name, args, opts, global };
}
