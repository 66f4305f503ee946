// The fast reader of answers files must give exactly what the `yaml` library gives, or give up.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastSource } from '../src/load/fast-yaml.js';
import { locate, type Path, parseYaml, type Source } from '../src/load/yaml.js';
import { ROOT } from './helpers/cli.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? yamlFiles(path) : /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** Every path to a value in some data, lists included. */
function paths(data: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(data)) return data.flatMap((v, i) => [[...prefix, i], ...paths(v, [...prefix, i])]);
  if (data !== null && typeof data === 'object')
    return Object.entries(data).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
  return [];
}

/** The fast reader agrees with `parseYaml` on the data and on every position; true when it did not give up. */
function agrees(name: string, bytes: Uint8Array): boolean {
  const fast = fastSource(name, bytes);
  if (!fast) return false;
  const slow = parseYaml(name, bytes).source as Source;
  expect(slow, `${name} is valid YAML when the fast reader takes it`).toBeDefined();
  expect(fast.data, name).toEqual(slow.data);
  // Read for the data only, as questionnaires are: the same data, and the same positions once asked for.
  const dataOnly = fastSource(name, bytes, false) as Source;
  expect(dataOnly.data, `${name} data only`).toEqual(slow.data);
  for (const p of [[], ...paths(slow.data)])
    for (const key of [false, true]) {
      expect(locate(fast, p, key), `${name} ${p.join('.')} key=${key}`).toEqual(locate(slow, p, key));
      expect(locate(dataOnly, p, key), `${name} ${p.join('.')} key=${key}, data only`).toEqual(locate(slow, p, key));
    }
  return true;
}

describe('the fast YAML reader', () => {
  it('reads every example answers file as the yaml library does', () => {
    const files = [...yamlFiles(join(ROOT, 'examples')), ...yamlFiles(join(ROOT, 'tests/fixtures/team'))];
    expect(files.length).toBeGreaterThan(8);
    for (const f of files) expect(agrees(f, readFileSync(f)), `${f} read fast`).toBe(true);
  });

  it('agrees with the yaml library on every fixture it takes, and gives up on the rest', () => {
    const files = yamlFiles(join(ROOT, 'tests/fixtures'));
    const taken = files.filter((f) => agrees(f, readFileSync(f)));
    expect(taken.length).toBeGreaterThan(0);
    expect(taken.length).toBeLessThan(files.length);
  });

  it.each([
    ['a byte-order mark', '\uFEFFkamcheck: 1\nanswers:\n  a: 1\n'],
    [
      'comments and blank lines',
      '# top\n\nkamcheck: 1 # one\nanswers:\n\n  # a comment\n  a: [x, "y", \'z\']\n  b:\n  c:\n    - 1\n    - -2.5\n',
    ],
    ['a list at the indentation of its key', 'a:\n- 1\n- two\nb: 3\n'],
    ['no newline at the end', 'a: { n: 1, m: "x" }'],
    ['lists of mappings', 'a:\n  - b: 1\n    c: [x]\n  -   d: 2\n  - e:\n      f: 3\n    g:\n    - h\nz:\n- y: 1\n  x: 2\n'],
    [
      // A scalar that starts as a word is text without trying the patterns of nulls, booleans and numbers: the
      // words that start as those do, and those themselves, must still come out as the yaml library reads them.
      'nulls, booleans, numbers and the words that start as they do',
      `${'null Null NULL ~ nul nulls nothing n N no true True TRUE tRue Tru trueish t T false False FALSE falsy falsey f F 1 -1 +1 .5 1.5e3 07 1_000 x1 Yes'
        .split(' ')
        .map((v, i) => `k${i}: ${v}`)
        .join('\n')}\nl: [null, Null, nothing, true, Tru, falsey, 1, .5, f]\n`,
    ],
    ['a comment after a plain scalar, and a # inside one', 'a: x # c\nb: x#y\nc: [x, y#z]\nd: "q" # c\n'],
    ['a replacement character written in the file', 'a: "\uFFFD"\nb: x\uFFFDy\n'],
    // Only spaces end a plain scalar: a no-break space or an ideographic space at its end is part of it.
    ['spaces YAML does not trim', 'a: x\u00a0\nb: 你好\u3000\nc: [x\u00a0, y\u3000 ]\nd: x\u00a0 # c\n'],
  ])('reads %s as the yaml library does', (_, text) => {
    expect(agrees(_, Buffer.from(text))).toBe(true);
  });

  it.each([
    ['an anchor', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a multi-line scalar', 'a: one\n  two\n'],
    ['a tab', 'a:\t1\n'],
    ['CRLF', 'a: 1\r\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a document marker', '---\na: 1\n'],
    ['a null key', 'null: 1\n'],
    ['a key the yaml library writes otherwise', 'True: 1\n'],
    ['a number key written otherwise', '1e3: 1\n'],
    ['a key with leading zeros in a flow mapping', 'a: { 010: 1 }\n'],
    ['a hex number', 'a: 0x1F\n'],
    ['a block scalar', 'a: |\n  x\n'],
    ['a mapping in a list whose keys do not line up', 'a:\n  - b: 1\n   c: 2\n'],
    ['a colon in a plain scalar', 'a: b: c\n'],
    ['invalid UTF-8', Buffer.from([0x61, 0x3a, 0x20, 0xc3, 0x28, 0x0a])],
    ['a control character', 'a: \u0007\n'],
    ['a no-break space before a comment after a quoted value', 'a: "x"\u00a0# c\n'],
    ['nothing', '# only a comment\n'],
  ])('gives up on %s', (_, text) => {
    expect(fastSource('x.yaml', typeof text === 'string' ? Buffer.from(text) : text)).toBeUndefined();
  });

  it('agrees with the yaml library on random answers-like files', () => {
    const word = fc.constantFrom('a', 'b-c', 'x1', 'sponsor', 'plans', 'true', 'True', 'no', 'on', '1', '1.0', '07', 'value', 'note');
    const plain = fc.oneof(
      fc.constantFrom(
        'yes',
        'No',
        'TRUE',
        'false',
        '~',
        'null',
        '12',
        '-3',
        '+4',
        '1.5',
        '.5',
        '5.',
        '1e3',
        '007',
        '2026-11-29',
        'a#b',
        'x y',
      ),
      fc.string({ unit: fc.constantFrom('a', 'é', '王', ' ', ':', '#', ',', '-', '.', '1', '"', "'", '\\', '[', '{') }),
    );
    const scalar = fc.oneof(
      plain,
      plain.map((s) => JSON.stringify(s)),
      plain.map((s) => `'${s.replace(/'/g, "''")}'`),
    );
    const flow = fc.oneof(
      fc.array(scalar, { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
      fc.array(fc.tuple(word, scalar), { maxLength: 3 }).map((kvs) => `{ ${kvs.map(([k, v]) => `${k}: ${v}`).join(', ')} }`),
    );
    const value = fc.oneof(
      scalar,
      flow,
      fc.constant(''),
      scalar.map((s) => `${s} # note`),
    );
    const entry = (indent: string) =>
      fc.oneof(
        fc.tuple(word, value).map(([k, v]) => `${indent}${k}:${v === '' ? '' : ' '}${v}`),
        fc
          .tuple(word, fc.array(scalar, { minLength: 1, maxLength: 3 }))
          .map(([k, xs]) => `${indent}${k}:\n${xs.map((x) => `${indent}  - ${x}`).join('\n')}`),
        fc
          .tuple(word, fc.array(fc.tuple(word, value), { minLength: 1, maxLength: 3 }))
          .map(([k, kvs]) => `${indent}${k}:\n${kvs.map(([k2, v]) => `${indent}  ${k2}:${v === '' ? '' : ' '}${v}`).join('\n')}`),
        // A list of mappings, as questionnaires have: `- key: value` and the keys after it lined up with the first.
        fc
          .tuple(word, fc.array(fc.array(fc.tuple(word, value), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }))
          .map(
            ([k, items]) =>
              `${indent}${k}:\n${items.map((kvs) => kvs.map(([k2, v], i) => `${indent}  ${i === 0 ? '- ' : '  '}${k2}:${v === '' ? '' : ' '}${v}`).join('\n')).join('\n')}`,
          ),
        fc.constant(`${indent}# a comment`),
      );
    let taken = 0;
    fc.assert(
      fc.property(fc.array(entry(''), { minLength: 1, maxLength: 6 }), fc.boolean(), (entries, trailing) => {
        const text = `${entries.join('\n')}${trailing ? '\n' : ''}`;
        const bytes = Buffer.from(text);
        if (!parseYaml('r.yaml', bytes).source) expect(fastSource('r.yaml', bytes), text).toBeUndefined();
        else if (agrees(text, bytes)) taken++;
      }),
      { numRuns: 1000 },
    );
    // Enough generated files are ones the fast reader takes for the comparison to mean something: about 170 of the
    // 1,000 (standard deviation 12, measured over 25 runs); 100 is nearly six deviations below, so the test is not flaky.
    expect(taken).toBeGreaterThan(100);
  });
});
