import type { ReportStrings } from '../i18n/report.js';
import type { Strings } from '../i18n/ui.js';
import type { Report } from '../schema/report.js';

// The answers appendix: the one part of a report that names questions by id, so the answers file can be edited.

export interface AnswerRow {
  id: string;
  text: string;
  answer: string;
  /** The question score on 0–100, or a dash. */
  score: string;
  note: string | null;
  evidence: string | null;
}

export interface AppendixView {
  groups: { title: string; rows: AnswerRow[] }[];
  /** Scored questions nobody answered. */
  unanswered: { id: string; text: string }[];
  warnings: string[];
}

const points = (s: number | null): string => (s === null ? '—' : String(Math.round(s * 1000) / 10));

export function answersAppendix(report: Report, t: Strings, r: ReportStrings): AppendixView {
  const groups = report.dimensions
    .map((d) => ({
      title: d.title,
      rows: report.answers
        .filter((a) => a.dimension === d.id && (a.state === 'answered' || a.state === 'na' || a.note || a.evidence))
        .map((a) => ({
          id: a.id,
          text: a.text,
          answer: a.state === 'answered' ? (a.label ?? r.none) : t.state[a.state],
          score: a.weight > 0 ? points(a.score) : r.none,
          note: a.note ?? null,
          evidence: a.evidence ?? null,
        })),
    }))
    .filter((g) => g.rows.length > 0);
  return {
    groups,
    // Only scored questions: an unanswered notes question costs no coverage.
    unanswered: report.answers.filter((a) => a.state === 'unanswered' && a.weight > 0).map((a) => ({ id: a.id, text: a.text })),
    warnings: report.warnings.map((w) => `${w.file}:${w.line}:${w.column} ${w.message}`),
  };
}
