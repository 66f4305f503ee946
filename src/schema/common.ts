// Schemas use zod/mini: the same checks and issues as classic zod in a fraction of the start-up time.
import * as z from 'zod/mini';
import { TEXT_CONTROL_CHARS } from '../load/source.js';
import { SLUG } from './constants.js';

export { SLUG } from './constants.js';

export const Slug = z.string().check(z.regex(SLUG, { error: 'slug' }));
export const LocaleTag = z.string().check(z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'locale-tag' }));

/** A string that cannot smuggle terminal control sequences into a report. */
export const SafeString = z.string().check(z.refine((s) => !TEXT_CONTROL_CHARS.test(s), { error: 'control-char-in-string' }));
/** Text that belongs on one line (a name, an organisation): a line break in it could forge a line of a report. */
export const OneLine = SafeString.check(z.refine((s) => !s.includes('\n'), { error: 'one-line' }));
export const NonEmpty = z.string().check(
  z.minLength(1),
  z.refine((s) => !TEXT_CONTROL_CHARS.test(s), { error: 'control-char-in-string' }),
);

/** Human-facing text: one string for every locale, or a string per locale. */
export const Text = z.union([SafeString, z.record(LocaleTag, SafeString)]);
export type Text = z.infer<typeof Text>;

export const OptionValue = z.union([NonEmpty, z.number()]);
export type OptionValue = z.infer<typeof OptionValue>;

export const Unit = z.number().check(z.gte(0), z.lte(1));
export const range = (min: number, max: number) => z.number().check(z.gte(min), z.lte(max));
export const positive = (max: number) => z.number().check(z.gt(0), z.lte(max));
export const atLeast = <T extends z.core.$ZodType>(n: number, item: T) => z.array(item).check(z.minLength(n));
