import { existsSync, lstatSync } from 'node:fs';
import { resolve } from 'node:path';
import { forPerspective } from '../../core/model.js';
import { buildReport, resolveText } from '../../core/report.js';
import { evaluate } from '../../core/score.js';
import { type AssessStrings, assessStrings } from '../../i18n/assess.js';
import { isZh, strings } from '../../i18n/ui.js';
import { type AnswersMeta, answersDocument, defaultAnswersFile, stringifyAnswers } from '../../interactive/answers-file.js';
import { type Mode, runQuestions } from '../../interactive/flow.js';
import { createInquirerPrompter } from '../../interactive/inquirer.js';
import { keeper } from '../../interactive/keep.js';
import { Locked, lockAnswersFile } from '../../interactive/lock.js';
import { Interrupted, type Prompter } from '../../interactive/prompter.js';
import { type Session, startSession, totals } from '../../interactive/session.js';
import { askLanguage, askRespondent } from '../../interactive/setup.js';
import { renderMarkdown } from '../../render/markdown.js';
import { makePaint, wrap } from '../../render/style.js';
import { renderTerminal } from '../../render/terminal.js';
import type { Respondent } from '../../schema/answers.js';
import { type AnswersFor, type GlobalOptions, printDiagnostics, readAnswers, readQuestionnaire } from '../context.js';
import { localDate } from '../date.js';
import { columnsOf, type Io, UsageError, writeAtomic } from '../io.js';
import { envLocale, matchLocale, pickLocale, toolLocale } from '../locale.js';
import { choosePerspective, isOtherPerspective } from '../perspective.js';
import { VERSION } from '../run.js';
import { rawStream } from '../streams.js';
import { NotRegular, writeError } from '../write.js';

/** The language question comes before there is a language: its key hint is in both. */
const LANGUAGE_KEYS = { select: '↑↓ · Enter 回车', checkbox: '' };

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** A path as a shell word: quoted only when it needs to be. */
const shellWord = (s: string): string => (/^[\p{L}\p{N}_@%+=:,./-]+$/u.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

function prompterFor(io: Io, color: boolean, t: AssessStrings, keys = { select: t.keysSelect, checkbox: t.keysCheckbox }): Prompter {
  return createInquirerPrompter({ input: io.stdin, output: rawStream(io.stdout) }, { color, keys, words: { yes: t.yes, no: t.no } });
}

const lstatOrNone = (path: string) => {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
};

/** The file to write: -o, else the resumed file, else today's default; an existing one only with --force or --resume. */
function answersTarget(io: Io, opts: { output?: string; resume?: string; force: boolean }, tool: string) {
  const file = opts.output ?? opts.resume ?? defaultAnswersFile(localDate());
  const path = resolve(io.cwd, file);
  const continuing = opts.resume !== undefined && resolve(io.cwd, opts.resume) === path;
  const there = lstatOrNone(path);
  if (there && !there.isFile()) throw writeError(file, new NotRegular(there.isDirectory()), tool);
  if (!continuing && !opts.force && there) {
    const t = strings(tool);
    throw new UsageError(`kamcheck: error: ${opts.resume ? t.fileExists(file) : t.fileExistsResume(file)}`);
  }
  return { file, path, continuing };
}

/**
 * The language (SPEC §9 order, the resumed file's locale standing in for an answers file's):
 * --lang, the file, the environment; only when none says, ask once.
 */
async function chooseLocale(io: Io, global: GlobalOptions, fileLocale: string | undefined, locales: readonly string[], tool: string) {
  if (global.lang) return pickLocale({ lang: global.lang, env: io.env, locales });
  const known = (fileLocale && matchLocale(fileLocale, locales)) || envLocale(io.env, locales);
  if (known) return known;
  if (locales.length < 2) return locales[0] as string;
  return askLanguage(prompterFor(io, global.color, assessStrings(tool), LANGUAGE_KEYS), locales, assessStrings(tool));
}

/** `kamcheck assess`: ask every question on the terminal, saving the answers file after each one. */
export default async function assess(io: Io, global: GlobalOptions, _args: string[], opts: Record<string, unknown>): Promise<number> {
  const tool = toolLocale(global.lang, io.env);
  if (!io.stdin.isTTY || !io.stdout.isTTY) throw new UsageError(`kamcheck: error: ${strings(tool).noTty}`);
  const questionnaire = str(opts.questionnaire);
  const resume = str(opts.resume);
  const output = str(opts.output);
  const mode: Mode = opts.mode === 'interview' ? 'interview' : 'self';
  if (output === '-') throw new UsageError(`kamcheck: error: ${assessStrings(tool).noStdout}`);

  const { model: full } = await readQuestionnaire(io, questionnaire);
  const locales = full.doc.locales;
  const { file, path, continuing } = answersTarget(io, { output, resume, force: opts.force === true }, tool);
  // One interview per answers file at a time: a second would overwrite the first one's answers.
  let release: () => void;
  try {
    release = lockAnswersFile(path);
  } catch (e) {
    if (!(e instanceof Locked)) throw e;
    throw new UsageError(`kamcheck: error: ${assessStrings(tool).locked(file, e.holder.pid, e.holder.started)}`);
  }
  try {
    let prior: AnswersFor | undefined;
    if (resume) {
      prior = await readAnswers(io, resume, full);
      printDiagnostics(io, prior.warnings, isZh(tool));
    }
    const perspective = choosePerspective(full, str(opts.perspective), prior?.parsed.doc.perspective, tool);
    const model = forPerspective(full, perspective);

    const doc = prior?.parsed.doc;
    const meta: AnswersMeta & { respondent: Respondent; date: string } = {
      ...(isOtherPerspective(full, perspective) ? { perspective } : {}),
      respondent: { ...doc?.respondent },
      date: doc?.date ?? localDate(),
      ...(doc?.locale ? { locale: doc.locale } : {}),
    };
    let session = startSession(model, prior?.answers, perspective);
    const withOthers = keeper(path, model, session.answers);
    const save = async (s: Session) => {
      session = s;
      try {
        await writeAtomic(path, stringifyAnswers(answersDocument(model, withOthers(s.answers), meta)));
      } catch (e) {
        throw writeError(file, e, tool);
      }
    };
    const resumeCommand = ['kamcheck assess --resume', shellWord(file), questionnaire ? `-q ${shellWord(questionnaire)}` : '']
      .concat(mode === 'interview' ? ['--mode interview'] : [])
      .filter(Boolean)
      .join(' ');
    const c = makePaint(global.color);
    const columns = columnsOf(io);

    // The file exists from the first moment, so that even Ctrl-C at the first prompt leaves something to resume.
    await save(session);
    let locale = tool;
    try {
      locale = await chooseLocale(io, global, meta.locale, locales, tool);
      meta.locale = locale;
      await save(session);

      const t = assessStrings(locale);
      const prompter = prompterFor(io, global.color, t);
      const title = resolveText(model.doc.title, locale, locales[0] as string);
      const { done, total: visible } = totals(session);
      const say = (line: string, style: (s: string) => string) => {
        for (const l of wrap(line, columns - 1)) prompter.print(style(l));
      };
      say(t.welcome(title, visible), c.bold);
      if (continuing) say(t.resuming(file, done, visible), (x) => x);
      say(t.savingTo(file), c.dim);
      if (mode === 'interview' && Object.keys(meta.respondent).length === 0) {
        meta.respondent = await askRespondent(prompter, meta.respondent, t);
        await save(session);
      }

      const outcome = await runQuestions(session, { prompter, locale, mode, color: global.color, columns, save });
      if (outcome.kind === 'interrupted') return await stop(io, outcome.session, save, t, file, resumeCommand);
      await save(outcome.session);

      const result = evaluate(model, outcome.session.answers, { perspective });
      const report = buildReport(model, result, {
        answers: answersDocument(model, outcome.session.answers, meta),
        locale,
        toolVersion: VERSION,
      });
      io.stdout.write(`\n${renderTerminal(report, { color: global.color, columns })}\n`);
      try {
        await offerMarkdown(io, prompter, locale, file, () => renderMarkdown(report));
      } catch (e) {
        // The assessment is complete and saved: Ctrl-C here only declines the markdown report.
        if (!(e instanceof Interrupted)) throw e;
      }
      io.stderr.write(
        `${t.saved(file)}\n${c.dim(t.reportAgain(`kamcheck report ${shellWord(file)}${questionnaire ? ` -q ${shellWord(questionnaire)}` : ''}`))}\n`,
      );
      return 0;
    } catch (e) {
      if (e instanceof Interrupted) return stop(io, session, save, assessStrings(locale), file, resumeCommand);
      throw e;
    }
  } finally {
    release();
  }
}

/** Ctrl-C: save what there is, say how to go on, exit 130. */
async function stop(
  io: Io,
  s: Session,
  save: (s: Session) => Promise<void>,
  t: AssessStrings,
  file: string,
  command: string,
): Promise<number> {
  await save(s);
  // Wrapped to the window; the command to copy stays on one line.
  const cols = Math.max(20, columnsOf(io) - 1);
  io.stderr.write(`\n${wrap(t.interrupted(file), cols).join('\n')}\n${t.resumeWith(command)}\n`);
  return 130;
}

/** Offer the markdown report next to the answers file; an existing file is only replaced when the user says so. */
async function offerMarkdown(io: Io, p: Prompter, locale: string, file: string, render: () => string): Promise<void> {
  const t = assessStrings(locale);
  const md = `${file.replace(/\.ya?ml$/i, '')}.md`;
  const path = resolve(io.cwd, md);
  if ((await p.confirm({ message: t.writeMarkdown(md), default: true })) !== true) return;
  if (existsSync(path) && (await p.confirm({ message: t.overwrite(md), default: false })) !== true) return;
  try {
    await writeAtomic(path, render());
  } catch (e) {
    throw writeError(md, e, locale);
  }
  io.stderr.write(`${strings(locale).written(md)}\n`);
}
