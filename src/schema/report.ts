import * as z from 'zod/mini';
import { SEVERITIES } from './constants.js';

const LevelRef = z.nullable(z.object({ id: z.string(), title: z.string() }));
const Value = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]);

/** The JSON report (SPEC §8). Keys may be added, never removed without a format bump. */
export const Report = z.object({
  kamcheck: z.literal(1),
  kind: z.literal('report'),
  tool: z.object({ name: z.literal('kamcheck'), version: z.string() }),
  questionnaire: z.object({ id: z.string(), version: z.string(), title: z.string() }),
  locale: z.string(),
  respondent: z.object({
    name: z.optional(z.string()),
    role: z.optional(z.string()),
    organization: z.optional(z.string()),
    unit: z.optional(z.string()),
  }),
  date: z.nullable(z.string()),
  /** Who prepared the report (a consultant), from `report --prepared-by`. */
  preparedBy: z.optional(z.string()),
  overall: z.object({ score: z.nullable(z.number()), level: LevelRef, coverage: z.number() }),
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
      title: z.string(),
      why: z.nullable(z.string()),
      actions: z.array(z.string()),
      effort: z.nullable(z.enum(['low', 'medium', 'high'])),
      horizon: z.nullable(z.string()),
      refs: z.array(z.string()),
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
});
export type Report = z.infer<typeof Report>;
