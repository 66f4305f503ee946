import type { Rule } from '../schema/questionnaire.js';
import { conditionQuestions } from './conditions.js';
import { type Canonical, type Model, type QuestionInfo, phaseOf as rulePhase } from './model.js';
import { round } from './report.js';
import { rescore } from './rescore.js';
import { type Answer, type Answers, type Result, snap } from './score.js';

export type Phase = 1 | 2 | 3;

/** The answers with some replaced (a what-if's changes carry the place on the command line they were given at). */
export function withAnswers(answers: Answers, changes: ReadonlyMap<string, Answer>): Map<string, Answer> {
  // forEach, not `new Map(answers)` and for-of: a report runs this code unoptimised, where those make iterators.
  const out = new Map<string, Answer>();
  answers.forEach((a, id) => {
    out.set(id, a);
  });
  changes.forEach((a, id) => {
    out.set(id, a);
  });
  return out;
}

const clamp = (n: number, info: QuestionInfo): number => {
  const q = info.question;
  if (q.type !== 'number') return n;
  return Math.min(q.max ?? n, Math.max(q.min ?? n, n));
};

/** The accepted value with the highest question score (first listed on ties); undefined when the question is not scored. */
export function bestAnswer(info: QuestionInfo): Canonical | undefined {
  if (!info.scored) return undefined;
  const q = info.question;
  switch (q.type) {
    case 'scale':
    case 'choice': {
      if (info.options.length === 0) return undefined;
      let best = 0;
      info.optionScores.forEach((s, i) => {
        if (s > (info.optionScores[best] as number)) best = i;
      });
      return info.options[best]?.value;
    }
    case 'multi':
      return info.options.filter((_, i) => (info.optionScores[i] as number) > 0).map((o) => o.value);
    case 'boolean':
      return (q.scores?.true ?? 1) >= (q.scores?.false ?? 0);
    case 'number': {
      const s = q.scoring;
      if (!s) return undefined;
      if (!('bands' in s)) return clamp(s.to, info);
      let best = s.bands[0];
      for (const band of s.bands) if (best === undefined || band.score > best.score) best = band;
      return best === undefined ? undefined : clamp(best.min, info);
    }
    case 'text':
      return undefined;
  }
}

/** Ids of the questions named by `answer:` and `questionScore:` leaves, in the order they appear. */
export const namedQuestions = conditionQuestions;

/** The fix of a rule (SPEC §12): its named questions at their best answers; null when none of them can be set. */
export function fixOf(model: Model, rule: Rule): Map<string, Answer> | null {
  const fix = new Map<string, Answer>();
  for (const id of namedQuestions(rule.when)) {
    const info = model.byId.get(id);
    const value = info && bestAnswer(info);
    if (value !== undefined) fix.set(id, { value });
  }
  return fix.size > 0 ? fix : null;
}

/** The roadmap phase of a rule: its `phase`, else by effort (low 1, medium 2, high 3, none 2). */
export const phaseOf = (rule: Rule): Phase => rulePhase(rule) as Phase;

const delta = (after: number | null, before: number | null): number | null =>
  after === null || before === null ? null : snap(after - before);

export interface RemedyPlan {
  phase: Phase;
  fix: Map<string, Answer> | null;
  /** The result with the fix made; null without a fix. */
  fixed: Result | null;
  gain: number | null;
  dimensionGain: number | null;
}

export interface PhasePlan {
  phase: Phase;
  /** Rule ids, by priority. */
  remedies: string[];
  /** Scores with the fixes of this phase and every earlier one made. */
  projected: Result;
}

export interface TargetPlan {
  id: string;
  target: number;
  score: number | null;
  gap: number;
  reachedInPhase: Phase | null;
}

export interface Plan {
  remedies: Map<string, RemedyPlan>;
  roadmap: PhasePlan[];
  targets: TargetPlan[];
}

/** A score as reports print it, so that a target is reached exactly when the printed number says so. */
const shown = (n: number | null): number | null => (n === null ? null : round(n, 1));

function scoreOfId(result: Result, id: string): number | null {
  if (id === 'overall') return result.overall.score;
  return result.dimensions.find((d) => d.dimension.id === id)?.score ?? null;
}

/** Targets in a fixed order (overall, then dimensions as in the questionnaire) with gap and the phase that reaches them. */
export function planTargets(model: Model, result: Result, roadmap: PhasePlan[], targets: Readonly<Record<string, number>>): TargetPlan[] {
  const order = ['overall', ...model.dimensions.map((d) => d.id)];
  return order
    .filter((id) => targets[id] !== undefined)
    .map((id) => {
      const target = targets[id] as number;
      const score = shown(scoreOfId(result, id));
      const reached = roadmap.find((p) => {
        const s = shown(scoreOfId(p.projected, id));
        return s !== null && s >= target;
      });
      return {
        id,
        target,
        score,
        // Without a score the whole target is still to go.
        gap: score === null ? target : Math.max(0, shown(target - score) as number),
        reachedInPhase: reached?.phase ?? null,
      };
    });
}

/** Gains, roadmap and targets for one scored set of answers (SPEC §12). Pure: re-evaluates the in-memory model. */
export function plan(model: Model, result: Result, targets: Readonly<Record<string, number>> = {}): Plan {
  // Scores are all a fix changes that a plan reads: only what a fix can reach is scored again (rescore).
  const remedies = new Map<string, RemedyPlan>();
  for (const r of result.remedies) {
    const fix = fixOf(model, r.rule);
    const fixed = fix ? rescore(model, result, fix) : null;
    const dim = r.rule.dimension;
    remedies.set(r.rule.id, {
      phase: phaseOf(r.rule),
      fix,
      fixed,
      gain: fixed ? delta(fixed.overall.score, result.overall.score) : null,
      dimensionGain: fixed && dim !== undefined ? delta(scoreOfId(fixed, dim), scoreOfId(result, dim)) : null,
    });
  }
  const roadmap: PhasePlan[] = [];
  let changes = new Map<string, Answer>();
  for (const phase of [1, 2, 3] as const) {
    const ids = result.remedies.filter((r) => remedies.get(r.rule.id)?.phase === phase).map((r) => r.rule.id);
    if (ids.length === 0) continue;
    // Later fixes win where two set the same question.
    for (const id of ids) changes = withAnswers(changes, remedies.get(id)?.fix ?? new Map());
    roadmap.push({ phase, remedies: ids, projected: rescore(model, result, changes) });
  }
  return { remedies, roadmap, targets: planTargets(model, result, roadmap, targets) };
}
