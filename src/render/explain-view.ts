import { type PlanStrings, planStrings } from '../i18n/plan.js';
import type {
  ConditionNode,
  DimensionExplanation,
  Explanation,
  ExplanationItem,
  OverallExplanation,
  QuestionExplanation,
  RuleExplanation,
} from '../schema/explanation.js';

// What `explain` says, decided once: the terminal and markdown renderers only lay these blocks out.

export interface Table {
  head: string[];
  /** Right-aligned columns (numbers). */
  right: boolean[];
  rows: string[][];
  /** The last row is a sum. */
  total?: string[];
}

export interface Block {
  heading: string;
  table?: Table;
  /** Condition tree lines, indented by depth. */
  tree?: { depth: number; text: string; holds: boolean }[];
  lines: string[];
}

const n1 = (n: number | null, none: string) => (n === null ? none : n.toFixed(1));
const n3 = (n: number | null, none = '—') => (n === null ? none : n.toFixed(3));
const signed = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(1)}`;
/** A number as written in a formula: no trailing zeros. */
const num = (n: number) => String(n);

function value(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(String).join(', ')}]`;
  return String(v);
}

function levelLine(t: PlanStrings, x: { levelFrom: DimensionExplanation['levelFrom']; nextLevel: DimensionExplanation['nextLevel'] }) {
  if (!x.levelFrom) return `${t.level}${t.colon}—`;
  return `${t.level}${t.colon}${t.levelRange(x.levelFrom.title, x.levelFrom.min, x.nextLevel?.title ?? null, x.nextLevel?.min ?? null)}`;
}

function capLines(t: PlanStrings, caps: DimensionExplanation['caps']): string[] {
  if (caps.length === 0) return [`${t.caps}${t.colon}${t.noCap}`];
  return caps.map((c) => `${t.caps}${t.colon}${c.title} (${c.rule}) — ${c.lowered ? t.capLowered(c.cap) : t.capAbove(c.cap)}`);
}

function finalLine(t: PlanStrings, before: number | null, caps: DimensionExplanation['caps'], score: number | null, what: string) {
  if (score === null) return `${what}${t.colon}${t.noScore}`;
  if (caps.length === 0 || before === null) return `${what} = ${n1(score, '—')}`;
  return `${what} = min(${[before, ...caps.map((c) => c.cap)].map((x) => n1(x, '—')).join(', ')}) = ${n1(score, '—')}`;
}

function dimension(t: PlanStrings, d: DimensionExplanation): Block {
  const rows = d.questions.map((q) => [q.text, t.states[q.state], q.label ?? '—', n3(q.score), num(q.weight), n3(q.contribution)]);
  const raw =
    d.rawScore === null
      ? `${t.rawScore} R: ${t.noScore}`
      : `${t.rawScore} R = 100 × ${n3(d.weighted)} / ${num(d.answeredWeight)} = ${n1(d.rawScore, '—')}`;
  return {
    heading: `${d.title} (${d.id}) — ${t.weight} ${num(d.weight)}`,
    // A dimension with no question asked of this respondent has no table.
    ...(rows.length === 0
      ? {}
      : {
          table: {
            head: [t.question, t.state, t.answer, 's_q', 'w_q', 'w_q·s_q'],
            right: [false, false, false, true, true, true],
            rows,
            total: [t.sum, '', '', '', num(d.answeredWeight), n3(d.weighted)],
          },
        }),
    lines: [
      raw,
      ...capLines(t, d.caps),
      finalLine(t, d.rawScore, d.caps, d.score, `${t.finalScore} S`),
      levelLine(t, d),
      d.applicableWeight === 0
        ? `${t.coverage} = 100%`
        : `${t.coverage} = ${num(d.answeredWeight)} / ${num(d.applicableWeight)} = ${Math.round(d.coverage * 100)}%`,
    ],
  };
}

function overall(t: PlanStrings, o: OverallExplanation): Block {
  return {
    heading: `${t.gainOverall} (overall)`,
    table: {
      head: [t.dimension, 'W_d', 'S_d', 'W_d·S_d'],
      right: [false, true, true, true],
      rows: o.dimensions.map((d) => [d.title, num(d.weight), n1(d.score, '—'), n3(d.contribution)]),
      total: [t.sum, num(o.weight), '', n3(o.weighted)],
    },
    lines: [
      o.mean === null
        ? `${t.overallMean}${t.colon}${t.noScore}`
        : `${t.overallMean} = ${n3(o.weighted)} / ${num(o.weight)} = ${n1(o.mean, '—')}`,
      ...capLines(t, o.caps),
      finalLine(t, o.mean, o.caps, o.score, t.finalScore),
      levelLine(t, o),
      `${t.coverage} = ${Math.round(o.coverage * 100)}%`,
    ],
  };
}

function question(t: PlanStrings, q: QuestionExplanation): Block {
  return {
    heading: `${q.text} (${q.id})`,
    lines: [
      `${t.dimension}${t.colon}${q.dimension} · ${t.weight} ${num(q.weight)}`,
      `${t.answer}${t.colon}${q.label ?? '—'} (${t.states[q.state]})`,
      `${t.questionScore}${t.colon}${n3(q.score)}`,
      q.rules.length === 0
        ? `${t.namedBy}${t.colon}${t.namedByNone}`
        : `${t.namedBy}${t.colon}${q.rules.map((r) => `${r.title} (${r.id}, ${r.fired ? t.fired : t.notFired})`).join('; ')}`,
    ],
  };
}

function treeOf(t: PlanStrings, node: ConditionNode, depth = 0): NonNullable<Block['tree']> {
  const verdict = node.holds ? t.holds : t.fails;
  if (node.children) {
    return [{ depth, text: `${node.kind} — ${verdict}`, holds: node.holds }, ...node.children.flatMap((c) => treeOf(t, c, depth + 1))];
  }
  // Dimension scores with one decimal, as reports print them.
  const actual = node.kind === 'score' && typeof node.actual === 'number' ? node.actual.toFixed(1) : value(node.actual);
  const seen = node.actual === null || node.actual === undefined ? t.nothing : node.label ? `${node.label} (${actual})` : actual;
  const text = `${node.kind} ${node.id} ${node.op} ${value(node.expected)} — ${t.saw}${t.colon}${seen} → ${verdict}`;
  return [{ depth, text, holds: node.holds }];
}

function rule(t: PlanStrings, r: RuleExplanation): Block {
  const lines: string[] = [];
  if (r.cap !== null) lines.push(`${t.caps}${t.colon}${r.dimension} ≤ ${r.cap}`);
  if (r.overallCap !== null) lines.push(`${t.caps}${t.colon}overall ≤ ${r.overallCap}`);
  const p = r.priority;
  if (p) {
    const ratio = p.dimensionWeight === null ? '1' : `${num(p.dimensionWeight)} / ${num(p.meanWeight)}`;
    const gap = p.score === null ? '1' : `(100 − ${n1(p.score, '—')}) / 100`;
    lines.push(`${t.priority} = ${t.priorityFormula}`);
    lines.push(`= ${num(p.sev)} × ${num(p.ruleWeight)} × ${ratio} × ${gap} = ${num(p.value)}`);
    if (p.dimensionWeight === null) lines.push(t.crossCutting);
  }
  const g = r.gain;
  if (g) {
    lines.push(`${t.gainTitle(t.phase[g.phase])}${t.colon.trim()}`);
    if (g.fix.length === 0 || g.value === null) lines.push(t.noFix);
    for (const f of g.fix)
      lines.push(
        `${t.fix}${t.colon}${f.id} ${f.labelBefore ?? (f.before === 'na' ? t.states.na : '—')} → ${f.label} (${n3(f.scoreBefore)} → ${n3(f.scoreAfter)})`,
      );
    if (g.dimension !== null && r.dimension !== null) {
      lines.push(
        `${t.gainDimension} ${r.dimension}${t.colon}${n1(g.dimensionBefore, '—')} → ${n1(g.dimensionAfter, '—')} = ${signed(g.dimension)}`,
      );
    }
    if (g.value !== null) {
      const terms = g.terms.map((x) => `${num(x.weight)} / ${num(g.weight)} × ${signed(x.delta)}`).join(' + ');
      lines.push(
        `${t.gainOverall}${t.colon}${n1(g.overallBefore, '—')} → ${n1(g.overallAfter, '—')} = ${signed(g.value)}${terms ? ` ≈ ${terms}` : ''}`,
      );
    }
  }
  return {
    heading: `${t.rule}${t.colon}${r.title} (${r.id}) — ${r.fired ? t.fired : t.notFired}`,
    tree: treeOf(t, r.condition),
    lines,
  };
}

/** The blocks of an explanation, in the order of its items. */
export function explainView(doc: Explanation): Block[] {
  const t = planStrings(doc.locale);
  return doc.items.map((item: ExplanationItem) => {
    if (item.type === 'overall') return overall(t, item);
    if (item.type === 'dimension') return dimension(t, item);
    if (item.type === 'question') return question(t, item);
    return rule(t, item);
  });
}

export const explainTitle = (doc: Explanation): string => `${doc.questionnaire.title} — ${planStrings(doc.locale).explanationTitle}`;
