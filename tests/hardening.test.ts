// Hostile inputs and hostile surroundings: devices as input, closed and full output streams, `-o` onto things
// that are not regular files, large generated files. The CLI must answer each with a one-line reason and the
// documented exit code, within bounds of time and memory.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCachedQuestionnaireFile } from '../src/cli/cache.js';
import { ROOT, runCli } from './helpers/cli.js';

const BIN = join(ROOT, 'bin/kamcheck.js');
const EXAMPLE = join(ROOT, 'examples/midsize-components.en.yaml');
const linux = process.platform === 'linux';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kamcheck-hard-'));
  if (!existsSync(join(ROOT, 'dist/kamcheck.cjs'))) spawnSync(process.execPath, ['scripts/build.js'], { cwd: ROOT });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run the built CLI through a shell (for pipes and redirections); report its peak memory on the last stderr line. */
function shell(command: string): { status: number | null; stdout: string; stderr: string; ms: number; mb: number } {
  const probe = join(dir, 'probe.mjs');
  writeFileSync(
    probe,
    `process.on('exit', () => process.stderr.write('\\nRSS ' + Math.round(process.resourceUsage().maxRSS / 1024) + '\\n'));\nawait import(${JSON.stringify(BIN)});\n`,
  );
  const started = performance.now();
  const r = spawnSync('sh', ['-c', command.replaceAll('KAMCHECK', `"${process.execPath}" "${probe}"`)], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
  });
  const ms = performance.now() - started;
  const m = /\nRSS (\d+)\n$/.exec(r.stderr);
  return { status: r.status, stdout: r.stdout, stderr: m ? r.stderr.slice(0, m.index) : r.stderr, ms, mb: Number(m?.[1] ?? 0) };
}

describe('unbounded input', () => {
  it.runIf(linux).each([
    ['an answers file', `KAMCHECK validate /dev/zero`],
    ['a questionnaire', `KAMCHECK validate -q /dev/zero ${EXAMPLE}`],
    ['random bytes', `KAMCHECK report ${EXAMPLE} -q /dev/urandom`],
  ])('%s from a device that never ends: read up to the limit, then refused', (_, command) => {
    const r = shell(command);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^\/dev\/(zero|urandom):1:1: error: file is (larger than 5 MB, the most kamcheck reads|not valid UTF-8)/);
    expect(r.ms).toBeLessThan(5000);
    expect(r.mb).toBeLessThan(200);
  });
});

describe('large generated files', () => {
  it('20,000 unknown answers: located in linear time, 100 shown, the rest counted', () => {
    const ids = Array.from({ length: 20000 }, (_, i) => `  not-a-question-${i}: 1\n`).join('');
    writeFileSync(join(dir, 'unknown.yaml'), `kamcheck: 1\nquestionnaire: kam-five-pitfalls\nanswers:\n${ids}`);
    const r = shell('KAMCHECK validate unknown.yaml');
    expect(r.status).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(101);
    expect(lines[0]).toBe('unknown.yaml:4:3: error: unknown question "not-a-question-0"');
    expect(lines[100]).toBe('kamcheck: … and 19,900 more');
    expect(r.ms).toBeLessThan(5000);
    expect(r.mb).toBeLessThan(200);
  });

  it('300,000 aliases in a 4 MB file: refused by counting, before the YAML is composed', () => {
    const aliases = Array.from({ length: 300_000 }, (_, i) => `  q${i}: *a\n`).join('');
    writeFileSync(join(dir, 'aliases.yaml'), `kamcheck: 1\nquestionnaire: small\nx: &a 1\nanswers:\n${aliases}`);
    const r = shell('KAMCHECK validate aliases.yaml');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('aliases.yaml:105:9: error: too many YAML aliases (101); at most 100 are allowed\n');
    expect(r.ms).toBeLessThan(5000);
    expect(r.mb).toBeLessThan(200);
  });

  it('a 1 MB key is cut in the message', async () => {
    writeFileSync(join(dir, 'long-key.yaml'), `kamcheck: 1\nquestionnaire: small\nanswers:\n  ? ${'k'.repeat(1_000_000)}\n  : 1\n`);
    const r = await runCli(['validate', 'long-key.yaml', '-q', join(ROOT, 'tests/fixtures/valid/small.yaml')], { cwd: dir });
    expect(r.stderr).toBe(`long-key.yaml:4:5: error: unknown question "${'k'.repeat(79)}…"\n`);
  });

  it('notes that all alias one 4.5 MB string: refused quickly by the size they expand to', () => {
    const big = 'x'.repeat(4_500_000);
    const notes = Array.from({ length: 90 }, (_, i) => `  q${i}: { note: *big }\n`).join('');
    writeFileSync(join(dir, 'alias-notes.yaml'), `kamcheck: 1\nquestionnaire: kam-five-pitfalls\nx: &big "${big}"\nanswers:\n${notes}`);
    const r = shell('KAMCHECK report alias-notes.yaml -f markdown');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'alias-notes.yaml:6:15: error: YAML aliases repeat too much text (more than 5 MB once expanded); refusing to read this file\n',
    );
    expect(r.ms).toBeLessThan(5000);
  });
});

describe('output streams', () => {
  it('a pipe closed early (| head) ends quietly', () => {
    const r = shell('KAMCHECK show -f json | head -c 10; echo " $?"');
    expect(r.stdout).toBe('{\n  "kamch 0\n');
    expect(r.stderr).toBe('');
  });

  it.runIf(linux)('a full disk is exit 2 with a one-line reason', () => {
    const r = shell(`KAMCHECK report ${EXAMPLE} > /dev/full; echo "exit $?"`);
    expect(r.stdout).toBe('exit 2\n');
    expect(r.stderr).toBe('kamcheck: error: cannot write the output: no space left on the device\n');
  });

  it('/dev/null is a fine place for output', () => {
    const r = shell(`KAMCHECK report ${EXAMPLE} > /dev/null; echo "exit $?"`);
    expect(r.stdout).toBe('exit 0\n');
  });

  it('/dev/null opened read-write, as Python and Node.js hand it to a program whose output they drop, is fine too', () => {
    // A standard output closed from the start (>&-) becomes the same thing: Node.js opens /dev/null read-write there.
    for (const redirect of ['1<> /dev/null', '>&-']) {
      const r = shell(`KAMCHECK report ${EXAMPLE} ${redirect}; echo "exit $?"`);
      expect(r.stdout).toBe('exit 0\n');
      expect(r.stderr).toBe('');
    }
    const ignored = spawnSync(process.execPath, ['bin/kamcheck.js', 'report', EXAMPLE], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    expect(ignored.status).toBe(0);
  });

  it('a closed standard output does not matter when the result goes to a file (-o)', () => {
    const r = shell(`KAMCHECK report ${EXAMPLE} -o closed-out.md >&-; echo "exit $?"`);
    expect(r.stdout).toBe('exit 0\n');
    expect(r.stderr).toBe('');
    expect(readFileSync(join(dir, 'closed-out.md'), 'utf8')).toContain('# ');
  });

  it('a file name with an escape sequence is shown, not obeyed, in located messages and in one-line errors', async () => {
    const name = 'x\u001b[2J\u001b]52;c;ZXZpbA==\u0007.yaml';
    writeFileSync(join(dir, name), 'kamcheck: 1\nquestionnaire: small\nanswers:\n  nope: 1\n');
    const bad = await runCli(['validate', name, '-q', join(ROOT, 'tests/fixtures/valid/small.yaml')], { cwd: dir });
    expect(bad.stderr).toBe('x␛[2J␛]52;c;ZXZpbA==␇.yaml:4:3: error: unknown question "nope"\n');
    const missing = await runCli(['validate', `missing-${name}`], { cwd: dir });
    expect(missing.stderr).toBe('kamcheck: error: cannot read missing-x␛[2J␛]52;c;ZXZpbA==␇.yaml: no such file\n');
  });

  it('text for a terminal shows control characters instead of obeying them; colour codes stay', async () => {
    const { guardIo } = await import('../src/cli/streams.js');
    let text = '';
    const out = Object.assign(
      new (await import('node:stream')).Writable({
        write(chunk, _e, done) {
          text += String(chunk);
          done();
        },
      }),
      { isTTY: true },
    );
    const { io } = guardIo({ argv: [], stdin: process.stdin, stdout: out, stderr: out, env: {}, cwd: dir }, () => true);
    io.stdout.write('\u001b[1mTitle\u001b[22m Write plans\rALL GOOD \u001b[2J\u001b]52;c;ZXZpbA==\u0007 \u202eevil\n');
    expect(text).toBe('\u001b[1mTitle\u001b[22m Write plans␍ALL GOOD ␛[2J␛]52;c;ZXZpbA==␇ \ufffdevil\n');
  });
});

describe('-o writes only regular files', () => {
  const report = (out: string, ...more: string[]) => runCli(['report', EXAMPLE, '-f', 'markdown', '-o', out, ...more], { cwd: dir });

  it('keeps the mode of a file it replaces', async () => {
    writeFileSync(join(dir, 'private.md'), 'old');
    chmodSync(join(dir, 'private.md'), 0o600);
    expect((await report('private.md', '--force')).code).toBe(0);
    expect(statSync(join(dir, 'private.md')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'private.md'), 'utf8')).toMatch(/^# /);
  });

  it.runIf(linux)('never replaces a device, even with --force', async () => {
    const r = await report('/dev/null', '--force');
    expect(r.stderr).toBe('kamcheck: error: cannot write /dev/null: not a regular file (kamcheck replaces only regular files)\n');
    expect(r.code).toBe(2);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('treats a dangling symbolic link as something there, not as nothing', async () => {
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling.md'));
    const r = await report('dangling.md');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kamcheck: error: cannot write dangling.md: not a regular file (kamcheck replaces only regular files)\n');
    expect(lstatSync(join(dir, 'dangling.md')).isSymbolicLink()).toBe(true);
  });

  it('16 runs at once onto one new name: exactly one writes it', async () => {
    const results = await Promise.all(Array.from({ length: 16 }, () => report('race.md')));
    expect(results.filter((r) => r.code === 0)).toHaveLength(1);
    for (const r of results.filter((x) => x.code !== 0)) {
      expect(r.stderr).toBe('kamcheck: error: race.md already exists; use --force to overwrite it\n');
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a 248-character name is fine', async () => {
    const name = `${'n'.repeat(245)}.md`;
    expect((await report(name)).code).toBe(0);
    expect(existsSync(join(dir, name))).toBe(true);
  });

  it('an empty name, a folder and a missing folder: one line each', async () => {
    expect((await report('')).stderr).toBe('kamcheck: error: -o needs a file name (or - for standard output)\n');
    expect((await report('.')).stderr).toBe('kamcheck: error: cannot write .: is a directory\n');
    expect((await report('nodir/x.md')).stderr).toBe('kamcheck: error: cannot write nodir/x.md: no such folder\n');
  });
});

describe('a checked -q questionnaire is cached in the user cache folder', () => {
  const Q = join(ROOT, 'tests/fixtures/valid/small.yaml');
  const ANSWERS = join(ROOT, 'tests/fixtures/valid/small-answers.yaml');
  const run = (env: Record<string, string>) => runCli(['report', ANSWERS, '-q', Q, '-f', 'json'], { env, cwd: dir });

  /** The cache's only entry, split: its header, the questionnaire bytes and each part (the whole, then one per locale). */
  const entryOf = (xdg: string) => {
    const file = join(xdg, 'kamcheck', readdirSync(join(xdg, 'kamcheck'))[0] as string);
    const entry = readFileSync(file);
    const eol = entry.indexOf(10);
    const head = JSON.parse(entry.toString('utf8', 0, eol)) as { size: number; parts: [string, number][] };
    let at = eol + 1 + head.size;
    const parts = new Map<string, Record<string, unknown>>();
    for (const [locale, length] of head.parts) {
      parts.set(locale, JSON.parse(entry.toString('utf8', at, at + length)));
      at += length;
    }
    return { file, head, source: entry.subarray(eol + 1, eol + 1 + head.size), parts, size: entry.length };
  };
  /** Write an entry back after changing its parts, with the lengths in its header made right. */
  const rewrite = (e: ReturnType<typeof entryOf>, change: (locale: string, doc: Record<string, unknown>) => void) => {
    for (const [locale, doc] of e.parts) change(locale, doc);
    const parts = [...e.parts].map(([locale, doc]) => [locale, Buffer.from(JSON.stringify(doc))] as const);
    const head = { ...e.head, parts: parts.map(([locale, b]) => [locale, b.length]) };
    writeFileSync(e.file, Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n`), e.source, ...parts.map(([, b]) => b)]));
  };

  it('writes one entry keyed by content under $XDG_CACHE_HOME/kamcheck, and reads it on the next run', async () => {
    const xdg = join(dir, 'xdg');
    const first = await run({ XDG_CACHE_HOME: xdg });
    expect(first.code).toBe(0);
    const entries = readdirSync(join(xdg, 'kamcheck'));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatch(/^q-\d+-[0-9a-f]{8}\.cache$/);
    // An entry is a line naming the build, the size, the locales and the parts; the questionnaire's very bytes;
    // then the checked questionnaire, whole and in each locale.
    const e = entryOf(xdg);
    expect(e.head).toMatchObject({ kamcheck: 'questionnaire-cache', size: readFileSync(Q).length, locales: ['en', 'zh-CN'] });
    expect(e.source.equals(readFileSync(Q))).toBe(true);
    expect([...e.parts.keys()]).toEqual(['', 'en', 'zh-CN']);
    expect(e.parts.get('')?.title).toEqual({ en: 'Small check', 'zh-CN': '小型检查' });
    expect([e.parts.get('en')?.title, e.parts.get('zh-CN')?.title]).toEqual(['Small check', '小型检查']);
    // The entry is what the next run uses, and a report in one language reads that language's part.
    rewrite(e, (locale, doc) => {
      doc.title = `From the cache (${locale || 'whole'})`;
    });
    expect(JSON.parse((await run({ XDG_CACHE_HOME: xdg })).stdout).questionnaire.title).toBe('From the cache (en)');
    const zh = await runCli(['report', ANSWERS, '-q', Q, '-f', 'json', '--lang', 'zh-CN'], { env: { XDG_CACHE_HOME: xdg }, cwd: dir });
    expect(JSON.parse(zh.stdout).questionnaire.title).toBe('From the cache (zh-CN)');
    // Other commands read the whole questionnaire.
    const shown = await runCli(['show', '-q', Q, '-f', 'json'], { env: { XDG_CACHE_HOME: xdg }, cwd: dir });
    expect(JSON.parse(shown.stdout).title).toBe('From the cache (whole)');
  });

  it('finds the entry of a questionnaire of several chunks from the file, and of one given on standard input', async () => {
    // 236 kB, read a 64 kB chunk at a time to name and compare its entry; standard input is named from its bytes.
    const xdg = join(dir, 'xdg-large');
    const big = join(dir, 'large.yaml');
    writeFileSync(big, readFileSync(join(ROOT, 'questionnaires/kam-five-pitfalls.yaml')));
    const example = join(ROOT, 'examples/midsize-components.en.yaml');
    const report = () => runCli(['report', example, '-q', big, '-f', 'json'], { env: { XDG_CACHE_HOME: xdg }, cwd: dir });
    expect((await report()).code).toBe(0);
    rewrite(entryOf(xdg), (locale, doc) => {
      doc.title = `From the cache (${locale || 'whole'})`;
    });
    expect(JSON.parse((await report()).stdout).questionnaire.title).toBe('From the cache (en)');
    // Found from the file itself, a chunk at a time, before it is read whole.
    expect(readCachedQuestionnaireFile({ XDG_CACHE_HOME: xdg }, big, () => 'en')?.title).toBe('From the cache (en)');
    const piped = await runCli(['report', example, '-q', '-', '-f', 'json'], {
      env: { XDG_CACHE_HOME: xdg },
      cwd: dir,
      stdin: readFileSync(big, 'utf8'),
    });
    expect(JSON.parse(piped.stdout).questionnaire.title).toBe('From the cache (en)');
  });

  it('treats an entry with a part missing as no entry, and writes it again', async () => {
    const xdg = join(dir, 'xdg-damaged');
    const first = await run({ XDG_CACHE_HOME: xdg });
    const whole = entryOf(xdg).size;
    rewrite(entryOf(xdg), (_, doc) => {
      delete doc.levels;
    });
    const again = await run({ XDG_CACHE_HOME: xdg });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    expect(entryOf(xdg).parts.get('en')?.levels).toBeDefined();
    // A part cut short is no entry either: here the English one, which the report reads, and all after it.
    const zhLength = entryOf(xdg).head.parts[2]?.[1] as number;
    writeFileSync(entryOf(xdg).file, readFileSync(entryOf(xdg).file).subarray(0, whole - zhLength - 10));
    expect((await run({ XDG_CACHE_HOME: xdg })).stdout).toBe(first.stdout);
    expect(entryOf(xdg).size).toBe(whole);
  });

  it('removes an entry that breaks a run, so that the next run reads the YAML again', async () => {
    const xdg = join(dir, 'xdg-broken');
    const first = await run({ XDG_CACHE_HOME: xdg });
    rewrite(entryOf(xdg), (_, doc) => {
      for (const rule of doc.rules as { actions: unknown }[]) rule.actions = 5;
    });
    const broken = await run({ XDG_CACHE_HOME: xdg });
    expect(broken.code).toBe(70);
    expect(broken.stderr).toContain('kamcheck: the cached copy of the questionnaire this run used may be damaged and was removed');
    const next = await run({ XDG_CACHE_HOME: xdg });
    expect(next.code).toBe(0);
    expect(next.stdout).toBe(first.stdout);
  });

  it('falls back to ~/.cache/kamcheck, and never writes beside the questionnaire', async () => {
    const home = join(dir, 'home');
    const before = readdirSync(join(ROOT, 'tests/fixtures/valid'));
    expect((await run({ HOME: home })).code).toBe(0);
    expect(readdirSync(join(home, '.cache', 'kamcheck'))).toHaveLength(1);
    expect(readdirSync(join(ROOT, 'tests/fixtures/valid'))).toEqual(before);
  });

  it('ignores a corrupt entry and a cache folder that cannot be written', async () => {
    const xdg = join(dir, 'xdg-corrupt');
    await run({ XDG_CACHE_HOME: xdg });
    for (const f of readdirSync(join(xdg, 'kamcheck'))) writeFileSync(join(xdg, 'kamcheck', f), '{"build":');
    const corrupt = await run({ XDG_CACHE_HOME: xdg });
    expect(corrupt.code).toBe(0);
    expect(JSON.parse(corrupt.stdout).questionnaire.title).toBe('Small check');
    writeFileSync(join(dir, 'not-a-folder'), '');
    const unwritable = await run({ XDG_CACHE_HOME: join(dir, 'not-a-folder') });
    expect(unwritable.code).toBe(0);
    expect(unwritable.stderr).toBe('');
  });
});

describe('conventions', () => {
  it('FORCE_COLOR=0 turns colour off, even on a terminal', async () => {
    const r = await runCli(['report', EXAMPLE], { isTTY: true, env: { FORCE_COLOR: '0' } });
    expect(r.stdout).not.toContain('\u001b[');
  });

  it("a command's --help lists the global options and examples", async () => {
    const r = await runCli(['report', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Global Options:\n  -V, --version');
    expect(r.stdout).toContain('  --lang <locale>');
    expect(r.stdout).toContain('Examples:\n  kamcheck report acme.yaml\n');
  });

  it('argument errors carry the kamcheck: prefix and point to --help', async () => {
    const r = await runCli(['report', EXAMPLE, '--frob']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("kamcheck: error: unknown option '--frob'\nkamcheck: see 'kamcheck report --help'\n");
  });

  it('--top 0 still lists every remedy of the roadmap, without claiming that none fired', async () => {
    const r = await runCli(['report', EXAMPLE, '--top', '0']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/Top 0|No remedy fired/);
    const json = JSON.parse((await runCli(['report', EXAMPLE, '-f', 'json'])).stdout);
    for (const rem of json.remedies) expect(r.stdout.replace(/\s+/g, ' ')).toContain(rem.title.replace(/\s+/g, ' '));
  });

  it('a failed gate whatever made the score missing', async () => {
    writeFileSync(join(dir, 'empty-answers.yaml'), 'kamcheck: 1\nquestionnaire: kam-five-pitfalls\nanswers: {}\n');
    const r = await runCli(['report', 'empty-answers.yaml', '--fail-under', '50', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
  });
});
