// Start-up benchmark: median wall time of each case, as a ratio to bare `node -e 0` measured in the same run.
// The cases run in turn, round after round, so that machine noise hits all alike. Usage: npm run bench [-- RUNS]
// A case is { name, args, target? }: args are given to bin/kamcheck.js; target is the ratio it should stay within.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2]) || 30;
const example = 'examples/midsize-components.en.yaml';
if (!existsSync(new URL('../dist/kamcheck.cjs', import.meta.url))) {
  console.error('dist/kamcheck.cjs is missing: run npm run build first');
  process.exit(2);
}

// A private cache folder, so that the repeated -q case finds the entry its first run made, and nothing else.
const scratch = mkdtempSync(join(tmpdir(), 'kamcheck-bench-'));
const ownQuestionnaire = join(scratch, 'my-questionnaire.yaml');
copyFileSync(join(root, 'questionnaires/kam-five-pitfalls.yaml'), ownQuestionnaire);
const env = { PATH: process.env.PATH ?? '', XDG_CACHE_HOME: join(scratch, 'cache') };

const cases = [
  { name: 'node -e 0', command: [process.execPath, '-e', '0'] },
  { name: 'report (bundled questionnaire, json)', args: ['report', example, '--format', 'json'], target: 1.5 },
  { name: 'report -q my.yaml (repeated, json)', args: ['report', example, '-q', ownQuestionnaire, '--format', 'json'], target: 1.5 },
  { name: 'report (terminal format)', args: ['report', example, '--format', 'terminal'], target: 1.5 },
];

const times = cases.map(() => []);
for (let i = 0; i < runs + 3; i++) {
  cases.forEach((c, k) => {
    const [cmd, ...args] = c.command ?? [process.execPath, 'bin/kamcheck.js', ...c.args];
    const start = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0) {
      console.error(`${c.name} failed (exit ${r.status}): ${r.stderr}`);
      process.exit(1);
    }
    if (i >= 3) times[k].push(ms); // the first rounds warm the file cache and kamcheck's own cache
  });
}
rmSync(scratch, { recursive: true, force: true });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const base = median(times[0]);
console.log(`runs: ${runs} of each case, in turn`);
let over = 0;
cases.forEach((c, k) => {
  const m = median(times[k]);
  const ratio = m / base;
  const verdict = c.target === undefined ? '' : ratio <= c.target ? `  (target ≤ ${c.target})` : `  OVER target ${c.target}`;
  if (c.target !== undefined && ratio > c.target) over++;
  console.log(`${c.name.padEnd(40)} median ${m.toFixed(1).padStart(6)} ms  ratio ${ratio.toFixed(2)}${verdict}`);
});
process.exitCode = over > 0 ? 1 : 0;

// The scale case: kamcheck team over 10,000 files (scripts/bench-team.js).
console.log('');
await import('./bench-team.js');
await import('./bench-hostile.js');
