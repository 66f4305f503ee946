import { canonicalize, isNumeric, type Model, type QuestionInfo } from '../core/model.js';
import { type Diagnostic, diag } from '../diagnostics.js';
import { COMPARISONS, type Condition } from '../schema/questionnaire.js';
import { locate, type Path, type Source } from './yaml.js';

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
  const ops = [...COMPARISONS, 'includes', 'is'].filter((k) => record[k] !== undefined);
  const out: Diagnostic[] = [];
  if (ops.length !== 1) {
    out.push(diag('condition-ops', { count: ops.length, ops: [...COMPARISONS, 'includes', 'is'].join(', ') }, at(path)));
  }
  const op = ops[0];
  if ('score' in c) {
    if (scope.before !== undefined) return [...out, diag('when-score', {}, at([...path, 'score']))];
    if (c.score !== 'overall' && !scope.model.dimensions.some((d) => d.id === c.score)) {
      out.push(diag('unknown-dimension', { id: c.score }, at([...path, 'score'])));
    }
    if (op && !isNumberOp(op, record[op])) out.push(diag('condition-number', { op }, at([...path, op])));
    return out;
  }
  const id = 'answer' in c ? c.answer : c.questionScore;
  const idKey = 'answer' in c ? 'answer' : 'questionScore';
  const info = scope.model.byId.get(id);
  if (!info) return [...out, diag('unknown-question', { id, hint: '' }, at([...path, idKey]))];
  if (scope.before !== undefined && info.index >= scope.before) {
    return [...out, diag('when-order', { id }, at([...path, idKey]))];
  }
  if (!op) return out;
  if ('questionScore' in c) {
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
    return canonicalize(info, [v]) === undefined ? [diag('condition-value', { id, value: String(v) }, at(path))] : [];
  }
  if (ORDERED.has(op)) return isNumeric(info) ? [] : [diag('condition-ordered', { id, op }, at(path))];
  const values = op === 'in' || op === 'notIn' ? (Array.isArray(v) ? v : [v]) : [v];
  if (type === 'multi' && op !== 'eq' && op !== 'ne') return [diag('condition-multi', { id, op }, at(path))];
  return values.flatMap((x, i) => {
    const p = op === 'in' || op === 'notIn' ? [...path, i] : path;
    // Ranges do not restrict conditions: a rule may test a value outside min/max harmlessly.
    const ok = type === 'number' ? typeof x === 'number' : canonicalize(info, x) !== undefined;
    return ok ? [] : [diag('condition-value', { id, value: Array.isArray(x) ? x.join(', ') : String(x) }, at(p))];
  });
}
