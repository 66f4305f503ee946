import { isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, visit } from 'yaml';
import { type Diagnostic, diag } from '../diagnostics.js';

export const MAX_BYTES = 5 * 1024 * 1024;
export const MAX_ALIASES = 100;

/** A parsed YAML file that still knows where each value came from. */
export interface Source {
  file: string;
  text: string;
  data: Record<string, unknown>;
  root: Node;
  lineCounter: LineCounter;
  resolveAlias: (n: Node) => Node | undefined;
}

export type Path = readonly (string | number)[];

// C0 controls other than tab, LF and CR; DEL; C1 controls: they can rewrite a terminal. Bidirectional
// embeddings, overrides and isolates (U+202A–202E, U+2066–2069): they can make a report read other than it is.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
export const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

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

/** Parse one YAML document into plain data, or return the reasons it cannot be read. */
export function parseYaml(file: string, bytes: Uint8Array): { source?: Source; diagnostics: Diagnostic[] } {
  const at1 = { file, line: 1, column: 1 };
  if (bytes.length > MAX_BYTES) {
    // Rounded up, so that a file just over the limit never reads as "5.0 MB" against a 5 MB limit.
    const size = (Math.ceil((bytes.length / 1048576) * 10) / 10).toFixed(1);
    return { diagnostics: [diag('file-too-large', { size, max: MAX_BYTES / 1048576 }, at1)] };
  }
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

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, version: '1.2' });
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
          if (e.code === 'DUPLICATE_KEY') return duplicateKey(doc.contents, e.pos[0], where);
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
  const structural: Diagnostic[] = [];
  visit(doc, {
    Alias(_, node) {
      aliases++;
      if (aliases === 1) firstAlias = node.range?.[0] ?? 0;
      if (aliases === MAX_ALIASES + 1) overLimit = node.range?.[0] ?? 0;
      if (!node.resolve(doc)) structural.push(diag('unknown-alias', { name: node.source }, where(node.range?.[0] ?? 0)));
    },
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
      root,
      lineCounter,
      resolveAlias: (n) => (isAlias(n) ? (n.resolve(doc) as Node | undefined) : n),
    },
    diagnostics: [],
  };
}

/** "duplicate key" naming the key and where it was first given. */
function duplicateKey(
  root: Node | null,
  offset: number,
  where: (offset: number) => { file: string; line: number; column: number },
): Diagnostic {
  let found: Diagnostic | undefined;
  visit(root, {
    Map(_, map) {
      const i = map.items.findIndex((p) => (p.key as Node | null)?.range?.[0] === offset);
      const dup = map.items[i]?.key;
      if (i < 0 || !isScalar(dup)) return undefined;
      const first = map.items.find((p) => isScalar(p.key) && p.key.value === dup.value)?.key as Node;
      found = diag('duplicate-key', { key: String(dup.value), line: where(first.range?.[0] ?? 0).line }, where(offset));
      return visit.BREAK;
    },
  });
  return found ?? diag('duplicate-key', { key: '', line: '' }, where(offset));
}

/** The name of the field at `path`, for messages: its last key (list positions are skipped). */
export function fieldName(path: Path): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return String(path[i]);
  return '';
}

/** Line and column of the node at `path`; with `key`, of the key naming the last step. Falls back to the nearest ancestor. */
export function locate(source: Source, path: Path, key = false): { file: string; line: number; column: number } {
  let node: Node | undefined = source.root;
  let best = node.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    if (node && isAlias(node)) node = source.resolveAlias(node);
    if (!node) break;
    let next: Node | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
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
  const p = source.lineCounter.linePos(best);
  return { file: source.file, line: p.line, column: p.col };
}
