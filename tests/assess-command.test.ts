import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { localDate } from '../src/cli/date.js';
import { run } from '../src/cli/run.js';
import { answer, ctrlC, enter, pick, ScriptedPrompter, type Step, tick, type } from './fixtures/assess/scripted-prompter.js';

// The prompt layer is the one module tests replace: every prompter the command creates plays `script`.
const script = vi.hoisted(() => ({ steps: [] as Step[], prompters: [] as ScriptedPrompter[] }));
vi.mock('../src/interactive/inquirer.js', () => ({
  // One script shared by the prompters the command creates (the language one, then the main one).
  createInquirerPrompter: () => {
    const p = new ScriptedPrompter(script.steps);
    script.prompters.push(p);
    return p;
  },
}));

const SMALL = resolve('tests/fixtures/valid/small.yaml');
const GUIDED = resolve('tests/fixtures/assess/guided.yaml');

async function assess(argv: string[], steps: Step[], opts: { tty?: boolean; env?: Record<string, string>; cwd?: string } = {}) {
  script.steps = [...steps];
  script.prompters = [];
  const cwd = opts.cwd ?? mkdtempSync(join(tmpdir(), 'kamcheck-assess-'));
  let stdout = '';
  let stderr = '';
  const tty = opts.tty ?? true;
  const sink = (add: (s: string) => void) =>
    new Writable({
      write(chunk, _e, done) {
        add(String(chunk));
        done();
      },
    });
  const code = await run({
    argv: ['--no-color', 'assess', ...argv],
    stdin: Object.assign(new PassThrough(), { isTTY: tty }),
    stdout: Object.assign(
      sink((s) => {
        stdout += s;
      }),
      { isTTY: tty, columns: 80 },
    ),
    stderr: sink((s) => {
      stderr += s;
    }),
    env: opts.env ?? { LANG: 'en_US.UTF-8' },
    cwd,
  });
  const printed = script.prompters.flatMap((p) => p.printed).join('\n');
  const asked = script.prompters.flatMap((p) => p.asked);
  return { code, stdout, stderr, cwd, printed, asked, left: script.steps.length };
}

const ALL_SMALL: Step[] = [pick('Yes'), pick('Mostly'), pick('Written'), type('4'), tick('Selling'), type('5'), type('ok'), enter];

beforeEach(() => {
  script.steps = [];
});

describe('kamcheck assess', () => {
  it('needs a terminal: exits 2 at once and points to init and report', async () => {
    const r = await assess(['-q', SMALL], [], { tty: false });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('kamcheck init');
    expect(r.stderr).toContain('kamcheck report');
    expect(r.asked).toEqual([]);
  });

  it('runs a whole self-check: answers file after every answer, report, markdown next to it', async () => {
    const r = await assess(['-q', SMALL, '-o', 'mine.yaml'], [...ALL_SMALL, answer(true)]);
    expect(r.code).toBe(0);
    expect(r.left).toBe(0);
    const saved = readFileSync(join(r.cwd, 'mine.yaml'), 'utf8');
    expect(saved).toContain('questionnaire: small@1.0.0');
    expect(saved).toContain(`date: ${localDate()}`);
    expect(saved).toContain('locale: en');
    expect(saved).toContain('  training: [selling]');
    expect(r.stdout).toMatch(/^Small check — /m);
    expect(r.stdout).toMatch(/Overall: \d+\.\d \/ 100/);
    expect(readFileSync(join(r.cwd, 'mine.md'), 'utf8')).toContain('# Small check');
    expect(r.stderr).toContain('Answers saved in mine.yaml.');
    expect(r.stderr).toContain(`kamcheck report mine.yaml -q ${SMALL}`);
  });

  it('writes kamcheck-answers-DATE.yaml by default and never overwrites it without --force', async () => {
    const first = await assess(['-q', SMALL], [...ALL_SMALL, answer(false)]);
    const name = `kamcheck-answers-${localDate()}.yaml`;
    expect(existsSync(join(first.cwd, name))).toBe(true);
    expect(existsSync(join(first.cwd, name.replace('.yaml', '.md')))).toBe(false);
    const again = await assess(['-q', SMALL], [], { cwd: first.cwd });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`--resume ${name}`);
    const forced = await assess(['-q', SMALL, '--force'], [ctrlC], { cwd: first.cwd });
    expect(forced.code).toBe(130);
    expect(readFileSync(join(first.cwd, name), 'utf8')).not.toContain('answers:\n  sponsor');
  });

  it('refuses -o - (the terminal is for questions)', async () => {
    const r = await assess(['-q', SMALL, '-o', '-'], []);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not -');
  });

  it('on Ctrl-C saves, prints the exact command to resume, and exits 130; --resume continues and keeps notes', async () => {
    const stopped = await assess(
      ['-q', SMALL, '-o', 'a b.yaml', '--mode', 'interview'],
      [
        enter, // name
        type('Sales director'),
        enter,
        enter,
        pick('No'),
        type('CEO "maybe next year"'),
        enter,
        ctrlC,
      ],
    );
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toContain(`To continue: kamcheck assess --resume 'a b.yaml' -q ${SMALL} --mode interview`);
    const file = join(stopped.cwd, 'a b.yaml');
    expect(readFileSync(file, 'utf8')).toContain('respondent:\n  role: Sales director\n');
    expect(readFileSync(file, 'utf8')).toContain('    note: CEO "maybe next year"');

    const resumed = await assess(
      ['-q', SMALL, '--resume', 'a b.yaml'],
      [pick('Partly'), pick('By size'), type('0'), tick('Selling'), type(''), enter, answer(false)],
      { cwd: stopped.cwd },
    );
    expect(resumed.code).toBe(0);
    expect(resumed.asked[0]?.message).toBe('Account plans are written and reviewed');
    expect(resumed.printed).toContain('Continuing a b.yaml: 1 of 5–6 questions done.');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('sponsor:\n    value: false\n    note: CEO "maybe next year"');
    expect(text).toContain('  plans: 2\n');
    expect(text).toContain('role: Sales director');
  });

  it('asks the language once when neither --lang nor the environment says, and speaks it', async () => {
    const r = await assess(['-q', GUIDED, '-o', 'x.yaml'], [pick('中文'), ctrlC], { env: {} });
    expect(r.asked[0]).toMatchObject({ message: 'Language / 语言', choices: ['中文（简体） (zh-CN)', 'English (en)'] });
    expect(r.asked[1]?.message).toContain('管理层多久评审');
    expect(r.stderr).toContain('继续作答：kamcheck assess --resume x.yaml');
    expect(readFileSync(join(r.cwd, 'x.yaml'), 'utf8')).toContain('locale: zh-CN');
  });

  it('takes the language from --lang or the environment without asking', async () => {
    const byFlag = await assess(['--lang', 'zh', '-q', SMALL, '-o', 'x.yaml'], [ctrlC], { env: {} });
    expect(byFlag.asked[0]?.message).toBe('有高管担任项目发起人');
    const byEnv = await assess(['-q', GUIDED, '-o', 'x.yaml'], [ctrlC], { env: { LANG: 'en_GB.UTF-8' } });
    expect(byEnv.asked[0]?.message).toMatch(/^How often/);
  });

  it('asks before replacing an existing markdown report', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kamcheck-assess-'));
    writeFileSync(join(cwd, 'mine.md'), 'keep me');
    const r = await assess(['-q', SMALL, '-o', 'mine.yaml'], [...ALL_SMALL, answer(true), answer(false)], { cwd });
    expect(r.code).toBe(0);
    expect(r.asked.at(-1)?.message).toBe('mine.md already exists. Overwrite it?');
    expect(r.asked.at(-1)?.default).toBe('false');
    expect(readFileSync(join(cwd, 'mine.md'), 'utf8')).toBe('keep me');
  });

  it('reports a resumed file that does not fit the questionnaire, with its location', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kamcheck-assess-'));
    writeFileSync(join(cwd, 'bad.yaml'), 'kamcheck: 1\nquestionnaire: small\nanswers:\n  plans: 9\n');
    const r = await assess(['-q', SMALL, '--resume', 'bad.yaml'], [], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bad\.yaml:4:\d+: error: /m);
  });
});

describe('one interview per answers file', () => {
  const holder = (pid: number, started = new Date().toISOString()) => JSON.stringify({ pid, started, host: hostname() });

  it('refuses a second interview on a file another one holds, naming its process and start time', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kamcheck-lock-'));
    // This test's own process stands for the other interview: it is alive, on this machine.
    const started = new Date().toISOString();
    writeFileSync(join(cwd, '.k.yaml.lock'), holder(process.pid, started));
    const r = await assess(['-q', SMALL, '-o', 'k.yaml'], [], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `kamcheck: error: k.yaml is open in another interview (process ${process.pid}, started ${started.slice(0, 10)} ${started.slice(11, 16)} UTC); finish that one first\n`,
    );
    expect(existsSync(join(cwd, 'k.yaml'))).toBe(false);
  });

  it.runIf(process.platform === 'linux')('takes over a stale lock: its pid now belongs to a process started after it', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kamcheck-lock-'));
    // This process is alive, but started after the lock was taken: the pid was reused.
    writeFileSync(join(cwd, '.k.yaml.lock'), holder(process.pid, '2020-01-01T00:00:00.000Z'));
    const r = await assess(['-q', SMALL, '-o', 'k.yaml'], [ctrlC], { cwd });
    expect(r.code).toBe(130);
  });

  it('takes over the lock of an interview whose process is gone, and releases its own at the end', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kamcheck-lock-'));
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(join(cwd, '.k.yaml.lock'), holder(Number(gone.stdout)));
    const r = await assess(['-q', SMALL, '-o', 'k.yaml'], [pick('Yes'), ctrlC], { cwd });
    expect(r.code).toBe(130);
    expect(readFileSync(join(cwd, 'k.yaml'), 'utf8')).toContain('sponsor: true');
    expect(existsSync(join(cwd, '.k.yaml.lock'))).toBe(false);
  });

  it('never drops an answer that appeared on disk meanwhile', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kamcheck-lock-'));
    const file = join(cwd, 'k.yaml');
    // Someone adds an answer to the file between two questions.
    const meddle: Step = (p) => {
      writeFileSync(file, readFileSync(file, 'utf8').replace('answers:\n', 'answers:\n  remarks: added elsewhere\n'));
      return pick('Mostly')(p);
    };
    const r = await assess(['-q', SMALL, '-o', 'k.yaml'], [pick('Yes'), meddle, ctrlC], { cwd });
    expect(r.code).toBe(130);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('sponsor: true');
    expect(text).toContain('plans: 3');
    expect(text).toContain('remarks: added elsewhere');
  });

  it('-o onto a folder, or into a missing folder: one line, no raw error, no --resume hint', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kamcheck-lock-'));
    const dir = await assess(['-q', SMALL, '-o', '.'], [], { cwd });
    expect(dir.stderr).toBe('kamcheck: error: cannot write .: is a directory\n');
    const missing = await assess(['-q', SMALL, '-o', 'nodir/x.yaml'], [ctrlC], { cwd });
    expect(missing.stderr).toBe('kamcheck: error: cannot write nodir/x.yaml: no such folder\n');
    expect(missing.code).toBe(2);
  });
});
