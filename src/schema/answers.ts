import * as z from 'zod/mini';
import { LocaleTag, range, SafeString, Slug } from './common.js';

export const AnswerValue = z.union([SafeString, z.number(), z.boolean(), z.null(), z.array(z.union([SafeString, z.number()]))]);
export type AnswerValue = z.infer<typeof AnswerValue>;

export const AnswerEntry = z.union([
  AnswerValue,
  z.strictObject({
    value: z.optional(AnswerValue),
    note: z.optional(SafeString),
    evidence: z.optional(SafeString),
  }),
]);
export type AnswerEntry = z.infer<typeof AnswerEntry>;

/** True for a real day: Date.parse would roll 2026-02-30 over to March 2. */
function isCalendarDay(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const IsoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'iso-date' }), z.refine(isCalendarDay, { error: 'iso-date' }));

export const Respondent = z.strictObject({
  name: z.optional(SafeString),
  role: z.optional(SafeString),
  organization: z.optional(SafeString),
  unit: z.optional(SafeString),
});
export type Respondent = z.infer<typeof Respondent>;

export const AnswersFile = z.strictObject({
  kamcheck: z.literal(1),
  questionnaire: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*(@[^\s@]+)?$/, { error: 'questionnaire-ref' })),
  respondent: z.optional(Respondent),
  date: z.optional(IsoDate),
  locale: z.optional(LocaleTag),
  /** v1.1: who answered (a perspective id of the questionnaire); default its first perspective. */
  perspective: z.optional(Slug),
  /** v1.1: target scores, `overall` or a dimension id → 0–100. */
  targets: z.optional(z.record(Slug, range(0, 100))),
  answers: z.optional(z.record(z.string(), AnswerEntry)),
});
export type AnswersFile = z.infer<typeof AnswersFile>;
