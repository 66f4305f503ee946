import { lazy, type TextTable } from './lazy.js';
// Words of planning (phases, gains, targets, what-if) and of `kamcheck explain`, in every language the tool speaks.

export interface PlanStrings {
  /** Roadmap phases 1–3, with their time frame. */
  phase: Record<1 | 2 | 3, string>;
  gain: (points: string) => string;
  explanationTitle: string;
  weight: string;
  question: string;
  state: string;
  answer: string;
  states: Record<'answered' | 'unanswered' | 'na' | 'skipped', string>;
  sum: string;
  rawScore: string;
  finalScore: string;
  overallMean: string;
  caps: string;
  noCap: string;
  capLowered: (cap: number) => string;
  capAbove: (cap: number) => string;
  level: string;
  levelRange: (title: string, min: number, next: string | null, nextMin: number | null) => string;
  noScore: string;
  coverage: string;
  rule: string;
  fired: string;
  notFired: string;
  condition: string;
  holds: string;
  fails: string;
  saw: string;
  nothing: string;
  priority: string;
  priorityFormula: string;
  crossCutting: string;
  gainTitle: (phase: string) => string;
  noFix: string;
  fix: string;
  gainOverall: string;
  gainDimension: string;
  questionScore: string;
  namedBy: string;
  namedByNone: string;
  dimension: string;
  ids: string;
  /** After a label: ": " in English, "：" in Chinese. */
  colon: string;
  unknownId: (id: string, hint: string | undefined) => string;
}

const PLAN_EN = lazy(
  (): TextTable<PlanStrings> => ({
    __proto__: null,
    phase: { 1: 'Phase 1 — quick wins (0–3 months)', 2: 'Phase 2 — 3–6 months', 3: 'Phase 3 — 6–12 months' },
    gain: (p) => `${p} points`,
    explanationTitle: 'how the numbers were reached',
    weight: 'weight',
    question: 'Question',
    state: 'State',
    answer: 'Answer',
    states: { answered: 'answered', unanswered: 'unanswered', na: 'n/a', skipped: 'skipped' },
    sum: 'Sum',
    rawScore: 'Raw score',
    finalScore: 'Score',
    overallMean: 'Weighted mean',
    caps: 'Caps',
    noCap: 'no cap fired',
    capLowered: (c) => `caps the score at ${c}`,
    capAbove: (c) => `fired with cap ${c}, above the score: no effect`,
    level: 'Level',
    levelRange: (t, min, next, nextMin) => `${t} (from ${min}${next === null ? '' : `; ${next} from ${nextMin}`})`,
    noScore: 'no score',
    coverage: 'Coverage',
    rule: 'Rule',
    fired: 'fired',
    notFired: 'did not fire',
    condition: 'Condition',
    holds: 'holds',
    fails: 'does not hold',
    saw: 'saw',
    nothing: 'nothing',
    priority: 'Priority',
    priorityFormula: 'sev × rule weight × W_d / mean W × (100 − S) / 100',
    crossCutting: 'cross-cutting: ratio 1, overall score',
    gainTitle: (p) => `Gain — ${p}`,
    noFix: 'no fix: the rule names no question that an answer can raise',
    fix: 'Fix',
    gainOverall: 'Overall',
    gainDimension: 'Dimension',
    questionScore: 'question score',
    namedBy: 'Rules that name it',
    namedByNone: 'no rule names it',
    dimension: 'Dimension',
    ids: 'overall, a dimension, a question or a rule',
    colon: ': ',
    unknownId: (id, hint) =>
      `unknown id "${id}": not overall, a dimension, a question or a rule${hint === undefined ? '' : `; did you mean "${hint}"?`}`,
  }),
);

const PLAN_ZH = lazy(
  (): TextTable<PlanStrings> => ({
    __proto__: null,
    phase: { 1: '第一阶段：速赢（0–3 个月）', 2: '第二阶段：3–6 个月', 3: '第三阶段：6–12 个月' },
    gain: (p) => `${p} 分`,
    explanationTitle: '分数的计算过程',
    weight: '权重',
    question: '题目',
    state: '状态',
    answer: '答案',
    states: { answered: '已答', unanswered: '未答', na: '不适用', skipped: '跳过' },
    sum: '合计',
    rawScore: '原始分',
    finalScore: '得分',
    overallMean: '加权平均',
    caps: '封顶',
    noCap: '没有触发封顶规则',
    capLowered: (c) => `将得分封顶为 ${c}`,
    capAbove: (c) => `已触发，封顶 ${c} 高于得分，不起作用`,
    level: '等级',
    levelRange: (t, min, next, nextMin) => `${t}（${min} 分起${next === null ? '' : `；${next} ${nextMin} 分起`}）`,
    noScore: '无得分',
    coverage: '覆盖率',
    rule: '规则',
    fired: '已触发',
    notFired: '未触发',
    condition: '条件',
    holds: '成立',
    fails: '不成立',
    saw: '实际',
    nothing: '无',
    priority: '优先级',
    priorityFormula: '严重度系数 × 规则权重 × W_d / 平均 W × (100 − S) / 100',
    crossCutting: '跨维度规则：比值取 1，用总分',
    gainTitle: (p) => `提升 — ${p}`,
    noFix: '无法估算：规则没有引用可通过作答提高得分的题目',
    fix: '改进后',
    gainOverall: '总分',
    gainDimension: '维度',
    questionScore: '题目得分',
    namedBy: '引用本题的规则',
    namedByNone: '没有规则引用本题',
    dimension: '维度',
    ids: 'overall、维度、题目或规则',
    colon: '：',
    unknownId: (id, hint) => `未知的 id“${id}”：不是 overall、维度、题目或规则${hint === undefined ? '' : `；是否想写“${hint}”？`}`,
  }),
);

export const planStrings = (locale: string): PlanStrings => (locale.startsWith('zh') ? PLAN_ZH() : PLAN_EN());
