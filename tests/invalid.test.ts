// Malformed input: every mistake is reported as FILE:LINE:COLUMN: error: MESSAGE at the offending YAML node,
// with exit code 2 and never a stack trace (SPEC §9). Fixtures are in tests/fixtures/invalid/, one mistake each.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers/cli.js';

const DIR = 'tests/fixtures/invalid';
const SMALL = 'tests/fixtures/valid/small.yaml';
const SMALL_ANSWERS = 'tests/fixtures/valid/small-answers.yaml';

/** [line, column, message]: one expected diagnostic. */
type Expect = [number, number, string];

interface Case {
  file: string;
  errors: Expect[];
}

// Questionnaires and files that fail before their kind matters (YAML itself): `validate FILE`, and as `-q FILE` of a report.
const QUESTIONNAIRE_CASES: Case[] = [
  // YAML itself
  {
    file: 'yaml-syntax-error.yaml',
    errors: [[4, 1, 'YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }']],
  },
  {
    file: 'yaml-bad-indentation.yaml',
    errors: [
      [4, 9, 'YAML syntax error: Nested mappings are not allowed in compact mappings'],
      [4, 9, 'YAML syntax error: Implicit keys need to be on a single line'],
    ],
  },
  { file: 'yaml-duplicate-key.yaml', errors: [[4, 1, 'duplicate key "id" (first given on line 2)']] },
  { file: 'yaml-empty.yaml', errors: [[1, 1, 'file is empty']] },
  { file: 'yaml-whitespace-only.yaml', errors: [[1, 1, 'file is empty']] },
  { file: 'yaml-top-level-list.yaml', errors: [[1, 1, 'expected a mapping (key: value lines) at the top level, found a list']] },
  { file: 'yaml-top-level-scalar.yaml', errors: [[1, 1, 'expected a mapping (key: value lines) at the top level, found a scalar']] },
  { file: 'yaml-two-documents.yaml', errors: [[3, 1, 'file holds more than one YAML document; keep one']] },
  // Refused by the size it would expand to, at the alias that passes the limit.
  {
    file: 'yaml-alias-bomb.yaml',
    errors: [[7, 32, 'YAML aliases repeat too much text (more than 5 MB once expanded); refusing to read this file']],
  },
  // A few aliases of one large string: few aliases, much text.
  {
    file: 'yaml-alias-large-expansion.yaml',
    errors: [[93, 16, 'YAML aliases repeat too much text (more than 5 MB once expanded); refusing to read this file']],
  },
  // Tags beyond the core schema would be turned into something the schema cannot hold, or silently dropped.
  { file: 'yaml-tag-timestamp.yaml', errors: [[3, 19, 'the YAML tag !!timestamp is not supported here; write the value without it']] },
  { file: 'yaml-tag-omap.yaml', errors: [[4, 3, 'the YAML tag !!omap is not supported here; write the value without it']] },
  { file: 'yaml-tag-set.yaml', errors: [[4, 19, 'the YAML tag !!set is not supported here; write the value without it']] },
  { file: 'yaml-tag-binary.yaml', errors: [[4, 21, 'the YAML tag !!binary is not supported here; write the value without it']] },
  {
    file: 'yaml-lone-carriage-return.yaml',
    errors: [[1, 12, 'line ends with a carriage return alone (old Mac line endings); save the file with LF or CRLF line endings']],
  },
  // The 101st alias is the one over the limit.
  { file: 'yaml-too-many-aliases.yaml', errors: [[105, 9, 'too many YAML aliases (101); at most 100 are allowed']] },
  { file: 'yaml-unknown-alias.yaml', errors: [[4, 12, 'alias *yes has no anchor &yes before it']] },
  { file: 'yaml-complex-key.yaml', errors: [[4, 5, 'a key must be a single value, not a list or mapping']] },
  { file: 'yaml-latin1.yaml', errors: [[4, 12, 'file is not valid UTF-8 (byte 0xe9); save it as UTF-8']] },
  { file: 'yaml-control-char.yaml', errors: [[4, 12, 'control character U+001B is not allowed']] },
  // A right-to-left override can make a report read other than it is.
  { file: 'a-bidi-override.yaml', errors: [[3, 25, 'control character U+202E is not allowed']] },
  {
    file: 'q-escape-in-string.yaml',
    errors: [
      [11, 12, 'text contains a control character (for example an escape sequence); remove it'],
      [13, 40, 'text contains a control character (for example an escape sequence); remove it'],
    ],
  },

  // Questionnaire shape
  { file: 'q-missing-kamcheck.yaml', errors: [[1, 1, 'missing required key "kamcheck"']] },
  { file: 'q-wrong-format-version.yaml', errors: [[1, 11, 'unsupported format version 2: this kamcheck reads "kamcheck: 1" files']] },
  { file: 'q-format-version-string.yaml', errors: [[1, 11, 'expected number for "kamcheck", found string']] },
  {
    file: 'q-bad-id-slug.yaml',
    errors: [
      [2, 5, '"Tiny Check" is not a valid id: use lowercase letters, digits and hyphens, starting with a letter or digit'],
      [14, 15, '"-q2" is not a valid id: use lowercase letters, digits and hyphens, starting with a letter or digit'],
    ],
  },
  { file: 'q-unknown-key.yaml', errors: [[16, 9, 'unknown key "weigth"; did you mean "weight"?']] },
  // A misspelt required key is the misspelling, not the key it replaces.
  { file: 'q-misspelt-required-key.yaml', errors: [[19, 9, 'unknown key "tpye"; did you mean "type"?']] },
  // A scale is looked up among the file's own scales: "constructor" is not one of them.
  { file: 'q-scale-prototype-name.yaml', errors: [[18, 39, 'unknown scale "constructor"']] },
  // A span past the largest number would make every score NaN.
  {
    file: 'q-scoring-span-overflow.yaml',
    errors: [[22, 18, 'scoring "from" and "to" are too far apart to compute a score; use smaller numbers']],
  },
  // "\r" in a title would send the terminal's cursor back over it.
  {
    file: 'q-rule-title-carriage-return.yaml',
    errors: [[21, 12, 'text contains a control character (for example an escape sequence); remove it']],
  },
  { file: 'q-unknown-top-level-key.yaml', errors: [[6, 1, 'unknown key "author"']] },
  { file: 'q-bad-locale-tag.yaml', errors: [[4, 11, '"english" is not a locale tag such as en or zh-CN']] },
  {
    file: 'q-missing-question-type.yaml',
    errors: [
      [13, 9, 'missing required key "type"'],
      [14, 25, '"slider" is not allowed for "type"; use one of: scale, choice, multi, boolean, number, text'],
    ],
  },
  { file: 'q-one-level.yaml', errors: [[7, 3, '"levels" needs at least 2 items']] },
  { file: 'q-negative-weight.yaml', errors: [[14, 52, '"weight" must be at least 0, not -1']] },
  { file: 'q-dimension-weight-zero.yaml', errors: [[12, 13, '"weight" must be greater than 0, not 0']] },
  {
    file: 'q-weight-not-a-number.yaml',
    errors: [
      [12, 13, 'expected number for "weight", found string'],
      [14, 52, 'expected number for "weight", found NaN'],
    ],
  },
  {
    file: 'q-rule-no-actions.yaml',
    errors: [
      [18, 14, '"actions" needs at least 1 item'],
      [19, 5, 'missing required key "actions"'],
    ],
  },
  {
    file: 'q-condition-no-known-key.yaml',
    errors: [[16, 11, 'a condition needs one of the keys: all, any, not, answer, questionScore, score']],
  },

  // Questionnaire meaning
  { file: 'q-missing-locale.yaml', errors: [[11, 12, '"title" has no text for locale zh-CN']] },
  { file: 'q-action-missing-locale.yaml', errors: [[20, 9, '"actions" has no text for locale zh-CN']] },
  { file: 'q-undeclared-locale.yaml', errors: [[5, 20, 'locale de is not declared in "locales" (en)']] },
  { file: 'q-duplicate-question-id.yaml', errors: [[18, 15, 'duplicate question id "sponsor"']] },
  // A condition on a duplicated id means the first question of that id: no second, misleading message.
  { file: 'q-duplicate-question-id-in-when.yaml', errors: [[18, 15, 'duplicate question id "sponsor"']] },
  { file: 'q-duplicate-dimension-id.yaml', errors: [[14, 9, 'duplicate dimension id "strategy"']] },
  { file: 'q-unknown-scale.yaml', errors: [[18, 39, 'unknown scale "agree5"; did you mean "agree4"?']] },
  {
    file: 'q-scale-partial-scores.yaml',
    errors: [[12, 7, '2 of 3 options give a score; give a score on every option or on none']],
  },
  {
    file: 'q-choice-option-without-score.yaml',
    errors: [[18, 13, 'option needs a "score" (0–1) because the question is scored']],
  },
  {
    file: 'q-na-option-value.yaml',
    errors: [[18, 22, '"na" is reserved for "not applicable"; choose another option value']],
  },
  { file: 'q-levels-not-ascending.yaml', errors: [[9, 21, "level min 40 must be greater than the previous level's 60"]] },
  { file: 'q-first-level-not-zero.yaml', errors: [[7, 21, 'the first level must start at min 0, not 10']] },
  {
    file: 'q-cap-without-dimension.yaml',
    errors: [[17, 10, '"cap" needs "dimension": a cap limits one dimension\'s score']],
  },
  { file: 'q-rule-unknown-dimension.yaml', errors: [[16, 16, 'unknown dimension "stratgy"; did you mean "strategy"?']] },
  { file: 'q-condition-unknown-question.yaml', errors: [[16, 21, 'unknown question "sponsr"; did you mean "sponsor"?']] },
  {
    file: 'q-when-later-question.yaml',
    errors: [[16, 25, '"when" may only refer to questions listed before this one; "kam-count" is not']],
  },
  {
    file: 'q-when-self.yaml',
    errors: [[16, 25, '"when" may only refer to questions listed before this one; "sponsor" is not']],
  },
  {
    file: 'q-when-score.yaml',
    errors: [[17, 24, 'a question\'s "when" cannot use dimension scores; test earlier answers instead']],
  },
  // The second test is the one to remove (or to move into an `all`).
  {
    file: 'q-condition-two-operators.yaml',
    errors: [[16, 32, 'a condition holds one test, found 2 (lt, gt); put several tests in "all"']],
  },
  {
    file: 'q-condition-no-operator.yaml',
    errors: [[16, 11, 'a condition needs a test, one of: eq, ne, lt, lte, gt, gte, in, notIn, includes, is']],
  },
  {
    file: 'q-lt-non-numeric.yaml',
    errors: [[21, 36, '"lt" needs numeric answers; question "selection" does not have them']],
  },
  {
    file: 'q-includes-non-multi.yaml',
    errors: [[21, 42, '"includes" works on multi questions only; "selection" is not one']],
  },
  {
    file: 'q-multi-eq-scalar.yaml',
    errors: [
      [22, 35, '"eq" on multi question "training" compares the whole list: write [finance], or use includes: finance'],
      [26, 28, 'question "notes" is not scored, so it has no score to compare'],
    ],
  },
  {
    file: 'q-eq-bad-value.yaml',
    errors: [
      [23, 36, '"by-size" is not an answer that question "selection" accepts; it accepts: size, criteria'],
      [24, 43, '"gut-feeling" is not an answer that question "selection" accepts; it accepts: size, criteria'],
    ],
  },
  { file: 'q-text-weight.yaml', errors: [[14, 66, 'text questions are not scored; remove the weight or set it to 0']] },
  {
    file: 'q-number-no-scoring.yaml',
    errors: [[13, 9, 'a scored number question needs "scoring" (from/to or bands), or weight 0']],
  },
  { file: 'q-number-min-above-max.yaml', errors: [[17, 14, 'min 100 is greater than max 10']] },
  { file: 'q-bands-not-ascending.yaml', errors: [[20, 22, "band min 10 must be greater than the previous band's 25"]] },
];

// Answers files, checked against tests/fixtures/valid/small.yaml.
const ANSWERS_CASES: Case[] = [
  // Only the mismatch: matching the answers to another questionnaire's questions would be noise.
  { file: 'a-wrong-questionnaire.yaml', errors: [[2, 16, 'answers are for questionnaire "kam-five-pitfalls", not "small"']] },
  { file: 'a-missing-questionnaire.yaml', errors: [[1, 1, 'missing required key "questionnaire"']] },
  {
    file: 'a-unknown-question.yaml',
    errors: [
      [5, 3, 'unknown question "sponser"; did you mean "sponsor"?'],
      [6, 3, 'unknown question "budget"'],
    ],
  },
  { file: 'a-bad-scale-value.yaml', errors: [[4, 10, '5 is not an answer to "plans"; it accepts one of: 1, 2, 3, 4, na']] },
  {
    file: 'a-bad-choice-value.yaml',
    errors: [[4, 23, '"potential" is not an answer to "selection"; it accepts one of: size, mixed, criteria']],
  },
  {
    file: 'a-multi-unknown-option.yaml',
    errors: [[4, 23, '"negotiation" is not an answer to "training"; it accepts a list of: selling, finance, leadership']],
  },
  { file: 'a-multi-duplicate.yaml', errors: [[7, 7, '"selling" is chosen twice in "training"']] },
  {
    file: 'a-multi-scalar.yaml',
    errors: [[4, 13, '"selling" is not an answer to "training"; it accepts a list of: selling, finance, leadership']],
  },
  { file: 'a-boolean-maybe.yaml', errors: [[4, 12, '"maybe" is not an answer to "sponsor"; it accepts: true, false']] },
  { file: 'a-number-out-of-range.yaml', errors: [[5, 13, '120 is out of range for "turnover" (0 to 100)']] },
  {
    file: 'a-number-text.yaml',
    errors: [[4, 14, '"four" is not an answer to "kam-count"; it accepts a number from 0 to 500']],
  },
  // `plans` uses a scale with `na: true`; `selection` does not allow it.
  { file: 'a-na-not-allowed.yaml', errors: [[5, 14, '"selection" cannot be answered na (not applicable)']] },
  // Said once, although the date is both badly formed and not a calendar day.
  { file: 'a-bad-date-format.yaml', errors: [[3, 7, '"29/11/2026" is not a date in the form YYYY-MM-DD']] },
  { file: 'a-unknown-top-level-key.yaml', errors: [[3, 1, 'unknown key "answer"; did you mean "answers"?']] },
  { file: 'a-note-list.yaml', errors: [[7, 7, 'expected string for "note", found list']] },
  { file: 'a-long-form-unknown-key.yaml', errors: [[4, 22, 'unknown key "notes"; did you mean "note"?']] },
  { file: 'a-answers-not-mapping.yaml', errors: [[4, 3, 'expected mapping for "answers", found list']] },
  { file: 'a-respondent-name-list.yaml', errors: [[4, 9, 'expected string for "name", found list']] },
  // Names from the file are shown, never obeyed: escape sequences appear as control pictures.
  { file: 'a-unknown-key-escape-sequence.yaml', errors: [[4, 3, 'unknown question "␛[2J␛]52;c;ZXZpbA==␇"']] },
  { file: 'a-nested-key-escape-sequence.yaml', errors: [[6, 5, 'unknown key "␛[2J"']] },
  { file: 'a-top-level-key-escape-sequence.yaml', errors: [[3, 1, 'unknown key "␛[31mfake␛[0m"']] },
  {
    file: 'a-questionnaire-escape-sequence.yaml',
    errors: [[2, 16, '"small␛]52;c;ZXZpbA==␇" is not a questionnaire id (optionally id@version)']],
  },
  // A line break in a one-line field could print a forged line in a report.
  { file: 'a-organization-line-break.yaml', errors: [[4, 17, 'this text must be on one line; remove the line break']] },
  { file: 'a-number-infinity.yaml', errors: [[4, 14, '"kam-count" must be a finite number, not .inf']] },
];

const lines = (file: string, errors: Expect[], severity = 'error') =>
  errors.map(([line, column, message]) => `${file}:${line}:${column}: ${severity}: ${message}`);

/** What stderr must hold: exactly these lines, in order, and nothing that looks like a stack trace. */
function expectDiagnostics(stderr: string, expected: string[]): void {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr.split('\n').filter((l) => l !== '')).toEqual(expected);
}

describe('every fixture is used', () => {
  it('has a case for each file in tests/fixtures/invalid', () => {
    const named = new Set([...QUESTIONNAIRE_CASES, ...ANSWERS_CASES].map((c) => c.file));
    const extra = [
      'q-many-mistakes.yaml',
      'q-many-schema-mistakes.yaml',
      'a-many-mistakes.yaml',
      'a-answer-when-false.yaml',
      'a-bad-date.yaml',
    ];
    for (const f of extra) named.add(f);
    expect(readdirSync(join(ROOT, DIR)).sort()).toEqual([...named].sort());
  });
});

describe('malformed questionnaires', () => {
  it.each(QUESTIONNAIRE_CASES)('validate $file', async ({ file, errors }) => {
    const r = await runCli(['validate', `${DIR}/${file}`]);
    expectDiagnostics(r.stderr, lines(`${DIR}/${file}`, errors));
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
  });

  it.each(QUESTIONNAIRE_CASES)('report -q $file', async ({ file, errors }) => {
    const r = await runCli(['report', SMALL_ANSWERS, '-q', `${DIR}/${file}`]);
    expectDiagnostics(r.stderr, lines(`${DIR}/${file}`, errors));
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
  });
});

describe('malformed answers files', () => {
  it.each(ANSWERS_CASES)('validate $file', async ({ file, errors }) => {
    const r = await runCli(['validate', `${DIR}/${file}`, '-q', SMALL]);
    expectDiagnostics(r.stderr, lines(`${DIR}/${file}`, errors));
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
  });

  it.each(ANSWERS_CASES)('report $file', async ({ file, errors }) => {
    const r = await runCli(['report', `${DIR}/${file}`, '-q', SMALL]);
    expectDiagnostics(r.stderr, lines(`${DIR}/${file}`, errors));
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
  });
});

describe('every problem of a file is reported, not just the first', () => {
  it('questionnaire: every cross-check', async () => {
    const file = `${DIR}/q-many-mistakes.yaml`;
    const r = await runCli(['validate', file]);
    expectDiagnostics(
      r.stderr,
      lines(file, [
        [16, 9, 'a scored number question needs "scoring" (from/to or bands), or weight 0'],
        [20, 14, 'min 10 is greater than max 1'],
        [21, 15, 'duplicate question id "q1"'],
        [24, 10, '"cap" needs "dimension": a cap limits one dimension\'s score'],
        [25, 21, 'unknown question "q3"; did you mean "q1"?'],
      ]),
    );
    expect(r.code).toBe(2);
  });

  it('questionnaire: every shape mistake', async () => {
    const file = `${DIR}/q-many-schema-mistakes.yaml`;
    const r = await runCli(['validate', file]);
    expectDiagnostics(
      r.stderr,
      lines(file, [
        [2, 5, '"Tiny" is not a valid id: use lowercase letters, digits and hyphens, starting with a letter or digit'],
        [8, 22, '"min" must be at most 100, not 150'],
        [12, 13, '"weight" must be greater than 0, not -2'],
        [14, 44, 'unknown key "weigth"; did you mean "weight"?'],
      ]),
    );
    expect(r.code).toBe(2);
  });

  it('answers: every bad answer', async () => {
    const file = `${DIR}/a-many-mistakes.yaml`;
    for (const argv of [
      ['validate', file, '-q', SMALL],
      ['report', file, '-q', SMALL],
    ]) {
      const r = await runCli(argv);
      expectDiagnostics(
        r.stderr,
        lines(file, [
          [4, 12, '"maybe" is not an answer to "sponsor"; it accepts: true, false'],
          [5, 10, '7 is not an answer to "plans"; it accepts one of: 1, 2, 3, 4, na'],
          [7, 14, '-3 is out of range for "kam-count" (0 to 500)'],
          [8, 23, '"selling" is chosen twice in "training"'],
          [9, 3, 'unknown question "sponser"; did you mean "sponsor"?'],
        ]),
      );
      expect(r.code).toBe(2);
    }
  });

  it('several files: each file with its own problems', async () => {
    const a = `${DIR}/yaml-duplicate-key.yaml`;
    const b = `${DIR}/a-boolean-maybe.yaml`;
    const r = await runCli(['validate', a, b, '-q', SMALL]);
    expectDiagnostics(r.stderr, [
      ...lines(b, [[4, 12, '"maybe" is not an answer to "sponsor"; it accepts: true, false']]),
      ...lines(a, [[4, 1, 'duplicate key "id" (first given on line 2)']]),
    ]);
    expect(r.code).toBe(2);
  });
});

describe('messages in Chinese', () => {
  const zh: [string[], string][] = [
    [['validate', `${DIR}/q-unknown-key.yaml`], `${DIR}/q-unknown-key.yaml:16:9: error: 未知的键“weigth”；是否想写“weight”？`],
    [['validate', `${DIR}/q-missing-locale.yaml`], `${DIR}/q-missing-locale.yaml:11:12: error: “title”缺少 zh-CN 语言的文本`],
    [['validate', `${DIR}/yaml-duplicate-key.yaml`], `${DIR}/yaml-duplicate-key.yaml:4:1: error: 键“id”重复（第 2 行已出现过）`],
    [['validate', `${DIR}/q-negative-weight.yaml`], `${DIR}/q-negative-weight.yaml:14:52: error: “weight”不能小于 0（实际为 -1）`],
    [['validate', `${DIR}/a-note-list.yaml`, '-q', SMALL], `${DIR}/a-note-list.yaml:7:7: error: “note”应为字符串，实际是列表`],
    [
      ['report', `${DIR}/a-bad-choice-value.yaml`, '-q', SMALL],
      `${DIR}/a-bad-choice-value.yaml:4:23: error: "potential" 不是题目“selection”的有效答案，可选：size、mixed、criteria`,
    ],
    [
      ['validate', `${DIR}/q-condition-two-operators.yaml`],
      `${DIR}/q-condition-two-operators.yaml:16:32: error: 一个条件只能包含一个判断，实际有 2 个（lt、gt）；多个判断请放进“all”`,
    ],
  ];
  it.each(zh)('--lang zh-CN %j', async (argv, expected) => {
    const r = await runCli(['--lang', 'zh-CN', ...argv]);
    expectDiagnostics(r.stderr, [expected]);
    expect(r.code).toBe(2);
  });

  it('follows LANG when there is no --lang', async () => {
    const r = await runCli(['validate', `${DIR}/yaml-empty.yaml`], { env: { LANG: 'zh_CN.UTF-8' } });
    expectDiagnostics(r.stderr, [`${DIR}/yaml-empty.yaml:1:1: error: 文件为空`]);
    expect(r.code).toBe(2);
  });

  it('keeps the severity word in English, for editors and CI annotators', async () => {
    const r = await runCli(['--lang', 'zh-CN', 'validate', `${DIR}/q-one-level.yaml`]);
    expect(r.stderr).toMatch(/^tests\/fixtures\/invalid\/q-one-level\.yaml:7:3: error: “levels”至少需要 2 项\n$/);
  });
});

describe('inputs generated on the fly', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kamcheck-invalid-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const write = (name: string, content: string | Uint8Array) => {
    writeFileSync(join(dir, name), content);
    return name;
  };

  it('refuses a file over 5 MB without parsing it', async () => {
    const file = write('big.yaml', `kamcheck: 1\n# ${'x'.repeat(5 * 1024 * 1024)}\n`);
    const started = performance.now();
    const r = await runCli(['validate', file], { cwd: dir });
    expect(performance.now() - started).toBeLessThan(1000);
    expectDiagnostics(r.stderr, ['big.yaml:1:1: error: file is larger than 5 MB, the most kamcheck reads']);
    expect(r.code).toBe(2);
  });

  it('refuses a file over 5 MB on stdin', async () => {
    const r = await runCli(['validate', '-'], { stdin: `kamcheck: 1\n# ${'x'.repeat(5 * 1024 * 1024)}\n` });
    expect(r.stderr).toBe('<stdin>:1:1: error: file is larger than 5 MB, the most kamcheck reads\n');
    expect(r.code).toBe(2);
  });

  it.each([
    ['a lone continuation byte', [0x80], '0x80'],
    ['an overlong encoding', [0xc0, 0xaf], '0xc0'],
    ['an overlong three-byte encoding', [0xe0, 0x80, 0xaf], '0xe0'],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80], '0xed'],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], '0xf4'],
    ['a truncated sequence at the end', [0xe4, 0xb8], '0xe4'],
  ])('refuses bytes that are not UTF-8: %s', async (_, bad, byte) => {
    const bytes = Buffer.concat([Buffer.from('kamcheck: 1\nquestionnaire: small\nrespondent: { name: "王'), Buffer.from(bad)]);
    const file = write('bad-utf8.yaml', bytes);
    const r = await runCli(['validate', file, '-q', join(ROOT, SMALL)], { cwd: dir });
    // Columns count characters: "王" is one.
    expectDiagnostics(r.stderr, [`bad-utf8.yaml:3:23: error: file is not valid UTF-8 (byte ${byte}); save it as UTF-8`]);
    expect(r.code).toBe(2);
  });

  it('accepts a UTF-8 byte order mark and still counts columns from the first visible character', async () => {
    const file = write('bom.yaml', `\uFEFFkamcheck: 1\nquestionnaire: small\nanswers: { sponsor: maybe }\n`);
    const r = await runCli(['validate', file, '-q', join(ROOT, SMALL)], { cwd: dir });
    expectDiagnostics(r.stderr, ['bom.yaml:3:21: error: "maybe" is not an answer to "sponsor"; it accepts: true, false']);
  });

  it('reports nesting too deep to read, without a stack trace', async () => {
    const file = write('deep.yaml', `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    const r = await runCli(['validate', file], { cwd: dir });
    expect(r.stderr).toMatch(/^deep\.yaml:1:\d+: error: values are nested too deeply to read\n$/);
    expect(r.code).toBe(2);
  });

  it('names <stdin> as the file', async () => {
    const r = await runCli(['validate', '-', '-q', SMALL], { stdin: 'kamcheck: 1\nquestionnaire: small\nanswers:\n  plans: 9\n' });
    expectDiagnostics(r.stderr, ['<stdin>:4:10: error: 9 is not an answer to "plans"; it accepts one of: 1, 2, 3, 4, na']);
    expect(r.code).toBe(2);
  });
});

describe('resource limits', () => {
  it('refuses a "billion laughs" alias bomb quickly', async () => {
    const started = performance.now();
    const r = await runCli(['validate', `${DIR}/yaml-alias-bomb.yaml`]);
    expect(performance.now() - started).toBeLessThan(500);
    expect(r.code).toBe(2);
  });
});

describe('warnings', () => {
  const file = `${DIR}/a-answer-when-false.yaml`;
  const warning = `${file}:5:3: warning: the answer to "turnover" is ignored: its "when" condition is false`;

  it('report: an answer to a question whose "when" is false is a warning, and the report is written', async () => {
    const r = await runCli(['report', file, '-q', SMALL, '-f', 'json']);
    expectDiagnostics(r.stderr, [warning]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.answers.find((a: { id: string }) => a.id === 'turnover').state).toBe('skipped');
    expect(report.warnings).toEqual([expect.objectContaining({ file, line: 5, column: 3 })]);
  });

  it('validate: the same file is valid (exit 0)', async () => {
    const r = await runCli(['validate', file, '-q', SMALL]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('error:');
  });

  it('validate: warns about the ignored answer too', async () => {
    const r = await runCli(['validate', file, '-q', SMALL]);
    expect(r.stderr).toContain(warning);
  });
});

describe('dates', () => {
  it('a date that is not a calendar day', async () => {
    const file = `${DIR}/a-bad-date.yaml`;
    const r = await runCli(['validate', file, '-q', SMALL]);
    expectDiagnostics(r.stderr, lines(file, [[3, 7, '"2026-02-30" is not a date in the form YYYY-MM-DD']]));
  });
});

describe('as a real process', () => {
  const bin = join(ROOT, 'bin/kamcheck.js');
  beforeAll(() => {
    // The bundle is built by `npm run build` (and `npm run check`); build it only when it is missing.
    if (!existsSync(join(ROOT, 'dist/kamcheck.cjs'))) spawnSync(process.execPath, ['scripts/build.js'], { cwd: ROOT });
  });
  const cases: [string, string[], RegExp][] = [
    [
      'a YAML syntax error',
      ['validate', `${DIR}/yaml-syntax-error.yaml`],
      /^tests\/fixtures\/invalid\/yaml-syntax-error\.yaml:4:1: error: /,
    ],
    ['an alias bomb', ['validate', `${DIR}/yaml-alias-bomb.yaml`], /^tests\/fixtures\/invalid\/yaml-alias-bomb\.yaml:7:32: error: /],
    ['a questionnaire mistake', ['validate', `${DIR}/q-unknown-key.yaml`], /^tests\/fixtures\/invalid\/q-unknown-key\.yaml:16:9: error: /],
    [
      'a bad answer in a report',
      ['report', `${DIR}/a-boolean-maybe.yaml`, '-q', SMALL],
      /^tests\/fixtures\/invalid\/a-boolean-maybe\.yaml:4:12: error: /,
    ],
    ['non-UTF-8 bytes', ['validate', `${DIR}/yaml-latin1.yaml`], /^tests\/fixtures\/invalid\/yaml-latin1\.yaml:4:12: error: /],
  ];
  it.each(cases)('%s: exit 2, one located line per problem, no stack trace', (_, argv, first) => {
    const r = spawnSync(process.execPath, [bin, ...argv], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(first);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    for (const line of r.stderr.trimEnd().split('\n')) expect(line).toMatch(/^[^:]+:\d+:\d+: error: \S/);
    expect(r.stdout).toBe('');
  });

  it('a missing file: exit 2, a one-line message', () => {
    const r = spawnSync(process.execPath, [bin, 'validate', 'no/such/file.yaml'], { cwd: ROOT, encoding: 'utf8', env: {} });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('kamcheck: error: cannot read no/such/file.yaml: no such file\n');
  });
});
