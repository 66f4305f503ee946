import { type Canonical, type Model, type QuestionInfo, scoreOf } from '../../src/core/model.js';
import { type Answer, evaluate, type Result } from '../../src/core/score.js';
import type { Condition } from '../../src/schema/questionnaire.js';

/** Answer sets built from a questionnaire's own options: best, worst and middle answers, and overrides on top. */

type Pick = 'best' | 'worst' | 'middle';

/** Candidate numbers of a number question: its range ends, scoring ends and band edges (and just below them). */
function numberCandidates(info: QuestionInfo): number[] {
  const q = info.question;
  if (q.type !== 'number') return [];
  const s = q.scoring;
  const points = s === undefined ? [] : 'bands' in s ? s.bands.flatMap((b) => [b.min, b.min - 1]) : [s.from, s.to, (s.from + s.to) / 2];
  return [q.min, q.max, ...points].filter((v): v is number => v !== undefined).map((v) => Math.min(q.max ?? v, Math.max(q.min ?? v, v)));
}

/**
 * The value a question gets under a pick. Best: the highest score (first listed on ties). Worst: the lowest
 * (first listed on ties, so an actual weak answer rather than "don't know"). Middle: the score nearest 0.5,
 * ties to the lower score; for a `multi`, the prefix of its options (in listed order) whose score is nearest 0.5.
 */
export function pick(info: QuestionInfo, how: Pick): Canonical | undefined {
  const q = info.question;
  const choose = (values: Canonical[]): Canonical | undefined => {
    const scored = values.map((v) => ({ v, s: scoreOf(info, v) }));
    const key = (s: number) => (how === 'best' ? -s : how === 'worst' ? s : Math.abs(s - 0.5) * 1000 + s);
    let out = scored[0];
    for (const x of scored) if (out === undefined || key(x.s) < key(out.s) - 1e-12) out = x;
    return out?.v;
  };
  switch (q.type) {
    case 'scale':
    case 'choice':
      return choose(info.options.map((o) => o.value));
    case 'multi': {
      const positive = info.options.filter((_, i) => (info.optionScores[i] ?? 0) > 0).map((o) => o.value);
      if (how === 'best') return positive;
      if (how === 'worst') return [];
      return choose(positive.map((_, i) => positive.slice(0, i + 1)));
    }
    case 'boolean':
      return choose([true, false]);
    case 'number':
      return choose(numberCandidates(info));
    case 'text':
      return undefined;
  }
}

export type Overrides = Record<string, Canonical | null>;

/** Every question answered by `how`, then the overrides (null = leave unanswered). */
export function answerSet(model: Model, how: Pick, overrides: Overrides = {}): Map<string, Answer> {
  const out = new Map<string, Answer>();
  for (const info of model.questions) {
    const v = pick(info, how);
    if (v !== undefined) out.set(info.question.id, { value: v });
  }
  for (const [id, v] of Object.entries(overrides)) {
    if (v === null) out.delete(id);
    else out.set(id, { value: v });
  }
  return out;
}

export const scoreSet = (model: Model, how: Pick, overrides: Overrides = {}): Result => evaluate(model, answerSet(model, how, overrides));

/** The worst answer to each of the given questions, as overrides. */
export function worstOf(model: Model, ids: readonly string[]): Overrides {
  const out: Overrides = {};
  for (const id of ids) {
    const info = model.questions.find((q) => q.question.id === id);
    const v = info && pick(info, 'worst');
    if (v !== undefined) out[id] = v;
  }
  return out;
}

/** The ids of the scored questions of a dimension. */
export const dimensionQuestions = (model: Model, dim: string): string[] =>
  model.questions.filter((q) => q.dimension.id === dim && q.scored).map((q) => q.question.id);

/** Question ids and dimension ids a condition names. */
export function conditionLeaves(c: Condition): { questions: string[]; dimensions: string[] } {
  const questions: string[] = [];
  const dimensions: string[] = [];
  const walk = (x: Condition): void => {
    if ('all' in x) x.all.forEach(walk);
    else if ('any' in x) x.any.forEach(walk);
    else if ('not' in x) walk(x.not);
    else if ('answer' in x) questions.push(x.answer);
    else if ('questionScore' in x) questions.push(x.questionScore);
    else if ('score' in x) dimensions.push(x.score);
  };
  walk(c);
  return { questions, dimensions };
}

export const fired = (r: Result): string[] => r.remedies.map((x) => x.rule.id);
