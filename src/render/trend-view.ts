import type { Trend } from '../schema/trend.js';

/** One series of a trend: the overall score or one dimension, across the dates. */
export interface Series {
  id: string;
  title: string;
  scores: (number | null)[];
  levels: (string | null)[];
  /** Of the latest date. */
  deltaFirst: number | null;
  deltaPrevious: number | null;
}

/** The overall score first, then each dimension, as rows over the dates. */
export function seriesOf(trend: Trend, overallTitle: string): Series[] {
  const last = trend.points[trend.points.length - 1];
  const overall: Series = {
    id: 'overall',
    title: overallTitle,
    scores: trend.points.map((p) => p.overall.score),
    levels: trend.points.map((p) => p.overall.level),
    deltaFirst: last?.overall.deltaFirst ?? null,
    deltaPrevious: last?.overall.deltaPrevious ?? null,
  };
  const dims = trend.dimensions.map((d, i): Series => {
    const at = (p: Trend['points'][number]) => p.dimensions[i];
    return {
      id: d.id,
      title: d.title,
      scores: trend.points.map((p) => at(p)?.score ?? null),
      levels: trend.points.map((p) => at(p)?.level ?? null),
      deltaFirst: (last && at(last)?.deltaFirst) ?? null,
      deltaPrevious: (last && at(last)?.deltaPrevious) ?? null,
    };
  });
  return [overall, ...dims];
}

/** The title of a level id, or the id when the questionnaire no longer has it. */
export const levelTitle = (trend: Trend, id: string | null, none: string): string =>
  id === null ? none : (trend.levels.find((l) => l.id === id)?.title ?? id);

/** A score change with its sign, as every trend and comparison shows it: +8.1, -2.0, 0.0; — when there is none. */
export function signed(d: number | null, digits = 1, none = '—'): string {
  if (d === null) return none;
  const s = Math.abs(d).toFixed(digits);
  return d > 0 ? `+${s}` : d < 0 ? `-${s}` : s;
}

/** An arrow for the direction of a change. */
export const arrow = (d: number | null): string => (d === null ? '' : d > 0 ? '↑' : d < 0 ? '↓' : '→');

const BARS = '▁▂▃▄▅▆▇█';
/** One character per date on the 0–100 scale (so rows compare with each other); a space where there is no score. */
export function sparkline(scores: readonly (number | null)[]): string {
  return scores.map((s) => (s === null ? ' ' : (BARS[Math.min(7, Math.floor((s / 100) * 8))] as string))).join('');
}
