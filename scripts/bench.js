// Start-up benchmark: median wall time of a JSON report from a saved answers file, next to bare `node -e 0`.
// Runs the two alternately so that machine noise hits both alike. Usage: npm run bench [-- RUNS]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2]) || 30;
const example = 'examples/midsize-components.en.yaml';
if (!existsSync(new URL('../dist/kamcheck.cjs', import.meta.url))) {
  console.error('dist/kamcheck.cjs is missing: run npm run build first');
  process.exit(2);
}
const commands = {
  node: [process.execPath, ['-e', '0']],
  kamcheck: [process.execPath, ['bin/kamcheck.js', 'report', example, '--format', 'json']],
};
const times = { node: [], kamcheck: [] };
for (let i = 0; i < runs + 3; i++) {
  for (const [name, [cmd, args]] of Object.entries(commands)) {
    const start = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0) {
      console.error(`${name} failed (exit ${r.status}): ${r.stderr}`);
      process.exit(1);
    }
    if (i >= 3) times[name].push(ms); // the first runs warm the file cache
  }
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const k = median(times.kamcheck);
const n = median(times.node);
console.log(`runs: ${runs} each, alternating`);
console.log(`node -e 0                                    median ${n.toFixed(1)} ms`);
console.log(`kamcheck report ${example} --format json  median ${k.toFixed(1)} ms`);
console.log(`ratio: ${(k / n).toFixed(2)} (target ≤ 1.8, goal 1.5)`);

// The scale case: kamcheck team over 10,000 files (scripts/bench-team.js).
console.log('');
await import('./bench-team.js');
