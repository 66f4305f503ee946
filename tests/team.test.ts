import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchema } from '../src/cli/commands/schema.js';
import { TeamReport } from '../src/schema/team.js';
import { ROOT, runCli } from './helpers/cli.js';
import { markdownProblems } from './helpers/report.js';

const Q = 'tests/fixtures/valid/team.yaml';
const TEAM = 'tests/fixtures/team';
const tmp = () => mkdtempSync(join(tmpdir(), 'kamcheck-team-'));
const json = async (args: string[], opts = {}) => {
  const r = await runCli(['team', ...args, '-q', Q, '-f', 'json'], opts);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.stdout) as TeamReport;
  expect(TeamReport.safeParse(doc).success).toBe(true);
  return doc;
};

describe('kamcheck team', () => {
  it('reads a folder in path order and reports the team of SPEC §10', async () => {
    const doc = await json([TEAM]);
    expect(doc).toMatchObject({ kamcheck: 1, kind: 'team', respondents: 4, by: 'role', perspective: 'internal' });
    expect(doc.people.map((p) => p.file)).toEqual(['ana.yaml', 'ben.yaml', 'cai.yaml', 'dora.yaml', 'eve.yaml'].map((f) => join(TEAM, f)));
    expect(doc.people.map((p) => p.perspective)).toEqual(['internal', 'internal', 'internal', 'internal', 'customer']);
    expect(doc.overall).toEqual({ score: 62.9, level: { id: 'developing', title: 'Developing' }, coverage: 0.938 });
    expect(doc.groups.map((g) => [g.value, g.n, g.overall])).toEqual([
      ['production', 2, 42.5],
      ['sales', 2, 83.3],
    ]);
    expect(doc.gaps.map((g) => [g.dimension, g.gap, g.flagged])).toEqual([
      ['strategy', 42.5, true],
      ['relationship', 37.5, true],
    ]);
    expect(doc.disputed.map((d) => d.id)).toEqual(['sponsor', 'plans', 'reviews']);
    expect(doc.remedies.map((r) => [r.id, r.fired, r.of, r.groups])).toEqual([
      ['no-sponsor', 1, 4, ['production']],
      ['weak-reviews', 1, 4, ['production']],
      ['overall-low', 2, 4, ['production']],
    ]);
    const customer = doc.perspectives[0];
    expect(customer?.dimensions.map((d) => [d.id, d.score, d.gap])).toEqual([
      ['relationship', 25, 31.3],
      ['strategy', 50, 16.3],
    ]);
    expect(customer?.questions.map((q) => [q.id, q.internal, q.other, q.gap])).toEqual([
      ['reviews', 62.5, 0, 62.5],
      ['plans', 62.5, 50, 12.5],
      ['response', 50, 50, 0],
    ]);
  });

  it('counts a path given twice once, and reads a list of paths from stdin with -', async () => {
    const files = ['ana.yaml', 'ben.yaml', 'cai.yaml'].map((f) => join(TEAM, f));
    const twice = await json([...files, files[0] as string, TEAM]);
    expect(twice.people).toHaveLength(5);
    const listed = await json(['-'], { stdin: `${files.join('\n')}\n\n` });
    expect(listed.people.map((p) => p.file)).toEqual(files);
  });

  it('groups by another field and takes another disagreement threshold', async () => {
    const doc = await json([TEAM, '--by', 'organization', '--disagree', '1']);
    expect(doc.groups.map((g) => [g.value, g.n])).toEqual([[null, 4]]);
    expect(doc.gaps).toEqual([]);
    expect(doc.disputed.map((d) => d.spread)).toEqual([1, 1, 1]);
    const pair = await json([join(TEAM, 'ana.yaml'), join(TEAM, 'ben.yaml'), '--disagree', '0.6']);
    expect(pair.disputed).toEqual([]);
    expect((await json([join(TEAM, 'ana.yaml'), join(TEAM, 'ben.yaml')])).disputed.map((d) => d.id)).toEqual(['plans']);
  });

  it('lists every problem of every invalid file and exits 2; --skip-invalid warns and goes on', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.yaml'), readFileSync(join(ROOT, TEAM, 'ana.yaml')));
    writeFileSync(join(dir, 'b.yaml'), 'kamcheck: 1\nquestionnaire: small-team\nanswers:\n  sponsor: maybe\n  plan: 3\n');
    writeFileSync(join(dir, 'c.yaml'), 'kamcheck: 1\nquestionnaire: kam-five-pitfalls\nanswers: {}\n');
    const bad = await runCli(['team', '.', '-q', join(ROOT, Q), '-f', 'json'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim().split('\n')).toEqual([
      'b.yaml:4:12: error: "maybe" is not an answer to "sponsor"; it accepts: true, false',
      'b.yaml:5:3: error: unknown question "plan"; did you mean "plans"?',
      expect.stringMatching(/^c\.yaml:2:16: error: .*kam-five-pitfalls.*small-team/),
    ]);
    const skip = await runCli(['team', '.', '-q', join(ROOT, Q), '-f', 'json', '--skip-invalid'], { cwd: dir });
    expect(skip.code).toBe(0);
    expect(skip.stderr).toMatch(/^b\.yaml:4:12: warning: /m);
    expect(skip.stderr).toMatch(/^c\.yaml:2:16: warning: /m);
    expect(skip.stderr).toMatch(/skipped 2 invalid files/);
    const doc = JSON.parse(skip.stdout) as TeamReport;
    expect(doc.people.map((p) => p.file)).toEqual(['a.yaml']);
    expect(doc.warnings.map((w) => w.file)).toEqual(['b.yaml', 'b.yaml', 'c.yaml']);
  });

  it('walks folders in path order, leaving out dot names, other files and links back up', async () => {
    const dir = tmp();
    const ana = readFileSync(join(ROOT, TEAM, 'ana.yaml'));
    for (const f of ['b/z.yml', 'b/a.yaml', 'a.YAML', '.hidden/x.yaml', 'b/.x.yaml', 'notes.txt']) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), ana);
    }
    symlinkSync(dir, join(dir, 'b', 'up'));
    const doc = await json([dir]);
    expect(doc.people.map((p) => p.file.slice(dir.length + 1))).toEqual(['a.YAML', 'b/a.yaml', 'b/z.yml']);
  });

  it('refuses an empty folder and a team without an internal respondent', async () => {
    const dir = tmp();
    const empty = await runCli(['team', dir]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/no answers files/);
    const onlyCustomer = await runCli(['team', join(TEAM, 'eve.yaml'), '-q', Q]);
    expect(onlyCustomer.code).toBe(2);
    expect(onlyCustomer.stderr).toMatch(/no respondent of perspective "internal"/);
  });

  it('applies the gates to the team and still writes the report', async () => {
    const r = await runCli(['team', TEAM, '-q', Q, '-f', 'json', '--fail-under', '70', '--fail-on', 'critical']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).kind).toBe('team');
    expect(r.stderr).toMatch(/overall score 62\.9 is under 70/);
    expect(r.stderr).toMatch(/no-sponsor/);
  });

  it('never overwrites an output file without --force', async () => {
    const out = join(tmp(), 'team.md');
    expect((await runCli(['team', TEAM, '-q', Q, '-o', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Small team check — team report/);
    const again = await runCli(['team', TEAM, '-q', Q, '-o', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
    expect((await runCli(['team', TEAM, '-q', Q, '-o', out, '--force'])).code).toBe(0);
  });

  it.each(['en', 'zh-CN'])('markdown in %s passes markdownlint and reads as talking points', async (lang) => {
    const r = await runCli(['team', TEAM, '-q', Q, '-f', 'markdown', '--lang', lang]);
    expect(r.code).toBe(0);
    expect(markdownProblems(r.stdout)).toEqual([]);
    const example = await runCli(['team', 'examples/team', '-f', 'markdown', '--lang', lang]);
    expect(example.code).toBe(0);
    expect(markdownProblems(example.stdout)).toEqual([]);
    expect(r.stdout).toMatch(
      lang === 'en' ? /We rate Relationship 56\.3, customers 25\.0 \(\+31\.3\)/ : /“客户关系”我们自评 56\.3 分，客户评 25\.0 分/,
    );
  });

  it.each(['en', 'zh-CN'])('the terminal report in %s fits 80 columns', async (lang) => {
    const { width } = await import('../src/render/style.js');
    for (const dir of [TEAM, 'examples/team']) {
      const q = dir === TEAM ? ['-q', Q] : [];
      const r = await runCli(['team', dir, ...q, '--lang', lang], { columns: 80 });
      expect(r.code).toBe(0);
      for (const line of r.stdout.split('\n')) expect(width(line), line).toBeLessThanOrEqual(80);
    }
  });

  it('the HTML page escapes what the files say', async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'x.yaml'),
      'kamcheck: 1\nquestionnaire: small-team\nrespondent: { name: "<script>x</script>", role: "<b>" }\nanswers: { sponsor: true }\n',
    );
    const r = await runCli(['team', dir, '-q', join(ROOT, Q), '-f', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/<script>|<b>/);
    expect(r.stdout).toMatch(/&lt;script&gt;/);
  });

  it('the committed schemas/team.schema.json matches the zod schema', async () => {
    const committed = readFileSync(join(ROOT, 'schemas/team.schema.json'), 'utf8');
    expect(jsonSchema('team'), 'run `npm run schemas` and commit the result').toBe(committed);
    expect((await runCli(['schema', 'team'])).stdout).toBe(committed);
  });
});

describe('report over many files, one at a time', () => {
  const files = ['examples/midsize-components.en.yaml', 'examples/pump-maker-early.zh.yaml', 'examples/advanced-automation.yaml'];

  it('writes the JSON array that the single reports make, and markdown separated by rules', async () => {
    const singles = await Promise.all(files.map(async (f) => JSON.parse((await runCli(['report', f, '-f', 'json'])).stdout)));
    const many = await runCli(['report', ...files, '-f', 'json']);
    expect(many.code).toBe(0);
    expect(many.stdout).toBe(`${JSON.stringify(singles, null, 2)}\n`);
    const md = await runCli(['report', ...files, '-f', 'markdown']);
    expect(md.stdout.split('\n---\n\n')).toHaveLength(3);
    const target = ['--target', 'overall=60'];
    const targeted = await Promise.all(files.map(async (f) => JSON.parse((await runCli(['report', f, '-f', 'json', ...target])).stdout)));
    expect(targeted[0].targets).toBeDefined();
    expect((await runCli(['report', ...files, '-f', 'json', ...target])).stdout).toBe(`${JSON.stringify(targeted, null, 2)}\n`);
    const out = join(tmp(), 'all.json');
    expect((await runCli(['report', ...files, '-o', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(many.stdout);
  });

  it('lists the problems of every file and writes nothing when one is invalid', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.yaml'), 'kamcheck: 1\nquestionnaire: kam-five-pitfalls\nanswers:\n  exec-sponsr: none\n');
    const r = await runCli(['report', join(ROOT, files[0] as string), 'bad.yaml', 'bad.yaml', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.match(/bad\.yaml:4:3: error: unknown question "exec-sponsr"/g)).toHaveLength(2);
  });
});

describe('as a real process', () => {
  it('reads a list of paths on stdin and writes CSV, exit 0; a gate exits 1', () => {
    if (!existsSync(join(ROOT, 'dist/kamcheck.cjs'))) execFileSync(process.execPath, ['scripts/build.js'], { cwd: ROOT });
    const list = ['01-zhou-gm.yaml', '07-liu-customer-purchasing.yaml'].map((f) => `examples/team/${f}`).join('\n');
    const kamcheck = (args: string[]) =>
      spawnSync(process.execPath, ['bin/kamcheck.js', 'team', '-', ...args], { cwd: ROOT, input: list, encoding: 'utf8', env: {} });
    const ok = kamcheck(['-f', 'csv']);
    expect(ok.status).toBe(0);
    expect(ok.stdout.startsWith('\uFEFFfile,name,role,')).toBe(true);
    expect(ok.stdout.split('\r\n')).toHaveLength(4);
    expect(kamcheck(['-f', 'json', '--fail-under', '99']).status).toBe(1);
  });
});

describe('README', () => {
  it('shows lines the team command really prints on the example', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /```text\n(Groups \(role\)[\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const r = await runCli(['team', 'examples/team', '--lang', 'en'], { columns: 80 });
    const lines = r.stdout.split('\n');
    for (const line of (block as string).split('\n').filter((l) => l !== '' && l !== '…')) expect(lines, line).toContain(line);
  });
});
