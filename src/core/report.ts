import { messageOf } from '../i18n/diagnostics.js';
import type { AnswersFile } from '../schema/answers.js';
import type { Text } from '../schema/common.js';
import type { Level, Rule } from '../schema/questionnaire.js';
import type { Report } from '../schema/report.js';
import { findOption, type Model, type QuestionInfo } from './model.js';
import { planFields } from './plan-report.js';
import type { Result } from './score.js';

/** A Text in one locale, falling back to the questionnaire's first locale. */
export function resolveText(t: Text, locale: string, fallback: string): string;
export function resolveText(t: Text | undefined, locale: string, fallback: string): string | undefined;
export function resolveText(t: Text | undefined, locale: string, fallback: string): string | undefined {
  if (t === undefined || typeof t === 'string') return t;
  return t[locale] ?? t[fallback] ?? Object.values(t)[0];
}

/** Round half away from zero on the decimal digits people see (1.005 → 1.01), not on the binary value. */
export const round = (n: number, digits: number): number => {
  // Away from a half, the binary product rounds as the decimal digits do (both are within a few units in the last
  // place of the same number), and an integer divided by a power of ten is the nearest double, as parsing "ke-d"
  // gives: no strings, for the thousand numbers of a report. Near a half, and for large numbers, the digits decide.
  const scale = 10 ** digits;
  const x = Math.abs(n * scale);
  const plain = x < 1e8 && Math.abs(n) >= 1e-6; // as a string, n has no exponent
  if (plain && Math.abs(x - Math.floor(x) - 0.5) > 1e-6) return (Math.sign(n) * Math.round(x)) / scale + 0;
  const shifted = Number(`${n}e${digits}`);
  if (!Number.isFinite(shifted)) return Math.round(n * 10 ** digits) / 10 ** digits;
  return Number(`${Math.sign(shifted) * Math.round(Math.abs(shifted))}e-${digits}`) + 0;
};
const r1 = (n: number | null) => (n === null ? null : round(n, 1));
const r3 = (n: number | null) => (n === null ? null : round(n, 3));

/** The label(s) of a canonical answer, for people. */
export function answerLabel(info: QuestionInfo, value: unknown, text: (t: Text) => string, zh: boolean): string {
  const q = info.question;
  if (q.type === 'scale' || q.type === 'choice') {
    const o = info.options[findOption(info, value)];
    return o ? text(o.label) : String(value);
  }
  if (q.type === 'multi') {
    const vs = value as unknown[];
    if (vs.length === 0) return zh ? '（无）' : '(none)';
    return vs.map((v) => text(info.options[findOption(info, v)]?.label ?? String(v))).join(zh ? '；' : '; ');
  }
  if (q.type === 'boolean') return value ? (zh ? '是' : 'Yes') : zh ? '否' : 'No';
  if (q.type === 'number' && q.unit !== undefined) return `${value} ${text(q.unit)}`;
  return String(value);
}

/** What a remedy says, in one language: the same in a report and a team document. */
export function ruleTexts(rule: Rule, text: (t: Text) => string) {
  return {
    title: text(rule.title),
    why: rule.why === undefined ? null : text(rule.why),
    actions: rule.actions.map(text),
    effort: rule.effort ?? null,
    horizon: rule.horizon === undefined ? null : text(rule.horizon),
    refs: rule.refs ?? [],
  };
}

export interface ReportMeta {
  answers: AnswersFile;
  locale: string;
  toolVersion: string;
  /** Targets from the command line; they win over the answers file's `targets`. */
  targets?: Readonly<Record<string, number>>;
}

/** The report document (SPEC §8): texts resolved to one locale, numbers rounded for output. */
export function buildReport(model: Model, result: Result, meta: ReportMeta): Report {
  const doc = model.doc;
  const fallback = doc.locales[0] as string;
  const text = (t: Text) => resolveText(t, meta.locale, fallback);
  const zh = meta.locale.startsWith('zh');
  const level = (l: Level | null) => (l ? { id: l.id, title: text(l.title) } : null);
  const plan = planFields(model, result, { ...meta.answers.targets, ...meta.targets });
  return {
    kamcheck: 1,
    kind: 'report',
    tool: { name: 'kamcheck', version: meta.toolVersion },
    questionnaire: { id: doc.id, version: doc.version, title: text(doc.title) },
    locale: meta.locale,
    respondent: { ...meta.answers.respondent },
    date: meta.answers.date ?? null,
    levels: doc.levels.map((l) => ({
      id: l.id,
      title: text(l.title),
      min: l.min,
      description: resolveText(l.description, meta.locale, fallback) ?? null,
    })),
    perspective: result.perspective,
    overall: {
      score: r1(result.overall.score),
      level: level(result.overall.level),
      coverage: round(result.overall.coverage, 3),
      uncappedScore: r1(result.overall.uncapped),
      cappedBy: result.overall.cappedBy,
    },
    dimensions: result.dimensions.map((d) => ({
      id: d.dimension.id,
      title: text(d.dimension.title),
      weight: d.weight,
      score: r1(d.score),
      rawScore: r1(d.raw),
      level: level(d.level),
      coverage: round(d.coverage, 3),
      answered: d.answered,
      applicable: d.applicable,
      cappedBy: d.cappedBy,
    })),
    remedies: result.remedies.map((r) => ({
      id: r.rule.id,
      dimension: r.rule.dimension ?? null,
      severity: r.severity,
      priority: round(r.priority, 3),
      ...ruleTexts(r.rule, text),
      cap: r.rule.cap ?? null,
      overallCap: r.rule.overallCap ?? null,
      ...plan.remedy(r.rule.id),
    })),
    // Questions outside the respondent's perspective were not asked: not in the report (SPEC §10).
    answers: result.questions
      .filter((q) => q.asked)
      .map((q) => {
        const value = q.state === 'answered' ? (q.answer?.value ?? null) : null;
        return {
          id: q.info.question.id,
          dimension: q.info.dimension.id,
          text: text(q.info.question.text),
          state: q.state,
          value,
          label: value === null ? null : answerLabel(q.info, value, text, zh),
          score: r3(q.score),
          weight: q.info.weight,
          ...(q.answer?.note !== undefined ? { note: q.answer.note } : {}),
          ...(q.answer?.evidence !== undefined ? { evidence: q.answer.evidence } : {}),
        };
      }),
    warnings: result.warnings.map((w) => ({ code: w.code, message: messageOf(w, zh), file: w.file, line: w.line, column: w.column })),
    roadmap: plan.roadmap,
    targets: plan.targets,
  };
}
