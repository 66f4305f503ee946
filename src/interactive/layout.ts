import { width, wrap } from '../render/style.js';

/**
 * Inquirer breaks long lines at the terminal's last column, even inside an English word.
 * These helpers wrap text before it reaches a prompt: at spaces for Latin text, between any
 * two CJK characters, with continuation lines indented under the text they continue.
 */

/** Text after a prefix of `indent` columns, wrapped to `cols`, continuation lines indented to match. */
export function hang(text: string, cols: number, indent: number): string {
  return wrap(text, Math.max(10, cols - indent)).join(`\n${' '.repeat(indent)}`);
}

/** The question line of a prompt: after "? ". */
export const fitMessage = (text: string, cols: number): string => hang(text, cols - 1, 2);

/** A choice of a numbered list ("❯ 12. name"): the index takes its digits plus ". ". */
export const fitChoice = (name: string, cols: number, count: number): string => hang(name, cols - 1, 4 + String(count).length);

/** A checkbox choice ("❯◯ name"). */
export const fitTick = (name: string, cols: number): string => hang(name, cols - 1, 3);

/** How many terminal lines a wrapped text takes. */
export const lineCount = (text: string): number => text.split('\n').length;

/** The transcript line of an answered question, "✔ question answer", wrapped; the answer on its own line when it does not fit. */
export function answeredLines(message: string, answer: string, cols: number): { question: string[]; answer: string[] } {
  const w = Math.max(10, cols - 3);
  const question = wrap(message, w);
  const last = question[question.length - 1] ?? '';
  if (width(`${last} ${answer}`) <= w) return { question, answer: [answer] };
  return { question, answer: ['', ...wrap(answer, w)] };
}
