// Reading the docs' markdown: code blocks with their marks, checked tables, and the arithmetic written in cells.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';

// ── Reading markdown ────────────────────────────────────────────────────────────────────────────────

export interface Block {
  lang: string;
  text: string;
  line: number;
  /** The HTML comments right before the fence, e.g. `invalid`, `file: demo.yaml`. */
  marks: string[];
}

export function marksBefore(lines: string[], index: number): string[] {
  const marks: string[] = [];
  for (let k = index - 1; k >= 0; k--) {
    const line = (lines[k] ?? '').trim();
    if (line === '') continue;
    const m = /^<!--\s*(.*?)\s*-->$/.exec(line);
    if (!m) break;
    marks.unshift(m[1] as string);
  }
  return marks;
}

export function codeBlocks(md: string): Block[] {
  const lines = md.split('\n');
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i] ?? '');
    if (!open) continue;
    let j = i + 1;
    while (j < lines.length && lines[j] !== '```') j++;
    out.push({ lang: open[1] ?? '', text: `${lines.slice(i + 1, j).join('\n')}\n`, line: i + 1, marks: marksBefore(lines, i) });
    i = j;
  }
  return out;
}

export const fileName = (b: Block) => b.marks.find((m) => m.startsWith('file: '))?.slice('file: '.length);
export const isInvalid = (b: Block) => b.marks.includes('invalid');

export const cellsOf = (line: string) =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());

/** The table after `<!-- check: MARK -->`, as rows keyed by header (emphasis stripped from headers). */
export function table(md: string, mark: string): Record<string, string>[] {
  const lines = md.split('\n');
  let i = lines.findIndex((l) => l.trim() === `<!-- check: ${mark} -->`);
  if (i < 0) throw new Error(`no table marked "${mark}"`);
  i++;
  while ((lines[i] ?? '').trim() === '') i++;
  const rows: string[][] = [];
  while ((lines[i] ?? '').startsWith('|')) rows.push(cellsOf(lines[i++] as string));
  const [head, , ...body] = rows;
  if (!head || body.length === 0) throw new Error(`table "${mark}" is empty`);
  const keys = head.map((h) => h.replace(/\*/g, ''));
  return body.map((r) => {
    expect(r, `a row of table "${mark}"`).toHaveLength(keys.length);
    return Object.fromEntries(keys.map((k, n) => [k, r[n] ?? '']));
  });
}

export const checkMarks = (md: string) => [...md.matchAll(/<!-- check: (.+?) -->/g)].map((m) => m[1] as string);
export const unquote = (cell: string) => cell.replace(/^`(.*)`$/, '$1');

// ── Arithmetic as written in the docs: numbers, + − × · /, parentheses and min(…) ─────────────────────

export const EXPRESSION = /^(?:min|[\d\s.+\-−×·*/(),])+$/;

export function evaluateExpression(src: string): number {
  const tokens =
    src
      .replace(/−/g, '-')
      .replace(/[×·]/g, '*')
      .match(/\d+(?:\.\d+)?|min|\S/g) ?? [];
  let p = 0;
  const take = () => tokens[p++];
  const want = (t: string) => {
    if (take() !== t) throw new Error(`expected "${t}" in "${src}"`);
  };
  const sum = (): number => {
    let v = product();
    while (tokens[p] === '+' || tokens[p] === '-') v = take() === '+' ? v + product() : v - product();
    return v;
  };
  const product = (): number => {
    let v = unary();
    while (tokens[p] === '*' || tokens[p] === '/') v = take() === '*' ? v * unary() : v / unary();
    return v;
  };
  const unary = (): number => {
    if (tokens[p] !== '-') return atom();
    take();
    return -unary();
  };
  const atom = (): number => {
    const t = take();
    if (t === '(') {
      const v = sum();
      want(')');
      return v;
    }
    if (t === 'min') {
      want('(');
      const args = [sum()];
      while (tokens[p] === ',') {
        take();
        args.push(sum());
      }
      want(')');
      return Math.min(...args);
    }
    if (t !== undefined && /^\d/.test(t)) return Number(t);
    throw new Error(`unexpected "${t}" in "${src}"`);
  };
  const v = sum();
  if (p !== tokens.length) throw new Error(`trailing "${tokens[p]}" in "${src}"`);
  return v;
}

/** The first code span of a cell, when it is arithmetic. */
export function expressionIn(cell: string): number | undefined {
  const span = /`([^`]+)`/.exec(cell)?.[1];
  return span !== undefined && EXPRESSION.test(span) ? evaluateExpression(span) : undefined;
}

/** A number as written, and how far it may be from the exact value given the digits shown. */
export function written(cell: string): { n: number; tolerance: number } {
  const m = /^-?\d+(?:\.(\d+))?/.exec(unquote(cell));
  if (!m) throw new Error(`"${cell}" is not a number`);
  return { n: Number(m[0]), tolerance: 0.5 * 10 ** -(m[1]?.length ?? 0) + 1e-9 };
}

/** Assert that a cell shows `exact` to the digits it shows. */
export function shows(cell: string, exact: number | null | undefined, what: string) {
  if (exact === null || exact === undefined) {
    expect(cell, what).toMatch(/^(none|—)/);
    return;
  }
  const { n, tolerance } = written(cell);
  expect(Math.abs(n - exact), `${what}: ${cell} vs ${exact}`).toBeLessThanOrEqual(tolerance);
}

/** The arithmetic in a cell, if any, must give the value the row shows. */
export function arithmeticAgrees(arithmetic: string, value: string, what: string) {
  const v = expressionIn(arithmetic);
  if (v !== undefined) shows(value, v, `arithmetic of ${what}`);
}

/** A fresh folder holding the `<!-- file: NAME -->` blocks of a doc (those `keep` accepts), removed after the file's tests. */
export function docFolder(md: string, keep: (name: string) => boolean = () => true): string {
  const dir = mkdtempSync(join(tmpdir(), 'kamcheck-docs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const b of codeBlocks(md)) {
    const name = fileName(b);
    if (name && keep(name)) writeFileSync(join(dir, name), b.text);
  }
  return dir;
}

/** The value at a dotted path of a JSON document, such as `dimensions.0.rawScore` (`length` of a list too). */
export const valueAt = (doc: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), doc);
