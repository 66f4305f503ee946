import { canonicalize, isNumeric, type Model, type QuestionInfo, toNumber } from '../core/model.js';
import { type Diagnostic, diag } from '../diagnostics.js';
import { COMPARISONS } from '../schema/constants.js';
import type { Condition } from '../schema/questionnaire.js';
import { closest } from './issues.js';
import { locate, type Path, type Source } from './yaml.js';

// The first question of each id, per model: built once, so that checking thousands of conditions stays linear.
const firsts = new WeakMap<Model, Map<string, QuestionInfo>>();
function firstById(model: Model): Map<string, QuestionInfo> {
  let m = firsts.get(model);
  if (!m) {
    m = new Map();
    for (const q of model.questions) if (!m.has(q.question.id)) m.set(q.question.id, q);
    firsts.set(model, m);
  }
  return m;
}

const ORDERED = new Set(['lt', 'lte', 'gt', 'gte']);

export interface ConditionScope {
  /** For a question's `when`: its own index; only earlier questions may be named, and no `score:`. */
  before?: number;
  source: Source;
  model: Model;
}

/** Check that every id in a condition exists and that every operand fits its question. */
export function checkCondition(c: Condition, path: Path, scope: ConditionScope): Diagnostic[] {
  const at = (p: Path, key = false) => locate(scope.source, p, key);
  if ('all' in c) return c.all.flatMap((x, i) => checkCondition(x, [...path, 'all', i], scope));
  if ('any' in c) return c.any.flatMap((x, i) => checkCondition(x, [...path, 'any', i], scope));
  if ('not' in c) return checkCondition(c.not, [...path, 'not'], scope);

  const record = c as Record<string, unknown>;
  const allowed: readonly string[] = 'answer' in c ? [...COMPARISONS, 'includes', 'is'] : COMPARISONS;
  const ops = allowed.filter((k) => record[k] !== undefined);
  const out: Diagnostic[] = [];
  if (ops.length === 0) out.push(diag('condition-no-test', { ops: allowed.join(', ') }, at(path)));
  // Point at the first test too many: the one to remove or to move into an `all`.
  if (ops.length > 1)
    out.push(diag('condition-tests', { count: ops.length, found: ops.join(', ') }, at([...path, ops[1] as string], true)));
  const op = ops[0];
  if ('score' in c) {
    if (scope.before !== undefined) return [...out, diag('when-score', {}, at([...path, 'score']))];
    const dims = scope.model.dimensions.map((d) => d.id);
    if (c.score !== 'overall' && !dims.includes(c.score)) {
      out.push(diag('unknown-dimension', { id: c.score, hint: closest(c.score, [...dims, 'overall']) ?? '' }, at([...path, 'score'])));
    }
    if (op && !isNumberOp(op, record[op])) out.push(diag('condition-number', { op }, at([...path, op])));
    return out;
  }
  const id = 'answer' in c ? c.answer : c.questionScore;
  const idKey = 'answer' in c ? 'answer' : 'questionScore';
  // With a duplicate id, the first question of that id is the one a condition can mean (the duplicate is reported).
  const info = firstById(scope.model).get(id);
  if (!info) return [...out, diag('unknown-question', { id, hint: closest(id, scope.model.byId.keys()) ?? '' }, at([...path, idKey]))];
  if (scope.before !== undefined && info.index >= scope.before) {
    return [...out, diag('when-order', { id }, at([...path, idKey]))];
  }
  if (!op) return out;
  if ('questionScore' in c) {
    if (!info.scored) out.push(diag('condition-unscored', { id }, at([...path, idKey])));
    if (!isNumberOp(op, record[op])) out.push(diag('condition-number', { op }, at([...path, op])));
    return out;
  }
  out.push(...checkAnswerOperand(info, op, record[op], [...path, op], at));
  return out;
}

function isNumberOp(op: string, v: unknown): boolean {
  if (op === 'in' || op === 'notIn') return Array.isArray(v) && v.every((x) => typeof x === 'number');
  return (COMPARISONS as readonly string[]).includes(op) && typeof v === 'number';
}

function checkAnswerOperand(
  info: QuestionInfo,
  op: string,
  v: unknown,
  path: Path,
  at: (p: Path) => { file: string; line: number; column: number },
): Diagnostic[] {
  const type = info.question.type;
  const id = info.question.id;
  if (op === 'is') return [];
  if (op === 'includes') {
    if (type !== 'multi') return [diag('condition-includes', { id }, at(path))];
    return canonicalize(info, [v]) === undefined
      ? [diag('condition-value', { id, value: String(v), values: acceptedValues(info) }, at(path))]
      : [];
  }
  if (ORDERED.has(op)) return isNumeric(info) ? [] : [diag('condition-ordered', { id, op }, at(path))];
  const values = op === 'in' || op === 'notIn' ? (Array.isArray(v) ? v : [v]) : [v];
  if (type === 'multi' && op !== 'eq' && op !== 'ne') return [diag('condition-multi', { id, op }, at(path))];
  if (type === 'multi' && !Array.isArray(v)) return [diag('condition-multi-list', { id, op, value: String(v) }, at(path))];
  return values.flatMap((x, i) => {
    const p = op === 'in' || op === 'notIn' ? [...path, i] : path;
    // Ranges do not restrict conditions: a rule may test a value outside min/max harmlessly.
    const ok = type === 'number' ? toNumber(x) !== undefined : canonicalize(info, x) !== undefined;
    return ok
      ? []
      : [diag('condition-value', { id, value: Array.isArray(x) ? x.join(', ') : String(x), values: acceptedValues(info) }, at(p))];
  });
}

/** The values a condition may compare a question's answer with, for messages; empty when there is no short list. */
function acceptedValues(info: QuestionInfo): string {
  const type = info.question.type;
  if (type === 'boolean') return 'true, false';
  if (type === 'scale' || type === 'choice' || type === 'multi') return info.options.map((o) => String(o.value)).join(', ');
  return '';
}
