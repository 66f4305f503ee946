import type { Explanation } from '../schema/explanation.js';
import { type Block, explainTitle, explainView, type Table } from './explain-view.js';
import { makePaint, padEnd, padStart, truncate, width, wrap } from './style.js';

export interface ExplainTerminalOptions {
  color: boolean;
  columns?: number;
}

/** Lay a table out in `cols` columns: numbers keep their width, the first column takes what is left. */
function tableLines(t: Table, cols: number): string[] {
  const all = [t.head, ...t.rows, ...(t.total ? [t.total] : [])];
  const widths = t.head.map((_, i) => Math.max(...all.map((r) => width(r[i] ?? ''))));
  // Text columns after the first are capped so that the first keeps room.
  for (let i = 1; i < widths.length; i++) if (!t.right[i]) widths[i] = Math.min(widths[i] as number, 14);
  const rest = widths.slice(1).reduce((s, w) => s + w + 2, 0);
  widths[0] = Math.max(8, Math.min(widths[0] as number, cols - 2 - rest));
  const line = (r: string[]) =>
    `  ${r
      .map((cell, i) => {
        const w = widths[i] as number;
        const c = truncate(cell, w);
        return t.right[i] ? padStart(c, w) : padEnd(c, w);
      })
      .join('  ')}`.trimEnd();
  const rule = `  ${widths.map((w) => '─'.repeat(w)).join('  ')}`;
  return [line(t.head), rule, ...t.rows.map(line), ...(t.total ? [rule, line(t.total)] : [])];
}

/** `kamcheck explain` for a person at a terminal: one section per id, tables and formulas, within the width. */
export function renderExplainTerminal(doc: Explanation, opts: ExplainTerminalOptions): string {
  const c = makePaint(opts.color);
  const cols = Math.max(40, Math.min(opts.columns ?? 80, 120));
  const out: string[] = [c.bold(truncate(explainTitle(doc), cols)), ''];
  const block = (b: Block) => {
    for (const l of wrap(b.heading, cols)) out.push(c.bold(l));
    if (b.table) out.push(...tableLines(b.table, cols));
    for (const node of b.tree ?? []) {
      const indent = '  '.repeat(node.depth + 1);
      const lines = wrap(node.text, cols - width(indent) - 2);
      const paint = node.holds ? c.green : c.gray;
      for (const [i, l] of lines.entries()) out.push(paint(`${indent}${i === 0 ? '' : '  '}${l}`));
    }
    for (const l of b.lines) for (const [i, w] of wrap(l, cols - 4).entries()) out.push(`  ${i === 0 ? '' : '  '}${w}`);
    out.push('');
  };
  for (const b of explainView(doc)) block(b);
  return `${out.join('\n').trimEnd()}\n`;
}
