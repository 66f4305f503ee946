import type { Model } from '../../core/model.js';
import { evaluate } from '../../core/score.js';
import { type Diagnostic, diag, hasErrors, InputError } from '../../diagnostics.js';
import { strings } from '../../i18n/ui.js';
import { answersFromSource, checkAnswers, type ParsedAnswers, splitRef } from '../../load/answers.js';
import { type LoadedQuestionnaire, questionnaireFromSource } from '../../load/questionnaire.js';
import { readYaml } from '../../load/read.js';
import type { Source } from '../../load/source.js';
import { type GlobalOptions, printDiagnostics, readQuestionnaire } from '../context.js';
import { displayName, type Io, readInput, UsageError } from '../io.js';
import { toolLocale } from '../locale.js';

/** A line `dimensions:`, which in a file the fast reader takes is a top-level key that only questionnaires have. */
function looksLikeQuestionnaire(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return buffer.subarray(0, 11).toString('latin1') === 'dimensions:' || buffer.includes('\ndimensions:');
}

/** What a file turned out to be, and what checking it as that found. */
type Kind =
  | { kind: 'questionnaire'; loaded?: LoadedQuestionnaire; diagnostics: Diagnostic[] }
  | { kind: 'answers'; parsed?: ParsedAnswers; diagnostics: Diagnostic[] }
  | { kind: 'unknown'; diagnostics: Diagnostic[] };

/** Check every file given; questionnaires first, so answers files can be checked against one of them. */
export default async function validate(io: Io, global: GlobalOptions, files: string[], opts: Record<string, unknown>): Promise<number> {
  const locale = toolLocale(global.lang, io.env);
  const t = strings(locale);
  const zh = locale.startsWith('zh');
  const diagnostics: Diagnostic[] = [];
  const models = new Map<string, Model>();
  const answers: { name: string; parsed: ParsedAnswers; malformed: boolean }[] = [];
  const ok: string[] = [];
  // A file that cannot be read is reported, and the others are still checked.
  const unreadable: string[] = [];
  const attempt = async <T>(f: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await f();
    } catch (e) {
      if (e instanceof InputError) diagnostics.push(...e.diagnostics);
      else if (e instanceof UsageError) unreadable.push(e.message);
      else throw e;
      return undefined;
    }
  };

  for (const file of files) {
    const name = displayName(file);
    const bytes = await attempt(() => readInput(io, file));
    if (!bytes) continue;
    // Files are read fast where the fast reader takes them (see load/read.ts); one that looks like a questionnaire
    // for its data only, its positions read again when a message needs them.
    const kindOf = (source: Source): Kind => {
      if ('dimensions' in source.data || ('levels' in source.data && !('answers' in source.data)))
        return { kind: 'questionnaire', ...questionnaireFromSource(source) };
      if ('answers' in source.data || 'questionnaire' in source.data) return { kind: 'answers', ...answersFromSource(source) };
      return { kind: 'unknown', diagnostics: [diag('unknown-kind', {}, { file: name, line: 1, column: 1 })] };
    };
    const { source, diagnostics: unread } = readYaml(name, bytes, !looksLikeQuestionnaire(bytes));
    const read: Kind | { diagnostics: Diagnostic[] } = source ? kindOf(source) : { diagnostics: unread };
    diagnostics.push(...read.diagnostics);
    if (!('kind' in read)) continue;
    if (read.kind === 'questionnaire' && read.loaded) {
      models.set(read.loaded.model.doc.id, read.loaded.model);
      ok.push(t.valid(name, t.kindQuestionnaire));
    } else if (read.kind === 'answers' && read.parsed) {
      answers.push({ name, parsed: read.parsed, malformed: hasErrors(read.diagnostics) });
    }
  }

  let fallback: Promise<Model | undefined> | undefined;
  for (const { name, parsed, malformed } of answers) {
    let model = models.get(splitRef(parsed.doc.questionnaire).id);
    if (!model) {
      fallback ??= attempt(async () => (await readQuestionnaire(io, opts.questionnaire as string | undefined)).model);
      model = await fallback;
    }
    if (!model) continue;
    const r = checkAnswers(parsed, model);
    diagnostics.push(...r.diagnostics);
    if (malformed || hasErrors(r.diagnostics)) continue;
    // Scoring finds what only the questionnaire's logic shows: answers to questions whose `when` is false.
    diagnostics.push(...evaluate(model, r.answers, { perspective: parsed.doc.perspective }).warnings);
    ok.push(t.valid(name, t.kindAnswers));
  }

  for (const line of unreadable) io.stderr.write(`${line}\n`);
  printDiagnostics(io, diagnostics, zh);
  for (const line of ok) io.stdout.write(`${line}\n`);
  return hasErrors(diagnostics) || unreadable.length > 0 ? 2 : 0;
}
