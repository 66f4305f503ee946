import { type Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { CONTROL_CHARS, CompactLineCounter, MAX_BYTES, type Source } from './yaml.js';

// A reader for the plain YAML that answers files and questionnaires are made of: block mappings indented with
// spaces, one-line scalars, one-line flow lists and mappings, block lists of scalars and of mappings, comments. It
// builds the same data and the same node positions as the `yaml` library does for such a file, several times
// faster, which matters when a team report reads ten thousand files. Anything else (anchors, tags, multi-line
// scalars, tabs, CRLF, escapes it does not know, duplicate keys, …) makes it give up and the caller reads the file
// with `yaml` as usual.

class GiveUp extends Error {}
const giveUp = (): never => {
  throw new GiveUp();
};

const KEY = /^([A-Za-z0-9_][A-Za-z0-9_.-]*):(?= |$)/;
// YAML 1.2 core schema, as the `yaml` library resolves plain scalars.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const TRUE = /^(?:[Tt]rue|TRUE)$/;
const FALSE = /^(?:[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const OTHER_NUMBER = /^(?:0o|0x|[-+]?\.(?:inf|Inf|INF)$|\.(?:nan|NaN|NAN)$)/;
// A plain scalar may not start with an indicator (a minus or dot before a digit is a number).
const INDICATOR = /^(?:[?:,[\]{}#&*!|>'"%@`]|-(?![0-9.])|\.(?![0-9]))/;
const DECODER = new TextDecoder('utf-8', { fatal: true });
// A value that starts a block scalar, an anchor, an alias or a tag: given up on before the lines are split (a block
// scalar can be millions of lines). Text that only looks so (in a quoted string) is read by the full parser.
const HOPELESS = /(?:^|[:-]) +[|>&*!]/m;

function plainValue(s: string): unknown {
  if (NULL.test(s)) return null;
  if (TRUE.test(s)) return true;
  if (FALSE.test(s)) return false;
  if (OTHER_NUMBER.test(s)) giveUp();
  if (INT.test(s) || FLOAT.test(s)) {
    const n = Number(s);
    if (!Number.isSafeInteger(n) && INT.test(s)) giveUp();
    return n;
  }
  return s;
}

/** A key that the yaml library turns into the same object key: not null, not a number written another way (`1.0`, `True`). */
const plainKey = (key: string): boolean => {
  const v = plainValue(key);
  return key !== '__proto__' && v !== null && String(v) === key;
};

const scalar = (value: unknown, start: number, end: number): Scalar => {
  const node = new Scalar(value);
  node.range = [start, end, end];
  return node;
};

interface Line {
  start: number;
  /** Where the line ends, trailing spaces included. */
  end: number;
  indent: number;
  /** The text after the indentation. */
  body: string;
}

// What a reader of data only gives for every node (see fastSource's `nodes`).
const NO_MAP = new YAMLMap();
const NO_SEQ = new YAMLSeq();

class Reader {
  private i = 0;
  /** With `nodes` false the data only is built: a questionnaire's nodes take some 2 kB a question. */
  constructor(
    private readonly lines: Line[],
    private readonly nodes = true,
  ) {}

  private scalar(value: unknown, start: number, end: number): Node {
    return this.nodes ? scalar(value, start, end) : NO_MAP;
  }

  /** A scalar or a one-line flow collection starting at `at` in `src` (the rest of a line); the end of what it read. */
  private inline(src: string, at: number, flow: boolean): { node: Node; value: unknown; end: number } {
    const ch = src[at];
    const base = this.offsetBase;
    // Quoted scalars: the runs between escapes are cut whole (adding one character at a time would keep a chain of
    // as many string pieces, some 30 bytes each, as in yaml.ts's doubleQuotedValue).
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
      return { node: this.scalar(out, base + at, base + k + 1), value: out, end: k + 1 };
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
      return { node: this.scalar(out, base + at, base + k + 1), value: out, end: k + 1 };
    }
    if (ch === '[') {
      const seq = this.nodes ? new YAMLSeq() : NO_SEQ;
      const value: unknown[] = [];
      let k = skipSpaces(src, at + 1);
      if (src[k] === ']') k++;
      else
        for (;;) {
          const item = this.inline(src, k, true);
          if (this.nodes) seq.items.push(item.node);
          value.push(item.value);
          k = skipSpaces(src, item.end);
          if (src[k] === ',') k = skipSpaces(src, k + 1);
          else if (src[k] === ']') {
            k++;
            break;
          } else giveUp();
        }
      if (this.nodes) seq.range = [base + at, base + k, base + k];
      return { node: seq, value, end: k };
    }
    if (ch === '{') {
      const map = this.nodes ? new YAMLMap() : NO_MAP;
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
          if (this.nodes) map.items.push(new Pair(scalar(key, base + k, base + k + key.length), item.node));
          value[key] = item.value;
          k = skipSpaces(src, item.end);
          if (src[k] === ',') k = skipSpaces(src, k + 1);
          else if (src[k] === '}') {
            k++;
            break;
          } else giveUp();
        }
      if (this.nodes) map.range = [base + at, base + k, base + k];
      return { node: map, value, end: k };
    }
    // A plain scalar: to the end of the line or a comment (in a flow collection, to a comma or bracket).
    let end = at;
    while (end < src.length && !(flow && /[,\]}]/.test(src[end] as string)) && !(src[end] === '#' && src[end - 1] === ' ')) end++;
    const raw = src.slice(at, end).trimEnd();
    if (raw === '' || INDICATOR.test(raw) || raw.includes(': ') || raw.endsWith(':') || (flow && /[[{]/.test(raw))) giveUp();
    const value = plainValue(raw);
    return { node: this.scalar(value, base + at, base + at + raw.length), value, end: at + raw.length };
  }

  private offsetBase = 0;

  /** The rest of a line after a value must be empty or a comment. */
  private lineEnds(src: string, k: number): void {
    const rest = src.slice(k).trimStart();
    if (rest !== '' && !(rest.startsWith('#') && (k === src.length || /\s/.test(src[k] as string)))) giveUp();
  }

  private peek(): Line | undefined {
    return this.lines[this.i];
  }

  /** A block mapping whose keys are at `indent`. */
  map(indent: number): { node: YAMLMap; value: Record<string, unknown> } {
    const node = this.nodes ? new YAMLMap() : NO_MAP;
    const value: Record<string, unknown> = {};
    for (let line = this.peek(); line && line.indent >= indent; line = this.peek()) {
      if (line.indent > indent) giveUp();
      const m = KEY.exec(line.body);
      if (!m) return giveUp();
      const key = m[1] as string;
      if (Object.hasOwn(value, key) || !plainKey(key)) giveUp();
      const keyStart = line.start + indent;
      const keyNode = this.scalar(key, keyStart, keyStart + key.length);
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
        else child = { node: this.scalar(null, line.end, line.end), value: null };
      }
      if (this.nodes) node.items.push(new Pair(keyNode, child.node));
      value[key] = child.value;
    }
    const first = node.items[0]?.key as Scalar | undefined;
    if (this.nodes) node.range = [first?.range?.[0] ?? 0, 0, 0];
    return { node, value };
  }

  /** A block list of scalars, one-line flow collections or mappings, whose dashes are at `indent`. */
  seq(indent: number): { node: YAMLSeq; value: unknown[] } {
    const node = this.nodes ? new YAMLSeq() : NO_SEQ;
    const value: unknown[] = [];
    const start = (this.peek()?.start ?? 0) + indent;
    for (let line = this.peek(); line && line.indent === indent && /^-(?: |$)/.test(line.body); line = this.peek()) {
      this.i++;
      const at = skipSpaces(line.body, 1);
      if (at >= line.body.length || line.body[at] === '#') giveUp();
      if (KEY.test(line.body.slice(at))) {
        // `- key: value`: a mapping whose keys line up with this first one (questionnaires are lists of these).
        this.lines[--this.i] = { ...line, indent: indent + at, body: line.body.slice(at) };
        const item = this.map(indent + at);
        if (this.nodes) node.items.push(item.node);
        value.push(item.value);
        continue;
      }
      this.offsetBase = line.start + indent;
      const v = this.inline(line.body, at, false);
      this.lineEnds(line.body, v.end);
      if (this.nodes) node.items.push(v.node);
      value.push(v.value);
    }
    if (this.nodes) node.range = [start, 0, 0];
    return { node, value };
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
 * The Source of an answers file read by the fast reader, or undefined when the file needs the full YAML parser
 * (for what it holds, or to report a problem with it exactly as `parseYaml` would). With `nodes` false, the data
 * only: the Source has an empty root, for a caller that reads the file again to report any problem.
 */
export function fastSource(file: string, bytes: Uint8Array, nodes = true): Source | undefined {
  if (bytes.length > MAX_BYTES) return undefined;
  let text: string;
  try {
    text = DECODER.decode(bytes);
  } catch {
    return undefined;
  }
  if (text.includes('\t') || text.includes('\r') || CONTROL_CHARS.test(text) || HOPELESS.test(text)) return undefined;
  const lineCounter = new CompactLineCounter();
  lineCounter.addNewLine(0);
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    else lineCounter.addNewLine(end + 1);
    const raw = text.slice(start, end);
    const body = raw.trimStart();
    // Blank and comment lines carry nothing; document markers and directives are left to the full parser.
    if (body.startsWith('---') || body.startsWith('...') || (raw.startsWith('%') && start === 0)) return undefined;
    if (body !== '' && !body.startsWith('#')) lines.push({ start, end, indent: raw.length - body.length, body: body.trimEnd() });
    start = end + 1;
  }
  if (lines.length === 0 || (lines[0] as Line).indent !== 0) return undefined;
  try {
    const reader = new Reader(lines, nodes);
    const { node, value } = reader.map(0);
    if (!reader.done()) return undefined;
    return { file, text, data: value, root: node, lineCounter, resolveAlias: (n) => n };
  } catch (e) {
    if (e instanceof GiveUp) return undefined;
    throw e;
  }
}
