import { explain, explainableIds, kindsOf } from '../../core/explain.js';
import { forPerspective, perspectiveOf } from '../../core/model.js';
import { plan } from '../../core/plan.js';
import { evaluate } from '../../core/score.js';
import { planStrings } from '../../i18n/plan.js';
import { closest } from '../../load/issues.js';
import type { Explanation } from '../../schema/explanation.js';
import { type GlobalOptions, printDiagnostics, readAnswers, readQuestionnaire } from '../context.js';
import { formatOf } from '../format.js';
import { columnsOf, type Io, UsageError, writeOutput } from '../io.js';
import { pickLocale, toolLocale } from '../locale.js';
import { VERSION } from '../run.js';

type ExplainFormat = 'terminal' | 'markdown' | 'json';
type Render = (doc: Explanation, opts: { color: boolean; columns?: number }) => string;

/** Each format's renderer, loaded on use. */
const renderers: Record<ExplainFormat, () => Promise<Render>> = {
  terminal: async () => (await import('../../render/explain-terminal.js')).renderExplainTerminal,
  markdown: async () => (await import('../../render/explain-markdown.js')).renderExplainMarkdown,
  json: async () => (await import('../../render/explain-json.js')).renderExplainJson,
};

/** `kamcheck explain ANSWERS [ID…]` (SPEC §13): how each number of the report was reached. */
export default async function explainCommand(
  io: Io,
  global: GlobalOptions,
  args: string[],
  opts: Record<string, unknown>,
): Promise<number> {
  const [file, ...given] = args as [string, ...string[]];
  const output = opts.output as string | undefined;
  const format = formatOf(opts.format as ExplainFormat | undefined, output, ['terminal', 'markdown', 'json'], 'terminal');
  const { model } = await readQuestionnaire(io, opts.questionnaire as string | undefined);

  const unknown = given.filter((id) => kindsOf(model, id).length === 0);
  if (unknown.length > 0) {
    const t = planStrings(toolLocale(global.lang, io.env));
    const candidates = explainableIds(model);
    throw new UsageError(unknown.map((id) => `kamcheck: error: ${t.unknownId(id, closest(id, candidates))}`).join('\n'));
  }

  const { parsed, answers, warnings } = await readAnswers(io, file, model);
  const perspective = perspectiveOf(model, parsed.doc.perspective);
  const worded = forPerspective(model, perspective);
  const result = evaluate(worded, answers, { perspective });
  const locale = pickLocale({ lang: global.lang, answersLocale: parsed.doc.locale, env: io.env, locales: model.doc.locales });
  printDiagnostics(io, [...warnings, ...result.warnings], locale.startsWith('zh'));

  const ids = given.length > 0 ? given : ['overall', ...model.dimensions.map((d) => d.id)];
  const doc = explain(worded, result, plan(worded, result), ids, { locale, toolVersion: VERSION, date: parsed.doc.date ?? null });
  const render = await renderers[format]();
  const toFile = output !== undefined && output !== '-';
  const text = render(doc, { color: global.color && !toFile, columns: columnsOf(io) });
  await writeOutput(io, output, text, opts.force === true, locale);
  return 0;
}
