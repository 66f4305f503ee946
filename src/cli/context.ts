import { buildModel, type Model } from '../core/model.js';
import type { Answers } from '../core/score.js';
import { type Diagnostic, hasErrors, InputError } from '../diagnostics.js';
import { checkAnswers, type ParsedAnswers, parseAnswers } from '../load/answers.js';
import { bundledQuestionnaire, displayName, type Io, readCompiled, readInput } from './io.js';

/** Options every command shares. */
export interface GlobalOptions {
  lang?: string;
  color: boolean;
}

export { printDiagnostics } from './print.js';

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
  // The questionnaire schema is built only when a questionnaire is read from YAML.
  const { loadQuestionnaire } = await import('../load/questionnaire.js');
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
  failOnErrors([...diagnostics, ...checked.diagnostics]);
  return { parsed, answers: checked.answers, warnings: checked.diagnostics };
}
