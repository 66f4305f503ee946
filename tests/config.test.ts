import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchema, type SchemaKind } from '../src/cli/commands/schema.js';
import { Config } from '../src/schema/config.js';
import { ROOT, runCli } from './helpers/cli.js';

const P = join(ROOT, 'tests/fixtures/progress');

/** A project folder as a pipeline would have it: kam/ with the questionnaire, answers and baseline. */
function project(config: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kamcheck-config-'));
  mkdirSync(join(dir, 'kam'));
  copyFileSync(join(ROOT, 'tests/fixtures/valid/small.yaml'), join(dir, 'kam/small.yaml'));
  copyFileSync(join(P, 'now.yaml'), join(dir, 'kam/answers.yaml'));
  copyFileSync(join(P, 'early.yaml'), join(dir, 'kam/baseline.yaml'));
  writeFileSync(join(dir, 'kamcheck.config.yaml'), config);
  return dir;
}

const CONFIG = `questionnaire: kam/small.yaml
format: markdown
baseline: kam/baseline.yaml
gates:
  failUnder: { overall: 40, strategy: 30 }
  maxDrop: 5
`;

describe('kamcheck.config.yaml', () => {
  it('is found in the working folder: questionnaire, format, baseline and gates in one short command', async () => {
    const dir = project(CONFIG);
    const r = await runCli(['report', 'kam/answers.yaml'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Small check/);
    const json = await runCli(['report', 'kam/answers.yaml', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(json.stdout).comparison.baseline).toEqual({ file: 'kam/baseline.yaml', date: '2026-02-01' });
  });

  it('gives way to the command line, key by key and threshold by threshold', async () => {
    const dir = project(CONFIG);
    const r = await runCli(
      ['report', 'kam/answers.yaml', '-f', 'json', '--fail-under', 'strategy=37', '--max-drop', '3', '--lang', 'zh-CN'],
      {
        cwd: dir,
      },
    );
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).locale).toBe('zh-CN');
    expect(r.stderr).toBe(
      [
        'kamcheck: 门槛未通过：strategy 得分 36.7 低于 37（--fail-under strategy=37）',
        'kamcheck: 门槛未通过：strategy 得分下降 3.3 分（40.0 → 36.7），超过 3（--max-drop）',
        '',
      ].join('\n'),
    );
    const other = await runCli(['report', 'kam/answers.yaml', '--compare', 'kam/answers.yaml', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(other.stdout).comparison.overall.delta).toBe(0);
  });

  it('leaves its baseline to the real report: a what-if compares with the answers as given', async () => {
    const dir = project(CONFIG);
    const r = await runCli(['report', 'kam/answers.yaml', '--what-if', 'sponsor=yes', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout).comparison;
    expect(c.baseline.file).toBe('kam/answers.yaml');
    expect(c.answers).toEqual([{ id: 'sponsor', before: false, after: true, delta: 1 }]);
    const both = await runCli(['report', 'kam/answers.yaml', '--what-if', 'sponsor=yes', '--compare', 'kam/baseline.yaml'], { cwd: dir });
    expect(both).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'kamcheck: error: --what-if compares with the answers as given, so it takes no --compare\n',
    });
  });

  it('--config names a file elsewhere; its paths are relative to its own folder', async () => {
    const dir = project('lang: en\n');
    writeFileSync(join(dir, 'kam/ci.yaml'), 'questionnaire: small.yaml\nformat: json\nbaseline: baseline.yaml\nlang: zh-CN\n');
    const r = await runCli(['report', 'kam/answers.yaml', '--config', 'kam/ci.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.locale).toBe('zh-CN');
    expect(report.comparison.baseline.file).toBe('kam/baseline.yaml');
  });

  it('serves trend too: questionnaire and format', async () => {
    const dir = project('questionnaire: kam/small.yaml\nformat: csv\n');
    const r = await runCli(['trend', 'kam/answers.yaml', 'kam/baseline.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\uFEFFDate,File,')).toBe(true);
  });

  it('reports every problem at its line: unknown keys, wrong values, formats and dimensions', async () => {
    const bad = project('questionaire: kam/small.yaml\nformat: pdf\ngates:\n  failUnder: 120\n  failOn: severe\n');
    const r = await runCli(['report', 'kam/answers.yaml'], { cwd: bad });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'kamcheck.config.yaml:1:1: error: unknown key "questionaire"; did you mean "questionnaire"?',
      expect.stringMatching(
        /^kamcheck\.config\.yaml:2:9: error: "pdf" is not allowed for "format"; use one of: terminal, markdown, json, html, csv$/,
      ),
      expect.stringMatching(/^kamcheck\.config\.yaml:4:14: error: /),
      expect.stringMatching(/^kamcheck\.config\.yaml:5:11: error: "severe" is not allowed for "failOn"/),
    ]);
    // Every format of the config file is one that report offers: csv gives the one-row-per-question table.
    const csv = await runCli(['report', 'kam/answers.yaml'], { cwd: project('questionnaire: kam/small.yaml\nformat: csv\n') });
    expect(csv.stderr).toBe('');
    expect(csv.stdout.startsWith('\uFEFF')).toBe(true);
    const dim = await runCli(['report', 'kam/answers.yaml'], {
      cwd: project('questionnaire: kam/small.yaml\ngates:\n  failUnder: { stratgy: 50 }\n'),
    });
    expect(dim.code).toBe(2);
    expect(dim.stderr).toBe(
      'kamcheck.config.yaml:3:16: error: "stratgy" is not a dimension of the questionnaire; use overall or one of: strategy, people\n',
    );
  });

  it('a missing --config file is a usage error', async () => {
    const r = await runCli(['report', 'examples/midsize-components.en.yaml', '--config', 'nope.yaml']);
    expect(r).toMatchObject({ code: 2, stderr: 'kamcheck: error: cannot read nope.yaml: no such file\n' });
  });
});

describe('schemas of trend and config', () => {
  it.each(['trend', 'config'] as SchemaKind[])('the committed schemas/%s.schema.json matches the zod schema', async (kind) => {
    const committed = readFileSync(join(ROOT, `schemas/${kind}.schema.json`), 'utf8');
    expect(jsonSchema(kind), 'run `npm run schemas` and commit the result').toBe(committed);
    expect((await runCli(['schema', kind])).stdout).toBe(committed);
  });

  it('the config schema refuses unknown keys', () => {
    expect(Config.safeParse({ gates: { maxDrop: 5 } }).success).toBe(true);
    expect(Config.safeParse({ gate: {} }).success).toBe(false);
    expect(JSON.parse(jsonSchema('config')).additionalProperties).toBe(false);
  });
});
