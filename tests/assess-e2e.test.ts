import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import pty from '@lydell/node-pty';
import { beforeAll, describe, expect, it } from 'vitest';

// The real thing: the built CLI in a pseudo-terminal of 80 columns, driven key by key.
const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/kamcheck.js');
const SMALL = join(ROOT, 'tests/fixtures/valid/small.yaml');
const WAIT_MS = 30_000;

const KEY = { enter: '\r', down: '\u001b[B', esc: '\u001b', ctrlC: '\u0003', space: ' ' };

/** One run of `kamcheck` in a pseudo-terminal, with a way to wait for text on its screen. */
function spawn(args: string[], cwd: string, size = { cols: 80, rows: 30 }) {
  // A FORCE_COLOR or locale inherited from the test runner must not change what the screen shows.
  const { FORCE_COLOR: _force, LC_ALL: _all, LC_MESSAGES: _messages, ...inherited } = process.env;
  const env = { ...inherited, LANG: 'en_US.UTF-8', TERM: 'xterm-256color' };
  const term = pty.spawn(process.execPath, [BIN, '--no-color', ...args], {
    ...size,
    cwd,
    env,
  });
  let out = '';
  let mark = 0;
  const exited = new Promise<number>((done) => term.onExit(({ exitCode }) => done(exitCode)));
  term.onData((d) => {
    out += d;
  });
  const plain = (from = 0) => stripVTControlCharacters(out.slice(from));
  return {
    plain,
    exited,
    /** CPU seconds the process has used so far (Linux: /proc), or undefined elsewhere. */
    cpu(): number | undefined {
      try {
        const fields = readFileSync(`/proc/${term.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
        // utime and stime, fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
        return (Number(fields[11]) + Number(fields[12])) / 100;
      } catch {
        return undefined;
      }
    },
    /** Wait until `text` shows after the last keys sent, then send `keys` (no fixed sleeps). */
    async on(text: string, ...keys: string[]) {
      const deadline = Date.now() + WAIT_MS;
      while (!plain(mark).includes(text)) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for "${text}"; screen since last keys:\n${plain(mark)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      // What comes after keys is their effect: look for the next text from here on.
      if (keys.length > 0) mark = out.length;
      for (const k of keys) term.write(k);
    },
  };
}

beforeAll(() => {
  // `npm run check` builds before testing; a fresh checkout running this file alone builds here.
  if (!existsSync(join(ROOT, 'dist/kamcheck.cjs'))) execFileSync(process.execPath, ['scripts/build.js'], { cwd: ROOT });
}, 120_000);

describe('kamcheck assess in a real terminal', () => {
  it('saves on Ctrl-C, resumes, goes back, skips and finishes with a report', { timeout: 180_000 }, async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kamcheck-e2e-'));
    const file = join(cwd, 'answers.yaml');

    // First sitting: two answers, then Ctrl-C at the third question.
    const first = spawn(['assess', '-q', SMALL, '-o', 'answers.yaml'], cwd);
    // A question starts on "Skip for now": an answer is chosen, never taken by a stray Enter.
    await first.on('An executive sponsors the programme');
    await first.on('❯ 3. Skip for now', '1');
    await first.on('❯ 1. Yes', KEY.enter);
    await first.on('Account plans are written and reviewed', '3');
    await first.on('❯ 3. Mostly', KEY.enter);
    await first.on('How are key accounts chosen?', KEY.ctrlC);
    expect(await first.exited).toBe(130);
    expect(first.plain()).toContain(`To continue: kamcheck assess --resume answers.yaml -q ${SMALL}`);
    expect(readFileSync(file, 'utf8')).toMatch(/answers:\n {2}sponsor: true\n {2}plans: 3\n$/);

    // Second sitting: resume, go back once (Esc), skip once (empty line), finish.
    const second = spawn(['assess', '--resume', 'answers.yaml', '-q', SMALL], cwd);
    await second.on('Continuing answers.yaml: 2 of 5–6 questions done.');
    await second.on('How are key accounts chosen?', KEY.esc);
    await second.on('❯ 3. Mostly', KEY.enter); // back at plans, the earlier answer is highlighted: keep it
    // Enter kept "Mostly" and went on to where the first sitting stopped.
    await second.on('How are key accounts chosen?', '2');
    await second.on('❯ 2. Size and potential', KEY.enter);
    await second.on('How many dedicated key account managers?', KEY.enter); // skip
    await second.on('Which trainings do KAMs get?', KEY.space);
    await second.on('◉ Selling', KEY.enter);
    await second.on('Anything else?', '大客户"还好"', KEY.enter);
    await second.on('1 question is unanswered:');
    await second.on('What now?', KEY.enter); // Finish is the default
    await second.on('Also write the report as markdown', 'n', KEY.enter);
    expect(await second.exited).toBe(0);

    const screen = second.plain();
    expect(screen).toContain('- People · How many dedicated key account managers?');
    expect(screen).toMatch(/^Small check — /m);
    expect(screen).toMatch(/Overall: \d+\.\d \/ 100 {3}Level: \w+ {3}Coverage: 86%/);
    expect(screen).toContain('Answers saved in answers.yaml.');
    expect(readFileSync(file, 'utf8')).toMatch(
      /answers:\n {2}sponsor: true\n {2}plans: 3\n {2}selection: mixed\n {2}training: \[selling\]\n {2}remarks: 大客户"还好"\n$/,
    );
    expect(existsSync(join(cwd, 'answers.md'))).toBe(false);
    const check = execFileSync(process.execPath, [BIN, 'validate', file, '-q', SMALL], { encoding: 'utf8' });
    expect(check).toContain('valid answers file');
  });

  it('stays readable in a 20-column window', { timeout: 120_000 }, async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kamcheck-e2e-'));
    const narrow = spawn(['assess', '-q', SMALL, '-o', 'a.yaml'], cwd, { cols: 20, rows: 12 });
    await narrow.on('Skip for now', '1');
    await narrow.on('❯ 1. Yes', KEY.enter);
    await narrow.on('Skip for now', KEY.ctrlC);
    expect(await narrow.exited).toBe(130);
    // kamcheck wraps its own text to the window (the command to copy excepted), rather than leaving it to the terminal.
    const screen = narrow.plain();
    expect(screen).toMatch(/An executive\s*\r?\n\s*sponsors the\s*\r?\n/);
    const stop = screen.slice(screen.indexOf('Stopped.')).split(/\r?\n/);
    for (const line of stop.filter((l) => !l.startsWith('To continue:'))) expect([...line].length).toBeLessThanOrEqual(20);
    expect(readFileSync(join(cwd, 'a.yaml'), 'utf8')).toContain('sponsor: true');
  });

  it('an interview keeps a note typed but not submitted at Ctrl-C, and echoes a long paste quickly', { timeout: 180_000 }, async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kamcheck-e2e-'));
    const s = spawn(['assess', '-q', SMALL, '-o', 'i.yaml', '--mode', 'interview'], cwd);
    for (const field of ['Name', 'Role', 'Organization', 'Business unit']) await s.on(field, KEY.enter);
    await s.on('Skip for now', '1');
    await s.on('❯ 1. Yes', KEY.enter);
    // One prompt for note and evidence; a 10,000-character paste is drawn as its end, not redrawn whole per key.
    const paste = `${'x'.repeat(9990)}END-OF-IT`;
    await s.on('Note (optional)', paste);
    const started = Date.now();
    await s.on('END-OF-IT');
    expect(Date.now() - started).toBeLessThan(20_000);
    await s.on('END-OF-IT', '\u0015', 'seen minutes evidence: Q3 pack'); // Ctrl-U clears the line
    await s.on('Q3 pack', KEY.ctrlC);
    expect(await s.exited).toBe(130);
    expect(readFileSync(join(cwd, 'i.yaml'), 'utf8')).toContain(
      'sponsor:\n    value: true\n    note: seen minutes\n    evidence: Q3 pack\n',
    );
  });

  it('a 10,000-character paste into a note costs little CPU, shows on one line and is saved whole', { timeout: 120_000 }, async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kamcheck-e2e-'));
    const s = spawn(['assess', '-q', SMALL, '-o', 'p.yaml', '--mode', 'interview'], cwd);
    for (const field of ['Name', 'Role', 'Organization', 'Business unit']) await s.on(field, KEY.enter);
    await s.on('Skip for now', '1');
    await s.on('❯ 1. Yes', KEY.enter);
    await s.on('Note (optional)');
    const before = s.cpu();
    const paste = `${'x'.repeat(9991)}END-OF-IT`;
    await s.on('Note (optional)', paste);
    await s.on('END-OF-IT');
    const after = s.cpu();
    // It took about 10 s of CPU when every character redrew the line.
    if (before !== undefined && after !== undefined) expect(after - before).toBeLessThan(2);
    // The typing line is the end of the paste, cut to the window: nothing wraps onto further lines.
    const lines = s.plain().split(/\r?\n/);
    const typing = lines.filter((l) => l.includes('END-OF-IT')).at(-1) ?? '';
    expect(typing).toMatch(/^› …x+END-OF-IT\s*$/);
    expect(typing.trimEnd().length).toBeLessThan(80);
    await s.on('END-OF-IT', KEY.enter);
    await s.on('Account plans are written and reviewed', KEY.ctrlC);
    expect(await s.exited).toBe(130);
    expect(readFileSync(join(cwd, 'p.yaml'), 'utf8')).toContain(`sponsor:\n    value: true\n    note: ${paste}\n`);
  });

  it('works in a pseudo-terminal that reports no size (0×0)', { timeout: 120_000 }, async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kamcheck-e2e-'));
    const sizeless = spawn(['assess', '-q', SMALL, '-o', 'a.yaml'], cwd, { cols: 0, rows: 0 });
    await sizeless.on('Skip for now', '1');
    await sizeless.on('❯ 1. Yes', KEY.enter);
    await sizeless.on('Account plans are written and reviewed', KEY.ctrlC);
    expect(await sizeless.exited).toBe(130);
    expect(sizeless.plain()).toContain('Strategy · question 2 of 3 · 1/5–6 done');
    expect(readFileSync(join(cwd, 'a.yaml'), 'utf8')).toContain('sponsor: true');
  });

  it('loads the prompt library only in assess: a report never evaluates it', () => {
    // The prompts (@inquirer) read keys through the public node:readline module; a process that never loaded it
    // never ran them (Node's own streams use only internal/readline/*).
    const dir = mkdtempSync(join(tmpdir(), 'kamcheck-probe-'));
    const probe = join(dir, 'probe.mjs');
    writeFileSync(
      probe,
      `process.on('exit', () => process.stderr.write('readline=' + process.moduleLoadList.includes('NativeModule readline')));
await import(process.env.TARGET);`,
    );
    const readline = (target: string, args: string[]) =>
      /readline=(true|false)/.exec(
        spawnSync(process.execPath, [probe, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TARGET: target } }).stderr,
      )?.[1];
    expect(readline(pathToFileURL(BIN).href, ['report', 'examples/midsize-components.en.yaml', '-f', 'json'])).toBe('false');
    expect(readline(pathToFileURL(BIN).href, ['report', 'examples/midsize-components.en.yaml'])).toBe('false');
    // the probe does see the prompt library when it is loaded
    expect(readline(pathToFileURL(join(ROOT, 'node_modules/@inquirer/core/dist/index.js')).href, [])).toBe('true');
  });

  it('without a terminal exits 2 at once and points to init and report', () => {
    const r = (() => {
      try {
        execFileSync(process.execPath, [BIN, 'assess', '-q', SMALL], { input: '', encoding: 'utf8', stdio: 'pipe' });
        return { status: 0, stderr: '' };
      } catch (e) {
        const err = e as { status: number; stderr: string };
        return { status: err.status, stderr: err.stderr };
      }
    })();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('kamcheck init -o answers.yaml');
  });
});
