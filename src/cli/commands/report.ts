import { forPerspective, perspectiveOf, toNumber } from '../../core/model.js';
import { withAnswers } from '../../core/plan.js';
import { buildReport } from '../../core/report.js';
import { evaluate, SEVERITY_FACTOR } from '../../core/score.js';
import { InputError } from '../../diagnostics.js';
import { strings } from '../../i18n/ui.js';
import { type Format, renderers } from '../../render/index.js';
import type { Severity } from '../../schema/questionnaire.js';
import type { Comparison, Report } from '../../schema/report.js';
import { mergeThresholds, readConfig } from '../config.js';
import { type GlobalOptions, parseAnswersAt, printDiagnostics, readAnswers, readQuestionnaire } from '../context.js';
import { formatOf } from '../format.js';
import { checkThresholdIds, dropFailures, parseThresholds, type Thresholds, thresholdFailures } from '../gates.js';
import { columnsOf, displayName, type Io, UsageError, writeOutput } from '../io.js';
import { pickLocale, toolLocale } from '../locale.js';
import { readPlanArgs } from '../plan-args.js';
import { VERSION } from '../run.js';

/** A repeatable option's values (commander collects them into a list). */
const listOf = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]);

/** A numeric option within bounds, or undefined when not given. */
export function number(value: unknown, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = toNumber(value);
  if (n === undefined || n < min || n > max) {
    throw new UsageError(`kamcheck: error: ${flag} takes a number from ${min} to ${max}, not "${value}"`);
  }
  return n;
}

/** Which gates a report fails, as messages; empty when it passes. */
export function gateFailures(
  report: {
    locale: string;
    overall: { score: number | null; coverage: number };
    dimensions: readonly { id: string; score: number | null }[];
    remedies: readonly { id: string; severity: Severity }[];
    comparison?: Comparison | undefined;
  },
  gates: { failUnder?: number | Thresholds; minCoverage?: number; failOn?: Severity; maxDrop?: number },
): string[] {
  // The texts only when there is something to say: a run that passes its gates builds no table of them.
  const t = () => strings(report.locale);
  const out: string[] = thresholdFailures(report, gates.failUnder);
  if (gates.minCoverage !== undefined && !(report.overall.coverage >= gates.minCoverage)) {
    out.push(t().gateCoverage(report.overall.coverage.toFixed(3), gates.minCoverage));
  }
  if (gates.failOn !== undefined) {
    const worst = SEVERITY_FACTOR[gates.failOn];
    const hit = report.remedies.filter((r) => SEVERITY_FACTOR[r.severity] >= worst);
    if (hit.length > 0) out.push(t().gateSeverity(hit.length, gates.failOn, hit.map((r) => r.id).join(', ')));
  }
  out.push(...dropFailures(report.locale, report.comparison, gates.maxDrop));
  return out;
}

/** No answers read ahead: a file that cannot be read is reported by the read that needs it. */
const ignoreUnreadable = (e: unknown): undefined => {
  if (e instanceof UsageError) return undefined;
  throw e;
};

/** The organisation and the preparer given on the command line win over the answers file. */
const withCover = (r: Report, organization?: string, preparedBy?: string): Report => ({
  ...r,
  respondent: organization ? { ...r.respondent, organization } : r.respondent,
  ...(preparedBy ? { preparedBy } : {}),
});

export default async function report(io: Io, g: GlobalOptions, files: string[], opts: Record<string, unknown>): Promise<number> {
  const output = opts.output as string | undefined;
  const formats: Format[] = ['terminal', 'markdown', 'json', 'html', 'csv'];
  const config = await readConfig(io, opts.config as string | undefined, 'report', formats);
  const global = g.lang === undefined && config?.lang !== undefined ? { ...g, lang: config.lang } : g;
  const format = formatOf(opts.format as Format | undefined, output, formats, (config?.format as Format | undefined) ?? 'terminal');
  const flagThresholds = parseThresholds(opts.failUnder);
  const gates = {
    failUnder: mergeThresholds(config?.gates.failUnder, flagThresholds),
    minCoverage: number(opts.minCoverage, '--min-coverage', 0, 1) ?? config?.gates.minCoverage,
    failOn: (opts.failOn as Severity | undefined) ?? config?.gates.failOn,
    maxDrop: number(opts.maxDrop, '--max-drop', 0, 100) ?? config?.gates.maxDrop,
  };
  const whatIfGiven = listOf(opts.whatIf).length > 0;
  if (whatIfGiven && opts.compare !== undefined) {
    throw new UsageError('kamcheck: error: --what-if compares with the answers as given, so it takes no --compare');
  }
  // A what-if has its own comparison (with the answers as given); the config's baseline is for the real report.
  const baseline = (opts.compare as string | undefined) ?? (whatIfGiven ? undefined : config?.baseline);
  if (gates.maxDrop !== undefined && baseline === undefined && !whatIfGiven) {
    throw new UsageError('kamcheck: error: --max-drop needs a baseline: --compare BASELINE, or baseline: in the config file');
  }
  const top = number(opts.top, '--top', 0, 1000) ?? 5;
  if (format === 'html' && files.length > 1) {
    throw new UsageError('kamcheck: error: an HTML report is one page for one answers file; run report once per file');
  }
  if (format === 'csv' && files.length > 1) {
    throw new UsageError(
      'kamcheck: error: a CSV report is one table for one answers file; for one row per respondent use kamcheck team -f csv',
    );
  }
  // One answers file and no baseline: every text the run prints is in the report's locale, which the answers
  // file names, so the questionnaire's texts in that locale are all it needs to read (a cached one keeps them).
  // The file is read ahead for this only: a file that cannot be read is met where it always is, after the
  // questionnaire, and standard input is not waited for before the questionnaire is checked.
  const file = files.length === 1 && baseline === undefined && files[0] !== '-' ? (files[0] as string) : undefined;
  const single = file === undefined ? undefined : await parseAnswersAt(io, file).catch(ignoreUnreadable);
  const answersLocale = single?.parsed?.doc.locale;
  const pick = single?.parsed
    ? (locales: readonly string[]) => pickLocale({ lang: global.lang, answersLocale, env: io.env, locales })
    : undefined;
  const { model } = await readQuestionnaire(io, (opts.questionnaire as string | undefined) ?? config?.questionnaire, pick);
  config?.checkDimensions(model);
  checkThresholdIds(flagThresholds, model);
  if (files.length > 1 && !whatIfGiven && baseline === undefined) {
    // Many files: one report at a time, so that memory does not grow with the number of files.
    const { targets } = readPlanArgs(model, { target: listOf(opts.target), whatIf: [] }, []);
    const f = { format, output, force: opts.force === true, top, targets, gateFailures: (r: Report) => gateFailures(r, gates) };
    return (await import('../report-many.js')).reportMany(io, global, model, files, f);
  }

  // Read every file before failing, so that all problems are shown at once.
  const loaded = [];
  const errors = [];
  for (const file of files) {
    try {
      loaded.push(await readAnswers(io, file, model, single));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      errors.push(...e.diagnostics);
    }
  }
  if (errors.length > 0) throw new InputError(errors);

  const perspectives = loaded.map(({ parsed }) => perspectiveOf(model, parsed.doc.perspective));
  const { targets, whatIfs } = readPlanArgs(model, { target: listOf(opts.target), whatIf: listOf(opts.whatIf) }, perspectives);
  const compare = whatIfs.length > 0 ? (await import('../../core/compare.js')).compareReports : undefined;

  const made = loaded.map(({ parsed, answers, warnings }, i) => {
    const perspective = perspectiveOf(model, parsed.doc.perspective);
    const worded = forPerspective(model, perspective);
    const result = evaluate(worded, answers, { perspective });
    const whatIf = whatIfs[i];
    // With --what-if the report is of the changed answers, compared with the answers as given.
    const scored = whatIf ? evaluate(worded, withAnswers(answers, whatIf.changes), { perspective }) : result;
    const locale = pickLocale({ lang: global.lang, answersLocale: parsed.doc.locale, env: io.env, locales: model.doc.locales });
    // Messages follow the tool's language rule, whatever language the report itself is in.
    printDiagnostics(io, [...warnings, ...scored.warnings], toolLocale(global.lang, io.env).startsWith('zh'));
    const meta = { answers: parsed.doc, locale, toolVersion: VERSION, targets };
    const cover = (r: Report) => withCover(r, opts.organization as string | undefined, opts.preparedBy as string | undefined);
    const report = cover(buildReport(worded, { ...scored, warnings: [...warnings, ...scored.warnings] }, meta));
    if (!whatIf || !compare) return report;
    const given = buildReport(worded, result, meta);
    return {
      ...report,
      whatIf: whatIf.listed,
      comparison: compare(given, report, { file: displayName(files[i] as string), answers: true }),
    };
  });

  const reports = baseline === undefined ? made : await (await import('../baseline.js')).withComparison(io, model, made, baseline, VERSION);

  const render = await renderers[format]();
  const columns = columnsOf(io);
  const toFile = output !== undefined && output !== '-';
  const color = global.color && !toFile;
  const text =
    format === 'json' && reports.length > 1
      ? `${JSON.stringify(reports, null, 2)}\n`
      : reports.map((r) => render(r, { color, columns, top })).join(format === 'markdown' ? '\n---\n\n' : '\n');
  await writeOutput(io, output, text, opts.force === true, reports[0]?.locale ?? 'en');

  const failures = reports.flatMap((r) => gateFailures(r, gates));
  for (const f of failures) io.stderr.write(`kamcheck: ${f}\n`);
  return failures.length > 0 ? 1 : 0;
}
