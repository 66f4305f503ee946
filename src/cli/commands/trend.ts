import { buildTrend, type Dated } from '../../core/trend.js';
import { type Diagnostic, diag, InputError } from '../../diagnostics.js';
import { messageOf } from '../../i18n/diagnostics.js';
import { type TrendFormat, trendRenderers } from '../../render/trend-index.js';
import { readConfig } from '../config.js';
import { type GlobalOptions, printDiagnostics, readQuestionnaire } from '../context.js';
import { readScored } from '../documents.js';
import { formatOf } from '../format.js';
import { columnsOf, type Io, writeOutput } from '../io.js';
import { pickLocale } from '../locale.js';
import { VERSION } from '../run.js';

const FORMATS: TrendFormat[] = ['terminal', 'markdown', 'json', 'html', 'csv'];

/** `kamcheck trend FILE…`: answers files or report JSON of one organisation, ordered by date (SPEC §11). */
export default async function trend(io: Io, g: GlobalOptions, files: string[], opts: Record<string, unknown>): Promise<number> {
  const output = opts.output as string | undefined;
  const config = await readConfig(io, opts.config as string | undefined, 'trend', FORMATS);
  const lang = g.lang ?? config?.lang;
  const format = formatOf(
    opts.format as TrendFormat | undefined,
    output,
    FORMATS,
    (config?.format as TrendFormat | undefined) ?? 'terminal',
  );
  const { model } = await readQuestionnaire(io, (opts.questionnaire as string | undefined) ?? config?.questionnaire);

  // Read every file before failing, so that all problems are shown at once.
  const dated: Dated[] = [];
  const warnings: Diagnostic[] = [];
  const errors: Diagnostic[] = [];
  // The report speaks the language of the latest file, unless --lang says otherwise.
  let latest: { date: string; locale: string } | undefined;
  let organization: string | undefined;
  for (const file of [...new Set(files)]) {
    try {
      const s = await readScored(io, file, model, { lang, toolVersion: VERSION });
      warnings.push(...s.warnings);
      const date = s.report.date;
      if (date !== null && (latest === undefined || date >= latest.date)) latest = { date, locale: s.report.locale };
      // A trend follows one organisation: say so when the files name two (a typo, or a file from elsewhere).
      const org = s.report.respondent?.organization;
      if (org !== undefined && organization !== undefined && org !== organization) {
        warnings.push(diag('trend-organization', { found: org, expected: organization }, s.organizationAt, 'warning'));
      }
      organization ??= org;
      if (date === null) errors.push(diag('no-date', {}, s.at));
      else dated.push({ file: s.file, date, report: s.report });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      errors.push(...e.diagnostics);
    }
  }
  if (errors.length > 0) throw new InputError([...errors, ...warnings]);

  const locale = pickLocale({ lang, answersLocale: latest?.locale, env: io.env, locales: model.doc.locales });
  const zh = locale.startsWith('zh');
  printDiagnostics(io, warnings, zh);
  const doc = buildTrend(model, dated, {
    locale,
    toolVersion: VERSION,
    warnings: warnings.map((w) => ({ code: w.code, message: messageOf(w, zh), file: w.file, line: w.line, column: w.column })),
  });
  const render = await trendRenderers[format]();
  const toFile = output !== undefined && output !== '-';
  const text = render(doc, { color: g.color && !toFile, columns: columnsOf(io) });
  await writeOutput(io, output, text, opts.force === true, locale);
  return 0;
}
