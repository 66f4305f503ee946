import type { CST } from 'yaml';

// Double-quoted and block scalars read as the yaml library reads them, with the same errors, but built in runs
// rather than one character at a time (some 30 bytes of memory a character there). src/load/yaml-compose.ts hands
// their values to the library's composer.

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

export type ScalarError = [at: number, code: 'BAD_DQ_ESCAPE' | 'BAD_INDENT' | 'MISSING_CHAR', message: string];

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
