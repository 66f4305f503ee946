import { z } from 'zod';
import { SEVERITIES } from './questionnaire.js';

const LevelRef = z.object({ id: z.string(), title: z.string() }).nullable();
const Value = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]);

/** The JSON report (SPEC §8). Keys may be added, never removed without a format bump. */
export const Report = z.object({
  kamcheck: z.literal(1),
  kind: z.literal('report'),
  tool: z.object({ name: z.literal('kamcheck'), version: z.string() }),
  questionnaire: z.object({ id: z.string(), version: z.string(), title: z.string() }),
  locale: z.string(),
  respondent: z.object({
    name: z.string().optional(),
    role: z.string().optional(),
    organization: z.string().optional(),
    unit: z.string().optional(),
  }),
  date: z.string().nullable(),
  overall: z.object({ score: z.number().nullable(), level: LevelRef, coverage: z.number() }),
  dimensions: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      weight: z.number(),
      score: z.number().nullable(),
      rawScore: z.number().nullable(),
      level: LevelRef,
      coverage: z.number(),
      answered: z.number().int(),
      applicable: z.number().int(),
      cappedBy: z.array(z.string()),
    }),
  ),
  remedies: z.array(
    z.object({
      id: z.string(),
      dimension: z.string().nullable(),
      severity: z.enum(SEVERITIES),
      priority: z.number(),
      title: z.string(),
      why: z.string().nullable(),
      actions: z.array(z.string()),
      effort: z.enum(['low', 'medium', 'high']).nullable(),
      horizon: z.string().nullable(),
      refs: z.array(z.string()),
    }),
  ),
  answers: z.array(
    z.object({
      id: z.string(),
      dimension: z.string(),
      text: z.string(),
      state: z.enum(['answered', 'unanswered', 'na', 'skipped']),
      value: Value.nullable(),
      label: z.string().nullable(),
      score: z.number().nullable(),
      weight: z.number(),
      note: z.string().optional(),
      evidence: z.string().optional(),
    }),
  ),
  warnings: z.array(
    z.object({ code: z.string(), message: z.string(), file: z.string(), line: z.number().int(), column: z.number().int() }),
  ),
});
export type Report = z.infer<typeof Report>;
