import type { Report } from '../schema/report.js';
import type { Band } from './format.js';
import type { Paint } from './paint.js';
import { makePaint, padEnd, padStart, truncate, width, wrap } from './style.js';
import { type RemedyView, reportView } from './view.js';

export interface TerminalOptions {
  color: boolean;
  /** Terminal width in columns; 80 when unknown. */
  columns?: number;
  /** How many remedies, by priority, show their diagnosis and actions; every remedy is listed. */
  top?: number;
}

/** Items joined on as few lines as fit, never splitting an item that fits a line by itself. */
function packed(items: string[], sep: string, w: number): string[] {
  const lines: string[] = [];
  for (const item of items) {
    const last = lines[lines.length - 1];
    if (last !== undefined && width(last + sep + item) <= w) lines[lines.length - 1] = last + sep + item;
    else lines.push(...wrap(item, w));
  }
  return lines;
}

const paint = (c: Paint, b: Band) => ({ low: c.red, mid: c.yellow, high: c.green, none: c.gray })[b];

/** The report for a person at a terminal: the sections of the report view, bars for the dimensions, every remedy by phase. */
export function renderTerminal(report: Report, opts: TerminalOptions): string {
  const v = reportView(report);
  const c = makePaint(opts.color);
  const cols = Math.max(40, Math.min(opts.columns ?? 80, 120));
  const out: string[] = [];
  const line = (s = '') => out.push(s);
  /** Wrapped text, every line indented by `indent` spaces. */
  const para = (text: string, indent = 0, style: (s: string) => string = (s) => s) => {
    for (const l of wrap(text, cols - indent)) line(style(' '.repeat(indent) + l));
  };
  const heading = (text: string) => {
    line();
    line(c.bold.underline(truncate(`■ ${text}`, cols)));
  };
  const { r, t, summary: s } = v;

  if (v.organization) line(c.bold(truncate(v.organization, cols)));
  line(c.bold(truncate(v.title, cols)));
  const facts = v.facts.map((f) => `${f.label}: ${f.value}`);
  if (width(facts.join('   ')) <= cols) line(c.dim(facts.join('   ')));
  else for (const f of facts) para(f, 0, c.dim);

  heading(r.summary);
  if (s.hypothetical) para(s.hypothetical, 0, c.yellow.bold);
  line(
    `${c.bold(`${t.overall}:`)} ${paint(c, s.band).bold(s.scoreText)}${s.score === null ? '' : ' / 100'}` +
      `   ${t.level}: ${c.bold(s.level ?? r.none)}   ${t.coverage}: ${s.coveragePercent}`,
  );
  if (s.levelDescription) para(s.levelDescription, 2, c.dim);
  if (s.next) para(s.next);
  if (s.nextDetail) para(s.nextDetail, 2);
  if (s.cap) para(s.cap, 0, c.red);
  if (s.actions.length > 0) {
    line();
    line(c.bold(s.actionsTitle));
    s.actions.forEach((m, i) => {
      remedyHead(m, `${i + 1}. `, 2);
      para(m.facts.join(' · '), 7, c.dim);
    });
  }
  if (s.strongest && s.weakest) {
    line();
    para(`${r.strongest}: ${s.strongest}`);
    para(`${r.weakest}: ${s.weakest}`);
  }
  for (const x of v.targets) para(`${r.target} ${x.label}: ${x.target} · ${t.score} ${x.score} · ${r.gap} ${x.gap} · ${x.reached}`);
  for (const w of s.whatIf) para(`${r.whatIf}: ${w}`);
  para(s.coverage, 0, c.dim);

  heading(r.dimensions(v.dimensions.length));
  dimensionBars();

  if (v.comparison) {
    const k = v.comparison;
    heading(r.comparison);
    para(k.baseline, 0, c.dim);
    for (const row of [k.overall, ...k.dimensions])
      para(`${row.title}: ${row.beforeText} → ${row.afterText} (${row.delta}) · ${row.level}`);
    const group = (title: string, items: string[]) => {
      if (items.length === 0) return;
      line(c.bold(title));
      for (const i of items) {
        wrap(i, cols - 4).forEach((l, k) => {
          line(`  ${k === 0 ? '•' : ' '} ${l}`);
        });
      }
    };
    group(r.newRemedies, k.news);
    group(r.persistingRemedies, k.persisting);
    if (k.resolved) para(k.resolved, 0, c.green);
    group(
      r.changedAnswers,
      k.answers.map((a) => `${a.text}: ${a.before} → ${a.after} (${a.delta})`),
    );
  }

  heading(r.strengths);
  para(v.strengths.length === 0 ? r.noStrengths : v.strengthsIntro, 0, c.dim);
  for (const x of v.strengths) {
    wrap(x, cols - 4).forEach((l, i) => {
      line(`  ${i === 0 ? c.green('+') : ' '} ${l}`);
    });
  }

  heading(r.roadmap);
  if (v.roadmap.phases.length === 0) para(s.score === null ? t.nothingAnswered : t.noRemedies);
  if (v.roadmap.note) para(v.roadmap.note, 0, c.dim);
  const top = opts.top ?? 5;
  for (const p of v.roadmap.phases) {
    line();
    line(c.bold(truncate(p.title, cols)));
    if (p.projected) para(p.projected, 2, c.cyan);
    for (const l of packed(p.moves, ' · ', cols - 2)) line(c.dim(`  ${l}`));
    for (const m of p.remedies) {
      remedyHead(m, '', 2);
      para(m.facts.join(' · '), 4, c.dim);
      if (m.rank > top) continue;
      if (m.why) para(m.why, 4);
      for (const a of m.actions) {
        wrap(a, cols - 6).forEach((l, k) => {
          line(`    ${k === 0 ? c.cyan('→') : ' '} ${l}`);
        });
      }
    }
  }
  return `${out.join('\n')}\n`;

  function remedyHead(m: RemedyView, prefix: string, indent: number) {
    const sev = { critical: c.red.bold, high: c.red, medium: c.yellow, low: c.gray }[m.severity];
    const head = `${' '.repeat(indent)}${prefix}[${m.severityWord}] `;
    wrap(m.title, cols - width(head)).forEach((l, i) => {
      line(i === 0 ? `${sev(head)}${c.bold(l)}` : `${' '.repeat(width(head))}${c.bold(l)}`);
    });
  }

  // name | bar | score | level | answered; the bar takes what is left.
  function dimensionBars() {
    const dims = v.dimensions;
    const nameW = Math.min(Math.max(...dims.map((d) => width(d.title))), Math.floor(cols / 3));
    const levelW = Math.min(Math.max(...dims.map((d) => width(d.level))), Math.floor(cols / 5));
    const ansW = Math.max(...dims.map((d) => width(d.answered)));
    const barW = Math.max(10, cols - nameW - levelW - ansW - 5 - 4);
    for (const d of dims) {
      const filled = d.score === null ? 0 : Math.round((d.score / 100) * barW);
      const bar = paint(c, d.band)('█'.repeat(filled)) + c.gray('░'.repeat(barW - filled));
      line(
        `${padEnd(truncate(d.title, nameW), nameW)} ${bar} ${paint(c, d.band)(padStart(d.scoreText, 5))} ` +
          `${padEnd(truncate(d.level, levelW), levelW)} ${padStart(d.answered, ansW)}`,
      );
    }
    for (const d of dims) if (d.cap) para(`↓ ${d.title}: ${d.cap}`, 2, c.red);
  }
}
