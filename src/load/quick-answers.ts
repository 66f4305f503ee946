import type { AnswersFile } from '../schema/answers.js';
import { SLUG } from '../schema/constants.js';
import { TEXT_CONTROL_CHARS } from './source.js';

// The answers file schema (src/schema/answers.ts) checked by hand for the common case, without building the
// schema library's objects at start-up. It takes only what the schema takes, and gives what the schema gives
// (the same values, keys in the same order; what already is so is kept, not copied); for anything else it gives
// undefined and the caller runs the schema itself, whose messages every error uses. tests/quick-answers.test.ts
// holds the two to the same results.

const FILE_KEYS = ['kamcheck', 'questionnaire', 'respondent', 'date', 'locale', 'perspective', 'targets', 'answers'];
const RESPONDENT_KEYS = ['name', 'role', 'organization', 'unit'];
const ENTRY_KEYS = ['value', 'note', 'evidence'];
const QUESTIONNAIRE_REF = /^[a-z0-9][a-z0-9-]*(@[^\s@]+)?$/;
const LOCALE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
const onlyKeys = (o: Record<string, unknown>, keys: readonly string[]) => Object.keys(o).every((k) => keys.includes(k));
const safe = (v: unknown): v is string => typeof v === 'string' && !TEXT_CONTROL_CHARS.test(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function calendarDay(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const plainValue = (v: unknown): boolean =>
  safe(v) || finite(v) || typeof v === 'boolean' || v === null || (Array.isArray(v) && v.every((x) => safe(x) || finite(x)));

/** Whether an object's keys come in the schema's order (the order the schema gives them back in). */
const inOrder = (o: Record<string, unknown>, keys: readonly string[]): boolean => {
  let last = -1;
  for (const k of Object.keys(o)) {
    const at = keys.indexOf(k);
    if (at < last) return false;
    last = at;
  }
  return true;
};

/**
 * An answer entry as the schema gives it back, or undefined when the schema should judge it. What is already as the
 * schema would give it is kept as it is, not copied: a file of 100,000 answers is not held twice.
 */
function entry(v: unknown): unknown {
  if (plainValue(v)) return v;
  if (!isRecord(v) || !onlyKeys(v, ENTRY_KEYS)) return undefined;
  if (v.value !== undefined && !plainValue(v.value)) return undefined;
  for (const k of ['note', 'evidence'] as const) if (v[k] !== undefined && !safe(v[k])) return undefined;
  if (inOrder(v, ENTRY_KEYS)) return v;
  const out: Record<string, unknown> = {};
  for (const k of ENTRY_KEYS) if (v[k] !== undefined) out[k] = v[k];
  return out;
}

/** The answers file as the schema would give it back, when it certainly passes; otherwise undefined. */
export function quickAnswersFile(data: unknown): AnswersFile | undefined {
  if (!isRecord(data) || !onlyKeys(data, FILE_KEYS)) return undefined;
  const out: Record<string, unknown> = {};
  if (data.kamcheck !== 1) return undefined;
  out.kamcheck = 1;
  if (typeof data.questionnaire !== 'string' || !QUESTIONNAIRE_REF.test(data.questionnaire)) return undefined;
  out.questionnaire = data.questionnaire;
  if (data.respondent !== undefined) {
    const r = data.respondent;
    if (!isRecord(r) || !onlyKeys(r, RESPONDENT_KEYS)) return undefined;
    const respondent: Record<string, string> = {};
    for (const k of RESPONDENT_KEYS) {
      if (r[k] === undefined) continue;
      if (!safe(r[k]) || r[k].includes('\n')) return undefined;
      respondent[k] = r[k];
    }
    out.respondent = respondent;
  }
  if (data.date !== undefined) {
    if (typeof data.date !== 'string' || !ISO_DATE.test(data.date) || !calendarDay(data.date)) return undefined;
    out.date = data.date;
  }
  if (data.locale !== undefined) {
    if (typeof data.locale !== 'string' || !LOCALE_TAG.test(data.locale)) return undefined;
    out.locale = data.locale;
  }
  if (data.perspective !== undefined) {
    if (typeof data.perspective !== 'string' || !SLUG.test(data.perspective)) return undefined;
    out.perspective = data.perspective;
  }
  if (data.targets !== undefined) {
    if (!isRecord(data.targets)) return undefined;
    const targets: Record<string, number> = {};
    for (const [k, v] of Object.entries(data.targets)) {
      if (k === '__proto__' || !SLUG.test(k) || !finite(v) || v < 0 || v > 100) return undefined;
      targets[k] = v;
    }
    out.targets = targets;
  }
  if (data.answers !== undefined) {
    if (!isRecord(data.answers)) return undefined;
    let answers: Record<string, unknown> = data.answers;
    for (const [k, v] of Object.entries(data.answers)) {
      // The schema drops a key named __proto__ (the YAML readers refuse one before this).
      if (k === '__proto__') return undefined;
      const e = entry(v);
      if (e === undefined) return undefined;
      if (e !== v) {
        if (answers === data.answers) answers = { ...data.answers };
        answers[k] = e;
      }
    }
    out.answers = answers;
  }
  return out as AnswersFile;
}
