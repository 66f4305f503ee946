import type { Diagnostic } from '../diagnostics.js';
import { type Facts, holds, type State } from './conditions.js';
import { type Model, perspectiveOf, type QuestionInfo, scoreOf } from './model.js';
import type { Answer, Answers, DimensionResult, QuestionResult, Remedy, Result } from './result.js';
import { complete, type EvaluateOptions, type ResultsById, type Scoring } from './totals.js';

export { complete, type EvaluateOptions, levelFor, type ResultsById, type Scoring, SEVERITY_FACTOR, scoredWith, snap } from './totals.js';
export type { Answer, Answers, DimensionResult, QuestionResult, Remedy, Result };

/**
 * What conditions see: the questions' results (a skipped question has no value, even when it counts with its
 * `skippedScore`) and the raw scores `score` gives. Scoring, explanations and the interview's totals share it.
 */
export function factsFrom(model: Model, results: ResultsById, score: (id: string) => number | null): Facts {
  return {
    info: (id) => model.byId.get(id),
    state: (id) => results.get(id)?.state ?? 'unanswered',
    value: (id) => {
      const r = results.get(id);
      return r?.state === 'answered' ? r.answer?.value : undefined;
    },
    questionScore: (id) => {
      const r = results.get(id);
      return r?.state === 'answered' ? r.score : null;
    },
    score,
  };
}

export const factsOf = (model: Model, s: Scoring): Facts =>
  factsFrom(model, s.results, (id) => (id === 'overall' ? s.overallRaw : (s.dimRaw.get(id) ?? null)));

/**
 * One question's state and score, given the results of the questions before it (step 1). Without `warnings` an
 * ignored answer is not reported, and its place in the file is not looked up (re-scoring for the plan says nothing).
 */
export function questionResult(
  info: QuestionInfo,
  answer: Answer | undefined,
  perspective: string,
  facts: Facts,
  warnings?: Diagnostic[],
): QuestionResult {
  const id = info.question.id;
  const { when } = info.question;
  const asked = info.audience.includes(perspective);
  // Outside the respondent's perspective: conditions see it as skipped (SPEC §10); answers are refused by the loader.
  if (!asked) return { info, state: 'skipped', score: null, asked, ...(answer ? { answer } : {}) };
  let state: State;
  if (when && !holds(when, facts)) {
    state = 'skipped';
    if (warnings && answer && (answer.value !== undefined || answer.na) && answer.at) {
      warnings.push({ severity: 'warning', code: 'answer-ignored', args: { id }, ...answer.at() });
    }
  } else if (answer?.na) state = 'na';
  else if (answer?.value !== undefined) state = 'answered';
  else state = 'unanswered';
  // Text answers are kept but have no score.
  const score =
    state === 'answered' && answer?.value !== undefined && info.question.type !== 'text'
      ? scoreOf(info, answer.value)
      : state === 'skipped' && info.scored
        ? (info.question.skippedScore ?? null)
        : null;
  return { info, state, score, asked, ...(answer ? { answer } : {}) };
}

/** Score one set of answers against a questionnaire (SPEC §7, with the v1.1 perspectives and skipped scores). Pure: no I/O. */
export function evaluate(model: Model, answers: Answers, options: EvaluateOptions = {}): Result {
  const perspective = perspectiveOf(model, options.perspective);
  const scoring: Scoring = { results: new Map(), dimRaw: new Map(), overallRaw: null };
  const facts = factsOf(model, scoring);
  const warnings: Diagnostic[] = [];
  // 1. States and question scores, in file order so that `when` sees earlier answers.
  const questions: QuestionResult[] = [];
  for (let i = 0; i < model.questions.length; i++) {
    const info = model.questions[i] as QuestionInfo;
    const id = info.question.id;
    const r = questionResult(info, answers.get(id), perspective, facts, warnings);
    scoring.results.set(id, r);
    questions.push(r);
  }
  return complete(model, perspective, scoring, questions, facts, warnings, options);
}
