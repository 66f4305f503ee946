import type { TeamReport } from '../schema/team.js';
import type { TerminalOptions } from './terminal.js';

export type TeamFormat = 'terminal' | 'markdown' | 'json' | 'html' | 'csv';
export type TeamRenderer = (doc: TeamReport, opts: TerminalOptions) => string;

/** Every team renderer, by format name, loaded on use. */
export const teamRenderers: Record<TeamFormat, () => Promise<TeamRenderer>> = {
  terminal: async () => (await import('./team-terminal.js')).renderTeamTerminal,
  markdown: async () => (await import('./team-markdown.js')).renderTeamMarkdown,
  json: async () => (doc) => `${JSON.stringify(doc, null, 2)}\n`,
  html: async () => (await import('./team-html.js')).renderTeamHtml,
  csv: async () => (await import('./csv.js')).renderTeamCsv,
};
