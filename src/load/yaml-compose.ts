import { Composer, type CST, type Document, LineCounter, Parser, visit, YAMLParseError } from 'yaml';
import { blockScalarValue, doubleQuotedValue, type ScalarError } from './yaml-scalars.js';

// The yaml library's parse, with the scalars that make it slow and large read here instead: a double-quoted or
// block scalar is built in runs rather than one character at a time (src/load/yaml-scalars.ts), and lines are
// counted in a compact table. src/load/yaml.ts reads files with it; tests/hostile.test.ts holds it to
// the library's values and errors.

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
