import type { Respondent } from '../schema/answers.js';
import type { Dimension, Level, Rule, Severity } from '../schema/questionnaire.js';
import { type Canonical, findOption, type Model, type QuestionInfo } from './model.js';
import { levelFor, type Result, SEVERITY_FACTOR, snap } from './score.js';
import { mean, present, type Stats, statsOf, weightedOverall } from './stats.js';

/** The respondent field that groups a team (SPEC §10 step 5). */
export type GroupBy = 'role' | 'unit' | 'organization';

/** What a team report keeps of one respondent: numbers and answers, never the parsed file. */
export interface Member {
  file: string;
  respondent: Respondent;
  perspective: string;
  date: string | null;
  group: string | null;
  overall: number | null;
  level: Level | null;
  coverage: number;
  /** In questionnaire dimension order. */
  dimensions: { score: number | null; coverage: number }[];
  /** Indexes of the rules that fired. */
  fired: number[];
  /** Per question (questionnaire order): the score and value of an answered scored question, else null. */
  questions: ({ score: number; value: Canonical } | null)[];
}

export interface MemberMeta {
  file: string;
  respondent: Respondent;
  date: string | null;
}

/** Keep of one respondent's result what the team needs, so that their file and full result can be dropped. */
export function memberOf(result: Result, meta: MemberMeta, by: GroupBy): Member {
  return {
    ...meta,
    perspective: result.perspective,
    group: meta.respondent[by] ?? null,
    overall: result.overall.score,
    level: result.overall.level,
    coverage: result.overall.coverage,
    dimensions: result.dimensions.map((d) => ({ score: d.score, coverage: d.coverage })),
    fired: result.remedies.map((r) => r.index).sort((a, b) => a - b),
    questions: result.questions.map((q) =>
      q.state === 'answered' && q.info.scored && q.score !== null && q.answer?.value !== undefined
        ? { score: q.score, value: q.answer.value }
        : null,
    ),
  };
}

export interface TeamDimension {
  dimension: Dimension;
  weight: number;
  stats: Stats;
  coverage: number;
  level: Level | null;
}

export interface TeamGroup {
  value: string | null;
  n: number;
  overall: number | null;
  /** In questionnaire dimension order. */
  dimensions: (number | null)[];
}

export interface GroupGap {
  dimension: Dimension;
  gap: number;
  flagged: boolean;
  low: { group: string | null; score: number };
  high: { group: string | null; score: number };
}

export interface DisputedAnswer {
  value: Canonical;
  score: number;
  count: number;
  groups: (string | null)[];
}

export interface Disputed {
  info: QuestionInfo;
  n: number;
  mean: number;
  min: number;
  max: number;
  spread: number;
  answers: DisputedAnswer[];
}

export interface TeamRemedy {
  rule: Rule;
  index: number;
  severity: Severity;
  priority: number;
  fired: number;
  of: number;
  groups: (string | null)[];
}

export interface PerspectiveView {
  id: string;
  respondents: number;
  dimensions: { dimension: Dimension; stats: Stats; gap: number | null }[];
  questions: { info: QuestionInfo; internal: number; other: number; gap: number }[];
}

export interface TeamSummary {
  /** The first perspective: the team proper. */
  perspective: string;
  by: GroupBy;
  disagree: number;
  n: number;
  overall: { score: number | null; coverage: number; level: Level | null };
  dimensions: TeamDimension[];
  groups: TeamGroup[];
  gaps: GroupGap[];
  disputed: Disputed[];
  remedies: TeamRemedy[];
  perspectives: PerspectiveView[];
}

export const GAP_FLAG = 15;
export const DEFAULT_DISAGREE = 0.5;

/** Groups in a stable order: by value, respondents without one last. */
const byGroup = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
const distinctGroups = (gs: Iterable<string | null>): (string | null)[] => [...new Set(gs)].sort(byGroup);

/** A key that is the same for the same answer (a multi answer's options in questionnaire order). */
function answerKey(info: QuestionInfo, value: Canonical): { key: string; value: Canonical } {
  if (!Array.isArray(value)) return { key: JSON.stringify(value), value };
  const sorted = [...value].sort((a, b) => findOption(info, a) - findOption(info, b));
  return { key: JSON.stringify(sorted), value: sorted };
}

function disputedOf(model: Model, team: readonly Member[], disagree: number): Disputed[] {
  const out: Disputed[] = [];
  for (const info of model.questions) {
    if (!info.scored) continue;
    const given: { score: number; value: Canonical; group: string | null }[] = [];
    for (const m of team) {
      const q = m.questions[info.index];
      if (q) given.push({ score: q.score, value: q.value, group: m.group });
    }
    if (given.length < 2) continue;
    const scores = given.map((g) => g.score);
    const min = scores.reduce((a, b) => Math.min(a, b));
    const max = scores.reduce((a, b) => Math.max(a, b));
    const spread = snap(max - min);
    if (spread < disagree) continue;
    const answers = new Map<string, DisputedAnswer & { members: (string | null)[] }>();
    for (const g of given) {
      const { key, value } = answerKey(info, g.value);
      const a = answers.get(key) ?? { value, score: g.score, count: 0, groups: [], members: [] };
      a.count++;
      a.members.push(g.group);
      answers.set(key, a);
    }
    out.push({
      info,
      n: given.length,
      mean: mean(scores) as number,
      min,
      max,
      spread,
      answers: [...answers.entries()]
        .sort(([ka, a], [kb, b]) => a.score - b.score || (ka < kb ? -1 : ka > kb ? 1 : 0))
        .map(([, { members, ...a }]) => ({ ...a, groups: distinctGroups(members) })),
    });
  }
  const weightOf = (d: Disputed) => d.info.weight * (d.info.dimension.weight ?? 1);
  return out.sort((a, b) => b.spread - a.spread || weightOf(b) - weightOf(a) || a.info.index - b.info.index);
}

function groupsOf(model: Model, team: readonly Member[], weights: number[]): TeamGroup[] {
  const members = new Map<string | null, Member[]>();
  for (const m of team) {
    const list = members.get(m.group);
    if (list) list.push(m);
    else members.set(m.group, [m]);
  }
  return [...members.keys()].sort(byGroup).map((value) => {
    const ms = members.get(value) ?? [];
    const dimensions = model.dimensions.map((_, d) => mean(present(ms.map((m) => m.dimensions[d]?.score ?? null))));
    return { value, n: ms.length, overall: weightedOverall(weights, dimensions), dimensions };
  });
}

function gapsOf(model: Model, groups: readonly TeamGroup[]): GroupGap[] {
  const out: GroupGap[] = [];
  model.dimensions.forEach((dimension, d) => {
    const scored = groups.flatMap((g) => {
      const score = g.dimensions[d];
      return score === null || score === undefined ? [] : [{ group: g.value, score }];
    });
    if (scored.length < 2) return;
    const low = scored.reduce((a, b) => (b.score < a.score ? b : a));
    const high = scored.reduce((a, b) => (b.score > a.score ? b : a));
    const gap = snap(high.score - low.score);
    out.push({ dimension, gap, flagged: gap >= GAP_FLAG, low, high });
  });
  return out.sort((a, b) => b.gap - a.gap);
}

function remediesOf(model: Model, team: readonly Member[], dims: readonly TeamDimension[], overall: number | null): TeamRemedy[] {
  const meanW = dims.reduce((s, d) => s + d.weight, 0) / dims.length;
  const out: TeamRemedy[] = [];
  // One pass over the members: who fired which rule.
  const firedBy = model.rules.map(() => [] as (string | null)[]);
  for (const m of team) for (const index of m.fired) firedBy[index]?.push(m.group);
  model.rules.forEach((rule, index) => {
    const groups = firedBy[index] as (string | null)[];
    if (groups.length === 0) return;
    const severity = rule.severity ?? 'medium';
    const d = rule.dimension === undefined ? undefined : dims.find((x) => x.dimension.id === rule.dimension);
    const ratio = d ? d.weight / meanW : 1;
    const s = d ? d.stats.mean : overall;
    const gap = s === null ? 1 : (100 - s) / 100;
    const share = groups.length / team.length;
    out.push({
      rule,
      index,
      severity,
      priority: snap(SEVERITY_FACTOR[severity] * (rule.weight ?? 1) * ratio * gap * share),
      fired: groups.length,
      of: team.length,
      groups: distinctGroups(groups),
    });
  });
  return out.sort((a, b) => b.priority - a.priority || SEVERITY_FACTOR[b.severity] - SEVERITY_FACTOR[a.severity] || a.index - b.index);
}

const dimensionStats = (model: Model, ms: readonly Member[]): Stats[] =>
  model.dimensions.map((_, d) => statsOf(ms.map((m) => m.dimensions[d]?.score ?? null)));

function perspectiveOf(model: Model, id: string, ms: readonly Member[], team: readonly Member[], ours: readonly Stats[]): PerspectiveView {
  const stats = dimensionStats(model, ms);
  const dimensions = model.dimensions.map((dimension, d) => {
    const a = ours[d]?.mean ?? null;
    const b = stats[d]?.mean ?? null;
    return { dimension, stats: stats[d] as Stats, gap: a === null || b === null ? null : snap(a - b) };
  });
  const questionMean = (group: readonly Member[], i: number) => mean(present(group.map((m) => m.questions[i]?.score ?? null)));
  const questions = model.questions.flatMap((info) => {
    const internal = questionMean(team, info.index);
    const other = questionMean(ms, info.index);
    if (!info.scored || internal === null || other === null) return [];
    return [{ info, internal: snap(100 * internal), other: snap(100 * other), gap: snap(100 * (internal - other)) }];
  });
  const byGap = (a: number | null, b: number | null) => (b === null ? -1 : a === null ? 1 : Math.abs(b) - Math.abs(a));
  return {
    id,
    respondents: ms.length,
    dimensions: dimensions.sort((a, b) => byGap(a.gap, b.gap)),
    questions: questions.sort((a, b) => byGap(a.gap, b.gap) || a.info.index - b.info.index),
  };
}

/**
 * One diagnosis from several respondents (SPEC §10 steps 1–7): the respondents of the questionnaire's first
 * perspective make the team; each other perspective is compared with it. Pure: members in, numbers out.
 */
export function summarizeTeam(model: Model, members: readonly Member[], opts: { by: GroupBy; disagree: number }): TeamSummary {
  const perspectives = model.perspectives.map((p) => p.id);
  const first = perspectives[0] as string;
  const team = members.filter((m) => m.perspective === first);
  const weights = model.dimensions.map((d) => d.weight ?? 1);
  const stats = dimensionStats(model, team);
  const dimensions: TeamDimension[] = model.dimensions.map((dimension, d) => {
    const s = stats[d] as Stats;
    return {
      dimension,
      weight: weights[d] as number,
      stats: s,
      coverage: mean(team.map((m) => m.dimensions[d]?.coverage ?? 0)) ?? 0,
      level: levelFor(model.doc.levels, s.mean),
    };
  });
  const overallScore = weightedOverall(
    weights,
    stats.map((s) => s.mean),
  );
  const groups = groupsOf(model, team, weights);
  return {
    perspective: first,
    by: opts.by,
    disagree: opts.disagree,
    n: team.length,
    overall: {
      score: overallScore,
      coverage: mean(team.map((m) => m.coverage)) ?? 0,
      level: levelFor(model.doc.levels, overallScore),
    },
    dimensions,
    groups,
    gaps: gapsOf(model, groups),
    disputed: disputedOf(model, team, opts.disagree),
    remedies: remediesOf(model, team, dimensions, overallScore),
    perspectives: perspectives.slice(1).flatMap((id) => {
      const ms = members.filter((m) => m.perspective === id);
      return ms.length === 0 ? [] : [perspectiveOf(model, id, ms, team, stats)];
    }),
  };
}
