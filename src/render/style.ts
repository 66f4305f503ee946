import { Chalk, type ChalkInstance } from 'chalk';
import stringWidth from 'string-width';

/** Colour on or off, decided once: off without a TTY, with --no-color or NO_COLOR; FORCE_COLOR forces it on. */
export function colorEnabled(opts: { isTTY: boolean; noColor: boolean; env: Record<string, string | undefined> }): boolean {
  if (opts.noColor) return false;
  const force = opts.env.FORCE_COLOR;
  if (force !== undefined && force !== '0' && force !== 'false') return true;
  if (opts.env.NO_COLOR !== undefined && opts.env.NO_COLOR !== '') return false;
  return opts.isTTY && opts.env.TERM !== 'dumb';
}

export const makeChalk = (color: boolean): ChalkInstance => new Chalk({ level: color ? 1 : 0 });

/** Display width in terminal columns: CJK characters take two. */
export const width = (s: string): number => stringWidth(s);

export function padEnd(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}
export function padStart(s: string, w: number): string {
  return ' '.repeat(Math.max(0, w - width(s))) + s;
}

/** Cut to at most w columns, marking the cut with an ellipsis. */
export function truncate(s: string, w: number): string {
  if (width(s) <= w) return s;
  let out = '';
  for (const ch of s) {
    if (width(`${out}${ch}…`) > w) break;
    out += ch;
  }
  return `${out}…`;
}

/** Wrap text to w columns: at spaces for Latin text, between any two CJK characters. */
export function wrap(s: string, w: number): string[] {
  const lines: string[] = [];
  for (const para of s.split('\n')) {
    let line = '';
    const tokens =
      para.match(
        /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+|\s+/g,
      ) ?? [];
    for (const tok of tokens) {
      if (/^\s+$/.test(tok)) {
        if (line !== '') line += ' ';
        continue;
      }
      if (width(line + tok) > w && line.trim() !== '') {
        lines.push(line.trimEnd());
        line = '';
      }
      if (width(tok) > w) {
        for (const ch of tok) {
          if (width(line + ch) > w) {
            lines.push(line);
            line = '';
          }
          line += ch;
        }
      } else line += tok;
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/** The band a 0–100 score falls in, shared by every renderer. */
export type Band = 'low' | 'mid' | 'high' | 'none';
export function band(score: number | null): Band {
  if (score === null) return 'none';
  return score < 40 ? 'low' : score < 70 ? 'mid' : 'high';
}

/** Format a 0–100 score with one decimal, as every report shows it. */
export const fmtScore = (s: number | null, none: string): string => (s === null ? none : s.toFixed(1));
export const fmtPercent = (r: number): string => `${Math.round(r * 100)}%`;
