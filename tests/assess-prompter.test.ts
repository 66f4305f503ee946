import { PassThrough, Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ASSESS_ZH } from '../src/i18n/assess.js';
import { createInquirerPrompter } from '../src/interactive/inquirer.js';
import { BACK, Interrupted } from '../src/interactive/prompter.js';
import { width } from '../src/render/style.js';

/** A terminal made of streams: keys are written as the bytes a terminal sends, the screen is collected. */
function fakeTerminal(color = false) {
  const input = new PassThrough();
  let screen = '';
  const writes: string[] = [];
  const output = Object.assign(
    new Writable({
      write(chunk, _enc, done) {
        screen += String(chunk);
        writes.push(stripVTControlCharacters(String(chunk)));
        done();
      },
    }),
    { columns: 80, isTTY: true },
  );
  const prompter = createInquirerPrompter(
    { input, output },
    { color, keys: { select: 'KEYS-SELECT', checkbox: 'KEYS-CHECKBOX' }, words: { yes: 'Y', no: 'N' } },
  );
  let mark = 0;
  /** Wait until the screen shows `text` since the last keys were sent, then send keys. */
  async function keys(text: string, ...sequence: string[]) {
    const fresh = () => stripVTControlCharacters(screen.slice(mark));
    for (let i = 0; i < 300 && !fresh().includes(text); i++) await new Promise((r) => setTimeout(r, 10));
    expect(fresh(), `waiting for ${text}`).toContain(text);
    mark = screen.length;
    for (const k of sequence) input.write(k);
  }
  return { prompter, keys, writes, screen: () => screen, plain: () => stripVTControlCharacters(screen) };
}

const DOWN = '\u001b[B';
const ENTER = '\r';
const ESC = '\u001b';
const CTRL_C = '\u0003';
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding colour escape sequences is the point.
const SGR = /\u001b\[[0-9;]*m/;

const choices = [
  { value: 1, name: 'Disagree' },
  { value: 2, name: 'Partly', description: 'Some plans, not reviewed' },
  null,
  { value: 0, name: 'Skip' },
];

describe('inquirer prompter (real prompts on injected streams)', () => {
  it('selects with the arrow keys and leaves one answered line', async () => {
    const t = fakeTerminal();
    const answer = t.prompter.select({ message: 'Plans?', choices });
    await t.keys('KEYS-SELECT', DOWN);
    await t.keys('Some plans, not reviewed', ENTER);
    await expect(answer).resolves.toBe(2);
    expect(t.plain()).toContain('1. Disagree');
    expect(t.plain()).toContain('✔ Plans? Partly\n');
  });

  it('starts on the default, so Enter keeps an earlier answer', async () => {
    const t = fakeTerminal();
    const answer = t.prompter.select({ message: 'Plans?', choices, default: 0 });
    await t.keys('KEYS-SELECT', ENTER);
    await expect(answer).resolves.toBe(0);
  });

  it('Esc means back, on any prompt', async () => {
    const t = fakeTerminal();
    const a = t.prompter.select({ message: 'Plans?', choices });
    await t.keys('KEYS-SELECT', ESC);
    await expect(a).resolves.toBe(BACK);
    const b = t.prompter.input({ message: 'How many?', hint: 'HINT' });
    await t.keys('HINT', '1', ESC);
    await expect(b).resolves.toBe(BACK);
    expect(t.plain()).toContain('↩ How many?');
  });

  it('Ctrl-C rejects with Interrupted', async () => {
    const t = fakeTerminal();
    const a = t.prompter.checkbox({ message: 'Trainings?', choices: [{ value: 'a', name: 'Selling' }] });
    await t.keys('KEYS-CHECKBOX', CTRL_C);
    await expect(a).rejects.toBeInstanceOf(Interrupted);
  });

  it('takes typed text, and an empty line gives the default', async () => {
    const t = fakeTerminal();
    const a = t.prompter.input({ message: '大客户经理人数', default: '4', validate: (v) => (/^\d+$/.test(v) ? true : '请输入数字') });
    await t.keys('(4)', 'x', ENTER);
    await t.keys('请输入数字', '\u007f', ENTER);
    await expect(a).resolves.toBe('4');
    const b = t.prompter.input({ message: 'Note' });
    await t.keys('Note', '数据由销售助理补录', ENTER);
    await expect(b).resolves.toBe('数据由销售助理补录');
  });

  it('ticks boxes with Space, and confirms with y/n', async () => {
    const t = fakeTerminal();
    const a = t.prompter.checkbox({
      message: 'Trainings?',
      choices: [
        { value: 'selling', name: 'Selling', checked: true },
        { value: 'finance', name: 'Finance' },
      ],
    });
    await t.keys('KEYS-CHECKBOX', DOWN, ' ', ENTER);
    await expect(a).resolves.toEqual(['selling', 'finance']);
    expect(t.plain()).toContain('✔ Trainings? Selling, Finance');
    const b = t.prompter.confirm({ message: 'Write markdown?', default: true });
    await t.keys('Write markdown?', 'n', ENTER);
    await expect(b).resolves.toBe(false);
    expect(t.plain()).toContain('✔ Write markdown? N');
  });

  it('wraps long questions and options at 80 columns between words, CJK between characters', async () => {
    const t = fakeTerminal();
    const long = 'A written KAM vision, strategic goals, strategy and action plan, approved by management every year';
    const zh = '在上一档基础上，客户团队中其他部门的成员也分享大客户奖励，高层定期给予表彰并在年度大会上公开介绍优秀案例';
    const a = t.prompter.select({
      message: `Where does key-account management sit in the company's strategy and business planning today?`,
      choices: [
        { value: 1, name: long },
        { value: 2, name: zh },
      ],
    });
    await t.keys('KEYS-SELECT', DOWN, ENTER);
    await a;
    // Each render is one write: the first is the whole prompt as drawn.
    const lines = (t.writes.find((w) => w.includes('KEYS-SELECT')) ?? '').split('\n');
    for (const l of [...lines, ...t.plain().split('\n').slice(-3)]) expect(width(l), l).toBeLessThanOrEqual(80);
    expect(lines).toContain("? Where does key-account management sit in the company's strategy and business");
    expect(lines).toContain('  planning today?');
    // An option's lines, put back together, are the option: nothing cut inside a word.
    const option = (n: number, sep: string) => {
      const at = lines.findIndex((l) => l.slice(2).startsWith(`${n}. `));
      const after = lines.slice(at + 1);
      const end = after.findIndex((l) => !l.startsWith('     '));
      const rest = end < 0 ? after : after.slice(0, end);
      return [lines[at]?.slice(5), ...rest.map((l) => l.trim())].join(sep);
    };
    expect(option(1, ' ')).toBe(long);
    expect(option(2, '')).toBe(zh);
    expect(lines.filter((l) => l.startsWith('     ')).length).toBe(2);
    // The answered line wraps too, with the answer after the question.
    expect(t.plain()).toContain(`✔ Where does key-account management sit in the company's strategy and business\n  planning today?`);
  });

  it('writes no colour codes with colour off, and some with it on', async () => {
    for (const color of [false, true]) {
      const t = fakeTerminal(color);
      const a = t.prompter.select({ message: ASSESS_ZH.whatNext, choices, default: 1 });
      await t.keys('KEYS-SELECT', ENTER);
      await a;
      t.prompter.print('done');
      expect(SGR.test(t.screen())).toBe(color);
    }
  });
});
