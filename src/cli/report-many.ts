import { forPerspective, type Model, perspectiveOf } from '../core/model.js';
import { buildReport } from '../core/report.js';
import { evaluate } from '../core/score.js';
import { type Diagnostic, InputError } from '../diagnostics.js';
import type { ParsedAnswers } from '../load/answers.js';
import { type Format, renderers } from '../render/index.js';
import type { Report } from '../schema/report.js';
import type { GlobalOptions } from './context.js';
import { readArgument, readChecked } from './inputs.js';
import { columnsOf, type Io } from './io.js';
import { pickLocale } from './locale.js';
import { printDiagnostics } from './print.js';
import { VERSION } from './run.js';
import { openSink } from './sink.js';

/** The report of one checked answers file, in its own perspective and language; its warnings go to stderr. */
export function reportOf(
  io: Io,
  global: GlobalOptions,
  model: Model,
  loaded: { parsed: ParsedAnswers; answers: Parameters<typeof evaluate>[1]; warnings: Diagnostic[] },
  targets: Readonly<Record<string, number>> = {},
): Report {
  const { parsed, answers, warnings } = loaded;
  const perspective = perspectiveOf(model, parsed.doc.perspective);
  const worded = forPerspective(model, perspective);
  const result = evaluate(worded, answers, { perspective });
  const locale = pickLocale({ lang: global.lang, answersLocale: parsed.doc.locale, env: io.env, locales: model.doc.locales });
  printDiagnostics(io, [...warnings, ...result.warnings], locale.startsWith('zh'));
  const meta = { answers: parsed.doc, locale, toolVersion: VERSION, targets };
  return buildReport(worded, { ...result, warnings: [...warnings, ...result.warnings] }, meta);
}

const indent = (json: string) => `  ${json.replace(/\n/g, '\n  ')}`;

/**
 * `report` over many files, one at a time: every file is checked first (all problems of all files before any
 * output), then each is read again, scored, written and dropped. Output is the same as building every report
 * in memory: a JSON array, or the reports one after the other.
 */
export async function reportMany(
  io: Io,
  global: GlobalOptions,
  model: Model,
  files: readonly string[],
  opts: {
    format: Format;
    output: string | undefined;
    force: boolean;
    top: number;
    targets: Readonly<Record<string, number>>;
    gateFailures: (r: Report) => string[];
  },
): Promise<number> {
  const errors: Diagnostic[] = [];
  for (const file of files) {
    const { found } = readChecked(file, await readArgument(io, file), model);
    errors.push(...found.filter((d) => d.severity === 'error'));
  }
  if (errors.length > 0) throw new InputError(errors);

  const render = await renderers[opts.format]();
  const json = opts.format === 'json';
  const toFile = opts.output !== undefined && opts.output !== '-';
  const renderOpts = { color: global.color && !toFile, columns: columnsOf(io), top: opts.top };
  const separator = json ? ',\n' : opts.format === 'markdown' ? '\n---\n\n' : '\n';
  const sink = openSink(io, opts.output, opts.force, global.lang ?? 'en');
  const failures: string[] = [];
  try {
    if (json) await sink.write('[\n');
    for (const [i, file] of files.entries()) {
      const { parsed, checked, found } = readChecked(file, await readArgument(io, file), model);
      if (!parsed || !checked) throw new Error(`${file} was valid a moment ago`);
      const report = reportOf(io, global, model, { parsed, answers: checked.answers, warnings: found }, opts.targets);
      const text = json ? indent(JSON.stringify(report, null, 2)) : render(report, renderOpts);
      await sink.write(i > 0 ? `${separator}${text}` : text);
      failures.push(...opts.gateFailures(report));
    }
    if (json) await sink.write('\n]\n');
    sink.close();
  } catch (e) {
    sink.abort();
    throw e;
  }
  for (const f of failures) io.stderr.write(`kamcheck: ${f}\n`);
  return failures.length > 0 ? 1 : 0;
}
