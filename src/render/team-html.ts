import { teamStrings } from '../i18n/team.js';
import { strings } from '../i18n/ui.js';
import type { TeamReport } from '../schema/team.js';
import { html as h } from './escape.js';
import { band, fmtPercent, fmtScore } from './format.js';
import { PAGE_CSP, pageCss } from './html-css.js';
import { radarSvg } from './svg/radar.js';
import { answersLine, capital, gapLine, groupName, perceptionLine, signed, teamLine } from './team-text.js';

// The team page shares the single report's shell: its style sheet (screen, 375 px phones, A4 print, CJK fonts) and its
// policy that forbids every network request. Only what the team page alone has is styled here.
const TEAM_CSS = `.flag{color:#cf222e;font-weight:600}.wide{overflow-x:auto;max-width:100%}.wide td,.wide th{word-break:keep-all;overflow-wrap:normal}
.chart-table caption{text-align:left;font-weight:600;font-size:.9em;padding:.2rem 0}.chart-table tbody th{font-size:1em;color:inherit;font-weight:400}`;

const num = (s: number | null) => (s === null ? '—' : s.toFixed(1));
const dot = (s: number | null) => `<span class="dot b-${band(s)}" aria-hidden="true"></span>`;
const score = (s: number | null) => `<td class="num">${dot(s)}${num(s)}</td>`;
const wide = (table: string) => `<div class="wide">${table}</div>`;

/** The radar of the five dimensions (team, respondents' range, groups, other perspectives) and a table of the same numbers. */
function chart(doc: TeamReport): string {
  const t = teamStrings(doc.locale);
  const u = strings(doc.locale);
  const dims = doc.dimensions;
  const sep = doc.locale.toLowerCase().startsWith('zh') ? '；' : '; ';
  const range = (d: (typeof dims)[number]) => (d.min === null || d.max === null ? '—' : `${num(d.min)}–${num(d.max)}`);
  const groups = doc.groups.map((g) => ({
    name: `${groupName(g.value, t)} (${g.n})`,
    values: dims.map((d) => g.dimensions[d.id] ?? null),
  }));
  // Another perspective (the customer's) is drawn dashed and grey with hollow markers: it is not one of our groups.
  const views = doc.perspectives.map((p) => ({
    name: `${capital(t.who(p.id, p.title))} (${p.respondents})`,
    values: dims.map((d) => p.dimensions.find((x) => x.id === d.id)?.score ?? null),
    muted: true,
  }));
  const teamSeries = { name: t.team, values: dims.map((d) => d.score) };
  const parts = dims.map((d) => {
    const others = [...groups, ...views].map((s) => `${s.name} ${num(s.values[dims.indexOf(d)] ?? null)}`);
    return `${d.title}: ${t.team} ${num(d.score)}, ${t.band} ${range(d)}, ${others.join(', ')}`;
  });
  const svg = radarSvg({
    id: 'team-radar',
    title: t.chartTitle,
    desc: t.chartDesc(parts.join(sep)),
    axes: dims.map((d) => d.title),
    axisNotes: dims.map((d) => num(d.score)),
    // The team first: it takes the first colour, the band's, and a solid line.
    series: [teamSeries, ...groups, ...views],
    band: { name: t.band, low: dims.map((d) => d.min), high: dims.map((d) => d.max) },
  });
  const cols = [...groups, ...views];
  const head = `<tr><th scope="col">${h(u.dimension)}</th><th scope="col" class="num">${h(t.team)}</th><th scope="col" class="num">${h(t.range)}</th>${cols.map((c) => `<th scope="col" class="num">${h(c.name)}</th>`).join('')}</tr>`;
  const rows = dims.map(
    (d, i) =>
      `<tr data-dimension="${h(d.id)}"><th scope="row">${h(d.title)}</th>${score(d.score)}<td class="num">${range(d)}</td>${cols.map((c) => `<td class="num">${num(c.values[i] ?? null)}</td>`).join('')}</tr>`,
  );
  return `<figure>${svg}</figure>
${wide(`<table class="chart-table"><caption>${h(t.chartTable)}</caption><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`)}`;
}

/** The team report as one self-contained page; every text from an input file is escaped. */
export function renderTeamHtml(doc: TeamReport): string {
  const u = strings(doc.locale);
  const t = teamStrings(doc.locale);
  const o = doc.overall;
  const row = (cells: string[]) => `<tr>${cells.join('')}</tr>`;
  const th = (s: string, cls = '') => `<th${cls ? ` class="${cls}"` : ''}>${h(s)}</th>`;

  const dims = doc.dimensions
    .map((d) =>
      row([
        `<td>${h(d.title)}</td>`,
        score(d.score),
        `<td>${h(d.level?.title ?? '—')}</td>`,
        `<td class="num">${num(d.median)}</td>`,
        `<td class="num">${d.min === null || d.max === null ? '—' : `${d.min.toFixed(1)}–${d.max.toFixed(1)}`}</td>`,
        `<td class="num">${num(d.sd)}</td>`,
        `<td>${d.consensus === null ? '—' : h(t.consensusLevel[d.consensus])}</td>`,
        `<td class="num">${fmtPercent(d.coverage)}</td>`,
      ]),
    )
    .join('\n');
  const groups = doc.groups
    .map((g) =>
      row([
        `<td>${h(groupName(g.value, t))}</td>`,
        `<td class="num">${g.n}</td>`,
        score(g.overall),
        ...doc.dimensions.map((d) => score(g.dimensions[d.id] ?? null)),
      ]),
    )
    .join('\n');
  const gaps = doc.gaps.map(
    (g) => `<li${g.flagged ? ' class="flag"' : ''}>${gapLine(doc, g, t, h)}${g.flagged ? ` — ${h(t.flagged)}` : ''}</li>`,
  );
  const disputed = doc.disputed.map(
    (d) =>
      `<li><strong>${h(d.text)}</strong> <span class="meta">${h(t.spread)} ${d.spread.toFixed(2)}</span><br>${answersLine(d, t, h)}</li>`,
  );
  const remedies = doc.remedies.map((r) => {
    const facts = `${h(t.firedFor(r.fired, r.of))} (${r.groups.map((g) => h(groupName(g, t))).join(t.listSep)}) · ${h(u.priority)} ${r.priority}`;
    return `<li><span class="sev s-${r.severity}">${h(u.severity[r.severity])}</span> <strong>${h(r.title)}</strong> <span class="meta">${facts}</span>
${r.why ? `<p>${h(r.why)}</p>` : ''}<ul>${r.actions.map((a) => `<li>${h(a)}</li>`).join('')}</ul></li>`;
  });
  const views = doc.perspectives.map((p) => {
    const lines = p.dimensions.flatMap((d) => perceptionLine(doc, p, d, t, h) ?? []).map((l) => `<li>${l}</li>`);
    const qs = p.questions.map((q) =>
      row([
        `<td>${h(q.text)}</td>`,
        `<td class="num">${q.internal.toFixed(1)}</td>`,
        `<td class="num">${q.other.toFixed(1)}</td>`,
        `<td class="num">${signed(q.gap)}</td>`,
      ]),
    );
    return `<section class="perspective"><h2>${h(t.perceptionTitle(p.title))} (${p.respondents})</h2>
<ul>${lines.join('')}</ul>
${qs.length === 0 ? '' : `<table><thead>${row([th(u.question), th(t.ours, 'num'), th(capital(t.who(p.id, p.title)), 'num'), th(t.gap, 'num')])}</thead><tbody>\n${qs.join('\n')}\n</tbody></table>`}</section>`;
  });
  const people = doc.people.map((p) => {
    const r = p.respondent;
    const who = [r.name, r.role, r.organization, r.unit]
      .filter((x): x is string => Boolean(x))
      .map(h)
      .join(' · ');
    return row([
      `<td>${h(p.file)}</td>`,
      `<td>${who || '—'}</td>`,
      `<td>${h(p.perspective)}</td>`,
      score(p.overall),
      `<td class="num">${fmtPercent(p.coverage)}</td>`,
    ]);
  });
  const threshold = doc.disagree.toFixed(2);

  const title = `${doc.questionnaire.title} — ${t.title}`;
  const date = doc.people.reduce((a, p) => (p.date && p.date > a ? p.date : a), '');

  return `<!doctype html>
<html lang="${h(doc.locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">
<title>${h(title)}</title><style>${pageCss(title, date)}\n${TEAM_CSS}</style></head>
<body>
<header><h1>${h(title)}</h1>
<p class="meta">${h(teamLine(doc, t))}</p></header>
<main>
<section id="dimensions" aria-labelledby="dimensions-h"><h2 id="dimensions-h">${h(u.overall)}: ${fmtScore(o.score, u.noScore)} · ${h(o.level?.title ?? '—')}</h2>
<p class="meta">${h(u.coverage)}: ${fmtPercent(o.coverage)}</p>
${chart(doc)}
${wide(`<table><thead>${row([th(u.dimension), th(u.score, 'num'), th(u.level), th(t.median, 'num'), th(t.range, 'num'), th(t.sd, 'num'), th(t.consensus), th(u.coverage, 'num')])}</thead><tbody>
${dims}
</tbody></table>`)}
</section>
<section id="groups" aria-labelledby="groups-h"><h2 id="groups-h">${h(t.groups)} (${h(t.by[doc.by])})</h2>
${wide(`<table><thead>${row([th(t.by[doc.by]), th(t.n, 'num'), th(u.overall, 'num'), ...doc.dimensions.map((d) => th(d.title, 'num'))])}</thead><tbody>
${groups}
</tbody></table>`)}
${gaps.length === 0 ? `<p>${h(t.noGaps)}</p>` : `<ul>${gaps.join('')}</ul>`}
</section>
<section id="disputed" aria-labelledby="disputed-h"><h2 id="disputed-h">${h(t.disputed)}</h2>
<p>${h(doc.disputed.length === 0 ? t.noDisputed(threshold) : t.disputedIntro(threshold))}</p>
${disputed.length === 0 ? '' : `<ol>\n${disputed.join('\n')}\n</ol>`}
</section>
<section id="remedies" aria-labelledby="remedies-h"><h2 id="remedies-h">${h(t.remedies)}</h2>
${remedies.length === 0 ? `<p>${h(u.noRemedies)}</p>` : `<ol>\n${remedies.join('\n')}\n</ol>`}
</section>
${views.join('\n')}
<section id="people" aria-labelledby="people-h"><h2 id="people-h">${h(t.people)} (${doc.people.length})</h2>
${wide(`<table><thead>${row([th(t.file), th(u.respondent), th(t.perspective), th(u.overall, 'num'), th(u.coverage, 'num')])}</thead><tbody>
${people.join('\n')}
</tbody></table>`)}
</section>
</main>
<footer>kamcheck ${h(doc.tool.version)}</footer>
</body></html>
`;
}
