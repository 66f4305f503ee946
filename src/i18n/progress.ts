import type { Diagnostic } from '../diagnostics.js';
import { lazy, type TextTable } from './lazy.js';
import { isZh } from './ui.js';

// Words of progress over time: comparisons with a baseline, trends, regression gates and the CI config file.

type A = Diagnostic['args'];

export const PROGRESS_DIAGNOSTICS_EN = lazy(
  (): Record<string, (a: A) => string> => ({
    'document-questionnaire-mismatch': (a) => `this ${a.kind} was made with questionnaire "${a.found}", not "${a.expected}"`,
    'document-questionnaire-version': (a) =>
      `this ${a.kind} was made with version ${a.found} of the questionnaire; it is now version ${a.expected}`,
    'wrong-document-kind': (a) => `a kamcheck "${a.found}" document cannot be used here; give ${a.expected}`,
    'no-date': () => 'file has no date; a trend orders its files by date (add `date: YYYY-MM-DD`)',
    'trend-organization': (a) =>
      `this file is of organization "${a.found}", the first one of "${a.expected}"; a trend follows one organization`,
    'config-format': (a) => `format ${a.found} is not offered by "kamcheck ${a.command}"; use one of: ${a.values}`,
    'config-dimension': (a) => `"${a.found}" is not a dimension of the questionnaire; use overall or one of: ${a.values}`,
  }),
);

export const PROGRESS_DIAGNOSTICS_ZH = lazy(
  (): Record<string, (a: A) => string> => ({
    'document-questionnaire-mismatch': (a) => `该文档基于问卷“${a.found}”生成，而不是“${a.expected}”`,
    'document-questionnaire-version': (a) => `该文档基于问卷版本 ${a.found} 生成，当前问卷版本为 ${a.expected}`,
    'wrong-document-kind': (a) => `此处不能使用 kamcheck “${a.found}”文档，请提供${a.expected}`,
    'no-date': () => '文件没有日期；趋势按日期排列各文件（请添加 `date: YYYY-MM-DD`）',
    'trend-organization': (a) => `该文件的组织是“${a.found}”，而第一个文件是“${a.expected}”；趋势应针对同一组织`,
    'config-format': (a) => `“kamcheck ${a.command}”不提供格式 ${a.found}，可用：${a.values}`,
    'config-dimension': (a) => `“${a.found}”不是问卷中的维度，请使用 overall 或以下之一：${a.values}`,
  }),
);

export interface ProgressStrings {
  /** How to name what a baseline or trend file may be, for "give …" messages. */
  expectReport: string;
  /** The same for `team --compare`. */
  expectTeam: string;
  comparedWith: (date: string | null, file: string | null) => string;
  before: string;
  after: string;
  delta: string;
  level: string;
  overall: string;
  noChange: string;
  remediesNew: (n: number) => string;
  remediesResolved: (n: number) => string;
  remediesPersisting: (n: number) => string;
  answersChanged: (n: number) => string;
  noAnswer: string;
  na: string;
  gateDrop: (id: string, drop: string, before: string, after: string, max: number) => string;
  gateDimUnder: (id: string, score: string, min: number) => string;
  gateDimNoScore: (id: string, min: number) => string;
  trendTitle: (title: string) => string;
  trendFirst: string;
  trendPrevious: string;
  trendDate: string;
  trendFile: string;
  trendNone: string;
  sparkline: string;
  levels: string;
  earlierHidden: (n: number) => string;
  files: string;
  score: string;
  question: string;
  /** Punctuation between a label and its list, and between items. */
  colon: string;
  sep: string;
}

const PROGRESS_EN = lazy(
  (): TextTable<ProgressStrings> => ({
    __proto__: null,
    expectReport: 'an answers file or the JSON of `kamcheck report -f json`',
    expectTeam: 'answers files, a folder of them or the JSON of `kamcheck team -f json`',
    comparedWith: (date, file) => `Compared with ${date ?? 'the baseline'}${file === null ? '' : ` (${file})`}`,
    before: 'Before',
    after: 'Now',
    delta: 'Δ',
    level: 'Level',
    overall: 'Overall',
    noChange: 'No score, level, remedy or answer changed.',
    remediesNew: (n) => `New remedies (${n})`,
    remediesResolved: (n) => `Resolved (${n})`,
    remediesPersisting: (n) => `Persisting (${n})`,
    answersChanged: (n) => `Answers changed (${n})`,
    noAnswer: 'no answer',
    na: 'not applicable',
    gateDrop: (id, d, b, a, m) => `gate failed: ${id} score fell by ${d} points (${b} → ${a}), more than ${m} (--max-drop)`,
    gateDimUnder: (id, s, m) => `gate failed: ${id} score ${s} is under ${m} (--fail-under ${id}=${m})`,
    gateDimNoScore: (id, m) => `gate failed: there is no ${id} score to compare with ${m} (--fail-under ${id}=${m})`,
    trendTitle: (t) => `${t} — trend`,
    trendFirst: 'Δ first',
    trendPrevious: 'Δ previous',
    trendDate: 'Date',
    trendFile: 'File',
    trendNone: '—',
    sparkline: 'Trend',
    levels: 'Levels',
    earlierHidden: (n) => `${n} earlier ${n === 1 ? 'date' : 'dates'} left out for width; the trend line covers every date`,
    files: 'Files',
    score: 'Score',
    question: 'Question',
    colon: ': ',
    sep: ', ',
  }),
);

const PROGRESS_ZH = lazy(
  (): TextTable<ProgressStrings> => ({
    __proto__: null,
    expectReport: '答卷文件或 `kamcheck report -f json` 生成的 JSON',
    expectTeam: '答卷文件、答卷文件夹或 `kamcheck team -f json` 生成的 JSON',
    comparedWith: (date, file) => `与${date ?? '基线'}对比${file === null ? '' : `（${file}）`}`,
    before: '之前',
    after: '现在',
    delta: 'Δ',
    level: '等级',
    overall: '总分',
    noChange: '得分、等级、建议和答案均无变化。',
    remediesNew: (n) => `新增建议（${n}）`,
    remediesResolved: (n) => `已解决（${n}）`,
    remediesPersisting: (n) => `仍存在（${n}）`,
    answersChanged: (n) => `答案变化（${n}）`,
    noAnswer: '未作答',
    na: '不适用',
    gateDrop: (id, d, b, a, m) => `门槛未通过：${id} 得分下降 ${d} 分（${b} → ${a}），超过 ${m}（--max-drop）`,
    gateDimUnder: (id, s, m) => `门槛未通过：${id} 得分 ${s} 低于 ${m}（--fail-under ${id}=${m}）`,
    gateDimNoScore: (id, m) => `门槛未通过：没有 ${id} 得分可与 ${m} 比较（--fail-under ${id}=${m}）`,
    trendTitle: (t) => `${t} — 趋势`,
    trendFirst: 'Δ 较首次',
    trendPrevious: 'Δ 较上次',
    trendDate: '日期',
    trendFile: '文件',
    trendNone: '—',
    sparkline: '走势',
    levels: '等级',
    earlierHidden: (n) => `因宽度所限未显示较早的 ${n} 个日期；走势线包含所有日期`,
    files: '文件',
    score: '得分',
    question: '题目',
    colon: '：',
    sep: '、',
  }),
);

export const progressStrings = (locale: string): ProgressStrings => (isZh(locale) ? PROGRESS_ZH() : PROGRESS_EN());
