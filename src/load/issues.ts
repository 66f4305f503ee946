import type { z } from 'zod';
import { type Diagnostic, diag } from '../diagnostics.js';
import { CONDITION_KEYS } from '../schema/questionnaire.js';
import { locate, type Path, type Source } from './yaml.js';

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
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'object') return 'mapping';
  return typeof v;
}

const EXPECTED: Record<string, string> = { record: 'mapping', object: 'mapping', array: 'list' };

/** Turn zod issues into located diagnostics, one per real problem. */
export function issuesToDiagnostics(source: Source, issues: readonly Issue[], base: Path = []): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const path: Path = [...base, ...(issue.path as (string | number)[])];
    const value = valueAt(source.data, path);
    const at = (p: Path = path, key = false) => locate(source, p, key);
    const lastKey = String(path[path.length - 1] ?? '');
    const parent = path.slice(0, -1);
    if (value === undefined && issue.code !== 'unrecognized_keys' && issue.code !== 'custom') {
      out.push(diag('missing-key', { key: lastKey }, at(parent)));
      continue;
    }
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) out.push(diag('unknown-key', { key }, at([...path, key], true)));
        break;
      case 'invalid_type':
        if (issue.expected === 'never') out.push(diag('unknown-key', { key: lastKey }, at(path, true)));
        else out.push(diag('wrong-type', { expected: EXPECTED[issue.expected] ?? issue.expected, found: kindOf(value) }, at()));
        break;
      case 'invalid_union':
        out.push(...unionDiagnostics(source, issue, path, value));
        break;
      case 'invalid_value':
        out.push(diag('not-one-of', { values: issue.values.map((v) => String(v)).join(', '), found: String(value) }, at()));
        break;
      case 'too_small':
        if (issue.origin === 'array') out.push(diag('too-few-items', { min: Number(issue.minimum) }, at()));
        else if (issue.origin === 'string') out.push(diag('empty-string', {}, at()));
        else out.push(diag(issue.inclusive ? 'number-too-small' : 'number-not-above', { min: Number(issue.minimum) }, at()));
        break;
      case 'too_big':
        out.push(diag('number-too-big', { max: Number(issue.maximum) }, at()));
        break;
      case 'invalid_format':
      case 'custom':
        out.push(diag(issue.message in FORMAT_CODES ? issue.message : 'invalid-value', { found: String(value) }, at()));
        break;
      case 'invalid_key':
        for (const sub of issue.issues) {
          out.push(diag(sub.message in FORMAT_CODES ? sub.message : 'invalid-value', { found: lastKey }, at(path, true)));
        }
        break;
      case 'invalid_element':
        out.push(...issuesToDiagnostics(source, issue.issues, path));
        break;
      default:
        out.push(diag('invalid-value', { found: String(value) }, at()));
    }
  }
  return out;
}

const FORMAT_CODES: Record<string, true> = {
  slug: true,
  'locale-tag': true,
  'control-char-in-string': true,
  'iso-date': true,
  'questionnaire-ref': true,
};

function unionDiagnostics(source: Source, issue: Extract<Issue, { code: 'invalid_union' }>, path: Path, value: unknown): Diagnostic[] {
  const at = () => locate(source, path);
  const branches = issue.errors;
  // Conditions: the branch is the one whose leading key is present.
  if (value && typeof value === 'object' && !Array.isArray(value) && branches.length === CONDITION_KEYS.length) {
    const i = CONDITION_KEYS.findIndex((k) => k in value);
    if (i < 0) return [diag('bad-condition', { keys: CONDITION_KEYS.join(', ') }, at())];
    return issuesToDiagnostics(source, branches[i] ?? [], path);
  }
  // Text, answer entries, values: report the branch that matches the value's kind, if one does.
  const kind = kindOf(value);
  const matching = branches.filter((b) =>
    b.every((sub) => sub.code !== 'invalid_type' || sub.path.length > 0 || EXPECTED[sub.expected] === kind || sub.expected === kind),
  );
  if (matching.length === 1 && (matching[0]?.length ?? 0) > 0) return issuesToDiagnostics(source, matching[0] ?? [], path);
  const expected = branches
    .map((b) => b.find((s) => s.code === 'invalid_type' && s.path.length === 0))
    .filter((s): s is Extract<Issue, { code: 'invalid_type' }> => s !== undefined)
    .map((s) => EXPECTED[s.expected] ?? s.expected);
  if (expected.length === branches.length) {
    return [diag('wrong-type', { expected: [...new Set(expected)].join(' or '), found: kind }, at())];
  }
  // A value of the right kind that fails a check inside one branch: report that branch's problems.
  const inner = branches.find((b) => b.length > 0 && b.every((s) => s.code !== 'invalid_type' || s.path.length > 0));
  return inner ? issuesToDiagnostics(source, inner, path) : [diag('invalid-value', { found: String(value) }, at())];
}
