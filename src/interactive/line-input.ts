import { EventEmitter } from 'node:events';
import {
  createPrompt,
  isBackspaceKey,
  isEnterKey,
  isTabKey,
  makeTheme,
  type Status,
  type Theme,
  useEffect,
  useKeypress,
  usePrefix,
  useRef,
  useState,
} from '@inquirer/core';
import { oneLine } from '../render/safe.js';
import { width, wrap } from '../render/style.js';
import { charWidth } from '../render/width.js';

type Key = { name?: string; sequence?: string; ctrl?: boolean; meta?: boolean; shift?: boolean };
type Source = NodeJS.ReadableStream & { isTTY?: boolean; isRaw?: boolean; setRawMode?: (mode: boolean) => unknown };

/**
 * The terminal's keys as a line prompt sees them, with a run of typed characters given as one keypress.
 * Node.js decodes a pasted text into one keypress per character, and readline and the prompt then redo work
 * for the whole line on each (its display width, a render): a 10,000-character paste cost about 10 s of CPU.
 * Readline inserts a keypress of several characters at once, as it does for `rl.write`. Keys that do something
 * (Enter, arrows, Backspace, Ctrl-…, Esc) pass one by one and in order, after the characters before them.
 * Lists do not get this: there a character is a command (a number, `a`, `i`).
 */
export class CoalescedKeys extends EventEmitter {
  private pending: [string, Key | undefined][] = [];
  private scheduled = false;

  constructor(private readonly source: Source) {
    super();
  }

  get isTTY(): boolean | undefined {
    return this.source.isTTY;
  }
  get isRaw(): boolean | undefined {
    return this.source.isRaw;
  }
  /** Present as on a real stream: the prompt then lets keys typed before it was shown pass by (see @inquirer/core). */
  get readableFlowing(): boolean | null | undefined {
    return (this.source as { readableFlowing?: boolean | null }).readableFlowing;
  }
  setRawMode(mode: boolean): this {
    this.source.setRawMode?.(mode);
    return this;
  }
  pause(): this {
    this.source.pause();
    return this;
  }
  resume(): this {
    this.source.resume();
    return this;
  }

  private readonly onKey = (s: unknown, key?: Key) => {
    if (typeof s === 'string' && s !== '' && !key?.ctrl && !key?.meta && !/\p{Cc}/u.test(s)) {
      this.pending.push([s, key]);
      if (!this.scheduled) {
        this.scheduled = true;
        // Node.js emits every key of one chunk of input before this runs.
        queueMicrotask(this.flush);
      }
      return;
    }
    this.flush();
    this.emit('keypress', s, key);
  };

  private readonly onEnd = () => this.emit('end');

  private readonly flush = () => {
    this.scheduled = false;
    const keys = this.pending;
    if (keys.length === 0) return;
    this.pending = [];
    if (keys.length === 1) {
      this.emit('keypress', ...(keys[0] as [string, Key | undefined]));
      return;
    }
    const text = keys.map(([s]) => s).join('');
    this.emit('keypress', text, { sequence: text, ctrl: false, meta: false, shift: false });
  };

  /** Start taking keys from the terminal (whose keypress events must be on: readline's emitKeypressEvents). */
  attach(): this {
    this.source.on('keypress', this.onKey);
    this.source.on('end', this.onEnd);
    return this;
  }

  detach(): void {
    this.source.removeListener('keypress', this.onKey);
    this.source.removeListener('end', this.onEnd);
    this.pending = [];
  }
}

/** What part of a line shows in `room` columns: the text with `…` where it is cut, and the caret's column in it. */
export interface LineView {
  text: string;
  caret: number;
  /** The first character shown, kept from one key to the next so that the text does not jump while the caret moves. */
  start: number;
}

/**
 * The part of a line to show on the one terminal line a prompt has, around the caret (`cursor`, a UTF-16 index as
 * readline keeps it). A short line shows whole. A long one shows a window of `room` columns that keeps its place
 * while the caret moves inside it and scrolls when the caret would leave it. Control characters show as pictures.
 */
export function lineView(line: string, cursor: number, room: number, start = 0): LineView {
  const chars = [...oneLine(line)];
  const n = chars.length;
  const widths = chars.map((ch) => charWidth(ch.codePointAt(0) as number));
  // Also bounded in UTF-16 code units: the prompt library measures the line by its length.
  const units = chars.map((ch) => ch.length);
  // The caret as a character index.
  const caretAt = [...line.slice(0, cursor)].length;
  if (sum(widths, 0, n) < room && line.length < room) return { text: chars.join(''), caret: sum(widths, 0, caretAt), start: 0 };
  // Whether characters from..to fit, with a mark on each side that is cut and a cell for the caret at the very end.
  const fits = (from: number, to: number) => {
    const marks = (from > 0 ? 1 : 0) + (to < n ? 1 : 0);
    const caretCell = to === n ? 1 : 0;
    return sum(widths, from, to) + marks + caretCell <= room && sum(units, from, to) + marks + caretCell <= room;
  };
  const fill = (from: number) => {
    let to = from;
    while (to < n && fits(from, to + 1)) to++;
    return to;
  };
  let from = Math.min(Math.max(0, start), caretAt);
  let to = fill(from);
  if (caretAt > to || (caretAt === to && to < n)) {
    // The caret would leave by the right: scroll so that it stands on the last character shown (or after the end).
    to = Math.min(n, caretAt + 1);
    from = to;
    while (from > 0 && fits(from - 1, to)) from--;
    to = fill(from);
  } else if (caretAt === from && from > 0) {
    // At the left edge with text hidden before it: bring a third of the room back into view.
    let back = Math.max(1, Math.floor(room / 3));
    while (from > 0 && back > 0) {
      from--;
      back -= widths[from] as number;
    }
    to = fill(from);
  }
  const text = `${from > 0 ? '…' : ''}${chars.slice(from, to).join('')}${to < n ? '…' : ''}`;
  return { text, caret: (from > 0 ? 1 : 0) + sum(widths, from, caretAt), start: from };
}

function sum(widths: number[], from: number, to: number): number {
  let w = 0;
  for (let i = from; i < to; i++) w += widths[i] as number;
  return w;
}

export interface LineInputConfig {
  message: string;
  default?: string;
  validate?: (value: string) => true | string;
  /** The terminal's width in columns, asked at each render. */
  columns: () => number;
  /** Told the line after every key, so that a line typed but not submitted can be kept on Ctrl-C. */
  onLine?: (line: string) => void;
  theme?: Partial<Theme>;
}

type Line = { text: string; cursor: number };

/** Where readline has the caret in its line (readline.Interface's `cursor`, which the prompt library's type leaves out). */
const cursorOf = (rl: unknown): number => (rl as { cursor?: number }).cursor ?? 0;

/**
 * One line of text, as @inquirer/input asks it (a default that Enter keeps and Backspace clears, Tab to edit the
 * default, a message when `validate` refuses), drawn on one terminal line however long the text: a window around
 * the caret (see lineView), with the caret placed in it. The text itself is edited by readline, keys as usual.
 */
export const lineInput = createPrompt<string, LineInputConfig>((config, done) => {
  const theme = makeTheme(config.theme);
  const [status, setStatus] = useState<Status>('idle');
  const [defaultValue, setDefaultValue] = useState(config.default ?? '');
  const [error, setError] = useState<string | undefined>();
  const [line, setLine] = useState<Line>({ text: '', cursor: 0 });
  const start = useRef(0);
  const prefix = usePrefix({ status, theme });

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (isEnterKey(key)) {
      const answer = line.text || defaultValue;
      const valid = config.validate ? config.validate(answer) : true;
      if (valid === true) {
        setLine({ text: answer, cursor: answer.length });
        setStatus('done');
        done(answer);
      } else {
        // Readline emptied its line on Enter: give the text back to fix it.
        rl.write(line.text);
        setLine({ text: rl.line, cursor: cursorOf(rl) });
        setError(valid);
      }
      return;
    }
    if (isBackspaceKey(key) && line.text === '') setDefaultValue('');
    else if (isTabKey(key) && line.text === '') {
      // Tab on an empty line puts the default in it to edit (readline typed the tab: it goes).
      rl.clearLine(0);
      rl.write(defaultValue);
      setDefaultValue('');
    }
    // A new object at every key, so that a caret move alone draws again and puts the caret in its place.
    setLine({ text: rl.line, cursor: cursorOf(rl) });
    config.onLine?.(rl.line);
    setError(undefined);
  });

  const cols = config.columns();
  const message = theme.style.message(config.message, status);
  const before = [prefix, message].filter((s) => s !== '').join(' ');
  const last = before.split('\n').pop() as string;
  const room = (used: number) => Math.max(10, cols - 1 - used);
  const shownDefault =
    defaultValue !== '' && line.text === '' && status !== 'done'
      ? // "› (", the default, ") ", and the caret's cell.
        theme.style.defaultAnswer(lineView(defaultValue, 0, room(width(last) + 5)).text)
      : undefined;
  const typingHead = `${last} ${shownDefault !== undefined ? `${shownDefault} ` : ''}`;
  // Done, the prompt is erased and the answer written in full below it (inquirer.ts): this last drawing stays one line too.
  const view = lineView(line.text, status === 'done' ? line.text.length : line.cursor, room(width(typingHead)), start.current);
  start.current = view.start;
  const caret = width(typingHead) + view.caret;

  useEffect(
    (rl) => {
      if (status !== 'idle') return;
      // The prompt library puts the terminal's caret where readline has it in the whole line; put it in the window.
      rl.output.unmute();
      rl.output.write(`\u001b[${caret + 1}G`);
      rl.output.mute();
    },
    [line, caret, status, error],
  );

  // A message goes above the typing line, so that the caret's line is always the last one drawn.
  const above = error ? wrap(theme.style.error(error), Math.max(10, cols - 1)) : [];
  const body = before.split('\n');
  body.pop();
  return [...body, ...above, `${typingHead}${view.text}`].join('\n');
});
