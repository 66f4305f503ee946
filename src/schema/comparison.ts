import * as z from 'zod/mini';

const Value = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]);
const Level = z.nullable(z.string());
const Score = z.nullable(z.number());

/** Before and after of one score (SPEC §11): delta = after − before on the 1-decimal numbers, null when either is null. */
const Change = z.object({ before: Score, after: Score, delta: Score, levelBefore: Level, levelAfter: Level });

/** The `comparison` of a report or team document against a baseline (SPEC §11). */
export const Comparison = z.object({
  baseline: z.object({ file: z.string(), date: z.nullable(z.string()) }),
  overall: Change,
  dimensions: z.array(z.object({ id: z.string(), ...Change.shape })),
  remedies: z.object({ new: z.array(z.string()), resolved: z.array(z.string()), persisting: z.array(z.string()) }),
  /** Only between two answers files: each answer whose value changed; `na` stands for not applicable, null for no answer. */
  answers: z.optional(z.array(z.object({ id: z.string(), before: z.nullable(Value), after: z.nullable(Value), delta: Score }))),
});
export type Comparison = z.infer<typeof Comparison>;
