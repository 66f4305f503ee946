import { planStrings } from '../i18n/plan.js';
import type { ReportStrings } from '../i18n/report.js';
import type { Report } from '../schema/report.js';
import { fmtScore } from './format.js';

// Roadmap, targets and comparison as finished text: the planning and progress parts of the report view.

export interface PhaseView<R> {
  phase: number;
  title: string;
  /** Overall score and level once this phase is done, when the report carries the roadmap. */
  projected: string | null;
  /** The dimension scores this phase moves, as "title before → after". */
  moves: string[];
  remedies: R[];
}

export interface RoadmapView<R> {
  /** Set when phases come from effort, because the report has no roadmap of its own. */
  note: string | null;
  phases: PhaseView<R>[];
}

export interface TargetView {
  label: string;
  target: string;
  score: string;
  gap: string;
  reached: string;
}

export interface ComparisonRow {
  /** `overall` or a dimension id. */
  id: string;
  title: string;
  before: number | null;
  after: number | null;
  beforeText: string;
  afterText: string;
  delta: string;
  level: string;
}

export interface ComparisonView {
  baseline: string;
  overall: ComparisonRow;
  dimensions: ComparisonRow[];
  news: string[];
  resolved: string | null;
  persisting: string[];
  answers: { text: string; before: string; after: string; delta: string }[];
}

/** A signed one-decimal change, with a real minus sign. */
export const fmtDelta = (d: number | null): string =>
  d === null ? '—' : d > 0 ? `+${d.toFixed(1)}` : d < 0 ? `−${(-d).toFixed(1)}` : '0.0';

const levelTitle = (report: Report, id: string | null | undefined): string =>
  id ? (report.levels?.find((l) => l.id === id)?.title ?? id) : '—';

/** Remedies grouped by phase: the report's roadmap when it has one, else each remedy's phase (the rule's, or from its effort). */
export function roadmapView<R>(report: Report, r: ReportStrings, remedies: ReadonlyMap<string, R>): RoadmapView<R> {
  const phaseName = (n: number) => planStrings(report.locale).phase[n as 1 | 2 | 3] ?? r.phase(n);
  const derived = (m: Report['remedies'][number]) => m.phase;
  const pick = (ids: string[]) => ids.map((id) => remedies.get(id)).filter((x): x is R => x !== undefined);
  if (report.roadmap && report.roadmap.length > 0) {
    const listed = new Set(report.roadmap.flatMap((p) => p.remedies));
    const dims = new Map(report.dimensions.map((d) => [d.id, d.score]));
    let before = { overall: report.overall.score, dims };
    const phases = report.roadmap.map((p) => {
      const left = report.remedies.filter((m) => !listed.has(m.id) && derived(m) === p.phase).map((m) => m.id);
      const moves = report.dimensions
        .filter((d) => {
          const after = p.projected.dimensions[d.id];
          return after !== undefined && after !== null && after !== before.dims.get(d.id);
        })
        .map((d) => `${d.title} ${fmtScore(before.dims.get(d.id) ?? null, '—')} → ${fmtScore(p.projected.dimensions[d.id] ?? null, '—')}`);
      before = { overall: p.projected.overall, dims: new Map(Object.entries(p.projected.dimensions)) };
      return {
        phase: p.phase,
        title: phaseName(p.phase),
        projected: r.afterPhase(p.phase, fmtScore(p.projected.overall, '—'), levelTitle(report, p.projected.level)),
        moves,
        remedies: pick([...p.remedies, ...left]),
      };
    });
    return { note: null, phases };
  }
  const phases = [1, 2, 3]
    .map((n) => ({
      phase: n,
      title: phaseName(n),
      projected: null,
      moves: [],
      remedies: pick(report.remedies.filter((m) => derived(m) === n).map((m) => m.id)),
    }))
    .filter((p) => p.remedies.length > 0);
  return { note: phases.length > 0 ? r.roadmapByEffort : null, phases };
}

/** Each target with its gap and the phase that reaches it. */
export function targetsView(report: Report, r: ReportStrings): TargetView[] {
  const title = (id: string) => (id === 'overall' ? undefined : report.dimensions.find((d) => d.id === id)?.title);
  return (report.targets ?? []).map((x) => ({
    label: title(x.id) ?? (report.locale.toLowerCase().startsWith('zh') ? '总体' : 'Overall'),
    target: String(x.target),
    score: fmtScore(x.score, '—'),
    gap: x.gap === null ? '—' : x.gap.toFixed(1),
    reached: x.gap === 0 ? '✓' : r.reachedIn(x.reachedInPhase),
  }));
}

const showValue = (v: unknown): string => (v === null || v === undefined ? '—' : Array.isArray(v) ? v.join(', ') : String(v));

/** Before and after, per dimension and overall, with remedies new, resolved and still open. */
export function comparisonView<R extends { title: string }>(
  report: Report,
  r: ReportStrings,
  remedies: ReadonlyMap<string, R>,
): ComparisonView | null {
  const c = report.comparison;
  if (!c) return null;
  const row = (id: string, title: string, x: NonNullable<Report['comparison']>['overall']): ComparisonRow => ({
    id,
    title,
    before: x.before,
    after: x.after,
    beforeText: fmtScore(x.before, '—'),
    afterText: fmtScore(x.after, '—'),
    delta: fmtDelta(x.delta),
    level:
      x.levelBefore === x.levelAfter
        ? levelTitle(report, x.levelAfter)
        : `${levelTitle(report, x.levelBefore)} → ${levelTitle(report, x.levelAfter)}`,
  });
  const titles = (ids: string[]) => ids.map((id) => remedies.get(id)?.title).filter((s): s is string => s !== undefined);
  const question = (id: string) => report.answers.find((a) => a.id === id)?.text ?? id;
  return {
    baseline: c.baseline.file === null ? r.asGiven : r.baseline(c.baseline.file, c.baseline.date),
    overall: row('overall', report.locale.toLowerCase().startsWith('zh') ? '总体' : 'Overall', c.overall),
    dimensions: c.dimensions.map((d) => row(d.id, report.dimensions.find((x) => x.id === d.id)?.title ?? d.id, d)),
    news: titles(c.remedies.new),
    resolved: c.remedies.resolved.length > 0 ? r.resolvedCount(c.remedies.resolved.length) : null,
    persisting: titles(c.remedies.persisting),
    answers: (c.answers ?? []).map((a) => ({
      text: question(a.id),
      before: showValue(a.before),
      after: showValue(a.after),
      delta: a.delta === null ? '—' : fmtDelta(a.delta * 100),
    })),
  };
}
