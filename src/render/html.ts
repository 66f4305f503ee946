import type { Report } from '../schema/report.js';
import { html as h } from './escape.js';
import { PAGE_CSP, pageCss } from './html-css.js';
import { radarSvg } from './svg/radar.js';
import { type RemedyView, type ReportView, reportView } from './view.js';
import { type AppendixView, answersAppendix } from './view-appendix.js';

// The report as one self-contained page: inline style and SVG, no script, a policy that forbids every network request.

/** On paper, the remedies of highest priority keep their actions; the rest are listed by title, to keep a printout short. */
const PRINT_DETAIL = 15;

const list = (items: string[], cls = '') => `<ul${cls ? ` class="${cls}"` : ''}>${items.map((i) => `<li>${h(i)}</li>`).join('')}</ul>`;
const sev = (m: RemedyView) => `<span class="sev s-${m.severity}">${h(m.severityWord)}</span>`;

function summary(v: ReportView): string {
  const s = v.summary;
  const { r } = v;
  const out = [
    `<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">${h(r.summary)}</h2>`,
    s.hypothetical ? `<p class="hypothetical"><strong>${h(s.hypothetical)}</strong></p>` : '',
    `<div class="card"><div class="score"><span class="label">${h(r.overallScore)}</span><span class="big">${h(s.scoreText)}</span><span class="of">${h(r.ofHundred)}</span></div>`,
    `<div class="what"><p class="label">${h(r.levelNow)}</p><p class="level"><span class="dot b-${s.band}" aria-hidden="true"></span>${h(s.level ?? r.none)}</p>`,
    s.levelDescription ? `<p>${h(s.levelDescription)}</p>` : '',
    '</div></div>',
  ];
  if (s.next) {
    out.push(`<div class="next"><p><strong>${h(s.next)}</strong></p>${s.nextDetail ? `<p>${h(s.nextDetail)}</p>` : ''}</div>`);
  }
  if (s.cap) out.push(`<p class="caps">${h(s.cap)}</p>`);
  if (s.actions.length > 0) {
    out.push(
      `<h3>${h(s.actionsTitle)}</h3><ol class="actions">`,
      ...s.actions.map((m) => `<li>${sev(m)} <strong>${h(m.title)}</strong> <span class="meta">${h(m.facts.join(' · '))}</span></li>`),
      '</ol>',
    );
  }
  if (s.strongest && s.weakest) {
    out.push(
      `<dl class="pair"><div><dt>${h(r.strongest)}</dt><dd>${h(s.strongest)}</dd></div><div><dt>${h(r.weakest)}</dt><dd>${h(s.weakest)}</dd></div></dl>`,
    );
  }
  if (v.targets.length > 0) {
    out.push(
      `<h3>${h(r.targets)}</h3><table><thead><tr><th></th><th class="num">${h(r.target)}</th><th class="num">${h(v.t.score)}</th><th class="num">${h(r.gap)}</th><th></th></tr></thead><tbody>`,
      ...v.targets.map(
        (x) =>
          `<tr><td>${h(x.label)}</td><td class="num">${h(x.target)}</td><td class="num">${h(x.score)}</td><td class="num">${h(x.gap)}</td><td>${h(x.reached)}</td></tr>`,
      ),
      '</tbody></table>',
    );
  }
  if (s.whatIf.length > 0) out.push(`<h3>${h(r.whatIf)}</h3>`, list(s.whatIf));
  out.push(`<p class="meta">${h(s.coverage)}</p></section>`);
  return out.join('\n');
}

function dimensions(v: ReportView): string {
  const { r, t } = v;
  const c = v.comparison;
  const before = (id: string) => c?.dimensions.find((d) => d.id === id);
  const now = { name: r.after, values: v.dimensions.map((d) => d.score) };
  const series = c ? [{ name: r.before, values: v.dimensions.map((d) => before(d.id)?.before ?? null), muted: true }, now] : [now];
  const parts = v.dimensions.map((d) => `${d.title} ${d.scoreText}${c ? ` (${r.before} ${before(d.id)?.beforeText ?? '—'})` : ''}`);
  const svg = radarSvg({
    id: 'radar',
    title: r.chartTitle,
    desc: r.chartDesc(parts.join(v.locale.startsWith('zh') ? '，' : ', ')),
    axes: v.dimensions.map((d) => d.title),
    axisNotes: v.dimensions.map((d) => d.scoreText),
    series,
  });
  const head = `<tr><th>${h(t.dimension)}</th>${c ? `<th class="num">${h(r.before)}</th>` : ''}<th class="num">${h(t.score)}</th>${c ? `<th class="num">${h(r.change)}</th>` : ''}<th>${h(t.level)}</th><th class="num">${h(r.answered)}</th></tr>`;
  const rows = v.dimensions.map(
    (d) =>
      `<tr data-dimension="${h(d.id)}"><td>${h(d.title)}</td>${c ? `<td class="num">${h(before(d.id)?.beforeText ?? '—')}</td>` : ''}<td class="num"><span class="dot b-${d.band}" aria-hidden="true"></span>${h(d.scoreText)}</td>${c ? `<td class="num">${h(before(d.id)?.delta ?? '—')}</td>` : ''}<td>${h(d.level)}</td><td class="num">${h(d.answered)}</td></tr>`,
  );
  const caps = v.dimensions.filter((d) => d.cap).map((d) => `${d.title}: ${d.cap}`);
  return [
    `<section id="dimensions" aria-labelledby="dimensions-h"><h2 id="dimensions-h">${h(r.dimensions(v.dimensions.length))}</h2>`,
    `<figure>${svg}</figure>`,
    `<table class="dims"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`,
    caps.length > 0 ? list(caps, 'caps') : '',
    '</section>',
  ].join('\n');
}

function comparison(v: ReportView): string {
  const c = v.comparison;
  if (!c) return '';
  const { r } = v;
  const o = c.overall;
  const out = [
    `<section id="comparison" aria-labelledby="comparison-h"><h2 id="comparison-h">${h(r.comparison)}</h2><p class="meta">${h(c.baseline)}</p>`,
    `<p class="card"><strong>${h(o.title)}: ${h(o.beforeText)} → ${h(o.afterText)} (${h(o.delta)})</strong> <span>${h(o.level)}</span></p>`,
  ];
  const group = (title: string, items: string[]) => (items.length > 0 ? `<h3>${h(title)}</h3>${list(items)}` : '');
  out.push(group(r.newRemedies, c.news), group(r.persistingRemedies, c.persisting));
  if (c.resolved) out.push(`<h3>${h(r.resolvedRemedies)}</h3><p>${h(c.resolved)}</p>`);
  if (c.answers.length > 0) {
    out.push(
      `<h3>${h(r.changedAnswers)}</h3><table><thead><tr><th>${h(v.t.question)}</th><th>${h(r.before)}</th><th>${h(r.after)}</th><th class="num">${h(r.change)}</th></tr></thead><tbody>`,
      ...c.answers.map(
        (a) => `<tr><td>${h(a.text)}</td><td>${h(a.before)}</td><td>${h(a.after)}</td><td class="num">${h(a.delta)}</td></tr>`,
      ),
      '</tbody></table>',
    );
  }
  out.push('</section>');
  return out.join('\n');
}

function roadmap(v: ReportView): string {
  const { r } = v;
  const out = [`<section id="roadmap" aria-labelledby="roadmap-h"><h2 id="roadmap-h">${h(r.roadmap)}</h2>`];
  if (v.roadmap.phases.length === 0) out.push(`<p>${h(v.summary.score === null ? v.t.nothingAnswered : v.t.noRemedies)}</p>`);
  if (v.roadmap.note) out.push(`<p class="meta">${h(v.roadmap.note)}</p>`);
  const count = v.roadmap.phases.reduce((n, p) => n + p.remedies.length, 0);
  if (count > PRINT_DETAIL) out.push(`<p class="meta print-only">${h(r.printBrief(PRINT_DETAIL))}</p>`);
  for (const p of v.roadmap.phases) {
    out.push(`<h3>${h(p.title)}</h3>`);
    if (p.projected) out.push(`<p class="projected">${h(p.projected)}</p>`);
    if (p.moves.length > 0) out.push(`<p class="meta">${h(p.moves.join(' · '))}</p>`);
    out.push('<div class="phase">');
    for (const m of p.remedies) {
      out.push(
        `<article class="remedy s-${m.severity}${m.rank > PRINT_DETAIL ? ' brief' : ''}"><h4>${sev(m)} ${h(m.title)}</h4><p class="meta">${h(m.facts.join(' · '))}</p>${m.why ? `<p class="why">${h(m.why)}</p>` : ''}${list(m.actions)}</article>`,
      );
    }
    out.push('</div>');
  }
  out.push('</section>');
  return out.join('\n');
}

function appendix(v: ReportView, a: AppendixView): string {
  const { r, t } = v;
  const out = [
    `<section id="appendix" aria-labelledby="appendix-h"><h2 id="appendix-h">${h(r.appendix)}</h2><p class="meta">${h(r.appendixIntro)}</p>`,
  ];
  for (const g of a.groups) {
    out.push(
      `<div class="group"><h3>${h(g.title)}</h3><table class="answers"><thead><tr><th>${h(t.question)}</th><th>${h(t.answer)}</th><th class="num">${h(t.score)}</th><th>${h(t.note)}</th></tr></thead><tbody>`,
      ...g.rows.map((x) => {
        const note = [x.note && h(x.note), x.evidence && `<strong>${h(t.evidence)}:</strong> ${h(x.evidence)}`]
          .filter(Boolean)
          .join('<br>');
        return `<tr${x.note || x.evidence ? '' : ' class="bare"'}><td>${h(x.text)} <code>${h(x.id)}</code></td><td data-label="${h(t.answer)}">${h(x.answer)}</td><td class="num" data-label="${h(t.score)}">${h(x.score)}</td><td>${note}</td></tr>`;
      }),
      '</tbody></table></div>',
    );
  }
  out.push(`<h3>${h(t.unanswered)}</h3>`);
  out.push(
    a.unanswered.length === 0
      ? `<p>${h(t.allAnswered)}</p>`
      : `<ul>${a.unanswered.map((q) => `<li>${h(q.text)} <code>${h(q.id)}</code></li>`).join('')}</ul>`,
  );
  if (a.warnings.length > 0) out.push(`<h3>${h(t.warnings)}</h3>`, list(a.warnings));
  out.push('</section>');
  return out.join('\n');
}

/** A self-contained HTML page of the report; every text from an input file is escaped. */
export function renderHtml(report: Report): string {
  const v = reportView(report);
  const header = [v.organization, v.title].filter(Boolean).join(' · ');
  const facts = v.facts.map((f) => `<div><dt>${h(f.label)}</dt><dd>${h(f.value)}</dd></div>`).join('');
  const strengths = v.strengths.length > 0 ? list(v.strengths, 'strengths') : `<p>${h(v.r.noStrengths)}</p>`;
  return `<!doctype html>
<html lang="${h(report.locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">
<title>${h([v.organization, v.title].filter(Boolean).join(' — '))}</title><style>${pageCss(header, v.date ?? '')}</style></head>
<body>
<header>${v.organization ? `<p class="kicker">${h(v.organization)}</p>` : ''}<h1>${h(v.title)}</h1><dl class="facts">${facts}</dl></header>
<main>
${summary(v)}
${dimensions(v)}
${comparison(v)}
<section id="strengths" aria-labelledby="strengths-h"><h2 id="strengths-h">${h(v.r.strengths)}</h2><p class="meta">${h(v.strengthsIntro)}</p>${strengths}</section>
${roadmap(v)}
${appendix(v, answersAppendix(report, v.t, v.r))}
</main>
<footer>kamcheck ${h(report.tool.version)}</footer>
</body></html>
`;
}
