import * as z from 'zod/mini';
import { SEVERITIES } from './constants.js';
import { documentHead } from './document.js';

const LevelRef = z.nullable(z.object({ id: z.string(), title: z.string() }));
const Value = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]);

const Score = z.nullable(z.number());

/** SPEC §11: before → after of two scored documents (also a what-if against the answers as given, §12). */
export const Comparison = z.object({
  baseline: z.object({ file: z.nullable(z.string()), date: z.nullable(z.string()) }),
  overall: z.object({ before: Score, after: Score, delta: Score, levelBefore: z.nullable(z.string()), levelAfter: z.nullable(z.string()) }),
  dimensions: z.array(
    z.object({
      id: z.string(),
      before: Score,
      after: Score,
      delta: Score,
      levelBefore: z.nullable(z.string()),
      levelAfter: z.nullable(z.string()),
    }),
  ),
  remedies: z.object({ new: z.array(z.string()), resolved: z.array(z.string()), persisting: z.array(z.string()) }),
  /** The title of every remedy named above, in the document's language (team documents). */
  titles: z.optional(z.record(z.string(), z.string())),
  answers: z.optional(z.array(z.object({ id: z.string(), before: z.nullable(Value), after: z.nullable(Value), delta: Score }))),
});
export type Comparison = z.infer<typeof Comparison>;

/** SPEC §12: remedies by phase with the scores projected after each phase. */
export const RoadmapPhase = z.object({
  phase: z.int(),
  remedies: z.array(z.string()),
  projected: z.object({ overall: Score, level: z.nullable(z.string()), dimensions: z.record(z.string(), Score) }),
});
export const Target = z.object({
  id: z.string(),
  target: z.number(),
  score: Score,
  gap: z.number(),
  reachedInPhase: z.nullable(z.int()),
});

/** What a remedy says (core/report.ts `ruleTexts`): the same keys in a report and a team document. */
export const RemedyTexts = {
  title: z.string(),
  why: z.nullable(z.string()),
  actions: z.array(z.string()),
  effort: z.nullable(z.enum(['low', 'medium', 'high'])),
  horizon: z.nullable(z.string()),
  refs: z.array(z.string()),
};

/** The JSON report (SPEC §8, with the v1.1 additions of §10–§12). Keys may be added, never removed without a format bump. */
export const Report = z.object({
  ...documentHead('report'),
  respondent: z.object({
    name: z.optional(z.string()),
    role: z.optional(z.string()),
    organization: z.optional(z.string()),
    unit: z.optional(z.string()),
  }),
  date: z.nullable(z.string()),
  /** Who prepared the report (a consultant), from `report --prepared-by`. */
  preparedBy: z.optional(z.string()),
  /** v1.1: the perspective the answers speak for (SPEC §10). */
  perspective: z.string(),
  overall: z.object({
    score: z.nullable(z.number()),
    level: LevelRef,
    coverage: z.number(),
    /** v1.1: the weighted mean of the dimension scores before any overall cap. */
    uncappedScore: z.nullable(z.number()),
    /** v1.1: the rules whose `overallCap` set the overall score. */
    cappedBy: z.array(z.string()),
  }),
  /** The questionnaire's levels, lowest first, so a report can say what a level means and what the next one takes. */
  levels: z.optional(z.array(z.object({ id: z.string(), title: z.string(), min: z.number(), description: z.nullable(z.string()) }))),
  dimensions: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      weight: z.number(),
      score: z.nullable(z.number()),
      rawScore: z.nullable(z.number()),
      level: LevelRef,
      coverage: z.number(),
      answered: z.int(),
      applicable: z.int(),
      cappedBy: z.array(z.string()),
    }),
  ),
  remedies: z.array(
    z.object({
      id: z.string(),
      dimension: z.nullable(z.string()),
      severity: z.enum(SEVERITIES),
      priority: z.number(),
      ...RemedyTexts,
      /** v1.1: roadmap phase 1–3 (SPEC §12). */
      phase: z.int(),
      cap: z.nullable(z.number()),
      overallCap: z.nullable(z.number()),
      /** v1.1: points the fix adds to the overall score and to the remedy's dimension (SPEC §12). */
      gain: Score,
      dimensionGain: Score,
    }),
  ),
  answers: z.array(
    z.object({
      id: z.string(),
      dimension: z.string(),
      text: z.string(),
      state: z.enum(['answered', 'unanswered', 'na', 'skipped']),
      value: z.nullable(Value),
      label: z.nullable(z.string()),
      score: z.nullable(z.number()),
      weight: z.number(),
      note: z.optional(z.string()),
      evidence: z.optional(z.string()),
    }),
  ),
  warnings: z.array(z.object({ code: z.string(), message: z.string(), file: z.string(), line: z.int(), column: z.int() })),
  roadmap: z.array(RoadmapPhase),
  targets: z.array(Target),
  whatIf: z.optional(z.array(z.object({ id: z.string(), value: z.nullable(Value) }))),
  comparison: z.optional(Comparison),
});
export type Report = z.infer<typeof Report>;
