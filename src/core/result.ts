import type { Diagnostic } from '../diagnostics.js';
import type { Dimension, Level, Rule, Severity } from '../schema/questionnaire.js';
import type { State } from './conditions.js';
import type { Canonical, QuestionInfo } from './model.js';

// What scoring gives (src/core/score.ts): a result for each question and dimension, the overall score and the
// remedies of the rules that fired, before any wording for a report.

/** One answer as read from an answers file, already checked and made canonical. */
export interface Answer {
  value?: Canonical;
  na?: boolean;
  note?: string;
  evidence?: string;
  /**
   * Where the answer was given, for a message about it, found only then: the fast reader keeps no positions of a
   * plain file and reads it again for the first one asked for.
   */
  at?: () => { file: string; line: number; column: number };
}
export type Answers = ReadonlyMap<string, Answer>;

export interface QuestionResult {
  info: QuestionInfo;
  state: State;
  /** The question score: of the answer, or the `skippedScore` of a skipped question that has one. */
  score: number | null;
  /** False for a question outside the respondent's perspective: not asked, in no sum, in no report. */
  asked: boolean;
  answer?: Answer;
}

export interface DimensionResult {
  dimension: Dimension;
  weight: number;
  raw: number | null;
  score: number | null;
  coverage: number;
  answered: number;
  applicable: number;
  cappedBy: string[];
  level: Level | null;
}

export interface Remedy {
  rule: Rule;
  index: number;
  severity: Severity;
  priority: number;
}

export interface Result {
  /** The perspective the answers speak for. */
  perspective: string;
  questions: QuestionResult[];
  dimensions: DimensionResult[];
  overall: {
    score: number | null;
    /** Weighted mean of the raw dimension scores (what `score: overall` conditions see). */
    raw: number | null;
    /** Weighted mean of the final dimension scores, before any overall cap. */
    uncapped: number | null;
    coverage: number;
    level: Level | null;
    /** The rules whose `overallCap` set the overall score, when a cap lowered it. */
    cappedBy: string[];
  };
  remedies: Remedy[];
  warnings: Diagnostic[];
}
