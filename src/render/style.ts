import { charWidth, PRINTABLE_ASCII, textWidth } from './width.js';

export { makePaint, type Paint } from './paint.js';

/** Display width in terminal columns: CJK characters take two. */
export const width = (s: string): number => textWidth(s);

/**
 * A text for a one-line slot (a title in a table row, a padded cell): line breaks become spaces, so that a
 * title written over two lines cannot print a line of its own, such as a forged "Overall:" line.
 */
export const flat = (s: string): string => (/[\r\n]/.test(s) ? s.replace(/\s*[\r\n]+\s*/g, ' ') : s);

export function padEnd(text: string, w: number): string {
  const s = flat(text);
  return s + ' '.repeat(Math.max(0, w - width(s)));
}
export function padStart(text: string, w: number): string {
  const s = flat(text);
  return ' '.repeat(Math.max(0, w - width(s))) + s;
}

/** Cut to at most w columns, on one line, marking the cut with an ellipsis. */
export function truncate(text: string, w: number): string {
  const s = flat(text);
  if (width(s) <= w) return s;
  let out = '';
  let used = 1; // the ellipsis
  for (const ch of s) {
    used += width(ch);
    if (used > w) break;
    out += ch;
  }
  return `${out}…`;
}

// Where a line may break. A CJK character is a token of its own, with any closing punctuation after it (a line never
// starts with "，" or "。"); a run of other characters up to whitespace or a CJK character is a word. A run of
// whitespace is one space, and so is an ideographic space (U+3000) without punctuation after it; none starts a line.
const CLOSING_CHARS = '，。、；：！？）」』】》”’,.;:!?)';
const CLOSING = [...CLOSING_CHARS].map((c) => c.charCodeAt(0));
const isCjk = (c: number): boolean => (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef);
// Whitespace other than single spaces, made single spaces before wrapping, so that every line is a slice of its text.
const ODD_SPACE = /[^\S ]| {2}/;
const SPACE_RUN = new RegExp(`[^\\S\\u3000]\\s*|\\u3000(?![${CLOSING_CHARS}])`, 'g');

/**
 * Wrap text to w columns: at spaces for Latin text, between any two CJK characters. Each line is a slice of its
 * paragraph, found by positions: a report wraps its text once, in code V8 has not optimised, where building lines
 * token by token, and the tokens themselves, would make a string for every step (tests/width.test.ts holds it to
 * wrapping by its definition, token by token).
 */
export function wrap(s: string, w: number): string[] {
  const lines: string[] = [];
  const paras = s.split('\n');
  for (let p = 0; p < paras.length; p++) {
    let para = paras[p] as string;
    if (ODD_SPACE.test(para)) para = para.replace(SPACE_RUN, ' ');
    const ascii = PRINTABLE_ASCII.test(para);
    // The line so far is para.slice(start, end), `lineWidth` columns wide; start < 0: no line yet.
    let start = -1;
    let end = 0;
    let lineWidth = 0;
    // Whether the line has more than whitespace (what String.prototype.trim keeps): every token has, but a long one
    // cut between characters may leave an ideographic space alone on a line.
    let visible = false;
    const cut = (at: number): string => (start < 0 ? '' : para.slice(start, at));
    for (let k = 0; k < para.length; ) {
      const c = para.charCodeAt(k);
      if (c === 32) {
        if (start >= 0) {
          end = k + 1;
          lineWidth += 1;
        }
        k++;
        continue;
      }
      // The token at k: [k, stop), `tokWidth` columns.
      let stop: number;
      let tokWidth: number;
      if (ascii) {
        stop = para.indexOf(' ', k);
        if (stop < 0) stop = para.length;
        tokWidth = stop - k;
      } else if (isCjk(c)) {
        stop = k + 1;
        tokWidth = charWidth(c);
        while (stop < para.length && CLOSING.includes(para.charCodeAt(stop))) tokWidth += charWidth(para.charCodeAt(stop++));
      } else {
        let plain = true;
        stop = k;
        for (let d = c; stop < para.length && d !== 32 && !isCjk(d); d = para.charCodeAt(++stop)) plain &&= d >= 0x20 && d <= 0x7e;
        tokWidth = plain ? stop - k : textWidth(para.slice(k, stop));
      }
      if (lineWidth + tokWidth > w && visible) {
        lines.push(cut(end).trimEnd());
        start = -1;
        lineWidth = 0;
        visible = false;
      }
      if (tokWidth > w) {
        // Longer than a line: cut between characters.
        for (let i = k; i < stop; ) {
          const cp = para.codePointAt(i) as number;
          const step = cp > 0xffff ? 2 : 1;
          const chWidth = charWidth(cp);
          if (lineWidth + chWidth > w) {
            lines.push(cut(i));
            start = -1;
            lineWidth = 0;
            visible = false;
          }
          if (start < 0) start = i;
          lineWidth += chWidth;
          visible ||= cp !== 0x3000;
          i += step;
        }
      } else {
        if (start < 0) start = k;
        lineWidth += tokWidth;
        visible = true;
      }
      end = stop;
      k = stop;
    }
    lines.push(cut(end).trimEnd());
  }
  return lines;
}
