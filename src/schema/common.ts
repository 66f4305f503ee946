import { z } from 'zod';
import { CONTROL_CHARS } from '../load/yaml.js';

export const SLUG = /^[a-z0-9][a-z0-9-]*$/;
export const Slug = z.string().regex(SLUG, { error: 'slug' });
export const LocaleTag = z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'locale-tag' });

/** A string that cannot smuggle terminal control sequences into a report. */
export const SafeString = z.string().refine((s) => !CONTROL_CHARS.test(s), { error: 'control-char-in-string' });

/** Human-facing text: one string for every locale, or a string per locale. */
export const Text = z.union([SafeString, z.record(LocaleTag, SafeString)]);
export type Text = z.infer<typeof Text>;

export const OptionValue = z.union([SafeString.min(1), z.number()]);
export type OptionValue = z.infer<typeof OptionValue>;
