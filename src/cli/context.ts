import { buildModel, type Model } from '../core/model.js';
import type { Answers } from '../core/score.js';
import { type Diagnostic, hasErrors, InputError } from '../diagnostics.js';
import type { ParsedAnswers } from '../load/answers.js';
import { readCachedQuestionnaire, writeCachedQuestionnaire } from './cache.js';
import { readChecked } from './inputs.js';
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
  // A questionnaire checked before, with the same bytes: the bundled one by the build, others by an earlier run.
  const compiled = path === undefined ? readCompiled(bytes) : readCachedQuestionnaire(io.env, bytes);
  if (compiled) {
    try {
      return { model: buildModel(compiled) };
    } catch {
      // A cache entry that does not hold what it should: read the YAML as if there were none.
    }
  }
  // The questionnaire schema is built only when a questionnaire is read from YAML.
  const { loadQuestionnaire } = await import('../load/questionnaire.js');
  const { loaded, diagnostics } = loadQuestionnaire(path ? displayName(path) : file, bytes);
  if (!loaded) throw new InputError(diagnostics);
  if (path !== undefined) writeCachedQuestionnaire(io.env, bytes, loaded.model.doc);
  return loaded;
}

export interface AnswersFor {
  parsed: ParsedAnswers;
  answers: Answers;
  warnings: Diagnostic[];
}

/** An answers file checked against a questionnaire. */
export async function readAnswers(io: Io, path: string, model: Model): Promise<AnswersFor> {
  // Read fast where the file allows (see readChecked).
  const { parsed, checked, found } = readChecked(path, await readInput(io, path), model);
  if (!parsed || !checked) throw new InputError(found);
  failOnErrors(found);
  return { parsed, answers: checked.answers, warnings: checked.diagnostics };
}
