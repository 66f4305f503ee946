// Steps 2–8 of scoring (SPEC §7), once every question has its result: each dimension's sums and raw score, the rules
// that fire, caps, the overall score and the priorities of remedies. A plan re-scores through here for every remedy.
import type { Diagnostic } from '../diagnostics.js';
import type { Dimension, Level, Rule, Severity } from '../schema/questionnaire.js';
import { type Facts, holds } from './conditions.js';
import { dimensionWeight, type Model } from './model.js';
import type { DimensionResult, QuestionResult, Remedy, Result } from './result.js';

export const SEVERITY_FACTOR: Record<Severity, number> = { critical: 10, high: 7.5, medium: 5, low: 2.5 };

/** The last level whose min is at most the score. */
export function levelFor(levels: readonly Level[], score: number | null): Level | null {
  if (score === null) return null;
  let found: Level | null = null;
  for (let i = 0; i < levels.length; i++) if ((levels[i] as Level).min <= score) found = levels[i] as Level;
  return found;
}

/**
 * Snap a computed number to 9 decimals. Sums of products carry binary noise (60 can come out as
 * 59.999999999999986 when weights are scaled), and levels, rules and ordering compare exactly.
 */
export const snap = (n: number): number => Math.round(n * 1e9) / 1e9;

function weightedMean(pairs: [number, number | null][]): number | null {
  let num = 0;
  let den = 0;
  // Loops over indices, and no destructuring of arrays, here and below: a report runs this code once, before V8 has
  // optimised it, and unoptimised, a for-of loop or `const [a, b] = pair` makes an iterator object for every step.
  for (let i = 0; i < pairs.length; i++) {
    const pair = pairs[i] as [number, number | null];
    const w = pair[0];
    const s = pair[1];
    if (s === null) continue;
    num += w * s;
    den += w;
  }
  return den > 0 ? snap(num / den) : null;
}

export interface EvaluateOptions {
  /** The perspective of the respondent (SPEC §10); default the questionnaire's first. */
  perspective?: string | undefined;
  /**
   * Scores only (for the what-if re-scorings of a plan): only rules with a `cap` or `overallCap` are evaluated,
   * and `remedies` is left empty. Every score, level and `cappedBy` is as a full evaluation gives it.
   */
  scoresOnly?: boolean;
}

/** Question results by id. */
export interface ResultsById {
  get(id: string): QuestionResult | undefined;
}

/** What conditions see of a scoring in progress: question results, then the raw scores once known. */
export interface Scoring {
  results: ResultsById & { set(id: string, r: QuestionResult): unknown };
  dimRaw: Map<string, number | null>;
  overallRaw: number | null;
}

// The rules with a cap or an overall cap, with their index: all a scores-only scoring evaluates.
const capping = new WeakMap<Model, Fired[]>();
interface Fired {
  rule: Rule;
  index: number;
}

function cappingOf(model: Model): Fired[] {
  let c = capping.get(model);
  if (!c) {
    c = model.rules.flatMap((rule, index) => (rule.cap !== undefined || rule.overallCap !== undefined ? [{ rule, index }] : []));
    capping.set(model, c);
  }
  return c;
}

/** The model a list of question results was scored with, when this module scored it. */
export const scoredWith = (questions: readonly QuestionResult[]): Model | undefined => partialsOf.get(questions)?.model;

/** A dimension's sums over its questions (steps 2–3). */
interface Partial {
  dimension: Dimension;
  raw: number | null;
  answeredW: number;
  applicableW: number;
  answered: number;
  applicable: number;
}

// The sums of the dimensions of each list of question results, and the model they follow: a re-scoring takes those
// of the dimensions it did not touch. Kept by the list, not the result, which reports copy to add their warnings.
const partialsOf = new WeakMap<readonly QuestionResult[], { model: Model; partial: Partial[] }>();

function partialOf(dimension: Dimension, results: ResultsById): Partial {
  let num = 0;
  let answeredW = 0;
  let applicableW = 0;
  let answered = 0;
  let applicable = 0;
  const qs = dimension.questions;
  for (let i = 0; i < qs.length; i++) {
    const r = results.get((qs[i] as { id: string }).id);
    if (!r?.info.scored) continue;
    // v1.1: a skipped question with a `skippedScore` counts exactly as an answered one.
    const counts = r.state === 'answered' || (r.state === 'skipped' && r.asked && r.score !== null);
    if (counts) {
      num += r.info.weight * (r.score ?? 0);
      answeredW += r.info.weight;
      answered++;
    }
    if (counts || r.state === 'unanswered') {
      applicableW += r.info.weight;
      applicable++;
    }
  }
  const raw = answeredW > 0 ? snap((100 * num) / answeredW) : null;
  return { dimension, raw, answeredW, applicableW, answered, applicable };
}

/**
 * Steps 2–8 of scoring, once every question has its result (`questions`, in questionnaire order). `reuse`: the
 * scoring this one re-scores, and the dimensions whose questions changed; the others keep that scoring's sums.
 */
export function complete(
  model: Model,
  perspective: string,
  scoring: Scoring,
  questions: QuestionResult[],
  facts: Facts,
  warnings: Diagnostic[],
  options: EvaluateOptions,
  reuse?: { base: Result; touched: ReadonlySet<string> },
): Result {
  const { results, dimRaw } = scoring;
  let overallRaw: number | null = null;
  // 2–3. Raw scores and coverage per dimension.
  const kept = reuse && partialsOf.get(reuse.base.questions);
  const before = kept?.model === model ? kept.partial : undefined;
  const partial: Partial[] = [];
  for (let i = 0; i < model.dimensions.length; i++) {
    const dimension = model.dimensions[i] as Dimension;
    const p = before && !reuse?.touched.has(dimension.id) ? (before[i] as Partial) : partialOf(dimension, results);
    dimRaw.set(dimension.id, p.raw);
    partial.push(p);
  }
  overallRaw = weightedMean(partial.map((p) => [dimensionWeight(p.dimension), p.raw]));
  scoring.overallRaw = overallRaw;

  // 4. Rules fire against raw scores.
  const fired = (options.scoresOnly ? cappingOf(model) : model.rules.map((rule, index) => ({ rule, index }))).filter(({ rule }) =>
    holds(rule.when, facts),
  );

  // 5. Caps.
  const dimensions: DimensionResult[] = partial.map((p) => {
    // Over the fired rules once, without a list of the dimension's caps: a plan runs this for every remedy.
    let lowest = Number.POSITIVE_INFINITY;
    for (let k = 0; k < fired.length; k++) {
      const rule = (fired[k] as Fired).rule;
      if (rule.cap !== undefined && rule.dimension === p.dimension.id && rule.cap < lowest) lowest = rule.cap;
    }
    const score = p.raw === null ? null : Math.min(p.raw, lowest);
    // The rules that set the final score, when a cap actually lowered it.
    const cappedBy: string[] = [];
    if (score !== null && p.raw !== null && score < p.raw) {
      for (let k = 0; k < fired.length; k++) {
        const rule = (fired[k] as Fired).rule;
        if (rule.cap === score && rule.dimension === p.dimension.id) cappedBy.push(rule.id);
      }
    }
    return {
      dimension: p.dimension,
      weight: dimensionWeight(p.dimension),
      raw: p.raw,
      score,
      coverage: p.applicableW > 0 ? snap(p.answeredW / p.applicableW) : 1,
      answered: p.answered,
      applicable: p.applicable,
      cappedBy,
      level: levelFor(model.doc.levels, score),
    };
  });

  // 6. Overall, then the overall caps of the fired rules (v1.1).
  const uncapped = weightedMean(dimensions.map((d) => [d.weight, d.score]));
  const overallCaps = fired.filter((f) => f.rule.overallCap !== undefined);
  const overallScore = uncapped === null ? null : Math.min(uncapped, ...overallCaps.map((f) => f.rule.overallCap as number));
  const overallCappedBy =
    overallScore !== null && uncapped !== null && overallScore < uncapped
      ? overallCaps.filter((f) => f.rule.overallCap === overallScore).map((f) => f.rule.id)
      : [];
  const totalAnswered = partial.reduce((s, p) => s + p.answeredW, 0);
  const totalApplicable = partial.reduce((s, p) => s + p.applicableW, 0);

  // 8. Priorities.
  const meanW = dimensions.reduce((s, d) => s + d.weight, 0) / dimensions.length;
  const byDim = new Map(dimensions.map((d) => [d.dimension.id, d]));
  const remedies: Remedy[] = (options.scoresOnly ? [] : fired).map(({ rule, index }) => {
    const severity = rule.severity ?? 'medium';
    const d = rule.dimension === undefined ? undefined : byDim.get(rule.dimension);
    const ratio = d ? d.weight / meanW : 1;
    const s = d ? d.score : overallScore;
    const gap = s === null ? 1 : (100 - s) / 100;
    return { rule, index, severity, priority: snap(SEVERITY_FACTOR[severity] * (rule.weight ?? 1) * ratio * gap) };
  });
  remedies.sort((a, b) => b.priority - a.priority || SEVERITY_FACTOR[b.severity] - SEVERITY_FACTOR[a.severity] || a.index - b.index);

  const result: Result = {
    perspective,
    questions,
    dimensions,
    overall: {
      score: overallScore,
      raw: overallRaw,
      uncapped,
      cappedBy: overallCappedBy,
      coverage: totalApplicable > 0 ? snap(totalAnswered / totalApplicable) : 1,
      level: levelFor(model.doc.levels, overallScore),
    },
    remedies,
    warnings,
  };
  partialsOf.set(questions, { model, partial });
  return result;
}
