import { html as h } from '../escape.js';
import { DASHES, labelLines, marker, multiline, n2, PALETTE, svgFrame } from './common.js';

export interface LineSeries {
  name: string;
  /** One value per x label; null breaks the line. */
  values: (number | null)[];
}

export interface LineChartOptions {
  id: string;
  title: string;
  desc: string;
  /** Labels along the x axis, e.g. dates, left to right. */
  x: string[];
  series: LineSeries[];
  /** The y scale; 0–100 by default. */
  yMin?: number;
  yMax?: number;
  /** Horizontal grid lines, labelled; every 20 by default. */
  yTicks?: number[];
}

/** The chart's plot area, exported so that tests can check where a point should sit. */
export const LINE = { width: 560, left: 40, right: 150, top: 16, plotHeight: 220, bottom: 44 };

/** Where the value v of point i of n sits in the chart's coordinates. */
export function linePoint(i: number, n: number, v: number, yMin = 0, yMax = 100): { x: number; y: number } {
  const plotW = LINE.width - LINE.left - LINE.right;
  const x = LINE.left + (n <= 1 ? plotW / 2 : (plotW * i) / (n - 1));
  const y = LINE.top + LINE.plotHeight * (1 - (Math.max(yMin, Math.min(yMax, v)) - yMin) / (yMax - yMin));
  return { x, y };
}

/** A line chart as inline SVG: one line per series with its own colour, dash and marker shape, named at its end. */
export function lineChartSvg(o: LineChartOptions): string {
  const yMin = o.yMin ?? 0;
  const yMax = o.yMax ?? 100;
  const ticks = o.yTicks ?? [0, 20, 40, 60, 80, 100].filter((v) => v >= yMin && v <= yMax);
  const n = o.x.length;
  const at = (i: number, v: number) => linePoint(i, n, v, yMin, yMax);
  const right = LINE.width - LINE.right;
  const grid = ticks
    .map((v) => {
      const y = at(0, v).y;
      return `<line x1="${LINE.left}" y1="${n2(y)}" x2="${right}" y2="${n2(y)}" stroke="#d0d7de" stroke-width="0.8"/><text x="${LINE.left - 6}" y="${n2(y + 3)}" text-anchor="end" font-size="10" fill="#57606a">${v}</text>`;
    })
    .join('');
  const bottom = LINE.top + LINE.plotHeight;
  const xs = o.x
    .map((label, i) =>
      multiline(labelLines(label, 12), at(i, yMin).x, bottom + 16, 'text-anchor="middle" font-size="10" fill="#57606a"', 12),
    )
    .join('');
  const lines = o.series
    .map((s, k) => {
      const color = PALETTE[k % PALETTE.length] as string;
      const dash = DASHES[k % DASHES.length] as string;
      // A null value ends one stretch of line and starts the next.
      const runs: string[] = [];
      let run = '';
      s.values.forEach((v, i) => {
        if (v === null) {
          if (run) runs.push(run);
          run = '';
          return;
        }
        const p = at(i, v);
        run += `${run ? 'L' : 'M'}${n2(p.x)} ${n2(p.y)}`;
      });
      if (run) runs.push(run);
      const path =
        runs.length > 0
          ? `<path d="${runs.join('')}" fill="none" stroke="${color}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''} data-series="${h(s.name)}"/>`
          : '';
      const marks = s.values
        .map((v, i) =>
          v === null
            ? ''
            : marker(k, at(i, v).x, at(i, v).y, color, `data-series="${h(s.name)}" data-index="${i}" data-value="${v}" class="point"`),
        )
        .join('');
      const lastIndex = s.values.map((v) => v !== null).lastIndexOf(true);
      const last = lastIndex < 0 ? null : s.values[lastIndex];
      const name =
        last === null || last === undefined
          ? ''
          : `<text x="${right + 8}" y="${n2(at(lastIndex, last).y + 4)}" font-size="11" fill="${color}">${h(s.name)}</text>`;
      return `<g>${path}${marks}${name}</g>`;
    })
    .join('');
  const axis = `<line x1="${LINE.left}" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="#8c959f"/>`;
  return svgFrame(o.id, LINE.width, bottom + LINE.bottom, o.title, o.desc, `${grid}${axis}${xs}${lines}`);
}
