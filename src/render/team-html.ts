import { teamStrings } from '../i18n/team.js';
import { strings } from '../i18n/ui.js';
import type { TeamReport } from '../schema/team.js';
import { html as h } from './escape.js';
import { band, fmtPercent, fmtScore } from './format.js';
import { answersLine, capital, gapLine, groupName, perceptionLine, signed, teamLine } from './team-text.js';

const CSS = `body{font:15px/1.5 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:64rem;margin:2rem auto;padding:0 1rem;color:#1f2328}
table{border-collapse:collapse;width:100%;margin:.5rem 0}td,th{border-bottom:1px solid #d0d7de;padding:.3rem .5rem;text-align:left}
.num{text-align:right}.low{color:#cf222e}.mid{color:#9a6700}.high{color:#1a7f37}.none{color:#8c959f}
.flag{color:#cf222e;font-weight:600}.meta{color:#57606a}.sev{font-size:.8rem;padding:0 .4rem;border-radius:1rem;color:#fff}
.sev.critical{background:#82071e}.sev.high{background:#cf222e}.sev.medium{background:#9a6700}.sev.low{background:#57606a}`;

const num = (s: number | null) => (s === null ? '—' : s.toFixed(1));
const score = (s: number | null) => `<td class="num ${band(s)}">${num(s)}</td>`;

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
    return `<li><span class="sev ${r.severity}">${h(u.severity[r.severity])}</span> <strong>${h(r.title)}</strong> <span class="meta">${facts}</span>
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
    return `<h2>${h(t.perceptionTitle(p.title))} (${p.respondents})</h2>
<ul>${lines.join('')}</ul>
${qs.length === 0 ? '' : `<table><thead>${row([th(u.question), th(t.ours, 'num'), th(capital(t.who(p.id, p.title)), 'num'), th(t.gap, 'num')])}</thead><tbody>\n${qs.join('\n')}\n</tbody></table>`}`;
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

  return `<!doctype html>
<html lang="${h(doc.locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${h(doc.questionnaire.title)} — ${h(t.title)}</title><style>${CSS}</style></head>
<body>
<h1>${h(doc.questionnaire.title)} — ${h(t.title)}</h1>
<p class="meta">${h(teamLine(doc, t))}</p>
<p><strong>${h(u.overall)}: ${fmtScore(o.score, u.noScore)}</strong> · ${h(u.level)}: <strong>${h(o.level?.title ?? '—')}</strong> · ${h(u.coverage)}: ${fmtPercent(o.coverage)}</p>
<table><thead>${row([th(u.dimension), th(u.score, 'num'), th(u.level), th(t.median, 'num'), th(t.range, 'num'), th(t.sd, 'num'), th(t.consensus), th(u.coverage, 'num')])}</thead><tbody>
${dims}
</tbody></table>
<h2>${h(t.groups)} (${h(t.by[doc.by])})</h2>
<table><thead>${row([th(t.by[doc.by]), th(t.n, 'num'), th(u.overall, 'num'), ...doc.dimensions.map((d) => th(d.title, 'num'))])}</thead><tbody>
${groups}
</tbody></table>
${gaps.length === 0 ? `<p>${h(t.noGaps)}</p>` : `<ul>${gaps.join('')}</ul>`}
<h2>${h(t.disputed)}</h2>
<p>${h(doc.disputed.length === 0 ? t.noDisputed(threshold) : t.disputedIntro(threshold))}</p>
${disputed.length === 0 ? '' : `<ol>\n${disputed.join('\n')}\n</ol>`}
<h2>${h(t.remedies)}</h2>
${remedies.length === 0 ? `<p>${h(u.noRemedies)}</p>` : `<ol>\n${remedies.join('\n')}\n</ol>`}
${views.join('\n')}
<h2>${h(t.people)} (${doc.people.length})</h2>
<table><thead>${row([th(t.file), th(u.respondent), th(t.perspective), th(u.overall, 'num'), th(u.coverage, 'num')])}</thead><tbody>
${people.join('\n')}
</tbody></table>
</body></html>
`;
}
