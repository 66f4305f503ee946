import type { Text } from '../schema/common.js';
import type {
  ConditionNode,
  DimensionExplanation,
  Explanation,
  ExplanationItem,
  OverallExplanation,
  QuestionExplanation,
  RuleExplanation,
} from '../schema/explanation.js';
import type { Condition, Level, Rule } from '../schema/questionnaire.js';
import { type Facts, holds } from './conditions.js';
import type { Model, QuestionInfo } from './model.js';
import { namedQuestions, type Plan } from './plan.js';
import { answerLabel, resolveText, round } from './report.js';
import { type DimensionResult, factsFrom, type QuestionResult, type Result, SEVERITY_FACTOR, snap } from './score.js';

const r1 = (n: number | null) => (n === null ? null : round(n, 1));
const r3 = (n: number | null) => (n === null ? null : round(n, 3));

/** What a condition saw, rebuilt from a result: the same facts `evaluate` gave the rules. */
export function factsOf(model: Model, result: Result): Facts {
  const qs = new Map(result.questions.map((q) => [q.info.question.id, q]));
  const raws = new Map(result.dimensions.map((d) => [d.dimension.id, d.raw]));
  return factsFrom(model, qs, (id) => (id === 'overall' ? result.overall.raw : (raws.get(id) ?? null)));
}

const TESTS = ['is', 'eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'notIn', 'includes'] as const;

export type Kind = 'overall' | 'dimension' | 'question' | 'rule';

/** The things an id names: `overall`, a dimension, a question, a rule (an id may name more than one). */
export function kindsOf(model: Model, id: string): Kind[] {
  const out: Kind[] = [];
  if (id === 'overall') out.push('overall');
  if (model.dimensions.some((d) => d.id === id)) out.push('dimension');
  if (model.byId.has(id)) out.push('question');
  if (model.rules.some((r) => r.id === id)) out.push('rule');
  return out;
}

/** Every id `explain` accepts, for did-you-mean hints. */
export const explainableIds = (model: Model): string[] => [
  'overall',
  ...model.dimensions.map((d) => d.id),
  ...model.questions.map((q) => q.question.id),
  ...model.rules.map((r) => r.id),
];

export interface ExplainMeta {
  locale: string;
  toolVersion: string;
  date: string | null;
}

/** How each number of a report was reached (SPEC §13), with the numbers the JSON report prints. */
export function explain(model: Model, result: Result, plan: Plan, ids: string[], meta: ExplainMeta): Explanation {
  const fallback = model.doc.locales[0] as string;
  const text = (t: Text) => resolveText(t, meta.locale, fallback);
  const zh = meta.locale.startsWith('zh');
  const facts = factsOf(model, result);
  const label = (info: QuestionInfo, v: unknown) => answerLabel(info, v, text, zh);
  const levels = model.doc.levels;

  const bounds = (level: Level | null) => {
    if (!level) return { level: null, levelFrom: null, nextLevel: null };
    const next = levels[levels.indexOf(level) + 1];
    const bound = (l: Level) => ({ id: l.id, title: text(l.title), min: l.min });
    return { level: { id: level.id, title: text(level.title) }, levelFrom: bound(level), nextLevel: next ? bound(next) : null };
  };
  const firedIds = new Set(result.remedies.map((r) => r.rule.id));
  const givenValue = (q: QuestionResult) => (q.state === 'answered' ? (q.answer?.value ?? null) : null);

  const dimension = (d: DimensionResult): DimensionExplanation => {
    const qs = result.questions.filter((q) => q.info.dimension.id === d.dimension.id && q.info.scored && q.asked);
    const counted = qs.filter((q) => q.score !== null);
    const caps = model.rules.filter((r) => r.dimension === d.dimension.id && r.cap !== undefined && firedIds.has(r.id));
    return {
      type: 'dimension',
      id: d.dimension.id,
      title: text(d.dimension.title),
      weight: d.weight,
      questions: qs.map((q) => {
        const value = givenValue(q);
        return {
          id: q.info.question.id,
          text: text(q.info.question.text),
          state: q.state,
          value,
          label: value === null ? null : label(q.info, value),
          score: r3(q.score),
          weight: q.info.weight,
          contribution: q.score === null ? null : r3(q.info.weight * q.score),
        };
      }),
      weighted: round(snap(counted.reduce((s, q) => s + q.info.weight * (q.score ?? 0), 0)), 3),
      answeredWeight: snap(counted.reduce((s, q) => s + q.info.weight, 0)),
      applicableWeight: snap(qs.filter((q) => q.score !== null || q.state === 'unanswered').reduce((s, q) => s + q.info.weight, 0)),
      rawScore: r1(d.raw),
      caps: caps.map((r) => ({ rule: r.id, title: text(r.title), cap: r.cap as number, lowered: d.cappedBy.includes(r.id) })),
      score: r1(d.score),
      coverage: round(d.coverage, 3),
      ...bounds(d.level),
    };
  };

  const overall = (): OverallExplanation => {
    const scored = result.dimensions.filter((d) => d.score !== null);
    const num = snap(scored.reduce((s, d) => s + d.weight * (d.score as number), 0));
    const den = snap(scored.reduce((s, d) => s + d.weight, 0));
    const mean = result.overall.uncapped;
    const caps = model.rules.filter((r) => r.overallCap !== undefined && firedIds.has(r.id));
    const score = result.overall.score;
    return {
      type: 'overall',
      dimensions: result.dimensions.map((d) => ({
        id: d.dimension.id,
        title: text(d.dimension.title),
        weight: d.weight,
        score: r1(d.score),
        contribution: d.score === null ? null : r3(d.weight * d.score),
      })),
      weighted: round(num, 3),
      weight: den,
      mean: r1(mean),
      caps: caps.map((r) => {
        const cap = r.overallCap as number;
        return { rule: r.id, title: text(r.title), cap, lowered: result.overall.cappedBy.includes(r.id) };
      }),
      score: r1(score),
      coverage: round(result.overall.coverage, 3),
      ...bounds(result.overall.level),
    };
  };

  const question = (q: QuestionResult): QuestionExplanation => {
    const value = givenValue(q);
    const id = q.info.question.id;
    return {
      type: 'question',
      id,
      dimension: q.info.dimension.id,
      text: text(q.info.question.text),
      state: q.state,
      value,
      label: value === null ? null : label(q.info, value),
      score: r3(q.score),
      weight: q.info.weight,
      rules: model.rules
        .filter((r) => namedQuestions(r.when).includes(id))
        .map((r) => ({ id: r.id, title: text(r.title), fired: firedIds.has(r.id) })),
    };
  };

  const trace = (c: Condition): ConditionNode => {
    const held = holds(c, facts);
    if ('all' in c) return { kind: 'all', holds: held, children: c.all.map(trace) };
    if ('any' in c) return { kind: 'any', holds: held, children: c.any.map(trace) };
    if ('not' in c) return { kind: 'not', holds: held, children: [trace(c.not)] };
    const ops = c as Record<string, unknown>;
    const op = TESTS.find((t) => ops[t] !== undefined) ?? 'eq';
    if ('answer' in c) {
      const info = model.byId.get(c.answer);
      const v = facts.value(c.answer);
      const actual = op === 'is' ? facts.state(c.answer) : (v ?? null);
      const shown = op !== 'is' && v !== undefined && info ? label(info, v) : null;
      return { kind: 'answer', holds: held, id: c.answer, op, expected: ops[op], actual, label: shown };
    }
    if ('questionScore' in c) {
      return {
        kind: 'questionScore',
        holds: held,
        id: c.questionScore,
        op,
        expected: ops[op],
        actual: r3(facts.questionScore(c.questionScore)),
      };
    }
    return { kind: 'score', holds: held, id: c.score, op, expected: ops[op], actual: r1(facts.score(c.score)) };
  };

  const meanW = result.dimensions.reduce((s, d) => s + d.weight, 0) / result.dimensions.length;
  const rule = (r: Rule): RuleExplanation => {
    const remedy = result.remedies.find((x) => x.rule.id === r.id);
    const d = r.dimension === undefined ? undefined : result.dimensions.find((x) => x.dimension.id === r.dimension);
    const s = d ? d.score : result.overall.score;
    const p = plan.remedies.get(r.id);
    return {
      type: 'rule',
      id: r.id,
      title: text(r.title),
      dimension: r.dimension ?? null,
      severity: r.severity ?? 'medium',
      fired: remedy !== undefined,
      condition: trace(r.when),
      cap: r.cap ?? null,
      overallCap: r.overallCap ?? null,
      priority: remedy
        ? {
            value: round(remedy.priority, 3),
            sev: SEVERITY_FACTOR[remedy.severity],
            ruleWeight: r.weight ?? 1,
            dimensionWeight: d ? d.weight : null,
            meanWeight: round(meanW, 3),
            ratio: round(d ? d.weight / meanW : 1, 3),
            score: r1(s),
            gap: round(s === null ? 1 : (100 - s) / 100, 3),
          }
        : null,
      gain: remedy && p ? gainOf(r, p) : null,
    };
  };

  const gainOf = (r: Rule, p: NonNullable<ReturnType<Plan['remedies']['get']>>): RuleExplanation['gain'] => {
    const fixed = p.fixed;
    const dimScore = (res: Result) =>
      r.dimension === undefined ? null : (res.dimensions.find((x) => x.dimension.id === r.dimension)?.score ?? null);
    const fix = [...(p.fix ?? new Map()).entries()].map(([id, a]) => {
      const before = result.questions.find((q) => q.info.question.id === id);
      const after = fixed?.questions.find((q) => q.info.question.id === id);
      const info = model.byId.get(id) as QuestionInfo;
      const was = before ? givenValue(before) : null;
      return {
        id,
        before: before?.state === 'na' ? 'na' : was,
        labelBefore: was === null ? null : label(info, was),
        after: a.value as NonNullable<QuestionExplanation['value']>,
        label: label(info, a.value),
        scoreBefore: r3(before?.score ?? null),
        scoreAfter: r3(after?.score ?? null),
      };
    });
    return {
      value: r1(p.gain),
      dimension: r1(p.dimensionGain),
      phase: p.phase,
      fix,
      overallBefore: r1(result.overall.score),
      overallAfter: r1(fixed?.overall.score ?? null),
      dimensionBefore: r1(dimScore(result)),
      dimensionAfter: fixed ? r1(dimScore(fixed)) : null,
      weight: result.dimensions.reduce((s, x) => s + (x.score === null ? 0 : x.weight), 0),
      terms: fixed ? termsOf(result, fixed) : [],
    };
  };

  const items: ExplanationItem[] = [];
  for (const id of ids) {
    for (const kind of kindsOf(model, id)) {
      if (kind === 'overall') items.push(overall());
      if (kind === 'dimension') items.push(dimension(result.dimensions.find((d) => d.dimension.id === id) as DimensionResult));
      if (kind === 'question') items.push(question(result.questions.find((q) => q.info.question.id === id) as QuestionResult));
      if (kind === 'rule') items.push(rule(model.rules.find((r) => r.id === id) as Rule));
    }
  }
  return {
    kamcheck: 1,
    kind: 'explanation',
    tool: { name: 'kamcheck', version: meta.toolVersion },
    questionnaire: { id: model.doc.id, version: model.doc.version, title: text(model.doc.title) },
    locale: meta.locale,
    date: meta.date,
    items,
  };
}

/** The overall gain split by dimension, (W_d / Σ W) × ΔS_d, when the overall score is the plain weighted mean on both sides. */
function termsOf(before: Result, after: Result): { dimension: string; weight: number; delta: number }[] {
  const plainMean = (res: Result) => res.overall.score !== null && res.overall.cappedBy.length === 0;
  const sameSet = before.dimensions.every((d, i) => (d.score === null) === (after.dimensions[i]?.score === null));
  if (!sameSet || !plainMean(before) || !plainMean(after)) return [];
  return before.dimensions.flatMap((d, i) => {
    const a = after.dimensions[i]?.score ?? null;
    if (d.score === null || a === null || snap(a - d.score) === 0) return [];
    return [{ dimension: d.dimension.id, weight: d.weight, delta: round(snap(a - d.score), 1) }];
  });
}
