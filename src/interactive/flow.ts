import type { QuestionInfo } from '../core/model.js';
import { resolveText } from '../core/report.js';
import { type AssessStrings, assessStrings } from '../i18n/assess.js';
import { makePaint, truncate, wrap } from '../render/style.js';
import type { Text } from '../schema/common.js';
import { type AskContext, askQuestion } from './ask.js';
import { BACK, type Back, Interrupted, type Prompter } from './prompter.js';
import { back, next, progress, review, type Session, setAnswer, setNote, unanswered } from './session.js';

export type Mode = 'self' | 'interview';

export interface FlowOptions {
  prompter: Prompter;
  locale: string;
  mode: Mode;
  color: boolean;
  columns: number;
  /** Called after every change, so that the answers file always holds everything given so far. */
  save: (s: Session) => Promise<void>;
}

export interface Outcome {
  /** `finished`: the user chose to see the report; `interrupted`: Ctrl-C at some prompt. */
  kind: 'finished' | 'interrupted';
  session: Session;
}

/** How many unanswered questions the end summary lists before saying "and n more". */
const LISTED = 8;

function header(info: QuestionInfo, s: Session, o: FlowOptions, t: AssessStrings, text: (x: Text) => string): string[] {
  const c = makePaint(o.color);
  const cols = o.columns > 0 ? Math.max(20, o.columns) : 80;
  const pr = progress(s);
  const lines = [''];
  if (pr) lines.push(c.dim(truncate(t.progress(text(pr.dimension.title), pr.index, pr.count, pr.done, pr.total), cols - 1)));
  const help = info.question.help;
  if (o.mode === 'interview' && help !== undefined) {
    const body = wrap(t.guidance(text(help)), cols - 3);
    lines.push(...body.map((l) => c.cyan(`│ ${l}`)));
  }
  return lines;
}

/** A note and its evidence as one line: the evidence after the evidence word. */
export function joinNote(note: string | undefined, evidence: string | undefined, t: AssessStrings): string {
  return [note, evidence !== undefined ? `${t.evidenceWords[0]} ${evidence}` : undefined].filter(Boolean).join(' ');
}

/** One typed line read back into a note and evidence: the evidence is what follows the first evidence word. */
export function splitNote(line: string, t: AssessStrings): { note: string; evidence: string } {
  const lower = line.toLowerCase();
  let at = -1;
  let word = '';
  for (const w of t.evidenceWords) {
    const i = lower.indexOf(w);
    if (i >= 0 && (at < 0 || i < at)) {
      at = i;
      word = w;
    }
  }
  if (at < 0) return { note: line, evidence: '' };
  return { note: line.slice(0, at), evidence: line.slice(at + word.length) };
}

/** The interviewer's one optional prompt after a question: a note, with evidence after "evidence:"; BACK returns to the question. */
async function askNotes(s: Session, id: string, o: FlowOptions, t: AssessStrings): Promise<Session | Back> {
  const a = s.answers.get(id);
  const had = joinNote(a?.note, a?.evidence, t);
  let typed: string | Back;
  try {
    typed = await o.prompter.input({ message: t.note, ...(had ? { default: had, hint: t.keysNoteKept } : { hint: t.keysNote }) });
  } catch (e) {
    // Ctrl-C in the middle of a note: what was typed is kept, as if Enter had been pressed.
    if (e instanceof Interrupted && e.typed.trim() !== '') await o.save(setNote(s, id, splitNote(e.typed, t)));
    throw e;
  }
  if (typed === BACK) return BACK;
  const out = setNote(s, id, splitNote(typed, t));
  await o.save(out);
  return out;
}

type EndChoice = 'finish' | 'review' | 'back';

/** The end summary: what is left unanswered, then finish (the default, so Enter never loops), revisit, or go back. */
async function endSummary(s: Session, o: FlowOptions, t: AssessStrings, text: (x: Text) => string): Promise<EndChoice> {
  const c = makePaint(o.color);
  const cols = o.columns > 0 ? Math.max(20, o.columns) : 80;
  const open = unanswered(s);
  const p = o.prompter;
  p.print('');
  if (open.length === 0) p.print(c.green(t.allAnswered));
  else {
    p.print(c.yellow(t.leftUnanswered(open.length)));
    for (const q of open.slice(0, LISTED)) p.print(truncate(`  - ${text(q.dimension.title)} · ${text(q.question.text)}`, cols - 1));
    if (open.length > LISTED) p.print(`  … +${open.length - LISTED}`);
  }
  const picked = await p.select<EndChoice>({
    message: t.whatNext,
    choices: [
      { value: 'finish', name: t.finish },
      ...(open.length > 0 ? [{ value: 'review' as const, name: t.answerUnanswered(open.length) }] : []),
      { value: 'back', name: t.backToLast },
    ],
    default: 'finish',
  });
  return picked === BACK ? 'back' : picked;
}

/** Ask questions until the user finishes or presses Ctrl-C. Every answer is saved before the next question. */
export async function runQuestions(start: Session, o: FlowOptions): Promise<Outcome> {
  const t = assessStrings(o.locale);
  const fallback = start.model.doc.locales[0] as string;
  const text = (x: Text) => resolveText(x, o.locale, fallback);
  const ctx: Omit<AskContext, 'canGoBack'> = { text, s: t };
  const p = o.prompter;
  // What was saved last: on Ctrl-C this is what the file holds, including a note typed a moment ago.
  let latest = start;
  const flow: FlowOptions = {
    ...o,
    save: async (x) => {
      latest = x;
      await o.save(x);
    },
  };
  let s = start;
  try {
    for (;;) {
      if (s.current === null) {
        const choice = await endSummary(s, o, t, text);
        if (choice === 'finish') return { kind: 'finished', session: s };
        s = choice === 'review' ? review(s) : back(s);
        continue;
      }
      const id = s.current;
      const info = s.model.byId.get(id);
      if (!info) throw new Error(`no question ${id}`);
      for (const line of header(info, s, o, t, text)) p.print(line);
      const reply = await askQuestion(p, info, s.answers.get(id), { ...ctx, canGoBack: back(s).current !== id });
      if (reply === BACK) {
        s = back(s);
        continue;
      }
      s = setAnswer(s, id, reply);
      await flow.save(s);
      // A text question is a note already: no second note after it.
      if (o.mode === 'interview' && info.question.type !== 'text') {
        const noted = await askNotes(s, id, flow, t);
        if (noted === BACK) continue;
        s = noted;
      }
      s = next(s);
    }
  } catch (e) {
    if (e instanceof Interrupted) return { kind: 'interrupted', session: { ...latest, current: s.current } };
    throw e;
  }
}
