import { progressStrings } from '../i18n/progress.js';
import { teamStrings } from '../i18n/team.js';
import { strings } from '../i18n/ui.js';
import type { TeamReport } from '../schema/team.js';
import { type Band, band, fmtPercent, fmtScore } from './format.js';
import type { Paint } from './paint.js';
import { makePaint, padEnd, padStart, truncate, width, wrap } from './style.js';
import { capital, gapLine, groupName, perceptionLine, progressRows, remedyChanges, signed, teamLine } from './team-text.js';
import type { TerminalOptions } from './terminal.js';

const paint = (c: Paint, b: Band) => ({ low: c.red, mid: c.yellow, high: c.green, none: c.gray })[b];
const num = (s: number | null) => (s === null ? '—' : s.toFixed(1));

/** The team report at a terminal: scores with their spread, group gaps, talking points, remedies, the customer's view. */
export function renderTeamTerminal(doc: TeamReport, opts: TerminalOptions): string {
  const c = makePaint(opts.color);
  const u = strings(doc.locale);
  const t = teamStrings(doc.locale);
  const cols = Math.max(40, Math.min(opts.columns ?? 80, 120));
  const out: string[] = [];
  const line = (s = '') => out.push(s);
  const para = (s: string, indent = '') => {
    for (const l of wrap(s, cols - width(indent))) line(`${indent}${l}`);
  };
  const head = (s: string) => {
    line();
    line(c.bold(truncate(s, cols)));
  };

  line(c.bold(truncate(`${doc.questionnaire.title} — ${t.title}`, cols)));
  for (const l of wrap(teamLine(doc, t), cols)) line(c.dim(l));
  line();
  const o = doc.overall;
  line(
    `${c.bold(`${u.overall}:`)} ${paint(c, band(o.score)).bold(fmtScore(o.score, u.noScore))}${o.score === null ? '' : ' / 100'}` +
      `   ${u.level}: ${c.bold(o.level?.title ?? '—')}   ${u.coverage}: ${fmtPercent(o.coverage)}`,
  );
  line();

  // dimension | score | median | range | sd | consensus
  const cells = [u.score, t.median, t.range, t.sd, t.consensus];
  const w = [
    Math.max(5, width(cells[0] as string)),
    Math.max(6, width(cells[1] as string)),
    Math.max(11, width(cells[2] as string)),
    Math.max(5, width(cells[3] as string)),
    Math.max(...Object.values(t.consensusLevel).map(width), width(cells[4] as string)),
  ];
  const nameW = Math.max(8, cols - w.reduce((a, b) => a + b + 1, 0) - 1);
  line(
    c.dim(
      `${padEnd(u.dimension, nameW)} ${cells.map((h, i) => (i < 4 ? padStart(h, w[i] as number) : padEnd(h, w[i] as number))).join(' ')}`,
    ),
  );
  for (const d of doc.dimensions) {
    const range = d.min === null || d.max === null ? '—' : `${d.min.toFixed(1)}–${d.max.toFixed(1)}`;
    const consensus = d.consensus === null ? '—' : t.consensusLevel[d.consensus];
    line(
      `${padEnd(truncate(d.title, nameW), nameW)} ${paint(c, band(d.score))(padStart(num(d.score), w[0] as number))} ` +
        `${padStart(num(d.median), w[1] as number)} ${padStart(range, w[2] as number)} ${padStart(num(d.sd), w[3] as number)} ${consensus}`,
    );
  }

  if (doc.comparison) {
    const cmp = doc.comparison;
    const p = progressStrings(doc.locale);
    head(t.progress);
    para(p.comparedWith(cmp.baseline.date, cmp.baseline.file));
    const pw = [p.before, p.after, p.delta].map((h) => Math.max(6, width(h)));
    const titleW = Math.max(8, cols - pw.reduce((a, b) => a + b + 1, 0));
    line(c.dim(`${padEnd(u.dimension, titleW)}${[p.before, p.after, p.delta].map((h, i) => ` ${padStart(h, pw[i] as number)}`).join('')}`));
    for (const r of progressRows(doc, cmp, u.overall)) {
      const delta = padStart(r.delta, pw[2] as number);
      line(
        `${padEnd(truncate(r.title, titleW), titleW)} ${padStart(r.before, pw[0] as number)} ${padStart(r.after, pw[1] as number)} ` +
          `${r.fell ? c.red(delta) : delta}`,
      );
    }
    for (const l of remedyChanges(cmp, p, t.progressNone)) para(l);
  }

  head(`${t.groups} (${t.by[doc.by]})`);
  const dimW = Math.max(5, Math.floor((cols - 16 - 4 - 6) / Math.max(1, doc.dimensions.length)) - 1);
  const groupW = Math.max(6, cols - 4 - 6 - doc.dimensions.length * (dimW + 1) - 2);
  line(
    c.dim(
      `${padEnd(truncate(capital(t.by[doc.by]), groupW), groupW)} ${padStart(t.n, 3)} ${padStart(u.overall, 6)}` +
        doc.dimensions.map((d) => ` ${padStart(truncate(d.title, dimW), dimW)}`).join(''),
    ),
  );
  for (const g of doc.groups) {
    line(
      `${padEnd(truncate(groupName(g.value, t), groupW), groupW)} ${padStart(String(g.n), 3)} ${padStart(num(g.overall), 6)}` +
        doc.dimensions.map((d) => ` ${padStart(num(g.dimensions[d.id] ?? null), dimW)}`).join(''),
    );
  }
  if (doc.gaps.length === 0) para(t.noGaps);
  for (const g of doc.gaps) {
    const text = `${gapLine(doc, g, t)}${g.flagged ? ` — ${t.flagged}` : ''}`;
    wrap(text, cols - 2).forEach((l, i) => {
      line(`${i === 0 ? (g.flagged ? c.red('! ') : '  ') : '  '}${g.flagged ? c.bold(l) : l}`);
    });
  }

  head(t.disputed);
  const threshold = doc.disagree.toFixed(2);
  if (doc.disputed.length === 0) para(t.noDisputed(threshold));
  else para(t.disputedIntro(threshold));
  const top = opts.top ?? 5;
  doc.disputed.slice(0, top).forEach((d, i) => {
    const lead = `${i + 1}. `;
    const indent = ' '.repeat(width(lead));
    wrap(`${d.text} [${t.spread} ${d.spread.toFixed(2)}]`, cols - width(lead)).forEach((l, k) => {
      line(`${k === 0 ? c.bold(lead) : indent}${l}`);
    });
    for (const a of d.answers) {
      const groups = a.groups.map((g) => groupName(g, t)).join(t.listSep);
      wrap(t.answeredBy(a.count, a.label, groups), cols - width(indent) - 2).forEach((l, k) => {
        line(`${indent}${k === 0 ? c.dim('·') : ' '} ${l}`);
      });
    }
  });
  if (doc.disputed.length > top) line(c.dim(t.moreDisputed(doc.disputed.length - top)));

  const shown = doc.remedies.slice(0, top);
  head(shown.length < doc.remedies.length ? `${t.remedies} (${shown.length}/${doc.remedies.length})` : t.remedies);
  if (doc.remedies.length === 0) para(u.noRemedies);
  const sev = { critical: c.red.bold, high: c.red, medium: c.yellow, low: c.gray };
  shown.forEach((r, i) => {
    const lead = `${i + 1}. [${u.severity[r.severity]}] `;
    line(`${sev[r.severity](lead)}${c.bold(truncate(r.title, cols - width(lead)))}`);
    const groups = r.groups.map((g) => groupName(g, t)).join(t.listSep);
    para(`${t.firedFor(r.fired, r.of)} · ${groups} · ${u.priority} ${r.priority}`, '   ');
    for (const a of r.actions) {
      wrap(a, cols - 5).forEach((l, k) => {
        line(`   ${k === 0 ? c.cyan('→') : ' '} ${l}`);
      });
    }
  });
  if (doc.remedies.length > shown.length) line(c.dim(u.moreRemedies(doc.remedies.length - shown.length)));

  for (const p of doc.perspectives) {
    head(`${t.perceptionTitle(p.title)} (${p.respondents})`);
    for (const d of p.dimensions) {
      const l = perceptionLine(doc, p, d, t);
      if (l) para(l, '  ');
    }
    if (p.questions.length > 0) {
      line(c.dim(`  ${t.perceptionQuestions}`));
      for (const q of p.questions.slice(0, top)) {
        const gap = padStart(signed(q.gap), 6);
        const both = padStart(`${q.internal.toFixed(0)}/${q.other.toFixed(0)}`, 7);
        line(`  ${q.gap > 0 ? c.yellow(gap) : gap} ${c.dim(both)} ${truncate(q.text, cols - 17)}`);
      }
    }
  }

  head(`${t.people} (${doc.people.length})`);
  for (const p of doc.people) {
    const who = [p.respondent.name, p.respondent.role, p.perspective === doc.perspective ? '' : p.perspective].filter(Boolean).join(' · ');
    const tail = ` ${padStart(num(p.overall), 5)} ${padStart(fmtPercent(p.coverage), 4)}`;
    line(`${padEnd(truncate(`${who || p.file}`, cols - width(tail)), cols - width(tail))}${tail}`);
  }
  return `${out.join('\n')}\n`;
}
