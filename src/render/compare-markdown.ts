import { progressStrings } from '../i18n/progress.js';
import type { Comparison } from '../schema/report.js';
import { mdInline as md, mdCode } from './escape.js';
import { fmtScore } from './format.js';
import { arrow, signed } from './trend-view.js';

type LevelRef = { id: string; title: string } | null;

/** What the comparison's ids are named by: the report or team document it belongs to. */
export interface Named {
  locale: string;
  overall: { level: LevelRef };
  dimensions: readonly { id: string; title: string; level: LevelRef }[];
  remedies: readonly { id: string; title: string }[];
}

/** Titles for the ids a comparison holds, from the document it belongs to; an id the document does not name stays an id. */
function namesOf(report: Named) {
  const levels = new Map<string, string>();
  for (const l of [report.overall.level, ...report.dimensions.map((d) => d.level)]) if (l) levels.set(l.id, l.title);
  const dims = new Map(report.dimensions.map((d) => [d.id, d.title]));
  const remedies = new Map(report.remedies.map((r) => [r.id, r.title]));
  return {
    level: (id: string | null) => (id === null ? '—' : levels.has(id) ? md(levels.get(id) as string) : mdCode(id)),
    dimension: (id: string) => (dims.has(id) ? md(dims.get(id) as string) : mdCode(id)),
    remedy: (id: string) => (remedies.has(id) ? `${md(remedies.get(id) as string)} (${mdCode(id)})` : mdCode(id)),
  };
}

/** An answer as written in an answers file: a list joined by commas, `na`, or "no answer". */
function value(v: unknown, none: string): string {
  if (v === null || v === undefined) return none;
  return mdCode(Array.isArray(v) ? v.join(', ') : String(v));
}

/**
 * The comparison of a report with its baseline as compact markdown lines (a pull-request comment or a job summary):
 * a before/now table with Δ and levels, remedies new, resolved and persisting, and the answers that changed.
 * `heading` is the level of its heading (2 inside a report).
 */
export function comparisonMarkdown(c: Comparison, report: Named, opts: { heading?: number } = {}): string[] {
  const p = progressStrings(report.locale);
  const n = namesOf(report);
  const hashes = '#'.repeat(opts.heading ?? 2);
  const out: string[] = [`${hashes} ${md(p.comparedWith(c.baseline.date, c.baseline.file))}`, ''];
  const delta = (d: number | null) => `${arrow(d)} ${signed(d)}`.trim();
  const level = (before: string | null, after: string | null) =>
    before === after ? n.level(after) : `${n.level(before)} → ${n.level(after)}`;
  out.push(`| ${p.score} | ${p.before} | ${p.after} | ${p.delta} | ${p.level} |`, '| --- | ---: | ---: | ---: | --- |');
  const o = c.overall;
  out.push(
    `| **${p.overall}** | ${fmtScore(o.before, '—')} | ${fmtScore(o.after, '—')} | ${delta(o.delta)} | ${level(o.levelBefore, o.levelAfter)} |`,
  );
  for (const d of c.dimensions) {
    out.push(
      `| ${n.dimension(d.id)} | ${fmtScore(d.before, '—')} | ${fmtScore(d.after, '—')} | ${delta(d.delta)} | ${level(d.levelBefore, d.levelAfter)} |`,
    );
  }
  out.push('');
  const lists: [string, string[]][] = [
    [p.remediesNew(c.remedies.new.length), c.remedies.new],
    [p.remediesResolved(c.remedies.resolved.length), c.remedies.resolved],
    [p.remediesPersisting(c.remedies.persisting.length), c.remedies.persisting],
  ];
  for (const [title, ids] of lists) if (ids.length > 0) out.push(`- ${title}${p.colon}${ids.map(n.remedy).join(p.sep)}`);
  if (lists.some(([, ids]) => ids.length > 0)) out.push('');
  const answers = c.answers ?? [];
  if (answers.length > 0) {
    out.push(`${hashes}# ${p.answersChanged(answers.length)}`, '');
    out.push(`| ${p.question} | ${p.before} | ${p.after} | ${p.delta} |`, '| --- | --- | --- | ---: |');
    for (const a of answers) {
      const show = (v: unknown) => (v === 'na' ? p.na : value(v, p.noAnswer));
      out.push(`| ${mdCode(a.id)} | ${show(a.before)} | ${show(a.after)} | ${signed(a.delta, 3)} |`);
    }
    out.push('');
  }
  const rows = [o, ...c.dimensions];
  const same = rows.every((r) => r.before === r.after && r.levelBefore === r.levelAfter);
  if (same && c.remedies.new.length + c.remedies.resolved.length + answers.length === 0) out.push(p.noChange, '');
  return out;
}
