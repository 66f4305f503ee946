import { z } from 'zod';
import { LocaleTag, OptionValue, SafeString, Slug, Text } from './common.js';

const Scalar = z.union([SafeString, z.number(), z.boolean()]);
const Op = {
  eq: z.union([Scalar, z.array(Scalar)]).optional(),
  ne: z.union([Scalar, z.array(Scalar)]).optional(),
  lt: z.number().optional(),
  lte: z.number().optional(),
  gt: z.number().optional(),
  gte: z.number().optional(),
  in: z.array(Scalar).optional(),
  notIn: z.array(Scalar).optional(),
};
export const COMPARISONS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'notIn'] as const;
export const STATES = ['answered', 'unanswered', 'na', 'skipped'] as const;

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | ({ answer: string; is?: (typeof STATES)[number]; includes?: z.infer<typeof Scalar> } & OpValues)
  | ({ questionScore: string } & OpValues)
  | ({ score: string } & OpValues);
type OpValues = { [K in keyof typeof Op]?: z.infer<(typeof Op)[K]> };

/** Conditions are data; the branch is picked by its leading key (see load/issues.ts). */
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
    z.strictObject({ answer: Slug, ...Op, includes: Scalar.optional(), is: z.enum(STATES).optional() }),
    z.strictObject({ questionScore: Slug, ...Op }),
    z.strictObject({ score: Slug, ...Op }),
  ]),
);
export const CONDITION_KEYS = ['all', 'any', 'not', 'answer', 'questionScore', 'score'] as const;

const Unit = z.number().min(0).max(1);
export const Option = z.strictObject({
  value: OptionValue,
  label: Text,
  description: Text.optional(),
  score: Unit.optional(),
});
export type Option = z.infer<typeof Option>;

export const Scale = z.strictObject({
  na: z.boolean().optional(),
  options: z.array(Option).min(2),
});
export type Scale = z.infer<typeof Scale>;

const QuestionBase = {
  id: Slug,
  text: Text,
  help: Text.optional(),
  weight: z.number().min(0).max(1000).optional(),
  when: Condition.optional(),
  refs: z.array(SafeString).optional(),
};
const Na = { na: z.boolean().optional() };

export const Question = z.discriminatedUnion('type', [
  z.strictObject({ ...QuestionBase, ...Na, type: z.literal('scale'), scale: Slug }),
  z.strictObject({ ...QuestionBase, ...Na, type: z.literal('choice'), options: z.array(Option).min(2) }),
  z.strictObject({ ...QuestionBase, ...Na, type: z.literal('multi'), options: z.array(Option).min(1) }),
  z.strictObject({
    ...QuestionBase,
    ...Na,
    type: z.literal('boolean'),
    scores: z.strictObject({ true: Unit, false: Unit }).optional(),
  }),
  z.strictObject({
    ...QuestionBase,
    ...Na,
    type: z.literal('number'),
    min: z.number().optional(),
    max: z.number().optional(),
    unit: Text.optional(),
    scoring: z
      .union([
        z.strictObject({ from: z.number(), to: z.number() }),
        z.strictObject({ bands: z.array(z.strictObject({ min: z.number(), score: Unit })).min(1) }),
      ])
      .optional(),
  }),
  z.strictObject({ ...QuestionBase, type: z.literal('text') }),
]);
export type Question = z.infer<typeof Question>;
export const QUESTION_TYPES = ['scale', 'choice', 'multi', 'boolean', 'number', 'text'] as const;

export const Level = z.strictObject({
  id: Slug,
  min: z.number().min(0).max(100),
  title: Text,
  description: Text.optional(),
});
export type Level = z.infer<typeof Level>;

export const Dimension = z.strictObject({
  id: Slug,
  title: Text,
  description: Text.optional(),
  weight: z.number().gt(0).max(1000).optional(),
  questions: z.array(Question).min(1),
});
export type Dimension = z.infer<typeof Dimension>;

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const Rule = z.strictObject({
  id: Slug,
  dimension: Slug.optional(),
  when: Condition,
  severity: z.enum(SEVERITIES).optional(),
  weight: z.number().gt(0).max(1000).optional(),
  cap: z.number().min(0).max(100).optional(),
  title: Text,
  why: Text.optional(),
  actions: z.array(Text).min(1),
  effort: z.enum(['low', 'medium', 'high']).optional(),
  horizon: Text.optional(),
  refs: z.array(SafeString).optional(),
});
export type Rule = z.infer<typeof Rule>;

export const Questionnaire = z.strictObject({
  kamcheck: z.literal(1),
  id: Slug,
  version: SafeString.min(1),
  locales: z.array(LocaleTag).min(1),
  title: Text,
  description: Text.optional(),
  levels: z.array(Level).min(2),
  scales: z.record(Slug, Scale).optional(),
  dimensions: z.array(Dimension).min(1),
  rules: z.array(Rule).optional(),
});
export type Questionnaire = z.infer<typeof Questionnaire>;
