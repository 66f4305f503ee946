import { findOption, type QuestionInfo, toNumber } from '../core/model.js';
import type { Answer } from '../core/score.js';
import type { AssessStrings } from '../i18n/assess.js';
import type { OptionValue, Text } from '../schema/common.js';
import { cleanText } from './answers-file.js';
import { BACK, type Back, type Choice, type Prompter } from './prompter.js';
import type { Change } from './session.js';

export interface AskContext {
  text: (t: Text) => string;
  s: AssessStrings;
  /** False at the first question, which has nothing before it. */
  canGoBack: boolean;
}

const NA_WORDS = new Set(['na', 'n/a', 'n.a.', '不适用']);
const THOUSANDS = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** The tail choices every list gets: N/A where allowed, Skip, and Back. */
function tail(info: QuestionInfo, ctx: AskContext): (Choice<Change | Back> | null)[] {
  const { s } = ctx;
  const out: (Choice<Change | Back> | null)[] = [null];
  if (info.naAllowed) out.push({ value: { na: true }, name: s.na });
  out.push({ value: { clear: true }, name: s.skip });
  if (ctx.canGoBack) out.push({ value: BACK, name: s.back });
  return out;
}

async function askSelect(p: Prompter, info: QuestionInfo, current: Answer | undefined, ctx: AskContext): Promise<Change | Back> {
  const { s, text } = ctx;
  const options: Choice<Change | Back>[] =
    info.question.type === 'boolean'
      ? [
          { value: { value: true }, name: s.yes },
          { value: { value: false }, name: s.no },
        ]
      : info.options.map((o) => ({
          value: { value: o.value },
          name: text(o.label),
          ...(o.description !== undefined ? { description: text(o.description) } : {}),
        }));
  const choices = [...options, ...tail(info, ctx)];
  // Start on the answer already given, so Enter keeps it when coming back; else on Skip, so that Enter never
  // records an answer nobody chose.
  let start: Change | Back | undefined = choices.find((ch) => ch !== null && typeof ch.value === 'object' && 'clear' in ch.value)?.value;
  if (current?.na) start = choices.find((ch) => ch !== null && typeof ch.value === 'object' && 'na' in ch.value)?.value;
  else if (current?.value !== undefined) {
    const i = info.question.type === 'boolean' ? (current.value === true ? 0 : 1) : findOption(info, current.value);
    start = options[i]?.value;
  }
  return p.select<Change | Back>({ message: text(info.question.text), choices, ...(start !== undefined ? { default: start } : {}) });
}

async function askMulti(p: Prompter, info: QuestionInfo, current: Answer | undefined, ctx: AskContext): Promise<Change | Back> {
  const { s, text } = ctx;
  const had = Array.isArray(current?.value) ? current.value : [];
  for (;;) {
    const picked = await p.checkbox<OptionValue>({
      message: text(info.question.text),
      choices: info.options.map((o) => ({
        value: o.value,
        name: text(o.label),
        ...(o.description !== undefined ? { description: text(o.description) } : {}),
        checked: had.some((v) => findOption(info, v) === findOption(info, o.value)),
      })),
    });
    if (picked === BACK) return BACK;
    if (picked.length > 0) return { value: picked };
    // Enter with nothing ticked is either "none of these" (a real answer, scored 0) or a skip: ask which.
    const meaning = await p.select<Change | Back>({
      message: s.nothingTicked,
      choices: [
        { value: { value: [] }, name: s.noneOfThese },
        ...(info.naAllowed ? [{ value: { na: true } as const, name: s.na }] : []),
        { value: { clear: true }, name: s.skip },
      ],
    });
    if (meaning !== BACK) return meaning;
  }
}

/** Validation and meaning of a typed number: '' skips, `na` where allowed, else a number in range. */
export function readNumber(info: QuestionInfo, raw: string, s: AssessStrings): { change: Change } | { error: string } {
  const q = info.question;
  // NFKC turns full-width digits and points from a Chinese input method into ASCII ones.
  const v = raw.normalize('NFKC').trim();
  if (v === '') return { change: { clear: true } };
  if (info.naAllowed && NA_WORDS.has(v.toLowerCase())) return { change: { na: true } };
  // Commas only as thousands separators (1,200); "1,5" is not read as 15.
  const n = toNumber(THOUSANDS.test(v) ? v.replace(/,/g, '') : v);
  if (n === undefined) return { error: s.notANumber };
  const min = q.type === 'number' ? q.min : undefined;
  const max = q.type === 'number' ? q.max : undefined;
  if ((min !== undefined && n < min) || (max !== undefined && n > max)) return { error: s.outOfRange(min, max) };
  return { change: { value: n } };
}

async function askInput(p: Prompter, info: QuestionInfo, current: Answer | undefined, ctx: AskContext): Promise<Change | Back> {
  const { s, text } = ctx;
  const q = info.question;
  const kept = current?.na ? 'na' : current?.value !== undefined ? String(current.value) : undefined;
  let message = text(q.text);
  if (q.type === 'number') {
    const hints = [s.range(q.min, q.max), q.unit !== undefined ? text(q.unit) : '', info.naAllowed ? s.naHint : ''].filter(Boolean);
    if (hints.length > 0) message += ` (${hints.join(' · ')})`;
  }
  const typed = await p.input({
    message,
    hint: kept !== undefined ? s.keysInputKept : s.keysInput,
    ...(kept !== undefined ? { default: kept } : {}),
    ...(q.type === 'number'
      ? {
          validate: (raw: string) => {
            const r = readNumber(info, raw, s);
            return 'error' in r ? r.error : true;
          },
        }
      : // In an answers file a bare `na` means "not applicable", which a text question does not accept.
        { validate: (raw: string) => (cleanText(raw) === 'na' ? s.naReserved : true) }),
  });
  if (typed === BACK) return BACK;
  if (q.type === 'number') {
    const r = readNumber(info, typed, s);
    // The prompt validated already; an error here can only come from a scripted prompter.
    return 'change' in r ? r.change : { clear: true };
  }
  const clean = cleanText(typed);
  return clean === '' ? { clear: true } : { value: clean };
}

/** Ask one question in the way its type calls for; the result is what to do with its answer, or BACK. */
export function askQuestion(p: Prompter, info: QuestionInfo, current: Answer | undefined, ctx: AskContext): Promise<Change | Back> {
  switch (info.question.type) {
    case 'scale':
    case 'choice':
    case 'boolean':
      return askSelect(p, info, current, ctx);
    case 'multi':
      return askMulti(p, info, current, ctx);
    case 'number':
    case 'text':
      return askInput(p, info, current, ctx);
  }
}
