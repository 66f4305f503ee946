import { progressStrings } from '../i18n/progress.js';
import type { Trend } from '../schema/trend.js';
import { mdInline as md, mdCode } from './escape.js';
import { fmtScore } from './format.js';
import { arrow, levelTitle, type Series, seriesOf, signed } from './trend-view.js';

/** The trend as GitHub-flavoured markdown: a row per score and a column per date, Δ of the latest date, then the levels. */
export function renderTrendMarkdown(trend: Trend): string {
  const p = progressStrings(trend.locale);
  const rows = seriesOf(trend, p.overall);
  const dates = trend.points.map((pt) => pt.date);
  const delta = (d: number | null) => `${arrow(d)} ${signed(d, 1, p.trendNone)}`.trim();
  const title = (r: Series, k: number) => (k === 0 ? `**${md(r.title)}**` : md(r.title));
  const out: string[] = [`# ${md(p.trendTitle(trend.questionnaire.title))}`, ''];
  out.push(`| ${p.score} | ${dates.join(' | ')} | ${p.trendFirst} | ${p.trendPrevious} |`);
  out.push(`| --- | ${dates.map(() => '---:').join(' | ')} | ---: | ---: |`);
  rows.forEach((r, k) => {
    const scores = r.scores.map((s) => fmtScore(s, p.trendNone)).join(' | ');
    out.push(`| ${title(r, k)} | ${scores} | ${delta(r.deltaFirst)} | ${delta(r.deltaPrevious)} |`);
  });
  out.push('', `## ${p.levels}`, '', `| ${p.levels} | ${dates.join(' | ')} |`, `| --- | ${dates.map(() => '---').join(' | ')} |`);
  rows.forEach((r, k) => {
    out.push(`| ${title(r, k)} | ${r.levels.map((l) => md(levelTitle(trend, l, p.trendNone))).join(' | ')} |`);
  });
  out.push('', `## ${p.files}`, '');
  for (const pt of trend.points) out.push(`- ${pt.date}: ${mdCode(pt.file)}`);
  return `${out.join('\n')}\n`;
}
