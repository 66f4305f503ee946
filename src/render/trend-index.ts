import type { Trend } from '../schema/trend.js';

export type TrendFormat = 'terminal' | 'markdown' | 'json' | 'html' | 'csv';
export type TrendRenderer = (trend: Trend, opts: { color: boolean; columns?: number }) => string;

/** Every trend renderer, by format name, loaded on use. */
export const trendRenderers: Record<TrendFormat, () => Promise<TrendRenderer>> = {
  terminal: async () => (await import('./trend-terminal.js')).renderTrendTerminal,
  markdown: async () => (await import('./trend-markdown.js')).renderTrendMarkdown,
  json: async () => (trend) => `${JSON.stringify(trend, null, 2)}\n`,
  html: async () => (await import('./trend-html.js')).renderTrendHtml,
  csv: async () => (await import('./trend-csv.js')).renderTrendCsv,
};
