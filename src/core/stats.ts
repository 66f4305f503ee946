import { snap } from './score.js';

// The numbers of a list of scores, shared by the team report's team, groups and other perspectives.

export type Consensus = 'high' | 'medium' | 'low';

export interface Stats {
  n: number;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  sd: number | null;
  consensus: Consensus | null;
}

/**
 * A sum that neither the order of the files nor duplicated respondents can change: over the distinct values in
 * ascending order, each times how often it occurs. Doubling every count doubles every partial sum exactly.
 */
function sum(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  let total = 0;
  for (let i = 0; i < sorted.length; ) {
    const v = sorted[i] as number;
    let count = 0;
    while (sorted[i] === v) {
      count++;
      i++;
    }
    total += v * count;
  }
  return total;
}
export const mean = (xs: readonly number[]): number | null => (xs.length === 0 ? null : snap(sum(xs) / xs.length));
export const present = (xs: readonly (number | null)[]): number[] => xs.filter((x): x is number => x !== null);

/** Mean, median, range, population standard deviation and consensus of some scores (steps 1–2). */
export function statsOf(values: readonly (number | null)[]): Stats {
  const xs = present(values).sort((a, b) => a - b);
  const n = xs.length;
  const m = mean(xs);
  if (n === 0 || m === null) return { n, mean: null, median: null, min: null, max: null, sd: null, consensus: null };
  const mid = Math.floor(n / 2);
  const median = n % 2 ? (xs[mid] as number) : snap(((xs[mid - 1] as number) + (xs[mid] as number)) / 2);
  const sd = snap(Math.sqrt(sum(xs.map((x) => (x - m) ** 2)) / n));
  const consensus: Consensus | null = n < 2 ? null : sd < 10 ? 'high' : sd < 20 ? 'medium' : 'low';
  return { n, mean: m, median, min: xs[0] as number, max: xs[n - 1] as number, sd, consensus };
}

/** Σ W_d T_d / Σ W_d over dimensions with a score (step 3). */
export function weightedOverall(weights: readonly number[], scores: readonly (number | null)[]): number | null {
  const pairs = scores.flatMap((s, i) => (s === null ? [] : [[weights[i] as number, s] as const]));
  const den = pairs.reduce((a, [w]) => a + w, 0);
  return den > 0 ? snap(sum(pairs.map(([w, s]) => w * s)) / den) : null;
}
