import { type Model, perspectiveOf } from '../../core/model.js';
import { resolveText } from '../../core/report.js';
import { evaluate } from '../../core/score.js';
import { DEFAULT_DISAGREE, type GroupBy, type Member, memberOf, summarizeTeam } from '../../core/team.js';
import { buildTeamReport } from '../../core/team-report.js';
import { type Diagnostic, hasErrors, InputError } from '../../diagnostics.js';
import { teamStrings } from '../../i18n/team.js';
import { type TeamFormat, teamRenderers } from '../../render/team-formats.js';
import type { Severity } from '../../schema/questionnaire.js';
import type { TeamReport } from '../../schema/team.js';
import { mergeThresholds, readConfig } from '../config.js';
import { type GlobalOptions, printDiagnostics, readQuestionnaire } from '../context.js';
import { formatOf } from '../format.js';
import { expandInputs, readChecked, readFileNow } from '../inputs.js';
import { columnsOf, type Io, UsageError, writeOutput } from '../io.js';
import { pickLocale, toolLocale } from '../locale.js';
import { VERSION } from '../run.js';
import type { TeamBaselineOptions } from '../team-baseline.js';
import { gateFailures, number } from './report.js';

const FORMATS: TeamFormat[] = ['terminal', 'markdown', 'json', 'html', 'csv'];

/** `kamcheck team`: one consolidated report from many answers files (SPEC §10). */
export default async function team(io: Io, g: GlobalOptions, args: string[], opts: Record<string, unknown>): Promise<number> {
  const output = opts.output as string | undefined;
  const config = await readConfig(io, opts.config as string | undefined, 'team', FORMATS);
  const global = g.lang === undefined && config?.lang !== undefined ? { ...g, lang: config.lang } : g;
  const format = formatOf(opts.format as TeamFormat | undefined, output, FORMATS, (config?.format as TeamFormat | undefined) ?? 'terminal');
  const by = (opts.by as GroupBy | undefined) ?? 'role';
  const disagree = number(opts.disagree, '--disagree', 0, 1) ?? DEFAULT_DISAGREE;
  const failUnder = number(opts.failUnder, '--fail-under', 0, 100);
  const gates = {
    failUnder: mergeThresholds(config?.gates.failUnder, failUnder === undefined ? undefined : { overall: failUnder }),
    minCoverage: number(opts.minCoverage, '--min-coverage', 0, 1) ?? config?.gates.minCoverage,
    failOn: (opts.failOn as Severity | undefined) ?? config?.gates.failOn,
    maxDrop: number(opts.maxDrop, '--max-drop', 0, 100),
  };
  // The config's baseline and maxDrop are those of `report` (a report, not a team document): a team is compared
  // only with the baseline given on its command line.
  const baseline = opts.compare as string | undefined;
  if (gates.maxDrop !== undefined && baseline === undefined) {
    throw new UsageError('kamcheck: error: --max-drop needs a baseline: --compare BASELINE');
  }
  const top = number(opts.top, '--top', 0, 1000) ?? 5;
  const skipInvalid = opts.skipInvalid === true;
  const tt = teamStrings(toolLocale(global.lang, io.env));
  const { model } = await readQuestionnaire(io, (opts.questionnaire as string | undefined) ?? config?.questionnaire);
  config?.checkDimensions(model);
  const first = perspectiveOf(model, undefined);
  const files = await expandInputs(io, args, tt.noFiles);

  // One file at a time: read, check, score, keep the numbers, drop the rest.
  const members: Member[] = [];
  const problems: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  let invalid = 0;
  let answersLocale: string | undefined;
  for (const file of files) {
    const { parsed, checked, found } = readChecked(file, readFileNow(io, file), model);
    if (!parsed || !checked || hasErrors(found)) {
      invalid++;
      problems.push(...found);
      continue;
    }
    const result = evaluate(model, checked.answers, { perspective: parsed.doc.perspective });
    warnings.push(...found, ...result.warnings);
    answersLocale ??= parsed.doc.locale;
    members.push(memberOf(result, { file, respondent: parsed.doc.respondent ?? {}, date: parsed.doc.date ?? null }, by));
  }
  if (problems.length > 0 && !skipInvalid) throw new InputError(problems);

  const locale = pickLocale({ lang: global.lang, answersLocale, env: io.env, locales: model.doc.locales });
  const zh = locale.startsWith('zh');
  const t = teamStrings(locale);
  const skipped = problems.map((d) => ({ ...d, severity: 'warning' as const }));
  printDiagnostics(io, [...skipped, ...warnings], zh);
  if (invalid > 0) io.stderr.write(`kamcheck: ${t.skippedInvalid(invalid)}\n`);
  if (!members.some((m) => m.perspective === first)) throw new UsageError(`kamcheck: error: ${t.noTeam(first)}`);

  const summary = summarizeTeam(model, members, { by, disagree });
  const built = buildTeamReport(model, summary, members, {
    locale,
    toolVersion: VERSION,
    warnings: [...skipped, ...warnings],
    perspectiveTitle: (id) => {
      const title = model.perspectives.find((p) => p.id === id)?.title;
      return title === undefined ? t.defaultPerspective(id) : resolveText(title, locale, model.doc.locales[0] as string);
    },
  });
  const doc =
    baseline === undefined ? built : await compared(io, model, built, baseline, { by, disagree, lang: global.lang, toolVersion: VERSION });
  const render = await teamRenderers[format]();
  const toFile = output !== undefined && output !== '-';
  const text = render(doc, { color: global.color && !toFile, columns: columnsOf(io), top });
  await writeOutput(io, output, text, opts.force === true, locale);

  const failures = gateFailures(doc, gates);
  for (const f of failures) io.stderr.write(`kamcheck: ${f}\n`);
  return failures.length > 0 ? 1 : 0;
}

/** The team document with its comparison to the baseline (SPEC §11); the baseline's warnings are shown. */
async function compared(io: Io, model: Model, doc: TeamReport, baseline: string, opts: TeamBaselineOptions): Promise<TeamReport> {
  const { teamComparison } = await import('../team-baseline.js');
  const date = doc.people.reduce<string | null>((a, p) => (p.date !== null && (a === null || p.date > a) ? p.date : a), null);
  const { comparison, warnings } = await teamComparison(io, baseline, model, { ...doc, date }, opts);
  printDiagnostics(io, warnings, doc.locale.startsWith('zh'));
  // People read remedies by their titles, also those resolved since the baseline and so absent from the document.
  const named = new Set([...comparison.remedies.new, ...comparison.remedies.resolved, ...comparison.remedies.persisting]);
  const first = model.doc.locales[0] as string;
  const titles = Object.fromEntries(model.rules.filter((r) => named.has(r.id)).map((r) => [r.id, resolveText(r.title, doc.locale, first)]));
  return { ...doc, comparison: { ...comparison, titles } };
}
