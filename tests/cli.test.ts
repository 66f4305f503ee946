import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { jsonSchema, type SchemaKind } from '../src/cli/commands/schema.js';
import { Report } from '../src/schema/report.js';
import { ROOT, runCli } from './helpers/cli.js';
import { markdownProblems } from './helpers/report.js';

const EARLY = 'examples/pump-maker-early.zh.yaml';
const MID = 'examples/midsize-components.en.yaml';
const ADVANCED = 'examples/advanced-automation.yaml';
// toMatch with a string tests for the substring.
const ESC = '\u001b[';
const tmp = () => mkdtempSync(join(tmpdir(), 'kamcheck-'));

describe('report', () => {
  it('prints the terminal report for an example with no -q, without colour when not a TTY', async () => {
    const r = await runCli(['report', MID]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Overall: 56\.6 \/ 100 {3}Level: /);
    expect(r.stdout).not.toMatch(ESC);
  });

  it('emits the JSON report of SPEC §8', async () => {
    const r = await runCli(['report', EARLY, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(Report.safeParse(report).success).toBe(true);
    expect(Object.keys(report)).toEqual([
      'kamcheck',
      'kind',
      'tool',
      'questionnaire',
      'locale',
      'respondent',
      'date',
      'levels',
      'perspective',
      'overall',
      'dimensions',
      'remedies',
      'answers',
      'warnings',
      'roadmap',
      'targets',
    ]);
    expect(report).toMatchObject({
      kamcheck: 1,
      kind: 'report',
      locale: 'zh-CN',
      questionnaire: { id: 'kam-five-pitfalls', version: '2.0.0' },
    });
    expect(report.overall).toMatchObject({ score: 15.2, level: { id: 'exploratory' } });
    expect(report.dimensions.map((d: { id: string }) => d.id)).toEqual(['strategy', 'organization', 'people', 'systems', 'relationship']);
    expect(report.remedies[0]).toMatchObject({ id: 'authority-by-rank', severity: 'high' });
  });

  it('reads answers from stdin with -', async () => {
    const r = await runCli(['report', '-', '-f', 'json'], { stdin: readFileSync(MID, 'utf8') });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).overall.score).toBe(56.6);
  });

  it('reports several answers files as a JSON array', async () => {
    const r = await runCli(['report', EARLY, MID, ADVANCED, '-f', 'json']);
    expect(JSON.parse(r.stdout).map((x: { overall: { level: { id: string } } }) => x.overall.level.id)).toEqual([
      'exploratory',
      'cooperative',
      'integrated',
    ]);
  });

  it('writes -o FILE, picks the format from the extension, and never overwrites without --force', async () => {
    const dir = tmp();
    const out = join(dir, 'report.md');
    expect((await runCli(['report', MID, '-o', out])).code).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md.startsWith('# ')).toBe(true);
    expect(markdownProblems(md)).toEqual([]);
    const again = await runCli(['report', MID, '-o', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`kamcheck: error: ${out} already exists; use --force to overwrite it\n`);
    expect((await runCli(['report', ADVANCED, '-o', out, '--force'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).not.toBe(md);
  });

  it.each(['en', 'zh-CN'])('markdown of every example passes markdownlint (%s)', async (lang) => {
    for (const f of [EARLY, MID, ADVANCED]) {
      const r = await runCli(['report', f, '-f', 'markdown', '--lang', lang]);
      expect(markdownProblems(r.stdout), f).toEqual([]);
    }
  });

  it('html escapes and is a whole page', async () => {
    const r = await runCli(['report', EARLY, '-f', 'html']);
    expect(r.stdout).toMatch(/^<!doctype html>/);
    expect(r.stdout).toContain('</html>');
  });
});

describe('gates', () => {
  it('--fail-under writes the whole report, then exits 1 and says why', async () => {
    const r = await runCli(['report', EARLY, '-f', 'json', '--fail-under', '50']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).overall.score).toBe(15.2);
    // the gate speaks the report's language: this answers file is in Chinese
    expect(r.stderr).toBe('kamcheck: 门槛未通过：总分 15.2 低于 50（--fail-under）\n');
  });

  it('--fail-under passes at or above the threshold', async () => {
    expect((await runCli(['report', MID, '--fail-under', '56.6'])).code).toBe(0);
    expect((await runCli(['report', MID, '--fail-under', '56.7'])).code).toBe(1);
  });

  it('--min-coverage compares the overall coverage', async () => {
    const r = await runCli(['report', EARLY, '--min-coverage', '0.99', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('kamcheck: gate failed: coverage 0.963 is under 0.99 (--min-coverage)\n');
    expect((await runCli(['report', EARLY, '--min-coverage', '0.95'])).code).toBe(0);
  });

  it('--fail-on fails on a remedy of that severity or worse', async () => {
    expect((await runCli(['report', ADVANCED, '--fail-on', 'high'])).code).toBe(0);
    const r = await runCli(['report', ADVANCED, '--fail-on', 'medium', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('kamcheck: gate failed: 1 remedies at severity medium or above (--fail-on): kam-isolated\n');
  });

  it.each([
    [['--fail-under', '101'], '--fail-under takes a number from 0 to 100, not "101"'],
    [['--fail-under', 'abc'], '--fail-under takes a number from 0 to 100, not "abc"'],
    [['--min-coverage', '2'], '--min-coverage takes a number from 0 to 1, not "2"'],
  ])('rejects a bad gate %j with exit 2', async (args, message) => {
    const r = await runCli(['report', MID, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kamcheck: error: ${message}\n`);
  });

  it('rejects an unknown severity with exit 2', async () => {
    const r = await runCli(['report', MID, '--fail-on', 'severe']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error: option '--fail-on <severity>' argument 'severe' is invalid");
  });
});

describe('language', () => {
  it('follows --lang, then the answers file, then LANG', async () => {
    expect((await runCli(['report', EARLY])).stdout).toContain('总体');
    expect((await runCli(['report', EARLY, '--lang', 'en'])).stdout).toContain('Overall');
    expect((await runCli(['report', MID], { env: { LANG: 'zh_CN.UTF-8' } })).stdout).toContain('Overall'); // the file says en
    const noLocale = readFileSync(MID, 'utf8').replace(/^locale: .*$/m, '');
    expect((await runCli(['report', '-'], { stdin: noLocale, env: { LANG: 'zh_CN.UTF-8' } })).stdout).toContain('总体');
    expect((await runCli(['report', '-'], { stdin: noLocale, env: { LC_ALL: 'C' } })).stdout).toContain('总体'); // first locale
  });

  it('refuses a language the questionnaire does not offer', async () => {
    const r = await runCli(['report', MID, '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kamcheck: error: language fr is not offered; choose one of: zh-CN, en\n');
  });
});

describe('colour', () => {
  it('is on for a TTY, off with --no-color or NO_COLOR, forced by FORCE_COLOR', async () => {
    expect((await runCli(['report', MID], { isTTY: true })).stdout).toMatch(ESC);
    expect((await runCli(['report', MID, '--no-color'], { isTTY: true })).stdout).not.toMatch(ESC);
    expect((await runCli(['report', MID], { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ESC);
    expect((await runCli(['report', MID], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(ESC);
  });

  it('uses the terminal width', async () => {
    const r = await runCli(['report', EARLY], { columns: 60 });
    const { width } = await import('../src/render/style.js');
    for (const line of r.stdout.split('\n')) expect(width(line)).toBeLessThanOrEqual(60);
  });
});

describe('validate', () => {
  it('accepts the bundled questionnaire and the examples', async () => {
    const r = await runCli(['validate', 'questionnaires/kam-five-pitfalls.yaml', EARLY, MID, ADVANCED]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      'questionnaires/kam-five-pitfalls.yaml: valid questionnaire',
      `${EARLY}: valid answers file`,
      `${MID}: valid answers file`,
      `${ADVANCED}: valid answers file`,
    ]);
  });

  it('checks answers against a questionnaire given in the same call', async () => {
    const r = await runCli(['validate', 'tests/fixtures/valid/small.yaml', 'tests/fixtures/valid/small-answers.yaml']);
    expect(r.code).toBe(0);
  });
});

describe('init', () => {
  it.each(['en', 'zh-CN'])('writes a complete template that validates and reports (%s)', async (lang) => {
    const dir = tmp();
    const file = join(dir, 'answers.yaml');
    const r = await runCli(['init', '-o', file, '--lang', lang]);
    expect(r.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=file:\/\/.*\/schemas\/answers\.schema\.json$/);
    expect(existsSync(new URL(text.split('$schema=')[1]?.split('\n')[0] as string))).toBe(true);
    const data = parse(text);
    expect(data).toMatchObject({ kamcheck: 1, questionnaire: 'kam-five-pitfalls@2.0.0', locale: lang });
    const ids = parse(readFileSync('questionnaires/kam-five-pitfalls.yaml', 'utf8')).dimensions.flatMap(
      (d: { questions: { id: string }[] }) => d.questions.map((q) => q.id),
    );
    expect(Object.keys(data.answers)).toEqual(ids);
    expect(Object.values(data.answers).every((v) => v === null)).toBe(true);
    expect(text).toContain(lang === 'en' ? '  #   accepts:\n' : '  #   可填：\n');
    expect((await runCli(['validate', file])).code).toBe(0);
    const report = JSON.parse((await runCli(['report', file, '-f', 'json'])).stdout);
    expect(report.overall).toEqual({ score: null, level: null, coverage: 0, uncappedScore: null, cappedBy: [] });
  });

  it('a filled-in template scores like the same answers anywhere', async () => {
    const dir = tmp();
    const file = join(dir, 'answers.yaml');
    await runCli(['init', '-q', 'tests/fixtures/valid/small.yaml', '-o', file]);
    const filled = readFileSync(file, 'utf8')
      .replace(/^ {2}sponsor:$/m, '  sponsor: no')
      .replace(/^ {2}plans:$/m, '  plans: 3');
    writeFileSync(file, filled);
    const r = JSON.parse((await runCli(['report', file, '-q', 'tests/fixtures/valid/small.yaml', '-f', 'json'])).stdout);
    expect(r.dimensions[0]).toMatchObject({ id: 'strategy', rawScore: 33.3, coverage: 0.8 });
  });

  it('never overwrites without --force', async () => {
    const dir = tmp();
    const file = join(dir, 'answers.yaml');
    writeFileSync(file, 'precious');
    const r = await runCli(['init', '-o', file, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe('precious');
    expect((await runCli(['init', '-o', file, '--force'])).code).toBe(0);
  });
});

describe("init's $schema line works where the file is committed", () => {
  const schemaLine = (text: string) => /^# yaml-language-server: \$schema=(.*)\n/.exec(text)?.[1];

  it('points into the kamcheck a project installs (node_modules), relative to the file', async () => {
    const project = tmp();
    mkdirSync(join(project, 'node_modules/kamcheck/schemas'), { recursive: true });
    writeFileSync(join(project, 'node_modules/kamcheck/schemas/answers.schema.json'), '{}');
    mkdirSync(join(project, '.git'));
    mkdirSync(join(project, 'kam/2026'), { recursive: true });
    const file = join(project, 'kam/2026/acme.yaml');
    const r = await runCli(['init', '-o', file, '--lang', 'en']);
    expect(r.stderr).toBe(`written to ${file}\n`);
    const url = schemaLine(readFileSync(file, 'utf8'));
    expect(url).toBe('../../node_modules/kamcheck/schemas/answers.schema.json');
    expect(existsSync(resolve(dirname(file), url as string))).toBe(true);
  });

  it('in a kamcheck checkout, points at its schemas/ folder, relative to the file (standard output: the current folder)', async () => {
    const r = await runCli(['init'], { cwd: join(ROOT, 'examples') });
    expect(schemaLine(r.stdout)).toBe('../schemas/answers.schema.json');
    expect(r.stderr).toBe('');
  });

  it('a file outside any project gets the absolute file URL of the installed schema', async () => {
    const r = await runCli(['init'], { cwd: tmp() });
    const url = schemaLine(r.stdout) as string;
    expect(url).toBe(pathToFileURL(join(ROOT, 'schemas/answers.schema.json')).href);
  });

  it.each([
    ['en', 'kamcheck: no $schema line for editors: this kamcheck is installed outside the project'],
    ['zh-CN', 'kamcheck: 未写入供编辑器使用的 $schema 行：当前的 kamcheck 安装在项目之外'],
  ])('in a project that does not install kamcheck, no line that would break elsewhere, and a note saying why (%s)', async (lang, note) => {
    const project = tmp();
    writeFileSync(join(project, 'package.json'), '{}');
    const r = await runCli(['init', '-o', 'acme.yaml', '--lang', lang], { cwd: project });
    expect(r.code).toBe(0);
    const text = readFileSync(join(project, 'acme.yaml'), 'utf8');
    expect(text).not.toContain('$schema');
    expect(text.startsWith('# ')).toBe(true);
    expect(r.stderr.split('\n')[1]).toContain(note);
    expect(r.stderr).toContain('--schema-url');
    expect((await runCli(['validate', join(project, 'acme.yaml')])).code).toBe(0);
  });

  it('--schema-url names the schema as given; empty for no line; a space or line break is refused', async () => {
    const url = 'https://example.com/kamcheck/answers.schema.json';
    expect(schemaLine((await runCli(['init', '--schema-url', url])).stdout)).toBe(url);
    expect(schemaLine((await runCli(['init', '--schema-url', './answers.schema.json'])).stdout)).toBe('./answers.schema.json');
    const none = await runCli(['init', '--schema-url', '']);
    expect(none.stdout).not.toContain('$schema');
    expect(none.stderr).toBe('');
    const bad = await runCli(['init', '--schema-url', 'a.json\nkamcheck: 2']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('kamcheck: error: --schema-url must be one URL or path without spaces or line breaks\n');
  });
});

describe('show', () => {
  it('prints the questionnaire for a terminal, as markdown and as JSON', async () => {
    const t = await runCli(['show', '--lang', 'en']);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('exec-sponsor');
    const md = await runCli(['show', '-f', 'markdown', '--lang', 'zh-CN']);
    expect(markdownProblems(md.stdout)).toEqual([]);
    const json = JSON.parse((await runCli(['show', '-f', 'json'])).stdout);
    expect(json).toEqual(parse(readFileSync('questionnaires/kam-five-pitfalls.yaml', 'utf8')));
  });
});

describe('schema', () => {
  it.each(['questionnaire', 'answers', 'report'] as SchemaKind[])(
    'the committed schemas/%s.schema.json matches the zod schema',
    async (kind) => {
      const committed = readFileSync(`schemas/${kind}.schema.json`, 'utf8');
      expect(jsonSchema(kind), 'run `npm run schemas` and commit the result').toBe(committed);
      expect((await runCli(['schema', kind])).stdout).toBe(committed);
    },
  );
});

describe('usage', () => {
  it('prints the version and help', async () => {
    const v = await runCli(['--version']);
    expect(v).toEqual({ code: 0, stdout: `${JSON.parse(readFileSync('package.json', 'utf8')).version}\n`, stderr: '' });
    const h = await runCli(['--help']);
    expect(h.code).toBe(0);
    for (const c of ['assess', 'report', 'validate', 'init', 'show', 'schema']) expect(h.stdout).toContain(c);
  });

  it.each([[['frobnicate']], [['report']], [['report', 'x.yaml', '--bogus']], [['schema', 'nope']]])('exits 2 on %j', async (argv) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kamcheck: error: /);
  });

  it('says plainly when a file cannot be read', async () => {
    const r = await runCli(['report', 'missing.yaml']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'kamcheck: error: cannot read missing.yaml: no such file\n' });
  });

  it('assess without a terminal points to init and report', async () => {
    const r = await runCli(['assess', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('kamcheck init -o answers.yaml');
    expect(r.stderr).toContain('kamcheck report answers.yaml');
  });
});

describe('edges a demanding user finds', () => {
  it('gives every `-` the same standard input', async () => {
    const r = await runCli(['report', '-', '-', '-f', 'json'], { stdin: readFileSync(MID, 'utf8') });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).map((x: { overall: { score: number } }) => x.overall.score)).toEqual([56.6, 56.6]);
  });

  it('makes one HTML page from one answers file only', async () => {
    const r = await runCli(['report', MID, ADVANCED, '-f', 'html']);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'kamcheck: error: an HTML report is one page for one answers file; run report once per file\n',
    });
  });

  it('says plainly why -o cannot be written', async () => {
    const dir = tmp();
    expect((await runCli(['report', MID, '-o', join(dir, 'missing/r.md')])).stderr).toBe(
      `kamcheck: error: cannot write ${join(dir, 'missing/r.md')}: no such folder\n`,
    );
    expect((await runCli(['report', MID, '-o', dir, '--force'])).stderr).toBe(`kamcheck: error: cannot write ${dir}: is a directory\n`);
  });

  it('validate reports an unreadable file and still checks the others', async () => {
    const r = await runCli(['validate', 'missing.yaml', MID]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kamcheck: error: cannot read missing.yaml: no such file\n');
    expect(r.stdout).toBe(`${MID}: valid answers file\n`);
  });

  it('a malformed answer does not hide the problems of the other answers', async () => {
    const text = 'kamcheck: 1\nquestionnaire: small\nanswers:\n  plans: { value: 3, note: [a, b] }\n  sponsor: maybe\n  selection: huge\n';
    const r = await runCli(['report', '-', '-q', 'tests/fixtures/valid/small.yaml'], { stdin: text });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      '<stdin>:4:28: error: expected string for "note", found list',
      '<stdin>:5:12: error: "maybe" is not an answer to "sponsor"; it accepts: true, false',
      '<stdin>:6:14: error: "huge" is not an answer to "selection"; it accepts one of: size, mixed, criteria',
    ]);
    expect((await runCli(['validate', '-', '-q', 'tests/fixtures/valid/small.yaml'], { stdin: text })).stdout).toBe('');
  });

  it('takes --lang with an underscore, as LANG writes it', async () => {
    expect((await runCli(['report', MID, '--lang', 'zh_CN'])).stdout).toContain('总体');
  });

  it('refuses nameless keys and __proto__ in a file', async () => {
    const r = await runCli(['validate', '-'], {
      stdin: 'kamcheck: 1\nquestionnaire: kam-five-pitfalls\nanswers:\n  null: 4\n  __proto__: { polluted: true }\n',
    });
    expect(r.stderr).toBe('<stdin>:4:3: error: a key must have a name\n<stdin>:5:3: error: the key "__proto__" is not allowed\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('show picks markdown from a .markdown file name, as report does', async () => {
    const file = join(tmp(), 'form.markdown');
    await runCli(['show', '-o', file, '--lang', 'en']);
    expect(readFileSync(file, 'utf8').startsWith('# ')).toBe(true);
  });

  it('takes only decimal numbers for gates', async () => {
    expect((await runCli(['report', MID, '--fail-under', '0x10'])).stderr).toBe(
      'kamcheck: error: --fail-under takes a number from 0 to 100, not "0x10"\n',
    );
  });

  it('says that nothing is answered rather than that all is well', async () => {
    const r = await runCli(['report', '-', '--lang', 'en'], { stdin: 'kamcheck: 1\nquestionnaire: kam-five-pitfalls\n' });
    expect(r.stdout).toContain('Nothing is answered yet, so there is nothing to diagnose.');
    expect(r.stdout).not.toContain('No remedy fired');
  });
});

describe('as a real process', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist/kamcheck.cjs'))) execFileSync(process.execPath, ['scripts/build.js'], { cwd: ROOT });
  });
  const kamcheck = (args: string[], input?: string) =>
    spawnSync(process.execPath, ['bin/kamcheck.js', ...args], {
      cwd: ROOT,
      input,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });

  it('the build caches the bundled questionnaire under the key the CLI computes, and the cache equals the YAML', async () => {
    const { readCompiled } = await import('../src/cli/io.js');
    const cached = readCompiled(join(ROOT, 'questionnaires/kam-five-pitfalls.yaml'));
    expect(cached).toEqual(parse(readFileSync(join(ROOT, 'questionnaires/kam-five-pitfalls.yaml'), 'utf8')));
    const other = join(mkdtempSync(join(tmpdir(), 'kamcheck-compiled-')), 'q.yaml');
    writeFileSync(other, 'kamcheck: 1\n');
    expect(readCompiled(other)).toBeUndefined();
  });

  it('the build leaves a code cache that V8 accepts for the bundle', async () => {
    const { Script } = await import('node:vm');
    const Module = (await import('node:module')).default;
    const file = join(ROOT, 'dist/kamcheck.cjs');
    // The cache starts with the name of the file and the build it was made for, on a line of its own.
    const cache = readFileSync(`${file}.cache`);
    const eol = cache.indexOf(10);
    const build = /^\/\*kamcheck-build (\S+)\*\//.exec(readFileSync(file, 'latin1'))?.[1];
    expect(build).toMatch(/^\d+\.\d+\.\d+\+[0-9a-z]+$/);
    expect(cache.toString('utf8', 0, eol)).toBe(`${file} ${build}`);
    // The bundle is written out as the function Node.js wraps a CommonJS module's code in: run as a script, it gives
    // that function, and bin/kamcheck.js calls it.
    const source = readFileSync(file, 'latin1');
    expect(source).toMatch(/^\/\*kamcheck-build \S+\*\/\(function \(exports, require, module, __filename, __dirname\) \{\n/);
    const script = new Script(source, { filename: file, cachedData: cache.subarray(eol + 1) });
    expect(script.cachedDataRejected).toBe(false);
    const wrapped = script.runInThisContext();
    expect(typeof wrapped).toBe('function');
    const bundle = { exports: {} as Record<string, unknown> };
    wrapped.call(bundle.exports, bundle.exports, Module.createRequire(file), bundle, file, join(ROOT, 'dist'));
    expect(Object.keys(bundle.exports).sort()).toEqual(['VERSION', 'packEntry', 'run']);
    // The JSON and markdown reports' own caches, for the same build: each holds what such a report runs alone.
    for (const format of ['json', 'markdown']) {
      const own = readFileSync(`${file}.${format}.cache`);
      expect(own.toString('utf8', 0, own.indexOf(10)), format).toBe(`${file} ${build}`);
      expect(new Script(source, { filename: file, cachedData: own.subarray(own.indexOf(10) + 1) }).cachedDataRejected, format).toBe(false);
    }
  });

  it('a JSON or markdown report loads its own code cache, however the format is written; any other run the terminal one', () => {
    const preload = join(mkdtempSync(join(tmpdir(), 'kamcheck-cache-')), 'opens.cjs');
    writeFileSync(
      preload,
      "const fs = require('fs'); const open = fs.openSync;\n" +
        "fs.openSync = (p, ...a) => { if (String(p).endsWith('.cache')) fs.writeSync(2, 'open ' + p + '\\n'); return open(p, ...a); };\n",
    );
    const caches = (...args: string[]) => {
      const r = spawnSync(process.execPath, ['-r', preload, 'bin/kamcheck.js', 'report', 'examples/midsize-components.en.yaml', ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', XDG_CACHE_HOME: join(tmpdir(), 'kamcheck-no-user-cache') },
      });
      expect(r.status, r.stderr).toBe(0);
      return [...r.stderr.matchAll(/^open .*\/(kamcheck\.cjs[^/\n]*)$/gm)].map((m) => m[1]);
    };
    for (const json of [['-f', 'json'], ['--format', 'json'], ['--format=json'], ['-fjson']])
      expect(caches(...json)).toEqual(['kamcheck.cjs.json.cache']);
    expect(caches('-f', 'markdown')).toEqual(['kamcheck.cjs.markdown.cache']);
    // The last format given counts, as for the CLI; without one, the extension of -o.
    expect(caches('-f', 'json', '-f', 'markdown')).toEqual(['kamcheck.cjs.markdown.cache']);
    expect(caches('-f', 'json', '--format=terminal')).toEqual(['kamcheck.cjs.cache']);
    const out = mkdtempSync(join(tmpdir(), 'kamcheck-cache-out-'));
    expect(caches('-o', join(out, 'r.json'))).toEqual(['kamcheck.cjs.json.cache']);
    expect(caches('--output', join(out, 'r.md'))).toEqual(['kamcheck.cjs.markdown.cache']);
    expect(caches('-o', join(out, 'r2.json'), '-f', 'terminal')).toEqual(['kamcheck.cjs.cache']);
    for (const other of [[], ['-f', 'terminal'], ['--format', 'html'], ['-f', 'csv']])
      expect(caches(...other)).toEqual(['kamcheck.cjs.cache']);
  });

  it('a run ends at once only when all it wrote went straight to its descriptor and no stream of Node.js was built', () => {
    // --trace-exit makes Node.js report a call of process.exit on standard error.
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--trace-exit', 'bin/kamcheck.js', 'report', 'examples/midsize-components.en.yaml', ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '' },
      });
    const plain = run('-f', 'json');
    expect(plain.status).toBe(0);
    expect(plain.stderr).toContain('Exited the environment with code 0');
    // A message on standard error: Node.js's stream may still be writing it, so the run ends as Node.js ends it.
    const gated = run('-f', 'json', '--fail-under', '90');
    expect(gated.status).toBe(1);
    expect(gated.stderr).toMatch(/^kamcheck: gate failed: .*\n$/);
  });

  it('output larger than a pipe holds arrives whole when the reader is slow', async () => {
    // A run whose output all went straight to its descriptor ends with process.exit, without taking its heap apart:
    // its writes are done when they return. Nothing may be cut off by that.
    const expected = spawnSync(process.execPath, ['bin/kamcheck.js', 'show', '--format', 'json'], { cwd: ROOT, encoding: 'utf8' }).stdout;
    expect(expected.length).toBeGreaterThan(200_000);
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['bin/kamcheck.js', 'show', '--format', 'json'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pause();
    await new Promise((resolve) => setTimeout(resolve, 400));
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stdout.resume();
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(expected);
  });

  it('a code cache made for another build is never used, even for a bundle of the same size and time', () => {
    // npm gives every installed file the same time, and a new version can have the same size.
    const pkg = mkdtempSync(join(tmpdir(), 'kamcheck-upgrade-'));
    for (const d of ['bin', 'dist', 'questionnaires']) cpSync(join(ROOT, d), join(pkg, d), { recursive: true });
    const bundle = join(pkg, 'dist/kamcheck.cjs');
    rmSync(`${bundle}.cache`);
    const npmTime = new Date('1985-10-26T08:15:00Z');
    utimesSync(bundle, npmTime, npmTime);
    const env = { PATH: process.env.PATH ?? '', XDG_CACHE_HOME: join(pkg, 'cache') };
    const version = () => spawnSync(process.execPath, [join(pkg, 'bin/kamcheck.js'), '--version'], { encoding: 'utf8', env }).stdout.trim();
    expect(version()).toBe('0.1.0');
    expect(readdirSync(join(pkg, 'cache/kamcheck'))).toHaveLength(1);
    // The next release: same length, same time, another build.
    const text = readFileSync(bundle, 'latin1');
    const build = /^\/\*kamcheck-build (\S+)\*\//.exec(text)?.[1] as string;
    const next = `${build.slice(0, -1)}${build.endsWith('z') ? 'y' : 'z'}`;
    writeFileSync(bundle, text.replaceAll(build, next).replace('"0.1.0"', '"0.1.1"'), 'latin1');
    utimesSync(bundle, npmTime, npmTime);
    expect(version()).toBe('0.1.1');
  });

  it('reports with exit 0, gates with exit 1', () => {
    const ok = kamcheck(['report', MID, '-f', 'json']);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).overall.score).toBe(56.6);
    const gate = kamcheck(['report', MID, '-f', 'markdown', '--fail-under', '90']);
    expect(gate.status).toBe(1);
    expect(gate.stdout).toContain('| 🟡');
  });

  it('reads stdin and keeps bad input to one line per problem, exit 2', () => {
    const r = kamcheck(['report', '-'], 'kamcheck: 1\nquestionnaire: kam-five-pitfalls\nanswers:\n  exec-sponsr: 3\n');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('<stdin>:4:3: error: unknown question "exec-sponsr"; did you mean "exec-sponsor"?\n');
  });
});
