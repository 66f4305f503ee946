import {
  Composer,
  type CST,
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  type Node,
  type Pair,
  Parser,
  visit,
  type YAMLMap,
  YAMLParseError,
} from 'yaml';
import { type Diagnostic, diag } from '../diagnostics.js';
import { CONTROL_CHARS, MAX_BYTES, type Path, type Source } from './source.js';

export { CONTROL_CHARS, fieldName, locate, MAX_BYTES, type Path, type Source, TEXT_CONTROL_CHARS } from './source.js';

export const MAX_ALIASES = 100;
/** What aliases may add to a file by repeating what they name: as much as the largest file kamcheck reads. */
export const MAX_EXPANSION = MAX_BYTES;

/** The tags of the YAML core schema: what a plain value would be anyway. Any other tag is refused. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));
const shortTag = (tag: string) => tag.replace(/^tag:yaml\.org,2002:/, '!!');

/**
 * Offset of the first byte that is not valid UTF-8, or -1. Overlong forms, UTF-16 surrogates and
 * code points above U+10FFFF are invalid too (RFC 3629): a decoder would silently turn them into U+FFFD.
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    // The second byte's range is narrower after E0, ED, F0 and F4.
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return -1;
}

function posOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

// Tokens the lexer adds that are not in the text: byte-order mark, document start, flow end, scalar start.
const LEXER_MARKS = new Set(['\ufeff', '\u0002', '\u0018', '\u001f']);

/**
 * Where the alias past the limit starts, found by the lexer alone: composing hundreds of thousands of aliases
 * takes the YAML library seconds and gigabytes. Run only when the text has more asterisks than aliases allowed.
 */
function aliasPastLimit(text: string): { at: number; count: number } | undefined {
  let stars = 0;
  for (let i = text.indexOf('*'); i >= 0 && stars <= MAX_ALIASES; i = text.indexOf('*', i + 1)) stars++;
  if (stars <= MAX_ALIASES) return undefined;
  let count = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token.length === 1 && LEXER_MARKS.has(token)) continue;
    if (token.startsWith('*') && ++count > MAX_ALIASES) return { at: offset, count };
    offset += token.length;
  }
  return undefined;
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  '\t': '\t',
};

type ScalarError = [at: number, code: 'BAD_DQ_ESCAPE' | 'BAD_INDENT' | 'MISSING_CHAR', message: string];

/**
 * The value of a double-quoted scalar (its source, quotes included), as the yaml library reads it, with the same
 * errors at the same places (relative to the opening quote). The library adds the value up one character at a
 * time, which V8 keeps as a chain of as many small string pieces: some 30 bytes of memory for each character of
 * the file until the value is used. Here the runs between escapes and line breaks are cut from the source whole.
 */
export function doubleQuotedValue(source: string): { value: string; errors: ScalarError[] } {
  const parts: string[] = [];
  const errors: ScalarError[] = [];
  const end = source.length - 1;
  let run = 1;
  const cut = (to: number) => {
    if (to > run) parts.push(source.slice(run, to));
  };
  let i = 1;
  for (; i < end; i++) {
    const ch = source[i];
    if (ch === '\r' && source[i + 1] === '\n') {
      cut(i);
      run = i + 1;
    } else if (ch === '\n') {
      // A line break folds into a space; n empty lines into n line breaks; the next line's indentation goes.
      cut(i);
      let fold = '';
      for (let next = source[i + 1]; next === ' ' || next === '\t' || next === '\n' || next === '\r'; next = source[i + 1]) {
        if (next === '\r' && source[i + 2] !== '\n') break;
        if (next === '\n') fold += '\n';
        i++;
      }
      parts.push(fold || ' ');
      run = i + 1;
    } else if (ch === '\\') {
      cut(i);
      const next = source[++i] as string;
      if (Object.hasOwn(ESCAPES, next)) parts.push(ESCAPES[next] as string);
      else if (next === '\n' || (next === '\r' && source[i + 1] === '\n')) {
        // An escaped line break joins the lines, without the next one's indentation.
        if (next === '\r') i++;
        while (source[i + 1] === ' ' || source[i + 1] === '\t') i++;
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const hex = source.substr(i + 1, length);
        const code = hex.length === length && /^[0-9a-fA-F]+$/.test(hex) ? Number.parseInt(hex, 16) : Number.NaN;
        if (Number.isInteger(code) && code <= 0x10ffff) parts.push(String.fromCodePoint(code));
        else {
          const raw = source.substr(i - 1, length + 2);
          errors.push([i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`]);
          parts.push(raw);
        }
        i += length;
      } else {
        const raw = source.substr(i - 1, 2);
        errors.push([i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`]);
        parts.push(raw);
      }
      run = i + 1;
    } else if (ch === ' ' || ch === '\t') {
      // Spaces at the end of a line go; others stay in the run.
      const from = i;
      while (source[i + 1] === ' ' || source[i + 1] === '\t') i++;
      const next = source[i + 1];
      if (next === '\n' || (next === '\r' && source[i + 2] === '\n')) {
        cut(from);
        run = i + 1;
      }
    }
  }
  cut(Math.min(i, end));
  if (source[end] !== '"' || source.length === 1) errors.push([source.length, 'MISSING_CHAR', 'Missing closing "quote']);
  return { value: parts.join(''), errors };
}

/** Pieces of a value, joined every few thousand so that neither the list nor a chain of string pieces grows long. */
class Pieces {
  private parts: string[] = [];
  private done: string[] = [];
  private newlines = 0;
  last = '';
  add(s: string): void {
    if (s === '') return;
    this.last = s[s.length - 1] as string;
    // Runs of empty lines come one line break at a time: counted, then added as one piece.
    if (s === '\n') {
      this.newlines++;
      return;
    }
    if (this.newlines > 0) this.flushNewlines();
    this.parts.push(s);
    if (this.parts.length >= 4096) {
      this.done.push(this.parts.join(''));
      this.parts = [];
    }
  }
  private flushNewlines(): void {
    this.parts.push('\n'.repeat(this.newlines));
    this.newlines = 0;
  }
  join(): string {
    if (this.newlines > 0) this.flushNewlines();
    return this.done.join('') + this.parts.join('');
  }
}

/**
 * The value of a block scalar (`|` or `>`) as the yaml library reads it, with the same errors (relative to the
 * header), or undefined for a header it would not take. The library splits the text into a pair of strings for
 * each line and adds the value up line by line: for a few million short or empty lines, gigabytes.
 */
export function blockScalarValue(token: CST.BlockScalar, atRoot: boolean): { value: string; errors: ScalarError[] } | undefined {
  const header = token.props[0];
  if (header?.type !== 'block-scalar-header') return undefined;
  const folded = header.source[0] === '>';
  let explicit = 0;
  let chomp = '';
  for (const ch of header.source.slice(1)) {
    if (!chomp && (ch === '-' || ch === '+')) chomp = ch;
    else if (!explicit && Number(ch)) explicit = Number(ch);
  }
  let headerLength = 0;
  for (const t of token.props) {
    const text = (t as { source?: unknown }).source;
    headerLength += typeof text === 'string' ? text.length : 0;
  }
  const { source } = token;
  const errors: ScalarError[] = [];
  // Where each line starts; a line is its indentation (spaces) and its content (the rest, up to the line break).
  let n = source === '' ? 0 : 1;
  for (let k = source.indexOf('\n'); k >= 0; k = source.indexOf('\n', k + 1)) n++;
  const starts = new Int32Array(n + 1);
  for (let i = 1, k = source.indexOf('\n'); k >= 0; k = source.indexOf('\n', k + 1)) starts[i++] = k + 1;
  starts[n] = source.length + 1;
  const indentOf = (i: number) => {
    let k = starts[i] as number;
    const end = (starts[i + 1] as number) - 1;
    while (k < end && source.charCodeAt(k) === 32) k++;
    return k - (starts[i] as number);
  };
  const isEmpty = (i: number) => {
    const from = (starts[i] as number) + indentOf(i);
    const end = (starts[i + 1] as number) - 1;
    return from === end || (from === end - 1 && source[from] === '\r');
  };
  let chompStart = n;
  for (let i = n - 1; i >= 0 && isEmpty(i); i--) chompStart = i;
  if (chompStart === 0) return { value: chomp === '+' && n > 0 ? '\n'.repeat(Math.max(1, n - 1)) : '', errors };
  // Offsets of errors, relative to the header as the library gives them.
  const base = headerLength;
  let trimIndent = token.indent + explicit;
  let contentStart = 0;
  for (let i = 0; i < chompStart; i++) {
    const indent = indentOf(i);
    if (isEmpty(i)) {
      if (explicit === 0 && indent > trimIndent) trimIndent = indent;
      continue;
    }
    const at = base + (starts[i] as number);
    if (indent < trimIndent) {
      const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
      errors.push([at + indent, 'MISSING_CHAR', message]);
    }
    if (explicit === 0) trimIndent = indent;
    contentStart = i;
    if (trimIndent === 0 && !atRoot) errors.push([at, 'BAD_INDENT', 'Block scalar values in collections must be indented']);
    break;
  }
  // Trailing empty lines indented more than the content are content.
  for (let i = n - 1; i >= chompStart; i--) {
    if (indentOf(i) > trimIndent) {
      chompStart = i + 1;
      break;
    }
  }
  const out = new Pieces();
  // The spaces of a line past the indentation trimmed.
  const extra = (i: number, indent: number) =>
    source.slice((starts[i] as number) + trimIndent, (starts[i] as number) + Math.max(trimIndent, indent));
  for (let i = 0; i < contentStart; i++) {
    out.add(extra(i, indentOf(i)));
    out.add('\n');
  }
  let sep = '';
  let prevMoreIndented = false;
  for (let i = contentStart; i < chompStart; i++) {
    let indent = indentOf(i);
    const end = (starts[i + 1] as number) - 1;
    let content = source.slice((starts[i] as number) + indent, end);
    if (content.endsWith('\r')) content = content.slice(0, -1);
    if (content && indent < trimIndent) {
      const what = explicit ? 'explicit indentation indicator' : 'first line';
      errors.push([base + (starts[i] as number) + indent, 'BAD_INDENT', `Block scalar lines must not be less indented than their ${what}`]);
      indent = 0;
    }
    if (!folded) {
      out.add(sep);
      out.add(extra(i, indent));
      out.add(content);
      sep = '\n';
    } else if (indent > trimIndent || content[0] === '\t') {
      // More-indented lines of a folded scalar keep their line breaks.
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      out.add(sep);
      out.add(extra(i, indent));
      out.add(content);
      sep = '\n';
      prevMoreIndented = true;
    } else if (content === '') {
      if (sep === '\n') out.add('\n');
      else sep = '\n';
    } else {
      out.add(sep);
      out.add(content);
      sep = ' ';
      prevMoreIndented = false;
    }
  }
  if (chomp === '+') {
    for (let i = chompStart; i < n; i++) {
      out.add('\n');
      out.add(extra(i, indentOf(i)));
    }
    if (out.last !== '\n') out.add('\n');
  } else if (chomp === '') out.add('\n');
  return { value: out.join(), errors };
}

/**
 * Before the document is composed: every double-quoted scalar and block scalar is read here (doubleQuotedValue,
 * blockScalarValue) and handed to the composer as a scalar of the same length that the library reads in one
 * piece: a single-quoted one, a block of spaces. The values are put back once composed (`restoreScalars`). Keys
 * that span lines and tagged values are left to the library, which checks the one and converts the other.
 */
/** A scalar read before composing: its value, and the errors the library would have reported on composing it. */
interface ReadScalar {
  value: string;
  errors: YAMLParseError[];
}

function readScalars(top: CST.Token, values: Map<number, ReadScalar>): void {
  const hasTag = (tokens: readonly CST.Token[] | undefined) => tokens?.some((t) => t.type === 'tag') ?? false;
  const found = (token: CST.Token, value: string, problems: ScalarError[]) => {
    const errors = problems.map(([at, code, message]) => new YAMLParseError([token.offset + at, token.offset + at + 1], code, message));
    values.set(token.offset, { value, errors });
  };
  const read = (token: CST.Token | null | undefined, key: boolean, atRoot: boolean, props: () => boolean) => {
    // V8 copies short strings whole: nothing to gain.
    if (!token || (token.type !== 'double-quoted-scalar' && token.type !== 'block-scalar') || token.source.length < 16) return;
    if ((key && token.source.includes('\n')) || props()) return;
    if (token.type === 'block-scalar') {
      const block = blockScalarValue(token, atRoot);
      if (!block) return;
      found(token, block.value, block.errors);
      token.source = ' '.repeat(token.source.length);
      return;
    }
    const { source } = token;
    const quoted = doubleQuotedValue(source);
    found(token, quoted.value, quoted.errors);
    (token as { type: string }).type = 'single-quoted-scalar';
    token.source = `'${'x'.repeat(source.length - 2)}'`;
  };
  if (top.type === 'document') read(top.value, false, true, () => hasTag(top.start));
  const stack: CST.Token[] = [];
  const push = (token: CST.Token | null | undefined) => {
    if (token?.type === 'block-map' || token?.type === 'block-seq' || token?.type === 'flow-collection') stack.push(token);
  };
  push(top.type === 'document' ? top.value : top);
  for (let token = stack.pop(); token; token = stack.pop()) {
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    for (const it of token.items) {
      const tagged = () => hasTag(it.start) || hasTag(it.sep);
      if (it.key) {
        read(it.key, true, false, tagged);
        push(it.key);
      }
      read(it.value, false, false, tagged);
      push(it.value);
    }
  }
}

/**
 * Put back the values of the scalars that `readScalars` read, and return their errors: only of those the composer
 * made into nodes (it leaves out some tokens of a broken collection, and reports nothing about them).
 */
function restoreScalars(doc: Document.Parsed, values: Map<number, ReadScalar>): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  visit(doc, {
    Scalar(_, node) {
      const read = values.get(node.range?.[0] ?? -1);
      if (read === undefined) return;
      if (node.type === 'QUOTE_SINGLE') node.type = 'QUOTE_DOUBLE';
      else if (node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED') return;
      node.value = read.value;
      node.source = read.value;
      errors.push(...read.errors);
    },
  });
  return errors;
}

/**
 * The yaml library's LineCounter in 4 bytes a line, where the library's takes 12 and more while it grows: a file
 * of empty lines has millions of them.
 */
export class CompactLineCounter extends LineCounter {
  private starts = new Int32Array(1024);
  private count = 0;
  override addNewLine = (offset: number): number => {
    if (this.count === this.starts.length) {
      const larger = new Int32Array(this.starts.length * 2);
      larger.set(this.starts);
      this.starts = larger;
    }
    this.starts[this.count++] = offset;
    return this.count;
  };
  override linePos = (offset: number): { line: number; col: number } => {
    const starts = this.starts;
    let low = 0;
    let high = this.count;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((starts[mid] as number) < offset) low = mid + 1;
      else high = mid;
    }
    if (low < this.count && starts[low] === offset) return { line: low + 1, col: 1 };
    if (low === 0) return { line: 0, col: offset };
    return { line: low, col: offset - (starts[low - 1] as number) + 1 };
  };
}

/** The yaml library's parseDocument, with double-quoted and block scalars read by `readScalars`. */
export function compose(text: string, lineCounter: LineCounter): Document.Parsed {
  const parser = new Parser(lineCounter.addNewLine);
  const composer = new Composer({ uniqueKeys: false, version: '1.2' });
  const read = new Map<number, ReadScalar>();
  // Without a double quote or a block scalar header in the text there is nothing to read before composing.
  const any = /["|>]/.test(text);
  function* tokens() {
    for (const token of parser.parse(text)) {
      if (any) readScalars(token, read);
      yield token;
    }
  }
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens(), true, text.length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  // compose() always makes a document at the end, an empty one for an empty text.
  const parsed = doc as Document.Parsed;
  if (read.size > 0) parsed.errors.push(...restoreScalars(parsed, read));
  return parsed;
}

/** Parse one YAML document into plain data, or return the reasons it cannot be read. */
export function parseYaml(file: string, bytes: Uint8Array): { source?: Source; diagnostics: Diagnostic[] } {
  const at1 = { file, line: 1, column: 1 };
  // The reader stops one byte past the limit, so the size itself is not known: only that it is too much.
  if (bytes.length > MAX_BYTES) return { diagnostics: [diag('file-too-large', { max: MAX_BYTES / 1048576 }, at1)] };
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const before = new TextDecoder().decode(bytes.subarray(0, bad)).replace(/^\uFEFF/, '');
    return {
      diagnostics: [diag('not-utf8', { byte: `0x${(bytes[bad] as number).toString(16)}` }, { file, ...posOf(before, before.length) })],
    };
  }
  let text = new TextDecoder().decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const ctl = CONTROL_CHARS.exec(text);
  if (ctl) {
    const code = `U+${(ctl[0].codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`;
    return { diagnostics: [diag('control-char', { char: code }, { file, ...posOf(text, ctl.index) })] };
  }
  if (text.trim() === '') return { diagnostics: [diag('empty-file', {}, at1)] };
  // A carriage return alone ends a line for old Mac editors but not for YAML: the parser would see one long line.
  const cr = /\r(?!\n)/.exec(text);
  if (cr) return { diagnostics: [diag('lone-cr', {}, { file, ...posOf(text, cr.index) })] };

  const tooMany = aliasPastLimit(text);
  if (tooMany)
    return { diagnostics: [diag('too-many-aliases', { count: tooMany.count, max: MAX_ALIASES }, { file, ...posOf(text, tooMany.at) })] };

  const lineCounter = new CompactLineCounter();
  const doc = compose(text, lineCounter);
  const where = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { file, line: p.line, column: p.col };
  };
  if (doc.errors.length > 0) {
    // The parser runs out of stack on absurdly deep nesting: a limit, not a syntax error. Where the stack ends
    // depends on the engine's state, so the error may come under another code and at several levels; keep one.
    const isDeep = (e: (typeof doc.errors)[number]) => e.code === 'RESOURCE_EXHAUSTION' || /call stack/i.test(e.message);
    const deep = doc.errors.findIndex(isDeep);
    return {
      diagnostics: doc.errors
        .filter((e, i) => !isDeep(e) || i === deep)
        .map((e) => {
          if (e.code === 'MULTIPLE_DOCS') return diag('multiple-documents', {}, where(e.pos[0]));
          if (isDeep(e)) return diag('too-deep', {}, where(e.pos[0]));
          const message = e.message.replace(/\s+at line \d+, column \d+[\s\S]*$/, '').trim();
          return diag('yaml-syntax', { message }, where(e.pos[0]));
        }),
    };
  }
  const root = doc.contents;
  if (!root || (isScalar(root) && (root.value === null || root.value === undefined))) {
    return { diagnostics: [diag('empty-file', {}, at1)] };
  }
  if (!isMap(root)) {
    return { diagnostics: [diag('not-a-mapping', { found: isSeq(root) ? 'list' : 'scalar' }, where(root.range?.[0] ?? 0))] };
  }
  let aliases = 0;
  let firstAlias = 0;
  let overLimit = 0;
  // Each alias repeats the text of what it names: a few aliases of one large string can make a huge document.
  let expansion = 0;
  let overExpansion = -1;
  const structural: Diagnostic[] = [];
  // The size of a node once its aliases are replaced by what they name; an alias inside what it names never ends.
  const sizes = new Map<Node, number>();
  const length = (n: Node) => (n.range?.[1] ?? 0) - (n.range?.[0] ?? 0);
  const sizeOf = (n: Node): number => {
    const known = sizes.get(n);
    if (known !== undefined) return known;
    sizes.set(n, Number.POSITIVE_INFINITY);
    let size = length(n);
    visit(n, {
      Alias(_, a) {
        const t = a.resolve(doc);
        if (t) size += sizeOf(t) - length(a);
        return size > MAX_EXPANSION ? visit.BREAK : undefined;
      },
    });
    sizes.set(n, size);
    return size;
  };
  const tagged = (node: Node) => {
    const tag = (node as { tag?: string }).tag;
    if (tag !== undefined && !CORE_TAGS.has(tag)) structural.push(diag('yaml-tag', { tag: shortTag(tag) }, where(node.range?.[0] ?? 0)));
  };
  visit(doc, {
    Alias(_, node) {
      aliases++;
      if (aliases === 1) firstAlias = node.range?.[0] ?? 0;
      // Past the limit the file is refused: stop, since resolving an alias walks the document.
      if (aliases === MAX_ALIASES + 1) {
        overLimit = node.range?.[0] ?? 0;
        return visit.BREAK;
      }
      const target = node.resolve(doc);
      if (!target) structural.push(diag('unknown-alias', { name: node.source }, where(node.range?.[0] ?? 0)));
      else {
        expansion += sizeOf(target) - length(node);
        if (expansion > MAX_EXPANSION && overExpansion < 0) overExpansion = node.range?.[0] ?? 0;
      }
      return undefined;
    },
    Scalar: (_, node) => tagged(node),
    Map: (_, node) => {
      tagged(node);
      // Duplicate keys, found here with one set per mapping: the parser's own check compares every pair of keys.
      const first = new Map<string, Node>();
      for (const p of node.items) {
        if (!isScalar(p.key) || p.key.value === null) continue;
        const k = String(p.key.value);
        const before = first.get(k);
        if (!before) first.set(k, p.key);
        else structural.push(diag('duplicate-key', { key: k, line: where(before.range?.[0] ?? 0).line }, where(p.key.range?.[0] ?? 0)));
      }
    },
    Seq: (_, node) => tagged(node),
    Pair(_, pair) {
      // Keys become object keys: a list or mapping as a key would be silently turned into text.
      const key = pair.key as Node | null;
      if (key && !isScalar(key)) structural.push(diag('complex-key', {}, where(key.range?.[0] ?? 0)));
      // A missing key (`: 4`, `null: 4`) has no name to report, and __proto__ would set an object's prototype.
      else if (!key || key.value === null || key.value === '')
        structural.push(diag('empty-key', {}, where(key?.range?.[0] ?? (pair.value as Node | null)?.range?.[0] ?? 0)));
      else if (key.value === '__proto__') structural.push(diag('reserved-key', { key: '__proto__' }, where(key.range?.[0] ?? 0)));
    },
  });
  if (aliases > MAX_ALIASES) {
    return { diagnostics: [diag('too-many-aliases', { count: aliases, max: MAX_ALIASES }, where(overLimit))] };
  }
  if (structural.length > 0) return { diagnostics: structural };
  if (overExpansion >= 0) {
    return { diagnostics: [diag('alias-size', { max: MAX_EXPANSION / 1048576 }, where(overExpansion))] };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch {
    // The yaml library refuses alias expansions that grow exponentially.
    return { diagnostics: [diag('alias-expansion', { max: MAX_ALIASES }, where(firstAlias))] };
  }
  return {
    source: {
      file,
      text,
      data: data as Record<string, unknown>,
      position: positionIn(root, lineCounter, (n) => (isAlias(n) ? (n.resolve(doc) as Node | undefined) : n)),
    },
    diagnostics: [],
  };
}

// Each mapping's entries by key, built once: finding thousands of keys in one mapping stays linear.
const keyIndex = new WeakMap<YAMLMap, Map<string, Pair>>();
function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let index = keyIndex.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) if (isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p as Pair);
    keyIndex.set(map, index);
  }
  return index.get(key);
}

/** Source.position over the yaml library's nodes. */
const positionIn =
  (root: Node, lineCounter: LineCounter, resolveAlias: (n: Node) => Node | undefined) =>
  (path: Path, key: boolean): { line: number; column: number } => {
    let node: Node | undefined = root;
    let best = node.range?.[0] ?? 0;
    for (let i = 0; i < path.length; i++) {
      const step = path[i];
      if (node && isAlias(node)) node = resolveAlias(node);
      if (!node) break;
      let next: Node | undefined;
      if (isMap(node)) {
        const pair = pairOf(node, String(step));
        if (!pair) break;
        const keyNode = pair.key as Node;
        if (key && i === path.length - 1) {
          best = keyNode.range?.[0] ?? best;
          break;
        }
        next = (pair.value as Node | null) ?? undefined;
        if (!next) {
          best = keyNode.range?.[0] ?? best;
          break;
        }
      } else if (isSeq(node) && typeof step === 'number') {
        next = (node.items[step] as Node | undefined) ?? undefined;
      }
      if (!next) break;
      node = next;
      best = node.range?.[0] ?? best;
    }
    const p = lineCounter.linePos(best);
    return { line: p.line, column: p.col };
  };
