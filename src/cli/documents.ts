import { forPerspective, type Model, perspectiveOf } from '../core/model.js';
import { buildReport } from '../core/report.js';
import { evaluate } from '../core/score.js';
import { type Diagnostic, diag, InputError } from '../diagnostics.js';
import { progressStrings } from '../i18n/progress.js';
import { answersFromSource, checkAnswers } from '../load/answers.js';
import { issuesToDiagnostics, PARSE_OPTIONS } from '../load/issues.js';
import { locate, parseYaml, type Source } from '../load/yaml.js';
import { ScoredReport } from '../schema/scored.js';
import { failOnErrors } from './context.js';
import { displayName, type Io, readInput } from './io.js';
import { pickLocale, toolLocale } from './locale.js';

/** A result read from a file: an answers file scored now, or a report that kamcheck wrote earlier. */
export interface Scored {
  file: string;
  from: 'answers' | 'report';
  report: ScoredReport;
  /** Warnings to show (another questionnaire version, answers ignored, …). */
  warnings: Diagnostic[];
  /** Where the file starts, for errors about the whole file (e.g. a missing date). */
  at: { file: string; line: number; column: number };
  /** Where its organisation is named, or the file's start. */
  organizationAt: { file: string; line: number; column: number };
}

/**
 * Read an answers file or a `kind: report` JSON document (JSON is YAML, so both keep their line numbers), told
 * apart by content. Answers are scored now against `model`; a report must have been made with the same
 * questionnaire id (another version is a warning). Throws InputError with every problem found.
 */
export async function readScored(
  io: Io,
  path: string,
  model: Model,
  opts: { lang?: string | undefined; toolVersion: string },
): Promise<Scored> {
  const file = displayName(path);
  const { source, diagnostics } = parseYaml(file, await readInput(io, path));
  if (!source) throw new InputError(diagnostics);
  const at = locate(source, []);
  const organizationAt = locate(source, ['respondent', 'organization']);
  const kind = source.data.kind;
  if (kind !== undefined) {
    if (kind !== 'report') {
      const expected = progressStrings(toolLocale(opts.lang, io.env)).expectReport;
      throw new InputError([diag('wrong-document-kind', { found: String(kind), expected }, locate(source, ['kind']))]);
    }
    const { report, warnings } = reportFromSource(source, model);
    return { file, from: 'report', report, warnings, at, organizationAt };
  }
  const shaped = answersFromSource(source);
  if (!shaped.parsed) throw new InputError(shaped.diagnostics);
  const checked = checkAnswers(shaped.parsed, model);
  failOnErrors([...shaped.diagnostics, ...checked.diagnostics]);
  const perspective = perspectiveOf(model, shaped.parsed.doc.perspective);
  const worded = forPerspective(model, perspective);
  const result = evaluate(worded, checked.answers, { perspective });
  const warnings = [...checked.diagnostics, ...result.warnings];
  const doc = shaped.parsed.doc;
  const locale = pickLocale({ lang: opts.lang, answersLocale: doc.locale, env: io.env, locales: model.doc.locales });
  const report = buildReport(worded, { ...result, warnings }, { answers: doc, locale, toolVersion: opts.toolVersion });
  return { file, from: 'answers', report, warnings, at, organizationAt };
}

/** A report document checked against its schema and matched to the questionnaire by id. */
function reportFromSource(source: Source, model: Model): { report: ScoredReport; warnings: Diagnostic[] } {
  const r = ScoredReport.safeParse(source.data, PARSE_OPTIONS);
  if (!r.success) throw new InputError(issuesToDiagnostics(source, r.error.issues));
  const q = r.data.questionnaire;
  if (q.id !== model.doc.id) {
    const args = { kind: 'report', found: q.id, expected: model.doc.id };
    throw new InputError([diag('document-questionnaire-mismatch', args, locate(source, ['questionnaire', 'id']))]);
  }
  const warnings: Diagnostic[] = [];
  if (q.version !== model.doc.version) {
    const args = { kind: 'report', found: q.version, expected: model.doc.version };
    warnings.push(diag('document-questionnaire-version', args, locate(source, ['questionnaire', 'version']), 'warning'));
  }
  return { report: r.data, warnings };
}
