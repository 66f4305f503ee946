import { z } from 'zod';
import { LocaleTag, SafeString } from './common.js';

export const AnswerValue = z.union([SafeString, z.number(), z.boolean(), z.null(), z.array(z.union([SafeString, z.number()]))]);
export type AnswerValue = z.infer<typeof AnswerValue>;

export const AnswerEntry = z.union([
  AnswerValue,
  z.strictObject({
    value: AnswerValue.optional(),
    note: SafeString.optional(),
    evidence: SafeString.optional(),
  }),
]);
export type AnswerEntry = z.infer<typeof AnswerEntry>;

const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'iso-date' })
  .refine((s) => !Number.isNaN(Date.parse(s)), { error: 'iso-date' });

export const Respondent = z.strictObject({
  name: SafeString.optional(),
  role: SafeString.optional(),
  organization: SafeString.optional(),
  unit: SafeString.optional(),
});
export type Respondent = z.infer<typeof Respondent>;

export const AnswersFile = z.strictObject({
  kamcheck: z.literal(1),
  questionnaire: z.string().regex(/^[a-z0-9][a-z0-9-]*(@[^\s@]+)?$/, { error: 'questionnaire-ref' }),
  respondent: Respondent.optional(),
  date: IsoDate.optional(),
  locale: LocaleTag.optional(),
  answers: z.record(z.string(), AnswerEntry).optional(),
});
export type AnswersFile = z.infer<typeof AnswersFile>;
