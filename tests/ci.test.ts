// The README's CI section, followed literally: its config file and workflow steps run with bash in a fresh folder.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './helpers/cli.js';
import { codeBlocks } from './helpers/doc-tables.js';
import { markdownProblems } from './helpers/report.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const ci = README.slice(README.indexOf('## In CI'), README.indexOf('\n## ', README.indexOf('## In CI') + 1));
const block = (first: string) => {
  const b = codeBlocks(ci).find((x) => x.text.startsWith(first));
  if (!b) throw new Error(`README's CI section has no block starting with ${first}`);
  return b.text;
};

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
const workflow = parse(block('# .github/workflows/kam.yml')) as { jobs: Record<string, { steps: Step[] }> };
const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
const runs = steps.flatMap((s) => (s.run === undefined ? [] : [s.run]));

/** A repository as the README lays it out, with a job summary file and `kamcheck` on the PATH. */
function repository(answers: string, baseline: string) {
  const dir = mkdtempSync(join(tmpdir(), 'kamcheck-ci-'));
  mkdirSync(join(dir, 'kam'));
  copyFileSync(join(ROOT, answers), join(dir, 'kam/answers.yaml'));
  copyFileSync(join(ROOT, baseline), join(dir, 'kam/baseline.yaml'));
  writeFileSync(join(dir, 'kamcheck.config.yaml'), block('# kamcheck.config.yaml'));
  // Installing is npm's part (npm ci builds, npm install -g links bin/kamcheck.js): this checkout, built, stands in.
  const bin = join(dir, '.bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'kamcheck'), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'bin/kamcheck.js')}" "$@"\n`);
  chmodSync(join(bin, 'kamcheck'), 0o755);
  const summary = join(dir, 'step-summary.md');
  writeFileSync(summary, '');
  const env = { PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: dir, GITHUB_STEP_SUMMARY: summary };
  // GitHub Actions runs each `run:` with bash --noprofile --norc -eo pipefail.
  const step = (script: string) =>
    spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd: dir, env, encoding: 'utf8' });
  return { dir, step, summary: () => readFileSync(summary, 'utf8') };
}

describe("the README's CI workflow", () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build.js'], { cwd: ROOT });
  }, 60000);

  it('checks out with submodules, sets up Node 20 and installs kamcheck from its checkout', () => {
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout@'))?.with).toEqual({ submodules: true });
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with).toEqual({ 'node-version': 20 });
    expect(runs[0]).toBe('npm ci --prefix kamcheck\nnpm install -g ./kamcheck\n');
    expect(runs).toHaveLength(2);
  });

  it('passes on answers no worse than the baseline, with the report in the job summary', () => {
    const repo = repository('examples/midsize-components.en.yaml', 'examples/midsize-components.en.yaml');
    const r = repo.step(runs[1] as string);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const summary = repo.summary();
    expect(summary).toMatch(/^# .* — maturity report\n/);
    expect(summary).toContain('Overall score: **56.6** / 100');
    expect(markdownProblems(summary)).toEqual([]);
  });

  it('fails on a step backwards, saying so as the README does, and still writes the summary; accepting restores it', () => {
    const repo = repository('examples/midsize-components.en.yaml', 'examples/midsize-components.en.yaml');
    const answers = join(repo.dir, 'kam/answers.yaml');
    const worse = readFileSync(answers, 'utf8')
      .replace(/^ {2}leadership-mindset: names-and-why$/m, '  leadership-mindset: cannot-name')
      .replace(/^ {2}plan-alignment: planning-input$/m, '  plan-alignment: sales-only');
    writeFileSync(answers, worse);
    const r = repo.step(runs[1] as string);
    expect(r.status).toBe(1);
    const quoted = /`(kamcheck: gate failed: strategy score fell by [^`]+)`/.exec(ci)?.[1];
    expect(r.stderr).toBe(`${quoted}\n`);
    expect(repo.summary()).toContain('Overall score: **54.2** / 100');
    // "When a new state is agreed, make it the baseline": the README's command, then the same step passes.
    const accept = /`(cp kam\/answers\.yaml kam\/baseline\.yaml)`/.exec(ci)?.[1] as string;
    expect(repo.step(accept).status).toBe(0);
    expect(repo.step(runs[1] as string).status).toBe(0);
  });

  it('fails under the floor of the config file even with no change', () => {
    const repo = repository('examples/pump-maker-early.zh.yaml', 'examples/pump-maker-early.zh.yaml');
    const r = repo.step(runs[1] as string);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('kamcheck: 门槛未通过：总分 15.2 低于 40（--fail-under）\n');
    expect(repo.summary()).toMatch(/^# .*成熟度/);
  });
});
