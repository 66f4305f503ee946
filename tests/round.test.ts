import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { round } from '../src/core/report.js';

/** Rounding by its definition: on the decimal digits of the number, through strings. */
function byDigits(n: number, digits: number): number {
  const shifted = Number(`${n}e${digits}`);
  if (!Number.isFinite(shifted)) return Math.round(n * 10 ** digits) / 10 ** digits;
  return Number(`${Math.sign(shifted) * Math.round(Math.abs(shifted))}e-${digits}`) + 0;
}

describe('rounding for reports', () => {
  it('rounds half away from zero on the decimal digits', () => {
    expect([round(1.005, 2), round(-1.005, 2), round(2.675, 2), round(0.05, 1), round(-0.05, 1), round(51.65, 1)]).toEqual([
      1.01, -1.01, 2.68, 0.1, -0.1, 51.7,
    ]);
  });

  it('gives what the digits give, for any number and for numbers a hair from a half', () => {
    const nearHalf = fc
      .tuple(
        fc.integer({ min: -2e7, max: 2e7 }),
        fc.constantFrom(0.5, 0.4999999, 0.5000001, 0.05, 0.005, 0.0005, 0.4999999999, 0.50000000001),
        fc.constantFrom(1, 10, 100, 1000, 10000),
      )
      .map(([k, f, s]) => (k + f) / s);
    const anyNumber = fc.oneof(fc.double(), nearHalf, fc.double({ min: -1000, max: 1000 }));
    fc.assert(
      fc.property(anyNumber, fc.constantFrom(0, 1, 2, 3), (n, d) => {
        expect(Object.is(round(n, d), byDigits(n, d))).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });
});
