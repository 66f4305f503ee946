import * as z from 'zod/mini';
import { LocaleTag, NonEmpty, range } from './common.js';
import { SEVERITIES } from './constants.js';

export const FORMATS = ['terminal', 'markdown', 'json', 'html', 'csv'] as const;

const Score = range(0, 100);

/** kamcheck.config.yaml: the settings of a CI step, so that the step is one short command. Flags win over it. */
export const Config = z.strictObject({
  kamcheck: z.optional(z.literal(1)),
  /** Paths are relative to the folder of the config file. */
  questionnaire: z.optional(NonEmpty),
  lang: z.optional(LocaleTag),
  format: z.optional(z.enum(FORMATS)),
  baseline: z.optional(NonEmpty),
  gates: z.optional(
    z.strictObject({
      failUnder: z.optional(z.union([Score, z.record(z.string(), Score)])),
      minCoverage: z.optional(range(0, 1)),
      failOn: z.optional(z.enum(SEVERITIES)),
      maxDrop: z.optional(Score),
    }),
  ),
});
export type Config = z.infer<typeof Config>;
