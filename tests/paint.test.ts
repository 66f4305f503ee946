// kamcheck colours text itself (src/render/paint.ts); what it writes must be what chalk writes at its basic level.
import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makePaint, type Paint } from '../src/render/paint.js';

const CHAINS = [
  ['bold'],
  ['dim'],
  ['red'],
  ['green'],
  ['yellow'],
  ['cyan'],
  ['gray'],
  ['red', 'bold'],
  ['bold', 'underline'],
  ['yellow', 'bold'],
];
const chalkOn = new Chalk({ level: 1 });
const chalkOff = new Chalk({ level: 0 });
// biome-ignore lint/suspicious/noExplicitAny: walking a chain of style names on either styler.
const styled = (root: any, chain: string[]): ((s: string) => string) => chain.reduce((o, k) => o[k], root);

describe('terminal colours', () => {
  it('give the bytes chalk gives, nested styles and line breaks included', () => {
    const texts = fc.oneof(
      fc.string(),
      fc.constantFrom('a\nb', 'x\r\ny\n', '', `in ${chalkOn.bold('bold')} out`, `${chalkOn.red('r')}x${chalkOn.dim('d')}`, '中文\n'),
    );
    fc.assert(
      fc.property(texts, fc.constantFrom(...CHAINS), (text, chain) => {
        expect(styled(makePaint(true), chain)(text)).toBe(styled(chalkOn, chain)(text));
        expect(styled(makePaint(false), chain)(text)).toBe(styled(chalkOff, chain)(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('makes each chain once', () => {
    const c: Paint = makePaint(true);
    expect(c.red.bold).toBe(c.red.bold);
    expect(makePaint(true)).toBe(c);
    expect(c.red(5)).toBe('\u001b[31m5\u001b[39m');
  });
});
