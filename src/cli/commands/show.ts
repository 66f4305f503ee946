import { askedOf } from '../../core/model.js';
import { renderFormMarkdown, renderFormTerminal } from '../../render/form.js';
import { type GlobalOptions, readQuestionnaire } from '../context.js';
import { formatOf } from '../format.js';
import { columnsOf, type Io, writeOutput } from '../io.js';
import { pickLocale, toolLocale } from '../locale.js';
import { choosePerspective } from '../perspective.js';

export default async function show(io: Io, global: GlobalOptions, _args: string[], opts: Record<string, unknown>): Promise<number> {
  const { model: full } = await readQuestionnaire(io, opts.questionnaire as string | undefined);
  const perspective = choosePerspective(full, opts.perspective as string | undefined, undefined, toolLocale(global.lang, io.env));
  const model = opts.perspective === undefined ? full : askedOf(full, perspective);
  const locale = pickLocale({ lang: global.lang, env: io.env, locales: model.doc.locales });
  const output = opts.output as string | undefined;
  const toFile = output !== undefined && output !== '-';
  const format = formatOf(
    opts.format as 'terminal' | 'markdown' | 'json' | undefined,
    output,
    ['terminal', 'markdown', 'json'],
    'terminal',
  );
  const text =
    format === 'json'
      ? `${JSON.stringify(model.doc, null, 2)}\n`
      : format === 'markdown'
        ? renderFormMarkdown(model, locale)
        : renderFormTerminal(model, locale, {
            color: global.color && !toFile,
            columns: columnsOf(io),
          });
  await writeOutput(io, output, text, opts.force === true, locale);
  return 0;
}
