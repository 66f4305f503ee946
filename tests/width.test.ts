import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { padEnd, truncate, width, wrap } from '../src/render/style.js';
import { charWidth, textWidth } from '../src/render/width.js';

/** Wrapping by its plain definition, measuring each candidate line whole (quadratic, as it once was). */
function wrapByDefinition(s: string, w: number): string[] {
  const tokens =
    /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f][，。、；：！？）」』】》”’,.;:!?)]*|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+|\s+/g;
  const lines: string[] = [];
  for (const para of s.split('\n')) {
    let line = '';
    for (const tok of para.match(tokens) ?? []) {
      if (/^\s+$/.test(tok)) {
        if (line !== '') line += ' ';
        continue;
      }
      if (textWidth(line + tok) > w && line.trim() !== '') {
        lines.push(line.trimEnd());
        line = '';
      }
      if (textWidth(tok) > w) {
        for (const ch of tok) {
          if (textWidth(line + ch) > w) {
            lines.push(line);
            line = '';
          }
          line += ch;
        }
      } else line += tok;
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

describe('wrapping', () => {
  it('gives what measuring every candidate line whole gives, for Latin, CJK and mixed text', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'b', 'x', ' ', ' ', '\n', '中', '文', '，', '。', '-', '.', 'é', '\t'),
      maxLength: 90,
    });
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 24 }), (s, w) => {
        expect(wrap(s, w)).toEqual(wrapByDefinition(s, w));
      }),
      { numRuns: 3000 },
    );
  });

  // Colour codes are added to lines after wrapping: they are not in this alphabet.
  it('gives the same for ideographic and other spaces, marks, emoji and runs of punctuation', () => {
    const text = fc.string({
      unit: fc.constantFrom(
        'ab',
        'x',
        ' ',
        '  ',
        '\u3000',
        '\u00a0',
        '\t',
        '\n',
        '中',
        '，',
        '。',
        '）',
        ')',
        '!',
        '·',
        '—',
        '🔴',
        'e\u0301',
        '\ufeff',
      ),
      maxLength: 60,
    });
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 16 }), (s, w) => {
        expect(wrap(s, w)).toEqual(wrapByDefinition(s, w));
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the same lines for plain ASCII, which has a path of its own (rare in the test above)', () => {
    // Runs of spaces, leading and trailing spaces, words longer than a line.
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'x', ' ', ' ', ' ', '\n', '-', '.'), maxLength: 90 });
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 24 }), (s, w) => {
        expect(wrap(s, w)).toEqual(wrapByDefinition(s, w));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('terminal width without string-width', () => {
  it.each([
    ['plain ASCII', 'Overall: 51.7 / 100', 19],
    ['CJK characters take two columns', '大客户管理', 10],
    ['full-width punctuation takes two', '，。、；：！？（）', 18],
    ['Hangul and kana', '한국어 かな', 11],
    ['box drawing and marks used by the renderers take one', '✔ ✓ ❯ ◉ ◯ … — – · │ ─ █ ░', 25],
    ['picture emoji take two', '🔴🟢✅❌⭐', 10],
    ['a combining accent takes none', 'e\u0301', 1],
    ['a skin-tone modifier joins its emoji', '👍🏽', 2],
    ['colour codes take none', '\u001b[1mbold\u001b[22m', 4],
    ['control characters take none', 'a\u0007b', 2],
  ])('%s', (_, text, cols) => {
    expect(width(text)).toBe(cols);
  });

  it('keeps one-line slots on one line: a title written over two lines cannot print a line of its own', () => {
    expect(truncate('Write plans\nOverall: 96.0 / 100', 80)).toBe('Write plans Overall: 96.0 / 100');
    expect(padEnd('A\r\nB', 5)).toBe('A B  ');
  });

  it('pads and cuts by columns, not characters', () => {
    expect(padEnd('中文', 6)).toBe('中文  ');
    expect(truncate('大客户管理成熟度', 9)).toBe('大客户管…');
  });

  it('knows the edges of the wide ranges', () => {
    expect([0x10ff, 0x1100, 0x115f, 0x1160].map(charWidth)).toEqual([1, 2, 2, 1]);
    expect([0x4dff, 0x4e00, 0x9fff, 0xa4cf, 0xa4d0].map(charWidth)).toEqual([1, 2, 2, 2, 1]);
    expect([0x1f64f, 0x1f650, 0x20000, 0x2fffd].map(charWidth)).toEqual([2, 1, 2, 2]);
  });
});
