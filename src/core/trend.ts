import type { Text } from '../schema/common.js';
import type { Trend, TrendPoint } from '../schema/trend.js';
import { type Comparable, delta } from './compare.js';
import type { Model } from './model.js';
import { resolveText } from './report.js';

/** One dated result of the trend: the file it came from and its scores. */
export interface Dated {
  file: string;
  date: string;
  report: Comparable;
}

export interface TrendMeta {
  locale: string;
  toolVersion: string;
  warnings?: Trend['warnings'];
}

/**
 * Scores and levels per date, oldest first (a stable sort: equal dates keep the order given), each with Δ from the
 * first and the previous date on the 1-decimal numbers shown. Dimensions are those of the questionnaire now.
 */
export function buildTrend(model: Model, results: readonly Dated[], meta: TrendMeta): Trend {
  const fallback = model.doc.locales[0] as string;
  const text = (t: Text) => resolveText(t, meta.locale, fallback);
  const sorted = [...results].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const points: TrendPoint[] = [];
  sorted.forEach((r, i) => {
    const first = sorted[0]?.report as Comparable;
    const previous = sorted[i - 1]?.report;
    const dim = (doc: Comparable | undefined, id: string) => doc?.dimensions.find((d) => d.id === id);
    const point = (now: Score, then0: Score | undefined, prev: Score | undefined) => ({
      score: now?.score ?? null,
      level: now?.level?.id ?? null,
      deltaFirst: delta(then0?.score ?? null, now?.score ?? null),
      deltaPrevious: previous === undefined ? null : delta(prev?.score ?? null, now?.score ?? null),
    });
    points.push({
      file: r.file,
      date: r.date,
      overall: point(r.report.overall, first.overall, previous?.overall),
      dimensions: model.dimensions.map((d) => ({
        id: d.id,
        ...point(dim(r.report, d.id), dim(first, d.id), dim(previous, d.id)),
      })),
    });
  });
  return {
    kamcheck: 1,
    kind: 'trend',
    tool: { name: 'kamcheck', version: meta.toolVersion },
    questionnaire: { id: model.doc.id, version: model.doc.version, title: text(model.doc.title) },
    locale: meta.locale,
    levels: model.doc.levels.map((l) => ({ id: l.id, title: text(l.title), min: l.min })),
    dimensions: model.dimensions.map((d) => ({ id: d.id, title: text(d.title) })),
    points,
    warnings: meta.warnings ?? [],
  };
}

type Score = { score: number | null; level: { id: string } | null } | undefined;
