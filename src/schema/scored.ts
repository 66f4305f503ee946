import * as z from 'zod/mini';

const Level = z.nullable(z.object({ id: z.string() }));
const Score = z.nullable(z.number());

/**
 * What a comparison or a trend reads from a `kind: report` JSON document: only keys format v1 already had, so that a
 * report written by any kamcheck 1.x serves as a baseline.
 */
export const ScoredReport = z.object({
  kamcheck: z.literal(1),
  kind: z.literal('report'),
  questionnaire: z.object({ id: z.string(), version: z.string() }),
  locale: z.string(),
  respondent: z.optional(z.object({ organization: z.optional(z.string()) })),
  date: z.nullable(z.string()),
  overall: z.object({ score: Score, level: Level }),
  dimensions: z.array(z.object({ id: z.string(), score: Score, level: Level })),
  remedies: z.array(z.object({ id: z.string() })),
  answers: z.array(z.object({ id: z.string(), state: z.string(), value: z.unknown(), score: Score })),
});
export type ScoredReport = z.infer<typeof ScoredReport>;

/**
 * What `team --compare` reads from a `kind: team` JSON document: the scores, remedies and the respondents' dates (the
 * latest of which dates the baseline).
 */
export const ScoredTeam = z.object({
  kamcheck: z.literal(1),
  kind: z.literal('team'),
  questionnaire: z.object({ id: z.string(), version: z.string() }),
  overall: z.object({ score: Score, level: Level }),
  dimensions: z.array(z.object({ id: z.string(), score: Score, level: Level })),
  remedies: z.array(z.object({ id: z.string() })),
  people: z.array(z.object({ date: z.nullable(z.string()) })),
});
export type ScoredTeam = z.infer<typeof ScoredTeam>;
