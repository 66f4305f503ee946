// Hostile files for kamcheck (issue 8): each generator writes its files into `dir` and returns the kamcheck runs to
// make on them, as { name, args, status, stderr? }: `status` is the exit code expected, `stderr` (when given) a
// pattern the first line of standard error must match. Used by scripts/bench-hostile.js and tests/hostile.test.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url);
const example = (name) => new URL(name, root).pathname;

/** A 4.5 MB double-quoted string under an anchor, then notes that all alias it: refused by the size aliases expand to. */
export function aliasNotes(dir) {
  const big = 'x'.repeat(4_500_000);
  const notes = Array.from({ length: 90 }, (_, i) => `  q${i}: { note: *big }\n`).join('');
  const file = join(dir, 'alias-notes.yaml');
  writeFileSync(file, `kamcheck: 1\nquestionnaire: kam-five-pitfalls\nx: &big "${big}"\nanswers:\n${notes}`);
  const refused = /^.*alias-notes\.yaml:6:15: error: YAML aliases repeat too much text/;
  return [
    { name: 'alias notes: validate', args: ['validate', file], status: 2, stderr: refused },
    { name: 'alias notes: report -f markdown', args: ['report', file, '-f', 'markdown'], status: 2, stderr: refused },
  ];
}

/** The same inside a questionnaire: the actions of 90 rules alias one 4.5 MB text. */
export function aliasActions(dir) {
  const base = readFileSync(example('tests/fixtures/valid/small.yaml'), 'utf8');
  const big = 'x'.repeat(4_500_000);
  const rules = Array.from(
    { length: 90 },
    (_, i) =>
      `  - id: extra-${i}\n    when: { answer: sponsor, eq: false }\n    severity: low\n    title: Extra ${i}\n    actions: [${i === 0 ? `&big "${big}"` : '*big'}]\n`,
  ).join('');
  const file = join(dir, 'alias-actions.yaml');
  writeFileSync(file, `${base}${rules}`);
  // Refused at the alias that goes past the limit, the second one: the action of the third extra rule (5 lines each).
  const line = base.split('\n').length - 1 + 3 * 5;
  const refused = new RegExp(`^.*alias-actions\\.yaml:${line}:15: error: YAML aliases repeat too much text`);
  return [
    {
      name: 'alias actions: validate -q',
      args: ['validate', '-q', file, example('examples/midsize-components.en.yaml')],
      status: 2,
      stderr: refused,
    },
  ];
}

/**
 * A valid questionnaire of 40,000 boolean questions in 40 dimensions, every other one asked only when the one
 * before is answered yes (20,000 conditions), and an answers file that answers every question yes.
 */
export function bigQuestionnaire(dir, questions = 40_000) {
  const perDimension = 1000;
  const out = ['kamcheck: 1', 'id: big', 'version: 1.0.0', 'locales: [en]', 'title: Big'];
  out.push('levels:', '  - { id: low, min: 0, title: Low }', '  - { id: high, min: 50, title: High }', 'dimensions:');
  for (let d = 0; d < questions / perDimension; d++) {
    out.push(`  - id: d${d}`, `    title: Dimension ${d}`, '    questions:');
    for (let k = 0; k < perDimension; k++) {
      const i = d * perDimension + k;
      const when = i % 2 === 1 ? `, when: { answer: q${i - 1}, eq: true }` : '';
      out.push(`      - { id: q${i}, type: boolean, text: Question ${i}${when} }`);
    }
  }
  out.push('rules:', '  - id: r0', '    when: { answer: q0, eq: false }', '    severity: high', '    title: First', '    actions: [Do it]');
  const questionnaire = join(dir, 'big-questionnaire.yaml');
  writeFileSync(questionnaire, `${out.join('\n')}\n`);
  const answers = join(dir, 'big-answers.yaml');
  const lines = Array.from({ length: questions }, (_, i) => `  q${i}: true`);
  writeFileSync(answers, `kamcheck: 1\nquestionnaire: big\nanswers:\n${lines.join('\n')}\n`);
  return [
    { name: '40,000 questions: validate', args: ['validate', questionnaire], status: 0 },
    { name: '40,000 questions: validate -q answers', args: ['validate', '-q', questionnaire, answers], status: 0 },
    { name: '40,000 questions: show -q', args: ['show', '-q', questionnaire], status: 0 },
    { name: '40,000 questions: report -q (json)', args: ['report', answers, '-q', questionnaire, '-f', 'json'], status: 0 },
    { name: '40,000 questions: report -q (markdown)', args: ['report', answers, '-q', questionnaire, '-f', 'markdown'], status: 0 },
  ];
}

/** A note that is a block scalar of 4.8 million empty lines, and one of 600,000 short lines: valid, under the limit. */
export function longBlocks(dir) {
  const head = 'kamcheck: 1\nquestionnaire: kam-five-pitfalls\nanswers:\n  kam-strategy-status:\n    value: sales-targets\n    note: ';
  const empty = join(dir, 'block-empty-lines.yaml');
  writeFileSync(empty, `${head}|\n      x${'\n'.repeat(4_800_000)}      y\n`);
  const short = join(dir, 'block-short-lines.yaml');
  writeFileSync(short, `${head}>\n${Array.from({ length: 600_000 }, () => '      x').join('\n')}\n`);
  return [
    { name: 'block of empty lines: validate', args: ['validate', empty], status: 0 },
    { name: 'block of empty lines: report -f markdown', args: ['report', empty, '-f', 'markdown'], status: 0 },
    { name: 'block of short lines: validate', args: ['validate', short], status: 0 },
    { name: 'block of short lines: report -f markdown', args: ['report', short, '-f', 'markdown'], status: 0 },
  ];
}

/** 122,000 unknown answer ids in a 4.9 MB file, under the size limit. */
export function unknownIds(dir) {
  const ids = Array.from({ length: 122_000 }, (_, i) => `  not-a-question-of-this-survey-${String(i).padStart(6, '0')}: 1\n`).join('');
  const file = join(dir, 'unknown-ids.yaml');
  writeFileSync(file, `kamcheck: 1\nquestionnaire: kam-five-pitfalls\nanswers:\n${ids}`);
  return [
    {
      name: '122,000 unknown ids: validate',
      args: ['validate', file],
      status: 2,
      stderr: /^.*unknown-ids\.yaml:4:3: error: unknown question "not-a-question-of-this-survey-000000"/,
    },
  ];
}

/** 300,000 aliases in a 4 MB file. */
export function manyAliases(dir) {
  const aliases = Array.from({ length: 300_000 }, (_, i) => `  q${i}: *a\n`).join('');
  const file = join(dir, 'aliases.yaml');
  writeFileSync(file, `kamcheck: 1\nquestionnaire: small\nx: &a 1\nanswers:\n${aliases}`);
  return [
    {
      name: '300,000 aliases: validate',
      args: ['validate', file],
      status: 2,
      stderr: /^.*aliases\.yaml:105:9: error: too many YAML aliases/,
    },
  ];
}

/** An answer whose key is 1 MB long. */
export function longKey(dir) {
  const file = join(dir, 'long-key.yaml');
  writeFileSync(file, `kamcheck: 1\nquestionnaire: small\nanswers:\n  ? ${'k'.repeat(1_000_000)}\n  : 1\n`);
  return [
    {
      name: '1 MB key: validate -q',
      args: ['validate', file, '-q', example('tests/fixtures/valid/small.yaml')],
      status: 2,
      stderr: /^.*long-key\.yaml:4:5: error: unknown question "k{79}…"$/,
    },
  ];
}

/** A device that never ends, as answers and as questionnaire. */
export function endless() {
  if (process.platform !== 'linux') return [];
  const tooLarge = /^\/dev\/zero:1:1: error: file is larger than 5 MB/;
  return [
    { name: '/dev/zero: validate', args: ['validate', '/dev/zero'], status: 2, stderr: tooLarge },
    {
      name: '/dev/zero: validate -q',
      args: ['validate', '-q', '/dev/zero', example('examples/midsize-components.en.yaml')],
      status: 2,
      stderr: tooLarge,
    },
  ];
}

export const ALL = [aliasNotes, aliasActions, bigQuestionnaire, longBlocks, unknownIds, manyAliases, longKey, endless];
