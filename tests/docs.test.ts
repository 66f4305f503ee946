// The user docs are part of the contract: every number in docs/scoring.md and every YAML example and
// terminal session in docs/format.md is checked here against what kamcheck really does.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { Model } from '../src/core/model.js';
import { evaluate, type Result, SEVERITY_FACTOR } from '../src/core/score.js';
import { formatDiagnostic } from '../src/i18n/diagnostics.js';
import { checkAnswers, parseAnswers } from '../src/load/answers.js';
import { loadQuestionnaire } from '../src/load/questionnaire.js';
import { band } from '../src/render/format.js';
import type { Report } from '../src/schema/report.js';
import { ROOT, runCli } from './helpers/cli.js';
import {
  arithmeticAgrees,
  type Block,
  checkMarks,
  codeBlocks,
  evaluateExpression,
  expressionIn,
  fileName,
  isInvalid,
  shows,
  table,
  unquote,
  written,
} from './helpers/doc-tables.js';
import { modelFromFile } from './helpers/model.js';
import { markdownProblems } from './helpers/report.js';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const SCORING = read('docs/scoring.md');
const FORMAT = read('docs/format.md');
const SMALL_PATH = join(ROOT, 'tests/fixtures/valid/small.yaml');

describe('the arithmetic reader', () => {
  it.each([
    ['2 / (4 − 1)', 2 / 3],
    ['100 × (2 × 0 + 2 × 2/3 + 1 × 0.5) / (2 + 2 + 1)', 110 / 3],
    ['min(1, 0.25 + 0.5)', 0.75],
    ['10 × 1 × 3/2 × (100 − 40) / 100', 9],
    ['-2 · 3', -6],
  ])('%s = %d', (src, value) => {
    expect(evaluateExpression(src)).toBeCloseTo(value, 12);
  });
  it('refuses what is not arithmetic', () => {
    expect(() => evaluateExpression('2 +')).toThrow();
    expect(expressionIn('`kam-count` and `training`')).toBeUndefined();
  });
});

// ── Running kamcheck on the docs' files ─────────────────────────────────────────────────────────────

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A fresh folder holding every `<!-- file: NAME -->` block of a doc. */
function folderOf(md: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kamcheck-docs-'));
  dirs.push(dir);
  for (const b of codeBlocks(md)) {
    const name = fileName(b);
    if (name) writeFileSync(join(dir, name), b.text);
  }
  return dir;
}

// ── docs/scoring.md ─────────────────────────────────────────────────────────────────────────────────

describe('docs/scoring.md', () => {
  const model: Model = modelFromFile(SMALL_PATH);
  const dir = folderOf(SCORING);
  const blocks = codeBlocks(SCORING);
  const answersText = (name: string) => {
    const b = blocks.find((x) => fileName(x) === name);
    if (!b) throw new Error(`no answers block ${name}`);
    return b.text;
  };

  /** The unrounded result, computed in-process from the very text of the doc's answers block. */
  const resultOf = (name: string): Result => {
    const { parsed, diagnostics } = parseAnswers(name, Buffer.from(answersText(name)));
    expect(diagnostics).toEqual([]);
    if (!parsed) throw new Error(name);
    const checked = checkAnswers(parsed, model);
    expect(checked.diagnostics.map((d) => formatDiagnostic(d, false))).toEqual([]);
    return evaluate(model, checked.answers);
  };

  /** The JSON report of `kamcheck report NAME -q small.yaml -f json`, run in-process. */
  const reportOf = async (name: string): Promise<Report> => {
    const r = await runCli(['report', name, '-q', SMALL_PATH, '-f', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as Report;
  };

  const dimOf = (r: Result, id: string) => {
    const d = r.dimensions.find((x) => x.dimension.id === id);
    if (!d) throw new Error(`no dimension ${id}`);
    return d;
  };

  it('passes markdownlint (default rules, no line length)', () => {
    expect(markdownProblems(SCORING)).toEqual([]);
  });

  it('checks every marked table, and the examples are there', () => {
    const kinds = checkMarks(SCORING).map((m) => m.split(' ')[0]);
    for (const k of kinds)
      expect(['severities', 'bands', 'summary', 'rule-extract', 'questions', 'quantities', 'rules', 'remedies', 'v11', 'plan']).toContain(
        k,
      );
    expect(checkMarks(SCORING)).toEqual(
      expect.arrayContaining([
        'questions small-answers.yaml',
        'quantities small-answers.yaml',
        'rules small-answers.yaml',
        'remedies small-answers.yaml',
        'quantities cap-answers.yaml',
        'rules cap-answers.yaml',
        'remedies cap-answers.yaml',
      ]),
    );
  });

  it('severity factors', () => {
    const rows = table(SCORING, 'severities');
    expect(Object.fromEntries(rows.map((r) => [r.severity, Number(r.sev)]))).toEqual(SEVERITY_FACTOR);
  });

  it('colour bands', () => {
    const names: Record<string, string> = { red: 'low', yellow: 'mid', green: 'high' };
    const rows = table(SCORING, 'bands');
    expect(rows.map((r) => r.band)).toEqual(['red', 'yellow', 'green']);
    for (const r of rows) {
      const expected = names[r.band as string];
      const from = Number(r.from);
      expect(band(from), `${r.band} from ${from}`).toBe(expected);
      if (r.below?.startsWith('—')) expect(band(100)).toBe(expected);
      else {
        const below = Number(r.below);
        expect(band(below - 0.01)).toBe(expected);
        expect(band(below)).not.toBe(expected);
      }
    }
    expect(band(null)).toBe('none');
  });

  it('the summary of the example questionnaire matches tests/fixtures/valid/small.yaml', () => {
    const rows = table(SCORING, 'summary');
    expect(rows.map((r) => unquote(r.question as string))).toEqual(model.questions.map((q) => q.question.id));
    for (const r of rows) {
      const info = model.byId.get(unquote(r.question as string));
      expect(r.dimension).toBe(info?.dimension.id);
      expect(Number(r.W_d)).toBe(info?.dimension.weight ?? 1);
      expect(r.type?.split(/[\s,]/)[0]).toBe(info?.question.type);
      expect(Number(r.w_q)).toBe(info?.weight);
    }
  });

  it('the rules shown match the example questionnaire', () => {
    const block = blocks.find((b) => b.marks.includes('check: rule-extract'));
    const shown = parse(block?.text ?? '') as Record<string, unknown>[];
    expect(shown.map((r) => r.id)).toEqual(model.rules.map((r) => r.id));
    for (const r of shown) {
      const rule = model.rules.find((x) => x.id === r.id) as unknown as Record<string, unknown>;
      for (const [k, v] of Object.entries(r)) expect(v, `${r.id}.${k}`).toEqual(rule[k]);
    }
  });

  it('the answers of the worked example are tests/fixtures/valid/small-answers.yaml, byte for byte', () => {
    expect(answersText('small-answers.yaml')).toBe(read('tests/fixtures/valid/small-answers.yaml'));
  });

  /** `KIND FILE` marks: a table of one kind about the worked example whose answers are in FILE. */
  const marked = (kind: string) => checkMarks(SCORING).flatMap((m) => (m.startsWith(`${kind} `) ? [m.slice(kind.length + 1)] : []));

  describe('worked examples', () => {
    it.each(marked('questions'))('question scores of %s', async (name) => {
      const result = resultOf(name);
      const report = await reportOf(name);
      const raw = (parse(answersText(name)) as { answers: Record<string, unknown> }).answers;
      const rows = table(SCORING, `questions ${name}`);
      expect(rows.map((r) => unquote(r.question as string))).toEqual(model.questions.map((q) => q.question.id));
      for (const row of rows) {
        const id = unquote(row.question as string);
        const q = result.questions.find((x) => x.info.question.id === id);
        const json = report.answers.find((a) => a.id === id);
        expect(row.dimension, id).toBe(q?.info.dimension.id);
        expect(Number(row.w_q), id).toBe(q?.info.weight);
        expect(row.state, id).toBe(q?.state);
        expect(row.state, id).toBe(json?.state);
        const given = raw[id];
        const value = given !== null && typeof given === 'object' && !Array.isArray(given) ? (given as { value?: unknown }).value : given;
        if (row.answer === '—') expect(value, id).toBeUndefined();
        else expect(parse(unquote(row.answer as string)), id).toEqual(value);
        shows(row.score as string, q?.score, `score of ${id}`);
        if (row.score !== '—') expect(Number(row.score), id).toBe(json?.score);
        arithmeticAgrees(row.arithmetic as string, row.score as string, id);
      }
    });

    it.each(marked('quantities'))('dimension and overall quantities of %s', async (name) => {
      const result = resultOf(name);
      const report = await reportOf(name);
      const rows = table(SCORING, `quantities ${name}`);
      const seen = new Set<string>();
      for (const row of rows) {
        const quantity = row.quantity as string;
        seen.add(quantity);
        const [subject, ...rest] = quantity.split(' ');
        const what = rest.join(' ');
        let exact: unknown;
        let json: unknown;
        if (subject === 'overall') {
          const o = result.overall;
          const jo = report.overall;
          exact = { raw: o.raw, score: o.score, coverage: o.coverage, level: o.level?.id ?? null }[what];
          json = { raw: undefined, score: jo.score, coverage: jo.coverage, level: jo.level?.id ?? null }[what];
        } else {
          const d = dimOf(result, subject as string);
          const jd = report.dimensions.find((x) => x.id === subject);
          const fields: Record<string, [unknown, unknown]> = {
            raw: [d.raw, jd?.rawScore],
            score: [d.score, jd?.score],
            coverage: [d.coverage, jd?.coverage],
            answered: [d.answered, jd?.answered],
            applicable: [d.applicable, jd?.applicable],
            level: [d.level?.id ?? null, jd?.level?.id ?? null],
            'capped by': [d.cappedBy, jd?.cappedBy],
          };
          [exact, json] = fields[what] ?? [undefined, undefined];
        }
        expect(['raw', 'score', 'coverage', 'answered', 'applicable', 'level', 'capped by'], quantity).toContain(what);
        const value = row.value as string;
        if (Array.isArray(exact)) {
          expect(value === 'none' ? [] : value.split(',').map((s) => unquote(s.trim())), quantity).toEqual(exact);
        } else if (typeof exact === 'string' || what === 'level') {
          expect(value === 'none' ? null : value, quantity).toBe(exact);
        } else {
          shows(value, exact as number | null, quantity);
          arithmeticAgrees(row.arithmetic as string, value, quantity);
        }
        const reported = row['JSON report'] as string;
        if (reported === '—') expect(json, `${quantity} is not in the JSON report`).toBeUndefined();
        else expect(JSON.parse(unquote(reported)), `${quantity} in the JSON report`).toEqual(json);
      }
      // Every dimension and the overall score are accounted for.
      for (const d of model.dimensions) for (const what of ['raw', 'score', 'coverage', 'level']) expect(seen).toContain(`${d.id} ${what}`);
      for (const what of ['raw', 'score', 'coverage', 'level']) expect(seen).toContain(`overall ${what}`);
    });

    it.each(marked('rules'))('which rules fire in %s', (name) => {
      const result = resultOf(name);
      const fired = new Set(result.remedies.map((r) => r.rule.id));
      const rows = table(SCORING, `rules ${name}`);
      expect(rows.map((r) => unquote(r.rule as string))).toEqual(model.rules.map((r) => r.id));
      for (const row of rows) {
        const rule = model.rules.find((r) => r.id === unquote(row.rule as string));
        if (!rule) throw new Error(row.rule);
        expect(row.dimension, rule.id).toBe(rule.dimension ?? '—');
        expect(parse(unquote(row.when as string)), rule.id).toEqual(rule.when);
        expect(row.fires, rule.id).toBe(fired.has(rule.id) ? 'yes' : 'no');
        expect(row.cap, rule.id).toBe(rule.cap === undefined ? '—' : String(rule.cap));
      }
    });

    it.each(marked('remedies'))('remedy priorities and order of %s', async (name) => {
      const result = resultOf(name);
      const report = await reportOf(name);
      const rows = table(SCORING, `remedies ${name}`);
      expect(rows.map((r) => unquote(r.remedy as string))).toEqual(result.remedies.map((r) => r.rule.id));
      expect(report.remedies.map((r) => r.id)).toEqual(result.remedies.map((r) => r.rule.id));
      const meanW = result.dimensions.reduce((s, d) => s + d.weight, 0) / result.dimensions.length;
      rows.forEach((row, i) => {
        const remedy = result.remedies[i];
        if (!remedy) throw new Error(`no remedy ${i}`);
        const id = remedy.rule.id;
        const d = remedy.rule.dimension === undefined ? undefined : dimOf(result, remedy.rule.dimension);
        const s = d ? d.score : result.overall.score;
        expect(Number(row.rank), id).toBe(i + 1);
        expect(row.severity, id).toBe(remedy.severity);
        expect(Number(row.sev), id).toBe(SEVERITY_FACTOR[remedy.severity]);
        expect(Number(row['rule weight']), id).toBe(remedy.rule.weight ?? 1);
        const ratio = expressionIn(row['W_d / mean W'] as string) ?? written(row['W_d / mean W'] as string).n;
        expect(ratio, id).toBeCloseTo(d ? d.weight / meanW : 1, 12);
        shows(row.S_d as string, s, `S_d of ${id}`);
        const gap = expressionIn(row.gap as string);
        expect(gap, id).toBeDefined();
        expect(Math.abs((gap as number) - (s === null ? 1 : (100 - s) / 100)), `gap of ${id}`).toBeLessThan(1e-4);
        shows(row.priority as string, remedy.priority, `priority of ${id}`);
        expect(Number(row.priority), id).toBe(report.remedies[i]?.priority);
        arithmeticAgrees(row.arithmetic as string, row.priority as string, id);
      });
    });
  });
});

// ── docs/format.md ──────────────────────────────────────────────────────────────────────────────────

type Doc = Record<string, unknown> & { dimensions: Dim[]; rules?: Rec[]; scales?: Record<string, unknown> };
type Rec = Record<string, unknown> & { id: string };
type Dim = Rec & { questions: Rec[] };

/** Leading comment lines dropped: what kamcheck reads first. */
const body = (text: string) => text.replace(/^(#[^\n]*\n)+/, '');
const isQuestionnaire = (text: string) => body(text).startsWith('kamcheck: 1\n') && /^dimensions:/m.test(text);
const isAnswers = (text: string) => body(text).startsWith('kamcheck: 1\n') && /^questionnaire:/m.test(text);

function errorsOfQuestionnaire(name: string, text: string): string[] {
  const { loaded, diagnostics } = loadQuestionnaire(name, Buffer.from(text));
  const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d, false));
  if (!loaded && errors.length === 0) throw new Error(`${name} failed without an error`);
  return errors;
}

/** Replace the items of `base` that share an id with `items`; return the items that are new. */
function replaceById(base: Rec[], items: Rec[]): Rec[] {
  const fresh: Rec[] = [];
  for (const item of items) {
    const i = base.findIndex((x) => x.id === item.id);
    if (i >= 0) base[i] = item;
    else fresh.push(item);
  }
  return fresh;
}

/** A fragment (some questions, some rules, or top-level keys) placed into a copy of the base questionnaire. */
function withFragment(base: Doc, fragment: unknown): Doc | undefined {
  const doc = structuredClone(base);
  if (Array.isArray(fragment) && fragment.every((x) => x && typeof x === 'object' && 'type' in x)) {
    const fresh: Rec[] = [];
    for (const q of fragment as Rec[]) {
      const owner = doc.dimensions.find((d) => d.questions.some((x) => x.id === q.id));
      if (owner) replaceById(owner.questions, [q]);
      else fresh.push(q);
    }
    if (fresh.length > 0) doc.dimensions.push({ id: 'fragment', title: 'Fragment', questions: fresh });
    return doc;
  }
  if (Array.isArray(fragment) && fragment.every((x) => x && typeof x === 'object' && 'actions' in x)) {
    doc.rules = doc.rules ?? [];
    doc.rules.push(...replaceById(doc.rules, fragment as Rec[]));
    return doc;
  }
  if (fragment && typeof fragment === 'object' && !Array.isArray(fragment)) {
    for (const [key, value] of Object.entries(fragment)) {
      if (key === 'scales') doc.scales = { ...doc.scales, ...(value as Record<string, unknown>) };
      else if (key === 'dimensions') {
        for (const d of value as Dim[]) {
          const same = doc.dimensions.find((x) => x.id === d.id);
          if (!same) doc.dimensions.push(d);
          else {
            const { questions, ...rest } = d;
            Object.assign(same, rest);
            same.questions.push(...replaceById(same.questions, questions ?? []));
          }
        }
      } else doc[key] = value;
    }
    return doc;
  }
  return undefined;
}

describe('docs/format.md', () => {
  const blocks = codeBlocks(FORMAT);
  const yamlBlocks = blocks.filter((b) => b.lang === 'yaml');
  const questionnaires = yamlBlocks.filter((b) => isQuestionnaire(b.text));
  const base = questionnaires.find((b) => !isInvalid(b));
  const label = (b: Block) => `${fileName(b) ?? 'block'} at docs/format.md:${b.line}`;

  it('passes markdownlint (default rules, no line length)', () => {
    expect(markdownProblems(FORMAT)).toEqual([]);
  });

  it('has complete questionnaires, answers files and sessions to check', () => {
    expect(questionnaires.length).toBeGreaterThanOrEqual(3);
    expect(base).toBeDefined();
    expect(yamlBlocks.filter((b) => isAnswers(b.text)).length).toBeGreaterThanOrEqual(2);
    expect(blocks.filter((b) => b.lang === 'console').length).toBeGreaterThanOrEqual(3);
  });

  it.each(questionnaires.map((b) => [label(b), b] as const))('questionnaire %s', (_, b) => {
    const errors = errorsOfQuestionnaire(fileName(b) ?? 'doc.yaml', b.text);
    if (isInvalid(b)) expect(errors.length, 'marked invalid, so it must fail').toBeGreaterThan(0);
    else expect(errors).toEqual([]);
  });

  it.each(yamlBlocks.filter((b) => isAnswers(b.text)).map((b) => [label(b), b] as const))('answers file %s', (_, b) => {
    const { parsed, diagnostics } = parseAnswers(fileName(b) ?? 'answers.yaml', Buffer.from(b.text));
    const id = ((parse(b.text) as { questionnaire: string }).questionnaire ?? '').split('@')[0];
    const target = questionnaires.find((q) => !isInvalid(q) && (parse(q.text) as { id: string }).id === id);
    expect(target, `a questionnaire "${id}" in the doc`).toBeDefined();
    const { loaded } = loadQuestionnaire('q.yaml', Buffer.from(target?.text ?? ''));
    const errors = [...diagnostics];
    if (parsed && loaded) errors.push(...checkAnswers(parsed, loaded.model).diagnostics);
    const messages = errors.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d, false));
    if (isInvalid(b)) expect(messages.length, 'marked invalid, so it must fail').toBeGreaterThan(0);
    else expect(messages).toEqual([]);
  });

  const fragments = yamlBlocks.filter((b) => !isQuestionnaire(b.text) && !isAnswers(b.text));
  it.each(fragments.map((b) => [label(b), b] as const))('fragment %s fits into the first example', (_, b) => {
    const baseDoc = parse(base?.text ?? '') as Doc;
    const doc = withFragment(baseDoc, parse(b.text));
    expect(doc, 'a fragment of questions, rules or top-level keys').toBeDefined();
    const errors = errorsOfQuestionnaire('fragment.yaml', stringify(doc));
    if (isInvalid(b)) expect(errors.length, 'marked invalid, so it must fail').toBeGreaterThan(0);
    else expect(errors).toEqual([]);
  });

  const sessions = blocks.filter((b) => b.lang === 'console');
  it.each(sessions.map((b) => [`at docs/format.md:${b.line}`, b] as const))('terminal session %s is real', async (_, b) => {
    const dir = folderOf(FORMAT);
    let last: { code: number } | undefined;
    const steps = b.text.trimEnd().split(/^\$ /m).filter(Boolean);
    for (const step of steps) {
      const [command = '', ...expected] = step.split('\n');
      if (command === 'echo $?') {
        expect(last, 'a command before echo $?').toBeDefined();
        expect(String(last?.code)).toBe(expected.join('\n').trim());
        continue;
      }
      const argv = command.split(/\s+/);
      expect(argv[0]).toBe('kamcheck');
      const r = await runCli(argv.slice(1), { cwd: dir });
      last = r;
      // What a terminal shows: kamcheck writes its messages before its output.
      expect(`${r.stderr}${r.stdout}`.trimEnd(), command).toBe(expected.join('\n').trimEnd());
    }
  });
});
