import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type QuestionInfo, scoreOf } from '../src/core/model.js';
import { type Answer, evaluate } from '../src/core/score.js';
import type { Text } from '../src/schema/common.js';
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
  for (const l of doc.levels) add(`level ${l.id}`, l.title, l.description);
  for (const [id, s] of Object.entries(doc.scales ?? {})) for (const o of s.options) add(`scale ${id}`, o.label, o.description);
  for (const d of doc.dimensions) add(d.id, d.title, d.description);
  for (const { question: q } of model.questions) {
    add(q.id, q.text, q.help);
    if (q.type === 'choice' || q.type === 'multi') for (const o of q.options) add(`${q.id} option`, o.label, o.description);
    if (q.type === 'number') add(`${q.id} unit`, q.unit);
  }
  for (const r of model.rules) add(r.id, r.title, r.why, r.horizon, ...r.actions);
  return out;
}

/** The lowest- or highest-scoring answer a question accepts. */
function extreme(info: QuestionInfo, high: boolean): Answer | undefined {
  const q = info.question;
  const pick = (scores: number[]) => scores.indexOf(high ? Math.max(...scores) : Math.min(...scores));
  switch (q.type) {
    case 'scale':
    case 'choice':
      return { value: info.options[pick(info.optionScores)]?.value as string };
    case 'multi': {
      const chosen = high ? info.options.filter((_, i) => (info.optionScores[i] ?? 0) > 0) : [];
      return { value: chosen.map((o) => o.value) };
    }
    case 'boolean':
      return { value: (q.scores?.true ?? 1) >= (q.scores?.false ?? 0) ? high : !high };
    case 'number': {
      // Try the range ends and every scoring breakpoint (and just below it); keep the best or worst.
      const s = q.scoring;
      const points = s === undefined ? [] : 'bands' in s ? s.bands.flatMap((b) => [b.min, b.min - 1]) : [s.from, s.to];
      const candidates = [q.min, q.max, ...points]
        .filter((v): v is number => v !== undefined)
        .map((v) => Math.min(q.max ?? v, Math.max(q.min ?? v, v)));
      const scored = candidates.map((v) => scoreOf(info, v));
      return { value: candidates[pick(scored)] as number };
    }
    case 'text':
      return { value: 'notes' };
  }
}

const answerAll = (high: boolean) =>
  evaluate(
    model,
    new Map(
      model.questions.flatMap((q) => {
        const a = extreme(q, high);
        return a ? [[q.question.id, a] as const] : [];
      }),
    ),
  );

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

  it('has knock-out caps for the missing fundamentals', () => {
    const capped = model.rules.filter((r) => r.cap !== undefined).map((r) => r.id);
    expect(capped).toEqual(expect.arrayContaining(['no-exec-sponsor', 'no-written-account-plans', 'selection-by-size']));
  });

  it('lowest answers everywhere give the lowest level and remedies in all five dimensions', () => {
    const r = answerAll(false);
    expect(r.overall.score).toBe(0);
    expect(r.overall.level?.id).toBe(doc.levels[0]?.id);
    expect(new Set(r.remedies.map((x) => x.rule.dimension).filter(Boolean))).toEqual(new Set(doc.dimensions.map((d) => d.id)));
  });

  it('highest answers everywhere give the top level and no critical or high remedy', () => {
    const r = answerAll(true);
    expect(r.overall.score).toBeCloseTo(100, 9);
    expect(r.overall.level?.id).toBe(doc.levels[doc.levels.length - 1]?.id);
    expect(r.remedies.filter((x) => x.severity === 'critical' || x.severity === 'high').map((x) => x.rule.id)).toEqual([]);
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
      const r = score(model, data.answers);
      return r.overall.level?.id;
    });
    expect(files.length).toBeGreaterThanOrEqual(3);
    expect(new Set(levels).size).toBeGreaterThanOrEqual(3);
  });
});
