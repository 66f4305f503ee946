// Scale benchmark: `kamcheck team` over 10,000 answers files against a bare Node script that only reads and
// yaml-parses the same files; wall time (median of alternating runs) and peak memory (maxRSS) of each.
// Targets (issue 10): team ≤ 1.5 × the bare parse, peak memory ≤ 300 MB. Usage: node scripts/bench-team.js [FILES] [RUNS]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const count = Number(process.argv[2]) || 10000;
const runs = Number(process.argv[3]) || 3;
const work = mkdtempSync(join(tmpdir(), 'kamcheck-bench-team-'));
const dir = join(work, 'answers');

// Valid answers files: the examples, each respondent renamed so that no two files are the same.
const examples = [
  ...readdirSync(join(root, 'examples'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(root, 'examples', f)),
  ...readdirSync(join(root, 'examples/team')).map((f) => join(root, 'examples/team', f)),
].map((f) => readFileSync(f, 'utf8'));
mkdirSync(dir);
for (let i = 0; i < count; i++) {
  const text = (examples[i % examples.length] ?? '').replace(/^( {2}name: ).*$/m, `$1R${i}`);
  writeFileSync(join(dir, `a${String(i).padStart(6, '0')}.yaml`), text);
}

const rss = join(work, 'rss.cjs');
writeFileSync(rss, `process.on('exit', () => require('node:fs').writeSync(2, 'maxrss ' + process.resourceUsage().maxRSS + '\\n'));\n`);
const bare = join(work, 'bare.cjs');
writeFileSync(
  bare,
  `const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { parse } = require(${JSON.stringify(join(root, 'node_modules/yaml'))});
const dir = process.argv[2];
for (const f of readdirSync(dir).sort()) parse(readFileSync(join(dir, f), 'utf8'));
`,
);
const commands = {
  'bare yaml parse': [bare, dir],
  'kamcheck team': [join(root, 'bin/kamcheck.js'), 'team', dir, '-f', 'json', '-o', join(work, 'team.json'), '--force'],
};
const results = Object.fromEntries(Object.keys(commands).map((k) => [k, { ms: [], kb: [] }]));
for (let i = 0; i < runs; i++) {
  for (const [name, args] of Object.entries(commands)) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--require', rss, ...args], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0) {
      console.error(`${name} failed (exit ${r.status}): ${r.stderr}`);
      process.exit(1);
    }
    results[name].ms.push(ms);
    results[name].kb.push(Number(/maxrss (\d+)/.exec(r.stderr)?.[1]));
  }
}
rmSync(work, { recursive: true, force: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const b = results['bare yaml parse'];
const t = results['kamcheck team'];
for (const [name, r] of Object.entries(results)) {
  console.log(
    `${name.padEnd(16)} ${count} files   median ${(median(r.ms) / 1000).toFixed(2)} s   peak ${(Math.max(...r.kb) / 1024).toFixed(0)} MB`,
  );
}
console.log(
  `ratio: ${(median(t.ms) / median(b.ms)).toFixed(2)} (target ≤ 1.5); team peak memory ${(Math.max(...t.kb) / 1024).toFixed(0)} MB (target ≤ 300)`,
);
