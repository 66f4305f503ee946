import type { Report } from '../schema/report.js';
import type { TeamReport } from '../schema/team.js';

type Cell = string | number | boolean | null | undefined;

// A text cell that a spreadsheet could take for a formula gets a leading apostrophe (SPEC §10).
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 cell: numbers as they are, text made formula-safe and quoted when it must be. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV file: UTF-8 byte-order mark (Excel and WPS then read Chinese right), CRLF line ends, a header row. */
export function csvFile(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${[header, ...rows].map((r) => `${r.map(csvCell).join(',')}\r\n`).join('')}`;
}

const raw = (v: Report['answers'][number]['value']): Cell => (Array.isArray(v) ? v.join(';') : v);

/** `report -f csv`: one row per question. */
export function renderReportCsv(report: Report): string {
  return csvFile(
    ['dimension', 'question', 'text', 'state', 'answer', 'value', 'score', 'weight', 'note', 'evidence'],
    report.answers.map((a) => [a.dimension, a.id, a.text, a.state, a.label, raw(a.value), a.score, a.weight, a.note, a.evidence]),
  );
}

/** `team -f csv`: one row per respondent, then one column per dimension score. */
export function renderTeamCsv(doc: TeamReport): string {
  const dims = doc.dimensions.map((d) => d.id);
  return csvFile(
    ['file', 'name', 'role', 'unit', 'organization', 'perspective', 'date', 'overall', 'level', 'coverage', ...dims],
    doc.people.map((p) => [
      p.file,
      p.respondent.name,
      p.respondent.role,
      p.respondent.unit,
      p.respondent.organization,
      p.perspective,
      p.date,
      p.overall,
      p.level,
      p.coverage,
      ...dims.map((d) => p.dimensions[d]),
    ]),
  );
}
