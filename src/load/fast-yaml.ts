import { isUtf8 } from 'node:buffer';
import { type Line, type Lines, linesOf, type Node, positionIn, scalar } from './fast-lines.js';
import { GiveUp, giveUp, plainKey, plainValue } from './fast-scalars.js';
import { CONTROL_CHARS, lineStarts, MAX_BYTES, type Source } from './source.js';

// A reader for the plain YAML that answers files and questionnaires are made of: block mappings indented with
// spaces, one-line scalars, one-line flow lists and mappings, block lists of scalars and of mappings, comments. It
// builds the same data and the same positions as the `yaml` library does for such a file, several times faster and
// without loading that library, which matters when a report should start as fast as Node.js and when a team report
// reads ten thousand files. Anything else (anchors, tags, multi-line scalars, tabs, CRLF, escapes it does not know,
// duplicate keys, …) makes it give up and the caller reads the file with `yaml` as usual.

const KEY = /^([A-Za-z0-9_][A-Za-z0-9_.-]*):(?= |$)/;
// A plain scalar may not start with an indicator (a minus or dot before a digit is a number).
const INDICATOR = /^(?:[?:,[\]{}#&*!|>'"%@`]|-(?![0-9.])|\.(?![0-9]))/;
// A value that starts a block scalar, an anchor, an alias or a tag: given up on before the lines are split (a block
// scalar can be millions of lines). Text that only looks so (in a quoted string) is read by the full parser.
const HOPELESS = /(?:^|[:-]) +[|>&*!]/m;

/** Nesting the fast reader follows; deeper files go to the full parser, which reports what is too deep. */
const MAX_DEPTH = 64;

const NO_NODE: Node = { start: 0 };

class Reader {
  private i = 0;
  /** Lines read at another indentation: `- key: value` starts a mapping at the column of `key`. */
  private readonly moved = new Map<number, number>();
  /** With `nodes` false only the data is built: a questionnaire's nodes would take some hundreds of bytes a question. */
  constructor(
    private readonly lines: Lines,
    private readonly nodes = true,
  ) {}

  private scalar(start: number): Node {
    return this.nodes ? scalar(start) : NO_NODE;
  }

  /** How deep the reader is: deeper than any answers file or questionnaire goes is left to the full parser. */
  private depth = 0;

  /** A scalar or a one-line flow collection starting at `at` in `src` (the rest of a line); the end of what it read. */
  private inline(src: string, at: number, flow: boolean): { node: Node; value: unknown; end: number } {
    if (++this.depth > MAX_DEPTH) giveUp();
    try {
      return this.inlineValue(src, at, flow);
    } finally {
      this.depth--;
    }
  }

  private inlineValue(src: string, at: number, flow: boolean): { node: Node; value: unknown; end: number } {
    const ch = src[at];
    const base = this.offsetBase;
    // Quoted scalars: the runs between escapes are cut whole (adding one character at a time would keep a chain of
    // as many string pieces, some 30 bytes each).
    if (ch === '"') {
      let out = '';
      let k = at + 1;
      for (let run = k; ; k++) {
        if (k < src.length && src[k] !== '"' && src[k] !== '\\') continue;
        out += src.slice(run, k);
        if (k >= src.length || src[k] === '"') break;
        run = k + 2;
        const e = src[++k];
        if (e === '"' || e === '\\' || e === '/') out += e;
        else if (e === 'n') out += '\n';
        else if (e === 't') out += '\t';
        else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(k + 1, k + 5))) {
          out += String.fromCharCode(Number.parseInt(src.slice(k + 1, k + 5), 16));
          k += 4;
          run = k + 1;
        } else giveUp();
      }
      if (k >= src.length) giveUp();
      return { node: this.scalar(base + at), value: out, end: k + 1 };
    }
    if (ch === "'") {
      let out = '';
      let k = at + 1;
      for (let run = k; ; k++) {
        if (k >= src.length) giveUp();
        if (src[k] !== "'") continue;
        out += src.slice(run, k);
        if (src[k + 1] !== "'") break;
        run = ++k;
      }
      return { node: this.scalar(base + at), value: out, end: k + 1 };
    }
    if (ch === '[') {
      const seq: Node = this.nodes ? { start: base + at, items: [] } : NO_NODE;
      const value: unknown[] = [];
      let k = skipSpaces(src, at + 1);
      if (src[k] === ']') k++;
      else
        for (;;) {
          const item = this.inline(src, k, true);
          seq.items?.push(item.node);
          value.push(item.value);
          k = skipSpaces(src, item.end);
          if (src[k] === ',') k = skipSpaces(src, k + 1);
          else if (src[k] === ']') {
            k++;
            break;
          } else giveUp();
        }
      return { node: seq, value, end: k };
    }
    if (ch === '{') {
      const keys = new Map<string, { key: number; value: Node }>();
      const value: Record<string, unknown> = {};
      let k = skipSpaces(src, at + 1);
      if (src[k] === '}') k++;
      else
        for (;;) {
          const m = /^([A-Za-z0-9_][A-Za-z0-9_.-]*): +/.exec(src.slice(k));
          if (!m) return giveUp();
          const key = m[1] as string;
          if (Object.hasOwn(value, key) || !plainKey(key)) giveUp();
          const item = this.inline(src, k + m[0].length, true);
          if (this.nodes) keys.set(key, { key: base + k, value: item.node });
          value[key] = item.value;
          k = skipSpaces(src, item.end);
          if (src[k] === ',') k = skipSpaces(src, k + 1);
          else if (src[k] === '}') {
            k++;
            break;
          } else giveUp();
        }
      return { node: this.nodes ? { start: base + at, keys } : NO_NODE, value, end: k };
    }
    // A plain scalar: to the end of the line or a comment (in a flow collection, to a comma or bracket).
    let end = at;
    if (flow) {
      for (; end < src.length; end++) {
        const c = src.charCodeAt(end);
        if (c === 44 || c === 93 || c === 125 || (c === 35 && src.charCodeAt(end - 1) === 32)) break;
      }
    } else {
      // A comment starts at a # after a space.
      const hash = src.indexOf(' #', Math.max(0, at - 1));
      end = hash < 0 ? src.length : hash + 1;
    }
    // Only spaces end a plain scalar (a tab makes the reader give up): a no-break or ideographic space is part of it.
    while (end > at && src.charCodeAt(end - 1) === 32) end--;
    const raw = src.slice(at, end);
    if (raw === '' || INDICATOR.test(raw) || raw.includes(': ') || raw.endsWith(':') || (flow && /[[{]/.test(raw))) giveUp();
    const value = plainValue(raw);
    return { node: this.scalar(base + at), value, end: at + raw.length };
  }

  private offsetBase = 0;

  /** The rest of a line after a value must be spaces, then nothing or a comment after at least one of them. */
  private lineEnds(src: string, k: number): void {
    const j = skipSpaces(src, k);
    if (j < src.length && !(src.charCodeAt(j) === 35 && j > k)) giveUp();
  }

  private peek(): Line | undefined {
    return this.lines.at(this.i, this.moved.get(this.i));
  }

  /** A block mapping whose keys are at `indent`. */
  map(indent: number): { node: Node; value: Record<string, unknown> } {
    if (++this.depth > MAX_DEPTH) giveUp();
    try {
      return this.mapValue(indent);
    } finally {
      this.depth--;
    }
  }

  private mapValue(indent: number): { node: Node; value: Record<string, unknown> } {
    const keys = new Map<string, { key: number; value: Node }>();
    const value: Record<string, unknown> = {};
    for (let line = this.peek(); line && line.indent >= indent; line = this.peek()) {
      if (line.indent > indent) giveUp();
      const m = KEY.exec(line.body);
      if (!m) return giveUp();
      const key = m[1] as string;
      if (Object.hasOwn(value, key) || !plainKey(key)) giveUp();
      const keyStart = line.start + indent;
      this.i++;
      const rest = line.body.slice(m[0].length);
      const at = skipSpaces(rest, 0);
      let child: { node: Node; value: unknown };
      if (at < rest.length && !(rest[at] === '#' && at > 0)) {
        this.offsetBase = keyStart + m[0].length;
        const v = this.inline(rest, at, false);
        this.lineEnds(rest, v.end);
        child = v;
      } else {
        if (at < rest.length) giveUp(); // `key: # comment`: where the empty value sits is not worth guessing
        const next = this.peek();
        if (next && next.indent > indent) child = next.body.startsWith('-') ? this.seq(next.indent) : this.map(next.indent);
        else if (next && next.indent === indent && next.body.startsWith('-')) child = this.seq(indent);
        else child = { node: this.scalar(line.end), value: null };
      }
      if (this.nodes) keys.set(key, { key: keyStart, value: child.node });
      value[key] = child.value;
    }
    return { node: this.nodes ? { start: keys.values().next().value?.key ?? 0, keys } : NO_NODE, value };
  }

  /** A block list of scalars, one-line flow collections or mappings, whose dashes are at `indent`. */
  seq(indent: number): { node: Node; value: unknown[] } {
    const items: Node[] = [];
    const value: unknown[] = [];
    const start = (this.peek()?.start ?? 0) + indent;
    for (let line = this.peek(); line && line.indent === indent && /^-(?: |$)/.test(line.body); line = this.peek()) {
      this.i++;
      const at = skipSpaces(line.body, 1);
      if (at >= line.body.length || line.body[at] === '#') giveUp();
      if (KEY.test(line.body.slice(at))) {
        // `- key: value`: a mapping whose keys line up with this first one (questionnaires are lists of these).
        this.i--;
        this.moved.set(this.i, indent + at);
        const item = this.map(indent + at);
        if (this.nodes) items.push(item.node);
        value.push(item.value);
        continue;
      }
      this.offsetBase = line.start + indent;
      const v = this.inline(line.body, at, false);
      this.lineEnds(line.body, v.end);
      if (this.nodes) items.push(v.node);
      value.push(v.value);
    }
    return { node: this.nodes ? { start, items } : NO_NODE, value };
  }

  done(): boolean {
    return this.i >= this.lines.length;
  }
}

function skipSpaces(s: string, k: number): number {
  while (s[k] === ' ') k++;
  return k;
}

/**
 * The Source of a file read by the fast reader, or undefined when the file needs the full YAML parser (for what it
 * holds, or to report a problem with it exactly as `parseYaml` would). With `nodes` false the data is read alone,
 * and positions, when first asked for, by reading the file again.
 */
export function fastSource(file: string, bytes: Uint8Array, nodes = true): Source | undefined {
  if (bytes.length > MAX_BYTES) return undefined;
  // Bytes that are not UTF-8 are for the full parser to report; a byte-order mark is dropped, as YAML says. Decoding
  // shows each byte it cannot read as U+FFFD: only a text with that character can come from bytes that are not UTF-8.
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (text.includes('\ufffd') && !isUtf8(bytes)) return undefined;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\t') || text.includes('\r') || CONTROL_CHARS.test(text) || HOPELESS.test(text)) return undefined;
  const lines = linesOf(text);
  if (!lines || lines.length === 0 || lines.indents[0] !== 0) return undefined;
  const read = (withNodes: boolean) => {
    const reader = new Reader(lines, withNodes);
    const r = reader.map(0);
    return reader.done() ? r : undefined;
  };
  try {
    const r = read(nodes);
    if (!r) return undefined;
    let position = nodes ? positionIn(r.node, lineStarts(text)) : undefined;
    return {
      file,
      text,
      data: r.value,
      position: (path, key) => {
        position ??= positionIn((read(true) as { node: Node }).node, lineStarts(text));
        return position(path, key);
      },
    };
  } catch (e) {
    if (e instanceof GiveUp) return undefined;
    throw e;
  }
}
