import type { Comparison, Report } from '../schema/report.js';
import { round } from './report.js';

type Value = Report['answers'][number]['value'];

export interface CompareOptions {
  baseline: { file: string | null; date: string | null };
  /** Both reports come from answers files, so the answers that changed are listed. */
  answers: boolean;
}

const minus = (after: number | null, before: number | null, digits: number) =>
  after === null || before === null ? null : round(after - before, digits);

/** An answer as the answers file gives it: its value, `na`, or null when unanswered. */
const given = (a: Report['answers'][number] | undefined): Value | 'na' => (a?.state === 'na' ? 'na' : (a?.value ?? null));

/** Before and after (SPEC §11): the differences of two reports of the same questionnaire, on the numbers they print. */
export function compareReports(before: Report, after: Report, opts: CompareOptions): Comparison {
  const beforeDims = new Map(before.dimensions.map((d) => [d.id, d]));
  const beforeIds = new Set(before.remedies.map((r) => r.id));
  const afterIds = new Set(after.remedies.map((r) => r.id));
  const out: Comparison = {
    baseline: opts.baseline,
    overall: {
      before: before.overall.score,
      after: after.overall.score,
      delta: minus(after.overall.score, before.overall.score, 1),
      levelBefore: before.overall.level?.id ?? null,
      levelAfter: after.overall.level?.id ?? null,
    },
    dimensions: after.dimensions.map((d) => {
      const b = beforeDims.get(d.id);
      const bs = b?.score ?? null;
      return {
        id: d.id,
        before: bs,
        after: d.score,
        delta: minus(d.score, bs, 1),
        levelBefore: b?.level?.id ?? null,
        levelAfter: d.level?.id ?? null,
      };
    }),
    remedies: {
      new: after.remedies.filter((r) => !beforeIds.has(r.id)).map((r) => r.id),
      resolved: before.remedies.filter((r) => !afterIds.has(r.id)).map((r) => r.id),
      persisting: after.remedies.filter((r) => beforeIds.has(r.id)).map((r) => r.id),
    },
  };
  if (opts.answers) {
    const beforeAnswers = new Map(before.answers.map((a) => [a.id, a]));
    out.answers = after.answers.flatMap((a) => {
      const b = beforeAnswers.get(a.id);
      const was = given(b);
      const now = given(a);
      if (JSON.stringify(was) === JSON.stringify(now)) return [];
      return [{ id: a.id, before: was, after: now, delta: minus(a.score, b?.score ?? null, 3) }];
    });
  }
  return out;
}
