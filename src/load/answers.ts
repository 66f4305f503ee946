import type { Diagnostic } from '../diagnostics.js';
import { AnswersFile } from '../schema/answers.js';
import type { ParsedAnswers } from './check-answers.js';
import { issuesToDiagnostics, PARSE_OPTIONS } from './issues.js';
import { quickAnswersFile } from './quick-answers.js';
import { parseYaml, type Source } from './yaml.js';

export { accepted, answerProblem, checkAnswers, type ParsedAnswers, splitRef } from './check-answers.js';

/** Read and shape-check an answers file; matching it to a questionnaire is `checkAnswers`. */
export function parseAnswers(file: string, bytes: Uint8Array): { parsed?: ParsedAnswers; diagnostics: Diagnostic[] } {
  const { source, diagnostics } = parseYaml(file, bytes);
  if (!source) return { diagnostics };
  return answersFromSource(source);
}

/**
 * Shape-check an answers file. When only some answers are malformed, the rest come back as well (with the
 * errors), so that checking them against the questionnaire can report their problems in the same run.
 */
export function answersFromSource(source: Source): { parsed?: ParsedAnswers; diagnostics: Diagnostic[] } {
  // Most files pass the hand check, which gives what the schema would (src/load/quick-answers.ts).
  const quick = quickAnswersFile(source.data);
  if (quick) return { parsed: { doc: quick, source }, diagnostics: [] };
  const r = AnswersFile.safeParse(source.data, PARSE_OPTIONS);
  if (r.success) return { parsed: { doc: r.data, source }, diagnostics: [] };
  const diagnostics = issuesToDiagnostics(source, r.error.issues);
  const answers = source.data.answers;
  const bad = new Set(r.error.issues.map((i) => (i.path[0] === 'answers' && i.path.length >= 2 ? String(i.path[1]) : undefined)));
  if (bad.has(undefined) || answers === null || typeof answers !== 'object') return { diagnostics };
  const rest = Object.fromEntries(Object.entries(answers).filter(([id]) => !bad.has(id)));
  const retry = AnswersFile.safeParse({ ...source.data, answers: rest }, PARSE_OPTIONS);
  return retry.success ? { parsed: { doc: retry.data, source }, diagnostics } : { diagnostics };
}
