import { holds, type State } from '../core/conditions.js';
import { type Canonical, type Model, perspectiveOf, type QuestionInfo } from '../core/model.js';
import { type Answer, evaluate, factsFrom } from '../core/score.js';
import type { Condition, Dimension } from '../schema/questionnaire.js';
import { cleanText } from './answers-file.js';

/**
 * Where an assessment stands: the answers so far and the question being asked.
 * Plain data; every step returns a new session, so the flow and the tests can keep old ones.
 */
export interface Session {
  readonly model: Model;
  /** The perspective answering (SPEC §10): only its questions are asked, in its wording. */
  readonly perspective: string;
  readonly answers: ReadonlyMap<string, Answer>;
  /** Id of the question being asked, or null at the end summary. */
  readonly current: string | null;
  /** After the end summary the user chose to revisit unanswered questions: `next` only stops at those. */
  readonly reviewing: boolean;
}

/** What an answer prompt can set on a question. */
export type Change = { value: Canonical } | { na: true } | { clear: true };

/**
 * The state of every question given the answers, as the report will see them.
 * `evaluate` walks the questions in order and tests each `when` with `holds` on the answers
 * before it, so the session shows exactly the questions the report counts.
 */
export function statesOf(model: Model, answers: ReadonlyMap<string, Answer>, perspective?: string): Map<string, State> {
  return new Map(evaluate(model, answers, { perspective }).questions.map((q) => [q.info.question.id, q.state]));
}

/** Questions whose `when` holds (or that have none), in questionnaire order. */
export function visibleQuestions(model: Model, answers: ReadonlyMap<string, Answer>, perspective?: string): QuestionInfo[] {
  const states = statesOf(model, answers, perspective);
  return model.questions.filter((q) => states.get(q.question.id) !== 'skipped');
}

/**
 * Drop answers that hold nothing at all. Answers to follow-ups that are hidden now are kept: nothing is lost,
 * changing the earlier answer back shows them again, and scoring ignores them (with a warning) meanwhile.
 */
function prune(model: Model, answers: ReadonlyMap<string, Answer>): Map<string, Answer> {
  const out = new Map<string, Answer>();
  for (const q of model.questions) {
    const id = q.question.id;
    const a = answers.get(id);
    if (!a) continue;
    const { at: _at, ...rest } = a;
    if (rest.value === undefined && !rest.na && rest.note === undefined && rest.evidence === undefined) continue;
    out.set(id, rest);
  }
  return out;
}

const isOpen = (states: Map<string, State>, id: string) => states.get(id) === 'unanswered';

/** A new session, positioned at the first unanswered question (or the end). */
export function startSession(model: Model, answers: ReadonlyMap<string, Answer> = new Map(), perspective?: string): Session {
  const kept = prune(model, answers);
  const states = statesOf(model, kept, perspective);
  const first = model.questions.find((q) => isOpen(states, q.question.id));
  return { model, perspective: perspectiveOf(model, perspective), answers: kept, current: first?.question.id ?? null, reviewing: false };
}

/** Set or clear the answer to one question; notes stay. Follow-ups whose `when` turns false lose their answers. */
export function setAnswer(s: Session, id: string, change: Change): Session {
  const answers = new Map(s.answers);
  const { value: _v, na: _na, ...keep } = answers.get(id) ?? {};
  if ('value' in change) answers.set(id, { ...keep, value: change.value });
  else if ('na' in change) answers.set(id, { ...keep, na: true });
  else answers.set(id, keep);
  return { ...s, answers: prune(s.model, answers) };
}

/** Set the interviewer's note and evidence for a question (empty strings remove them). */
export function setNote(s: Session, id: string, note: { note?: string; evidence?: string }): Session {
  const answers = new Map(s.answers);
  const a: Answer = { ...(answers.get(id) ?? {}) };
  for (const key of ['note', 'evidence'] as const) {
    const typed = note[key];
    const v = typed === undefined ? undefined : cleanText(typed);
    if (v === undefined) continue;
    if (v === '') delete a[key];
    else a[key] = v;
  }
  answers.set(id, a);
  return { ...s, answers: prune(s.model, answers) };
}

/**
 * Move to the next unanswered visible question after the current one; null at the end. Answered questions are
 * passed over: after a resume, or after going back to change an answer, the user lands where they stopped.
 * They see answered ones again only on request (Back).
 */
export function next(s: Session): Session {
  if (s.current === null) return s;
  const states = statesOf(s.model, s.answers, s.perspective);
  const from = s.model.byId.get(s.current)?.index ?? -1;
  const found = s.model.questions.find((q) => q.index > from && isOpen(states, q.question.id));
  return { ...s, current: found?.question.id ?? null };
}

/** Move to the visible question before the current one; from the end summary, to the last one. At the first, stay. */
export function back(s: Session): Session {
  const visible = visibleQuestions(s.model, s.answers, s.perspective);
  const from = s.current === null ? Number.POSITIVE_INFINITY : (s.model.byId.get(s.current)?.index ?? 0);
  const before = visible.filter((q) => q.index < from);
  const prev = before[before.length - 1];
  return prev ? { ...s, current: prev.question.id } : s;
}

/** Go through the questions still unanswered, starting at the first. */
export function review(s: Session): Session {
  const first = unanswered(s)[0];
  return { ...s, reviewing: true, current: first?.question.id ?? null };
}

/** Visible questions without an answer (N/A counts as answered here: the respondent decided). */
export function unanswered(s: Session): QuestionInfo[] {
  const states = statesOf(s.model, s.answers, s.perspective);
  return s.model.questions.filter((q) => isOpen(states, q.question.id));
}

/**
 * Whether a question counts in the totals: text questions are optional notes (never scored), asked along
 * the way but not counted, so that "12/40 done" counts the questions that are answered for the score.
 */
export const isCounted = (q: QuestionInfo): boolean => q.question.type !== 'text';

/** A number of questions known only within bounds: `least` will be asked whatever comes, `most` can still be. */
export interface Span {
  least: number;
  most: number;
}

/** Whether a question will be asked ('yes'), cannot be ('no'), or may still come to apply ('maybe'). */
type Applies = 'yes' | 'no' | 'maybe';

/** A condition in three values: 'maybe' where it tests an open question (Kleene's logic for all, any and not). */
function mayHold(c: Condition, leaf: (c: Condition, id: string) => Applies): Applies {
  if ('all' in c) {
    let r: Applies = 'yes';
    for (const x of c.all) {
      const v = mayHold(x, leaf);
      if (v === 'no') return 'no';
      if (v === 'maybe') r = 'maybe';
    }
    return r;
  }
  if ('any' in c) {
    let r: Applies = 'no';
    for (const x of c.any) {
      const v = mayHold(x, leaf);
      if (v === 'yes') return 'yes';
      if (v === 'maybe') r = 'maybe';
    }
    return r;
  }
  if ('not' in c) {
    const v = mayHold(c.not, leaf);
    return v === 'yes' ? 'no' : v === 'no' ? 'yes' : 'maybe';
  }
  // A question's `when` names earlier questions only (no `score:`, which the loader refuses there).
  return 'answer' in c ? leaf(c, c.answer) : 'questionScore' in c ? leaf(c, c.questionScore) : 'maybe';
}

/**
 * Which questions will be asked whatever the questions still open get, which cannot be, and which may still come
 * to apply. A question is open while it is unanswered, or while it may apply and may not; a test on an open
 * question is 'maybe', any other is decided by the answers given. Answering settles open questions only, so going
 * forward a 'yes' or 'no' never changes and a 'maybe' can only become one of them: the counts only narrow.
 */
export function applicability(s: Pick<Session, 'model' | 'answers' | 'perspective'>): Map<string, Applies> {
  const results = new Map(evaluate(s.model, s.answers, { perspective: s.perspective }).questions.map((q) => [q.info.question.id, q]));
  const facts = factsFrom(s.model, results, () => null);
  const applies = new Map<string, Applies>();
  const open = (id: string) => applies.get(id) === 'maybe' || facts.state(id) === 'unanswered';
  const leaf = (c: Condition, id: string): Applies => (open(id) ? 'maybe' : holds(c, facts) ? 'yes' : 'no');
  for (const q of s.model.questions) {
    const r = results.get(q.question.id);
    const when = q.question.when;
    applies.set(q.question.id, !r?.asked ? 'no' : when ? mayHold(when, leaf) : 'yes');
  }
  return applies;
}

/** The counted questions (see isCounted) that will or may be asked, in `among` (default: all). */
function spanOf(s: Pick<Session, 'model'>, applies: Map<string, Applies>, among?: Dimension): Span {
  let least = 0;
  let most = 0;
  for (const q of s.model.questions) {
    if (!isCounted(q) || (among && q.dimension !== among)) continue;
    const a = applies.get(q.question.id);
    if (a === 'yes') least++;
    if (a !== 'no') most++;
  }
  return { least, most };
}

/**
 * How many counted questions (see isCounted) are answered or N/A, and how many there are: at least those that
 * will be asked whatever comes, at most those too with every follow-up that may still come to apply. Answering
 * narrows the span and never widens it, so the total shown does not grow as follow-ups appear.
 */
export function totals(s: Pick<Session, 'model' | 'answers' | 'perspective'>): { done: number; total: Span } {
  return { done: doneOf(s.model, statesOf(s.model, s.answers, s.perspective)), total: spanOf(s, applicability(s)) };
}

/** Counted questions that apply and are answered or N/A. */
const doneOf = (model: Model, states: Map<string, State>): number =>
  model.questions.filter((q) => {
    const st = states.get(q.question.id);
    return isCounted(q) && (st === 'answered' || st === 'na');
  }).length;

export interface Progress {
  dimension: Dimension;
  /** 1-based position of the current question among the counted visible questions of its dimension; 0 for a note. */
  index: number;
  /** Counted questions of the dimension that will or may be asked. */
  count: Span;
  /** Visible questions answered or marked N/A. */
  done: number;
  /** Counted questions that will or may be asked. */
  total: Span;
}

/** Where the current question stands, for the line shown above it. */
export function progress(s: Session): Progress | null {
  const info = s.current === null ? undefined : s.model.byId.get(s.current);
  if (!info) return null;
  const states = statesOf(s.model, s.answers, s.perspective);
  const applies = applicability(s);
  const inDim = s.model.questions.filter((q) => states.get(q.question.id) !== 'skipped' && isCounted(q) && q.dimension === info.dimension);
  return {
    dimension: info.dimension,
    index: inDim.indexOf(info) + 1,
    count: spanOf(s, applies, info.dimension),
    done: doneOf(s.model, states),
    total: spanOf(s, applies),
  };
}
