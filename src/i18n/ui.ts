import type { Severity } from '../schema/questionnaire.js';
import { lazy, type TextTable } from './lazy.js';

/** The tool's own words, in every language it speaks. */
export interface Strings {
  reportTitle: string;
  overall: string;
  level: string;
  score: string;
  coverage: string;
  dimension: string;
  respondent: string;
  date: string;
  questionnaire: string;
  remedies: string;
  topRemedies: (shown: number, total: number) => string;
  noRemedies: string;
  nothingAnswered: string;
  why: string;
  actions: string;
  effort: string;
  horizon: string;
  priority: string;
  severity: Record<Severity, string>;
  effortLevel: Record<'low' | 'medium' | 'high', string>;
  noScore: string;
  cappedBy: (ids: string) => string;
  answeredOf: (answered: number, applicable: number) => string;
  unanswered: string;
  allAnswered: string;
  answersAndNotes: (n: number) => string;
  question: string;
  answer: string;
  note: string;
  evidence: string;
  state: Record<'answered' | 'unanswered' | 'na' | 'skipped', string>;
  moreRemedies: (n: number) => string;
  warnings: string;
  gateFailUnder: (score: string, min: number) => string;
  gateNoScore: (min: number) => string;
  gateCoverage: (cov: string, min: number) => string;
  gateSeverity: (n: number, severity: string, ids: string) => string;
  fileExists: (file: string) => string;
  fileExistsResume: (file: string) => string;
  written: (file: string) => string;
  noSchemaLine: string;
  valid: (file: string, kind: string) => string;
  kindQuestionnaire: string;
  kindAnswers: string;
  langUnavailable: (lang: string, locales: string) => string;
  internalError: string;
  cacheForgotten: string;
  noTty: string;
  unknownPerspective: (id: string, known: string, hint: string | undefined) => string;
  perspectiveMismatch: (flag: string, file: string) => string;
  form: FormStrings;
}

/** Words of the paper form (show) and the answers template (init). */
export interface FormStrings {
  levels: string;
  from: string;
  looksLike: string;
  weight: (w: number) => string;
  notScored: string;
  onlyWhen: (cond: string) => string;
  chooseOne: string;
  chooseAny: string;
  yes: string;
  no: string;
  na: string;
  numberAnswer: (range: string) => string;
  range: (min?: number, max?: number) => string;
  textAnswer: string;
  notes: string;
  interviewer: string;
  and: string;
  or: string;
  not: string;
  is: Record<'answered' | 'unanswered' | 'na' | 'skipped', string>;
  includes: string;
  score: string;
  templateHeader: (title: string) => string[];
  templateAccepts: (list: boolean) => string;
  templateText: string;
}

const EN = lazy(
  (): TextTable<Strings> => ({
    __proto__: null,
    reportTitle: 'maturity report',
    overall: 'Overall',
    level: 'Level',
    score: 'Score',
    coverage: 'Coverage',
    dimension: 'Dimension',
    respondent: 'Respondent',
    date: 'Date',
    questionnaire: 'Questionnaire',
    remedies: 'Remedies',
    topRemedies: (shown, total) => (shown < total ? `Top ${shown} of ${total} remedies` : 'Remedies'),
    noRemedies: 'No remedy fired: nothing in these answers calls for action.',
    nothingAnswered: 'Nothing is answered yet, so there is nothing to diagnose.',
    why: 'Why',
    actions: 'Actions',
    effort: 'effort',
    horizon: 'horizon',
    priority: 'priority',
    severity: { critical: 'critical', high: 'high', medium: 'medium', low: 'low' },
    effortLevel: { low: 'low', medium: 'medium', high: 'high' },
    noScore: 'no score',
    cappedBy: (ids) => `capped by ${ids}`,
    answeredOf: (a, n) => `${a} of ${n} answered`,
    unanswered: 'Unanswered questions',
    allAnswered: 'Every applicable question is answered.',
    answersAndNotes: (n) => `Answers and notes (${n})`,
    question: 'Question',
    answer: 'Answer',
    note: 'Note',
    evidence: 'Evidence',
    state: { answered: 'answered', unanswered: 'unanswered', na: 'not applicable', skipped: 'skipped' },
    moreRemedies: (n) => `${n} more remedies: see --format markdown or json`,
    warnings: 'Warnings',
    gateFailUnder: (s, m) => `gate failed: overall score ${s} is under ${m} (--fail-under)`,
    gateNoScore: (m) => `gate failed: there is no overall score to compare with ${m} (--fail-under)`,
    gateCoverage: (c, m) => `gate failed: coverage ${c} is under ${m} (--min-coverage)`,
    gateSeverity: (n, s, ids) => `gate failed: ${n} remedies at severity ${s} or above (--fail-on): ${ids}`,
    fileExists: (f) => `${f} already exists; use --force to overwrite it`,
    fileExistsResume: (f) => `${f} already exists; continue it with --resume ${f}, or use --force to start over`,
    written: (f) => `written to ${f}`,
    noSchemaLine:
      'no $schema line for editors: this kamcheck is installed outside the project, and a path to it would not work on another machine. Name the schema with --schema-url (a copy committed with the project: kamcheck schema answers > answers.schema.json), or install kamcheck in the project',
    valid: (f, k) => `${f}: valid ${k}`,
    kindQuestionnaire: 'questionnaire',
    kindAnswers: 'answers file',
    langUnavailable: (l, ls) => `language ${l} is not offered; choose one of: ${ls}`,
    internalError: 'kamcheck hit an internal error. This is a bug; please report it with the trace above.',
    cacheForgotten:
      'the cached copy of the questionnaire this run used may be damaged and was removed; the next run reads the questionnaire again',
    form: {
      levels: 'Maturity levels',
      from: 'From',
      looksLike: 'What it looks like',
      weight: (w) => `weight ${w}`,
      notScored: 'not scored',
      onlyWhen: (c) => `Only when ${c}.`,
      chooseOne: 'Choose one.',
      chooseAny: 'Tick all that apply.',
      yes: 'Yes',
      no: 'No',
      na: 'Not applicable',
      numberAnswer: (r) => `A number${r}:`,
      range: (min, max) =>
        min !== undefined && max !== undefined
          ? ` from ${min} to ${max}`
          : min !== undefined
            ? ` of at least ${min}`
            : max !== undefined
              ? ` of at most ${max}`
              : '',
      textAnswer: 'Free text.',
      notes: 'Notes',
      interviewer: 'For the interviewer',
      and: 'and',
      or: 'or',
      not: 'not',
      is: { answered: 'is answered', unanswered: 'is unanswered', na: 'is not applicable', skipped: 'is skipped' },
      includes: 'includes',
      score: 'score',
      templateHeader: (title) => [
        `Answers for: ${title}`,
        'Write each answer after its question id; leave it empty to skip the question.',
        'Long form, with a note and evidence:  question-id: { value: 3, note: "…", evidence: "…" }',
        'Check:  kamcheck validate THIS-FILE      Report:  kamcheck report THIS-FILE',
      ],
      templateAccepts: (list) => (list ? 'accepts a list, e.g. [a, b]; [] for none:' : 'accepts:'),
      templateText: 'free text',
    },
    noTty:
      'assess is interactive and needs a terminal. For file-based use: kamcheck init -o answers.yaml, fill it in, then kamcheck report answers.yaml',
    unknownPerspective: (id, known, hint) =>
      `unknown perspective "${id}"${hint ? `; did you mean "${hint}"?` : ''} (this questionnaire has: ${known})`,
    perspectiveMismatch: (flag, file) => `--perspective ${flag} does not match the file, which answers for "${file}"`,
  }),
);

const ZH = lazy(
  (): TextTable<Strings> => ({
    __proto__: null,
    reportTitle: '成熟度报告',
    overall: '总体',
    level: '等级',
    score: '得分',
    coverage: '覆盖率',
    dimension: '维度',
    respondent: '答卷人',
    date: '日期',
    questionnaire: '问卷',
    remedies: '改进建议',
    topRemedies: (shown, total) => (shown < total ? `前 ${shown} 条改进建议（共 ${total} 条）` : '改进建议'),
    noRemedies: '没有触发任何改进建议：这些答案未显示需要处理的问题。',
    nothingAnswered: '还没有回答任何题目，暂时无法诊断。',
    why: '诊断',
    actions: '行动',
    effort: '投入',
    horizon: '周期',
    priority: '优先级',
    severity: { critical: '严重', high: '高', medium: '中', low: '低' },
    effortLevel: { low: '低', medium: '中', high: '高' },
    noScore: '无得分',
    cappedBy: (ids) => `被 ${ids} 封顶`,
    answeredOf: (a, n) => `已答 ${a}/${n}`,
    unanswered: '未回答的题目',
    allAnswered: '所有适用的题目均已回答。',
    answersAndNotes: (n) => `答案与备注（${n}）`,
    question: '题目',
    answer: '答案',
    note: '备注',
    evidence: '证据',
    state: { answered: '已答', unanswered: '未答', na: '不适用', skipped: '跳过' },
    moreRemedies: (n) => `另有 ${n} 条建议：请用 --format markdown 或 json 查看`,
    warnings: '警告',
    gateFailUnder: (s, m) => `门槛未通过：总分 ${s} 低于 ${m}（--fail-under）`,
    gateNoScore: (m) => `门槛未通过：没有总分可与 ${m} 比较（--fail-under）`,
    gateCoverage: (c, m) => `门槛未通过：覆盖率 ${c} 低于 ${m}（--min-coverage）`,
    gateSeverity: (n, s, ids) => `门槛未通过：有 ${n} 条严重程度为 ${s} 或更高的建议（--fail-on）：${ids}`,
    fileExists: (f) => `${f} 已存在；如需覆盖请加 --force`,
    fileExistsResume: (f) => `${f} 已存在；用 --resume ${f} 继续作答，或加 --force 重新开始`,
    written: (f) => `已写入 ${f}`,
    noSchemaLine:
      '未写入供编辑器使用的 $schema 行：当前的 kamcheck 安装在项目之外，指向它的路径在其他电脑上无法使用。请用 --schema-url 指定 schema 的位置（可随项目提交一份：kamcheck schema answers > answers.schema.json），或在项目中安装 kamcheck',
    valid: (f, k) => `${f}：${k}有效`,
    kindQuestionnaire: '问卷',
    kindAnswers: '答卷',
    langUnavailable: (l, ls) => `不提供语言 ${l}；可选：${ls}`,
    internalError: 'kamcheck 内部出错。这是程序缺陷，请连同上面的堆栈信息一起报告。',
    cacheForgotten: '本次使用的问卷缓存可能已损坏，已删除；下次运行会重新读取问卷',
    form: {
      levels: '成熟度等级',
      from: '起始分',
      looksLike: '典型特征',
      weight: (w) => `权重 ${w}`,
      notScored: '不计分',
      onlyWhen: (c) => `仅当 ${c} 时回答。`,
      chooseOne: '单选。',
      chooseAny: '可多选。',
      yes: '是',
      no: '否',
      na: '不适用',
      numberAnswer: (r) => `填写数字${r}：`,
      range: (min, max) =>
        min !== undefined && max !== undefined
          ? `（${min}–${max}）`
          : min !== undefined
            ? `（不小于 ${min}）`
            : max !== undefined
              ? `（不大于 ${max}）`
              : '',
      textAnswer: '自由填写。',
      notes: '备注',
      interviewer: '访谈提示',
      and: '且',
      or: '或',
      not: '非',
      is: { answered: '已回答', unanswered: '未回答', na: '不适用', skipped: '被跳过' },
      includes: '包含',
      score: '得分',
      templateHeader: (title) => [
        `答卷：${title}`,
        '在每个题目 id 后填写答案；留空表示跳过该题。',
        '完整写法（可加备注和证据）：  题目id: { value: 3, note: "…", evidence: "…" }',
        '检查：kamcheck validate 本文件      报告：kamcheck report 本文件',
      ],
      templateAccepts: (list) => (list ? '可填列表（例如 [a, b]；都不选填 []）：' : '可填：'),
      templateText: '自由文本',
    },
    noTty: 'assess 是交互式命令，需要终端。基于文件使用：kamcheck init -o answers.yaml，填写后运行 kamcheck report answers.yaml',
    unknownPerspective: (id, known, hint) => `未知的视角“${id}”${hint ? `；是否想写“${hint}”？` : ''}（本问卷的视角：${known}）`,
    perspectiveMismatch: (flag, file) => `--perspective ${flag} 与文件不符：该文件是“${file}”视角的答卷`,
  }),
);

export const isZh = (locale: string): boolean => locale.toLowerCase().startsWith('zh');
export const strings = (locale: string): Strings => (isZh(locale) ? ZH() : EN());
