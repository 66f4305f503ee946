import type { State } from '../core/conditions.js';
import { type Canonical, type Model, perspectiveOf, type QuestionInfo } from '../core/model.js';
import { type Answer, evaluate } from '../core/score.js';
import type { Dimension } from '../schema/questionnaire.js';

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
    const v = note[key]?.trim();
    if (v === undefined) continue;
    if (v === '') delete a[key];
    else a[key] = v;
  }
  answers.set(id, a);
  return { ...s, answers: prune(s.model, answers) };
}

/** Move to the next visible question after the current one (only unanswered ones when reviewing); null at the end. */
export function next(s: Session): Session {
  if (s.current === null) return s;
  const states = statesOf(s.model, s.answers, s.perspective);
  const from = s.model.byId.get(s.current)?.index ?? -1;
  const found = s.model.questions.find(
    (q) => q.index > from && states.get(q.question.id) !== 'skipped' && (!s.reviewing || isOpen(states, q.question.id)),
  );
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

export interface Progress {
  dimension: Dimension;
  /** 1-based position of the current question among the visible questions of its dimension. */
  index: number;
  count: number;
  /** Visible questions answered or marked N/A, over all visible questions. */
  done: number;
  total: number;
}

/** Where the current question stands, for the line shown above it. */
export function progress(s: Session): Progress | null {
  const info = s.current === null ? undefined : s.model.byId.get(s.current);
  if (!info) return null;
  const states = statesOf(s.model, s.answers, s.perspective);
  const visible = s.model.questions.filter((q) => states.get(q.question.id) !== 'skipped');
  const inDim = visible.filter((q) => q.dimension === info.dimension);
  const done = visible.filter((q) => {
    const st = states.get(q.question.id);
    return st === 'answered' || st === 'na';
  }).length;
  return { dimension: info.dimension, index: inDim.indexOf(info) + 1, count: inDim.length, done, total: visible.length };
}
