import { progressStrings } from '../i18n/progress.js';
import type { Trend } from '../schema/trend.js';
import { html as h } from './escape.js';
import { fmtScore } from './format.js';
import { levelTitle, type Series, seriesOf, signed } from './trend-view.js';

const CSS = `body{font:15px/1.5 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2328}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #d0d7de;padding:.3rem .5rem;text-align:left}
.num{text-align:right}.up{color:#1a7f37}.down{color:#cf222e}.meta{color:#57606a}
svg{width:100%;height:auto;max-width:40rem}.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3rem 1rem}
.sw{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;margin-right:.3rem;vertical-align:middle}`;
const COLORS = ['#1f2328', '#0969da', '#1a7f37', '#9a6700', '#cf222e', '#8250df', '#bf3989', '#1b7c83'];
const colorOf = (k: number) => COLORS[k % COLORS.length] as string;

const W = 640;
const H = 260;
// Room for half a date label on the left, the level names on the right.
const M = { left: 36, right: 120, top: 12, bottom: 30 };

/** The line chart: one line per score over the dates (evenly spaced, oldest left), levels as dashed lines. */
function chart(trend: Trend, rows: Series[]): string {
  const n = trend.points.length;
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const x = (i: number) => M.left + (n === 1 ? pw / 2 : (i * pw) / (n - 1));
  const y = (s: number) => M.top + ((100 - s) / 100) * ph;
  const f = (v: number) => v.toFixed(1);
  const parts: string[] = [];
  for (const l of trend.levels) {
    parts.push(
      `<line x1="${M.left}" x2="${M.left + pw}" y1="${f(y(l.min))}" y2="${f(y(l.min))}" stroke="#d0d7de" stroke-dasharray="4 3"/>`,
      `<text x="${M.left + pw + 6}" y="${f(y(l.min) - 3)}" font-size="11" fill="#57606a">${l.min} ${h(l.title)}</text>`,
    );
  }
  trend.points.forEach((pt, i) => {
    parts.push(`<text x="${f(x(i))}" y="${H - 10}" font-size="11" fill="#57606a" text-anchor="middle">${h(pt.date)}</text>`);
  });
  // The dimensions first, so that the overall line is drawn over them.
  [...rows.entries()].reverse().forEach(([k, r]) => {
    const color = colorOf(k);
    const stroke = k === 0 ? 3 : 1.5;
    // A date without a score breaks the line rather than drawing through it.
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1) parts.push(`<polyline fill="none" stroke="${color}" stroke-width="${stroke}" points="${run.join(' ')}"/>`);
      run = [];
    };
    r.scores.forEach((s, i) => {
      if (s === null) {
        flush();
        return;
      }
      run.push(`${f(x(i))},${f(y(s))}`);
      parts.push(
        `<circle cx="${f(x(i))}" cy="${f(y(s))}" r="${k === 0 ? 4 : 3}" fill="${color}"><title>${h(r.title)} ${h(trend.points[i]?.date ?? '')}: ${fmtScore(s, '')}</title></circle>`,
      );
    });
    flush();
  });
  return `<svg viewBox="0 0 ${W} ${H}" role="img" xmlns="http://www.w3.org/2000/svg">\n${parts.join('\n')}\n</svg>`;
}

/** A self-contained HTML page of the trend: the line chart, then the table; every text from a file is escaped. */
export function renderTrendHtml(trend: Trend): string {
  const p = progressStrings(trend.locale);
  const rows = seriesOf(trend, p.overall);
  const delta = (d: number | null) =>
    `<td class="num ${d === null || d === 0 ? '' : d > 0 ? 'up' : 'down'}">${h(signed(d, 1, p.trendNone))}</td>`;
  const head = trend.points.map((pt) => `<th class="num">${h(pt.date)}</th>`).join('');
  const body = rows
    .map((r, k) => {
      const cells = r.scores.map((s) => `<td class="num">${fmtScore(s, p.trendNone)}</td>`).join('');
      const title = k === 0 ? `<strong>${h(r.title)}</strong>` : h(r.title);
      return `<tr><td><span class="sw" style="background:${colorOf(k)}"></span>${title}</td>${cells}${delta(r.deltaFirst)}${delta(r.deltaPrevious)}</tr>`;
    })
    .join('\n');
  const levels = rows
    .map((r, k) => {
      const cells = r.levels.map((l) => `<td>${h(levelTitle(trend, l, p.trendNone))}</td>`).join('');
      return `<tr><td>${k === 0 ? `<strong>${h(r.title)}</strong>` : h(r.title)}</td>${cells}</tr>`;
    })
    .join('\n');
  const files = trend.points.map((pt) => `<li>${h(pt.date)}: <code>${h(pt.file)}</code></li>`).join('');
  const title = p.trendTitle(trend.questionnaire.title);
  return `<!doctype html>
<html lang="${h(trend.locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${h(title)}</title><style>${CSS}</style></head>
<body>
<h1>${h(title)}</h1>
${chart(trend, rows)}
<table><thead><tr><th>${h(p.score)}</th>${head}<th class="num">${h(p.trendFirst)}</th><th class="num">${h(p.trendPrevious)}</th></tr></thead>
<tbody>
${body}
</tbody></table>
<h2>${h(p.levels)}</h2>
<table><thead><tr><th>${h(p.levels)}</th>${trend.points.map((pt) => `<th>${h(pt.date)}</th>`).join('')}</tr></thead>
<tbody>
${levels}
</tbody></table>
<h2>${h(p.files)}</h2>
<ul>${files}</ul>
</body></html>
`;
}
