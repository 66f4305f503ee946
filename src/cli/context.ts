import { resolve } from 'node:path';
import { buildModel, type Model } from '../core/model.js';
import type { Answers } from '../core/score.js';
import { type Diagnostic, hasErrors, InputError } from '../diagnostics.js';
import { checkAnswers, type ParsedAnswers } from '../load/check-answers.js';
import { fastSource } from '../load/fast-yaml.js';
import { quickAnswersFile } from '../load/quick-answers.js';
import type { Questionnaire } from '../schema/questionnaire.js';
import { type LocalePick, readCachedQuestionnaire, readCachedQuestionnaireFile, writeCachedQuestionnaire } from './cache.js';
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

/**
 * The questionnaire of -q, or the bundled one. With `pick`, a run that resolves texts in one locale only may get
 * the questionnaire with its texts in that locale alone (core/in-locale.ts), which a cached one keeps.
 */
export async function readQuestionnaire(io: Io, path: string | undefined, pick?: LocalePick): Promise<{ model: Model }> {
  const file = path ?? bundledQuestionnaire();
  // A questionnaire checked before, with the same bytes: the bundled one by the build (compared with the file as
  // it is read), others by an earlier run. An entry that does not hold what it should is no entry.
  const fromCache = (doc: Questionnaire | undefined) => {
    try {
      return doc && { model: buildModel(doc) };
    } catch {
      return undefined;
    }
  };
  const bundled = path === undefined ? fromCache(readCompiled(file, pick)) : undefined;
  if (bundled) return bundled;
  // A questionnaire of one's own is looked up in the cache: a file before it is read whole (most runs need no more),
  // standard input by its bytes.
  const fromFile = path !== undefined && path !== '' && path !== '-';
  const kept = fromFile ? fromCache(readCachedQuestionnaireFile(io.env, resolve(io.cwd, path), pick)) : undefined;
  if (kept) return kept;
  const bytes = await readInput(io, file);
  const cached = path === '-' ? fromCache(readCachedQuestionnaire(io.env, bytes, pick)) : undefined;
  if (cached) return cached;
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

/**
 * An answers file read and shape-checked. A plain file (most are) is read by the fast reader and checked by hand;
 * anything else, and every file with a problem, goes to the YAML library and the schema, loaded only then.
 */
export async function parseAnswersFile(file: string, bytes: Uint8Array): Promise<{ parsed?: ParsedAnswers; diagnostics: Diagnostic[] }> {
  // Data only: positions are for messages, and the fast reader reads the file again for the first one asked for.
  const source = fastSource(file, bytes, false);
  const doc = source && quickAnswersFile(source.data);
  if (source && doc) return { parsed: { doc, source }, diagnostics: [] };
  const { answersFromSource, parseAnswers } = await import('../load/answers.js');
  return source ? answersFromSource(source) : parseAnswers(file, bytes);
}

/** An answers file read and shape-checked, not yet against a questionnaire. */
export async function parseAnswersAt(io: Io, path: string): Promise<{ parsed?: ParsedAnswers; diagnostics: Diagnostic[] }> {
  return parseAnswersFile(displayName(path), await readInput(io, path));
}

/** An answers file checked against a questionnaire; `read` is the file already read by parseAnswersAt. */
export async function readAnswers(
  io: Io,
  path: string,
  model: Model,
  read?: Awaited<ReturnType<typeof parseAnswersAt>>,
): Promise<AnswersFor> {
  const { parsed, diagnostics } = read ?? (await parseAnswersAt(io, path));
  if (!parsed) throw new InputError(diagnostics);
  const checked = checkAnswers(parsed, model);
  failOnErrors([...diagnostics, ...checked.diagnostics]);
  return { parsed, answers: checked.answers, warnings: checked.diagnostics };
}
