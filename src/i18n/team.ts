import type { Consensus } from '../core/stats.js';
import type { GroupBy } from '../core/team.js';
import { lazy, type TextTable } from './lazy.js';

/** The words of the team report and of `kamcheck team`, in every language the tool speaks. */
export interface TeamStrings {
  title: string;
  respondents: (n: number, by: string) => string;
  others: (n: number, who: string) => string;
  by: Record<GroupBy, string>;
  median: string;
  range: string;
  sd: string;
  consensus: string;
  consensusLevel: Record<Consensus, string>;
  n: string;
  noGroup: string;
  /** Between the names of groups. */
  listSep: string;
  groups: string;
  gap: string;
  gapLine: (dimension: string, gap: string, low: string, lowScore: string, high: string, highScore: string) => string;
  flagged: string;
  noGaps: string;
  disputed: string;
  disputedIntro: (threshold: string) => string;
  noDisputed: (threshold: string) => string;
  spread: string;
  moreDisputed: (n: number) => string;
  answeredBy: (count: number, label: string, groups: string) => string;
  remedies: string;
  firedFor: (k: number, n: number) => string;
  perceptionTitle: (title: string) => string;
  perception: (what: string, ours: string, who: string, theirs: string, gap: string) => string;
  perceptionQuestions: string;
  ours: string;
  theirs: string;
  people: string;
  file: string;
  perspective: string;
  who: (perspective: string, title: string) => string;
  defaultPerspective: (id: string) => string;
  noFiles: (paths: string) => string;
  noTeam: (perspective: string) => string;
  skippedInvalid: (n: number) => string;
  noScore: string;
  /** The radar chart of the team page. */
  chartTitle: string;
  chartDesc: (parts: string) => string;
  team: string;
  band: string;
  chartTable: string;
  /** `--compare`: the section on the change since the baseline. */
  progress: string;
  progressNone: string;
}

const TEAM_EN = lazy(
  (): TextTable<TeamStrings> => ({
    __proto__: null,
    title: 'team report',
    respondents: (n, by) => `${n} respondents, grouped by ${by}`,
    others: (n, who) => `and ${n} ${who}`,
    by: { role: 'role', unit: 'unit', organization: 'organization' },
    median: 'Median',
    range: 'Range',
    sd: 'SD',
    consensus: 'Consensus',
    consensusLevel: { high: 'high', medium: 'medium', low: 'low' },
    n: 'n',
    noGroup: '(none)',
    listSep: ', ',
    groups: 'Groups',
    gap: 'Gap',
    gapLine: (d, gap, low, ls, high, hs) => `${d}: ${high} ${hs} vs ${low} ${ls}, a gap of ${gap} points`,
    flagged: 'worth discussing',
    noGaps: 'Fewer than two groups have scores: no gap to show.',
    disputed: 'Disputed questions',
    disputedIntro: (t) => `Questions whose answers lie ${t} or more apart on the 0–1 score: talking points for the workshop.`,
    noDisputed: (t) => `No question is answered ${t} or more apart: the team sees these points alike.`,
    spread: 'spread',
    moreDisputed: (n) => `${n} more disputed ${n === 1 ? 'question' : 'questions'}: see --format markdown or json`,
    answeredBy: (count, label, groups) => `${count} × ${label}${groups ? ` (${groups})` : ''}`,
    remedies: 'Team remedies',
    firedFor: (k, n) => `fired for ${k} of ${n}`,
    perceptionTitle: (title) => `${title}, beside our own`,
    perception: (what, ours, who, theirs, gap) => `We rate ${what} ${ours}, ${who} ${theirs} (${gap})`,
    perceptionQuestions: 'Questions, largest gap first (we / they)',
    ours: 'We',
    theirs: 'They',
    people: 'Respondents',
    file: 'File',
    perspective: 'Perspective',
    who: (p, title) => (p === 'customer' ? 'customers' : title),
    defaultPerspective: (id) => (id === 'internal' ? 'Our view' : id === 'customer' ? "The customer's view" : id),
    noFiles: (p) => `no answers files (*.yaml, *.yml) in ${p}`,
    noTeam: (p) => `no respondent of perspective "${p}", whose answers make the team's scores`,
    skippedInvalid: (n) => `skipped ${n} invalid ${n === 1 ? 'file' : 'files'} (--skip-invalid)`,
    noScore: '—',
    chartTitle: 'The team by dimension',
    chartDesc: (parts) =>
      `Radar chart of the dimension scores on a scale of 0 to 100: the team, the range from the lowest to the highest respondent, each group and the other perspectives. ${parts}.`,
    team: 'Team',
    band: 'Range of respondents (lowest–highest)',
    chartTable: 'The numbers of the chart',
    progress: 'Progress since the baseline',
    progressNone: 'none',
  }),
);

const TEAM_ZH = lazy(
  (): TextTable<TeamStrings> => ({
    __proto__: null,
    title: '团队诊断报告',
    respondents: (n, by) => `${n} 位受访者，按${by}分组`,
    others: (n, who) => `另有${who} ${n} 位`,
    by: { role: '角色', unit: '业务单元', organization: '组织' },
    median: '中位数',
    range: '范围',
    sd: '标准差',
    consensus: '共识度',
    consensusLevel: { high: '高', medium: '中', low: '低' },
    n: '人数',
    noGroup: '（未填）',
    listSep: '、',
    groups: '分组',
    gap: '差距',
    gapLine: (d, gap, low, ls, high, hs) => `${d}：${high} ${hs} 分，${low} ${ls} 分，相差 ${gap} 分`,
    flagged: '值得讨论',
    noGaps: '有得分的分组不足两个，无差距可比。',
    disputed: '分歧问题',
    disputedIntro: (t) => `答案得分（0–1）相差 ${t} 或以上的题目，可作为研讨会的讨论要点。`,
    noDisputed: (t) => `没有答案得分相差 ${t} 或以上的题目：团队对这些问题看法一致。`,
    spread: '分差',
    moreDisputed: (n) => `另有 ${n} 道分歧问题：请用 --format markdown 或 json 查看`,
    answeredBy: (count, label, groups) => `${count} 人选“${label}”${groups ? `（${groups}）` : ''}`,
    remedies: '团队改进建议',
    firedFor: (k, n) => `${n} 人中 ${k} 人触发`,
    perceptionTitle: (title) => `${title}与我方的对比`,
    perception: (what, ours, who, theirs, gap) => `“${what}”我们自评 ${ours} 分，${who}评 ${theirs} 分（相差 ${gap}）`,
    perceptionQuestions: '题目（差距大者在前；我方/对方）',
    ours: '我方',
    theirs: '对方',
    people: '受访者',
    file: '文件',
    perspective: '视角',
    who: (p, title) => (p === 'customer' ? '客户' : title),
    defaultPerspective: (id) => (id === 'internal' ? '我方' : id === 'customer' ? '客户视角' : id),
    noFiles: (p) => `${p} 中没有答卷（*.yaml、*.yml）`,
    noTeam: (p) => `没有“${p}”视角的受访者，而团队得分正是由他们的答卷算出`,
    skippedInvalid: (n) => `已跳过 ${n} 个无效文件（--skip-invalid）`,
    noScore: '—',
    chartTitle: '团队各维度成熟度',
    chartDesc: (parts) => `各维度得分雷达图（0–100 分）：团队得分、受访者最低至最高的范围、各分组及其他视角。${parts}。`,
    team: '团队',
    band: '受访者范围（最低–最高）',
    chartTable: '图中数据',
    progress: '与基线相比的进展',
    progressNone: '无',
  }),
);

export const teamStrings = (locale: string): TeamStrings => (locale.toLowerCase().startsWith('zh') ? TEAM_ZH() : TEAM_EN());
