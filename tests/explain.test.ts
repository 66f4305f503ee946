import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchema } from '../src/cli/commands/schema.js';
import { width } from '../src/render/style.js';
import { Explanation, type RuleExplanation } from '../src/schema/explanation.js';
import type { Report } from '../src/schema/report.js';
import { ROOT, runCli } from './helpers/cli.js';
import { bundled } from './helpers/plan.js';
import { markdownProblems } from './helpers/report.js';

const EXAMPLES = [
  'examples/pump-maker-early.zh.yaml',
  'examples/midsize-components.en.yaml',
  'examples/advanced-automation.yaml',
  'examples/midsize-components.customer.en.yaml',
];
const SMALL = join(ROOT, 'tests/fixtures/valid/small.yaml');
const SMALL_ANSWERS = 'tests/fixtures/valid/small-answers.yaml';
const model = bundled();
const everything = ['overall', ...model.dimensions.map((d) => d.id), ...model.rules.map((r) => r.id)];

async function out(argv: string[]): Promise<string> {
  const r = await runCli(argv);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

describe.each(EXAMPLES)('explain %s', (file) => {
  it("every number equals the JSON report's, for every dimension and rule", async () => {
    const report = JSON.parse(await out(['report', file, '-f', 'json'])) as Report;
    const doc = Explanation.parse(JSON.parse(await out(['explain', file, ...everything, '-f', 'json'])));
    expect(doc.items.map((i) => (i.type === 'overall' ? 'overall' : i.id))).toEqual(everything);
    const answers = new Map(report.answers.map((a) => [a.id, a]));
    for (const item of doc.items) {
      if (item.type === 'overall') {
        expect([item.score, item.level?.id, item.coverage]).toEqual([
          report.overall.score,
          report.overall.level?.id,
          report.overall.coverage,
        ]);
        expect(item.mean).toBe(report.overall.uncappedScore);
        expect(item.weight).toBeGreaterThan(0);
        expect(Math.abs(item.weighted / item.weight - (item.mean as number))).toBeLessThanOrEqual(0.05 + 1e-9);
      } else if (item.type === 'dimension') {
        const d = report.dimensions.find((x) => x.id === item.id);
        expect([item.score, item.rawScore, item.coverage, item.level?.id, item.caps.filter((c) => c.lowered).map((c) => c.rule)]).toEqual([
          d?.score,
          d?.rawScore,
          d?.coverage,
          d?.level?.id,
          d?.cappedBy,
        ]);
        for (const q of item.questions)
          expect([q.id, q.state, q.score]).toEqual([q.id, answers.get(q.id)?.state, answers.get(q.id)?.score]);
        if (item.rawScore !== null)
          expect(Math.abs((100 * item.weighted) / item.answeredWeight - item.rawScore)).toBeLessThanOrEqual(0.05 + 1e-6);
        if (item.levelFrom && item.score !== null) {
          expect(item.levelFrom.min).toBeLessThanOrEqual(item.score);
          if (item.nextLevel) expect(item.nextLevel.min).toBeGreaterThan(item.score - 0.05);
        }
      } else if (item.type === 'rule') {
        const remedy = report.remedies.find((r) => r.id === item.id);
        expect(item.fired, item.id).toBe(remedy !== undefined);
        expect(item.condition.holds, item.id).toBe(item.fired);
        expect(item.priority?.value, item.id).toBe(remedy?.priority);
        expect(item.gain?.value ?? null, item.id).toBe(remedy ? remedy.gain : null);
        expect(item.gain?.dimension ?? null, item.id).toBe(remedy ? remedy.dimensionGain : null);
        if (remedy) expect(item.gain?.phase, item.id).toBe(remedy.phase);
      }
    }
  });

  it.each(['zh-CN', 'en'])('the terminal fits 80 columns in %s, and markdown passes markdownlint', async (lang) => {
    const terminal = await out(['explain', file, ...everything, '--lang', lang]);
    const wide = terminal.split('\n').filter((l) => width(l) > 80);
    expect(wide).toEqual([]);
    const md = await out(['explain', file, ...everything, '--lang', lang, '-f', 'markdown']);
    expect(markdownProblems(md)).toEqual([]);
  });
});

describe('explain', () => {
  it('defaults to overall and every dimension', async () => {
    const doc = Explanation.parse(JSON.parse(await out(['explain', EXAMPLES[1] as string, '-f', 'json'])));
    expect(doc.kind).toBe('explanation');
    expect(doc.items.map((i) => (i.type === 'overall' ? 'overall' : i.id))).toEqual(['overall', ...model.dimensions.map((d) => d.id)]);
  });

  it('shows a rule as its condition tree with what each leaf saw, its priority and gain as products of factors', async () => {
    const text = await out(['explain', SMALL_ANSWERS, '-q', SMALL, 'no-sponsor', 'few-kams', 'plans']);
    expect(text).toContain('answer sponsor eq false — saw: No (false) → holds');
    expect(text).toContain('= 10 × 1 × 3 / 2 × (100 − 36.7) / 100 = 9.5');
    expect(text).toContain('Dimension strategy: 36.7 → 76.7 = +40.0');
    expect(text).toContain('Overall: 41.3 → 71.3 = +30.0 ≈ 3 / 4 × +40.0');
    expect(text).toContain('questionScore kam-count lt 0.5 — saw: 0.4 → holds');
    expect(text).toContain('Rules that name it: Write account plans (weak-plans, did not fire)');
  });

  it('a dimension: the table, the sums, raw score, caps, final score and the levels around it', async () => {
    const text = await out(['explain', SMALL_ANSWERS, '-q', SMALL, 'strategy']);
    expect(text).toContain('Raw score R = 100 × 1.833 / 5 = 36.7');
    expect(text).toContain('Caps: Name an executive sponsor (no-sponsor) — fired with cap 40, above the');
    expect(text).toContain('Score S = min(36.7, 40.0) = 36.7');
    expect(text).toContain('Level: Starting (from 0; Developing from 40)');
    const doc = Explanation.parse(JSON.parse(await out(['explain', SMALL_ANSWERS, '-q', SMALL, 'strategy', '-f', 'json'])));
    const d = doc.items[0];
    expect(d?.type === 'dimension' && d.questions.map((q) => [q.id, q.score, q.weight, q.contribution])).toEqual([
      ['sponsor', 0, 2, 0],
      ['plans', 0.667, 2, 1.333],
      ['selection', 0.5, 1, 0.5],
    ]);
  });

  it('speaks Chinese, with Chinese punctuation after labels', async () => {
    const text = await out(['explain', SMALL_ANSWERS, '-q', SMALL, 'strategy', 'no-sponsor', '--lang', 'zh-CN']);
    expect(text).toContain('原始分 R = 100 × 1.833 / 5 = 36.7');
    expect(text).toContain('等级：起步（0 分起；发展 40 分起）');
    expect(text).toContain('answer sponsor eq false — 实际：否 (false) → 成立');
    expect(text).toContain('总分：41.3 → 71.3 = +30.0 ≈ 3 / 4 × +40.0');
  });

  it('a rule that did not fire has neither priority nor gain', async () => {
    const doc = Explanation.parse(JSON.parse(await out(['explain', SMALL_ANSWERS, '-q', SMALL, 'weak-plans', '-f', 'json'])));
    const r = doc.items[0] as RuleExplanation;
    expect(r).toMatchObject({ fired: false, priority: null, gain: null });
    expect(r.condition).toEqual({ kind: 'answer', holds: false, id: 'plans', op: 'lte', expected: 2, actual: 3, label: 'Mostly' });
  });

  it('unknown ids: every one named, with a did-you-mean, exit 2', async () => {
    const r = await runCli(['explain', SMALL_ANSWERS, '-q', SMALL, 'stratgy', 'no-sponsr', 'xyzzy']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'kamcheck: error: unknown id "stratgy": not overall, a dimension, a question or a rule; did you mean "strategy"?',
        'kamcheck: error: unknown id "no-sponsr": not overall, a dimension, a question or a rule; did you mean "no-sponsor"?',
        'kamcheck: error: unknown id "xyzzy": not overall, a dimension, a question or a rule',
        '',
      ].join('\n'),
    );
  });

  it('the committed schemas/explanation.schema.json matches the zod schema', async () => {
    const committed = readFileSync(join(ROOT, 'schemas/explanation.schema.json'), 'utf8');
    expect(jsonSchema('explanation'), 'run `npm run schemas` and commit the result').toBe(committed);
    expect(await out(['schema', 'explanation'])).toBe(committed);
  });
});
