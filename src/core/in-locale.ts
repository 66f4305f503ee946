import type { Text } from '../schema/common.js';
import type { Option, Question, Questionnaire } from '../schema/questionnaire.js';
import { resolveText } from './report.js';

/** A copy of `o` with the texts under `keys` resolved to one language. */
function resolved<T extends object>(o: T, keys: readonly string[], text: (t: Text) => string): T {
  const out = { ...o } as Record<string, unknown>;
  for (const k of keys) if (out[k] !== undefined) out[k] = text(out[k] as Text);
  return out as T;
}

/**
 * The questionnaire with every text in one language, as a report in that language resolves it (the first
 * locale standing in for a missing translation): scores, rules and conditions are untouched. A cached
 * questionnaire keeps one such copy per locale, so that a report reads and parses half the JSON.
 */
export function inLocale(doc: Questionnaire, locale: string): Questionnaire {
  const text = (t: Text) => resolveText(t, locale, doc.locales[0] as string);
  const option = (o: Option) => resolved(o, ['label', 'description'], text);
  const question = (q: Question): Question => {
    const out = resolved(q, ['text', 'help', 'unit'], text);
    if ('options' in out && out.options) out.options = out.options.map(option);
    if (out.as) out.as = Object.fromEntries(Object.entries(out.as).map(([id, w]) => [id, resolved(w, ['text', 'help'], text)]));
    return out;
  };
  const titled = <T extends object>(o: T) => resolved(o, ['title', 'description'], text);
  return {
    ...titled(doc),
    levels: doc.levels.map(titled),
    ...(doc.scales && {
      scales: Object.fromEntries(Object.entries(doc.scales).map(([id, s]) => [id, { ...s, options: s.options.map(option) }])),
    }),
    ...(doc.perspectives && { perspectives: doc.perspectives.map(titled) }),
    dimensions: doc.dimensions.map((d) => ({ ...titled(d), questions: d.questions.map(question) })),
    ...(doc.rules && {
      rules: doc.rules.map((r) => ({ ...resolved(r, ['title', 'why', 'horizon'], text), actions: r.actions.map(text) })),
    }),
  };
}
