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
  unanswered,
  visibleQuestions,
} from '../src/interactive/session.js';
import { answersMap, modelFromFile } from './helpers/model.js';

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

  it('reports progress within the dimension and overall', () => {
    let s = startSession(SMALL);
    // The text question (remarks) is an optional note: asked, not counted.
    expect(progress(s)).toMatchObject({ index: 1, count: 3, done: 0, total: 5 });
    expect(progress(s)?.dimension.id).toBe('strategy');
    s = answerNext(s, { value: true });
    s = answerNext(s, { na: true });
    s = answerNext(s, { clear: true });
    expect(progress(s)).toMatchObject({ index: 1, count: 2, done: 2, total: 5 });
    s = answerNext(s, { value: 5 });
    expect(progress(s)).toMatchObject({ index: 2, count: 3, done: 3, total: 6 });
    expect(progress({ ...s, current: 'remarks' })).toMatchObject({ index: 0, count: 3 });
    expect(progress({ ...s, current: null })).toBeNull();
  });
});
