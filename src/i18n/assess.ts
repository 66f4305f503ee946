import { isZh } from './ui.js';

/** The words of `kamcheck assess`, in every language it speaks. */
export interface AssessStrings {
  chooseLanguage: string;
  welcome: (title: string, count: Span) => string;
  savingTo: (file: string) => string;
  resuming: (file: string, done: number, total: Span) => string;
  respondentIntro: string;
  respondent: Record<'name' | 'role' | 'organization' | 'unit', string>;
  /** `count` and `total` are spans: a follow-up that may still come to apply counts in `most` only. */
  progress: (dimension: string, index: number, count: Span, done: number, total: Span) => string;
  guidance: (help: string) => string;
  keysSelect: string;
  keysCheckbox: string;
  keysInput: string;
  keysInputKept: string;
  keysNote: string;
  keysNoteKept: string;
  yes: string;
  no: string;
  na: string;
  skip: string;
  back: string;
  range: (min?: number, max?: number) => string;
  naHint: string;
  notANumber: string;
  outOfRange: (min?: number, max?: number) => string;
  naReserved: string;
  nothingTicked: string;
  noneOfThese: string;
  /** The one optional prompt after an interview question: a note, and evidence after the evidence word. */
  note: string;
  /** The words that start the evidence part of a note ("evidence:"), lower case; the first is the one shown. */
  evidenceWords: string[];
  allAnswered: string;
  leftUnanswered: (n: number) => string;
  whatNext: string;
  finish: string;
  answerUnanswered: (n: number) => string;
  backToLast: string;
  writeMarkdown: (file: string) => string;
  overwrite: (file: string) => string;
  saved: (file: string) => string;
  reportAgain: (command: string) => string;
  interrupted: (file: string) => string;
  resumeWith: (command: string) => string;
  noStdout: string;
  locked: (file: string, pid: number, started: string) => string;
}

/** A number of questions known within bounds (see session.ts). */
interface Span {
  least: number;
  most: number;
}

/** "40", or "40–43" while up to 3 follow-ups may still come to apply; the same in both languages. */
export const spanText = (n: Span): string => (n.most > n.least ? `${n.least}–${n.most}` : String(n.least));

/** A number range as a hint; the same signs read well in both languages. */
const range = (min?: number, max?: number) =>
  min !== undefined && max !== undefined ? `${min}–${max}` : min !== undefined ? `≥ ${min}` : max !== undefined ? `≤ ${max}` : '';

export const ASSESS_EN: AssessStrings = {
  chooseLanguage: 'Language / 语言',
  welcome: (title, n) => `${title}: ${spanText(n)} questions.`,
  savingTo: (f) => `Each answer is saved to ${f} at once; Ctrl-C stops without losing any.`,
  resuming: (f, done, total) => `Continuing ${f}: ${done} of ${spanText(total)} questions done.`,
  respondentIntro: 'About the respondent (all optional; Enter skips)',
  respondent: { name: 'Name', role: 'Role', organization: 'Organization', unit: 'Business unit' },
  progress: (d, i, n, done, total) =>
    i === 0
      ? `${d} · optional note · ${done}/${spanText(total)} done`
      : `${d} · question ${i} of ${spanText(n)} · ${done}/${spanText(total)} done`,
  guidance: (h) => `For the interviewer: ${h}`,
  keysSelect: '↑↓ or number to move · Enter to choose · Esc for the previous question',
  keysCheckbox: '↑↓ move · Space ticks · a all · i invert · Enter to confirm · Esc back',
  keysInput: 'Enter on an empty line skips · Esc for the previous question',
  keysInputKept: 'Enter keeps the answer shown · Backspace clears it · Esc goes back',
  keysNote: 'Enter on an empty line for none · write "evidence: …" for what you saw · Esc to answer the question again',
  keysNoteKept: 'Enter keeps the text shown · Backspace clears it · Esc to answer again',
  yes: 'Yes',
  no: 'No',
  na: 'Not applicable',
  skip: 'Skip for now',
  back: '← Previous question',
  range,
  naHint: 'na = not applicable',
  notANumber: 'Please enter a number, or leave the line empty to skip.',
  outOfRange: (min, max) =>
    min !== undefined && max !== undefined
      ? `Please enter a number from ${min} to ${max}.`
      : min !== undefined
        ? `Please enter a number of at least ${min}.`
        : `Please enter a number of at most ${max}.`,
  naReserved: '"na" on its own is kept for "not applicable" in answers files; please write it another way (N/A, n.a.).',
  nothingTicked: 'Nothing is ticked. Does that mean',
  noneOfThese: 'None of these',
  note: 'Note (optional)',
  evidenceWords: ['evidence:', 'evidence seen:'],
  allAnswered: 'Every question is answered.',
  leftUnanswered: (n) => (n === 1 ? '1 question is unanswered:' : `${n} questions are unanswered:`),
  whatNext: 'What now?',
  finish: 'Finish and show the report',
  answerUnanswered: (n) => (n === 1 ? 'Answer the unanswered question' : `Answer the ${n} unanswered questions`),
  backToLast: '← Back to the last question',
  writeMarkdown: (f) => `Also write the report as markdown to ${f}?`,
  overwrite: (f) => `${f} already exists. Overwrite it?`,
  saved: (f) => `Answers saved in ${f}.`,
  reportAgain: (cmd) => `Report again any time: ${cmd}`,
  interrupted: (f) => `Stopped. Every answer so far is saved in ${f}.`,
  resumeWith: (cmd) => `To continue: ${cmd}`,
  noStdout: 'assess asks its questions on the terminal and writes the answers to a file: give -o a file name, not -',
  locked: (f, pid, started) =>
    `${f} is open in another interview (process ${pid}, started ${started.replace('T', ' ').slice(0, 16)} UTC); finish that one first`,
};

export const ASSESS_ZH: AssessStrings = {
  chooseLanguage: 'Language / 语言',
  welcome: (title, n) => `${title}：共 ${spanText(n)} 题。`,
  savingTo: (f) => `每答一题都会自动保存到 ${f}；按 Ctrl-C 可随时退出，已答内容不会丢失。`,
  resuming: (f, done, total) => `继续作答 ${f}：已完成 ${done}/${spanText(total)} 题。`,
  respondentIntro: '受访者信息（均为选填，直接回车跳过）',
  respondent: { name: '姓名', role: '职务', organization: '公司', unit: '业务单元' },
  progress: (d, i, n, done, total) =>
    i === 0
      ? `${d} · 选填备注 · 已完成 ${done}/${spanText(total)}`
      : `${d} · 第 ${i}/${spanText(n)} 题 · 已完成 ${done}/${spanText(total)}`,
  guidance: (h) => `访谈提示：${h}`,
  keysSelect: '↑↓ 或数字键移动 · 回车确认 · Esc 返回上一题',
  keysCheckbox: '↑↓ 移动 · 空格勾选 · a 全选 · i 反选 · 回车确认 · Esc 返回',
  keysInput: '直接回车跳过本题 · Esc 返回上一题',
  keysInputKept: '回车保留括号中的答案 · 退格键清除 · Esc 返回上一题',
  keysNote: '没有就直接回车 · 所见证据写在“证据：”之后 · Esc 重新回答本题',
  keysNoteKept: '回车保留括号中的内容 · 退格键清除 · Esc 重新回答本题',
  yes: '是',
  no: '否',
  na: '不适用',
  skip: '暂时跳过',
  back: '← 上一题',
  range,
  naHint: '不适用请输入 na',
  notANumber: '请输入数字；留空直接回车可跳过本题。',
  outOfRange: (min, max) =>
    min !== undefined && max !== undefined
      ? `请输入 ${min} 到 ${max} 之间的数字。`
      : min !== undefined
        ? `请输入不小于 ${min} 的数字。`
        : `请输入不大于 ${max} 的数字。`,
  naReserved: '答卷中单独的 "na" 专指“不适用”，请换一种写法（如 N/A、无）。',
  nothingTicked: '没有勾选任何一项，这表示：',
  noneOfThese: '以上都没有',
  note: '备注（选填）',
  evidenceWords: ['证据：', '证据:', 'evidence:'],
  allAnswered: '所有题目均已作答。',
  leftUnanswered: (n) => `还有 ${n} 题未作答：`,
  whatNext: '接下来：',
  finish: '完成，查看报告',
  answerUnanswered: (n) => `补答未答的 ${n} 题`,
  backToLast: '← 返回最后一题',
  writeMarkdown: (f) => `是否同时把报告以 Markdown 格式保存到 ${f}？`,
  overwrite: (f) => `${f} 已存在，是否覆盖？`,
  saved: (f) => `答案已保存在 ${f}。`,
  reportAgain: (cmd) => `随时可重新生成报告：${cmd}`,
  interrupted: (f) => `已退出，目前的所有答案都已保存在 ${f}。`,
  resumeWith: (cmd) => `继续作答：${cmd}`,
  noStdout: 'assess 在终端中提问，并把答案写入文件：-o 请给出文件名，不能用 -',
  locked: (f, pid, started) =>
    `${f} 正在另一场访谈中使用（进程 ${pid}，开始于 ${started.replace('T', ' ').slice(0, 16)} UTC），请先结束那一场`,
};

export const assessStrings = (locale: string): AssessStrings => (isZh(locale) ? ASSESS_ZH : ASSESS_EN);
