import { dirname, join, resolve } from 'node:path';
import { askedOf } from '../../core/model.js';
import { strings } from '../../i18n/ui.js';
import { renderTemplate } from '../../render/template.js';
import { type GlobalOptions, readQuestionnaire } from '../context.js';
import { localDate } from '../date.js';
import { assetDir, type Io, UsageError, writeOutput } from '../io.js';
import { pickLocale, toolLocale } from '../locale.js';
import { choosePerspective, isOtherPerspective } from '../perspective.js';
import { schemaRef } from '../schema-ref.js';

export default async function init(io: Io, global: GlobalOptions, _args: string[], opts: Record<string, unknown>): Promise<number> {
  const { model: full } = await readQuestionnaire(io, opts.questionnaire as string | undefined);
  const perspective = choosePerspective(full, opts.perspective as string | undefined, undefined, toolLocale(global.lang, io.env));
  const model = askedOf(full, perspective);
  const locale = pickLocale({ lang: global.lang, env: io.env, locales: model.doc.locales });
  const output = opts.output as string | undefined;
  const explicit = opts.schemaUrl as string | undefined;
  // The line is a YAML comment: a line break or a space would end it, or start the file's content.
  if (explicit !== undefined && /[\s\p{Cc}]/u.test(explicit)) {
    throw new UsageError('kamcheck: error: --schema-url must be one URL or path without spaces or line breaks');
  }
  // The schema is found from the written file's folder (standard output: the current folder).
  const folder = output === undefined || output === '-' ? io.cwd : dirname(resolve(io.cwd, output));
  const ref = schemaRef(folder, join(assetDir('schemas'), 'answers.schema.json'), explicit);
  const schemaUrl = ref.url || undefined;
  await writeOutput(
    io,
    output,
    renderTemplate(model, {
      locale,
      date: localDate(),
      ...(schemaUrl ? { schemaUrl } : {}),
      ...(isOtherPerspective(full, perspective) ? { perspective } : {}),
    }),
    opts.force === true,
    locale,
  );
  if (output !== undefined && output !== '-') io.stderr.write(`${strings(locale).written(output)}\n`);
  if (ref.url === undefined) io.stderr.write(`kamcheck: ${strings(locale).noSchemaLine}\n`);
  return 0;
}
