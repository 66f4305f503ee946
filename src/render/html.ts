import { strings } from '../i18n/ui.js';
import type { Report } from '../schema/report.js';
import { html as h } from './escape.js';
import { band, dimensionTitle, fmtPercent, fmtScore, noRemediesText } from './format.js';

const CSS = `body{font:15px/1.5 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2328}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #d0d7de;padding:.3rem .5rem;text-align:left}
.num{text-align:right}.bar{background:#eaeef2;height:.7rem;width:12rem;border-radius:3px}.bar>span{display:block;height:100%;border-radius:3px}
.low{background:#cf222e}.mid{background:#d4a72c}.high{background:#1a7f37}.none{background:#8c959f}
.sev{font-size:.8rem;padding:0 .4rem;border-radius:1rem;color:#fff}.sev.critical{background:#82071e}.sev.high{background:#cf222e}.sev.medium{background:#9a6700}.sev.low{background:#57606a}
.meta{color:#57606a}`;

/** A self-contained HTML page of the report; every text from an input file is escaped. */
export function renderHtml(report: Report): string {
  const t = strings(report.locale);
  const o = report.overall;
  const r = report.respondent;
  const who = [r.name, r.role, r.organization, r.unit]
    .filter((x): x is string => Boolean(x))
    .map(h)
    .join(' · ');
  const rows = report.dimensions
    .map((d) => {
      const w = d.score === null ? 0 : Math.round(d.score);
      const cap = d.cappedBy.length > 0 ? h(t.cappedBy(d.cappedBy.join(', '))) : '';
      return `<tr><td>${h(d.title)}</td><td><div class="bar"><span class="${band(d.score)}" style="width:${w}%"></span></div></td><td class="num">${fmtScore(d.score, '—')}</td><td>${h(d.level?.title ?? '—')}</td><td class="num">${fmtPercent(d.coverage)}</td><td>${cap}</td></tr>`;
    })
    .join('\n');
  const remedies = report.remedies
    .map((m) => {
      const facts = [
        dimensionTitle(report, m.dimension),
        `${t.priority} ${m.priority}`,
        m.effort && `${t.effort} ${t.effortLevel[m.effort]}`,
        m.horizon,
      ]
        .filter((x): x is string => Boolean(x))
        .map(h)
        .join(' · ');
      return `<li><span class="sev ${m.severity}">${h(t.severity[m.severity])}</span> <strong>${h(m.title)}</strong> <span class="meta">${facts}</span>
${m.why ? `<p>${h(m.why)}</p>` : ''}<ul>${m.actions.map((a) => `<li>${h(a)}</li>`).join('')}</ul></li>`;
    })
    .join('\n');
  const open = report.answers.filter((a) => a.state === 'unanswered' && a.weight > 0);
  return `<!doctype html>
<html lang="${h(report.locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${h(report.questionnaire.title)} — ${h(t.reportTitle)}</title><style>${CSS}</style></head>
<body>
<h1>${h(report.questionnaire.title)} — ${h(t.reportTitle)}</h1>
<p class="meta">${who ? `${h(t.respondent)}: ${who} ` : ''}${report.date ? `${h(t.date)}: ${h(report.date)}` : ''}</p>
<p><strong>${h(t.overall)}: ${fmtScore(o.score, t.noScore)}</strong> · ${h(t.level)}: <strong>${h(o.level?.title ?? '—')}</strong> · ${h(t.coverage)}: ${fmtPercent(o.coverage)}</p>
<table><thead><tr><th>${h(t.dimension)}</th><th></th><th class="num">${h(t.score)}</th><th>${h(t.level)}</th><th class="num">${h(t.coverage)}</th><th></th></tr></thead>
<tbody>
${rows}
</tbody></table>
<h2>${h(t.remedies)}</h2>
${report.remedies.length === 0 ? `<p>${h(noRemediesText(report, t))}</p>` : `<ol>\n${remedies}\n</ol>`}
<h2>${h(t.unanswered)}</h2>
${open.length === 0 ? `<p>${h(t.allAnswered)}</p>` : `<ul>${open.map((a) => `<li><code>${h(a.id)}</code> ${h(a.text)}</li>`).join('')}</ul>`}
</body></html>
`;
}
