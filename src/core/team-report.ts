import type { Diagnostic } from '../diagnostics.js';
import { messageOf } from '../i18n/diagnostics.js';
import type { Text } from '../schema/common.js';
import type { Level } from '../schema/questionnaire.js';
import type { TeamReport } from '../schema/team.js';
import type { Model } from './model.js';
import { answerLabel, resolveText, round, ruleTexts } from './report.js';
import type { Stats } from './stats.js';
import type { Member, TeamSummary } from './team.js';

const r1 = (n: number | null) => (n === null ? null : round(n, 1));
const r3 = (n: number) => round(n, 3);

export interface TeamMeta {
  locale: string;
  toolVersion: string;
  warnings: Diagnostic[];
  /** The title of a perspective in the report's locale. */
  perspectiveTitle: (id: string) => string;
}

const spread = (s: Stats) => ({ n: s.n, median: r1(s.median), min: r1(s.min), max: r1(s.max), sd: r1(s.sd), consensus: s.consensus });

/** The team document (SPEC §10): texts resolved to one locale, numbers rounded for output. */
export function buildTeamReport(model: Model, summary: TeamSummary, members: readonly Member[], meta: TeamMeta): TeamReport {
  const doc = model.doc;
  const fallback = doc.locales[0] as string;
  const text = (t: Text) => resolveText(t, meta.locale, fallback);
  const zh = meta.locale.startsWith('zh');
  const level = (l: Level | null) => (l ? { id: l.id, title: text(l.title) } : null);
  const byDimension = (scores: readonly (number | null)[]) =>
    Object.fromEntries(model.dimensions.map((d, i) => [d.id, r1(scores[i] ?? null)]));
  return {
    kamcheck: 1,
    kind: 'team',
    tool: { name: 'kamcheck', version: meta.toolVersion },
    questionnaire: { id: doc.id, version: doc.version, title: text(doc.title) },
    locale: meta.locale,
    respondents: summary.n,
    perspective: summary.perspective,
    by: summary.by,
    disagree: summary.disagree,
    overall: { score: r1(summary.overall.score), level: level(summary.overall.level), coverage: r3(summary.overall.coverage) },
    dimensions: summary.dimensions.map((d) => ({
      id: d.dimension.id,
      title: text(d.dimension.title),
      weight: d.weight,
      score: r1(d.stats.mean),
      level: level(d.level),
      coverage: r3(d.coverage),
      ...spread(d.stats),
    })),
    groups: summary.groups.map((g) => ({ value: g.value, n: g.n, overall: r1(g.overall), dimensions: byDimension(g.dimensions) })),
    gaps: summary.gaps.map((g) => ({
      dimension: g.dimension.id,
      gap: round(g.gap, 1),
      flagged: g.flagged,
      low: { group: g.low.group, score: round(g.low.score, 1) },
      high: { group: g.high.group, score: round(g.high.score, 1) },
    })),
    disputed: summary.disputed.map((d) => ({
      id: d.info.question.id,
      dimension: d.info.dimension.id,
      text: text(d.info.question.text),
      n: d.n,
      mean: r3(d.mean),
      min: r3(d.min),
      max: r3(d.max),
      spread: r3(d.spread),
      answers: d.answers.map((a) => ({
        value: a.value,
        label: answerLabel(d.info, a.value, text, zh),
        score: r3(a.score),
        count: a.count,
        groups: a.groups,
      })),
    })),
    remedies: summary.remedies.map((r) => ({
      id: r.rule.id,
      dimension: r.rule.dimension ?? null,
      severity: r.severity,
      priority: r3(r.priority),
      fired: r.fired,
      of: r.of,
      groups: r.groups,
      ...ruleTexts(r.rule, text),
    })),
    perspectives: summary.perspectives.map((p) => ({
      id: p.id,
      title: meta.perspectiveTitle(p.id),
      respondents: p.respondents,
      dimensions: p.dimensions.map((d) => ({
        id: d.dimension.id,
        title: text(d.dimension.title),
        score: r1(d.stats.mean),
        gap: r1(d.gap),
        ...spread(d.stats),
      })),
      questions: p.questions.map((q) => ({
        id: q.info.question.id,
        dimension: q.info.dimension.id,
        text: text(q.info.question.text),
        internal: round(q.internal, 1),
        other: round(q.other, 1),
        gap: round(q.gap, 1),
      })),
    })),
    people: members.map((m) => ({
      file: m.file,
      respondent: { ...m.respondent },
      perspective: m.perspective,
      date: m.date,
      overall: r1(m.overall),
      level: m.level?.id ?? null,
      coverage: r3(m.coverage),
      dimensions: byDimension(m.dimensions.map((d) => d.score)),
    })),
    warnings: meta.warnings.map((w) => ({ code: w.code, message: messageOf(w, zh), file: w.file, line: w.line, column: w.column })),
  };
}
