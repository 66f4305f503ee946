import type { ChalkInstance } from 'chalk';
import { strings } from '../i18n/ui.js';
import type { Report } from '../schema/report.js';
import { type Band, band, dimensionTitle, fmtPercent, fmtScore, noRemediesText } from './format.js';
import { makeChalk, padEnd, padStart, truncate, width, wrap } from './style.js';

export interface TerminalOptions {
  color: boolean;
  /** Terminal width in columns; 80 when unknown. */
  columns?: number;
  /** How many remedies to show with their actions. */
  top?: number;
}

const paint = (c: ChalkInstance, b: Band) => ({ low: c.red, mid: c.yellow, high: c.green, none: c.gray })[b];

/** The report for a person at a terminal: header, overall, one bar per dimension, top remedies. */
export function renderTerminal(report: Report, opts: TerminalOptions): string {
  const c = makeChalk(opts.color);
  const t = strings(report.locale);
  const cols = Math.max(40, Math.min(opts.columns ?? 80, 120));
  const out: string[] = [];
  const line = (s = '') => out.push(s);

  line(c.bold(truncate(`${report.questionnaire.title} — ${t.reportTitle}`, cols)));
  const who = [report.respondent.name, report.respondent.role, report.respondent.organization, report.respondent.unit]
    .filter(Boolean)
    .join(' · ');
  const meta = [who && `${t.respondent}: ${who}`, report.date && `${t.date}: ${report.date}`].filter((s): s is string => Boolean(s));
  if (width(meta.join('   ')) <= cols) {
    if (meta.length > 0) line(c.dim(meta.join('   ')));
  } else for (const l of meta.flatMap((m) => wrap(m, cols))) line(c.dim(l));
  line();

  const o = report.overall;
  const ob = band(o.score);
  line(
    `${c.bold(`${t.overall}:`)} ${paint(c, ob).bold(fmtScore(o.score, t.noScore))}${o.score === null ? '' : ' / 100'}` +
      `   ${t.level}: ${c.bold(o.level?.title ?? '—')}   ${t.coverage}: ${fmtPercent(o.coverage)}`,
  );
  line();

  // name | bar | score | level | coverage; the bar takes what is left.
  const nameW = Math.min(Math.max(...report.dimensions.map((d) => width(d.title)), width(t.dimension)), Math.floor(cols / 3));
  const levelW = Math.min(Math.max(...report.dimensions.map((d) => width(d.level?.title ?? '—'))), Math.floor(cols / 5));
  const covW = Math.max(width(t.coverage), 4);
  const barW = Math.max(10, cols - nameW - levelW - covW - 6 - 4 - 2);
  for (const d of report.dimensions) {
    const b = band(d.score);
    const filled = d.score === null ? 0 : Math.round((d.score / 100) * barW);
    const bar = paint(c, b)('█'.repeat(filled)) + c.gray('░'.repeat(barW - filled));
    const cap = d.cappedBy.length > 0 ? c.red(' ↓') : '';
    line(
      `${padEnd(truncate(d.title, nameW), nameW)} ${bar} ${paint(c, b)(padStart(d.score === null ? '—' : d.score.toFixed(1), 5))} ` +
        `${padEnd(truncate(d.level?.title ?? '—', levelW), levelW)} ${padStart(fmtPercent(d.coverage), covW)}${cap}`,
    );
  }
  const capped = report.dimensions.filter((d) => d.cappedBy.length > 0);
  for (const d of capped)
    line(
      c.red(truncate(`  ↓ ${d.title}: ${t.cappedBy(d.cappedBy.join(', '))} (${d.rawScore?.toFixed(1)} → ${d.score?.toFixed(1)})`, cols)),
    );
  line();

  const top = opts.top ?? 5;
  const shown = report.remedies.slice(0, top);
  // `--top 0` shows no remedy, and so no heading over none; only "no remedy fired" when none did.
  if (top > 0 || report.remedies.length === 0) line(c.bold(t.topRemedies(shown.length, report.remedies.length)));
  if (report.remedies.length === 0)
    line(report.overall.score === null ? c.yellow(noRemediesText(report, t)) : c.green(noRemediesText(report, t)));
  const sevColor = { critical: c.red.bold, high: c.red, medium: c.yellow, low: c.gray };
  shown.forEach((r, i) => {
    const head = `${i + 1}. [${t.severity[r.severity]}] `;
    line(`${sevColor[r.severity](head)}${c.bold(truncate(r.title, cols - width(head)))}`);
    const facts = [
      dimensionTitle(report, r.dimension),
      `${t.priority} ${r.priority}`,
      r.effort && `${t.effort} ${t.effortLevel[r.effort]}`,
      r.horizon,
    ]
      .filter(Boolean)
      .join(' · ');
    line(c.dim(`   ${truncate(facts, cols - 3)}`));
    if (r.why) for (const l of wrap(r.why, cols - 3)) line(`   ${l}`);
    for (const a of r.actions) {
      wrap(a, cols - 5).forEach((l, k) => {
        line(`   ${k === 0 ? c.cyan('→') : ' '} ${l}`);
      });
    }
  });
  if (report.remedies.length > shown.length) line(c.dim(t.moreRemedies(report.remedies.length - shown.length)));
  return `${out.join('\n')}\n`;
}
