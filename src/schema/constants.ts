// Names the format fixes, kept apart from the zod schemas so that code needing only these does not build them.

export const COMPARISONS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'notIn'] as const;
export const STATES = ['answered', 'unanswered', 'na', 'skipped'] as const;
export const CONDITION_KEYS = ['all', 'any', 'not', 'answer', 'questionScore', 'score'] as const;
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Ids of dimensions, questions, rules, perspectives: lower case, digits and dashes. */
export const SLUG = /^[a-z0-9][a-z0-9-]*$/;
