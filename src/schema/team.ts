import * as z from 'zod/mini';
import { SEVERITIES } from './constants.js';
import { documentHead } from './document.js';
import { Comparison, RemedyTexts } from './report.js';

const LevelRef = z.nullable(z.object({ id: z.string(), title: z.string() }));
const Value = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]);
const Score = z.nullable(z.number());
const Group = z.nullable(z.string());
const Consensus = z.nullable(z.enum(['high', 'medium', 'low']));
const Respondent = z.object({
  name: z.optional(z.string()),
  role: z.optional(z.string()),
  organization: z.optional(z.string()),
  unit: z.optional(z.string()),
});

/** Scores of one dimension over several respondents (SPEC §10 steps 1–2). */
const Spread = {
  n: z.int(),
  median: Score,
  min: Score,
  max: Score,
  sd: Score,
  consensus: Consensus,
};

/** The team document (SPEC §10, `kind: "team"`). Keys may be added, never removed without a format bump. */
export const TeamReport = z.object({
  ...documentHead('team'),
  respondents: z.int(),
  perspective: z.string(),
  by: z.enum(['role', 'unit', 'organization']),
  disagree: z.number(),
  overall: z.object({ score: Score, level: LevelRef, coverage: z.number() }),
  dimensions: z.array(
    z.object({ id: z.string(), title: z.string(), weight: z.number(), score: Score, level: LevelRef, coverage: z.number(), ...Spread }),
  ),
  groups: z.array(z.object({ value: Group, n: z.int(), overall: Score, dimensions: z.record(z.string(), Score) })),
  gaps: z.array(
    z.object({
      dimension: z.string(),
      gap: z.number(),
      flagged: z.boolean(),
      low: z.object({ group: Group, score: z.number() }),
      high: z.object({ group: Group, score: z.number() }),
    }),
  ),
  disputed: z.array(
    z.object({
      id: z.string(),
      dimension: z.string(),
      text: z.string(),
      n: z.int(),
      mean: z.number(),
      min: z.number(),
      max: z.number(),
      spread: z.number(),
      answers: z.array(z.object({ value: Value, label: z.string(), score: z.number(), count: z.int(), groups: z.array(Group) })),
    }),
  ),
  remedies: z.array(
    z.object({
      id: z.string(),
      dimension: z.nullable(z.string()),
      severity: z.enum(SEVERITIES),
      priority: z.number(),
      fired: z.int(),
      of: z.int(),
      groups: z.array(Group),
      ...RemedyTexts,
    }),
  ),
  perspectives: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      respondents: z.int(),
      dimensions: z.array(z.object({ id: z.string(), title: z.string(), score: Score, gap: Score, ...Spread })),
      questions: z.array(
        z.object({ id: z.string(), dimension: z.string(), text: z.string(), internal: z.number(), other: z.number(), gap: z.number() }),
      ),
    }),
  ),
  people: z.array(
    z.object({
      file: z.string(),
      respondent: Respondent,
      perspective: z.string(),
      date: z.nullable(z.string()),
      overall: Score,
      level: z.nullable(z.string()),
      coverage: z.number(),
      dimensions: z.record(z.string(), Score),
    }),
  ),
  warnings: z.array(z.object({ code: z.string(), message: z.string(), file: z.string(), line: z.int(), column: z.int() })),
  /** With `--compare` (SPEC §11): the change since the baseline; never an `answers` list. */
  comparison: z.optional(Comparison),
});
export type TeamReport = z.infer<typeof TeamReport>;
