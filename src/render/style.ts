import { PRINTABLE_ASCII, textWidth } from './width.js';

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

const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f';
const CLOSING = '，。、；：！？）」』】》”’,.;:!?)';
// Made when a text first needs it (text of printable ASCII never does): a pattern is parsed when it is made.
let cjkTokens: RegExp | undefined;

const SPACES = /^\s+$/;

/** Wrap text to w columns: at spaces for Latin text, between any two CJK characters. */
export function wrap(s: string, w: number): string[] {
  const lines: string[] = [];
  const paras = s.split('\n');
  for (let p = 0; p < paras.length; p++) {
    const para = paras[p] as string;
    // Widths add up token by token (a colour code never spans two tokens), so a long paragraph costs linear time.
    let line = '';
    let lineWidth = 0;
    const add = (tok: string, tokWidth: number) => {
      if (lineWidth + tokWidth > w && line.trim() !== '') {
        lines.push(line.trimEnd());
        line = '';
        lineWidth = 0;
      }
      if (tokWidth > w) {
        for (const ch of tok) {
          const chWidth = width(ch);
          if (lineWidth + chWidth > w) {
            lines.push(line);
            line = '';
            lineWidth = 0;
          }
          line += ch;
          lineWidth += chWidth;
        }
      } else {
        line += tok;
        lineWidth += tokWidth;
      }
    };
    const space = () => {
      if (line !== '') {
        line += ' ';
        lineWidth += 1;
      }
    };
    // Loops over indices: a report wraps its text once, in code V8 has not optimised, where a for-of loop makes an
    // object for every step.
    if (PRINTABLE_ASCII.test(para)) {
      // Plain ASCII: words between runs of spaces, each word as wide as it is long.
      for (let k = 0; k < para.length; ) {
        if (para.charCodeAt(k) === 32) {
          while (para.charCodeAt(k) === 32) k++;
          space();
          continue;
        }
        let end = para.indexOf(' ', k);
        if (end < 0) end = para.length;
        add(para.slice(k, end), end - k);
        k = end;
      }
    } else {
      // A CJK character is a token of its own, with any closing punctuation after it: a line never starts with "，" or "。".
      cjkTokens ??= new RegExp(`[${CJK}][${CLOSING}]*|[^\\s${CJK}]+|\\s+`, 'g');
      const toks = para.match(cjkTokens) ?? [];
      for (let k = 0; k < toks.length; k++) {
        const tok = toks[k] as string;
        if (SPACES.test(tok)) space();
        else add(tok, width(tok));
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
