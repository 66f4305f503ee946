import { lint } from 'markdownlint/sync';
import type { Model } from '../../src/core/model.js';
import { buildReport } from '../../src/core/report.js';
import type { Report } from '../../src/schema/report.js';
import { score } from './model.js';

export function reportFor(model: Model, answers: Record<string, unknown>, locale: string, meta: Record<string, unknown> = {}): Report {
  return buildReport(model, score(model, answers), {
    answers: { kamcheck: 1, questionnaire: model.doc.id, ...meta },
    locale,
    toolVersion: '0.0.0-test',
  });
}

/** markdownlint with its default rules, less the line-length rule; returns the problems as text lines. */
export function markdownProblems(text: string): string[] {
  const results = lint({ strings: { report: text }, config: { default: true, MD013: false } });
  return (results.report ?? []).map(
    (e) => `${e.lineNumber}: ${e.ruleNames.join('/')} ${e.ruleDescription} ${e.errorDetail ?? ''} [${e.errorContext ?? ''}]`,
  );
}
