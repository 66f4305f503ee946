// `--what-if QID=VALUE` and `--target ID=N`: checked like the answers of a file, each error located in its argument.
import { type Canonical, canonicalize, type Model, toNumber } from '../core/model.js';
import type { Answer } from '../core/score.js';
import { type Diagnostic, diag, InputError } from '../diagnostics.js';
import { answerProblem } from '../load/check-answers.js';
import { closest } from '../load/issues.js';
import { UsageError } from './io.js';

/** The parts of `KEY=VALUE`; a usage error without `=`. */
function split(flag: string, arg: string, shape: string): { key: string; value: string } {
  const eq = arg.indexOf('=');
  if (eq <= 0) throw new UsageError(`kamcheck: error: ${flag} takes ${shape}, not "${arg}"`);
  return { key: arg.slice(0, eq), value: arg.slice(eq + 1) };
}

/** An argument reads as a one-line file named after itself: `--what-if sponsor=maybe:1:9: error: …`. */
const at = (flag: string, arg: string, column: number) => ({ file: `${flag} ${arg}`, line: 1, column });

export interface WhatIf {
  changes: Map<string, Answer>;
  /** What the report's `whatIf` lists: each id with its value as an answers file would hold it. */
  listed: { id: string; value: Canonical | null }[];
}

/**
 * `--what-if` arguments as answers: VALUE as in an answers file, `na`, a multi as `a,b` (`[]` for none), empty to
 * unanswer. Every problem of every argument is reported at once; the last argument for a question wins.
 */
export function parseWhatIf(args: readonly string[], model: Model, perspective: string): WhatIf & { errors: Diagnostic[] } {
  const changes = new Map<string, Answer>();
  const errors: Diagnostic[] = [];
  for (const arg of args) {
    const { key: id, value } = split('--what-if', arg, 'QUESTION=VALUE');
    const where = (column: number) => at('--what-if', arg, column);
    const info = model.byId.get(id);
    if (!info) {
      errors.push(diag('unknown-question', { id, hint: closest(id, model.byId.keys()) ?? '' }, where(1)));
      continue;
    }
    if (!info.audience.includes(perspective)) {
      errors.push(diag('not-in-audience', { id, perspective, audience: info.audience.join(', ') }, where(1)));
      continue;
    }
    const valueColumn = id.length + 2;
    const answer: Answer = { at: () => where(1) };
    const trimmed = value.trim();
    if (trimmed === '') {
      // Unanswered.
    } else if (trimmed === 'na' && info.naAllowed) answer.na = true;
    else {
      const raw: unknown = info.question.type === 'multi' && trimmed !== 'na' ? listOf(trimmed) : trimmed;
      const problem = answerProblem(info, raw);
      if (problem) {
        const index = problem.args.index;
        const column = index === undefined ? valueColumn : valueColumn + itemColumn(value, Number(index));
        errors.push({ ...problem, ...where(column) });
        continue;
      }
      answer.value = canonicalize(info, raw);
    }
    changes.set(id, answer);
  }
  const listed = [...changes].map(([id, a]) => ({ id, value: a.na ? ('na' as const) : (a.value ?? null) }));
  return { changes, listed, errors };
}

const listOf = (s: string): string[] => (s === '[]' ? [] : s.split(',').map((x) => x.trim()));

/** 0-based offset of item `index` of a comma list, for the error's column. */
function itemColumn(value: string, index: number): number {
  let offset = 0;
  const parts = value.split(',');
  for (let i = 0; i < index; i++) offset += (parts[i]?.length ?? 0) + 1;
  return offset + ((parts[index] ?? '').length - (parts[index] ?? '').trimStart().length);
}

/** `--target ID=N` arguments: `overall` or a dimension, a number from 0 to 100; the last one for an id wins. */
export function parseTargets(args: readonly string[], model: Model): { targets: Record<string, number>; errors: Diagnostic[] } {
  const ids = ['overall', ...model.dimensions.map((d) => d.id)];
  const out: Record<string, number> = {};
  const errors: Diagnostic[] = [];
  for (const arg of args) {
    const { key: id, value } = split('--target', arg, 'ID=N (overall or a dimension, 0–100)');
    const where = (column: number) => at('--target', arg, column);
    if (!ids.includes(id)) {
      errors.push(diag('unknown-target', { id, hint: closest(id, ids) ?? '' }, where(1)));
      continue;
    }
    const n = toNumber(value.trim());
    const column = id.length + 2;
    if (n === undefined) errors.push(diag('wrong-type', { expected: 'number', found: 'string', field: id, item: 0 }, where(column)));
    else if (n < 0) errors.push(diag('number-too-small', { min: 0, found: n, field: id, item: 0 }, where(column)));
    else if (n > 100) errors.push(diag('number-too-big', { max: 100, found: n, field: id, item: 0 }, where(column)));
    else out[id] = n;
  }
  return { targets: out, errors };
}

/** The `--target` and `--what-if` arguments of a report, one what-if per answers file (perspective); all problems at once. */
export function readPlanArgs(
  model: Model,
  args: { target: readonly string[]; whatIf: readonly string[] },
  perspectives: readonly string[],
): { targets: Record<string, number>; whatIfs: WhatIf[] } {
  const { targets, errors } = parseTargets(args.target, model);
  const whatIfs = args.whatIf.length === 0 ? [] : perspectives.map((p) => parseWhatIf(args.whatIf, model, p));
  // Every file of one perspective gets the same problems: report each once.
  const seen = new Set<string>();
  for (const d of whatIfs.flatMap((w) => w.errors)) {
    const key = `${d.file}:${d.column}:${d.code}`;
    if (!seen.has(key)) errors.push(d);
    seen.add(key);
  }
  if (errors.length > 0) throw new InputError(errors);
  return { targets, whatIfs };
}
