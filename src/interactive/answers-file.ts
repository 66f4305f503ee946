import { Document, isSeq, visit } from 'yaml';
import type { Model } from '../core/model.js';
import type { Answer } from '../core/score.js';
import { CONTROL_CHARS } from '../load/source.js';
import type { AnswerEntry, AnswersFile, Respondent } from '../schema/answers.js';

export interface AnswersMeta {
  /** Written only when it is not the questionnaire's first perspective. */
  perspective?: string;
  respondent?: Respondent;
  date?: string;
  locale?: string;
}

/** One answer as the file holds it: the short form unless there is a note or evidence (SPEC §4). */
function entryOf(a: Answer): AnswerEntry {
  const value = a.na ? 'na' : a.value;
  if (a.note === undefined && a.evidence === undefined) return value ?? null;
  return {
    ...(value !== undefined ? { value } : {}),
    ...(a.note !== undefined ? { note: a.note } : {}),
    ...(a.evidence !== undefined ? { evidence: a.evidence } : {}),
  };
}

/** The answers file document for a session's answers, in questionnaire order; unanswered questions without notes are left out. */
export function answersDocument(model: Model, answers: ReadonlyMap<string, Answer>, meta: AnswersMeta): AnswersFile {
  const respondent = Object.fromEntries(Object.entries(meta.respondent ?? {}).filter(([, v]) => typeof v === 'string' && v !== ''));
  const out: Record<string, AnswerEntry> = {};
  for (const q of model.questions) {
    const a = answers.get(q.question.id);
    if (!a) continue;
    const entry = entryOf(a);
    if (entry !== null) out[q.question.id] = entry;
  }
  return {
    kamcheck: 1,
    questionnaire: `${model.doc.id}@${model.doc.version}`,
    ...(meta.perspective ? { perspective: meta.perspective } : {}),
    ...(Object.keys(respondent).length > 0 ? { respondent } : {}),
    ...(meta.date ? { date: meta.date } : {}),
    ...(meta.locale ? { locale: meta.locale } : {}),
    answers: out,
  };
}

/** YAML text of an answers file. The yaml package quotes whatever needs it (quotes, newlines, `yes`, `3` as text). */
export function stringifyAnswers(doc: AnswersFile): string {
  const yaml = new Document(doc);
  // Lists of choices read best on one line: training: [selling, finance].
  visit(yaml, {
    Seq(_key, node) {
      if (isSeq(node)) node.flow = true;
    },
  });
  return yaml.toString({ lineWidth: 0, flowCollectionPadding: false });
}

// A global copy of the shared pattern, to remove every control character rather than test for one.
const CONTROL_ALL = new RegExp(CONTROL_CHARS.source, 'g');

/**
 * Typed or pasted text made safe for an answers file: control characters (a stray escape sequence, a
 * right-to-left override) removed, line breaks and tabs made spaces, spaces trimmed. The loader refuses
 * what this removes, so a file the interview wrote can always be read again.
 */
export const cleanText = (s: string): string =>
  s
    .replace(CONTROL_ALL, '')
    .replace(/[\r\n\t]+/g, ' ')
    .trim();

/** Today's date where the user is, as YYYY-MM-DD. */

/** The file an assessment writes when no -o is given. */
export const defaultAnswersFile = (date: string): string => `kamcheck-answers-${date}.yaml`;
