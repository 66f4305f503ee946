import { buildModel, type Model } from '../core/model.js';
import type { Answers } from '../core/score.js';
import { type Diagnostic, hasErrors, InputError, sortDiagnostics } from '../diagnostics.js';
import { formatDiagnostic } from '../i18n/diagnostics.js';
import { checkAnswers, type ParsedAnswers, parseAnswers } from '../load/answers.js';
import { loadQuestionnaire } from '../load/questionnaire.js';
import { bundledQuestionnaire, displayName, type Io, readCompiled, readInput } from './io.js';

/** Options every command shares. */
export interface GlobalOptions {
  lang?: string;
  color: boolean;
}

export function printDiagnostics(io: Io, ds: Diagnostic[], zh: boolean): void {
  for (const d of sortDiagnostics(ds)) io.stderr.write(`${formatDiagnostic(d, zh)}\n`);
}

/** Throw when any diagnostic is an error; warnings travel on. */
export function failOnErrors(ds: Diagnostic[]): void {
  if (hasErrors(ds)) throw new InputError(ds);
}

/** The questionnaire of -q, or the bundled one. */
export async function readQuestionnaire(io: Io, path: string | undefined): Promise<{ model: Model }> {
  const file = path ?? bundledQuestionnaire();
  const bytes = await readInput(io, file);
  if (path === undefined) {
    const compiled = readCompiled(bytes);
    if (compiled) return { model: buildModel(compiled) };
  }
  const { loaded, diagnostics } = loadQuestionnaire(path ? displayName(path) : file, bytes);
  if (!loaded) throw new InputError(diagnostics);
  return loaded;
}

export interface AnswersFor {
  parsed: ParsedAnswers;
  answers: Answers;
  warnings: Diagnostic[];
}

/** An answers file checked against a questionnaire. */
export async function readAnswers(io: Io, path: string, model: Model): Promise<AnswersFor> {
  const { parsed, diagnostics } = parseAnswers(displayName(path), await readInput(io, path));
  if (!parsed) throw new InputError(diagnostics);
  const checked = checkAnswers(parsed, model);
  failOnErrors(checked.diagnostics);
  return { parsed, answers: checked.answers, warnings: checked.diagnostics };
}
