import { emitKeypressEvents } from 'node:readline';
import { Writable } from 'node:stream';
import { checkbox, confirm, Separator, select } from '@inquirer/prompts';
import { makePaint, wrap } from '../render/style.js';
import { answeredLines, fitChoice, fitMessage, fitTick, hang, lineCount } from './layout.js';
import { CoalescedKeys, lineInput } from './line-input.js';
import { BACK, type Back, Interrupted, type Prompter } from './prompter.js';

export interface Terminal {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream & { isTTY?: boolean; columns?: number; rows?: number };
}

export interface InquirerOptions {
  color: boolean;
  /** The key hints under a list, in the user's language. */
  keys: { select: string; checkbox: string };
  /** How a confirmed yes or no reads once answered. */
  words: { yes: string; no: string };
}

type Context = { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; signal: AbortSignal; clearPromptOnDone: boolean };

/**
 * Writes through to the terminal and knows its width, but cannot end it: an inquirer prompt
 * ends its output when it is done, which would close a test's stream after the first question.
 */
class Passthrough extends Writable {
  constructor(private readonly dest: Terminal['output']) {
    super();
  }
  get columns(): number | undefined {
    return this.dest.columns;
  }
  get isTTY(): boolean {
    return this.dest.isTTY === true;
  }
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: (e?: Error | null) => void): void {
    // Done at once, not when the terminal has drained: what the prompt writes must reach the
    // terminal before anything written straight to it afterwards (the answered line).
    this.dest.write(chunk);
    done();
  }
}

const same = (s: string) => s;

/** The real prompts, drawn with @inquirer on the given terminal. Esc on any prompt means "back". */
export function createInquirerPrompter(term: Terminal, opts: InquirerOptions): Prompter {
  emitKeypressEvents(term.input);
  const c = makePaint(opts.color);
  const hint = (s: string) => () => c.dim(s);
  // Without colour every style is the identity, so nothing but text reaches the terminal.
  const base = opts.color
    ? {}
    : {
        prefix: { idle: '?', done: '✔' },
        style: {
          answer: same,
          message: same,
          error: (t: string) => `> ${t}`,
          defaultAnswer: (t: string) => `(${t})`,
          help: same,
          highlight: same,
          key: same,
          disabled: same,
          description: same,
        },
      };
  const listTheme = (keys: string) => ({ ...base, style: { ...base.style, keysHelpTip: hint(keys) } });
  const checkboxIcons = opts.color ? {} : { icon: { checked: '◉', unchecked: '◯', cursor: '❯' } };

  // A 0×0 pseudo-terminal reports no size: draw for 80 columns; a narrow window is used as it is, down to 20.
  const cols = () => {
    const n = term.output.columns ?? 0;
    return n > 0 ? Math.max(20, n) : 80;
  };
  /** Lines a list may use: what the terminal has, less the question, the hints and some context above. */
  const pageSize = (lines: number, messageLines: number) => Math.max(3, Math.min(lines, (term.output.rows || 30) - messageLines - 8));

  /** The line left on screen once a question is answered; a prompt left with Esc or Ctrl-C leaves nothing. */
  const doneLine = (message: string, answer: string) => {
    const { question, answer: rest } = answeredLines(message, answer === '' ? '—' : answer, cols());
    const paint = answer === '' ? c.dim : c.cyan;
    const lines = question.map((l, i) => `${i === 0 ? c.green('✔') : ' '} ${c.bold(l)}`);
    const [first = '', ...more] = rest;
    if (first !== '') lines[lines.length - 1] += ` ${paint(first)}`;
    for (const l of more) lines.push(`  ${paint(l)}`);
    term.output.write(`${lines.join('\n')}\n`);
  };

  async function run<T>(
    ask: (ctx: Context) => Promise<T>,
    message: string,
    shown: (v: T) => string,
    typed: () => string = () => '',
  ): Promise<T | Back> {
    const controller = new AbortController();
    const onKey = (_s: unknown, key?: { name?: string }) => {
      if (key?.name === 'escape') controller.abort();
    };
    term.input.on('keypress', onKey);
    try {
      // Prompts clear themselves when done, so that one left with Esc does not stay on screen half-answered.
      const value = await ask({
        input: term.input,
        output: new Passthrough(term.output),
        signal: controller.signal,
        clearPromptOnDone: true,
      });
      doneLine(message, shown(value));
      return value;
    } catch (e) {
      if (!(e instanceof Error)) throw e;
      // By name: the prompts of @inquirer/prompts and our own line prompt throw them, and a name holds for both.
      if (e.name === 'AbortPromptError' && controller.signal.aborted) {
        term.output.write(`${c.dim(`↩ ${message}`)}\n`);
        return BACK;
      }
      if (e.name === 'ExitPromptError') throw new Interrupted(e.message, typed());
      throw e;
    } finally {
      term.input.removeListener('keypress', onKey);
    }
  }

  const nameOf = <T>(choices: readonly ({ value: T; name: string; short?: string } | null)[], v: T) => {
    const ch = choices.find((x) => x !== null && x.value === v);
    return ch ? (ch.short ?? ch.name) : '';
  };

  return {
    select: (o) =>
      run(
        (ctx) => {
          const message = fitMessage(o.message, cols());
          const count = o.choices.filter((ch) => ch !== null).length;
          const choices = o.choices.map((ch) =>
            ch === null
              ? new Separator(c.dim('─'.repeat(15)))
              : {
                  ...ch,
                  name: fitChoice(ch.name, cols(), count),
                  short: ch.short ?? ch.name,
                  ...(ch.description !== undefined ? { description: hang(ch.description, cols() - 1, 0) } : {}),
                },
          );
          const lines = choices.reduce((n, ch) => n + ('name' in ch ? lineCount(ch.name) : 1), 0);
          return select(
            {
              message,
              choices,
              ...(o.default !== undefined ? { default: o.default } : {}),
              pageSize: pageSize(lines, lineCount(message)),
              loop: false,
              theme: { ...listTheme(opts.keys.select), indexMode: 'number' as const },
            },
            ctx,
          );
        },
        o.message,
        (v) => nameOf(o.choices, v),
      ),
    checkbox: (o) =>
      run(
        (ctx) => {
          const message = fitMessage(o.message, cols());
          const choices = o.choices.map((ch) => ({
            ...ch,
            name: fitTick(ch.name, cols()),
            short: ch.short ?? ch.name,
            ...(ch.description !== undefined ? { description: hang(ch.description, cols() - 1, 0) } : {}),
          }));
          const lines = choices.reduce((n, ch) => n + lineCount(ch.name), 0);
          return checkbox(
            {
              message,
              choices,
              pageSize: pageSize(lines, lineCount(message)),
              loop: false,
              theme: { ...listTheme(opts.keys.checkbox), ...checkboxIcons },
            },
            ctx,
          );
        },
        o.message,
        (vs) => vs.map((v) => nameOf(o.choices, v)).join(', '),
      ),
    input: (o) => {
      // The line as typed so far, for Ctrl-C. Typed and pasted characters reach the prompt in runs (CoalescedKeys),
      // and the prompt draws a window of a long line (lineInput): a 10,000-character paste is one insertion and one
      // short line drawn, not 10,000 of each.
      let line = '';
      const keys = new CoalescedKeys(term.input).attach();
      return run(
        (ctx) =>
          lineInput(
            {
              // The hint sits between the question and the typing line, and goes when the prompt is done.
              message: o.hint
                ? `${fitMessage(o.message, cols())}\n${wrap(o.hint, cols() - 3)
                    .map((l) => `  ${c.dim(l)}`)
                    .join('\n')}\n›`
                : fitMessage(o.message, cols()),
              ...(o.default !== undefined ? { default: o.default } : {}),
              ...(o.validate ? { validate: o.validate } : {}),
              columns: cols,
              onLine: (typed) => {
                line = typed;
              },
              theme: base,
            },
            { ...ctx, input: keys as unknown as NodeJS.ReadableStream },
          ),
        o.message,
        (v) => v,
        () => line,
      ).finally(() => keys.detach());
    },
    confirm: (o) =>
      run(
        (ctx) => confirm({ message: fitMessage(o.message, cols()), default: o.default, theme: base }, ctx),
        o.message,
        (v) => (v ? opts.words.yes : opts.words.no),
      ),
    print: (text) => {
      term.output.write(text.endsWith('\n') ? text : `${text}\n`);
    },
  };
}
