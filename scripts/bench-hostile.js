// Hostile-file benchmark (issue 8): each hostile file of scripts/hostile-files.js is generated in a temporary
// folder and the built CLI is run on it once, as a subprocess. Prints wall time and peak memory (maxRSS) of each run
// against the targets, 5 s and 200 MB; exit code 1 when a run is over a target or does not end as expected.
// Usage: node scripts/bench-hostile.js [NAME-FILTER]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALL } from './hostile-files.js';

const MAX_SECONDS = 5;
const MAX_MB = 200;
const root = fileURLToPath(new URL('..', import.meta.url));
const filter = process.argv[1]?.endsWith('bench-hostile.js') ? process.argv[2] : undefined;
if (!existsSync(join(root, 'dist/kamcheck.cjs'))) {
  console.error('dist/kamcheck.cjs is missing: run npm run build first');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'kamcheck-bench-hostile-'));
// Peak memory: GNU time's %M where it exists, else the child's own maxRSS, written at exit by a preloaded script.
const gnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;
const probe = join(work, 'maxrss.cjs');
writeFileSync(probe, `process.on('exit', () => require('node:fs').writeSync(2, '\\nmaxrss ' + process.resourceUsage().maxRSS + '\\n'));\n`);

let runs = 0;
function run(args) {
  // A cache folder of its own for each run: a -q questionnaire is read and checked cold, as the first time.
  const env = { PATH: process.env.PATH ?? '', XDG_CACHE_HOME: join(work, `cache-${++runs}`) };
  const node = [process.execPath, ...(gnuTime ? [] : ['--require', probe]), join(root, 'bin/kamcheck.js'), ...args];
  const [cmd, ...rest] = gnuTime ? ['/usr/bin/time', '-f', '\nmaxrss %M', ...node] : node;
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, rest, { cwd: work, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const m = /\nmaxrss (\d+)\n$/.exec(r.stderr);
  const stderr = m ? r.stderr.slice(0, m.index) : r.stderr;
  // GNU time reports a signal as "Command terminated by signal N" and a failure as "Command exited with …".
  const status = /Command terminated by signal/.test(stderr) ? null : r.status;
  const own = stderr.replace(/^Command exited with non-zero status \d+\n?/m, '');
  return { seconds, mb: m ? Number(m[1]) / 1024 : Number.NaN, status, stderr: own };
}

let over = 0;
console.log(`\nhostile files: each run once, targets ≤ ${MAX_SECONDS} s and ≤ ${MAX_MB} MB peak`);
try {
  for (const make of ALL) {
    for (const c of make(work)) {
      if (filter && !c.name.includes(filter)) continue;
      const r = run(c.args);
      const problems = [];
      if (r.seconds > MAX_SECONDS) problems.push('OVER time');
      if (!(r.mb <= MAX_MB)) problems.push('OVER memory');
      if (r.status !== c.status) problems.push(`exit ${r.status}, expected ${c.status}`);
      if (c.stderr && !c.stderr.test(r.stderr.split('\n')[0] ?? ''))
        problems.push(`unexpected message: ${(r.stderr.split('\n')[0] ?? '').slice(0, 160)}`);
      if (problems.length > 0) over++;
      console.log(
        `${c.name.padEnd(42)} ${r.seconds.toFixed(2).padStart(6)} s ${r.mb.toFixed(0).padStart(5)} MB  ${problems.length ? problems.join('; ') : 'ok'}`,
      );
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (over > 0) process.exitCode = 1;
