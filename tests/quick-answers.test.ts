// The hand check of answers files (src/load/quick-answers.ts) must take only what the schema takes and give back
// what the schema gives; everything else goes to the schema.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARSE_OPTIONS } from '../src/load/issues.js';
import { quickAnswersFile } from '../src/load/quick-answers.js';
import { parseYaml } from '../src/load/yaml.js';
import { AnswersFile } from '../src/schema/answers.js';
import { ROOT } from './helpers/cli.js';

/** Keys in order, all the way down: the quick check must give the schema's order too. */
const shape = (v: unknown): string =>
  JSON.stringify(v, (_, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.entries(x) : x));

function agrees(data: unknown): boolean {
  const quick = quickAnswersFile(data);
  if (quick === undefined) return false;
  const schema = AnswersFile.safeParse(data, PARSE_OPTIONS);
  expect(schema.success, JSON.stringify(data)).toBe(true);
  expect(shape(quick)).toBe(shape(schema.data));
  return true;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? yamlFiles(path) : /\.ya?ml$/.test(name) ? [path] : [];
  });
}

const text = fc.oneof(
  fc.string(),
  fc.constantFrom('', 'a\nb', 'x\u0007', 'ok', 'zh-CN', 'en', '2026-02-30', '2026-09-22', 'kam-five-pitfalls', 'na'),
);
const scalar = fc.oneof(
  text,
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 1, 0, 101, -1),
);
/** Mostly what a file should hold, now and then anything. */
const mostly = <T>(good: fc.Arbitrary<T>) => fc.oneof({ arbitrary: good, weight: 9 }, { arbitrary: scalar, weight: 1 });
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }));
const entry = fc.oneof(
  value,
  fc.record({ value, note: mostly(fc.string()), evidence: mostly(fc.string()) }, { requiredKeys: [] }),
  fc.record({ value, note: text, extra: scalar }, { requiredKeys: [] }),
);
const file = fc
  .record(
    {
      kamcheck: mostly(fc.constant(1)),
      questionnaire: mostly(fc.constantFrom('kam-five-pitfalls', 'kam-five-pitfalls@2.0.0', 'small', 'Bad Id', 'a@b c')),
      respondent: mostly(
        fc.record({ name: mostly(fc.string()), role: text, organization: mostly(fc.string()), unit: text }, { requiredKeys: [] }),
      ),
      date: mostly(fc.constantFrom('2026-09-22', '2024-02-29', '2026-02-30', '2026-9-22')),
      locale: mostly(fc.constantFrom('en', 'zh-CN', 'e', 'en_GB')),
      perspective: mostly(fc.constantFrom('customer', 'internal', 'Customer', '-x')),
      targets: mostly(
        fc.dictionary(fc.constantFrom('overall', 'strategy', 'Bad', ''), mostly(fc.integer({ min: -5, max: 105 })), { maxKeys: 3 }),
      ),
      answers: mostly(fc.dictionary(fc.constantFrom('a', 'b-1', 'exec-sponsor', '', 'Q 1'), entry, { maxKeys: 4 })),
      other: scalar,
    },
    { requiredKeys: ['kamcheck', 'questionnaire'] },
  )
  .map((f) => {
    // A stray key is rare in real files.
    const { other, ...rest } = f;
    return other === 0 ? f : rest;
  });

/** Files the schema takes, in every arrangement of optional keys and answer forms. */
const valid = fc
  .record(
    {
      kamcheck: fc.constant(1),
      questionnaire: fc.constantFrom('kam-five-pitfalls', 'kam-five-pitfalls@2.0.0', 'small'),
      respondent: fc.record({ name: fc.string(), role: fc.string(), organization: fc.string(), unit: fc.string() }, { requiredKeys: [] }),
      date: fc.constantFrom('2026-09-22', '2024-02-29'),
      locale: fc.constantFrom('en', 'zh-CN', 'zh-Hans-CN'),
      perspective: fc.constantFrom('customer', 'internal'),
      targets: fc.dictionary(fc.constantFrom('overall', 'strategy', 'people'), fc.integer({ min: 0, max: 100 }), { maxKeys: 3 }),
      answers: fc.dictionary(
        fc.string(),
        fc.oneof(
          fc.oneof(
            fc.string(),
            fc.integer(),
            fc.boolean(),
            fc.constant(null),
            fc.array(fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }))),
          ),
          fc.record(
            { value: fc.oneof(fc.string(), fc.integer(), fc.constant(null)), note: fc.string(), evidence: fc.string() },
            { requiredKeys: [] },
          ),
        ),
        { maxKeys: 5 },
      ),
    },
    { requiredKeys: ['kamcheck', 'questionnaire'] },
    // Objects as a YAML reader makes them.
  )
  .map((d) => JSON.parse(JSON.stringify(d)) as unknown);

describe('the hand check of answers files', () => {
  it('takes every example and valid fixture answers file, as the schema gives it', () => {
    const files = [...yamlFiles(join(ROOT, 'examples')), ...yamlFiles(join(ROOT, 'tests/fixtures'))];
    let taken = 0;
    for (const f of files) {
      const data = parseYaml(f, readFileSync(f)).source?.data;
      if (data && data.kamcheck === 1 && 'answers' in data && agrees(data)) taken++;
    }
    expect(taken).toBeGreaterThan(20);
  });

  it('never takes what the schema refuses, and gives what it gives', () => {
    let taken = 0;
    fc.assert(
      fc.property(fc.oneof(valid, file), (data) => {
        if (agrees(data)) taken++;
      }),
      { numRuns: 4000 },
    );
    expect(taken).toBeGreaterThan(1000);
  });
});
