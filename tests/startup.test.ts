// What a report from a saved answers file loads: it should cost little more than starting Node.js. Timings live in
// `npm run bench`; these tests hold the structure that makes them possible.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

const EXAMPLE = 'examples/midsize-components.en.yaml';

/** Node.js's own modules a process loaded by the time it exits (process.moduleLoadList). */
function builtinsLoaded(args: string[]): Set<string> {
  const preload = join(mkdtempSync(join(tmpdir(), 'kamcheck-startup-')), 'list.cjs');
  writeFileSync(preload, "process.on('exit', () => require('fs').writeSync(2, '\\n' + process.moduleLoadList.join('\\n') + '\\n'));\n");
  const r = spawnSync(process.execPath, ['-r', preload, ...args], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  expect(r.status, r.stderr).toBe(0);
  return new Set(
    r.stderr
      .split('\n')
      .filter((l) => l.startsWith('NativeModule '))
      .map((l) => l.slice('NativeModule '.length)),
  );
}

/** The files a process required, as paths relative to the project (require.cache at exit). */
function filesRequired(args: string[]): string[] {
  const preload = join(mkdtempSync(join(tmpdir(), 'kamcheck-startup-')), 'files.cjs');
  writeFileSync(preload, "process.on('exit', () => require('fs').writeSync(2, '\\n' + Object.keys(require.cache).join('\\n') + '\\n'));\n");
  const r = spawnSync(process.execPath, ['-r', preload, ...args], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  return r.stderr
    .split('\n')
    .filter((l) => l.startsWith(ROOT))
    .map((l) => relative(ROOT, l))
    .sort();
}

describe('start-up of a report', () => {
  it('loads no module of Node.js beyond what an empty script loads, but vm for the code cache', () => {
    // An empty CommonJS file, which loads less than `node -e 0` (that loads the public module system, for one).
    const empty = join(mkdtempSync(join(tmpdir(), 'kamcheck-startup-')), 'empty.cjs');
    writeFileSync(empty, '');
    const bare = builtinsLoaded([empty]);
    for (const format of ['json', 'terminal', 'markdown']) {
      const extra = [...builtinsLoaded(['bin/kamcheck.js', 'report', EXAMPLE, '-f', format])].filter((m) => !bare.has(m));
      expect(extra, format).toEqual(['vm']);
    }
  });

  it('reads none of the library files in dist/lib/; the commands that need one read it', () => {
    for (const format of ['json', 'terminal'])
      expect(filesRequired(['bin/kamcheck.js', 'report', EXAMPLE, '-f', format])).toEqual(['bin/kamcheck.js']);
    // Help goes to the command-line parser; a questionnaire of one's own to the YAML and schema libraries.
    expect(filesRequired(['bin/kamcheck.js', 'report', '--help'])).toEqual(['bin/kamcheck.js', 'dist/lib/commander.cjs']);
    expect(filesRequired(['bin/kamcheck.js', 'show', '-q', 'questionnaires/kam-five-pitfalls.yaml', '-f', 'json'])).toEqual([
      'bin/kamcheck.js',
      'dist/lib/yaml.cjs',
      'dist/lib/zod.cjs',
    ]);
  });

  it('runs none of the YAML, schema, argument-parsing or prompt libraries: they are reached only through import()', async () => {
    const out = await build({
      entryPoints: [join(ROOT, 'src/cli/run.ts')],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'esm',
      outdir: 'unused',
      logLevel: 'silent',
    });
    const inputs = out.metafile.inputs;
    // Everything a report runs: the static imports of the CLI and of the report command, followed through.
    const reached = new Set<string>();
    const todo = ['src/cli/run.ts', 'src/cli/commands/report.ts'];
    while (todo.length > 0) {
      const f = todo.pop() as string;
      if (reached.has(f)) continue;
      reached.add(f);
      for (const i of inputs[f]?.imports ?? []) if (i.kind === 'import-statement' && !i.external) todo.push(i.path);
    }
    const libraries = [...reached].filter((f) => /node_modules\/(yaml|zod|commander|@inquirer|chalk)\//.test(f));
    expect(libraries).toEqual([]);
    expect(reached.has('src/load/yaml.ts')).toBe(false);
    expect(reached.has('src/cli/program.ts')).toBe(false);
  });
});
