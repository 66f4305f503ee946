import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { askedOf } from '../../core/model.js';
import { strings } from '../../i18n/ui.js';
import { renderTemplate } from '../../render/template.js';
import { type GlobalOptions, readQuestionnaire } from '../context.js';
import { localDate } from '../date.js';
import { assetDir, type Io, writeOutput } from '../io.js';
import { pickLocale, toolLocale } from '../locale.js';
import { choosePerspective, isOtherPerspective } from '../perspective.js';

export default async function init(io: Io, global: GlobalOptions, _args: string[], opts: Record<string, unknown>): Promise<number> {
  const { model: full } = await readQuestionnaire(io, opts.questionnaire as string | undefined);
  const perspective = choosePerspective(full, opts.perspective as string | undefined, undefined, toolLocale(global.lang, io.env));
  const model = askedOf(full, perspective);
  const locale = pickLocale({ lang: global.lang, env: io.env, locales: model.doc.locales });
  const schemaUrl = pathToFileURL(join(assetDir('schemas'), 'answers.schema.json')).href;
  const output = opts.output as string | undefined;
  await writeOutput(
    io,
    output,
    renderTemplate(model, { locale, date: localDate(), schemaUrl, ...(isOtherPerspective(full, perspective) ? { perspective } : {}) }),
    opts.force === true,
    strings(locale).fileExists,
  );
  if (output !== undefined && output !== '-') io.stderr.write(`${strings(locale).written(output)}\n`);
  return 0;
}
