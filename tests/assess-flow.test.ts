import { describe, expect, it } from 'vitest';
import type { Model } from '../src/core/model.js';
import { ASSESS_EN, ASSESS_ZH } from '../src/i18n/assess.js';
import { readNumber } from '../src/interactive/ask.js';
import { type Mode, runQuestions } from '../src/interactive/flow.js';
import { Interrupted } from '../src/interactive/prompter.js';
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
      enter, // sponsor keeps "No", and the flow goes on to the first unanswered question: selection
      ctrlC,
    ]);
    const plansAsked = prompter.asked.filter((a) => a.message.startsWith('Account plans'));
    // A question not answered yet starts on Skip: Enter never records an answer nobody chose.
    expect(plansAsked.map((a) => a.default)).toEqual(['Skip for now', 'Partly', 'Fully']);
    expect(prompter.asked.filter((a) => a.message.startsWith('An executive')).map((a) => a.default)).toEqual(['Skip for now', 'No']);
    expect(prompter.asked.at(-1)?.message).toMatch(/^How are key accounts chosen/);
    expect(values).toMatchObject({ sponsor: false, plans: 4 });
  });

  it('Enter on a question not answered yet skips it', async () => {
    const { values, prompter } = await play([enter, enter, ctrlC]);
    expect(values).toEqual({});
    expect(prompter.asked.slice(0, 2).map((a) => a.default)).toEqual(['Skip for now', 'Skip for now']);
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
      type('0'), // no KAMs: turnover no longer applies; on to the first unanswered question, remarks
      type('none'),
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

  it('resumes at the first unanswered question, and after a look back goes on from there, not through every answer', async () => {
    const start = startSession(
      SMALL,
      answersMap({
        sponsor: { value: true },
        plans: { value: 2, note: 'kept' },
        'kam-count': { value: 3 },
        training: { value: ['selling'] },
      }),
    );
    const { prompter, outcome } = await play([esc, esc, enter, ctrlC], { start });
    expect(prompter.asked.map((a) => [a.message.slice(0, 14), a.default])).toEqual([
      ['How are key ac', 'Skip for now'],
      ['Account plans ', 'Partly'],
      ['An executive s', 'Yes'],
      // Enter keeps "Yes" and goes to the first unanswered question again, past plans.
      ['How are key ac', 'Skip for now'],
    ]);
    expect(outcome.session.answers.get('plans')).toEqual({ value: 2, note: 'kept' });
  });
});

describe('interview flow', () => {
  it('shows the guidance, wrapped to the terminal, and takes a note and evidence in one prompt per question', async () => {
    const { outcome, prompter } = await play([pick('每季度'), type('纪要见共享盘 "KAM/2026" 证据：Q3 会议纪要'), ctrlC], {
      model: GUIDED,
      mode: 'interview',
      locale: 'zh-CN',
    });
    const printed = prompter.printed.join('\n');
    expect(printed).toContain('治理 · 第 1/2 题 · 已完成 0/3');
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
      expect.stringContaining('钱包份额'),
    ]);
  });

  it('keeps a note typed just before Ctrl-C, and Esc at the note goes back to the question', async () => {
    const { outcome, prompter } = await play([pick('Yearly'), esc, pick('Quarterly'), type('seen minutes'), ctrlC], {
      model: GUIDED,
      mode: 'interview',
    });
    expect(prompter.asked.filter((a) => a.message.startsWith('How often')).map((a) => a.default)).toEqual(['Skip for now', 'Yearly']);
    expect(outcome.session.answers.get('review-cadence')).toEqual({ value: 'quarterly', note: 'seen minutes' });
  });

  it('offers the earlier note and evidence as the default when coming back; Enter keeps them', async () => {
    const start = startSession(GUIDED, answersMap({ 'review-cadence': { value: 'never', note: 'old', evidence: 'doc' } }));
    const { outcome, prompter } = await play([esc, enter, enter, ctrlC], { model: GUIDED, mode: 'interview', start });
    expect(prompter.asked[2]?.default).toBe('old evidence: doc');
    // Enter on a note with a default keeps it, as inquirer does.
    expect(outcome.session.answers.get('review-cadence')).toEqual({ value: 'never', note: 'old', evidence: 'doc' });
  });

  it('asks no note after a text question, and counts only the questions that score', async () => {
    const { prompter, values } = await play(
      [pick('Yearly'), type(''), type('40'), type(''), pick('Yes'), type(''), type('All fine'), enter],
      { model: GUIDED, mode: 'interview' },
    );
    expect(values).toEqual({ 'review-cadence': 'yearly', 'share-of-wallet': 40, 'joint-plans': true, comment: 'All fine' });
    expect(prompter.asked.map((a) => a.message.slice(0, 20))).toEqual([
      expect.stringMatching(/^How often/),
      'Note (optional)',
      expect.stringMatching(/^Average share/),
      'Note (optional)',
      expect.stringMatching(/^Annual plans/),
      'Note (optional)',
      "Interviewer's summar",
      'What now?',
    ]);
    const progress = prompter.printed.filter((l) => l.includes(' done'));
    expect(progress).toEqual([
      'Governance · question 1 of 2 · 0/3 done',
      'Governance · question 2 of 2 · 1/3 done',
      'Team · question 1 of 1 · 2/3 done',
      'Team · optional note · 3/3 done',
    ]);
  });

  it.each([
    [
      'en',
      [
        'Strategy · question 1 of 3 · 0/5–6 done',
        'Strategy · question 2 of 3 · 1/5–6 done',
        'Strategy · question 3 of 3 · 2/5–6 done',
        'People · question 1 of 2–3 · 3/5–6 done',
        'People · question 2 of 3 · 4/6 done',
        'People · question 3 of 3 · 5/6 done',
        'People · optional note · 6/6 done',
      ],
    ],
    [
      'zh-CN',
      [
        '战略 · 第 1/3 题 · 已完成 0/5–6',
        '战略 · 第 2/3 题 · 已完成 1/5–6',
        '战略 · 第 3/3 题 · 已完成 2/5–6',
        '人员 · 第 1/2–3 题 · 已完成 3/5–6',
        '人员 · 第 2/3 题 · 已完成 4/6',
        '人员 · 第 3/3 题 · 已完成 5/6',
        '人员 · 选填备注 · 已完成 6/6',
      ],
    ],
  ])('the totals count what will be asked, a follow-up that may come as a range, and never grow (%s)', async (locale, lines) => {
    const zh = locale === 'zh-CN';
    const { prompter } = await play(
      [
        pick(zh ? '是' : 'Yes'),
        pick(zh ? '基本同意' : 'Mostly'),
        pick(zh ? '成文标准' : 'Written criteria'),
        type('4'),
        tick(zh ? '销售' : 'Selling'),
        type('12'),
        type(''),
        enter,
      ],
      { locale },
    );
    expect(prompter.printed.filter((l) => l.includes(zh ? '已完成' : ' done'))).toEqual(lines);
  });

  it('a follow-up ruled out by an answer leaves the range at once', async () => {
    const { prompter } = await play([pick('Yes'), pick('Mostly'), pick('Written criteria'), type('0'), ctrlC]);
    expect(prompter.printed.filter((l) => l.includes(' done')).slice(-2)).toEqual([
      'People · question 1 of 2–3 · 3/5–6 done',
      'People · question 2 of 2 · 4/5 done',
    ]);
  });

  it('keeps a note typed but not yet submitted when Ctrl-C comes', async () => {
    const halfTyped: Step = () => {
      throw new Interrupted('User force closed the prompt with SIGINT', 'minutes seen evidence: Q3 pack');
    };
    const { outcome, saves } = await play([pick('Yearly'), halfTyped], { model: GUIDED, mode: 'interview' });
    expect(outcome.kind).toBe('interrupted');
    expect(saves.at(-1)?.answers.get('review-cadence')).toEqual({ value: 'yearly', note: 'minutes seen', evidence: 'Q3 pack' });
  });

  it('cleans a pasted note: control characters such as U+202E removed, line breaks made spaces', async () => {
    const { outcome } = await play([pick('Yearly'), type('seen\u202e minutes\r\nof Q3 evidence: board\u001b[2J pack'), ctrlC], {
      model: GUIDED,
      mode: 'interview',
    });
    expect(outcome.session.answers.get('review-cadence')).toEqual({
      value: 'yearly',
      note: 'seen minutes of Q3',
      evidence: 'board[2J pack',
    });
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
