import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TeamReport } from '../src/schema/team.js';
import { ROOT, runCli } from './helpers/cli.js';
import { markdownProblems } from './helpers/report.js';

const TEAM = 'examples/team';
const GM = 'examples/team/01-zhou-gm.yaml';
const PRODUCTION = 'examples/team/05-zhao-production.yaml';
const tmp = () => mkdtempSync(join(tmpdir(), 'kamcheck-team-compare-'));

/** The example team's JSON document, saved (changed by `edit` first when given). */
async function savedTeam(edit?: (doc: Record<string, unknown>) => void): Promise<string> {
  const r = await runCli(['team', TEAM, '-f', 'json']);
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.stdout) as Record<string, unknown>;
  edit?.(doc);
  const file = join(tmp(), 'team.json');
  writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
  return file;
}

const parsed = (stdout: string): TeamReport => {
  const doc = JSON.parse(stdout) as TeamReport;
  expect(TeamReport.safeParse(doc).success).toBe(true);
  return doc;
};

describe('kamcheck team --compare', () => {
  it('compares with a team JSON document: itself gives zero deltas and passes --max-drop 0', async () => {
    const base = await savedTeam();
    const r = await runCli(['team', TEAM, '--compare', base, '--max-drop', '0', '-f', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = parsed(r.stdout);
    const c = doc.comparison;
    expect(c?.baseline).toEqual({ file: base, date: '2026-11-24' });
    expect(c?.overall).toEqual({ before: 27.6, after: 27.6, delta: 0, levelBefore: 'basic', levelAfter: 'basic' });
    expect(c?.dimensions.map((d) => d.id)).toEqual(doc.dimensions.map((d) => d.id));
    expect(c?.dimensions.every((d) => d.delta === 0 && d.before === d.after)).toBe(true);
    expect(c?.remedies.new).toEqual([]);
    expect(c?.remedies.resolved).toEqual([]);
    expect(c?.remedies.persisting).toEqual(doc.remedies.map((x) => x.id));
    expect(c).not.toHaveProperty('answers');
  });

  it('compares with a folder of answers files scored now as a team', async () => {
    const r = await runCli(['team', GM, PRODUCTION, '--compare', TEAM, '-f', 'json']);
    expect(r.code).toBe(0);
    const c = parsed(r.stdout).comparison;
    expect(c?.baseline).toEqual({ file: TEAM, date: '2026-11-24' });
    expect(c?.overall.before).toBe(27.6);
    expect(c?.overall.after).toBe(25.9);
    expect(c?.overall.delta).toBe(-1.7);
    expect(c).not.toHaveProperty('answers');
    // The same folder on both sides: nothing changed.
    const self = await runCli(['team', TEAM, '--compare', TEAM, '--max-drop', '0', '-f', 'json']);
    expect(self.code).toBe(0);
    expect(parsed(self.stdout).comparison?.overall.delta).toBe(0);
  });

  it('--max-drop fails with exit 1 after writing the full report, one stderr line per fall', async () => {
    const base = await savedTeam();
    const r = await runCli(['team', PRODUCTION, '--compare', base, '--max-drop', '5', '-f', 'json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const doc = parsed(r.stdout);
    expect(doc.comparison?.overall.delta).toBe(-10);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe('kamcheck: gate failed: overall score fell by 10.0 points (27.6 → 17.6), more than 5 (--max-drop)');
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(l).toMatch(/^kamcheck: gate failed: \S+ score fell by/);
    expect((await runCli(['team', PRODUCTION, '--compare', base, '--max-drop', '50'])).code).toBe(0);
    const alone = await runCli(['team', TEAM, '--max-drop', '5']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/--max-drop needs a baseline/);
  });

  it('refuses a team document of another questionnaire (exit 2, naming it) and warns on another version', async () => {
    const other = await savedTeam((doc) => Object.assign(doc.questionnaire as object, { id: 'another-check' }));
    const refused = await runCli(['team', TEAM, '--compare', other, '--lang', 'en']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/error: this team was made with questionnaire "another-check", not "kam-five-pitfalls"/);
    const older = await savedTeam((doc) => Object.assign(doc.questionnaire as object, { version: '1.0.0' }));
    const warned = await runCli(['team', TEAM, '--compare', older, '-f', 'json', '--lang', 'en']);
    expect(warned.code).toBe(0);
    expect(warned.stderr).toMatch(/warning: this team was made with version 1\.0\.0 of the questionnaire/);
    const report = join(tmp(), 'report.json');
    writeFileSync(report, (await runCli(['report', GM, '-f', 'json'])).stdout);
    const wrong = await runCli(['team', TEAM, '--compare', report, '--lang', 'en']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/a kamcheck "report" document cannot be used here; give answers files/);
  });

  it('reads the gates, format and language of --config (its baseline is for report)', async () => {
    const dir = tmp();
    const config = join(dir, 'kamcheck.config.yaml');
    writeFileSync(config, 'format: json\nlang: en\nbaseline: nowhere.json\ngates:\n  failUnder:\n    overall: 30\n');
    const r = await runCli(['team', join(ROOT, TEAM), '--config', config]);
    expect(r.code).toBe(1);
    expect(parsed(r.stdout).comparison).toBeUndefined();
    expect(r.stderr).toMatch(/^kamcheck: gate failed: .*27\.6.*30/);
  });

  it.each(['en', 'zh-CN'])('shows the progress in %s: markdown passes markdownlint, the terminal fits 80 columns', async (lang) => {
    const { width } = await import('../src/render/style.js');
    const base = await savedTeam();
    const md = await runCli(['team', PRODUCTION, '--compare', base, '-f', 'markdown', '--lang', lang]);
    expect(md.code).toBe(0);
    expect(markdownProblems(md.stdout)).toEqual([]);
    expect(md.stdout).toContain(lang === 'en' ? '## Progress since the baseline' : '## 与基线相比的进展');
    expect(md.stdout).toMatch(/\| 27\.6 \| 17\.6 \| -10\.0 \|/);
    // Remedies that changed are named by their titles, never by rule id.
    const json = JSON.parse((await runCli(['team', PRODUCTION, '--compare', base, '-f', 'json', '--lang', lang])).stdout);
    const c = json.comparison;
    const changed = [...c.remedies.new, ...c.remedies.resolved];
    expect(changed.length).toBeGreaterThan(0);
    for (const id of changed) {
      expect(md.stdout).not.toContain(id);
      expect(md.stdout.replace(/\\/g, '')).toContain(c.titles[id]);
    }
    const term = await runCli(['team', PRODUCTION, '--compare', base, '--lang', lang], { columns: 80 });
    expect(term.stdout).toContain(lang === 'en' ? 'Progress since the baseline' : '与基线相比的进展');
    for (const line of term.stdout.split('\n')) expect(width(line), line).toBeLessThanOrEqual(80);
    expect(readFileSync(base, 'utf8')).toContain('"kind": "team"');
  });
});
