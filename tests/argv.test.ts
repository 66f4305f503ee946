// The quick reader of command lines (src/cli/argv.ts) must read every line it takes exactly as commander does,
// and take the everyday ones; everything else is commander's.
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quickParse } from '../src/cli/argv.js';
import type { Io } from '../src/cli/io.js';
import { runProgram } from '../src/cli/program.js';
import { COMMANDS, GLOBAL_OPTIONS, type OptionSpec } from '../src/cli/spec.js';

/** What commander hands the action for a command line, or undefined when it refuses the line. */
async function viaCommander(argv: string[]) {
  let seen: unknown;
  const io = { argv, stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), env: {}, cwd: '/' } as unknown as Io;
  const code = await runProgram(io, '0.0.0', async (name, args, opts, global) => {
    seen = { name, args, opts, global };
    return 0;
  });
  return code === 0 ? seen : undefined;
}

const names = (o: OptionSpec) => o.flags.split(/[ ,]+/).filter((p) => p.startsWith('-'));
const word = fc.constantFrom('a.yaml', 'b.yml', '-', 'x', 'report', 'json', 'team', '--', 'answers', '', 'zh-CN', '-q', '--force');
const optionValue = (o: OptionSpec) =>
  o.choices ? fc.oneof(fc.constantFrom(...o.choices), word) : fc.oneof(fc.constantFrom('5', '0.5', 'x.yaml', 'q=1'), word);

/** An option as a user might write it: each of its names, with its value after a space or an equals sign. */
function optionWords(o: OptionSpec): fc.Arbitrary<string[]> {
  const takes = o.flags.includes('<');
  return fc
    .tuple(fc.constantFrom(...names(o)), optionValue(o), fc.boolean())
    .map(([name, value, eq]) => (!takes ? [name] : eq && name.startsWith('--') ? [`${name}=${value}`] : [name, value]));
}

const commandLine = fc.constantFrom(...COMMANDS).chain((c) =>
  fc
    .tuple(
      fc.array(
        fc.oneof(
          ...[...GLOBAL_OPTIONS, ...c.options].map(optionWords),
          word.map((w) => [w]),
        ),
        { maxLength: 6 },
      ),
      fc.array(optionWords(GLOBAL_OPTIONS[0] as OptionSpec), { maxLength: 1 }),
      fc.constantFrom('-h', '--help', '-V', 'zz'),
      fc.nat(20),
    )
    .map(([parts, before, odd, n]) => {
      const line = [...before.flat(), c.name, ...parts.flat()];
      // Now and then something commander alone handles.
      if (n === 0) line.splice(1 + (n % line.length), 0, odd);
      return line;
    }),
);

describe('the quick command-line reader', () => {
  it('reads every line it takes as commander does', async () => {
    let taken = 0;
    await fc.assert(
      fc.asyncProperty(commandLine, async (argv) => {
        const quick = quickParse(argv);
        if (!quick) return;
        taken++;
        expect(quick, argv.join(' ')).toEqual(await viaCommander(argv));
      }),
      { numRuns: 1500 },
    );
    expect(taken).toBeGreaterThan(300);
  });

  it.each([
    ['report', 'acme.yaml'],
    ['report', 'acme.yaml', '-f', 'json', '--fail-under', '40', '--fail-under', 'strategy=50'],
    ['--lang', 'zh-CN', 'report', 'a.yaml', 'b.yaml', '--no-color', '-o', 'out.md', '--force'],
    ['report', '-', '--format=markdown', '--top', '0', '--what-if', 'exec-sponsor=all-accounts'],
    ['team', 'examples/team', '--by', 'unit', '--disagree=0.4', '--skip-invalid'],
    ['explain', 'a.yaml', 'overall', 'strategy', '-f', 'json'],
    ['validate', 'q.yaml', 'a.yaml', '-q', 'q.yaml'],
    ['schema', 'answers'],
    ['init', '-o', 'x.yaml', '--schema-url', ''],
    ['trend', 'a.yaml', 'b.yaml', '--', '-odd-name.yaml'],
  ])('takes an everyday line: %s', async (...argv) => {
    const quick = quickParse(argv);
    expect(quick).toBeDefined();
    expect(quick).toEqual(await viaCommander(argv));
  });

  it.each([
    [['--help']],
    [['report', '--help']],
    [['-V']],
    [['reprot', 'a.yaml']],
    [['report']],
    [['report', 'a.yaml', '-f', 'pdf']],
    [['report', 'a.yaml', '--unknown']],
    [['report', 'a.yaml', '-fjson']],
    [['report', 'a.yaml', '-o', '--force']],
    [['schema', 'answers', 'extra']],
    [['schema', 'nothing']],
    [['init', 'stray']],
    [['--force', 'report', 'a.yaml']],
    [[]],
  ])('leaves %j to commander', (argv) => {
    expect(quickParse(argv)).toBeUndefined();
  });
});
