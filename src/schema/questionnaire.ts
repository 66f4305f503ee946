import * as z from 'zod/mini';
import { atLeast, LocaleTag, NonEmpty, OptionValue, positive, range, SafeString, Slug, Text, Unit } from './common.js';
import { SEVERITIES, STATES } from './constants.js';

const Scalar = z.union([SafeString, z.number(), z.boolean()]);
const Op = {
  eq: z.optional(z.union([Scalar, z.array(Scalar)])),
  ne: z.optional(z.union([Scalar, z.array(Scalar)])),
  lt: z.optional(z.number()),
  lte: z.optional(z.number()),
  gt: z.optional(z.number()),
  gte: z.optional(z.number()),
  in: z.optional(z.array(Scalar)),
  notIn: z.optional(z.array(Scalar)),
};

type OpValues = { [K in keyof typeof Op]?: z.infer<(typeof Op)[K]> };
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | ({ answer: string; is?: (typeof STATES)[number]; includes?: z.infer<typeof Scalar> } & OpValues)
  | ({ questionScore: string } & OpValues)
  | ({ score: string } & OpValues);

/** Conditions are data; the branch is picked by its leading key (see load/issues.ts). */
export const Condition: z.ZodMiniType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: atLeast(1, Condition) }),
    z.strictObject({ any: atLeast(1, Condition) }),
    z.strictObject({ not: Condition }),
    z.strictObject({ answer: Slug, ...Op, includes: z.optional(Scalar), is: z.optional(z.enum(STATES)) }),
    z.strictObject({ questionScore: Slug, ...Op }),
    z.strictObject({ score: Slug, ...Op }),
  ]),
);

export const Option = z.strictObject({
  value: OptionValue,
  label: Text,
  description: z.optional(Text),
  score: z.optional(Unit),
});
export type Option = z.infer<typeof Option>;

export const Scale = z.strictObject({
  na: z.optional(z.boolean()),
  options: atLeast(2, Option),
});
export type Scale = z.infer<typeof Scale>;

export const Wording = z.strictObject({ text: Text, help: z.optional(Text) });
export type Wording = z.infer<typeof Wording>;

const QuestionBase = {
  id: Slug,
  text: Text,
  help: z.optional(Text),
  weight: z.optional(range(0, 1000)),
  when: z.optional(Condition),
  refs: z.optional(z.array(SafeString)),
  /** v1.1: when skipped by `when`, the question counts as answered with this score. */
  skippedScore: z.optional(Unit),
  /** v1.1: the perspectives asked this question (default: the first perspective). */
  audience: z.optional(atLeast(1, Slug)),
  /** v1.1: the wording another perspective sees; options stay the same. */
  as: z.optional(z.record(Slug, Wording)),
};
const Na = { na: z.optional(z.boolean()) };

export const Question = z.discriminatedUnion('type', [
  z.strictObject({ ...QuestionBase, ...Na, type: z.literal('scale'), scale: Slug }),
  z.strictObject({ ...QuestionBase, ...Na, type: z.literal('choice'), options: atLeast(2, Option) }),
  z.strictObject({ ...QuestionBase, ...Na, type: z.literal('multi'), options: atLeast(1, Option) }),
  z.strictObject({ ...QuestionBase, ...Na, type: z.literal('boolean'), scores: z.optional(z.strictObject({ true: Unit, false: Unit })) }),
  z.strictObject({
    ...QuestionBase,
    ...Na,
    type: z.literal('number'),
    min: z.optional(z.number()),
    max: z.optional(z.number()),
    unit: z.optional(Text),
    scoring: z.optional(
      z.union([
        z.strictObject({ from: z.number(), to: z.number() }),
        z.strictObject({ bands: atLeast(1, z.strictObject({ min: z.number(), score: Unit })) }),
      ]),
    ),
  }),
  z.strictObject({ ...QuestionBase, type: z.literal('text') }),
]);
export type Question = z.infer<typeof Question>;

export const Level = z.strictObject({
  id: Slug,
  min: range(0, 100),
  title: Text,
  description: z.optional(Text),
});
export type Level = z.infer<typeof Level>;

export const Dimension = z.strictObject({
  id: Slug,
  title: Text,
  description: z.optional(Text),
  weight: z.optional(positive(1000)),
  questions: atLeast(1, Question),
});
export type Dimension = z.infer<typeof Dimension>;

export const Rule = z.strictObject({
  id: Slug,
  dimension: z.optional(Slug),
  when: Condition,
  severity: z.optional(z.enum(SEVERITIES)),
  weight: z.optional(positive(1000)),
  cap: z.optional(range(0, 100)),
  /** v1.1: the overall score is at most this when the rule fires. */
  overallCap: z.optional(range(0, 100)),
  /** v1.1: roadmap phase; default from effort. */
  phase: z.optional(z.int().check(z.gte(1), z.lte(3))),
  title: Text,
  why: z.optional(Text),
  actions: atLeast(1, Text),
  effort: z.optional(z.enum(['low', 'medium', 'high'])),
  horizon: z.optional(Text),
  refs: z.optional(z.array(SafeString)),
});
export type Rule = z.infer<typeof Rule>;

export const Perspective = z.strictObject({
  id: Slug,
  title: z.optional(Text),
  description: z.optional(Text),
});
export type Perspective = z.infer<typeof Perspective>;

export const Questionnaire = z.strictObject({
  kamcheck: z.literal(1),
  id: Slug,
  version: NonEmpty,
  locales: atLeast(1, LocaleTag),
  title: Text,
  description: z.optional(Text),
  levels: atLeast(2, Level),
  scales: z.optional(z.record(Slug, Scale)),
  perspectives: z.optional(atLeast(1, Perspective)),
  dimensions: atLeast(1, Dimension),
  rules: z.optional(z.array(Rule)),
});
export type Questionnaire = z.infer<typeof Questionnaire>;

export { COMPARISONS, CONDITION_KEYS, SEVERITIES, type Severity, STATES } from './constants.js';
