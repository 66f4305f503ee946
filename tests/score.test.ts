import { describe, expect, it } from 'vitest';
import { buildReport, round } from '../src/core/report.js';
import { levelFor } from '../src/core/score.js';
import { dim, modelFrom, modelFromFile, score } from './helpers/model.js';

const HEAD = `kamcheck: 1
id: t
version: "1"
locales: [en]
title: T
levels:
  - { id: low, min: 0, title: Low }
  - { id: mid, min: 50, title: Mid }
  - { id: top, min: 80, title: Top }
`;

const TYPES = modelFrom(`${HEAD}
scales:
  lin4:
    options: [{ value: 1, label: a }, { value: 2, label: b }, { value: 3, label: c }, { value: 4, label: d }]
  given:
    na: true
    options: [{ value: lo, label: lo, score: 0.1 }, { value: hi, label: hi, score: 0.9 }]
dimensions:
  - id: d
    title: D
    questions:
      - { id: s, type: scale, scale: lin4, text: s }
      - { id: g, type: scale, scale: given, text: g }
      - id: c
        type: choice
        text: c
        options: [{ value: x, label: x, score: 0.3 }, { value: 7, label: seven, score: 0.8 }]
      - id: m
        type: multi
        text: m
        options: [{ value: a, label: a, score: 0.25 }, { value: b, label: b, score: 0.5 }, { value: c, label: c, score: 0.5 }]
      - { id: b, type: boolean, text: b }
      - { id: b2, type: boolean, text: b2, scores: { true: 0.75, false: 0.2 } }
      - { id: n, type: number, text: n, scoring: { from: 2, to: 12 } }
      - { id: nr, type: number, text: nr, scoring: { from: 30, to: 10 } }
      - { id: nb, type: number, text: nb, scoring: { bands: [{ min: 5, score: 0.2 }, { min: 10, score: 0.6 }, { min: 20, score: 1 }] } }
      - { id: t, type: text, text: t }
`);

const qs = (answers: Record<string, unknown>, id: string) => score(TYPES, answers).questions.find((q) => q.info.question.id === id);

describe('question scores (SPEC §3)', () => {
  it.each([
    ['s', 1, 0],
    ['s', 2, 1 / 3],
    ['s', 3, 2 / 3],
    ['s', 4, 1],
    ['s', '3', 2 / 3], // a number equals its decimal string
    ['g', 'lo', 0.1],
    ['g', 'hi', 0.9],
    ['c', 'x', 0.3],
    ['c', 7, 0.8],
    ['c', '7', 0.8],
    ['m', [], 0],
    ['m', ['a'], 0.25],
    ['m', ['a', 'b'], 0.75],
    ['m', ['a', 'b', 'c'], 1], // 1.25 capped at 1
    ['b', true, 1],
    ['b', false, 0],
    ['b', 'yes', 1],
    ['b', 'No', 0],
    ['b2', true, 0.75],
    ['b2', false, 0.2],
    ['n', 2, 0],
    ['n', 7, 0.5],
    ['n', 12, 1],
    ['n', 0, 0], // clamped below
    ['n', 40, 1], // clamped above
    ['nr', 30, 0], // from > to: lower is better
    ['nr', 25, 0.25],
    ['nr', 10, 1],
    ['nr', 5, 1],
    ['nb', 4, 0], // below the first band
    ['nb', 5, 0.2],
    ['nb', 19.5, 0.6],
    ['nb', 20, 1],
    ['nb', 1000, 1],
  ])('%s = %j scores %d', (id, value, expected) => {
    const q = qs({ [id]: value }, id);
    expect(q?.state).toBe('answered');
    expect(q?.score).toBeCloseTo(expected, 12);
  });

  it('text questions are answered but never scored and never count', () => {
    const r = score(TYPES, { t: 'free words', s: 4 });
    expect(r.questions.find((q) => q.info.question.id === 't')?.state).toBe('answered');
    expect(r.questions.find((q) => q.info.question.id === 't')?.info.scored).toBe(false);
    expect(dim(r, 'd').applicable).toBe(9);
  });

  it('a text answer has no score', () => {
    const t = qs({ t: 'n/a for us' }, 't');
    expect(t?.state).toBe('answered');
    expect(t?.score).toBeNull();
    expect(t?.answer?.value).toBe('n/a for us');
    // a bare `na` means "not applicable", which a text question does not offer
    expect(() => qs({ t: 'na' }, 't')).toThrow('"t" cannot be answered na (not applicable)');
  });

  it('na is a state of its own and counts neither as answered nor as applicable', () => {
    const r = score(TYPES, { g: 'na', s: 4 });
    expect(r.questions.find((q) => q.info.question.id === 'g')?.state).toBe('na');
    expect(dim(r, 'd').applicable).toBe(8);
    expect(dim(r, 'd').coverage).toBeCloseTo(1 / 8, 12);
  });
});

const SMALL = modelFromFile('tests/fixtures/valid/small.yaml');

describe('dimension, overall, coverage (SPEC §7, worked example of docs/scoring.md)', () => {
  const r = score(SMALL, { sponsor: 'no', plans: 3, selection: 'mixed', 'kam-count': 4, training: ['selling', 'finance'], turnover: 12 });

  it('raw score is the weighted mean of question scores', () => {
    // strategy: (2·0 + 2·2/3 + 1·0.5) / 5 = 0.36667
    expect(dim(r, 'strategy').raw).toBeCloseTo((100 * (0 + (2 * 2) / 3 + 0.5)) / 5, 8); // snapped to 9 decimals
    // people: (0.4 + 0.75 + 0.5) / 3 = 0.55
    expect(dim(r, 'people').raw).toBeCloseTo(55, 10);
  });

  it('a cap above the raw score changes nothing and is not listed', () => {
    expect(dim(r, 'strategy').score).toBeCloseTo(36.6667, 3);
    expect(dim(r, 'strategy').cappedBy).toEqual([]);
  });

  it('overall is weighted by dimension weights', () => {
    expect(r.overall.score).toBeCloseTo((3 * 36.666666667 + 55) / 4, 6);
    expect(r.overall.level?.id).toBe('developing');
    expect(r.overall.coverage).toBe(1);
  });

  it('remedy priorities follow sev × weight × W/mean(W) × gap', () => {
    expect(r.remedies.map((x) => [x.rule.id, round(x.priority, 3)])).toEqual([
      ['no-sponsor', 9.5], // 10 · 1 · 3/2 · 0.63333
      ['few-kams', 2.25], // 5 · 2 · 1/2 · 0.45
      ['overall-low', 1.469], // 2.5 · 1 · 1 · (100 − 41.25)/100
    ]);
  });

  it('the JSON report rounds only on output', () => {
    const report = buildReport(SMALL, r, { answers: { kamcheck: 1, questionnaire: 'small' }, locale: 'en', toolVersion: 'x' });
    expect(report.overall.score).toBe(41.3); // 41.25 rounds half up
    expect(report.dimensions.map((d) => [d.id, d.score, d.rawScore, d.coverage])).toEqual([
      ['strategy', 36.7, 36.7, 1],
      ['people', 55, 55, 1],
    ]);
    expect(report.answers.find((a) => a.id === 'plans')?.score).toBe(0.667);
  });
});

it('notes and evidence travel into the report', () => {
  const r = score(SMALL, { plans: { value: 2, note: 'Only 2 plans', evidence: 'plan folder' }, selection: { note: 'not sure yet' } });
  const report = buildReport(SMALL, r, { answers: { kamcheck: 1, questionnaire: 'small' }, locale: 'zh-CN', toolVersion: 'x' });
  expect(report.answers.find((a) => a.id === 'plans')).toMatchObject({
    state: 'answered',
    value: 2,
    label: '部分同意',
    score: 0.333,
    note: 'Only 2 plans',
    evidence: 'plan folder',
  });
  // a note without a value leaves the question unanswered but keeps the note
  expect(report.answers.find((a) => a.id === 'selection')).toMatchObject({ state: 'unanswered', value: null, note: 'not sure yet' });
});

describe('caps', () => {
  it('a fired cap below the raw score sets the final score; rules still see the raw score', () => {
    const r = score(SMALL, { sponsor: false, plans: 4, selection: 'criteria' });
    // raw strategy = (0 + 2 + 1) / 5 = 60; cap 40
    expect(dim(r, 'strategy').raw).toBeCloseTo(60, 10);
    expect(dim(r, 'strategy').score).toBe(40);
    expect(dim(r, 'strategy').cappedBy).toEqual(['no-sponsor']);
    expect(dim(r, 'strategy').level?.id).toBe('developing');
    // overall uses the capped score: only strategy has a score
    expect(r.overall.score).toBe(40);
    // `score: overall` saw the raw 60, so overall-low (lt 50) did not fire
    expect(r.remedies.map((x) => x.rule.id)).toEqual(['no-sponsor']);
  });

  it('the lowest of several fired caps wins, and ties are all listed', () => {
    const m = modelFrom(`${HEAD}
dimensions:
  - id: d
    title: D
    questions: [{ id: a, type: boolean, text: a }, { id: b, type: boolean, text: b }]
rules:
  - { id: c50, dimension: d, cap: 50, when: { answer: a, eq: true }, title: x, actions: [x] }
  - { id: c30, dimension: d, cap: 30, when: { answer: a, eq: true }, title: x, actions: [x] }
  - { id: c30b, dimension: d, cap: 30, when: { answer: b, eq: true }, title: x, actions: [x] }
`);
    const r = score(m, { a: true, b: true });
    expect(dim(r, 'd').score).toBe(30);
    expect(dim(r, 'd').cappedBy).toEqual(['c30', 'c30b']);
  });
});

describe('states, coverage and missing scores', () => {
  it('a skipped follow-up counts in neither answered nor applicable weight', () => {
    const r = score(SMALL, { 'kam-count': 0, turnover: 50 });
    const turnover = r.questions.find((q) => q.info.question.id === 'turnover');
    expect(turnover?.state).toBe('skipped');
    expect(r.warnings.map((w) => w.code)).toEqual(['answer-ignored']);
    // people: kam-count answered (w1), training unanswered (w1) → coverage 1/2
    expect(dim(r, 'people').coverage).toBe(0.5);
    expect(dim(r, 'people').applicable).toBe(2);
    // overall coverage: answered 1 of applicable 2 + 5 (strategy) = 1/7
    expect(r.overall.coverage).toBeCloseTo(1 / 7, 8);
  });

  it('no answered question means no score, gap 1 for priorities, and no level', () => {
    const r = score(SMALL, {});
    expect(dim(r, 'strategy').raw).toBeNull();
    expect(dim(r, 'strategy').score).toBeNull();
    expect(dim(r, 'strategy').level).toBeNull();
    expect(r.overall.score).toBeNull();
    expect(r.overall.coverage).toBe(0);
    expect(r.remedies).toEqual([]); // comparisons on missing values are false
  });

  it('a dimension with nothing applicable has coverage 1', () => {
    const m = modelFrom(`${HEAD}
scales: { yn: { na: true, options: [{ value: n, label: n }, { value: y, label: y }] } }
dimensions:
  - { id: d, title: D, questions: [{ id: a, type: scale, scale: yn, text: a }] }
  - { id: e, title: E, questions: [{ id: b, type: scale, scale: yn, text: b }] }
rules:
  - { id: r, dimension: d, severity: high, when: { answer: a, is: na }, title: x, actions: [x] }
`);
    const r = score(m, { a: 'na', b: 'y' });
    expect(dim(r, 'd').coverage).toBe(1);
    expect(dim(r, 'd').score).toBeNull();
    // dimension without score: gap 1; weight ratio 1/1
    expect(r.remedies[0]?.priority).toBe(7.5);
    expect(r.overall.score).toBe(100);
  });
});

describe('levels', () => {
  const levels = modelFrom(`${HEAD}
dimensions: [{ id: d, title: D, questions: [{ id: a, type: boolean, text: a }] }]`).doc.levels;
  it.each([
    [0, 'low'],
    [49.99, 'low'],
    [50, 'mid'],
    [79.96, 'mid'], // the level uses the unrounded score even though 79.96 prints as 80.0
    [80, 'top'],
    [100, 'top'],
  ])('%d is %s', (s, id) => {
    expect(levelFor(levels, s)?.id).toBe(id);
  });
});

describe('remedy order: priority, then severity, then file order', () => {
  const m = modelFrom(`${HEAD}
dimensions:
  - { id: d, title: D, weight: 1, questions: [{ id: a, type: boolean, text: a }] }
  - { id: e, title: E, weight: 3, questions: [{ id: b, type: boolean, text: b }] }
rules:
  - { id: low-big, dimension: d, severity: low, weight: 4, when: { answer: a, eq: false }, title: x, actions: [x] }
  - { id: medium-2, dimension: d, severity: medium, weight: 2, when: { answer: a, eq: false }, title: x, actions: [x] }
  - { id: critical, dimension: d, severity: critical, when: { answer: a, eq: false }, title: x, actions: [x] }
  - { id: medium-2b, dimension: d, severity: medium, weight: 2, when: { answer: a, eq: false }, title: x, actions: [x] }
  - { id: heavy-dim, dimension: e, severity: medium, when: { answer: b, eq: false }, title: x, actions: [x] }
  - { id: across, severity: high, when: { score: overall, lt: 100 }, title: x, actions: [x] }
`);
  it('orders equal priorities by severity, then by file order', () => {
    const r = score(m, { a: false, b: false });
    // mean W = 2. d: ratio 0.5, gap 1. e: ratio 1.5, gap 1. across: ratio 1, gap 1 (overall 0).
    expect(r.remedies.map((x) => [x.rule.id, round(x.priority, 3)])).toEqual([
      ['across', 7.5],
      ['heavy-dim', 7.5], // ties with across on priority; high beats medium
      ['critical', 5],
      ['medium-2', 5], // ties with critical; critical first, then medium-2 before medium-2b by file order
      ['medium-2b', 5],
      ['low-big', 5],
    ]);
  });
});

describe('binary noise', () => {
  it('a weight of 48 cannot push 60 below a level boundary (100 · 48 · 0.6 / 48 = 59.99999999999999 in floating point)', () => {
    const m = modelFrom(`kamcheck: 1
id: t
version: "1"
locales: [en]
title: T
levels: [{ id: low, min: 0, title: Low }, { id: mid, min: 60, title: Mid }]
dimensions:
  - id: d
    title: D
    questions:
      - { id: a, type: choice, text: a, weight: 48, options: [{ value: x, label: x, score: 0.6 }, { value: y, label: y, score: 0.4 }] }
`);
    const r = score(m, { a: 'x' });
    expect(dim(r, 'd').raw).toBe(60);
    expect(r.overall.level?.id).toBe('mid');
  });
});

describe('dates', () => {
  it('init and assess date the file with the local day, not the UTC one', async () => {
    const { localDate } = await import('../src/cli/date.js');
    expect(localDate(new Date(2026, 10, 30, 0, 30))).toBe('2026-11-30');
    expect(localDate(new Date(2026, 0, 2, 23, 59))).toBe('2026-01-02');
  });
});
