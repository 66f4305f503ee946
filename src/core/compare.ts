import type { Comparison } from '../schema/report.js';
import { round } from './report.js';

/** The parts of a report (or team document) a comparison reads: ids, 1-decimal scores and level ids. */
export interface Comparable {
  date: string | null;
  overall: { score: number | null; level: { id: string } | null };
  dimensions: readonly { id: string; score: number | null; level: { id: string } | null }[];
  remedies: readonly { id: string }[];
  answers?: readonly { id: string; state: string; value: unknown; score: number | null }[];
}

export interface CompareOptions {
  /** The baseline's file name as the user gave it. */
  file: string;
  /** Diff the answers too: only when both sides were scored from answers files. */
  answers?: boolean;
}

type ChangedAnswer = NonNullable<Comparison['answers']>[number];

/** now − then on the numbers people see; null when either side has no score. */
export const delta = (before: number | null, after: number | null, digits = 1): number | null =>
  before === null || after === null ? null : round(after - before, digits);

function change(before: Comparable['overall'] | undefined, after: Comparable['overall'] | undefined) {
  const b = before?.score ?? null;
  const a = after?.score ?? null;
  return { before: b, after: a, delta: delta(b, a), levelBefore: before?.level?.id ?? null, levelAfter: after?.level?.id ?? null };
}

/** An answer as an answers file would write it: the value, `na`, or null for no answer (unanswered or skipped). */
function written(a: { state: string; value: unknown } | undefined): ChangedAnswer['before'] {
  if (!a) return null;
  if (a.state === 'na') return 'na';
  if (a.state !== 'answered' || a.value === null || a.value === undefined) return null;
  return a.value as ChangedAnswer['before'];
}

const same = (x: unknown, y: unknown): boolean => JSON.stringify(x) === JSON.stringify(y);

/** Compare a result with its baseline (SPEC §11). Pure: the same two documents always give the same comparison. */
export function compareReports(before: Comparable, after: Comparable, opts: CompareOptions): Comparison {
  const beforeDims = new Map(before.dimensions.map((d) => [d.id, d]));
  const afterIds = new Set(after.dimensions.map((d) => d.id));
  // Dimensions as they are now; one the baseline had and the questionnaire no longer has comes last.
  const dimensions = [
    ...after.dimensions.map((d) => ({ id: d.id, ...change(beforeDims.get(d.id), d) })),
    ...before.dimensions.filter((d) => !afterIds.has(d.id)).map((d) => ({ id: d.id, ...change(d, undefined) })),
  ];
  const then = new Set(before.remedies.map((r) => r.id));
  const now = new Set(after.remedies.map((r) => r.id));
  const comparison: Comparison = {
    baseline: { file: opts.file, date: before.date },
    overall: change(before.overall, after.overall),
    dimensions,
    remedies: {
      new: after.remedies.filter((r) => !then.has(r.id)).map((r) => r.id),
      resolved: before.remedies.filter((r) => !now.has(r.id)).map((r) => r.id),
      persisting: after.remedies.filter((r) => then.has(r.id)).map((r) => r.id),
    },
  };
  if (opts.answers) comparison.answers = answerChanges(before.answers ?? [], after.answers ?? []);
  return comparison;
}

/** The answers whose written value changed, in the order of the current report, with Δ question score (3 decimals). */
export function answerChanges(before: NonNullable<Comparable['answers']>, after: NonNullable<Comparable['answers']>): ChangedAnswer[] {
  const then = new Map(before.map((a) => [a.id, a]));
  const out: ChangedAnswer[] = [];
  for (const a of after) {
    const b = then.get(a.id);
    const was = written(b);
    const is = written(a);
    if (same(was, is)) continue;
    out.push({ id: a.id, before: was, after: is, delta: delta(b?.score ?? null, a.score, 3) });
  }
  return out;
}

/** The scores that fell by more than `maxDrop` points: overall first, then dimensions in order. */
export function drops(c: Comparison, maxDrop: number): { id: string; before: number; after: number; drop: number }[] {
  const rows = [{ id: 'overall', ...c.overall }, ...c.dimensions];
  return rows
    .filter((r) => r.delta !== null && -r.delta > maxDrop)
    .map((r) => ({ id: r.id, before: r.before as number, after: r.after as number, drop: round(-(r.delta as number), 1) }));
}
