import { progressStrings } from '../i18n/progress.js';
import { teamStrings } from '../i18n/team.js';
import { strings } from '../i18n/ui.js';
import type { TeamReport } from '../schema/team.js';
import { mdInline as md } from './escape.js';
import { type Band, band, fmtPercent, fmtScore } from './format.js';
import { capital, gapLine, groupName, perceptionLine, progressRows, remedyChanges, signed, teamLine } from './team-text.js';

const MARK: Record<Band, string> = { low: '🔴', mid: '🟡', high: '🟢', none: '⚪' };
const num = (s: number | null) => (s === null ? '—' : s.toFixed(1));

/** The team report as GitHub-flavoured markdown; disputed questions read as talking points for the workshop. */
export function renderTeamMarkdown(doc: TeamReport): string {
  const u = strings(doc.locale);
  const t = teamStrings(doc.locale);
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);

  push(`# ${md(doc.questionnaire.title)} — ${t.title}`, '');
  push(`- ${md(teamLine(doc, t))}`, `- ${u.questionnaire}: \`${doc.questionnaire.id}\` ${md(doc.questionnaire.version)}`, '');
  const o = doc.overall;
  push(
    `**${u.overall}: ${fmtScore(o.score, u.noScore)}${o.score === null ? '' : ' / 100'}** ${MARK[band(o.score)]} · ` +
      `${u.level}: **${md(o.level?.title ?? '—')}** · ${u.coverage}: ${fmtPercent(o.coverage)}`,
    '',
  );
  push(
    `| ${u.dimension} | ${u.score} | ${u.level} | ${t.median} | ${t.range} | ${t.sd} | ${t.consensus} | ${u.coverage} |`,
    '| --- | ---: | --- | ---: | ---: | ---: | --- | ---: |',
  );
  for (const d of doc.dimensions) {
    const range = d.min === null || d.max === null ? '—' : `${d.min.toFixed(1)}–${d.max.toFixed(1)}`;
    push(
      `| ${MARK[band(d.score)]} ${md(d.title)} | ${num(d.score)} | ${md(d.level?.title ?? '—')} | ${num(d.median)} | ${range} | ${num(d.sd)} | ` +
        `${d.consensus === null ? '—' : t.consensusLevel[d.consensus]} | ${fmtPercent(d.coverage)} |`,
    );
  }

  if (doc.comparison) {
    const c = doc.comparison;
    const p = progressStrings(doc.locale);
    push('', `## ${t.progress}`, '', md(p.comparedWith(c.baseline.date, c.baseline.file)), '');
    push(`| ${u.dimension} | ${p.before} | ${p.after} | ${p.delta} |`, '| --- | ---: | ---: | ---: |');
    for (const r of progressRows(doc, c, u.overall)) push(`| ${md(r.title)} | ${r.before} | ${r.after} | ${r.delta} |`);
    push('');
    for (const l of remedyChanges(c, p, t.progressNone, md)) push(`- ${l}`);
  }

  push('', `## ${t.groups} (${t.by[doc.by]})`, '');
  push(
    `| ${md(capital(t.by[doc.by]))} | ${t.n} | ${u.overall} |${doc.dimensions.map((d) => ` ${md(d.title)} |`).join('')}`,
    `| --- | ---: | ---: |${doc.dimensions.map(() => ' ---: |').join('')}`,
  );
  for (const g of doc.groups) {
    push(
      `| ${md(groupName(g.value, t))} | ${g.n} | ${num(g.overall)} |${doc.dimensions.map((d) => ` ${num(g.dimensions[d.id] ?? null)} |`).join('')}`,
    );
  }
  push('');
  if (doc.gaps.length === 0) push(t.noGaps, '');
  else {
    for (const g of doc.gaps) push(`- ${g.flagged ? '⚠️ **' : ''}${gapLine(doc, g, t, md)}${g.flagged ? `** — ${t.flagged}` : ''}`);
    push('');
  }

  push(`## ${t.disputed}`, '');
  const threshold = doc.disagree.toFixed(2);
  push(doc.disputed.length === 0 ? t.noDisputed(threshold) : t.disputedIntro(threshold), '');
  doc.disputed.forEach((d, i) => {
    const lead = `${i + 1}. `;
    const indent = ' '.repeat(lead.length);
    push(`${lead}**${md(d.text)}** (\`${d.id}\`, ${t.spread} ${d.spread.toFixed(2)})`);
    for (const a of d.answers) {
      const groups = a.groups.map((g) => md(groupName(g, t))).join(t.listSep);
      push(`${indent}- ${t.answeredBy(a.count, md(a.label), groups)}`);
    }
  });
  if (doc.disputed.length > 0) push('');

  push(`## ${t.remedies}`, '');
  if (doc.remedies.length === 0) push(u.noRemedies, '');
  for (const r of doc.remedies) {
    const groups = r.groups.map((g) => md(groupName(g, t))).join(t.listSep);
    push(`- [ ] **${md(r.title)}** — ${u.severity[r.severity]} · ${t.firedFor(r.fired, r.of)} (${groups}) · ${u.priority} ${r.priority}`);
    if (r.why) push(`  - ${u.why}: ${md(r.why)}`);
    for (const a of r.actions) push(`  - [ ] ${md(a)}`);
  }
  if (doc.remedies.length > 0) push('');

  for (const p of doc.perspectives) {
    push(`## ${md(t.perceptionTitle(p.title))} (${p.respondents})`, '');
    const lines = p.dimensions.flatMap((d) => perceptionLine(doc, p, d, t, md) ?? []);
    for (const l of lines) push(`- ${l}`);
    if (lines.length > 0) push('');
    if (p.questions.length > 0) {
      push(`| ${u.question} | ${t.ours} | ${md(capital(t.who(p.id, p.title)))} | ${t.gap} |`, '| --- | ---: | ---: | ---: |');
      for (const q of p.questions)
        push(`| \`${q.id}\` ${md(q.text)} | ${q.internal.toFixed(1)} | ${q.other.toFixed(1)} | ${signed(q.gap)} |`);
      push('');
    }
  }

  push(`## ${t.people} (${doc.people.length})`, '');
  push(
    `| ${t.file} | ${u.respondent} | ${t.perspective} | ${u.date} | ${u.overall} | ${u.coverage} |`,
    '| --- | --- | --- | --- | ---: | ---: |',
  );
  for (const p of doc.people) {
    const r = p.respondent;
    const who = [r.name, r.role, r.organization, r.unit]
      .filter((x): x is string => Boolean(x))
      .map(md)
      .join(' · ');
    push(`| ${md(p.file)} | ${who || '—'} | ${md(p.perspective)} | ${p.date ?? '—'} | ${num(p.overall)} | ${fmtPercent(p.coverage)} |`);
  }
  push('');

  if (doc.warnings.length > 0) {
    push(`## ${u.warnings}`, '');
    for (const w of doc.warnings) push(`- ${md(`${w.file}:${w.line}:${w.column}`)} ${md(w.message)}`);
    push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
