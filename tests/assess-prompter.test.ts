import { emitKeypressEvents } from 'node:readline';
import { PassThrough, Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ASSESS_ZH } from '../src/i18n/assess.js';
import { createInquirerPrompter } from '../src/interactive/inquirer.js';
import { CoalescedKeys, lineView } from '../src/interactive/line-input.js';
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
  return { prompter, keys, writes, input, screen: () => screen, plain: () => stripVTControlCharacters(screen) };
}

const DOWN = '\u001b[B';
const ENTER = '\r';
const ESC = '\u001b';
const CTRL_C = '\u0003';
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding colour escape sequences is the point.
const SGR = /\u001b\[[0-9;]*m/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: where the caret was put (cursor to column N) is the point.
const CURSOR_TO = /\u001b\[(\d+)G/g;

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

  describe('a long line: a paste costs one drawing, the line shows as a window with the caret in it', () => {
    const paste = `${'x'.repeat(9991)}END-OF-IT`;
    const LEFT = '\u001b[D';
    const CTRL_A = '\u0001';
    /** Keys written to the input have been decoded and drawn: streams, microtasks and renders run before an immediate. */
    const settled = () => new Promise((r) => setImmediate(r));
    /** The typing line of the last drawing that shows `text`, and the column the caret was put at last (1-based). */
    const typing = (t: ReturnType<typeof fakeTerminal>, text: string) => ({
      line: [...t.writes]
        .reverse()
        .find((w) => w.includes(text))
        ?.split('\n')
        .at(-1),
      caret: Number([...t.screen().matchAll(CURSOR_TO)].at(-1)?.[1]),
    });

    it('a 10,000-character paste is echoed as its end, with little drawing and CPU, and saved whole', async () => {
      const t = fakeTerminal();
      const answer = t.prompter.input({ message: 'Note (optional)', hint: 'HINT' });
      await t.keys('HINT');
      const drawnBefore = t.screen().length;
      const cpu = process.cpuUsage();
      t.input.write(paste);
      await t.keys('END-OF-IT');
      const used = process.cpuUsage(cpu);
      // One short line drawn for the whole paste (it was 1.3 MB, a drawing per character, and 10 s of CPU).
      expect(t.screen().length - drawnBefore).toBeLessThan(2_000);
      expect((used.user + used.system) / 1000).toBeLessThan(2_000);
      const { line, caret } = typing(t, 'END-OF-IT');
      expect(line).toBe(`› …${'x'.repeat(66)}END-OF-IT`);
      expect(width(line as string)).toBe(78);
      // The caret stands after the last character, not where the whole line would have put it.
      expect(caret).toBe(79);
      t.input.write(ENTER);
      await expect(answer).resolves.toBe(paste);
      // The answered line keeps all of it, wrapped.
      expect(t.plain().replace(/\n {2}/g, '')).toContain(`✔ Note (optional)${paste}`);
    });

    it('the caret moves inside the window, which keeps its place; Ctrl-A shows the start; Ctrl-C keeps the text', async () => {
      const t = fakeTerminal();
      const answer = t.prompter.input({ message: 'Note (optional)', hint: 'HINT' });
      await t.keys('HINT', paste);
      await t.keys('END-OF-IT', LEFT, LEFT, LEFT);
      await settled();
      expect(typing(t, 'END-OF-IT')).toEqual({ line: `› …${'x'.repeat(66)}END-OF-IT`, caret: 76 });
      t.input.write(CTRL_A);
      await settled();
      expect(typing(t, '›')).toEqual({ line: `› ${'x'.repeat(76)}…`, caret: 3 });
      t.input.write('a');
      await settled();
      expect(typing(t, '›')).toEqual({ line: `› a${'x'.repeat(75)}…`, caret: 4 });
      t.input.write(CTRL_C);
      const stopped = await answer.catch((e: unknown) => e);
      expect(stopped).toBeInstanceOf(Interrupted);
      expect((stopped as Interrupted).typed).toBe(`a${paste}`);
    });

    it('a long earlier answer offered as the default shows cut on the typing line; Enter keeps it whole', async () => {
      const t = fakeTerminal();
      const answer = t.prompter.input({ message: 'Note (optional)', hint: 'HINT', default: paste });
      await t.keys('HINT');
      const { line, caret } = typing(t, 'HINT');
      expect(line).toBe(`› (${'x'.repeat(72)}…)`);
      expect(caret).toBe(79);
      t.input.write(ENTER);
      await expect(answer).resolves.toBe(paste);
    });

    it('a refused answer shows its message above the typing line, the caret staying on it', async () => {
      const t = fakeTerminal();
      const answer = t.prompter.input({
        message: 'How many?',
        hint: 'HINT',
        validate: (v) => (/^\d+$/.test(v) ? true : 'A number, please'),
      });
      await t.keys('HINT', '12x', ENTER);
      await t.keys('A number, please');
      expect(t.writes.at(-2)?.split('\n').slice(-3)).toEqual(['  HINT', '> A number, please', '› 12x']);
      expect(typing(t, '12x').caret).toBe(6);
      t.input.write('\u007f');
      await settled();
      t.input.write(ENTER);
      await expect(answer).resolves.toBe('12');
    });
  });
});

describe('keys for a line prompt', () => {
  it('a run of characters in one chunk is one keypress; other keys pass one by one, in order', async () => {
    const source = new PassThrough();
    emitKeypressEvents(source);
    const keys = new CoalescedKeys(source).attach();
    const got: [string | undefined, string | undefined][] = [];
    keys.on('keypress', (s: string, k?: { name?: string }) => got.push([s, k?.name]));
    source.write('abc\u001b[Dd\r');
    source.write('x');
    await new Promise((r) => setImmediate(r));
    expect(got).toEqual([
      ['abc', undefined],
      [undefined, 'left'],
      ['d', 'd'],
      ['\r', 'return'],
      ['x', 'x'],
    ]);
    keys.detach();
    source.write('y');
    await new Promise((r) => setImmediate(r));
    expect(got).toHaveLength(5);
  });
});

describe('lineView', () => {
  it('shows a short line whole, the caret where it is', () => {
    expect(lineView('数据 ok', 2, 20)).toEqual({ text: '数据 ok', caret: 4, start: 0 });
  });

  it('shows the end of a long line when the caret is there, within the room, CJK counted two columns', () => {
    const v = lineView('数'.repeat(30), 30, 21);
    expect(v.text).toBe(`…${'数'.repeat(9)}`);
    expect(width(v.text)).toBeLessThanOrEqual(20);
    expect(v.caret).toBe(19);
  });

  it('keeps the window while the caret moves inside it, scrolls by a third at the left edge and to the caret at the right', () => {
    const line = 'abcdefghijklmnopqrstuvwxyz';
    const end = lineView(line, 26, 12);
    expect(end).toEqual({ text: '…qrstuvwxyz', caret: 11, start: 16 });
    expect(lineView(line, 20, 12, end.start)).toEqual({ text: '…qrstuvwxyz', caret: 5, start: 16 });
    expect(lineView(line, 16, 12, end.start)).toEqual({ text: '…mnopqrstuv…', caret: 5, start: 12 });
    const home = lineView(line, 0, 12, 12);
    expect(home).toEqual({ text: 'abcdefghijk…', caret: 0, start: 0 });
    expect(lineView(line, 10, 12, home.start)).toEqual({ text: 'abcdefghijk…', caret: 10, start: 0 });
    // At the right edge: scrolled so that the caret stands on the last character shown.
    expect(lineView(line, 11, 12, home.start)).toEqual({ text: '…cdefghijkl…', caret: 10, start: 2 });
  });

  it('shows control characters as pictures, one column each', () => {
    expect(lineView('a\u001b[2Jb\u202e', 6, 20)).toEqual({ text: 'a␛[2Jb\ufffd', caret: 6, start: 0 });
  });
});
