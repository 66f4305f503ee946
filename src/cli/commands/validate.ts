import type { Model } from '../../core/model.js';
import { evaluate } from '../../core/score.js';
import { type Diagnostic, diag, hasErrors, InputError } from '../../diagnostics.js';
import { strings } from '../../i18n/ui.js';
import { answersFromSource, checkAnswers, type ParsedAnswers, splitRef } from '../../load/answers.js';
import { questionnaireFromSource } from '../../load/questionnaire.js';
import { parseYaml } from '../../load/yaml.js';
import { type GlobalOptions, printDiagnostics, readQuestionnaire } from '../context.js';
import { displayName, type Io, readInput, UsageError } from '../io.js';
import { toolLocale } from '../locale.js';

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
    const { source, diagnostics: ds } = parseYaml(name, bytes);
    diagnostics.push(...ds);
    if (!source) continue;
    if ('dimensions' in source.data || ('levels' in source.data && !('answers' in source.data))) {
      const r = questionnaireFromSource(source);
      diagnostics.push(...r.diagnostics);
      if (r.loaded) {
        models.set(r.loaded.model.doc.id, r.loaded.model);
        ok.push(t.valid(name, t.kindQuestionnaire));
      }
    } else if ('answers' in source.data || 'questionnaire' in source.data) {
      const r = answersFromSource(source);
      diagnostics.push(...r.diagnostics);
      if (r.parsed) answers.push({ name, parsed: r.parsed, malformed: hasErrors(r.diagnostics) });
    } else {
      diagnostics.push(diag('unknown-kind', {}, { file: name, line: 1, column: 1 }));
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
