import { type ReportStrings, reportStrings } from '../i18n/report.js';
import { type Strings, strings } from '../i18n/ui.js';
import type { Severity } from '../schema/questionnaire.js';
import type { Report } from '../schema/report.js';
import { type Band, band, fmtPercent, fmtScore } from './format.js';
import { type ComparisonView, comparisonView, type RoadmapView, roadmapView, type TargetView, targetsView } from './view-plan.js';

// The report as sections of finished text, decided once; terminal, markdown and HTML only lay them out.

export interface Fact {
  label: string;
  value: string;
}

export interface RemedyView {
  title: string;
  severity: Severity;
  severityWord: string;
  /** Dimension, effort, horizon and gain, in words. */
  facts: string[];
  why: string | null;
  actions: string[];
  /** The remedy's overall gain in points, when known. */
  gain: number | null;
  /** 1 for the remedy of highest priority. */
  rank: number;
}

export interface DimensionView {
  id: string;
  title: string;
  score: number | null;
  scoreText: string;
  band: Band;
  level: string;
  coverage: string;
  answered: string;
  /** Why the score is lower than the answers alone give, in words; null when no cap lowered it. */
  cap: string | null;
}

export interface SummaryView {
  score: number | null;
  scoreText: string;
  band: Band;
  level: string | null;
  levelDescription: string | null;
  /** The next level and the points it takes, or that this is the top level. */
  next: string | null;
  /** What the next level takes (from the level's "to move up" sentence), else what that level looks like. */
  nextDetail: string | null;
  cap: string | null;
  coverage: string;
  coveragePercent: string;
  actionsTitle: string;
  actions: RemedyView[];
  strongest: string | null;
  weakest: string | null;
  whatIf: string[];
  /** Set on a what-if report: its scores are hypothetical, said first. */
  hypothetical: string | null;
}

export interface ReportView {
  locale: string;
  t: Strings;
  r: ReportStrings;
  title: string;
  /** Organisation and date, for the page header of a printout. */
  organization: string | null;
  date: string | null;
  facts: Fact[];
  summary: SummaryView;
  targets: TargetView[];
  dimensions: DimensionView[];
  strengths: string[];
  /** What the strengths list is: real strengths, or the answers that come closest when none scores half marks. */
  strengthsIntro: string;
  comparison: ComparisonView | null;
  roadmap: RemedyRoadmap;
}

export type RemedyRoadmap = RoadmapView<RemedyView>;

const join = (zh: boolean, parts: string[]) => parts.join(zh ? '；' : '; ');

/** The titles of the rules that set a capped score, joined for a sentence; rules are never named by id. */
export function capReasons(report: Report, ids: readonly string[]): string {
  const zh = report.locale.toLowerCase().startsWith('zh');
  return join(
    zh,
    ids.map((id) => report.remedies.find((m) => m.id === id)?.title).filter((s): s is string => s !== undefined),
  );
}

/** The cap a rule sets, as the questionnaire writes it (40, not 40.0); the capped score when the report does not say. */
function capValue(report: Report, ids: readonly string[], key: 'cap' | 'overallCap', score: number): string {
  const caps = ids.map((id) => report.remedies.find((m) => m.id === id)?.[key]).filter((c): c is number => typeof c === 'number');
  return caps.length > 0 ? String(Math.min(...caps)) : fmtScore(score, '');
}

/** Build the sections of a report once, for every renderer; the answers appendix, which the terminal does not show, is made by the renderers that do (answersAppendix). */
export function reportView(report: Report): ReportView {
  const t = strings(report.locale);
  const r = reportStrings(report.locale);
  const zh = report.locale.toLowerCase().startsWith('zh');
  const resp = report.respondent;
  const person = [resp.name, resp.role, resp.unit].filter((x): x is string => Boolean(x)).join(' · ');
  const facts: Fact[] = [
    person ? { label: t.respondent, value: person } : null,
    report.preparedBy ? { label: r.preparedBy, value: report.preparedBy } : null,
    // The default perspective goes without saying; another one (e.g. the customer's) is named.
    report.perspective && report.perspective !== 'internal' ? { label: r.perspective, value: report.perspective } : null,
    report.date ? { label: t.date, value: report.date } : null,
    { label: t.questionnaire, value: `${report.questionnaire.title} ${report.questionnaire.version}` },
  ].filter((f): f is Fact => f !== null);

  const dimTitle = (id: string | null) => (id === null ? null : (report.dimensions.find((d) => d.id === id)?.title ?? null));
  const remedies = new Map(
    report.remedies.map((m, i) => {
      const gain = m.gain ?? null;
      const view: RemedyView = {
        title: m.title,
        severity: m.severity,
        severityWord: r.severityWord[m.severity],
        facts: [
          dimTitle(m.dimension),
          m.effort && r.effort(t.effortLevel[m.effort]),
          m.horizon,
          gain !== null && gain > 0 ? r.gain(gain.toFixed(1)) : null,
        ].filter((x): x is string => Boolean(x)),
        why: m.why,
        actions: m.actions,
        gain,
        rank: i + 1,
      };
      return [m.id, view] as const;
    }),
  );

  const dimensions: DimensionView[] = report.dimensions.map((d) => {
    const b = band(d.score);
    const cap =
      d.cappedBy.length > 0 && d.score !== null
        ? `${r.capped(capValue(report, d.cappedBy, 'cap', d.score), capReasons(report, d.cappedBy))}${r.rawScore(fmtScore(d.rawScore, '—'))}`
        : null;
    return {
      id: d.id,
      title: d.title,
      score: d.score,
      scoreText: fmtScore(d.score, r.none),
      band: b,
      level: d.level?.title ?? r.none,
      coverage: fmtPercent(d.coverage),
      answered: `${d.answered}/${d.applicable}`,
      cap,
    };
  });

  return {
    locale: report.locale,
    t,
    r,
    title: `${report.questionnaire.title} — ${t.reportTitle}`,
    organization: resp.organization ?? null,
    date: report.date,
    facts,
    summary: summaryView(report, r, t, dimensions, [...remedies.values()]),
    targets: targetsView(report, r),
    dimensions,
    ...strengthsOf(report, r, zh),
    comparison: comparisonView(report, r, remedies),
    roadmap: roadmapView(report, r, remedies),
  };
}

function strengthsOf(report: Report, r: ReportStrings, zh: boolean) {
  const s = strengths(report, zh);
  return { strengths: s.items, strengthsIntro: s.intro === 'strengths' ? r.strengthsIntro : r.closestIntro };
}

// A level's description may end with what it takes to move up ("To move up — …", "要进入下一阶段：…").
const MOVE_UP = /\s*(?:To move up\s*[\u2014:-]\s*|\u8981\u8fdb\u5165\u4e0b\u4e00\u9636\u6bb5[\uff1a:]\s*)/u;

/** A level description split into what the level looks like and what moving up takes. */
export function splitMoveUp(description: string | null): { text: string | null; moveUp: string | null } {
  if (!description) return { text: null, moveUp: null };
  const m = MOVE_UP.exec(description);
  if (!m) return { text: description, moveUp: null };
  return { text: description.slice(0, m.index).trim() || null, moveUp: description.slice(m.index + m[0].length).trim() || null };
}

function summaryView(report: Report, r: ReportStrings, t: Strings, dims: DimensionView[], remedies: RemedyView[]): SummaryView {
  const o = report.overall;
  const levels = [...(report.levels ?? [])].sort((a, b) => a.min - b.min);
  const current = levels.find((l) => l.id === o.level?.id);
  const next = o.score === null ? undefined : levels.find((l) => l.min > (o.score as number));
  const here = splitMoveUp(current?.description ?? null);
  const hasGains = remedies.some((m) => m.gain !== null && m.gain > 0);
  const actions = hasGains
    ? remedies
        .filter((m) => m.gain !== null && m.gain > 0)
        .sort((a, b) => (b.gain as number) - (a.gain as number))
        .slice(0, 3)
    : remedies.slice(0, 3);
  const scored = dims.filter((d) => d.score !== null);
  const byScore = [...scored].sort((a, b) => (b.score as number) - (a.score as number));
  const describe = (d: DimensionView | undefined) => (d ? `${d.title} ${d.scoreText} (${d.level})` : null);
  const cappedBy = report.overall.cappedBy ?? [];
  const answered = report.dimensions.reduce((n, d) => n + d.answered, 0);
  const applicable = report.dimensions.reduce((n, d) => n + d.applicable, 0);
  const text = (id: string) => report.answers.find((a) => a.id === id)?.text ?? id;
  return {
    score: o.score,
    scoreText: fmtScore(o.score, t.noScore),
    band: band(o.score),
    level: o.level?.title ?? null,
    levelDescription: here.text,
    next: o.score === null || !current ? null : next ? r.nextLevel(next.title, next.min, (next.min - o.score).toFixed(1)) : r.topLevel,
    nextDetail: !next
      ? null
      : here.moveUp
        ? r.whatItTakes(here.moveUp)
        : splitMoveUp(next.description).text && r.atThatLevel(splitMoveUp(next.description).text as string),
    cap:
      cappedBy.length > 0 && o.score !== null
        ? `${r.overallCapped(capValue(report, cappedBy, 'overallCap', o.score), capReasons(report, cappedBy))}${r.rawScore(fmtScore(o.uncappedScore, '—'))}`
        : null,
    coverage: r.coverageLine(fmtPercent(o.coverage), answered, applicable),
    coveragePercent: fmtPercent(o.coverage),
    actionsTitle: hasGains ? r.largestGain(actions.length) : r.mostUrgent(actions.length),
    actions,
    strongest: byScore.length > 1 ? describe(byScore[0]) : null,
    weakest: byScore.length > 1 ? describe(byScore[byScore.length - 1]) : null,
    hypothetical: report.whatIf && report.whatIf.length > 0 ? r.hypothetical : null,
    whatIf: (report.whatIf ?? []).map((w) => `${text(w.id)} → ${Array.isArray(w.value) ? w.value.join(', ') : String(w.value)}`),
  };
}

/** The best-scoring answers (half marks or more), best first: what the company already does well; else the closest to it. */
function strengths(report: Report, zh: boolean): { intro: 'strengths' | 'closest'; items: string[] } {
  const title = (id: string) => report.dimensions.find((d) => d.id === id)?.title ?? '';
  const ranked = report.answers
    .filter((a) => a.state === 'answered' && a.weight > 0 && a.score !== null && a.score > 0)
    .sort((a, b) => (b.score as number) - (a.score as number) || b.weight - a.weight);
  const strong = ranked.filter((a) => (a.score as number) >= 0.5);
  const picked = strong.length > 0 ? strong.slice(0, 6) : ranked.slice(0, 3);
  return {
    intro: strong.length > 0 ? 'strengths' : 'closest',
    items: picked.map(
      (a) => `${title(a.dimension)}${zh ? '：' : ': '}${a.text.replace(/[?\uff1f]$/u, '')}${zh ? ' —— ' : ' — '}${a.label ?? ''}`,
    ),
  };
}
