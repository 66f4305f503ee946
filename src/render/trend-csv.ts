import { progressStrings } from '../i18n/progress.js';
import type { Trend } from '../schema/trend.js';
import { levelTitle } from './trend-view.js';

/**
 * One RFC 4180 cell. Text that a spreadsheet would run as a formula gets a leading `'`; a number stays a number
 * (-2.5 is a value, not a formula, and must stay one for charts and sums).
 */
export function csvCell(v: string | number | null): string {
  let s = v === null ? '' : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The trend for spreadsheets: one row per date, UTF-8 with a byte-order mark, CRLF line ends. */
export function renderTrendCsv(trend: Trend): string {
  const p = progressStrings(trend.locale);
  const header = [
    p.trendDate,
    p.trendFile,
    p.overall,
    p.level,
    p.trendFirst,
    p.trendPrevious,
    ...trend.dimensions.flatMap((d) => [d.title, `${d.title} ${p.level}`]),
  ];
  const level = (id: string | null) => (id === null ? null : levelTitle(trend, id, ''));
  const rows = trend.points.map((pt) => [
    pt.date,
    pt.file,
    pt.overall.score,
    level(pt.overall.level),
    pt.overall.deltaFirst,
    pt.overall.deltaPrevious,
    ...pt.dimensions.flatMap((d) => [d.score, level(d.level)]),
  ]);
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
