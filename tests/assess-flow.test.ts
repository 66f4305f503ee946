import { describe, expect, it } from 'vitest';
import type { Model } from '../src/core/model.js';
import { ASSESS_EN, ASSESS_ZH } from '../src/i18n/assess.js';
import { readNumber } from '../src/interactive/ask.js';
import { type Mode, runQuestions } from '../src/interactive/flow.js';
import { type Session, startSession } from '../src/interactive/session.js';
import { width } from '../src/render/style.js';
import { ctrlC, enter, esc, pick, ScriptedPrompter, type Step, tick, type } from './fixtures/assess/scripted-prompter.js';
import { answersMap, modelFromFile } from './helpers/model.js';

const SMALL = modelFromFile('tests/fixtures/valid/small.yaml');
const GUIDED = modelFromFile('tests/fixtures/assess/guided.yaml');

async function play(steps: Step[], opts: { model?: Model; mode?: Mode; locale?: string; start?: Session } = {}) {
  const model = opts.model ?? SMALL;
  const prompter = new ScriptedPrompter(steps);
  const saves: Session[] = [];
  const outcome = await runQuestions(opts.start ?? startSession(model), {
    prompter,
    locale: opts.locale ?? 'en',
    mode: opts.mode ?? 'self',
    color: false,
    columns: 80,
    save: async (s) => {
      saves.push(s);
    },
  });
  expect(prompter.remaining, 'every scripted step was used').toBe(0);
  const values = Object.fromEntries([...outcome.session.answers].map(([id, a]) => [id, a.na ? 'na' : a.value]));
  return { outcome, prompter, saves, values };
}

describe('self-check flow', () => {
  it('asks each question by its type, saves after every answer and finishes on Enter at the end', async () => {
    const { outcome, saves, values, prompter } = await play([
      pick('Yes'),
      pick('Mostly'),
      pick('Written criteria'),
      type('4'),
      tick('Selling', 'Customer finance'),
      type('12'),
      type('  Fine so far  '),
      enter,
    ]);
    expect(outcome.kind).toBe('finished');
    expect(values).toEqual({
      sponsor: true,
      plans: 3,
      selection: 'criteria',
      'kam-count': 4,
      training: ['selling', 'finance'],
      turnover: 12,
      remarks: 'Fine so far',
    });
    expect(saves).toHaveLength(7);
    expect(prompter.asked.map((a) => a.kind)).toEqual(['select', 'select', 'select', 'input', 'checkbox', 'input', 'input', 'select']);
    // The end: finishing is the default, so a stray Enter never loops.
    expect(prompter.asked.at(-1)).toMatchObject({ message: 'What now?', default: 'Finish and show the report' });
  });

  it('offers N/A only where allowed, Skip always, and Back from the second question on', async () => {
    const { prompter } = await play([pick('Yes'), pick('Fully'), pick('By size'), ctrlC]);
    const [first, second] = prompter.asked;
    expect(first?.choices).toEqual(['Yes', 'No', '---', 'Skip for now']);
    expect(second?.choices).toEqual([
      'Disagree',
      'Partly',
      'Mostly',
      'Fully',
      '---',
      'Not applicable',
      'Skip for now',
      '← Previous question',
    ]);
  });

  it('goes back with Esc or the Back choice, showing the earlier answer as the default', async () => {
    const { prompter, values } = await play([
      pick('No'),
      pick('Partly'),
      esc, // at selection: back to plans
      pick('Fully'), // plans again
      pick('← Previous'), // at selection: back to plans
      esc, // at plans: back to sponsor
      enter, // sponsor keeps "No"
      enter, // plans keeps "Fully"
      ctrlC,
    ]);
    const plansAsked = prompter.asked.filter((a) => a.message.startsWith('Account plans'));
    expect(plansAsked.map((a) => a.default)).toEqual([undefined, 'Partly', 'Fully', 'Fully']);
    expect(prompter.asked.filter((a) => a.message.startsWith('An executive')).map((a) => a.default)).toEqual([undefined, 'No']);
    expect(values).toMatchObject({ sponsor: false, plans: 4 });
  });

  it('skips with an empty line or the Skip choice, lists skipped questions at the end and revisits them', async () => {
    const { values, prompter } = await play([
      pick('Skip'),
      pick('Mostly'),
      pick('By size'),
      type(''), // kam-count skipped: turnover stays hidden
      tick('Leadership'),
      type(''),
      pick('Answer the 3'),
      pick('Yes'), // sponsor
      type('0'), // kam-count
      type(''), // remarks skipped again
      enter, // finish
    ]);
    expect(values).toEqual({ sponsor: true, plans: 3, selection: 'size', 'kam-count': 0, training: ['leadership'] });
    expect(prompter.printed.join('\n')).toContain('3 questions are unanswered:');
    expect(prompter.printed.join('\n')).toContain('  - People · Anything else?');
    expect(prompter.printed.join('\n')).toMatch(/1 question is unanswered:\n {2}- People · Anything else\?/);
  });

  it('asks follow-ups when their condition holds, stops asking when it no longer does, and keeps the answer', async () => {
    const { values, prompter } = await play([
      pick('Yes'),
      pick('Mostly'),
      pick('By size'),
      type('5'),
      tick('Selling'),
      type('30'), // turnover, now shown
      esc, // at remarks: back to turnover
      esc, // back to training
      esc, // back to kam-count
      type('0'), // no KAMs: turnover no longer applies
      enter, // training keeps Selling
      type('none'), // remarks: turnover was not asked
      enter,
    ]);
    // turnover is kept in the file (nothing typed is lost); scoring ignores it while kam-count is 0
    expect(values).toEqual({
      sponsor: true,
      plans: 3,
      selection: 'size',
      'kam-count': 0,
      training: ['selling'],
      turnover: 30,
      remarks: 'none',
    });
    expect(prompter.asked.filter((a) => a.message.startsWith('KAMs who left'))).toHaveLength(2);
  });

  it('tells "none of these" from a skip when nothing is ticked', async () => {
    const { values } = await play([
      pick('Skip'),
      pick('Skip'),
      pick('Skip'),
      type('1'),
      tick(),
      pick('None of these'),
      type(''),
      type(''),
      enter,
    ]);
    expect(values).toEqual({ 'kam-count': 1, training: [] });
    const again = await play([pick('Skip'), pick('Skip'), pick('Skip'), type(''), tick(), pick('Skip'), type(''), enter]);
    expect(again.values).toEqual({});
  });

  it('on Ctrl-C returns what was saved so far', async () => {
    const { outcome, saves } = await play([pick('Yes'), pick('Partly'), ctrlC]);
    expect(outcome.kind).toBe('interrupted');
    expect(outcome.session.current).toBe('selection');
    expect(saves.at(-1)?.answers).toEqual(answersMap({ sponsor: { value: true }, plans: { value: 2 } }));
  });

  it('resumes at the first unanswered question with the earlier answers as defaults', async () => {
    const start = startSession(SMALL, answersMap({ sponsor: { value: true }, plans: { value: 2, note: 'kept' } }));
    const { prompter, outcome } = await play([esc, enter, ctrlC], { start });
    expect(prompter.asked.map((a) => [a.message.slice(0, 14), a.default])).toEqual([
      ['How are key ac', undefined],
      ['Account plans ', 'Partly'],
      ['How are key ac', undefined],
    ]);
    expect(outcome.session.answers.get('plans')).toEqual({ value: 2, note: 'kept' });
  });
});

describe('interview flow', () => {
  it('shows the guidance, wrapped to the terminal, and takes a note and evidence per question', async () => {
    const { outcome, prompter } = await play([pick('每季度'), type('纪要见共享盘 "KAM/2026"'), type('Q3 会议纪要'), ctrlC], {
      model: GUIDED,
      mode: 'interview',
      locale: 'zh-CN',
    });
    const printed = prompter.printed.join('\n');
    expect(printed).toContain('治理 · 第 1/2 题 · 已完成 0/4');
    expect(printed).toContain('│ 访谈提示：请对方出示最近一次评审的会议纪要');
    for (const line of prompter.printed) expect(width(line)).toBeLessThanOrEqual(80);
    expect(outcome.session.answers.get('review-cadence')).toEqual({
      value: 'quarterly',
      note: '纪要见共享盘 "KAM/2026"',
      evidence: 'Q3 会议纪要',
    });
    expect(prompter.asked.map((a) => a.message)).toEqual([
      expect.stringContaining('管理层多久评审'),
      '备注（选填）',
      '所见证据（选填）',
      expect.stringContaining('钱包份额'),
    ]);
  });

  it('keeps a note typed just before Ctrl-C, and Esc at the note goes back to the question', async () => {
    const { outcome, prompter } = await play([pick('Yearly'), esc, pick('Quarterly'), type('seen minutes'), ctrlC], {
      model: GUIDED,
      mode: 'interview',
    });
    expect(prompter.asked.filter((a) => a.message.startsWith('How often')).map((a) => a.default)).toEqual([undefined, 'Yearly']);
    expect(outcome.session.answers.get('review-cadence')).toEqual({ value: 'quarterly', note: 'seen minutes' });
  });

  it('offers the earlier note as the default when coming back, and an empty note removes it', async () => {
    const start = startSession(GUIDED, answersMap({ 'review-cadence': { value: 'never', note: 'old', evidence: 'doc' } }));
    const { outcome, prompter } = await play([esc, enter, enter, type(''), ctrlC], { model: GUIDED, mode: 'interview', start });
    expect(prompter.asked.slice(2, 4).map((a) => a.default)).toEqual(['old', 'doc']);
    // Enter on a note with a default keeps it, as inquirer does.
    expect(outcome.session.answers.get('review-cadence')).toEqual({ value: 'never', note: 'old', evidence: 'doc' });
  });
});

describe('typed numbers', () => {
  const info = GUIDED.byId.get('share-of-wallet');
  if (!info) throw new Error('fixture');
  it.each([
    ['', { change: { clear: true } }],
    ['na', { change: { na: true } }],
    ['N/A', { change: { na: true } }],
    ['42.5', { change: { value: 42.5 } }],
    ['１２．５', { change: { value: 12.5 } }],
    ['1,5', { error: ASSESS_EN.notANumber }],
    ['abc', { error: ASSESS_EN.notANumber }],
    ['101', { error: 'Please enter a number from 0 to 100.' }],
  ])('%j', (raw, want) => {
    expect(readNumber(info, raw, ASSESS_EN)).toEqual(want);
  });
  it('explains a range in Chinese, and reads thousands separators', () => {
    expect(readNumber(info, '-1', ASSESS_ZH)).toEqual({ error: '请输入 0 到 100 之间的数字。' });
    const count = SMALL.byId.get('kam-count');
    if (!count) throw new Error('fixture');
    expect(readNumber(count, '1,200', ASSESS_EN)).toEqual({ error: 'Please enter a number from 0 to 500.' });
    expect(readNumber(count, '不适用', ASSESS_EN)).toEqual({ error: ASSESS_EN.notANumber });
  });
});
