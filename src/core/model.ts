import type { OptionValue } from '../schema/common.js';
import type { Dimension, Option, Perspective, Question, Questionnaire, Rule } from '../schema/questionnaire.js';

/** A question with everything scoring needs worked out once. */
export interface QuestionInfo {
  question: Question;
  dimension: Dimension;
  /** Position in the whole questionnaire, 0-based. */
  index: number;
  /** Position of the dimension. */
  dimensionIndex: number;
  weight: number;
  scored: boolean;
  options: Option[];
  /** Score of each option, in order (scale: given or linear; choice and multi: given or 0). */
  optionScores: number[];
  naAllowed: boolean;
  /** The perspectives asked this question (v1.1 `audience`, default the first perspective). */
  audience: readonly string[];
}

export interface Model {
  doc: Questionnaire;
  questions: QuestionInfo[];
  byId: Map<string, QuestionInfo>;
  dimensions: Dimension[];
  rules: Rule[];
  /** v1.1 perspectives; `[{ id: 'internal' }]` when the questionnaire declares none. */
  perspectives: Perspective[];
}

export const DEFAULT_PERSPECTIVE = 'internal';

export const dimensionWeight = (d: Dimension): number => d.weight ?? 1;
export const questionWeight = (q: Question): number => q.weight ?? (q.type === 'text' ? 0 : 1);

/** Index a shape-checked questionnaire. Unknown scales yield no options (validation reports them). */
export function buildModel(doc: Questionnaire): Model {
  const questions: QuestionInfo[] = [];
  const perspectives = doc.perspectives ?? [{ id: DEFAULT_PERSPECTIVE }];
  const first = [perspectives[0]?.id ?? DEFAULT_PERSPECTIVE];
  doc.dimensions.forEach((dimension, dimensionIndex) => {
    for (const question of dimension.questions) {
      const weight = questionWeight(question);
      let options: Option[] = [];
      let naAllowed = question.type !== 'text' && question.na === true;
      if (question.type === 'scale') {
        const scale = doc.scales && Object.hasOwn(doc.scales, question.scale) ? doc.scales[question.scale] : undefined;
        options = scale?.options ?? [];
        naAllowed ||= scale?.na === true;
      } else if (question.type === 'choice' || question.type === 'multi') {
        options = question.options;
      }
      const linear = question.type === 'scale' && options.every((o) => o.score === undefined);
      const optionScores = options.map((o, i) => (linear ? (options.length > 1 ? i / (options.length - 1) : 0) : (o.score ?? 0)));
      questions.push({
        question,
        dimension,
        index: questions.length,
        dimensionIndex,
        weight,
        scored: weight > 0 && question.type !== 'text',
        options,
        optionScores,
        naAllowed,
        audience: question.audience ?? first,
      });
    }
  });
  return {
    doc,
    questions,
    byId: new Map(questions.map((q) => [q.question.id, q])),
    dimensions: doc.dimensions,
    rules: doc.rules ?? [],
    perspectives,
  };
}

/** The perspective an answers file speaks for: its own, else the questionnaire's first. */
export const perspectiveOf = (model: Model, declared: string | undefined): string => declared ?? (model.perspectives[0]?.id as string);

/**
 * The questionnaire as one perspective sees it (SPEC §10): every question in that perspective's wording (`as`).
 * Scoring is unchanged (the audience still decides what is asked); prompts, templates and reports read the words.
 */
export function forPerspective(model: Model, perspective: string): Model {
  const worded = (q: Question): Question => {
    const w = q.as && Object.hasOwn(q.as, perspective) ? q.as[perspective] : undefined;
    if (!w) return q;
    const { help: _help, ...rest } = q;
    return { ...rest, text: w.text, ...(w.help !== undefined ? { help: w.help } : {}) } as Question;
  };
  if (!model.questions.some((q) => q.question.as && Object.hasOwn(q.question.as, perspective))) return model;
  const questions = model.questions.map((q) => ({ ...q, question: worded(q.question) }));
  return { ...model, questions, byId: new Map(questions.map((q) => [q.question.id, q])) };
}

/** The scored-rule phase (v1.1): `phase`, else effort low→1, medium→2, high→3, none→2. */
export const phaseOf = (rule: Rule): number => rule.phase ?? { low: 1, medium: 2, high: 3 }[rule.effort ?? 'medium'];

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** An answer matches an option when equal; a number and its decimal string are equal. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'string') return DECIMAL.test(b.trim()) && Number(b) === a;
  if (typeof b === 'number' && typeof a === 'string') return DECIMAL.test(a.trim()) && Number(a) === b;
  return false;
}

export function toBoolean(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toLowerCase();
  if (s === 'true' || s === 'yes') return true;
  if (s === 'false' || s === 'no') return false;
  return undefined;
}

export function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && DECIMAL.test(v.trim())) return Number(v);
  return undefined;
}

/** The canonical value of an answer (the option's own value, a boolean, a number), or undefined if not accepted. */
export type Canonical = OptionValue | boolean | OptionValue[];

export function findOption(info: QuestionInfo, raw: unknown): number {
  // A loop, not findIndex with a callback: a plan looks options up for every re-scored answer.
  const options = info.options;
  for (let i = 0; i < options.length; i++) if (sameValue((options[i] as { value: unknown }).value, raw)) return i;
  return -1;
}

/**
 * Canonical form of a single raw value for a question; `undefined` when it is not accepted.
 * Multi answers are checked element by element with `findOption`.
 */
export function canonicalize(info: QuestionInfo, raw: unknown): Canonical | undefined {
  const q = info.question;
  switch (q.type) {
    case 'scale':
    case 'choice': {
      const i = findOption(info, raw);
      return i < 0 ? undefined : info.options[i]?.value;
    }
    case 'multi': {
      if (!Array.isArray(raw)) return undefined;
      const out: OptionValue[] = [];
      for (const item of raw) {
        const i = findOption(info, item);
        if (i < 0) return undefined;
        out.push(info.options[i]?.value as OptionValue);
      }
      return out;
    }
    case 'boolean':
      return toBoolean(raw);
    case 'number': {
      const n = toNumber(raw);
      if (n === undefined) return undefined;
      if ((q.min !== undefined && n < q.min) || (q.max !== undefined && n > q.max)) return undefined;
      return n;
    }
    case 'text':
      return typeof raw === 'string' || typeof raw === 'number' ? String(raw) : undefined;
  }
}

/** Score in [0, 1] of a canonical answer. */
export function scoreOf(info: QuestionInfo, value: Canonical): number {
  const q = info.question;
  switch (q.type) {
    case 'scale':
    case 'choice':
      return info.optionScores[findOption(info, value)] ?? 0;
    case 'multi': {
      const chosen = value as OptionValue[];
      const sum = chosen.reduce<number>((s, v) => s + (info.optionScores[findOption(info, v)] ?? 0), 0);
      return Math.min(1, sum);
    }
    case 'boolean':
      return value === true ? (q.scores?.true ?? 1) : (q.scores?.false ?? 0);
    case 'number': {
      const n = value as number;
      const s = q.scoring;
      if (!s) return 0;
      if ('bands' in s) {
        let score = 0;
        for (const band of s.bands) if (band.min <= n) score = band.score;
        return score;
      }
      if (s.from === s.to) return n >= s.to ? 1 : 0;
      return Math.min(1, Math.max(0, (n - s.from) / (s.to - s.from)));
    }
    case 'text':
      return 0;
  }
}

/** True when every option value of the question is a number, so that lt/gt apply. */
export function isNumeric(info: QuestionInfo): boolean {
  if (info.question.type === 'number') return true;
  if (info.question.type === 'scale' || info.question.type === 'choice') {
    return info.options.length > 0 && info.options.every((o) => typeof o.value === 'number');
  }
  return false;
}

/** For templates and paper forms: only the questions a perspective is asked, in its wording, and the dimensions that have some. */
export function askedOf(model: Model, perspective: string): Model {
  const worded = forPerspective(model, perspective);
  const questions = worded.questions.filter((q) => q.audience.includes(perspective));
  const dimensions = worded.dimensions.filter((d) => questions.some((q) => q.dimension === d));
  return { ...worded, questions, dimensions, byId: new Map(questions.map((q) => [q.question.id, q])) };
}
