import { html as h } from '../escape.js';
import { DASHES, labelLines, marker, multiline, n2, PALETTE, svgFrame } from './common.js';

export interface RadarSeries {
  name: string;
  /** One value per axis, 0–100; null leaves the vertex out (drawn at the centre without a marker). */
  values: (number | null)[];
  /** Drawn as a dashed outline with hollow markers: e.g. the baseline of a comparison. */
  muted?: boolean;
}

export interface RadarOptions {
  /** Unique within the page: the ids of the title and description derive from it. */
  id: string;
  title: string;
  desc: string;
  /** Axis labels, clockwise from the top. */
  axes: string[];
  /** Shown after each axis label, e.g. the score as text. */
  axisNotes?: string[];
  /** The last series is drawn on top. */
  series: RadarSeries[];
  /** A shaded range per axis, e.g. the lowest and highest respondent of a team. */
  band?: { name: string; low: (number | null)[]; high: (number | null)[] };
  /** Rings drawn and labelled, on the 0–100 scale. */
  rings?: number[];
  /** Legend under the chart; on by default when there is more than one series or a band. */
  legend?: boolean;
}

/** The chart's geometry, exported so that tests can check where a vertex should sit. */
export const RADAR = { width: 520, height: 370, cx: 260, cy: 188, r: 128 };

/** Where the value v (0–100) of axis i of n sits in the chart's coordinates. */
export function radarPoint(i: number, n: number, v: number): { x: number; y: number } {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
  const d = (RADAR.r * Math.max(0, Math.min(100, v))) / 100;
  return { x: RADAR.cx + d * Math.cos(angle), y: RADAR.cy + d * Math.sin(angle) };
}

const pointsOf = (values: (number | null)[]) =>
  values
    .map((v, i) => radarPoint(i, values.length, v ?? 0))
    .map((p) => `${n2(p.x)},${n2(p.y)}`)
    .join(' ');

/** A radar (spider) chart as inline SVG: no script, no external resource, every text escaped. */
export function radarSvg(o: RadarOptions): string {
  const n = o.axes.length;
  const rings = o.rings ?? [20, 40, 60, 80, 100];
  const grid = rings
    .map(
      (v) =>
        `<polygon points="${pointsOf(o.axes.map(() => v))}" fill="none" stroke="#d0d7de" stroke-width="${v === 100 ? 1.2 : 0.8}"/>` +
        `<text x="${n2(RADAR.cx + 3)}" y="${n2(radarPoint(0, n, v).y - 2)}" font-size="9" fill="#57606a">${v}</text>`,
    )
    .join('');
  const spokes = o.axes
    .map((_, i) => {
      const p = radarPoint(i, n, 100);
      return `<line x1="${RADAR.cx}" y1="${RADAR.cy}" x2="${n2(p.x)}" y2="${n2(p.y)}" stroke="#d0d7de" stroke-width="0.8"/>`;
    })
    .join('');
  const labels = o.axes
    .map((label, i) => {
      const p = radarPoint(i, n, 100);
      const cos = Math.cos(-Math.PI / 2 + (2 * Math.PI * i) / n);
      const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
      const lines = labelLines(label, 18);
      const note = o.axisNotes?.[i];
      const all = note ? [...lines, note] : lines;
      const dx = anchor === 'start' ? 10 : anchor === 'end' ? -10 : 0;
      const top = p.y < RADAR.cy - RADAR.r * 0.9;
      const bottom = p.y > RADAR.cy + RADAR.r * 0.5;
      const y = top ? p.y - 12 - 14 * (all.length - 1) : bottom ? p.y + 16 : p.y + 4 - 7 * (all.length - 1);
      return multiline(all, p.x + dx, y, `text-anchor="${anchor}" font-size="13" fill="#1f2328"`);
    })
    .join('');
  let band = '';
  if (o.band) {
    const low = o.band.low.map((v) => v ?? 0);
    const high = o.band.high.map((v) => v ?? 0);
    // The ring between the highs and the lows, filled with the even-odd rule.
    band = `<path d="M${pointsOf(high).replace(/ /g, 'L')}ZM${pointsOf(low).replace(/ /g, 'L')}Z" fill="${PALETTE[0]}" fill-opacity="0.15" fill-rule="evenodd" stroke="none" data-band="${h(o.band.name)}"/>`;
  }
  // Muted series (baselines) are grey and dashed; the others take the palette, dashes and marker shapes in turn.
  const styleIndex = o.series.map((s, i) => (s.muted ? 0 : o.series.slice(0, i).filter((x) => !x.muted).length));
  const series = o.series
    .map((s, i) => {
      const k = styleIndex[i] as number;
      const color = s.muted ? '#6e7781' : (PALETTE[k % PALETTE.length] as string);
      const dash = s.muted ? '5 4' : (DASHES[k % DASHES.length] as string);
      const poly = `<polygon points="${pointsOf(s.values)}" fill="${color}" fill-opacity="${s.muted ? 0 : 0.12}" stroke="${color}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''} data-series="${h(s.name)}"/>`;
      const marks = s.values
        .map((v, i) => {
          if (v === null) return '';
          const p = radarPoint(i, n, v);
          return marker(k, p.x, p.y, color, `data-series="${h(s.name)}" data-axis="${i}" data-value="${v}" class="vertex"`, s.muted);
        })
        .join('');
      return `<g>${poly}${marks}</g>`;
    })
    .join('');
  const showLegend = o.legend ?? (o.series.length > 1 || o.band !== undefined);
  let legend = '';
  let height = RADAR.height;
  if (showLegend) {
    const items = [
      ...o.series.map((s, i) => ({ name: s.name, k: styleIndex[i] as number, muted: s.muted === true, band: false })),
      ...(o.band ? [{ name: o.band.name, k: 0, muted: false, band: true }] : []),
    ];
    legend = items
      .map((it, j) => {
        const x = 20 + (j % 3) * 165;
        const y = RADAR.height + 4 + Math.floor(j / 3) * 20;
        const color = it.muted ? '#6e7781' : (PALETTE[it.k % PALETTE.length] as string);
        const sample = it.band
          ? `<rect x="${x}" y="${y - 6}" width="22" height="10" fill="${color}" fill-opacity="0.15"/>`
          : `<line x1="${x}" y1="${y}" x2="${x + 22}" y2="${y}" stroke="${color}" stroke-width="2"${it.muted ? ' stroke-dasharray="5 4"' : DASHES[it.k % DASHES.length] ? ` stroke-dasharray="${DASHES[it.k % DASHES.length]}"` : ''}/>${marker(it.k, x + 11, y, color, '', it.muted)}`;
        return `${sample}<text x="${x + 28}" y="${y + 4}" font-size="11" fill="#1f2328">${h(it.name)}</text>`;
      })
      .join('');
    height += 8 + Math.ceil(items.length / 3) * 20;
  }
  return svgFrame(o.id, RADAR.width, height, o.title, o.desc, `${grid}${spokes}${band}${series}${labels}${legend}`);
}
