import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { askedOf } from '../src/core/model.js';
import type { Text } from '../src/schema/common.js';
import { conditionLeaves, dimensionQuestions, fired, scoreSet, worstOf } from './helpers/answer-sets.js';
import { renderForm } from './helpers/form.js';
import { modelFromFile } from './helpers/model.js';
import { markdownProblems } from './helpers/report.js';

const FILE = 'questionnaires/kam-five-pitfalls.yaml';
const model = modelFromFile(FILE);
const doc = model.doc;

const SEED = ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '2.1', '2.2', '2.3', '2.4', '3.1', '3.2', '3.3', '3.4', '3.5', '3.6'];
SEED.push('4.1', '4.2', '4.3', '4.4', '4.5', '5.1', '5.2', '5.3', '5.4', '5.5', '6.1');
const REMEDY_POINTS = SEED.filter((p) => p >= '1.4');

/** Every Text in the questionnaire, with where it sits. */
function texts(): [string, Text][] {
  const out: [string, Text][] = [['title', doc.title]];
  const add = (where: string, ...ts: (Text | undefined)[]) => {
    for (const t of ts) if (t !== undefined) out.push([where, t]);
  };
  add('description', doc.description);
  for (const p of doc.perspectives ?? []) add(`perspective ${p.id}`, p.title, p.description);
  for (const l of doc.levels) add(`level ${l.id}`, l.title, l.description);
  for (const [id, s] of Object.entries(doc.scales ?? {})) for (const o of s.options) add(`scale ${id}`, o.label, o.description);
  for (const d of doc.dimensions) add(d.id, d.title, d.description);
  for (const { question: q } of model.questions) {
    add(q.id, q.text, q.help);
    for (const [p, w] of Object.entries(q.as ?? {})) add(`${q.id} as ${p}`, w.text, w.help);
    if (q.type === 'choice' || q.type === 'multi') for (const o of q.options) add(`${q.id} option`, o.label, o.description);
    if (q.type === 'number') add(`${q.id} unit`, q.unit);
  }
  for (const r of model.rules) add(r.id, r.title, r.why, r.horizon, ...r.actions);
  return out;
}

const answerAll = (high: boolean) => scoreSet(model, high ? 'best' : 'worst');

describe('the bundled questionnaire (kam-five-pitfalls)', () => {
  it('has the five dimensions in order, each with at least 6 scored questions and 4 rules', () => {
    expect(doc.id).toBe('kam-five-pitfalls');
    expect(doc.locales).toEqual(['zh-CN', 'en']);
    expect(doc.dimensions.map((d) => d.id)).toEqual(['strategy', 'organization', 'people', 'systems', 'relationship']);
    for (const d of doc.dimensions) {
      expect(model.questions.filter((q) => q.dimension === d && q.scored).length, d.id).toBeGreaterThanOrEqual(6);
      expect(model.rules.filter((r) => r.dimension === d.id).length, d.id).toBeGreaterThanOrEqual(4);
    }
    expect(model.rules.some((r) => r.dimension === undefined)).toBe(true);
    expect(doc.levels).toHaveLength(5);
  });

  it('gives every text both locales, none empty', () => {
    for (const [where, t] of texts()) {
      expect(typeof t, where).toBe('object');
      for (const l of doc.locales) expect((t as Record<string, string>)[l]?.trim(), `${where} ${l}`).toBeTruthy();
    }
  });

  it('gives every question help in both languages and refs', () => {
    for (const { question: q } of model.questions) {
      expect(q.help, q.id).toBeDefined();
      expect(q.refs?.length, q.id).toBeGreaterThan(0);
    }
  });

  it('references every seed point from a question and every remedy point from a rule', () => {
    const qRefs = new Set(model.questions.flatMap((q) => q.question.refs ?? []));
    const rRefs = new Set(model.rules.flatMap((r) => r.refs ?? []));
    expect(SEED.filter((p) => !qRefs.has(`seed:${p}`))).toEqual([]);
    expect(REMEDY_POINTS.filter((p) => !rRefs.has(`seed:${p}`))).toEqual([]);
  });

  it('gives every rule a diagnosis, two or more actions, severity, effort, horizon and refs', () => {
    for (const r of model.rules) {
      expect(r.why, r.id).toBeDefined();
      expect(r.actions.length, r.id).toBeGreaterThanOrEqual(2);
      expect(r.severity && r.effort && r.horizon && r.refs?.length, r.id).toBeTruthy();
    }
  });

  it('has the seven knock-outs, each keeping the overall score below the top two levels', () => {
    const knockOuts = model.rules.filter((r) => r.overallCap !== undefined);
    expect(knockOuts.map((r) => r.id)).toEqual([
      'no-exec-sponsor',
      'selection-by-size',
      'no-written-account-plans',
      'no-account-teams',
      'people-collapsed',
      'wining-and-dining',
      'authority-by-rank',
    ]);
    const interdependent = doc.levels[3]?.min as number;
    for (const r of knockOuts) expect(r.overallCap, r.id).toBeLessThan(interdependent);
  });

  it('all best answers give the top level and no remedy at all', () => {
    const r = answerAll(true);
    expect(r.overall.score).toBeCloseTo(100, 9);
    expect(r.overall.level?.id).toBe(doc.levels[doc.levels.length - 1]?.id);
    expect(fired(r)).toEqual([]);
  });

  it('all worst answers give the bottom level and remedies in all five dimensions', () => {
    const r = answerAll(false);
    expect(r.overall.score).toBe(0);
    expect(r.overall.level?.id).toBe(doc.levels[0]?.id);
    expect(new Set(r.remedies.map((x) => x.rule.dimension).filter(Boolean))).toEqual(new Set(doc.dimensions.map((d) => d.id)));
  });

  it('the middle answer everywhere gets specific advice: 6+ remedies in 3+ dimensions, none critical', () => {
    const r = scoreSet(model, 'middle');
    expect(r.remedies.length).toBeGreaterThanOrEqual(6);
    expect(new Set(r.remedies.map((x) => x.rule.dimension).filter(Boolean)).size).toBeGreaterThanOrEqual(3);
    expect(r.remedies.filter((x) => x.severity === 'critical').map((x) => x.rule.id)).toEqual([]);
  });

  it('each scored question alone at its worst (everything else best) fires a remedy, for at least 95% of questions', () => {
    const scored = model.questions.filter((q) => q.scored && q.audience.includes('internal'));
    const silent = scored.map((q) => q.question.id).filter((id) => fired(scoreSet(model, 'best', worstOf(model, [id]))).length === 0);
    expect(silent.length / scored.length).toBeLessThanOrEqual(0.05);
    expect(silent).toEqual([]);
  });

  it('each knock-out alone (everything else best) keeps the overall score below the top level', () => {
    const top = doc.levels[doc.levels.length - 1]?.min as number;
    for (const rule of model.rules.filter((r) => r.overallCap !== undefined)) {
      const { questions, dimensions } = conditionLeaves(rule.when);
      const ids = [...questions, ...dimensions.flatMap((d) => dimensionQuestions(model, d))];
      const r = scoreSet(model, 'best', worstOf(model, ids));
      expect(fired(r), rule.id).toContain(rule.id);
      expect(r.overall.score ?? 100, rule.id).toBeLessThanOrEqual(rule.overallCap as number);
      expect(r.overall.score ?? 100, rule.id).toBeLessThan(top);
    }
  });

  it('a follow-up whose basic is missing scores 0, so having no CRM is never better than a poor one', () => {
    const none = scoreSet(model, 'best', { 'crm-in-use': 'none' });
    const poor = scoreSet(model, 'best', worstOf(model, ['crm-data-quality', 'crm-designed-for-kam']));
    const systems = (r: typeof none) => r.dimensions.find((d) => d.dimension.id === 'systems')?.score as number;
    expect(systems(none)).toBeLessThan(systems(poor));
    // unanswered, the basic does not score its follow-ups: an empty file has no score
    expect(scoreSet(model, 'best', Object.fromEntries(model.questions.map((q) => [q.question.id, null]))).overall.score).toBeNull();
  });

  it("asks the customer at least 12 questions, each in the customer's own words, across four dimensions", () => {
    expect(doc.perspectives?.map((p) => p.id)).toEqual(['internal', 'customer']);
    const customer = model.questions.filter((q) => q.audience.includes('customer'));
    expect(customer.length).toBeGreaterThanOrEqual(12);
    for (const q of customer) {
      expect(q.audience, q.question.id).toEqual(['internal', 'customer']);
      expect(q.question.as?.customer?.text, q.question.id).toBeDefined();
      expect(q.question.as?.customer?.help, q.question.id).toBeDefined();
    }
    expect(new Set(customer.map((q) => q.dimension.id)).size).toBeGreaterThanOrEqual(4);
    expect(askedOf(model, 'customer').questions.map((q) => q.question.id)).toEqual(customer.map((q) => q.question.id));
  });

  it.each(['zh-CN', 'en'])('prints as a clean paper form in %s', (locale) => {
    const form = renderForm(model, locale);
    expect(markdownProblems(form)).toEqual([]);
    for (const { question: q } of model.questions) expect(form).toContain(`\`${q.id}\``);
  });

  it('is described by docs/questionnaire.md: every question and rule id appears in it', () => {
    const md = readFileSync('docs/questionnaire.md', 'utf8');
    for (const id of [...model.questions.map((q) => q.question.id), ...model.rules.map((r) => r.id)]) expect(md, id).toContain(id);
    expect(markdownProblems(md)).toEqual([]);
  });
});

describe('the examples', () => {
  const files = readdirSync('examples').filter((f) => f.endsWith('.yaml'));
  it('reach three different levels', async () => {
    const { score } = await import('./helpers/model.js');
    const { parse } = await import('yaml');
    const levels = files.map((f) => {
      const data = parse(readFileSync(`examples/${f}`, 'utf8'));
      const r = score(model, data.answers, data.perspective);
      return r.overall.level?.id;
    });
    expect(files.length).toBeGreaterThanOrEqual(3);
    expect(new Set(levels).size).toBeGreaterThanOrEqual(3);
  });

  it('match the table in docs/questionnaire.md: overall score, level and number of remedies', async () => {
    const { score } = await import('./helpers/model.js');
    const { parse } = await import('yaml');
    const md = readFileSync('docs/questionnaire.md', 'utf8');
    for (const f of files) {
      const row = md.split('\n').find((l) => l.startsWith(`| \`${f}\` |`));
      expect(row, f).toBeDefined();
      const cells = (row as string).split('|').map((c) => c.trim());
      const data = parse(readFileSync(`examples/${f}`, 'utf8'));
      const r = score(model, data.answers, data.perspective);
      expect([cells[4], cells[5], cells[6]], f).toEqual([
        r.overall.score?.toFixed(1),
        `\`${r.overall.level?.id}\``,
        String(r.remedies.length),
      ]);
    }
  });
});
