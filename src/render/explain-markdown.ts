import type { Explanation } from '../schema/explanation.js';
import { mdInline as md } from './escape.js';
import { explainTitle, explainView, type Table } from './explain-view.js';

function tableLines(t: Table): string[] {
  const cell = (c: string, bold: boolean) => (c === '' ? ' ' : ` ${bold ? `**${md(c)}**` : md(c)} `);
  const row = (r: string[], bold = false) => `|${r.map((c) => cell(c, bold)).join('|')}|`;
  return [
    row(t.head),
    `| ${t.right.map((r) => (r ? '---:' : '---')).join(' | ')} |`,
    ...t.rows.map((r) => row(r)),
    ...(t.total ? [row(t.total, true)] : []),
  ];
}

/** `kamcheck explain` as GitHub-flavoured markdown: a section per id, tables, the condition tree as a nested list. */
export function renderExplainMarkdown(doc: Explanation): string {
  const out: string[] = [`# ${md(explainTitle(doc))}`, ''];
  for (const b of explainView(doc)) {
    out.push(`## ${md(b.heading)}`, '');
    if (b.table) out.push(...tableLines(b.table), '');
    if (b.tree) out.push(...b.tree.map((n) => `${'  '.repeat(n.depth)}- ${md(n.text)}`), '');
    if (b.lines.length > 0) out.push(...b.lines.map((l) => `- ${md(l)}`), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
