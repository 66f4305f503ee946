// The fast reader's lines and nodes (src/load/fast-yaml.ts): the lines of a file as numbers, and where each value
// starts, which is all a message needs of a file the reader took.
import { type Path, positionOf } from './source.js';

/** Where a value starts, and for a mapping or list where its entries start: all a message needs. */
export interface Node {
  start: number;
  keys?: Map<string, { key: number; value: Node }>;
  items?: Node[];
}

export const scalar = (start: number): Node => ({ start });

/** Source.position over the reader's nodes: the same walk as over the yaml library's. */
export function positionIn(root: Node, starts: readonly number[]) {
  return (path: Path, key: boolean) => {
    let node = root;
    let best = node.start;
    for (let i = 0; i < path.length; i++) {
      const step = path[i] as string | number;
      let next: Node | undefined;
      if (node.keys) {
        const pair = node.keys.get(String(step));
        if (!pair) break;
        if (key && i === path.length - 1) {
          best = pair.key;
          break;
        }
        next = pair.value;
      } else if (node.items && typeof step === 'number') next = node.items[step];
      if (!next) break;
      node = next;
      best = node.start;
    }
    return positionOf(starts, best);
  };
}

export interface Line {
  start: number;
  /** Where the line ends, trailing spaces included. */
  end: number;
  indent: number;
  /** The text after the indentation. */
  body: string;
}

/**
 * The lines that carry something, as numbers: a line's text is cut from the file only while it is being read, so
 * that a file of 100,000 short lines does not keep 100,000 strings and objects alive.
 */
export class Lines {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly indents: number[] = [];
  /** Where the text after the indentation ends, trailing spaces dropped. */
  readonly bodyEnds: number[] = [];
  constructor(readonly text: string) {}
  get length(): number {
    return this.starts.length;
  }
  /** Line i, read as indented by `indent` when given (the keys of a mapping that starts after a dash). */
  at(i: number, indent = this.indents[i] as number): Line | undefined {
    if (i >= this.starts.length) return undefined;
    const start = this.starts[i] as number;
    return { start, end: this.ends[i] as number, indent, body: this.text.slice(start + indent, this.bodyEnds[i]) };
  }
}

/**
 * The lines of a text that carry something (blank and comment lines carry nothing); undefined when the text has a
 * document marker or a directive, which are left to the full parser.
 */
export function linesOf(text: string): Lines | undefined {
  const lines = new Lines(text);
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let first = start;
    while (first < end && text.charCodeAt(first) === 32) first++;
    if (text.startsWith('---', first) || text.startsWith('...', first) || (start === 0 && text.startsWith('%'))) return undefined;
    if (first < end && text.charCodeAt(first) !== 35) {
      let last = end;
      while (last > first && text.charCodeAt(last - 1) === 32) last--;
      lines.starts.push(start);
      lines.ends.push(end);
      lines.indents.push(first - start);
      lines.bodyEnds.push(last);
    }
    start = end + 1;
  }
  return lines;
}
