import type * as z from 'zod/mini';
import { type Diagnostic, diag } from '../diagnostics.js';
import { CONDITION_KEYS } from '../schema/constants.js';
import { fieldName, locate, type Path, type Source } from './source.js';

type Issue = z.core.$ZodIssue;

function valueAt(data: unknown, path: Path): unknown {
  let v = data;
  for (const step of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[step];
  }
  return v;
}

export function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Number.isNaN(v)) return 'NaN';
  if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY) return 'infinity';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'object') return 'mapping';
  return typeof v;
}

const EXPECTED: Record<string, string> = { record: 'mapping', object: 'mapping', array: 'list' };

/** Levenshtein distance, for "did you mean" hints on mistyped ids and keys. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** How many names of one file get a "did you mean": past a few hundred mistakes, no one reads them, and each costs. */
export const HINTED = 200;

/** `closest`, for at most HINTED names; after that, no hint. */
export function hinter(): (id: string, candidates: Iterable<string>) => string | undefined {
  let n = 0;
  return (id, candidates) => (n++ < HINTED ? closest(id, candidates) : undefined);
}

/** One character added, dropped, changed, or two neighbours swapped. */
function isTypo(a: string, b: string): boolean {
  if (distance(a, b) === 1) return true;
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  return (
    diff.length === 2 &&
    diff[1] === (diff[0] as number) + 1 &&
    a[diff[0] as number] === b[diff[1] as number] &&
    a[diff[1] as number] === b[diff[0] as number]
  );
}

const asObject = (v: unknown): object => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {});

/** The candidate nearest to a mistyped name, when one is near enough to be a likely typo. */
export function closest(id: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(id.length / 3)) + 1;
  for (const c of candidates) {
    // The distance is at least the difference in length: a 5 MB name is compared with nothing.
    if (Math.abs(id.length - c.length) >= bestD) continue;
    const d = distance(id, c);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

/**
 * Parse options for `safeParse`: an "unknown keys" issue carries, as its message, the keys the mapping
 * does accept (zod does not keep them otherwise), so that a typo gets a did-you-mean hint.
 */
export const PARSE_OPTIONS: z.core.ParseContext<z.core.$ZodIssue> = {
  error: (iss) => {
    if (iss.code !== 'unrecognized_keys') return undefined;
    const shape = (iss.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
    return shape ? JSON.stringify(Object.keys(shape)) : undefined;
  },
};

function knownKeys(message: string): string[] {
  try {
    const keys: unknown = JSON.parse(message);
    return Array.isArray(keys) ? keys.map(String) : [];
  } catch {
    return [];
  }
}

/** What a message is about: the field's name, and whether the value is one item of that field's list. */
function subject(path: Path): { field: string; item: number } {
  return { field: fieldName(path), item: typeof path[path.length - 1] === 'number' ? 1 : 0 };
}

/** A value as it reads in a message: strings quoted, everything else as written. */
export function display(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(display).join(', ')}]`;
  if (v !== null && typeof v === 'object') return kindOf(v);
  return String(v);
}

/** Turn zod issues into located diagnostics, one per real problem. */
export function issuesToDiagnostics(source: Source, issues: readonly Issue[], base: Path = []): Diagnostic[] {
  // One check can fail in several ways at once (a date that is neither well-formed nor a real day): say it once.
  const seen = new Set<string>();
  return collect(source, issues, base).filter((d) => {
    const k = JSON.stringify([d.code, d.line, d.column, d.args]);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function collect(source: Source, issues: readonly Issue[], base: Path): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const path: Path = [...base, ...(issue.path as (string | number)[])];
    const value = valueAt(source.data, path);
    const at = (p: Path = path, key = false) => locate(source, p, key);
    const lastKey = String(path[path.length - 1] ?? '');
    const parent = path.slice(0, -1);
    const field = subject(path);
    // `.inf` is a YAML number, but no count or score: say so rather than "expected number, found number".
    if (value === Number.POSITIVE_INFINITY || value === Number.NEGATIVE_INFINITY) {
      out.push(diag('not-finite', { ...field, found: value > 0 ? '.inf' : '-.inf' }, at()));
      continue;
    }
    if (value === undefined && issue.code !== 'unrecognized_keys' && issue.code !== 'custom') {
      // A key one slip away from the missing one (`tpye` for `type`) is that key misspelt: say so, at the misspelling.
      const typo = Object.keys(asObject(valueAt(source.data, parent))).find((k) => k !== lastKey && isTypo(k, lastKey));
      if (typo !== undefined) out.push(diag('unknown-key', { key: typo, hint: lastKey }, at([...parent, typo], true)));
      else out.push(diag('missing-key', { key: lastKey }, at(parent)));
      continue;
    }
    switch (issue.code) {
      case 'unrecognized_keys': {
        const present = new Set(Object.keys((value ?? {}) as object));
        const missing = knownKeys(issue.message).filter((k) => !present.has(k));
        for (const key of issue.keys) {
          const hint = closest(key, missing);
          out.push(diag('unknown-key', { key, hint: hint ?? '' }, at([...path, key], true)));
        }
        break;
      }
      case 'invalid_type':
        if (issue.expected === 'never') out.push(diag('unknown-key', { key: lastKey, hint: '' }, at(path, true)));
        else out.push(diag('wrong-type', { ...field, expected: EXPECTED[issue.expected] ?? issue.expected, found: kindOf(value) }, at()));
        break;
      case 'invalid_union':
        out.push(...unionDiagnostics(source, issue, path, value));
        break;
      case 'invalid_value': {
        const kinds = [...new Set(issue.values.map(kindOf))];
        if (!kinds.includes(kindOf(value))) {
          // `kamcheck: "1"` is the wrong kind of value, not a wrong choice among 1.
          out.push(diag('wrong-type', { ...field, expected: kinds.join(' or '), found: kindOf(value) }, at()));
        } else if (path.length === 1 && path[0] === 'kamcheck') {
          out.push(diag('format-version', { found: display(value), supported: issue.values.map(display).join(', ') }, at()));
        } else {
          out.push(diag('not-one-of', { ...field, values: issue.values.map((v) => String(v)).join(', '), found: display(value) }, at()));
        }
        break;
      }
      case 'too_small':
        if (issue.origin === 'array') out.push(diag('too-few-items', { ...field, min: Number(issue.minimum) }, at()));
        else if (issue.origin === 'string') out.push(diag('empty-string', field, at()));
        else
          out.push(
            diag(
              issue.inclusive ? 'number-too-small' : 'number-not-above',
              { ...field, min: Number(issue.minimum), found: display(value) },
              at(),
            ),
          );
        break;
      case 'too_big':
        out.push(diag('number-too-big', { ...field, max: Number(issue.maximum), found: display(value) }, at()));
        break;
      case 'invalid_format':
      case 'custom':
        out.push(diag(Object.hasOwn(FORMAT_CODES, issue.message) ? issue.message : 'invalid-value', { found: String(value) }, at()));
        break;
      case 'invalid_key':
        for (const sub of issue.issues) {
          out.push(diag(Object.hasOwn(FORMAT_CODES, sub.message) ? sub.message : 'invalid-value', { found: lastKey }, at(path, true)));
        }
        break;
      case 'invalid_element':
        out.push(...collect(source, issue.issues, path));
        break;
      default:
        out.push(diag('invalid-value', { found: String(value) }, at()));
    }
  }
  return out;
}

const FORMAT_CODES: Record<string, true> = {
  'one-line': true,
  slug: true,
  'locale-tag': true,
  'control-char-in-string': true,
  'iso-date': true,
  'questionnaire-ref': true,
};

type UnionIssue = Extract<Issue, { code: 'invalid_union' }>;

/** The alternatives of a union, with unions nested in it (a union of unions) opened up into their own alternatives. */
function flatBranches(issue: UnionIssue): Issue[][] {
  return issue.errors.flatMap((b) => {
    const only = b.length === 1 ? b[0] : undefined;
    return only?.code === 'invalid_union' && only.path.length === 0 && only.errors.length > 0 ? flatBranches(only) : [b];
  });
}

function unionDiagnostics(source: Source, issue: UnionIssue, path: Path, value: unknown): Diagnostic[] {
  const at = () => locate(source, path);
  const field = subject(path);
  // A discriminated union whose tag (e.g. a question's `type`) names no alternative.
  if (issue.errors.length === 0 && 'options' in issue && issue.options) {
    return [diag('not-one-of', { ...field, values: issue.options.map((v) => String(v)).join(', '), found: display(value) }, at())];
  }
  const branches = flatBranches(issue);
  // Conditions: the branch is the one whose leading key is present. A union is the condition union when
  // it has one branch per leading key, and each branch whose key is absent complains about that key.
  const isCondition = (v: object) =>
    issue.errors.length === CONDITION_KEYS.length &&
    issue.errors.every((b, i) => (CONDITION_KEYS[i] as string) in v || b.some((s) => s.path[0] === CONDITION_KEYS[i]));
  if (value && typeof value === 'object' && !Array.isArray(value) && isCondition(value)) {
    const i = CONDITION_KEYS.findIndex((k) => k in value);
    if (i < 0) return [diag('bad-condition', { keys: CONDITION_KEYS.join(', ') }, at())];
    return collect(source, issue.errors[i] ?? [], path);
  }
  // Text, answer entries, values: report the branch that matches the value's kind, if one does.
  const kind = kindOf(value);
  const matching = branches.filter((b) =>
    b.every((sub) => sub.code !== 'invalid_type' || sub.path.length > 0 || EXPECTED[sub.expected] === kind || sub.expected === kind),
  );
  if (matching.length === 1 && (matching[0]?.length ?? 0) > 0) return collect(source, matching[0] ?? [], path);
  const expected = branches
    .map((b) => b.find((s) => s.code === 'invalid_type' && s.path.length === 0))
    .filter((s): s is Extract<Issue, { code: 'invalid_type' }> => s !== undefined)
    .map((s) => EXPECTED[s.expected] ?? s.expected);
  if (expected.length === branches.length) {
    return [diag('wrong-type', { ...field, expected: [...new Set(expected)].join(' or '), found: kind }, at())];
  }
  // A value of the right kind that fails a check inside one branch: report that branch's problems.
  const inner = branches.find((b) => b.length > 0 && b.every((s) => s.code !== 'invalid_type' || s.path.length > 0));
  return inner ? collect(source, inner, path) : [diag('invalid-value', { found: String(value) }, at())];
}
