import type { Strings } from '../i18n/ui.js';
import type { Report } from '../schema/report.js';

// Number formats and score bands shared by every renderer; no terminal dependencies, so JSON and markdown stay light.

/** The band a 0–100 score falls in, shared by every renderer. */
export type Band = 'low' | 'mid' | 'high' | 'none';
export function band(score: number | null): Band {
  if (score === null) return 'none';
  return score < 40 ? 'low' : score < 70 ? 'mid' : 'high';
}

/** The title of a remedy's dimension, for people; cross-cutting remedies have none. */
export const dimensionTitle = (report: Report, id: string | null): string | null =>
  id === null ? null : (report.dimensions.find((d) => d.id === id)?.title ?? id);

/** What to say when no remedy fired: that all is well, or that nothing was answered to judge by. */
export const noRemediesText = (report: Report, t: Strings): string => (report.overall.score === null ? t.nothingAnswered : t.noRemedies);

/** Format a 0–100 score with one decimal, as every report shows it. */
export const fmtScore = (s: number | null, none: string): string => (s === null ? none : s.toFixed(1));
export const fmtPercent = (r: number): string => `${Math.round(r * 100)}%`;
