// The SVG chart helpers that every report document shares: geometry, accessibility, escaping.
import { describe, expect, it } from 'vitest';
import { cssString } from '../src/render/escape.js';
import { LINE, lineChartSvg, linePoint } from '../src/render/svg/line.js';
import { RADAR, radarPoint, radarSvg } from '../src/render/svg/radar.js';
import { runCli } from './helpers/cli.js';

const attrs = (svg: string, selector: RegExp) =>
  [...svg.matchAll(selector)].map((m) => Object.fromEntries([...(m[0].matchAll(/([\w-]+)="([^"]*)"/g) ?? [])].map((a) => [a[1], a[2]])));

describe('radar', () => {
  it('puts axis i of n at its angle, clockwise from the top, and the value on the radius', () => {
    expect(radarPoint(0, 5, 100)).toEqual({ x: RADAR.cx, y: RADAR.cy - RADAR.r });
    expect(radarPoint(0, 4, 50)).toEqual({ x: RADAR.cx, y: RADAR.cy - RADAR.r / 2 });
    const right = radarPoint(1, 4, 50);
    expect(right.x).toBeCloseTo(RADAR.cx + RADAR.r / 2, 9);
    expect(right.y).toBeCloseTo(RADAR.cy, 9);
    expect(radarPoint(2, 5, 0)).toEqual({ x: RADAR.cx, y: RADAR.cy });
    expect(radarPoint(0, 5, 140)).toEqual(radarPoint(0, 5, 100)); // clamped to the scale
  });

  it('draws a marker per scored axis, with its value, and leaves out a null one', () => {
    const svg = radarSvg({
      id: 'r',
      title: 'T',
      desc: 'D',
      axes: ['a', 'b', 'c', 'd'],
      series: [{ name: 'now', values: [80, null, 20, 50] }],
    });
    const marks = attrs(svg, /<circle [^>]*class="vertex"[^>]*>/g);
    expect(marks.map((m) => [m['data-axis'], m['data-value'], Number(m.cx), Number(m.cy)])).toEqual([
      ['0', '80', RADAR.cx, RADAR.cy - RADAR.r * 0.8],
      ['2', '20', RADAR.cx, RADAR.cy + RADAR.r * 0.2],
      ['3', '50', RADAR.cx - RADAR.r * 0.5, RADAR.cy],
    ]);
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="r-t r-d"/);
    expect(svg).toContain('<title id="r-t">T</title><desc id="r-d">D</desc>');
    expect(svg).not.toContain('data-band'); // no legend or band unless asked
  });

  it('shades a band between lows and highs and adds a legend for several series', () => {
    const svg = radarSvg({
      id: 'team',
      title: 'T',
      desc: 'D',
      axes: ['a', 'b', 'c'],
      series: [
        { name: 'sales', values: [50, 60, 70] },
        { name: 'production', values: [30, 40, 50] },
      ],
      band: { name: 'range', low: [20, 30, 40], high: [80, 90, 95] },
    });
    expect(svg).toMatch(/<path d="M[^"]+ZM[^"]+Z" [^>]*fill-rule="evenodd"[^>]*data-band="range"/);
    expect(svg).toContain('>sales</text>');
    expect(svg).toContain('>range</text>');
    // the second series has its own dash and marker shape, so colour is not the only signal
    expect(svg).toMatch(/stroke-dasharray="6 4" data-series="production"/);
    expect(svg).toMatch(/<rect [^>]*data-series="production"/);
  });

  it('escapes every text it draws', () => {
    const svg = radarSvg({ id: 'x"y', title: '<t>', desc: '&', axes: ['<script>a</script>'], series: [{ name: '"s"', values: [1] }] });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('id="x&quot;y"');
  });
});

describe('line chart', () => {
  it('spreads the x labels over the plot and scales y from yMin to yMax', () => {
    const left = linePoint(0, 3, 0);
    const right = linePoint(2, 3, 100);
    expect(left).toEqual({ x: LINE.left, y: LINE.top + LINE.plotHeight });
    expect(right).toEqual({ x: LINE.width - LINE.right, y: LINE.top });
    expect(linePoint(0, 1, 50, 0, 100).x).toBe(LINE.left + (LINE.width - LINE.left - LINE.right) / 2);
  });

  it('breaks a line at a missing value and marks every point with its value', () => {
    const svg = lineChartSvg({
      id: 'trend',
      title: 'Trend',
      desc: 'Overall by date',
      x: ['2025-01', '2025-07', '2026-01'],
      series: [{ name: 'Overall', values: [30, null, 55] }],
    });
    const path = /<path d="([^"]+)"[^>]*data-series="Overall"/.exec(svg)?.[1] ?? '';
    expect(path.match(/M/g)).toHaveLength(2);
    expect(attrs(svg, /<circle [^>]*class="point"[^>]*>/g).map((p) => p['data-value'])).toEqual(['30', '55']);
    expect(svg).toContain('>Overall</text>');
    expect(svg).toContain('<title id="trend-t">Trend</title>');
  });
});

describe('print header and cover fields', () => {
  it('a CSS string cannot end the string or the style element', () => {
    expect(cssString('Acme "Pumps" \\ </style><script>')).toBe('"Acme \\"Pumps\\" \\\\ \\3c /style>\\3c script>"');
  });

  it('--organization and --prepared-by reach the report, and the organisation heads the printed page', async () => {
    const r = await runCli([
      'report',
      'examples/midsize-components.en.yaml',
      '-f',
      'html',
      '--organization',
      'Acme </style> "Pumps"',
      '--prepared-by',
      'Hu Jing',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<p class="kicker">Acme &lt;/style&gt; &quot;Pumps&quot;</p>');
    expect(r.stdout).toContain('<dt>Prepared by</dt><dd>Hu Jing</dd>');
    expect(r.stdout).toContain('@top-left{content:"Acme \\3c /style> \\"Pumps\\" · The five pitfalls');
    const json = JSON.parse(
      (await runCli(['report', 'examples/midsize-components.en.yaml', '-f', 'json', '--prepared-by', 'Hu Jing'])).stdout,
    );
    expect(json.preparedBy).toBe('Hu Jing');
    expect(json.respondent.organization).toBe('Northgate Precision Components Ltd');
  });
});
