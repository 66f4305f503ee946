import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TeamReport } from '../src/schema/team.js';
import { ROOT, runCli } from './helpers/cli.js';

const Q = 'tests/fixtures/valid/team.yaml';
const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;
const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('the team HTML page', () => {
  it('draws one radar of the team, the respondents’ range, every group and the customer, with the same numbers in a table', async () => {
    const doc = JSON.parse((await runCli(['team', 'examples/team', '-f', 'json'])).stdout) as TeamReport;
    const r = await runCli(['team', 'examples/team', '-f', 'html']);
    expect(r.code).toBe(0);
    const page = r.stdout;
    expect(count(page, /<svg\b/g)).toBe(1);
    expect(page).toMatch(/<svg [^>]*role="img" aria-labelledby="team-radar-t team-radar-d"/);
    expect(page).toMatch(/<title id="team-radar-t">团队各维度成熟度<\/title><desc id="team-radar-d">[^<]+<\/desc>/);
    expect(count(page, /data-band="/g)).toBe(1);
    const polygons = [...page.matchAll(/<polygon [^>]*data-series="([^"]*)"/g)].map((m) => m[1]);
    const groups = doc.groups.map((g) => attr(`${g.value} (${g.n})`));
    expect(doc.perspectives.map((p) => p.id)).toEqual(['customer']);
    expect(polygons).toEqual(['团队', ...groups, `客户 (${doc.perspectives[0]?.respondents})`]);
    // Every vertex of the team sits at its score, as in the table.
    const team = [...page.matchAll(/data-series="团队" data-axis="(\d)" data-value="([\d.]+)"/g)].map((m) => Number(m[2]));
    expect(team).toEqual(doc.dimensions.map((d) => d.score));
    const table = page.slice(page.indexOf('<table class="chart-table">'));
    expect(count(table.slice(0, table.indexOf('</table>')), /<tr data-dimension=/g)).toBe(doc.dimensions.length);
    expect(page).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`,
    );
    expect(page.replace('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/<script|<link|<img|https?:\/\//i);
    expect(page).toMatch(/@page\{size:A4/);
    expect(page).toContain('"Noto Sans CJK SC"');
  });

  it('speaks English and leaves out the customer when there is none', async () => {
    const page = (await runCli(['team', 'tests/fixtures/team', '-q', Q, '-f', 'html', '--lang', 'en'])).stdout;
    expect(count(page, /<svg\b/g)).toBe(1);
    expect(page).toContain('<title id="team-radar-t">The team by dimension</title>');
    expect(page).toContain('data-band="Range of respondents (lowest–highest)"');
    expect(page).toMatch(/data-series="Team"/);
  });

  it('escapes what the files say, in the chart as in the tables', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kamcheck-team-html-'));
    const file = (role: string) =>
      `kamcheck: 1\nquestionnaire: small-team\nrespondent: { name: "x", role: "${role}" }\nanswers: { sponsor: true }\n`;
    writeFileSync(join(dir, 'a.yaml'), file('<script>alert(1)</script>'));
    writeFileSync(join(dir, 'b.yaml'), file('\\" onload=\\"x'));
    const r = await runCli(['team', dir, '-q', join(ROOT, Q), '-f', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/<script|" onload=/i);
    expect(r.stdout).toContain('data-series="&lt;script&gt;alert(1)&lt;/script&gt; (1)"');
    expect(r.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;</td>');
  });
});
