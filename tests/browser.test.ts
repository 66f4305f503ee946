// The HTML report in a real browser: Debian's chromium driven by playwright-core. Slow, so kept apart from the unit tests.
// Screenshots (page and first PDF page) land in scratch/screenshots/, which git ignores, for people to look at.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import axe from 'axe-core';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RADAR, radarPoint } from '../src/render/svg/radar.js';
import { ROOT, runCli } from './helpers/cli.js';

const CHROMIUM = process.env.KAMCHECK_CHROMIUM ?? '/usr/bin/chromium';
const OUT = join(ROOT, 'scratch', 'screenshots');
const EXAMPLES = ['pump-maker-early.zh', 'advanced-automation', 'midsize-components.en', 'midsize-components.customer.en'];
const CASES = EXAMPLES.flatMap((e) =>
  ['zh-CN', 'en'].map((lang) => ({ example: e, lang, name: `${e.replace(/\.(zh|en)$/, '')}.${lang}` })),
);

/** How many pixels of a PNG differ from its first pixel: a blank page has none. */
function inkedPixels(png: Buffer): number {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const len = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = (raw.length / height) | 0;
  // Filtered rows: a row of filter 0 or a "same as above" row (2) with all-zero deltas carries no ink; count the rest.
  let inked = 0;
  for (let y = 0; y < height; y++) {
    const row = raw.subarray(y * stride + 1, (y + 1) * stride);
    const filter = raw[y * stride];
    for (let x = 0; x < width; x++) {
      const px = row.subarray(x * 3, x * 3 + 3);
      if (filter === 0 ? px.some((b) => b !== 255) : px.some((b) => b !== 0)) inked++;
    }
  }
  return inked;
}

const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)('HTML report in Chromium', () => {
  let browser: Browser;
  const html = new Map<string, string>();

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    for (const c of CASES) {
      const file = join(OUT, `${c.name}.html`);
      const r = await runCli(['--lang', c.lang, 'report', `examples/${c.example}.yaml`, '-f', 'html', '--prepared-by', 'Hu Jing']);
      expect(r.code).toBe(0);
      writeFileSync(file, r.stdout);
      html.set(c.name, file);
    }
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it.each(CASES)('$name: no network request, not even one the page itself tries', async ({ name }) => {
    const page = await browser.newPage();
    const requests: string[] = [];
    const reachedNetwork: string[] = [];
    const refused: string[] = [];
    page.on('request', (req) => {
      requests.push(req.url());
    });
    page.on('requestfailed', (req) => {
      if (req.failure()?.errorText === 'csp') refused.push(req.url());
    });
    // Every request that gets past the page's policy comes here; only the page itself may.
    await page.route('**/*', (route) => {
      reachedNetwork.push(route.request().url());
      return route.request().isNavigationRequest() ? route.continue() : route.abort();
    });
    const url = `file://${html.get(name)}`;
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    expect(requests).toEqual([url]);
    // What a script or a crafted input would try: an image, a style sheet, a fetch. The policy refuses them all.
    const fetched = await page.evaluate(async () => {
      const img = document.createElement('img');
      img.src = 'https://example.invalid/pixel.png';
      document.body.append(img);
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = 'https://example.invalid/x.css';
      document.head.append(link);
      return fetch('https://example.invalid/').then(
        () => 'fetched',
        () => 'refused',
      );
    });
    await page.waitForTimeout(300);
    expect(fetched).toBe('refused');
    expect(refused.sort()).toEqual(['https://example.invalid/pixel.png', 'https://example.invalid/x.css']);
    expect(reachedNetwork).toEqual([url]);
    await page.close();
  });

  it.each(CASES)('$name: radar vertices sit where the scores in the table put them', async ({ name }) => {
    const page = await browser.newPage();
    await page.goto(`file://${html.get(name)}`);
    const dom = await page.evaluate(() => ({
      // A dimension without a score (e.g. none of its questions is asked of the customer) has no vertex.
      scores: [...document.querySelectorAll('table.dims tbody tr')].map((tr) =>
        Number.parseFloat(tr.querySelectorAll('td')[1]?.textContent ?? ''),
      ),
      vertices: [...document.querySelectorAll('#radar circle.vertex')].map((c) => ({
        axis: Number(c.getAttribute('data-axis')),
        cx: Number(c.getAttribute('cx')),
        cy: Number(c.getAttribute('cy')),
      })),
      viewBox: document.querySelector('#radar')?.getAttribute('viewBox'),
      polygon: document.querySelector('#radar polygon[data-series]')?.getAttribute('points'),
      rendered: (() => {
        // Where the browser actually drew the first vertex, in the SVG's own units.
        const svg = document.querySelector('#radar') as SVGSVGElement;
        const c = svg.querySelector('circle.vertex') as SVGCircleElement;
        const box = c.getBoundingClientRect();
        const frame = svg.getBoundingClientRect();
        const scale = frame.width / svg.viewBox.baseVal.width;
        return { x: (box.x + box.width / 2 - frame.x) / scale, y: (box.y + box.height / 2 - frame.y) / scale };
      })(),
    }));
    expect(dom.scores).toHaveLength(5);
    expect(dom.viewBox?.startsWith(`0 0 ${RADAR.width} `)).toBe(true);
    const scored = dom.scores.flatMap((s, i) => (Number.isNaN(s) ? [] : [i]));
    expect(scored.length).toBeGreaterThanOrEqual(4);
    expect(dom.vertices.map((v) => v.axis)).toEqual(scored);
    dom.vertices.forEach((v) => {
      const want = radarPoint(v.axis, 5, dom.scores[v.axis] as number);
      expect(v.cx).toBeCloseTo(want.x, 1);
      expect(v.cy).toBeCloseTo(want.y, 1);
    });
    // The outline joins the same points (an axis without a score at the centre).
    const points = (dom.polygon ?? '').split(' ').map((p) => p.split(',').map(Number));
    expect(points).toHaveLength(5);
    for (const v of dom.vertices) {
      expect(points[v.axis]?.[0]).toBeCloseTo(v.cx, 1);
      expect(points[v.axis]?.[1]).toBeCloseTo(v.cy, 1);
    }
    expect(dom.rendered.x).toBeCloseTo(dom.vertices[0]?.cx as number, 0);
    expect(dom.rendered.y).toBeCloseTo(dom.vertices[0]?.cy as number, 0);
    // A score of 100 would sit on the outer ring: the scale is not stretched.
    expect(radarPoint(0, 5, 100).y).toBeCloseTo(RADAR.cy - RADAR.r, 6);
    await page.close();
  });

  it.each(CASES)('$name: no horizontal scrolling at 375 px, and the page is not blank', async ({ name }) => {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
    await page.goto(`file://${html.get(name)}`);
    const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth }));
    expect(widths.doc).toBeLessThanOrEqual(375);
    expect(widths.body).toBeLessThanOrEqual(375);
    const phone = await page.screenshot({ path: join(OUT, `${name}.375.png`) });
    expect(inkedPixels(phone)).toBeGreaterThan(375 * 812 * 0.03);
    await page.setViewportSize({ width: 1100, height: 1400 });
    const desk = await page.screenshot({ path: join(OUT, `${name}.png`) });
    expect(inkedPixels(desk)).toBeGreaterThan(1100 * 1400 * 0.03);
    await page.close();
  });

  it.each(CASES)('$name: prints on A4 in at most 6 pages with the summary on page one', async ({ name }) => {
    const page = await browser.newPage();
    await page.goto(`file://${html.get(name)}`);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const file = join(OUT, `${name}.pdf`);
    writeFileSync(file, pdf);
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(2);
    expect(pdfPages(pdf)).toBeLessThanOrEqual(6);
    // A4 is 595 × 842 points.
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)/.exec(pdf.toString('latin1'));
    expect(Number(box?.[1])).toBeCloseTo(595, 0);
    expect(Number(box?.[2])).toBeCloseTo(842, 0);
    const summary = await page.evaluate(() => {
      const s = document.querySelector('#summary') as HTMLElement;
      return { score: s.querySelector('.big')?.textContent ?? '', next: s.querySelector('.next strong')?.textContent ?? '' };
    });
    const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    const second = execFileSync('pdftotext', ['-f', '2', '-l', '2', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(first).toContain(summary.score);
    expect(first).toContain(summary.next.replace(/\s+/g, ''));
    // The coverage line closes the summary: it is on page one too, and the page header names the organisation.
    const closing = await page.evaluate(() => document.querySelector('#summary > p.meta:last-child')?.textContent ?? '');
    expect(first).toContain(closing.replace(/\s+/g, ''));
    expect(second).not.toContain(summary.next.replace(/\s+/g, ''));
    execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '70', '-png', '-singlefile', file, join(OUT, `${name}.pdf-page1`)]);
    await page.close();
  });

  it.each(CASES)('$name: axe finds no serious or critical accessibility violation', async ({ name }) => {
    // axe is a script, which the page's own policy rightly refuses: this one context lets it in.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`file://${html.get(name)}`);
    await page.evaluate(axe.source);
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
    await context.close();
  });
});
