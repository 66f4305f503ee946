import { forPerspective, perspectiveOf, toNumber } from '../../core/model.js';
import { withAnswers } from '../../core/plan.js';
import { buildReport } from '../../core/report.js';
import { evaluate, SEVERITY_FACTOR } from '../../core/score.js';
import { InputError } from '../../diagnostics.js';
import { strings } from '../../i18n/ui.js';
import { type Format, renderers } from '../../render/index.js';
import type { Severity } from '../../schema/questionnaire.js';
import type { Report } from '../../schema/report.js';
import { type GlobalOptions, printDiagnostics, readAnswers, readQuestionnaire } from '../context.js';
import { formatOf } from '../format.js';
import { columnsOf, displayName, type Io, UsageError, writeOutput } from '../io.js';
import { pickLocale } from '../locale.js';
import { readPlanArgs } from '../plan-args.js';
import { VERSION } from '../run.js';

/** A repeatable option's values (commander collects them into a list). */
const listOf = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]);

function number(value: unknown, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = toNumber(value);
  if (n === undefined || n < min || n > max) {
    throw new UsageError(`kamcheck: error: ${flag} takes a number from ${min} to ${max}, not "${value}"`);
  }
  return n;
}

/** Which gates a report fails, as messages; empty when it passes. */
export function gateFailures(report: Report, gates: { failUnder?: number; minCoverage?: number; failOn?: Severity }): string[] {
  const t = strings(report.locale);
  const out: string[] = [];
  if (gates.failUnder !== undefined) {
    const s = report.overall.score;
    if (s === null) out.push(t.gateNoScore(gates.failUnder));
    else if (s < gates.failUnder) out.push(t.gateFailUnder(s.toFixed(1), gates.failUnder));
  }
  if (gates.minCoverage !== undefined && report.overall.coverage < gates.minCoverage) {
    out.push(t.gateCoverage(report.overall.coverage.toFixed(3), gates.minCoverage));
  }
  if (gates.failOn !== undefined) {
    const worst = SEVERITY_FACTOR[gates.failOn];
    const hit = report.remedies.filter((r) => SEVERITY_FACTOR[r.severity] >= worst);
    if (hit.length > 0) out.push(t.gateSeverity(hit.length, gates.failOn, hit.map((r) => r.id).join(', ')));
  }
  return out;
}

/** The organisation and the preparer given on the command line win over the answers file. */
const withCover = (r: Report, organization?: string, preparedBy?: string): Report => ({
  ...r,
  respondent: organization ? { ...r.respondent, organization } : r.respondent,
  ...(preparedBy ? { preparedBy } : {}),
});

export default async function report(io: Io, global: GlobalOptions, files: string[], opts: Record<string, unknown>): Promise<number> {
  const output = opts.output as string | undefined;
  const format = formatOf(opts.format as Format | undefined, output, ['terminal', 'markdown', 'json', 'html'], 'terminal');
  const gates = {
    failUnder: number(opts.failUnder, '--fail-under', 0, 100),
    minCoverage: number(opts.minCoverage, '--min-coverage', 0, 1),
    failOn: opts.failOn as Severity | undefined,
  };
  const top = number(opts.top, '--top', 0, 1000) ?? 5;
  if (format === 'html' && files.length > 1) {
    throw new UsageError('kamcheck: error: an HTML report is one page for one answers file; run report once per file');
  }
  const { model } = await readQuestionnaire(io, opts.questionnaire as string | undefined);

  // Read every file before failing, so that all problems are shown at once.
  const loaded = [];
  const errors = [];
  for (const file of files) {
    try {
      loaded.push(await readAnswers(io, file, model));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      errors.push(...e.diagnostics);
    }
  }
  if (errors.length > 0) throw new InputError(errors);

  const perspectives = loaded.map(({ parsed }) => perspectiveOf(model, parsed.doc.perspective));
  const { targets, whatIfs } = readPlanArgs(model, { target: listOf(opts.target), whatIf: listOf(opts.whatIf) }, perspectives);
  const compare = whatIfs.length > 0 ? (await import('../../core/compare.js')).compareReports : undefined;

  const reports = loaded.map(({ parsed, answers, warnings }, i) => {
    const perspective = perspectiveOf(model, parsed.doc.perspective);
    const worded = forPerspective(model, perspective);
    const result = evaluate(worded, answers, { perspective });
    const whatIf = whatIfs[i];
    // With --what-if the report is of the changed answers, compared with the answers as given.
    const scored = whatIf ? evaluate(worded, withAnswers(answers, whatIf.changes), { perspective }) : result;
    const locale = pickLocale({ lang: global.lang, answersLocale: parsed.doc.locale, env: io.env, locales: model.doc.locales });
    printDiagnostics(io, [...warnings, ...scored.warnings], locale.startsWith('zh'));
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

  const render = await renderers[format]();
  const columns = columnsOf(io);
  const toFile = output !== undefined && output !== '-';
  const color = global.color && !toFile;
  const text =
    format === 'json' && reports.length > 1
      ? `${JSON.stringify(reports, null, 2)}\n`
      : reports.map((r) => render(r, { color, columns, top })).join(format === 'markdown' ? '\n---\n\n' : '\n');
  await writeOutput(io, output, text, opts.force === true, strings(reports[0]?.locale ?? 'en').fileExists);

  const failures = reports.flatMap((r) => gateFailures(r, gates));
  for (const f of failures) io.stderr.write(`kamcheck: ${f}\n`);
  return failures.length > 0 ? 1 : 0;
}
