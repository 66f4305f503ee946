import { strings } from '../i18n/ui.js';
import type { Report } from '../schema/report.js';
import { html, mdInline as md } from './escape.js';
import { type Band, band, dimensionTitle, fmtPercent, fmtScore, noRemediesText } from './format.js';

const MARK: Record<Band, string> = { low: '🔴', mid: '🟡', high: '🟢', none: '⚪' };

/** GitHub-flavoured markdown: summary table, remedies as checklists, unanswered questions, answers in <details>. */
export function renderMarkdown(report: Report): string {
  const t = strings(report.locale);
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);

  push(`# ${md(report.questionnaire.title)} — ${t.reportTitle}`, '');
  const r = report.respondent;
  const who = [r.name, r.role, r.organization, r.unit]
    .filter((x): x is string => Boolean(x))
    .map(md)
    .join(' · ');
  if (who) push(`- ${t.respondent}: ${who}`);
  if (report.date) push(`- ${t.date}: ${md(report.date)}`);
  push(`- ${t.questionnaire}: \`${report.questionnaire.id}\` ${md(report.questionnaire.version)}`, '');

  const o = report.overall;
  push(
    `**${t.overall}: ${fmtScore(o.score, t.noScore)}${o.score === null ? '' : ' / 100'}** ${MARK[band(o.score)]} · ` +
      `${t.level}: **${md(o.level?.title ?? '—')}** · ${t.coverage}: ${fmtPercent(o.coverage)}`,
    '',
  );

  push(`| ${t.dimension} | ${t.score} | ${t.level} | ${t.coverage} |`, '| --- | ---: | --- | ---: |');
  for (const d of report.dimensions) {
    push(
      `| ${MARK[band(d.score)]} ${md(d.title)} | ${fmtScore(d.score, '—')} | ${md(d.level?.title ?? '—')} | ${fmtPercent(d.coverage)} |`,
    );
  }
  const capped = report.dimensions.filter((d) => d.cappedBy.length > 0);
  if (capped.length > 0) push('');
  for (const d of capped) {
    push(
      `- ↓ ${md(d.title)}: ${t.cappedBy(d.cappedBy.map((id) => `\`${id}\``).join(', '))} (${fmtScore(d.rawScore, '—')} → ${fmtScore(d.score, '—')})`,
    );
  }
  push('', `## ${t.remedies}`, '');
  if (report.remedies.length === 0) push(noRemediesText(report, t), '');
  for (const rem of report.remedies) {
    const facts = [
      t.severity[rem.severity],
      rem.dimension && md(dimensionTitle(report, rem.dimension) ?? ''),
      `${t.priority} ${rem.priority}`,
      rem.effort && `${t.effort} ${t.effortLevel[rem.effort]}`,
      rem.horizon && md(rem.horizon),
    ].filter(Boolean);
    push(`- [ ] **${md(rem.title)}** — ${facts.join(' · ')}`);
    if (rem.why) push(`  - ${t.why}: ${md(rem.why)}`);
    for (const a of rem.actions) push(`  - [ ] ${md(a)}`);
  }
  if (report.remedies.length > 0) push('');

  push(`## ${t.unanswered}`, '');
  // Only scored questions: an unanswered notes question costs no coverage.
  const open = report.answers.filter((a) => a.state === 'unanswered' && a.weight > 0);
  if (open.length === 0) push(t.allAnswered);
  for (const a of open) push(`- \`${a.id}\` ${md(a.text)}`);
  push('');

  const given = report.answers.filter((a) => a.state === 'answered' || a.state === 'na' || a.note || a.evidence);
  if (given.length > 0) {
    // <details> keeps long answer lists out of the way; it is the one HTML element the report uses.
    push('<!-- markdownlint-disable MD033 -->', '<details>', `<summary>${html(t.answersAndNotes(given.length))}</summary>`, '');
    push(`| ${t.question} | ${t.answer} | ${t.score} | ${t.note} |`, '| --- | --- | ---: | --- |');
    for (const a of given) {
      const answer = a.state === 'answered' ? md(a.label ?? '') : t.state[a.state];
      const note = [a.note && md(a.note), a.evidence && `${t.evidence}: ${md(a.evidence)}`].filter(Boolean).join(' · ');
      push(`| \`${a.id}\` ${md(a.text)} | ${answer} | ${a.score === null ? '—' : a.score.toFixed(3)} | ${note || '—'} |`);
    }
    push('', '</details>', '<!-- markdownlint-enable MD033 -->', '');
  }

  if (report.warnings.length > 0) {
    push(`## ${t.warnings}`, '');
    for (const w of report.warnings) push(`- ${md(`${w.file}:${w.line}:${w.column}`)} ${md(w.message)}`);
    push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
