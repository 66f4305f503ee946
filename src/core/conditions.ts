import type { Condition } from '../schema/questionnaire.js';
import { type Canonical, type QuestionInfo, sameValue, toBoolean } from './model.js';

export type State = 'answered' | 'unanswered' | 'na' | 'skipped';

/** What a condition can look at. */
export interface Facts {
  info(id: string): QuestionInfo | undefined;
  state(id: string): State;
  value(id: string): Canonical | undefined;
  questionScore(id: string): number | null;
  /** Raw 0–100 score of a dimension, or `overall`. */
  score(id: string): number | null;
}

type Ops = Partial<Record<'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'in' | 'notIn' | 'includes', unknown>>;

/** Equality as answers see it: numbers equal their decimal strings, booleans equal yes/no, lists compare as sets. */
function equal(a: Canonical, b: unknown, info?: QuestionInfo): boolean {
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x) => some(b, x));
  if (info?.question.type === 'boolean') return a === toBoolean(b);
  return sameValue(a, b);
}

// Conditions are evaluated some thousands of times in a report (a plan re-scores for every remedy), in code V8 has
// not optimised: loops, not callbacks, which would make a closure at every call.

/** Whether `x` is the same value as an item of the list (sameValue, as answers compare). */
function some(list: readonly unknown[], x: unknown): boolean {
  for (let i = 0; i < list.length; i++) if (sameValue(x, list[i])) return true;
  return false;
}

/** Whether an answer equals an item of the list, as `equal` sees it. */
function someEqual(list: readonly unknown[], actual: Canonical | number, info?: QuestionInfo): boolean {
  for (let i = 0; i < list.length; i++) if (equal(actual, list[i], info)) return true;
  return false;
}

function compare(actual: Canonical | number, ops: Ops, info?: QuestionInfo): boolean {
  const n = typeof actual === 'number' ? actual : undefined;
  if (ops.eq !== undefined) return equal(actual, ops.eq, info);
  if (ops.ne !== undefined) return !equal(actual, ops.ne, info);
  if (ops.lt !== undefined) return n !== undefined && n < Number(ops.lt);
  if (ops.lte !== undefined) return n !== undefined && n <= Number(ops.lte);
  if (ops.gt !== undefined) return n !== undefined && n > Number(ops.gt);
  if (ops.gte !== undefined) return n !== undefined && n >= Number(ops.gte);
  if (ops.in !== undefined) return someEqual(ops.in as unknown[], actual, info);
  if (ops.notIn !== undefined) return !someEqual(ops.notIn as unknown[], actual, info);
  if (ops.includes !== undefined) return Array.isArray(actual) && some(actual, ops.includes);
  return false;
}

/** Ids of the questions named by `answer:` and `questionScore:` leaves, in the order they appear. */
export function conditionQuestions(c: Condition, out: string[] = []): string[] {
  if ('all' in c) for (const x of c.all) conditionQuestions(x, out);
  else if ('any' in c) for (const x of c.any) conditionQuestions(x, out);
  else if ('not' in c) conditionQuestions(c.not, out);
  else {
    const id = 'answer' in c ? c.answer : 'questionScore' in c ? c.questionScore : undefined;
    if (id !== undefined && !out.includes(id)) out.push(id);
  }
  return out;
}

/** Evaluate a condition. Comparisons on a missing value or score are false; `is:` tests states. */
export function holds(c: Condition, f: Facts): boolean {
  if ('all' in c) {
    for (let i = 0; i < c.all.length; i++) if (!holds(c.all[i] as Condition, f)) return false;
    return true;
  }
  if ('any' in c) {
    for (let i = 0; i < c.any.length; i++) if (holds(c.any[i] as Condition, f)) return true;
    return false;
  }
  if ('not' in c) return !holds(c.not, f);
  if ('answer' in c) {
    if (c.is !== undefined) return f.state(c.answer) === c.is;
    const v = f.value(c.answer);
    return v !== undefined && compare(v, c, f.info(c.answer));
  }
  if ('questionScore' in c) {
    const s = f.questionScore(c.questionScore);
    return s !== null && compare(s, c);
  }
  const s = f.score(c.score);
  return s !== null && compare(s, c);
}
