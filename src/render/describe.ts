import type { FormStrings } from '../i18n/ui.js';
import type { Condition } from '../schema/questionnaire.js';

const SYMBOL: Record<string, string> = { eq: '=', ne: '≠', lt: '<', lte: '≤', gt: '>', gte: '≥', in: '∈', notIn: '∉' };
const show = (v: unknown): string => (Array.isArray(v) ? `[${v.map(show).join(', ')}]` : String(v));

/** A condition as people read it, e.g. `exec-sponsor = true and crm-use ≥ 3`. */
export function describeCondition(c: Condition, f: FormStrings): string {
  if ('all' in c) return c.all.map((x) => wrapped(x, f)).join(` ${f.and} `);
  if ('any' in c) return c.any.map((x) => wrapped(x, f)).join(` ${f.or} `);
  if ('not' in c) return `${f.not} (${describeCondition(c.not, f)})`;
  const record = c as Record<string, unknown>;
  const subject = 'answer' in c ? c.answer : 'questionScore' in c ? `${f.score}(${c.questionScore})` : `${f.score}(${c.score})`;
  if ('answer' in c && c.is !== undefined) return `${subject} ${f.is[c.is]}`;
  if ('answer' in c && c.includes !== undefined) return `${subject} ${f.includes} ${show(c.includes)}`;
  const op = Object.keys(SYMBOL).find((k) => record[k] !== undefined) ?? 'eq';
  return `${subject} ${SYMBOL[op]} ${show(record[op])}`;
}

const wrapped = (c: Condition, f: FormStrings) => ('all' in c || 'any' in c ? `(${describeCondition(c, f)})` : describeCondition(c, f));
