import { describe, expect, it } from 'vitest';
import {
  back,
  next,
  progress,
  review,
  type Session,
  setAnswer,
  setNote,
  startSession,
  statesOf,
  totals,
  unanswered,
  visibleQuestions,
} from '../src/interactive/session.js';
import { answersMap, modelFrom, modelFromFile } from './helpers/model.js';

const SMALL = modelFromFile('tests/fixtures/valid/small.yaml');
const ids = (s: Session) => visibleQuestions(s.model, s.answers).map((q) => q.question.id);

/** Answer the current question and move on, as the flow does. */
const answerNext = (s: Session, value: Parameters<typeof setAnswer>[2]) => next(setAnswer(s, s.current ?? '', value));

describe('assessment session', () => {
  it('starts at the first question and hides follow-ups whose condition is false', () => {
    const s = startSession(SMALL);
    expect(s.current).toBe('sponsor');
    expect(ids(s)).toEqual(['sponsor', 'plans', 'selection', 'kam-count', 'training', 'remarks']);
  });

  it('walks forward in order and ends with current = null', () => {
    let s = startSession(SMALL);
    const seen: string[] = [];
    while (s.current !== null) {
      seen.push(s.current);
      s = next(s);
    }
    expect(seen).toEqual(['sponsor', 'plans', 'selection', 'kam-count', 'training', 'remarks']);
  });

  it('shows a follow-up once its condition holds, hides it when it stops holding, and keeps its answer', () => {
    let s = startSession(SMALL);
    s = { ...s, current: 'kam-count' };
    s = answerNext(s, { value: 4 });
    expect(s.current).toBe('training');
    s = next(s);
    expect(s.current).toBe('turnover');
    s = answerNext(s, { value: 12 });
    expect(s.answers.get('turnover')?.value).toBe(12);
    // Back to the head count, now zero: the turnover question is no longer asked, but its answer is not lost.
    s = back(back(back(s)));
    expect(s.current).toBe('kam-count');
    s = setAnswer(s, 'kam-count', { value: 0 });
    expect(s.answers.get('turnover')?.value).toBe(12);
    expect(next(s).current).toBe('training');
    // Coming back with a positive count shows it again, with the answer given before.
    s = setAnswer(s, 'kam-count', { value: 3 });
    expect(statesOf(SMALL, s.answers).get('turnover')).toBe('answered');
    // Answered, so going on passes over it to the first unanswered question.
    expect(next(next(s)).current).toBe('remarks');
    expect(s.answers.get('turnover')?.value).toBe(12);
  });

  it('goes back over hidden questions, stays at the first, and goes from the end to the last one', () => {
    let s = startSession(SMALL);
    expect(back(s).current).toBe('sponsor');
    s = { ...s, current: 'remarks' };
    expect(back(s).current).toBe('training');
    s = { ...s, current: null };
    expect(back(s).current).toBe('remarks');
  });

  it('skip clears the value but keeps the note', () => {
    let s = startSession(SMALL);
    s = setAnswer(s, 'plans', { value: 3 });
    s = setNote(s, 'plans', { note: 'only 4 of 6 "plans"' });
    s = setAnswer(s, 'plans', { clear: true });
    expect(s.answers.get('plans')).toEqual({ note: 'only 4 of 6 "plans"' });
    expect(unanswered(s).map((q) => q.question.id)).toContain('plans');
  });

  it('N/A replaces a value and counts as done', () => {
    let s = startSession(SMALL);
    s = setAnswer(s, 'plans', { value: 2 });
    s = setAnswer(s, 'plans', { na: true });
    expect(s.answers.get('plans')).toEqual({ na: true });
    expect(unanswered(s).map((q) => q.question.id)).not.toContain('plans');
  });

  it('empty notes remove the note; a question with nothing left disappears from the answers', () => {
    let s = startSession(SMALL);
    s = setNote(s, 'sponsor', { note: 'x', evidence: 'y' });
    s = setNote(s, 'sponsor', { note: '  ', evidence: '' });
    expect(s.answers.has('sponsor')).toBe(false);
  });

  it('resumes at the first unanswered question and keeps answers to hidden questions', () => {
    const s = startSession(
      SMALL,
      answersMap({
        sponsor: { value: true },
        plans: { value: 3, note: 'kept' },
        'kam-count': { value: 0 },
        turnover: { value: 50 },
      }),
    );
    expect(s.current).toBe('selection');
    expect(s.answers.get('plans')?.note).toBe('kept');
    expect(s.answers.get('turnover')?.value).toBe(50);
  });

  it('reviewing visits only the unanswered questions, then ends', () => {
    let s = startSession(SMALL, answersMap({ sponsor: { value: true }, selection: { value: 'size' }, training: { value: [] } }));
    s = { ...s, current: null };
    s = review(s);
    expect(s.current).toBe('plans');
    s = answerNext(s, { value: 4 });
    expect(s.current).toBe('kam-count');
    s = answerNext(s, { value: 2 });
    // turnover appeared after the head count; it is unanswered, so it is visited too.
    expect(s.current).toBe('turnover');
    s = next(s);
    expect(s.current).toBe('remarks');
    s = next(s);
    expect(s.current).toBeNull();
  });

  it('starts at the end when everything is answered', () => {
    const s = startSession(
      SMALL,
      answersMap({
        sponsor: { value: true },
        plans: { na: true },
        selection: { value: 'size' },
        'kam-count': { value: 0 },
        training: { value: ['selling'] },
        remarks: { value: 'none' },
      }),
    );
    expect(s.current).toBeNull();
  });

  it('reports progress within the dimension and overall; a follow-up that may come counts in the upper bound only', () => {
    let s = startSession(SMALL);
    // The text question (remarks) is an optional note: asked, not counted. turnover may come, after kam-count.
    expect(progress(s)).toMatchObject({ index: 1, count: { least: 3, most: 3 }, done: 0, total: { least: 5, most: 6 } });
    expect(progress(s)?.dimension.id).toBe('strategy');
    s = answerNext(s, { value: true });
    s = answerNext(s, { na: true });
    s = answerNext(s, { clear: true });
    expect(progress(s)).toMatchObject({ index: 1, count: { least: 2, most: 3 }, done: 2, total: { least: 5, most: 6 } });
    s = answerNext(s, { value: 5 });
    // turnover applies now: it moves from "may" to "will", the upper bound stays.
    expect(progress(s)).toMatchObject({ index: 2, count: { least: 3, most: 3 }, done: 3, total: { least: 6, most: 6 } });
    expect(progress({ ...s, current: 'remarks' })).toMatchObject({ index: 0, count: { least: 3, most: 3 } });
    expect(progress({ ...s, current: null })).toBeNull();
    // No head count: turnover cannot come any more, and the upper bound falls to what will be asked.
    expect(totals(setAnswer(s, 'kam-count', { value: 0 })).total).toEqual({ least: 5, most: 5 });
  });

  it('answering only narrows the totals: the upper bound never grows, the lower never falls', () => {
    const model = modelFrom(`
kamcheck: 1
id: follow
version: 1.0.0
locales: [en]
title: { en: Follow-ups }
levels: [{ id: one, min: 0, title: { en: One } }, { id: two, min: 50, title: { en: Two } }]
dimensions:
  - id: d
    title: { en: D }
    questions:
      - { id: a, type: boolean, text: { en: A } }
      - { id: b, type: boolean, text: { en: B } }
      - { id: if-a, type: boolean, text: { en: If A }, when: { answer: a, eq: true } }
      - { id: unless-b, type: boolean, text: { en: Unless B }, when: { not: { answer: b, eq: true } } }
      - { id: a-or-b, type: boolean, text: { en: A or B }, when: { any: [{ answer: a, eq: true }, { answer: b, eq: true }] } }
      - { id: a-and-b, type: boolean, text: { en: A and B }, when: { all: [{ answer: a, eq: true }, { answer: b, eq: true }] } }
      - { id: if-if-a, type: boolean, text: { en: If if-A }, when: { answer: if-a, eq: true } }
      - { id: b-open, type: boolean, text: { en: B left open }, when: { answer: b, is: unanswered } }
`);
    const seen: { least: number; most: number }[] = [];
    let s = startSession(model);
    // Nothing answered: a and b will be asked; every follow-up may be (unless-b and b-open apply now, but may stop).
    expect(totals(s).total).toEqual({ least: 2, most: 8 });
    for (const [id, value] of [
      ['a', true],
      ['b', false],
      ['if-a', false],
    ] as const) {
      s = setAnswer(s, id, { value });
      seen.push(totals(s).total);
    }
    expect(seen).toEqual([
      // a = yes: if-a will be asked, a-or-b too; a-and-b and if-if-a still depend on b and if-a.
      { least: 4, most: 8 },
      // b = no: unless-b will be asked; a-and-b and b-open cannot be.
      { least: 5, most: 6 },
      // if-a = no: if-if-a cannot be.
      { least: 5, most: 5 },
    ]);
    // N/A decides a question as an answer does: if-a, a-and-b and if-if-a (which follows if-a) cannot come.
    expect(totals(setAnswer(startSession(model), 'a', { na: true })).total).toEqual({ least: 2, most: 5 });
  });
});
