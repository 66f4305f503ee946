import { canonicalize, findOption, type Model, type QuestionInfo, toNumber } from '../core/model.js';
import type { Answer } from '../core/score.js';
import { type Diagnostic, diag } from '../diagnostics.js';
import type { AnswerEntry, AnswersFile } from '../schema/answers.js';
import { closest, display, hinter } from './issues.js';
import { locate, type Path, type Source } from './source.js';

// Matching a read answers file to a questionnaire. Neither the YAML library nor the schema library is needed
// here: a report from a plain answers file loads neither (see src/cli/context.ts readAnswers).

export interface ParsedAnswers {
  doc: AnswersFile;
  source: Source;
}

export function splitRef(ref: string): { id: string; version?: string } {
  const [id, version] = ref.split('@') as [string, string | undefined];
  return version === undefined ? { id } : { id, version };
}

/** What a question accepts, for error messages and templates: [kind, detail]. */
export function accepted(info: QuestionInfo): { kind: string; values: string } {
  const q = info.question;
  const na = info.naAllowed ? ', na' : '';
  switch (q.type) {
    case 'scale':
    case 'choice':
      return { kind: 'one-of', values: info.options.map((o) => String(o.value)).join(', ') + na };
    case 'multi':
      return { kind: 'list-of', values: info.options.map((o) => String(o.value)).join(', ') + na };
    case 'boolean':
      return { kind: 'boolean', values: `true, false${na}` };
    case 'number':
      return {
        kind:
          q.min !== undefined && q.max !== undefined
            ? 'number-range'
            : q.min !== undefined
              ? 'number-min'
              : q.max !== undefined
                ? 'number-max'
                : 'number',
        values: `${q.min ?? ''}|${q.max ?? ''}${na}`,
      };
    case 'text':
      return { kind: 'text', values: '' };
  }
}

/** Match answers to the questionnaire's questions; every answer is made canonical or reported. */
export function checkAnswers(parsed: ParsedAnswers, model: Model): { answers: Map<string, Answer>; diagnostics: Diagnostic[] } {
  const { doc, source } = parsed;
  const out: Diagnostic[] = [];
  const at = (p: Path, key = false) => locate(source, p, key);
  const ref = splitRef(doc.questionnaire);
  if (ref.id !== model.doc.id) {
    // Matching these answers to another questionnaire's questions would only add noise.
    return {
      answers: new Map(),
      diagnostics: [diag('questionnaire-mismatch', { found: ref.id, expected: model.doc.id }, at(['questionnaire']))],
    };
  }
  if (ref.version !== undefined && ref.version !== model.doc.version) {
    out.push(diag('questionnaire-version', { found: ref.version, expected: model.doc.version }, at(['questionnaire']), 'warning'));
  }
  if (doc.locale !== undefined && !model.doc.locales.includes(doc.locale)) {
    out.push(diag('unknown-locale', { locale: doc.locale, locales: model.doc.locales.join(', ') }, at(['locale']), 'warning'));
  }
  const perspectives = model.perspectives.map((x) => x.id);
  let perspective = perspectives[0] as string;
  if (doc.perspective !== undefined) {
    if (perspectives.includes(doc.perspective)) perspective = doc.perspective;
    else
      out.push(
        diag(
          'unknown-perspective',
          { id: doc.perspective, hint: closest(doc.perspective, perspectives) ?? '', known: perspectives.join(', ') },
          at(['perspective']),
        ),
      );
  }
  const targetIds = ['overall', ...model.dimensions.map((d) => d.id)];
  for (const id of Object.keys(doc.targets ?? {})) {
    if (!targetIds.includes(id)) out.push(diag('unknown-target', { id, hint: closest(id, targetIds) ?? '' }, at(['targets', id], true)));
  }
  const answers = new Map<string, Answer>();
  const hint = hinter();
  for (const [id, entry] of Object.entries(doc.answers ?? {})) {
    const p: Path = ['answers', id];
    const info = model.byId.get(id);
    if (!info) {
      out.push(diag('unknown-question', { id, hint: hint(id, model.byId.keys()) ?? '' }, at(p, true)));
      continue;
    }
    if (!info.audience.includes(perspective)) {
      out.push(diag('not-in-audience', { id, perspective, audience: info.audience.join(', ') }, at(p, true)));
      continue;
    }
    const long = isLong(entry);
    const raw = long ? entry.value : entry;
    const valuePath: Path = long ? [...p, 'value'] : p;
    const answer: Answer = { at: () => at(p, true) };
    if (long && entry.note !== undefined) answer.note = entry.note;
    if (long && entry.evidence !== undefined) answer.evidence = entry.evidence;
    if (raw === null || raw === undefined || raw === '') {
      // An empty value is an unanswered question (the template leaves them so).
    } else if (raw === 'na' && info.naAllowed) {
      answer.na = true;
    } else {
      const problem = answerProblem(info, raw);
      if (problem)
        out.push({ ...problem, ...at(problem.args.index !== undefined ? [...valuePath, Number(problem.args.index)] : valuePath) });
      else answer.value = canonicalize(info, raw);
    }
    answers.set(id, answer);
  }
  return { answers, diagnostics: out };
}

function isLong(e: AnswerEntry): e is Extract<AnswerEntry, { note?: string }> {
  return e !== null && typeof e === 'object' && !Array.isArray(e);
}

/** What is wrong with one raw answer to a question (position left to the caller), or undefined when it is accepted. */
export function answerProblem(info: QuestionInfo, raw: unknown): Diagnostic | undefined {
  const q = info.question;
  const id = q.id;
  const base = { file: '', line: 0, column: 0 };
  const bad = () => {
    const a = accepted(info);
    return diag(`bad-answer-${a.kind}`, { id, found: display(raw), values: a.values }, base);
  };
  if (raw === 'na') return diag('na-not-allowed', { id }, base);
  if (q.type === 'multi') {
    if (!Array.isArray(raw)) return bad();
    for (let i = 0; i < raw.length; i++) {
      if (findOption(info, raw[i]) < 0) return { ...bad(), args: { id, found: display(raw[i]), values: accepted(info).values, index: i } };
      const first = raw.findIndex((x) => findOption(info, x) === findOption(info, raw[i]));
      if (first < i) return diag('duplicate-choice', { id, value: display(raw[i]), index: i }, base);
    }
    return undefined;
  }
  if (q.type === 'number') {
    const n = toNumber(raw);
    if (n === undefined) return bad();
    if ((q.min !== undefined && n < q.min) || (q.max !== undefined && n > q.max)) {
      return diag('number-out-of-range', { id, found: n, min: q.min ?? '-∞', max: q.max ?? '∞' }, base);
    }
    return undefined;
  }
  return canonicalize(info, raw) === undefined ? bad() : undefined;
}
