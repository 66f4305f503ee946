import { drops } from '../core/compare.js';
import type { Model } from '../core/model.js';
import { toNumber } from '../core/model.js';
import { progressStrings } from '../i18n/progress.js';
import { strings } from '../i18n/ui.js';
import type { Comparison } from '../schema/report.js';
import { UsageError } from './io.js';

/** Minimum scores by id: `overall` or a dimension id. */
export type Thresholds = Record<string, number>;

/** The scores a threshold gate reads: a report or a team document. */
interface Scores {
  locale: string;
  overall: { score: number | null };
  dimensions: readonly { id: string; score: number | null }[];
}

const usage = (value: string) =>
  new UsageError(
    value.includes('=')
      ? `kamcheck: error: --fail-under takes ID=NUMBER with ID overall or a dimension and NUMBER from 0 to 100, not "${value}"`
      : `kamcheck: error: --fail-under takes a number from 0 to 100, not "${value}"`,
  );

/** `--fail-under` values (each `N` for the overall score, or `ID=N`); later values win. */
export function parseThresholds(values: unknown): Thresholds | undefined {
  if (values === undefined) return undefined;
  const list = Array.isArray(values) ? values.map(String) : [String(values)];
  if (list.length === 0) return undefined;
  const out: Thresholds = {};
  for (const v of list) {
    const eq = v.indexOf('=');
    const id = eq < 0 ? 'overall' : v.slice(0, eq).trim();
    const n = toNumber(eq < 0 ? v : v.slice(eq + 1));
    if (id === '' || n === undefined || n < 0 || n > 100) throw usage(v);
    out[id] = n;
  }
  return out;
}

/** Refuse thresholds on ids the questionnaire does not have, naming the ones it does. */
export function checkThresholdIds(thresholds: Thresholds | undefined, model: Model): void {
  const ids = model.dimensions.map((d) => d.id);
  for (const id of Object.keys(thresholds ?? {})) {
    if (id !== 'overall' && !ids.includes(id)) {
      throw new UsageError(`kamcheck: error: --fail-under ${id}: no such dimension; use overall or one of: ${ids.join(', ')}`);
    }
  }
}

/** Which thresholds the scores are under, as messages (compared on the 1-decimal scores shown). */
export function thresholdFailures(doc: Scores, thresholds: number | Thresholds | undefined): string[] {
  if (thresholds === undefined) return [];
  const t = strings(doc.locale);
  const p = progressStrings(doc.locale);
  const out: string[] = [];
  const all = typeof thresholds === 'number' ? { overall: thresholds } : thresholds;
  for (const [id, min] of Object.entries(all)) {
    const found = id === 'overall' ? doc.overall.score : (doc.dimensions.find((d) => d.id === id)?.score ?? null);
    // A missing score fails the gate, whatever made it missing.
    const score = found === null || !Number.isFinite(found) ? null : found;
    if (id === 'overall') {
      if (score === null) out.push(t.gateNoScore(min));
      else if (score < min) out.push(t.gateFailUnder(score.toFixed(1), min));
    } else if (score === null) out.push(p.gateDimNoScore(id, min));
    else if (score < min) out.push(p.gateDimUnder(id, score.toFixed(1), min));
  }
  return out;
}

/** `--max-drop`: the scores that fell by more than `maxDrop` points since the baseline, as messages. */
export function dropFailures(locale: string, comparison: Comparison | undefined, maxDrop: number | undefined): string[] {
  if (comparison === undefined || maxDrop === undefined) return [];
  const p = progressStrings(locale);
  return drops(comparison, maxDrop).map((d) => p.gateDrop(d.id, d.drop.toFixed(1), d.before.toFixed(1), d.after.toFixed(1), maxDrop));
}
