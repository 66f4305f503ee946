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

export function html(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);
}
