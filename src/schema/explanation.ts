import * as z from 'zod/mini';
import { SEVERITIES, STATES } from './constants.js';
import { documentHead } from './document.js';

const Value = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]);
const LevelRef = z.nullable(z.object({ id: z.string(), title: z.string() }));
/** A level with where it starts, for the boundaries around a score. */
const Bound = z.nullable(z.object({ id: z.string(), title: z.string(), min: z.number() }));
const Levels = { level: LevelRef, levelFrom: Bound, nextLevel: Bound };
const Cap = z.object({ rule: z.string(), title: z.string(), cap: z.number(), lowered: z.boolean() });
const Num = z.nullable(z.number());

export interface ConditionNode {
  kind: 'all' | 'any' | 'not' | 'answer' | 'questionScore' | 'score';
  holds: boolean;
  /** Leaves: the question, dimension or `overall` looked at. */
  id?: string;
  /** Leaves: the test, e.g. `lte` or `is`. */
  op?: string;
  expected?: unknown;
  /** Leaves: what the condition saw (answer value, state, question score or raw score); null when nothing. */
  actual?: unknown;
  /** Leaves on answers: the answer as people read it. */
  label?: string | null;
  children?: ConditionNode[];
}

export const ConditionNode: z.ZodMiniType<ConditionNode> = z.lazy(() =>
  z.object({
    kind: z.enum(['all', 'any', 'not', 'answer', 'questionScore', 'score']),
    holds: z.boolean(),
    id: z.optional(z.string()),
    op: z.optional(z.string()),
    expected: z.optional(z.unknown()),
    actual: z.optional(z.unknown()),
    label: z.optional(z.nullable(z.string())),
    children: z.optional(z.array(ConditionNode)),
  }),
);

const QuestionRow = z.object({
  id: z.string(),
  text: z.string(),
  state: z.enum(STATES),
  value: z.nullable(Value),
  label: z.nullable(z.string()),
  score: Num,
  weight: z.number(),
  /** w_q × s_q, for answered questions. */
  contribution: Num,
});

export const DimensionExplanation = z.object({
  type: z.literal('dimension'),
  id: z.string(),
  title: z.string(),
  weight: z.number(),
  questions: z.array(QuestionRow),
  /** Σ w_q s_q and Σ w_q over the answered questions. */
  weighted: z.number(),
  answeredWeight: z.number(),
  applicableWeight: z.number(),
  rawScore: Num,
  caps: z.array(Cap),
  score: Num,
  coverage: z.number(),
  ...Levels,
});

export const OverallExplanation = z.object({
  type: z.literal('overall'),
  dimensions: z.array(z.object({ id: z.string(), title: z.string(), weight: z.number(), score: Num, contribution: Num })),
  /** Σ W_d S_d and Σ W_d over the dimensions with a score. */
  weighted: z.number(),
  weight: z.number(),
  mean: Num,
  caps: z.array(Cap),
  score: Num,
  coverage: z.number(),
  ...Levels,
});

export const QuestionExplanation = z.object({
  type: z.literal('question'),
  id: z.string(),
  dimension: z.string(),
  text: z.string(),
  state: z.enum(STATES),
  value: z.nullable(Value),
  label: z.nullable(z.string()),
  score: Num,
  weight: z.number(),
  rules: z.array(z.object({ id: z.string(), title: z.string(), fired: z.boolean() })),
});

export const RuleExplanation = z.object({
  type: z.literal('rule'),
  id: z.string(),
  title: z.string(),
  dimension: z.nullable(z.string()),
  severity: z.enum(SEVERITIES),
  fired: z.boolean(),
  condition: ConditionNode,
  cap: Num,
  overallCap: Num,
  /** priority = sev × rule weight × ratio × gap (null when the rule did not fire). */
  priority: z.nullable(
    z.object({
      value: z.number(),
      sev: z.number(),
      ruleWeight: z.number(),
      dimensionWeight: Num,
      meanWeight: z.number(),
      ratio: z.number(),
      score: Num,
      gap: z.number(),
    }),
  ),
  /** gain = overall with the fix − overall now; `terms` split it by dimension as (W_d / Σ W) × ΔS_d when that is exact. */
  gain: z.nullable(
    z.object({
      value: Num,
      dimension: Num,
      phase: z.union([z.literal(1), z.literal(2), z.literal(3)]),
      fix: z.array(
        z.object({
          id: z.string(),
          before: z.nullable(Value),
          labelBefore: z.nullable(z.string()),
          after: Value,
          label: z.string(),
          scoreBefore: Num,
          scoreAfter: Num,
        }),
      ),
      overallBefore: Num,
      overallAfter: Num,
      dimensionBefore: Num,
      dimensionAfter: Num,
      weight: z.number(),
      terms: z.array(z.object({ dimension: z.string(), weight: z.number(), delta: z.number() })),
    }),
  ),
});

export const Explanation = z.object({
  ...documentHead('explanation'),
  date: z.nullable(z.string()),
  items: z.array(z.union([OverallExplanation, DimensionExplanation, QuestionExplanation, RuleExplanation])),
});
export type Explanation = z.infer<typeof Explanation>;
export type ExplanationItem = Explanation['items'][number];
export type DimensionExplanation = z.infer<typeof DimensionExplanation>;
export type OverallExplanation = z.infer<typeof OverallExplanation>;
export type QuestionExplanation = z.infer<typeof QuestionExplanation>;
export type RuleExplanation = z.infer<typeof RuleExplanation>;
