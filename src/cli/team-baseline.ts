import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Comparable, compareReports } from '../core/compare.js';
import type { Model } from '../core/model.js';
import { evaluate } from '../core/score.js';
import { type GroupBy, type Member, memberOf, summarizeTeam } from '../core/team.js';
import { buildTeamReport } from '../core/team-report.js';
import { type Diagnostic, diag, hasErrors, InputError } from '../diagnostics.js';
import { progressStrings } from '../i18n/progress.js';
import { teamStrings } from '../i18n/team.js';
import { issuesToDiagnostics, PARSE_OPTIONS } from '../load/issues.js';
import { locate, parseYaml } from '../load/yaml.js';
import type { Comparison } from '../schema/report.js';
import { ScoredTeam } from '../schema/scored.js';
import { expandInputs, readArgument, readChecked, readFileNow } from './inputs.js';
import { displayName, type Io } from './io.js';
import { toolLocale } from './locale.js';

export interface TeamBaselineOptions {
  by: GroupBy;
  disagree: number;
  lang?: string | undefined;
  toolVersion: string;
}

/** The latest date any respondent gave: the date of a team's result. */
const latest = (dates: readonly (string | null)[]): string | null =>
  dates.reduce<string | null>((a, d) => (d !== null && (a === null || d > a) ? d : a), null);

/**
 * `team --compare BASELINE` (SPEC §11): the comparison of a team with its baseline, which is a `kind: team` JSON
 * document kamcheck wrote, a folder of answers files or one answers file (scored now as a team with the same
 * questionnaire and grouping). No answers are listed: a team has no single set of answers. Throws InputError.
 */
export async function teamComparison(
  io: Io,
  path: string,
  model: Model,
  current: Comparable,
  opts: TeamBaselineOptions,
): Promise<{ comparison: Comparison; warnings: Diagnostic[] }> {
  const shown = displayName(path);
  const isFolder = path !== '-' && statSync(resolve(io.cwd, path), { throwIfNoEntry: false })?.isDirectory() === true;
  // One file: a team document, or an answers file (read once, also from standard input).
  let single: { file: string; bytes: Uint8Array } | undefined;
  if (!isFolder) {
    const bytes = await readArgument(io, path);
    const { source, diagnostics } = parseYaml(shown, bytes);
    if (!source) throw new InputError(diagnostics);
    const kind = source.data.kind;
    if (kind === 'team') {
      const r = ScoredTeam.safeParse(source.data, PARSE_OPTIONS);
      if (!r.success) throw new InputError(issuesToDiagnostics(source, r.error.issues));
      const q = r.data.questionnaire;
      if (q.id !== model.doc.id) {
        const args = { kind: 'team', found: q.id, expected: model.doc.id };
        throw new InputError([diag('document-questionnaire-mismatch', args, locate(source, ['questionnaire', 'id']))]);
      }
      const warnings: Diagnostic[] = [];
      if (q.version !== model.doc.version) {
        const args = { kind: 'team', found: q.version, expected: model.doc.version };
        warnings.push(diag('document-questionnaire-version', args, locate(source, ['questionnaire', 'version']), 'warning'));
      }
      const before = { ...r.data, date: latest(r.data.people.map((p) => p.date)) };
      return { comparison: compareReports(before, current, { file: shown }), warnings };
    }
    if (kind !== undefined) {
      const expected = progressStrings(toolLocale(opts.lang, io.env)).expectTeam;
      throw new InputError([diag('wrong-document-kind', { found: String(kind), expected }, locate(source, ['kind']))]);
    }
    single = { file: path, bytes };
  }

  // Answers files, scored now as a team, one at a time.
  const files = single ? [single.file] : await expandInputs(io, [path], teamStrings(toolLocale(opts.lang, io.env)).noFiles);
  const members: Member[] = [];
  const problems: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  for (const file of files) {
    const bytes = single ? single.bytes : readFileNow(io, file);
    const { parsed, checked, found } = readChecked(file, bytes, model);
    if (!parsed || !checked || hasErrors(found)) {
      problems.push(...found);
      continue;
    }
    const result = evaluate(model, checked.answers, { perspective: parsed.doc.perspective });
    warnings.push(...found, ...result.warnings);
    members.push(memberOf(result, { file, respondent: parsed.doc.respondent ?? {}, date: parsed.doc.date ?? null }, opts.by));
  }
  if (problems.length > 0) throw new InputError(problems);
  const summary = summarizeTeam(model, members, { by: opts.by, disagree: opts.disagree });
  const locale = model.doc.locales[0] as string;
  const doc = buildTeamReport(model, summary, members, {
    locale,
    toolVersion: opts.toolVersion,
    warnings: [],
    perspectiveTitle: (id) => id,
  });
  const before = { ...doc, date: latest(members.map((m) => m.date)) };
  return { comparison: compareReports(before, current, { file: shown }), warnings };
}
