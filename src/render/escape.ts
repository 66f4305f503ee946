/** Escape text from an input file for inline markdown: no HTML, no links, no emphasis, no table breaks. */
export function mdInline(s: string): string {
  return (
    s
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[\\`*_[\]{}<>|~#!]/g, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : `\\${ch}`))
      .replace(/&(?!lt;|gt;)/g, '&amp;')
      // A URL stays text: escaping its colon keeps it from becoming a bare autolink.
      .replace(/:\/\//g, '\\://')
      .replace(/^([-+=]|\d+[.)])(?=\s|$)/, '\\$1')
  );
}

/** A code span around any text: the fence is longer than the longest run of backticks inside it. */
export function mdCode(s: string): string {
  const text = s.replace(/\s+/g, ' ');
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

export function html(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);
}

/** A CSS string literal from any text: quotes and backslashes escaped, line breaks flattened, `<` written as an escape so no `</style>` can form. */
export function cssString(s: string): string {
  return `"${s
    .replace(/\s+/g, ' ')
    .replace(/[\\"]/g, (ch) => `\\${ch}`)
    .replace(/</g, '\\3c ')}"`;
}
