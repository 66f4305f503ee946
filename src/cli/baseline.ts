import { compareReports } from '../core/compare.js';
import type { Model } from '../core/model.js';
import type { Comparison, Report } from '../schema/report.js';
import { printDiagnostics } from './context.js';
import { readScored } from './documents.js';
import type { Io } from './io.js';

/**
 * `--compare BASELINE`: each report gains the comparison with the baseline (an answers file scored now with the
 * same questionnaire, or a report kamcheck wrote). The answers that changed are listed only between two answers files.
 */
export async function withComparison(
  io: Io,
  model: Model,
  reports: Report[],
  path: string,
  toolVersion: string,
): Promise<(Report & { comparison: Comparison })[]> {
  const locale = reports[0]?.locale ?? (model.doc.locales[0] as string);
  const base = await readScored(io, path, model, { lang: locale, toolVersion });
  printDiagnostics(io, base.warnings, locale.startsWith('zh'));
  return reports.map((r) => ({ ...r, comparison: compareReports(base.report, r, { file: base.file, answers: base.from === 'answers' }) }));
}
