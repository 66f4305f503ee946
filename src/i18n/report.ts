import type { Severity } from '../schema/questionnaire.js';
import { lazy, type TextTable } from './lazy.js';

/** The words of the report's sections (summary, dimensions, strengths, roadmap, comparison, appendix). */
export interface ReportStrings {
  summary: string;
  preparedBy: string;
  perspective: string;
  overallScore: string;
  ofHundred: string;
  levelNow: string;
  nextLevel: (title: string, min: number, points: string) => string;
  topLevel: string;
  atThatLevel: (description: string) => string;
  whatItTakes: (needs: string) => string;
  largestGain: (n: number) => string;
  mostUrgent: (n: number) => string;
  gain: (points: string) => string;
  strongest: string;
  weakest: string;
  overallCapped: (cap: string, reasons: string) => string;
  coverageLine: (percent: string, answered: number, applicable: number) => string;
  dimensions: (n: number) => string;
  chartTitle: string;
  chartDesc: (parts: string) => string;
  capped: (cap: string, reasons: string) => string;
  rawScore: (raw: string) => string;
  answered: string;
  strengths: string;
  strengthsIntro: string;
  closestIntro: string;
  noStrengths: string;
  roadmap: string;
  roadmapByEffort: string;
  phase: (n: number) => string;
  afterPhase: (n: number, score: string, level: string) => string;
  severityWord: Record<Severity, string>;
  effort: (level: string) => string;
  printBrief: (n: number) => string;
  targets: string;
  target: string;
  gap: string;
  reachedIn: (n: number | null) => string;
  whatIf: string;
  hypothetical: string;
  comparison: string;
  baseline: (file: string, date: string | null) => string;
  asGiven: string;
  before: string;
  after: string;
  change: string;
  newRemedies: string;
  resolvedRemedies: string;
  persistingRemedies: string;
  resolvedCount: (n: number) => string;
  changedAnswers: string;
  appendix: string;
  appendixIntro: string;
  none: string;
}

const REPORT_EN = lazy(
  (): TextTable<ReportStrings> => ({
    __proto__: null,
    summary: 'Executive summary',
    preparedBy: 'Prepared by',
    perspective: 'Perspective',
    overallScore: 'Overall score',
    ofHundred: 'out of 100',
    levelNow: 'Maturity level',
    nextLevel: (title, min, points) => `Next level: ${title}, from ${min} points — ${points} points to go.`,
    topLevel: 'This is the highest level: the task is to keep it.',
    atThatLevel: (d) => `At that level: ${d}`,
    whatItTakes: (n) => `What it takes: ${n}`,
    largestGain: (n) => (n === 1 ? 'The action with the largest gain' : `The ${n === 2 ? 'two' : 'three'} actions with the largest gain`),
    mostUrgent: (n) => (n === 1 ? 'The most urgent action' : `The ${n === 2 ? 'two' : 'three'} most urgent actions`),
    gain: (p) => `+${p} points overall`,
    strongest: 'Strongest dimension',
    weakest: 'Weakest dimension',
    overallCapped: (cap, reasons) => `The overall score is capped at ${cap}: ${reasons}`,
    coverageLine: (p, a, n) => `${a} of ${n} scored questions answered (coverage ${p}).`,
    dimensions: (n) => `The ${['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'][n] ?? n} dimensions`,
    chartTitle: 'Maturity by dimension',
    chartDesc: (parts) => `Radar chart of the dimension scores on a scale of 0 to 100: ${parts}.`,
    capped: (cap, reasons) => `capped at ${cap}: ${reasons}`,
    rawScore: (raw) => ` (${raw} before the cap)`,
    answered: 'Answered',
    strengths: 'Strengths',
    strengthsIntro: 'The practices that score highest: the base to build on.',
    closestIntro: 'No practice scores half marks yet; these come closest and are the place to start.',
    noStrengths: 'No practice scores anything yet.',
    roadmap: 'Roadmap',
    roadmapByEffort: 'Phases follow the effort each remedy takes, unless the questionnaire sets one: low effort first, high effort last.',
    phase: (n) => `Phase ${n}`,
    afterPhase: (n, s, l) => `After phase ${n}: ${s} overall (${l})`,
    severityWord: { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' },
    effort: (l) => `${l} effort`,
    printBrief: (n) =>
      `On paper, the ${n} remedies of highest priority show their actions; the on-screen report shows every remedy in full.`,
    targets: 'Targets',
    target: 'Target',
    gap: 'Gap',
    reachedIn: (n) => (n === null ? 'not reached by the roadmap' : `reached after phase ${n}`),
    whatIf: 'What if',
    hypothetical:
      'Hypothetical scores: this report assumes the changed answers listed under “What if”, not the answers as given. The comparison shows the answers as given as “Before”.',
    comparison: 'Progress since the baseline',
    baseline: (f, d) => `Compared with ${f}${d ? ` (${d})` : ''}`,
    asGiven: 'Compared with the answers as given',
    before: 'Before',
    after: 'Now',
    change: 'Change',
    newRemedies: 'New issues',
    resolvedRemedies: 'Resolved',
    persistingRemedies: 'Still open',
    resolvedCount: (n) => `${n} ${n === 1 ? 'issue' : 'issues'} resolved`,
    changedAnswers: 'Answers that changed',
    appendix: 'Appendix: answers, notes and evidence',
    appendixIntro: 'Question ids are given so the answers file can be edited.',
    none: '—',
  }),
);

const REPORT_ZH = lazy(
  (): TextTable<ReportStrings> => ({
    __proto__: null,
    summary: '管理层摘要',
    preparedBy: '评估顾问',
    perspective: '视角',
    overallScore: '总体得分',
    ofHundred: '满分 100',
    levelNow: '成熟度等级',
    nextLevel: (title, min, points) => `下一等级：${title}（${min} 分起），还差 ${points} 分。`,
    topLevel: '已处于最高等级，关键是保持。',
    atThatLevel: (d) => `该等级的特征：${d}`,
    whatItTakes: (n) => `需要做到：${n}`,
    largestGain: (n) => `提升最大的${['一', '两', '三'][n - 1] ?? n}项行动`,
    mostUrgent: (n) => `最紧迫的${['一', '两', '三'][n - 1] ?? n}项行动`,
    gain: (p) => `总分 +${p}`,
    strongest: '最强维度',
    weakest: '最弱维度',
    overallCapped: (cap, reasons) => `总分封顶 ${cap} 分：${reasons}`,
    coverageLine: (p, a, n) => `已回答 ${n} 道计分题中的 ${a} 道（覆盖率 ${p}）。`,
    dimensions: (n) => `${['', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'][n] ?? n} 个维度`.replace(/^(\D) /, '$1'),
    chartTitle: '各维度成熟度',
    chartDesc: (parts) => `各维度得分雷达图（0–100 分）：${parts}。`,
    capped: (cap, reasons) => `封顶 ${cap} 分：${reasons}`,
    rawScore: (raw) => `（封顶前 ${raw}）`,
    answered: '已答',
    strengths: '优势',
    strengthsIntro: '以下是得分最高的做法，是继续提升的基础。',
    closestIntro: '目前还没有得分过半的做法；以下几项最接近，可以从这里起步。',
    noStrengths: '目前还没有任何做法得分。',
    roadmap: '改进路线图',
    roadmapByEffort: '阶段按各项建议所需投入划分（问卷另有规定的除外）：投入小的先做，投入大的后做。',
    phase: (n) => `第${['一', '二', '三'][n - 1] ?? n}阶段`,
    afterPhase: (n, s, l) => `完成第 ${n} 阶段后：总分 ${s}（${l}）`,
    severityWord: { critical: '严重', high: '高', medium: '中', low: '低' },
    effort: (l) => `投入${l}`,
    printBrief: (n) => `打印版只列出优先级最高的 ${n} 条建议的行动；屏幕版列出全部建议的完整内容。`,
    targets: '目标',
    target: '目标',
    gap: '差距',
    reachedIn: (n) => (n === null ? '路线图内无法达到' : `第 ${n} 阶段后达到`),
    whatIf: '假设分析',
    hypothetical: '以下为假设得分：本报告采用“假设分析”中改动后的答案，而不是实际作答；对比部分的“之前”即实际作答的结果。',
    comparison: '与基线相比的进展',
    baseline: (f, d) => `基线：${f}${d ? `（${d}）` : ''}`,
    asGiven: '与原始答案相比',
    before: '之前',
    after: '现在',
    change: '变化',
    newRemedies: '新出现的问题',
    resolvedRemedies: '已解决',
    persistingRemedies: '仍然存在',
    resolvedCount: (n) => `已解决 ${n} 个问题`,
    changedAnswers: '变化的答案',
    appendix: '附录：答案、备注与证据',
    appendixIntro: '列出题目 id，便于修改答卷文件。',
    none: '—',
  }),
);

export const reportStrings = (locale: string): ReportStrings => (locale.toLowerCase().startsWith('zh') ? REPORT_ZH() : REPORT_EN());
