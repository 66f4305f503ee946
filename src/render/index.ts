import type { Report } from '../schema/report.js';
import type { TerminalOptions } from './terminal.js';

export type Format = 'terminal' | 'markdown' | 'json' | 'html' | 'csv';
export type Renderer = (report: Report, opts: TerminalOptions) => string;

/** Every report renderer, by format name, loaded on use: JSON output never loads the terminal's width tables. */
export const renderers: Record<Format, () => Promise<Renderer>> = {
  terminal: async () => (await import('./terminal.js')).renderTerminal,
  markdown: async () => (await import('./markdown.js')).renderMarkdown,
  json: async () => (await import('./json.js')).renderJson,
  html: async () => (await import('./html.js')).renderHtml,
  csv: async () => (await import('./csv.js')).renderReportCsv,
};
