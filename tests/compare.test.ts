import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareReports, drops } from '../src/core/compare.js';
import { comparisonMarkdown } from '../src/render/compare-markdown.js';
import { Comparison, Report } from '../src/schema/report.js';
import { runCli } from './helpers/cli.js';
import { codeBlocks } from './helpers/doc-tables.js';
import { modelFromFile } from './helpers/model.js';
import { markdownProblems, reportFor } from './helpers/report.js';

const Q = ['-q', 'tests/fixtures/valid/small.yaml'];
const P = 'tests/fixtures/progress';
const tmp = () => mkdtempSync(join(tmpdir(), 'kamcheck-compare-'));
const model = modelFromFile('tests/fixtures/valid/small.yaml');

async function comparison(file: string, baseline: string, extra: string[] = []) {
  const r = await runCli(['report', ...Q, `${P}/${file}`, '--compare', baseline, '-f', 'json', ...extra]);
  return { ...r, json: r.stdout ? (JSON.parse(r.stdout) as Report) : undefined };
}

describe('--compare with an answers file', () => {
  it('shows a level crossing upwards, the remedies resolved and persisting, and the answers that changed', async () => {
    const { code, stderr, json } = await comparison('now.yaml', `${P}/base.yaml`);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(Report.safeParse(json).success).toBe(true);
    expect(json?.comparison).toEqual({
      baseline: { file: `${P}/base.yaml`, date: '2026-05-29' },
      overall: { before: 15.6, after: 41.3, delta: 25.7, levelBefore: 'starting', levelAfter: 'developing' },
      dimensions: [
        { id: 'strategy', before: 13.3, after: 36.7, delta: 23.4, levelBefore: 'starting', levelAfter: 'starting' },
        { id: 'people', before: 22.5, after: 55, delta: 32.5, levelBefore: 'starting', levelAfter: 'developing' },
      ],
      remedies: { new: [], resolved: ['weak-plans'], persisting: ['no-sponsor', 'few-kams', 'overall-low'] },
      answers: [
        // Differences of the 3-decimal question scores shown: 0.667 − 0.333.
        { id: 'plans', before: 2, after: 3, delta: 0.334 },
        { id: 'selection', before: 'size', after: 'mixed', delta: 0.5 },
        { id: 'kam-count', before: 2, after: 4, delta: 0.2 },
        { id: 'training', before: ['selling'], after: ['selling', 'finance'], delta: 0.5 },
        { id: 'turnover', before: null, after: 12, delta: null },
      ],
    });
  });

  it('shows a level crossing downwards, a dimension with no score on one side and new remedies', async () => {
    const { code, json } = await comparison('now.yaml', `${P}/early.yaml`);
    expect(code).toBe(0);
    const c = json?.comparison as Comparison;
    expect(c.overall).toEqual({ before: 40, after: 41.3, delta: 1.3, levelBefore: 'developing', levelAfter: 'developing' });
    expect(c.dimensions).toEqual([
      { id: 'strategy', before: 40, after: 36.7, delta: -3.3, levelBefore: 'developing', levelAfter: 'starting' },
      { id: 'people', before: null, after: 55, delta: null, levelBefore: null, levelAfter: 'developing' },
    ]);
    expect(c.remedies).toEqual({ new: ['no-sponsor', 'few-kams'], resolved: ['weak-plans'], persisting: ['overall-low'] });
    expect(c.answers?.map((a) => a.id)).toEqual(['sponsor', 'plans', 'selection', 'kam-count', 'training', 'turnover']);
    expect(c.answers?.[0]).toEqual({ id: 'sponsor', before: true, after: false, delta: -1 });
  });

  it('warns when the baseline was answered for another version of the questionnaire', async () => {
    const { code, stderr, json } = await comparison('now.yaml', `${P}/retake.yaml`);
    expect(code).toBe(0);
    expect(stderr).toBe(`${P}/retake.yaml:2:16: warning: answers were given for version 0.9.0; the questionnaire is version 1.0.0\n`);
    expect(json?.comparison?.overall).toMatchObject({ before: 23.1, after: 41.3, delta: 18.2 });
  });

  it('refuses a baseline of another questionnaire, naming it (exit 2)', async () => {
    const r = await runCli(['report', ...Q, `${P}/now.yaml`, '--compare', 'examples/midsize-components.en.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^examples\/midsize-components\.en\.yaml:4:16: error: answers are for questionnaire "kam-five-pitfalls", not "small"\n$/,
    );
  });
});

describe('--compare with a report JSON', () => {
  const saved = async (file: string, edit: (r: Record<string, unknown>) => void = () => {}) => {
    const dir = tmp();
    const r = await runCli(['report', ...Q, `${P}/${file}`, '-f', 'json']);
    const doc = JSON.parse(r.stdout);
    edit(doc);
    writeFileSync(join(dir, 'baseline.json'), JSON.stringify(doc, null, 2));
    return join(dir, 'baseline.json');
  };

  it('compares scores, levels and remedies, without answers', async () => {
    const path = await saved('base.yaml');
    const { code, json } = await comparison('now.yaml', path);
    expect(code).toBe(0);
    const c = json?.comparison as Comparison;
    expect(c.baseline).toEqual({ file: path, date: '2026-05-29' });
    expect(c.overall).toEqual({ before: 15.6, after: 41.3, delta: 25.7, levelBefore: 'starting', levelAfter: 'developing' });
    expect(c.remedies.resolved).toEqual(['weak-plans']);
    expect('answers' in c).toBe(false);
  });

  it('reads a report of format v1 that has none of the v1.1 keys', async () => {
    const path = await saved('base.yaml', (r) => {
      delete r.perspective;
      const o = r.overall as Record<string, unknown>;
      delete o.uncappedScore;
      delete o.cappedBy;
      for (const m of r.remedies as Record<string, unknown>[]) for (const k of ['phase', 'cap', 'overallCap']) delete m[k];
    });
    expect((await comparison('now.yaml', path)).json?.comparison?.overall.delta).toBe(25.7);
  });

  it('warns on another questionnaire version and refuses another questionnaire, at the line of the field', async () => {
    const v = await saved('base.yaml', (r) => Object.assign(r.questionnaire as object, { version: '0.9.0' }));
    const warned = await comparison('now.yaml', v);
    expect(warned.code).toBe(0);
    expect(warned.stderr).toBe(
      `${v}:10:16: warning: this report was made with version 0.9.0 of the questionnaire; it is now version 1.0.0\n`,
    );
    const other = await saved('base.yaml', (r) => Object.assign(r.questionnaire as object, { id: 'kam-five-pitfalls' }));
    const refused = await comparison('now.yaml', other);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(`${other}:9:11: error: this report was made with questionnaire "kam-five-pitfalls", not "small"\n`);
  });

  it('refuses a document of another kind, and a report that is not one', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'team.json'), '{\n  "kamcheck": 1,\n  "kind": "team"\n}\n');
    const team = await comparison('now.yaml', join(dir, 'team.json'));
    expect(team.code).toBe(2);
    expect(team.stderr).toMatch(/team\.json:3:11: error: a kamcheck "team" document cannot be used here; give an answers file or the JSON/);
    writeFileSync(join(dir, 'broken.json'), '{\n  "kamcheck": 1,\n  "kind": "report"\n}\n');
    const broken = await comparison('now.yaml', join(dir, 'broken.json'));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.json:1:1: error: missing required key "questionnaire"/);
  });
});

describe('gates over time', () => {
  it('--max-drop fails when a score fell by more than N points, still writing the report, and says which', async () => {
    const r = await runCli(['report', ...Q, `${P}/now.yaml`, '--compare', `${P}/early.yaml`, '--max-drop', '3', '-f', 'markdown']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('# Small check');
    expect(r.stderr).toBe('kamcheck: gate failed: strategy score fell by 3.3 points (40.0 → 36.7), more than 3 (--max-drop)\n');
    // Compared on the 1-decimal numbers: a fall of exactly 3.3 is not more than 3.3.
    const edge = await runCli(['report', ...Q, `${P}/now.yaml`, '--compare', `${P}/early.yaml`, '--max-drop', '3.3']);
    expect(edge.code).toBe(0);
  });

  it('--max-drop needs a baseline', async () => {
    const r = await runCli(['report', ...Q, `${P}/now.yaml`, '--max-drop', '3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--max-drop needs a baseline/);
  });

  it('--fail-under takes ID=N, repeatable, and a plain number for the overall score', async () => {
    const args = ['report', ...Q, `${P}/now.yaml`, '-f', 'json'];
    const r = await runCli([...args, '--fail-under', 'overall=40', '--fail-under', 'strategy=50', '--fail-under', 'people=50']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('kamcheck: gate failed: strategy score 36.7 is under 50 (--fail-under strategy=50)\n');
    expect((await runCli([...args, '--fail-under', '41.3', '--fail-under', 'people=55'])).code).toBe(0);
    const plain = await runCli([...args, '--fail-under', '50']);
    expect(plain.stderr).toBe('kamcheck: gate failed: overall score 41.3 is under 50 (--fail-under)\n');
    const none = await runCli(['report', ...Q, `${P}/early.yaml`, '--fail-under', 'people=10', '--lang', 'zh-CN']);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe('kamcheck: 门槛未通过：没有 people 得分可与 10 比较（--fail-under people=10）\n');
  });

  it.each([['stratgy=50'], ['strategy=abc'], ['=5'], ['150']])('--fail-under %s is a usage error (exit 2)', async (v) => {
    const r = await runCli(['report', ...Q, `${P}/now.yaml`, '--fail-under', v]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
});

describe('comparing a result with itself', () => {
  const answers = fc.record(
    {
      sponsor: fc.boolean(),
      plans: fc.constantFrom(1, 2, 3, 4, 'na'),
      selection: fc.constantFrom('size', 'mixed', 'criteria'),
      'kam-count': fc.integer({ min: 0, max: 500 }),
      training: fc.subarray(['selling', 'finance', 'leadership']),
      turnover: fc.integer({ min: 0, max: 100 }),
    },
    { requiredKeys: [] },
  );

  it('shows no change and passes --max-drop 0 (property)', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const report = reportFor(model, a, 'en', { date: '2026-11-29' });
        const c = compareReports(report, report, { file: 'same.yaml', answers: true });
        expect(Comparison.safeParse(c).success).toBe(true);
        for (const row of [c.overall, ...c.dimensions]) {
          expect(row.after).toBe(row.before);
          expect(row.delta === null ? row.before : row.delta).toBe(row.before === null ? null : 0);
          expect(row.levelAfter).toBe(row.levelBefore);
        }
        expect(c.remedies.new).toEqual([]);
        expect(c.remedies.resolved).toEqual([]);
        expect(c.remedies.persisting).toEqual(report.remedies.map((r) => r.id));
        expect(c.answers).toEqual([]);
        expect(drops(c, 0)).toEqual([]);
      }),
    );
  });

  it.each(['tests/fixtures/progress/now.yaml', 'examples/midsize-components.en.yaml'])(
    'the CLI passes --max-drop 0 on %s',
    async (file) => {
      const q = file.startsWith('examples') ? [] : Q;
      const r = await runCli(['report', ...q, file, '--compare', file, '--max-drop', '0', '-f', 'json']);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      const c = (JSON.parse(r.stdout) as Report).comparison as Comparison;
      expect([c.overall, ...c.dimensions].every((d) => d.delta === 0 || (d.before === null && d.after === null))).toBe(true);
      expect(c.answers).toEqual([]);
    },
  );
});

describe('comparison markdown', () => {
  it.each(['en', 'zh-CN'])('passes markdownlint and reads as a compact table (%s)', async (lang) => {
    for (const base of ['base.yaml', 'early.yaml', 'now.yaml']) {
      const r = await runCli(['report', ...Q, `${P}/now.yaml`, '--compare', `${P}/${base}`, '-f', 'json', '--lang', lang]);
      const report = JSON.parse(r.stdout) as Report;
      const text = `# Report\n\n${comparisonMarkdown(report.comparison as Comparison, report).join('\n')}`;
      expect(markdownProblems(text)).toEqual([]);
    }
  });

  it('shows before, now, Δ with an arrow, and level changes by title', async () => {
    const r = await runCli(['report', ...Q, `${P}/now.yaml`, '--compare', `${P}/early.yaml`, '-f', 'json']);
    const report = JSON.parse(r.stdout) as Report;
    const lines = comparisonMarkdown(report.comparison as Comparison, report);
    expect(lines.slice(0, 7)).toEqual([
      `## Compared with 2026-02-01 (${P}/early.yaml)`,
      '',
      '| Score | Before | Now | Δ | Level |',
      '| --- | ---: | ---: | ---: | --- |',
      '| **Overall** | 40.0 | 41.3 | ↑ +1.3 | Developing |',
      '| Strategy | 40.0 | 36.7 | ↓ -3.3 | Developing → Starting |',
      '| People | — | 55.0 | — | — → Developing |',
    ]);
    expect(lines).toContain('- Resolved (1): `weak-plans`');
    expect(lines).toContain('- New remedies (2): Name an executive sponsor (`no-sponsor`), Staff the key accounts (`few-kams`)');
    expect(lines).toContain('| `sponsor` | `true` | `false` | -1.000 |');
  });

  it('says so when nothing changed', async () => {
    const r = await runCli(['report', ...Q, `${P}/now.yaml`, '--compare', `${P}/now.yaml`, '-f', 'json', '--lang', 'zh-CN']);
    const report = JSON.parse(r.stdout) as Report;
    expect(comparisonMarkdown(report.comparison as Comparison, report)).toContain('得分、等级、建议和答案均无变化。');
  });
});

it('the fixtures say what the tests assume', () => {
  expect(readFileSync(`${P}/retake.yaml`, 'utf8')).toContain('small@0.9.0');
});

describe('docs/progress.md', () => {
  const doc = readFileSync('docs/progress.md', 'utf8');

  it('passes markdownlint (default rules, no line length)', () => {
    expect(markdownProblems(doc)).toEqual([]);
  });

  it('shows the comparison JSON that kamcheck makes for the example it names', async () => {
    const shown = codeBlocks(doc).find((b) => b.lang === 'json' && b.text.includes('"baseline"'));
    const { json } = await comparison('now.yaml', `${P}/early.yaml`);
    expect(JSON.parse(shown?.text ?? '')).toEqual(json?.comparison);
  });

  it('quotes the --max-drop message as the CLI writes it', async () => {
    const r = await runCli(['report', ...Q, `${P}/now.yaml`, '--compare', `${P}/early.yaml`, '--max-drop', '3']);
    expect(codeBlocks(doc).some((b) => b.lang === 'text' && b.text === r.stderr)).toBe(true);
  });
});
