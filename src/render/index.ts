import type { Report } from '../schema/report.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderTerminal, type TerminalOptions } from './terminal.js';

export type Format = 'terminal' | 'markdown' | 'json' | 'html';

/** Every report renderer, by format name. */
export const renderers: Record<Format, (report: Report, opts: TerminalOptions) => string> = {
  terminal: renderTerminal,
  markdown: renderMarkdown,
  json: renderJson,
  html: renderHtml,
};
