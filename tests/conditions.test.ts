import { describe, expect, it } from 'vitest';
import { modelFrom, score } from './helpers/model.js';

// One rule per case; the test reads which rules fired.
const model = (when: string) =>
  modelFrom(`kamcheck: 1
id: t
version: "1"
locales: [en]
title: T
levels: [{ id: a, min: 0, title: A }, { id: b, min: 50, title: B }]
scales:
  s5: { na: true, options: [{ value: 1, label: "1" }, { value: 2, label: "2" }, { value: 3, label: "3" }, { value: 4, label: "4" }, { value: 5, label: "5" }] }
dimensions:
  - id: d
    title: D
    questions:
      - { id: sc, type: scale, scale: s5, text: sc }
      - { id: ch, type: choice, text: ch, options: [{ value: red, label: red, score: 0 }, { value: blue, label: blue, score: 1 }] }
      - { id: mu, type: multi, text: mu, options: [{ value: x, label: x, score: 0.5 }, { value: y, label: y, score: 0.5 }] }
      - { id: bo, type: boolean, text: bo }
      - { id: nu, type: number, text: nu, scoring: { from: 0, to: 10 } }
  - id: e
    title: E
    questions:
      - { id: other, type: boolean, text: other }
rules:
  - { id: r, when: ${when}, title: x, actions: [x] }
`);

const fires = (when: string, answers: Record<string, unknown>) => score(model(when), answers).remedies.length === 1;
const ALL = { sc: 3, ch: 'red', mu: ['x'], bo: true, nu: 4 };

describe('conditions (SPEC §5), every operator', () => {
  it.each([
    ['{ answer: sc, eq: 3 }', true],
    ['{ answer: sc, eq: "3" }', true],
    ['{ answer: sc, eq: 4 }', false],
    ['{ answer: sc, ne: 4 }', true],
    ['{ answer: sc, ne: 3 }', false],
    ['{ answer: sc, lt: 3 }', false],
    ['{ answer: sc, lt: 4 }', true],
    ['{ answer: sc, lte: 3 }', true],
    ['{ answer: sc, gt: 3 }', false],
    ['{ answer: sc, gt: 2 }', true],
    ['{ answer: sc, gte: 3 }', true],
    ['{ answer: sc, gte: 4 }', false],
    ['{ answer: sc, in: [1, 3] }', true],
    ['{ answer: sc, in: [1, 2] }', false],
    ['{ answer: sc, notIn: [1, 2] }', true],
    ['{ answer: sc, notIn: [3] }', false],
    ['{ answer: ch, eq: red }', true],
    ['{ answer: ch, in: [blue] }', false],
    ['{ answer: mu, includes: x }', true],
    ['{ answer: mu, includes: y }', false],
    ['{ answer: mu, eq: [x] }', true],
    ['{ answer: mu, ne: [x, y] }', true],
    ['{ answer: bo, eq: true }', true],
    ['{ answer: bo, eq: yes }', true],
    ['{ answer: bo, ne: true }', false],
    ['{ answer: nu, gt: 3.5 }', true],
    ['{ answer: nu, eq: 4 }', true],
    ['{ answer: nu, lt: 4 }', false],
    ['{ answer: sc, is: answered }', true],
    ['{ answer: other, is: unanswered }', true],
    ['{ answer: sc, is: unanswered }', false],
    ['{ questionScore: sc, eq: 0.5 }', true],
    ['{ questionScore: sc, lt: 0.5 }', false],
    ['{ questionScore: nu, lte: 0.4 }', true],
    ['{ questionScore: nu, gte: 0.41 }', false],
    // d raw = (0.5 + 0 + 0.5 + 1 + 0.4) / 5 = 48
    ['{ score: d, lt: 48.01 }', true],
    ['{ score: d, gte: 48 }', true],
    ['{ score: d, gt: 48 }', false],
    ['{ score: e, lt: 100 }', false], // no score: comparisons are false
    ['{ score: overall, eq: 48 }', true], // only d has a score
    ['{ all: [{ answer: sc, eq: 3 }, { answer: bo, eq: true }] }', true],
    ['{ all: [{ answer: sc, eq: 3 }, { answer: bo, eq: false }] }', false],
    ['{ any: [{ answer: sc, eq: 1 }, { answer: bo, eq: true }] }', true],
    ['{ any: [{ answer: sc, eq: 1 }, { answer: bo, eq: false }] }', false],
    ['{ not: { answer: sc, eq: 1 } }', true],
    ['{ not: { answer: other, is: unanswered } }', false],
  ])('%s → %s', (when, expected) => {
    expect(fires(when, ALL)).toBe(expected);
  });

  it.each([
    ['eq', '{ answer: other, eq: false }'],
    ['ne', '{ answer: other, ne: false }'],
    ['lt', '{ answer: nu, lt: 100 }'],
    ['notIn', '{ answer: ch, notIn: [red] }'],
    ['includes', '{ answer: mu, includes: x }'],
    ['questionScore', '{ questionScore: sc, lte: 1 }'],
  ])('%s on a question without a value is false', (_, when) => {
    expect(fires(when, {})).toBe(false);
  });

  it('na and skipped are states, not values', () => {
    expect(fires('{ answer: sc, is: na }', { sc: 'na' })).toBe(true);
    expect(fires('{ answer: sc, ne: 1 }', { sc: 'na' })).toBe(false);
    expect(fires('{ not: { answer: sc, eq: 1 } }', { sc: 'na' })).toBe(true);
  });

  it('is: skipped sees a follow-up whose when is false', () => {
    const m = modelFrom(`kamcheck: 1
id: t
version: "1"
locales: [en]
title: T
levels: [{ id: a, min: 0, title: A }, { id: b, min: 50, title: B }]
dimensions:
  - id: d
    title: D
    questions:
      - { id: has, type: boolean, text: has }
      - { id: follow, type: boolean, text: follow, when: { answer: has, eq: true } }
rules:
  - { id: skipped, when: { answer: follow, is: skipped }, title: x, actions: [x] }
`);
    expect(score(m, { has: false }).remedies.map((r) => r.rule.id)).toEqual(['skipped']);
    expect(score(m, { has: true }).remedies).toEqual([]);
    // unanswered `has` makes the when false as well: comparisons on missing values are false
    expect(score(m, {}).questions[1]?.state).toBe('skipped');
  });
});
