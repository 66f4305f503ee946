import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDate } from '../src/cli/date.js';
import type { Answer } from '../src/core/score.js';
import { answersDocument, cleanText, defaultAnswersFile, stringifyAnswers } from '../src/interactive/answers-file.js';
import { checkAnswers, parseAnswers } from '../src/load/answers.js';
import { CONTROL_CHARS } from '../src/load/yaml.js';
import { answersMap, modelFromFile } from './helpers/model.js';

const SMALL = modelFromFile('tests/fixtures/valid/small.yaml');

/** Write, read back with the same loader `report` and `validate` use, and return the answers without positions. */
function roundTrip(answers: Map<string, Answer>, meta = {}) {
  const text = stringifyAnswers(answersDocument(SMALL, answers, meta));
  const { parsed, diagnostics } = parseAnswers('a.yaml', Buffer.from(text));
  expect(diagnostics, text).toEqual([]);
  if (!parsed) throw new Error('unreadable');
  const checked = checkAnswers(parsed, SMALL);
  expect(checked.diagnostics, text).toEqual([]);
  const plain = new Map([...checked.answers].map(([id, { at: _at, ...a }]) => [id, a]));
  return { text, doc: parsed.doc, answers: plain };
}

describe('answers file writer', () => {
  it('writes SPEC §4 files that read back to the same answers', () => {
    const answers = answersMap({
      sponsor: { value: false, note: '总经理说"明年再说"\n第二行: yes', evidence: "CRM 'export' #1" },
      plans: { na: true },
      selection: { value: 'mixed' },
      'kam-count': { value: 4 },
      training: { value: [] },
      turnover: { value: 12.5 },
      remarks: { value: 'yes' },
    });
    const {
      text,
      doc,
      answers: back,
    } = roundTrip(answers, {
      respondent: { name: '王伟', role: 'sales-director', organization: '', unit: undefined },
      date: '2026-11-29',
      locale: 'zh-CN',
    });
    expect(back).toEqual(answers);
    expect(doc).toMatchObject({ kamcheck: 1, questionnaire: 'small@1.0.0', date: '2026-11-29', locale: 'zh-CN' });
    // Empty respondent fields are left out rather than written as "".
    expect(doc.respondent).toEqual({ name: '王伟', role: 'sales-director' });
    expect(text).toContain('  plans: na\n');
    expect(text).toContain('  selection: mixed\n');
    expect(text).toContain('  training: []\n');
  });

  it('uses the short form without a note, the long form with one, and keeps notes of unanswered questions', () => {
    const { text, answers } = roundTrip(answersMap({ training: { value: ['selling', 'finance'] }, plans: { note: 'ask again in March' } }));
    expect(text).toContain('  training: [selling, finance]\n');
    expect(text).toMatch(/ {2}plans:\n {4}note: ask again in March\n/);
    expect(answers.get('plans')).toEqual({ note: 'ask again in March' });
  });

  it('lists answers in questionnaire order, whatever order they were given in', () => {
    const { text } = roundTrip(answersMap({ remarks: { value: 'x' }, sponsor: { value: true }, plans: { value: 2 } }));
    expect(text.indexOf('sponsor:')).toBeLessThan(text.indexOf('plans:'));
    expect(text.indexOf('plans:')).toBeLessThan(text.indexOf('remarks:'));
  });

  it('round-trips any note and any free-text answer people can type', () => {
    const typed = fc.string({ unit: 'grapheme', maxLength: 40 }).map(cleanText);
    // A bare `na` is "not applicable" in the file format; the text prompt refuses it (see ask.ts).
    const remarkText = typed.filter((t) => t !== 'na');
    fc.assert(
      fc.property(typed, remarkText, (note, remark) => {
        const answers = answersMap({
          sponsor: { value: true, ...(note ? { note } : {}) },
          ...(remark ? { remarks: { value: remark } } : {}),
        });
        expect(roundTrip(answers).answers).toEqual(answers);
      }),
      { numRuns: 200 },
    );
  });

  it('cleans typed text of control characters a terminal could send', () => {
    expect(cleanText('  a\u001b[31mb\u0007c  ')).toBe('a[31mbc');
    expect(CONTROL_CHARS.test(cleanText('\u0000\u009b x'))).toBe(false);
  });

  it('names the default file after the local date', () => {
    expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(defaultAnswersFile('2026-01-05')).toBe('kamcheck-answers-2026-01-05.yaml');
  });
});
