import type { Report } from '../schema/report.js';
import { mdInline as md } from './escape.js';
import type { Band } from './format.js';
import { type RemedyView, type ReportView, reportView } from './view.js';
import { type AppendixView, answersAppendix } from './view-appendix.js';

const MARK: Record<Band, string> = { low: '🔴', mid: '🟡', high: '🟢', none: '⚪' };
const SEV: Record<RemedyView['severity'], string> = { critical: '🟥', high: '🔴', medium: '🟠', low: '⚪' };

/** Severity as a marker and a word: the word carries the meaning, the marker only helps the eye. */
const sev = (m: RemedyView) => `${SEV[m.severity]} ${md(m.severityWord)}`;

/** GitHub-flavoured markdown with the sections of the report view; passes markdownlint. */
export function renderMarkdown(report: Report): string {
  const v = reportView(report);
  const { r, t, summary: s } = v;
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);

  push(`# ${md(v.title)}`, '');
  if (v.organization) push(`${md(v.organization)}`, '');
  for (const f of v.facts) push(`- ${md(f.label)}: ${md(f.value)}`);
  push('', `## ${r.summary}`, '');
  if (s.hypothetical) push(`> **${md(s.hypothetical)}**`, '');
  push(
    `${r.overallScore}: **${md(s.scoreText)}**${s.score === null ? '' : ' / 100'} ${MARK[s.band]} · ${r.levelNow}: **${md(s.level ?? r.none)}**`,
    '',
  );
  if (s.levelDescription) push(md(s.levelDescription), '');
  if (s.next) push(`> ${md(s.next)}`);
  if (s.nextDetail) push('>', `> ${md(s.nextDetail)}`);
  if (s.next) push('');
  if (s.cap) push(`↓ ${md(s.cap)}`, '');
  if (s.actions.length > 0) {
    push(`### ${s.actionsTitle}`, '');
    s.actions.forEach((m, i) => {
      push(`${i + 1}. **${md(m.title)}** — ${[sev(m), ...m.facts.map(md)].join(' · ')}`);
    });
    push('');
  }
  if (s.strongest && s.weakest) push(`- ${r.strongest}: ${md(s.strongest)}`, `- ${r.weakest}: ${md(s.weakest)}`, '');
  if (v.targets.length > 0) {
    push(`### ${r.targets}`, '', `| | ${r.target} | ${t.score} | ${r.gap} | |`, '| --- | ---: | ---: | ---: | --- |');
    for (const x of v.targets) push(`| ${md(x.label)} | ${x.target} | ${x.score} | ${x.gap} | ${md(x.reached)} |`);
    push('');
  }
  if (s.whatIf.length > 0) push(`### ${r.whatIf}`, '', ...s.whatIf.map((w) => `- ${md(w)}`), '');
  push(md(s.coverage), '');

  dimensions(v, push);
  comparison(v, push);

  push(`## ${r.strengths}`, '', md(v.strengthsIntro), '');
  push(...(v.strengths.length > 0 ? v.strengths.map((x) => `- ${md(x)}`) : [md(r.noStrengths)]), '');

  push(`## ${r.roadmap}`, '');
  if (v.roadmap.phases.length === 0) push(s.score === null ? t.nothingAnswered : t.noRemedies, '');
  if (v.roadmap.note) push(md(v.roadmap.note), '');
  for (const p of v.roadmap.phases) {
    push(`### ${md(p.title)}`, '');
    if (p.projected) push(`${md(p.projected)}.`, '');
    if (p.moves.length > 0) push(md(p.moves.join(' · ')), '');
    for (const m of p.remedies) {
      push(`- [ ] **${md(m.title)}** — ${[sev(m), ...m.facts.map(md)].join(' · ')}`);
      if (m.why) push(`  - ${t.why}: ${md(m.why)}`);
      for (const a of m.actions) push(`  - [ ] ${md(a)}`);
    }
    push('');
  }

  appendix(v, answersAppendix(report, v.t, v.r), push);
  return `${out.join('\n').trimEnd()}\n`;
}

function dimensions(v: ReportView, push: (...l: string[]) => void) {
  const { r, t } = v;
  const c = v.comparison;
  const before = (id: string) => c?.dimensions.find((d) => d.id === id);
  push(`## ${r.dimensions(v.dimensions.length)}`, '');
  push(
    `| ${t.dimension} |${c ? ` ${r.before} |` : ''} ${t.score} |${c ? ` ${r.change} |` : ''} ${t.level} | ${r.answered} |`,
    `| --- |${c ? ' ---: |' : ''} ---: |${c ? ' ---: |' : ''} --- | ---: |`,
  );
  for (const d of v.dimensions) {
    const b = before(d.id);
    push(
      `| ${MARK[d.band]} ${md(d.title)} |${c ? ` ${b?.beforeText ?? '—'} |` : ''} ${d.scoreText} |${c ? ` ${b?.delta ?? '—'} |` : ''} ${md(d.level)} | ${d.answered} |`,
    );
  }
  push('');
  const caps = v.dimensions.filter((d) => d.cap);
  if (caps.length > 0) push(...caps.map((d) => `- ↓ ${md(d.title)}: ${md(d.cap ?? '')}`), '');
}

function comparison(v: ReportView, push: (...l: string[]) => void) {
  const k = v.comparison;
  if (!k) return;
  const { r, t } = v;
  const o = k.overall;
  push(`## ${r.comparison}`, '', md(k.baseline), '');
  push(`${md(o.title)}: ${o.beforeText} → **${o.afterText}** (${o.delta}) · ${md(o.level)}`, '');
  const group = (title: string, items: string[]) => {
    if (items.length > 0) push(`### ${title}`, '', ...items.map((i) => `- ${md(i)}`), '');
  };
  group(r.newRemedies, k.news);
  group(r.persistingRemedies, k.persisting);
  if (k.resolved) push(`### ${r.resolvedRemedies}`, '', md(k.resolved), '');
  if (k.answers.length > 0) {
    push(`### ${r.changedAnswers}`, '', `| ${t.question} | ${r.before} | ${r.after} | ${r.change} |`, '| --- | --- | --- | ---: |');
    for (const a of k.answers) push(`| ${md(a.text)} | ${md(a.before)} | ${md(a.after)} | ${a.delta} |`);
    push('');
  }
}

function appendix(v: ReportView, a: AppendixView, push: (...l: string[]) => void) {
  const { r, t } = v;
  push(`## ${r.appendix}`, '', md(r.appendixIntro), '');
  for (const g of a.groups) {
    push(`### ${md(g.title)}`, '', `| ${t.question} | ${t.answer} | ${t.score} | ${t.note} |`, '| --- | --- | ---: | --- |');
    for (const x of g.rows) {
      const note = [x.note && md(x.note), x.evidence && `${t.evidence}: ${md(x.evidence)}`].filter(Boolean).join(' · ');
      push(`| ${md(x.text)} \`${x.id}\` | ${md(x.answer)} | ${x.score} | ${note || '—'} |`);
    }
    push('');
  }
  push(`### ${t.unanswered}`, '');
  push(...(a.unanswered.length === 0 ? [t.allAnswered] : a.unanswered.map((q) => `- ${md(q.text)} \`${q.id}\``)), '');
  if (a.warnings.length > 0) push(`### ${t.warnings}`, '', ...a.warnings.map((w) => `- ${md(w)}`), '');
}
