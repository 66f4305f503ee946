import { isAlias, isMap, isScalar, isSeq, Lexer, type LineCounter, type Node, type Pair, visit, type YAMLMap } from 'yaml';
import { type Diagnostic, diag } from '../diagnostics.js';
import { CONTROL_CHARS, MAX_BYTES, type Path, type Source } from './source.js';
import { CompactLineCounter, compose } from './yaml-compose.js';

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
