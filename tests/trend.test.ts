import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTrend } from '../src/core/trend.js';
import { renderTrendHtml } from '../src/render/trend-html.js';
import { renderTrendMarkdown } from '../src/render/trend-markdown.js';
import { Trend } from '../src/schema/trend.js';
import { runCli } from './helpers/cli.js';
import { modelFromFile } from './helpers/model.js';
import { markdownProblems, reportFor } from './helpers/report.js';

const Q = ['-q', 'tests/fixtures/valid/small.yaml'];
const P = 'tests/fixtures/progress';
// Three dates, one of them twice (base and retake): the tie keeps the order of the arguments.
const FILES = [`${P}/now.yaml`, `${P}/base.yaml`, `${P}/retake.yaml`, `${P}/early.yaml`];
const tmp = () => mkdtempSync(join(tmpdir(), 'kamcheck-trend-'));

describe('kamcheck trend', () => {
  it('orders the files by date, equal dates in argument order, with Δ from the first and the previous', async () => {
    const r = await runCli(['trend', ...Q, ...FILES, '-f', 'json']);
    expect(r.code).toBe(0);
    // The retake was answered for an older version of the questionnaire.
    expect(r.stderr).toMatch(/retake\.yaml:2:16: warning: answers were given for version 0\.9\.0/);
    const t = JSON.parse(r.stdout) as Trend;
    expect(Trend.safeParse(t).success).toBe(true);
    expect(t).toMatchObject({ kamcheck: 1, kind: 'trend', questionnaire: { id: 'small', version: '1.0.0' }, locale: 'en' });
    expect(t.points.map((p) => [p.date, p.file])).toEqual([
      ['2026-02-01', `${P}/early.yaml`],
      ['2026-05-29', `${P}/base.yaml`],
      ['2026-05-29', `${P}/retake.yaml`],
      ['2026-11-29', `${P}/now.yaml`],
    ]);
    expect(t.points.map((p) => p.overall)).toEqual([
      { score: 40, level: 'developing', deltaFirst: 0, deltaPrevious: null },
      { score: 15.6, level: 'starting', deltaFirst: -24.4, deltaPrevious: -24.4 },
      { score: 23.1, level: 'starting', deltaFirst: -16.9, deltaPrevious: 7.5 },
      { score: 41.3, level: 'developing', deltaFirst: 1.3, deltaPrevious: 18.2 },
    ]);
    // People has no score at the first date: no Δ from the first, ever.
    expect(t.points.map((p) => p.dimensions[1])).toEqual([
      { id: 'people', score: null, level: null, deltaFirst: null, deltaPrevious: null },
      { id: 'people', score: 22.5, level: 'starting', deltaFirst: null, deltaPrevious: null },
      { id: 'people', score: 22.5, level: 'starting', deltaFirst: null, deltaPrevious: 0 },
      { id: 'people', score: 55, level: 'developing', deltaFirst: null, deltaPrevious: 32.5 },
    ]);
    expect(t.warnings.map((w) => w.code)).toEqual(['questionnaire-version']);
  });

  it('takes report JSON documents as well as answers files', async () => {
    const dir = tmp();
    const json = await runCli(['report', ...Q, `${P}/base.yaml`, '-f', 'json']);
    writeFileSync(join(dir, 'base.json'), json.stdout);
    const r = await runCli(['trend', ...Q, `${P}/now.yaml`, join(dir, 'base.json'), '-f', 'json']);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.stdout) as Trend;
    expect(t.points.map((p) => [p.file, p.overall.score, p.overall.deltaPrevious])).toEqual([
      [join(dir, 'base.json'), 15.6, null],
      [`${P}/now.yaml`, 41.3, 25.7],
    ]);
  });

  it('refuses a file without a date, and every other problem in the same run (exit 2)', async () => {
    const r = await runCli(['trend', ...Q, `${P}/undated.yaml`, `${P}/now.yaml`, 'examples/midsize-components.en.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'examples/midsize-components.en.yaml:4:16: error: answers are for questionnaire "kam-five-pitfalls", not "small"',
        `${P}/undated.yaml:1:1: error: file has no date; a trend orders its files by date (add \`date: YYYY-MM-DD\`)`,
        '',
      ].join('\n'),
    );
  });

  it('draws a sparkline per row in the terminal, on the 0–100 scale', async () => {
    const r = await runCli(['trend', ...Q, ...FILES, '-f', 'terminal'], { columns: 120 });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Small check — trend');
    expect(lines[2]).toMatch(/^\s+2026-02-01 {2}2026-05-29 {2}2026-05-29 {2}2026-11-29 {2}\s*Δ first {2}Δ previous {2}Trend$/);
    expect(lines[3]).toMatch(/^Overall\s+40\.0\s+15\.6\s+23\.1\s+41\.3\s+\+1\.3\s+\+18\.2 {2}▄▂▂▄$/);
    expect(lines[4]).toMatch(/^Strategy\s+40\.0\s+13\.3\s+23\.3\s+36\.7\s+-3\.3\s+\+13\.4 {2}▄▂▂▃$/);
    expect(lines[5]).toMatch(/^People\s+—\s+22\.5\s+22\.5\s+55\.0\s+—\s+\+32\.5 {2} ▂▂▅$/);
    // Levels per date, for every score.
    expect(lines.slice(7, 11).map((l) => l.split(/\s{2,}/))).toEqual([
      ['Levels', '2026-02-01', '2026-05-29', '2026-05-29', '2026-11-29'],
      ['Overall', 'Developing', 'Starting', 'Starting', 'Developing'],
      ['Strategy', 'Developing', 'Starting', 'Starting', 'Starting'],
      ['People', '—', 'Starting', 'Starting', 'Developing'],
    ]);
  });

  it('keeps the newest dates that fit a narrow terminal and says how many it left out', async () => {
    const r = await runCli(['trend', ...Q, ...FILES, '--lang', 'zh-CN'], { columns: 60 });
    expect(r.stdout).toContain('因宽度所限未显示较早的 2 个日期；走势线包含所有日期');
    const lines = r.stdout.split('\n');
    expect(lines[2]).toMatch(/^\s+2026-05-29 {2}2026-11-29 {2}Δ 较首次 {2}Δ 较上次 {2}走势$/);
    expect(lines[3]).toMatch(/^总分\s+23\.1\s+41\.3\s+\+1\.3\s+\+18\.2 {2}▄▂▂▄$/);
  });

  it.each(['en', 'zh-CN'])('markdown passes markdownlint (%s)', async (lang) => {
    const r = await runCli(['trend', ...Q, ...FILES, '-f', 'markdown', '--lang', lang]);
    expect(markdownProblems(r.stdout)).toEqual([]);
    expect(r.stdout).toContain(lang === 'en' ? '| **Overall** | 40.0 | 15.6 | 23.1 | 41.3 | ↑ +1.3 | ↑ +18.2 |' : '| **总分** | 40.0 |');
  });

  it('writes CSV with a byte-order mark, CRLF, one row per date and formula-safe text', async () => {
    const dir = tmp();
    writeFileSync(join(dir, '=cmd.yaml'), readFileSync(`${P}/base.yaml`));
    const csv = await runCli(
      ['trend', '-q', join(process.cwd(), 'tests/fixtures/valid/small.yaml'), '=cmd.yaml', `${process.cwd()}/${P}/now.yaml`, '-o', 't.csv'],
      {
        cwd: dir,
      },
    );
    expect(csv.code).toBe(0);
    const text = readFileSync(join(dir, 't.csv'), 'utf8');
    expect(text.startsWith('\uFEFFDate,File,Overall,Level,Δ first,Δ previous,Strategy,Strategy Level,People,People Level\r\n')).toBe(true);
    const rows = text.slice(1).split('\r\n');
    expect(rows).toHaveLength(4);
    expect(rows[1]).toBe("2026-05-29,'=cmd.yaml,15.6,Starting,0,,13.3,Starting,22.5,Starting");
    expect(rows[2]).toBe(`2026-11-29,${process.cwd()}/${P}/now.yaml,41.3,Developing,25.7,25.7,36.7,Starting,55,Developing`);
    expect(rows[3]).toBe('');
  });

  it('makes a self-contained HTML page with a line chart, every text escaped', () => {
    const hostile = modelFromFile('tests/fixtures/valid/hostile.yaml');
    const at = (date: string, a: Record<string, unknown>) => ({ file: `<b>${date}</b>.yaml`, date, report: reportFor(hostile, a, 'en') });
    const t = buildTrend(hostile, [at('2026-01-01', { q1: 'a' }), at('2026-06-01', { q1: 'b' })], { locale: 'en', toolVersion: 'test' });
    const page = renderTrendHtml(t);
    expect(page).not.toMatch(/<script|<img|<b>|<br>/);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toMatch(/<svg viewBox="0 0 640 260"[^>]*>/);
    expect(page).toMatch(/<polyline fill="none" stroke="#1f2328" stroke-width="3" points="[\d.]+,[\d.]+ [\d.]+,[\d.]+"\/>/);
    expect(page).not.toMatch(/(src|href)=/);
    expect(renderTrendMarkdown(t)).not.toMatch(/<script|<img/);
  });
});

it('warns when the files name two organisations, at the one that differs', async () => {
  const r = await runCli(['trend', ...Q, `${P}/base.yaml`, `${P}/elsewhere.yaml`, `${P}/now.yaml`, '-f', 'json']);
  expect(r.code).toBe(0);
  expect(r.stderr).toBe(
    `${P}/elsewhere.yaml:3:45: warning: this file is of organization "Acme Holdings", the first one of "Acme"; a trend follows one organization\n`,
  );
  expect((JSON.parse(r.stdout) as Trend).warnings.map((w) => w.code)).toEqual(['trend-organization']);
});
