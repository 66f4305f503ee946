// A cached questionnaire keeps one copy per locale with the texts of that locale alone (src/core/in-locale.ts), and
// a report in one language reads only that copy. It must make the very same report as the whole questionnaire.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { packEntry, readEntry } from '../src/cli/cache.js';
import { readCompiled } from '../src/cli/io.js';
import { inLocale } from '../src/core/in-locale.js';
import { resolveText } from '../src/core/report.js';
import type { Questionnaire } from '../src/schema/questionnaire.js';
import { ROOT, runCli } from './helpers/cli.js';
import { modelFrom, modelFromFile } from './helpers/model.js';

const BUNDLED = join(ROOT, 'questionnaires/kam-five-pitfalls.yaml');
const EXAMPLES = readdirSync(join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => `examples/${f}`);

/** A questionnaire with a text in every place the format allows one, in two languages. */
const EVERY_TEXT = `
kamcheck: 1
id: every-text
version: '1'
locales: [en, zh-CN]
title: { en: Title, zh-CN: 标题 }
description: { en: About, zh-CN: 关于 }
levels:
  - { id: low, min: 0, title: { en: Low, zh-CN: 低 }, description: { en: Low level, zh-CN: 低水平 } }
  - { id: high, min: 50, title: { en: High, zh-CN: 高 } }
scales:
  agree:
    options:
      - { value: 1, label: { en: No, zh-CN: 否 }, description: { en: Not at all, zh-CN: 完全没有 } }
      - { value: 2, label: { en: Yes, zh-CN: 是 } }
perspectives:
  - { id: supplier, title: { en: Supplier, zh-CN: 供应商 }, description: { en: Our view, zh-CN: 我方视角 } }
  - { id: customer, title: { en: Customer, zh-CN: 客户 } }
dimensions:
  - id: d
    title: { en: Dimension, zh-CN: 维度 }
    description: { en: What it covers, zh-CN: 范围 }
    questions:
      - id: q1
        type: scale
        scale: agree
        text: { en: Question, zh-CN: 问题 }
        help: { en: Help, zh-CN: 帮助 }
        audience: [supplier, customer]
        as:
          customer: { text: { en: Customer question, zh-CN: 客户问题 }, help: { en: Customer help, zh-CN: 客户帮助 } }
      - id: q2
        type: choice
        text: Only one language
        options:
          - { value: a, label: { en: A, zh-CN: 甲 }, description: { en: First, zh-CN: 第一 }, score: 0 }
          - { value: b, label: { en: B, zh-CN: 乙 }, score: 1 }
      - id: q3
        type: number
        text: { en: How many, zh-CN: 多少 }
        unit: { en: people, zh-CN: 人 }
        scoring: { from: 0, to: 10 }
rules:
  - id: r
    dimension: d
    when: { answer: q1, eq: 1 }
    title: { en: Rule, zh-CN: 规则 }
    why: { en: Because, zh-CN: 因为 }
    actions: [{ en: Act, zh-CN: 行动 }, Plain action]
    horizon: { en: Soon, zh-CN: 很快 }
`;

/** Whether a value is a text in several languages: a mapping from the questionnaire's locales to strings. */
const isTextMap = (doc: Questionnaire, v: unknown): v is Record<string, string> =>
  v !== null &&
  typeof v === 'object' &&
  !Array.isArray(v) &&
  Object.keys(v).length > 0 &&
  Object.entries(v).every(([k, x]) => doc.locales.includes(k) && typeof x === 'string');

/** Every place in a document where a text still has more than one language. */
function textMaps(doc: Questionnaire): string[] {
  const found: string[] = [];
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) walk(x, `${path}[${i}]`);
    } else if (isTextMap(doc, v)) found.push(path);
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
  };
  walk(doc, '');
  return found;
}

describe('a questionnaire in one locale', () => {
  it('leaves no text in another language, wherever the format allows a text', () => {
    const doc = modelFrom(EVERY_TEXT).doc;
    // The check finds every text of the whole questionnaire (so that it can fail).
    expect(textMaps(doc)).toHaveLength(26);
    for (const locale of doc.locales) expect(textMaps(inLocale(doc, locale)), locale).toEqual([]);
    for (const file of [BUNDLED, join(ROOT, 'tests/fixtures/v11/perspectives.yaml'), join(ROOT, 'tests/fixtures/valid/small.yaml')]) {
      const whole = modelFromFile(file).doc;
      for (const locale of whole.locales) expect(textMaps(inLocale(whole, locale)), `${file} ${locale}`).toEqual([]);
    }
  });

  it('resolves each text as a report in that locale does; a text in one language stays as it is', () => {
    const doc = modelFrom(EVERY_TEXT).doc;
    const en = inLocale(doc, 'en');
    const zh = inLocale(doc, 'zh-CN');
    const q2 = (d: Questionnaire) => d.dimensions[0]?.questions[1] as { text: unknown; options: { label: unknown }[] };
    expect([en.title, zh.title]).toEqual(['Title', '标题']);
    expect(q2(zh).options.map((o) => o.label)).toEqual(['甲', '乙']);
    expect([q2(en).text, q2(zh).text]).toEqual(['Only one language', 'Only one language']);
    expect(zh.rules?.[0]?.actions).toEqual(['行动', 'Plain action']);
    expect(zh.dimensions[0]?.questions[0]?.as?.customer).toEqual({ text: '客户问题', help: '客户帮助' });
    // The same as resolving every text wherever it is: everything else is untouched.
    for (const d of [doc, modelFromFile(BUNDLED).doc]) {
      for (const locale of d.locales) {
        const resolved = JSON.stringify(d, (_, v) => (isTextMap(d, v) ? resolveText(v, locale, d.locales[0] as string) : v));
        expect(inLocale(d, locale)).toEqual(JSON.parse(resolved));
      }
    }
  });

  it('is kept by the build for each locale of the bundled questionnaire, and read for the locale asked', () => {
    const whole = readCompiled(BUNDLED) as Questionnaire;
    expect(textMaps(whole).length).toBeGreaterThan(100);
    for (const locale of whole.locales) expect(readCompiled(BUNDLED, () => locale)).toEqual(inLocale(whole, locale));
    // No copy for the locale asked: the whole questionnaire.
    expect(readCompiled(BUNDLED, () => 'fr')).toEqual(whole);
  });

  it('is read only for a questionnaire with exactly the bytes it was made from, in a file or in memory', () => {
    const bytes = readFileSync(BUNDLED);
    const entry = join(ROOT, 'dist/kam-five-pitfalls.compiled');
    const dir = mkdtempSync(join(tmpdir(), 'kamcheck-entry-'));
    const variants = {
      same: bytes,
      longer: Buffer.concat([bytes, Buffer.from('\n')]),
      shorter: bytes.subarray(0, bytes.length - 1),
      // One byte changed, in the first and in the last of the chunks the comparison reads.
      firstChunk: Buffer.concat([bytes.subarray(0, 10), Buffer.from('#'), bytes.subarray(11)]),
      lastChunk: Buffer.concat([bytes.subarray(0, bytes.length - 2), Buffer.from('#'), bytes.subarray(bytes.length - 1)]),
    };
    for (const [name, variant] of Object.entries(variants)) {
      const file = join(dir, `${name}.yaml`);
      writeFileSync(file, variant);
      const expected = name === 'same' ? 'found' : 'none';
      expect(readEntry(entry, file, true, () => 'en') ? 'found' : 'none', `${name}, from a file`).toBe(expected);
      expect(readEntry(entry, variant, true, () => 'en') ? 'found' : 'none', `${name}, in memory`).toBe(expected);
    }
  });

  it('reads parts of every size, those just under a large object with the bytes before them', () => {
    const small = modelFromFile(join(ROOT, 'tests/fixtures/valid/small.yaml')).doc;
    const dir = mkdtempSync(join(tmpdir(), 'kamcheck-sizes-'));
    // One part each, of exactly `size` bytes (a padded description), on both sides of 66 and 132 KiB; the source
    // is tiny, so that fewer bytes come before the part than a large object would take.
    const partOf = (packed: Buffer) => (JSON.parse(packed.toString('utf8', 0, packed.indexOf(10))) as { parts: [string, number][] }).parts;
    const base = (partOf(packEntry(Buffer.from('#'), { ...small, locales: ['en'], description: '' }))[0] as [string, number])[1];
    for (const size of [5000, 66 * 1024 - 1, 66 * 1024, 100_000, 132 * 1024 - 1, 132 * 1024, 140_000]) {
      const doc = { ...small, locales: ['en'], description: 'x'.repeat(size - base) } as Questionnaire;
      const source = Buffer.from(`# ${size}\n`);
      const entry = join(dir, `${size}.entry`);
      const packed = packEntry(source, doc);
      expect(partOf(packed), String(size)).toEqual([['', size]]);
      writeFileSync(entry, packed);
      expect(
        readEntry(entry, source, true, () => 'en'),
        String(size),
      ).toEqual(doc);
    }
    // A part with more bytes before it than it takes: the bundled questionnaire's English one, read above.
  });

  it('makes the same report as the whole questionnaire, in every format, language and example', async () => {
    for (const file of EXAMPLES) {
      for (const format of ['json', 'markdown', 'terminal', 'html', 'csv']) {
        for (const lang of [[], ['--lang', 'en'], ['--lang', 'zh-CN']]) {
          const args = ['report', file, '-f', format, ...lang];
          // The bundled questionnaire comes from the build's entry; with -q and no cache folder, from its YAML.
          const cached = await runCli(args);
          const fromYaml = await runCli([...args, '-q', BUNDLED]);
          expect(cached.code, `${args.join(' ')}\n${cached.stderr}`).toBe(fromYaml.code);
          expect(cached.stdout, args.join(' ')).toBe(fromYaml.stdout);
          expect(cached.stderr, args.join(' ')).toBe(fromYaml.stderr);
        }
      }
    }
  });
});

describe('a report reads its answers file ahead only to learn its language', () => {
  const example = 'examples/midsize-components.en.yaml';

  it('still reports the questionnaire and the options before the answers file', async () => {
    const missing = await runCli(['report', 'no-such-answers.yaml', '-q', 'no-such-questionnaire.yaml']);
    expect([missing.code, missing.stderr]).toEqual([2, 'kamcheck: error: cannot read no-such-questionnaire.yaml: no such file\n']);
    const threshold = await runCli(['report', 'no-such-answers.yaml', '--fail-under', 'nosuch=40']);
    expect(threshold.code).toBe(2);
    expect(threshold.stderr).toContain('nosuch');
    expect(threshold.stderr).not.toContain('no-such-answers.yaml');
    const invalid = await runCli(['report', example, '-q', 'tests/fixtures/invalid/q-bad-id-slug.yaml']);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/^tests\/fixtures\/invalid\/q-bad-id-slug\.yaml:\d+:\d+: error: /);
  });

  it('does not wait for standard input before checking the options', async () => {
    // Standard input that never ends: the mistake in the options is reported all the same.
    const r = await runCli(['report', '-', '--fail-under', 'nosuch=40'], { stdin: new Readable({ read() {} }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nosuch');
  }, 5000);
});
