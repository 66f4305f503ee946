import { progressStrings } from '../i18n/progress.js';
import type { Trend } from '../schema/trend.js';
import { fmtScore } from './format.js';
import { makePaint, padEnd, padStart, truncate, width } from './style.js';
import { levelTitle, type Series, seriesOf, signed, sparkline } from './trend-view.js';

const COL = 10;

/** The trend at a terminal: one row per score with a column per date, Δ of the latest date and a sparkline. */
export function renderTrendTerminal(trend: Trend, opts: { color: boolean; columns?: number }): string {
  const p = progressStrings(trend.locale);
  const c = makePaint(opts.color);
  const rows = seriesOf(trend, p.overall);
  const n = trend.points.length;
  const label = Math.min(24, Math.max(...rows.map((r) => width(r.title))));
  const deltaW = Math.max(width(p.trendFirst), width(p.trendPrevious), 7);
  const fixed = label + 2 * (deltaW + 2) + 2 + Math.max(n, width(p.sparkline));
  // The newest dates that fit the width; the sparkline still covers every date.
  const fit = Math.max(1, Math.min(n, Math.floor(((opts.columns ?? 80) - fixed) / (COL + 2))));
  const shown = trend.points.slice(n - fit).map((pt, i) => ({ pt, i: n - fit + i }));

  const cell = (s: string) => `  ${padStart(truncate(s, COL), COL)}`;
  const delta = (d: number | null) => {
    const s = padStart(signed(d, 1, p.trendNone), deltaW);
    return `  ${d === null || d === 0 ? s : d > 0 ? c.green(s) : c.red(s)}`;
  };
  const line = (r: Series, bold: boolean) => {
    const name = padEnd(truncate(r.title, label), label);
    const scores = shown.map(({ i }) => cell(fmtScore(r.scores[i] ?? null, p.trendNone))).join('');
    return `${bold ? c.bold(name) : name}${scores}${delta(r.deltaFirst)}${delta(r.deltaPrevious)}  ${c.cyan(sparkline(r.scores))}`;
  };

  const out: string[] = [c.bold(p.trendTitle(trend.questionnaire.title)), ''];
  const head = shown.map(({ pt }) => cell(pt.date)).join('');
  out.push(c.dim(`${' '.repeat(label)}${head}  ${padStart(p.trendFirst, deltaW)}  ${padStart(p.trendPrevious, deltaW)}  ${p.sparkline}`));
  rows.forEach((r, k) => {
    out.push(line(r, k === 0));
  });
  out.push('', c.dim(`${padEnd(p.levels, label)}${head}`));
  rows.forEach((r, k) => {
    const name = padEnd(truncate(r.title, label), label);
    const levels = shown.map(({ i }) => cell(levelTitle(trend, r.levels[i] ?? null, p.trendNone))).join('');
    out.push(`${k === 0 ? c.bold(name) : name}${levels}`);
  });
  if (fit < n) out.push('', c.dim(p.earlierHidden(n - fit)));
  out.push('', c.bold(p.files));
  for (const pt of trend.points) out.push(`  ${pt.date}  ${pt.file}`);
  return `${out.join('\n')}\n`;
}
