import { InputError } from '../diagnostics.js';
import { strings } from '../i18n/ui.js';
import { colorEnabled } from '../render/color.js';
import { quickParse } from './argv.js';
import { forgetCachedQuestionnaires } from './cache.js';
import type { GlobalOptions } from './context.js';
import { type Io, UsageError } from './io.js';
import { toolLocale } from './locale.js';
import { printDiagnostics } from './print.js';
import { guardIo } from './streams.js';

// The build caches the bundled questionnaire with this, so that the CLI recognises it.
export { packEntry } from './cache.js';

declare const __KAMCHECK_VERSION__: string | undefined;
export const VERSION = typeof __KAMCHECK_VERSION__ === 'string' ? __KAMCHECK_VERSION__ : '0.0.0-dev';

type Action = (io: Io, global: GlobalOptions, args: string[], opts: Record<string, unknown>) => Promise<number>;

/** Commands run their module only when used, so that a report never starts the interactive prompts. */
const commands: Record<string, () => Promise<{ default: Action }>> = {
  report: () => import('./commands/report.js'),
  validate: () => import('./commands/validate.js'),
  init: () => import('./commands/init.js'),
  show: () => import('./commands/show.js'),
  schema: () => import('./commands/schema.js'),
  assess: () => import('./commands/assess.js'),
  trend: () => import('./commands/trend.js'),
  team: () => import('./commands/team.js'),
  explain: () => import('./commands/explain.js'),
};

/** Run the CLI: parse argv, run one command, return the exit code. Never calls process.exit. */
export async function run(rawIo: Io): Promise<number> {
  let colour = false;
  let lang: string | undefined;
  // Every text on the way to a terminal is made safe here, once; write errors become exit 2.
  const { io, finish } = guardIo(rawIo, () => colour);
  const zh = () => toolLocale(lang, io.env).startsWith('zh');
  const exec = async (name: string, args: string[], opts: Record<string, unknown>, g: { lang?: string; color: boolean }) => {
    lang = g.lang;
    colour = colorEnabled({ isTTY: io.stdout.isTTY === true, noColor: !g.color, env: io.env });
    const global: GlobalOptions = { ...(g.lang ? { lang: g.lang } : {}), color: colour };
    const mod = await (commands[name] as () => Promise<{ default: Action }>)();
    return mod.default(io, global, args, opts);
  };
  try {
    // Plain command lines are read without commander; help, versions and mistakes go to commander.
    const quick = quickParse(io.argv);
    const code = quick
      ? await exec(quick.name, quick.args, quick.opts, quick.global)
      : await (await import('./program.js')).runProgram(io, VERSION, exec);
    return finish(code);
  } catch (e) {
    if (e instanceof InputError) {
      printDiagnostics(io, e.diagnostics, zh());
      return finish(2);
    }
    if (e instanceof UsageError) {
      io.stderr.write(`${e.message}\n`);
      return finish(e.exitCode);
    }
    io.stderr.write(`${(e as Error)?.stack ?? String(e)}\n${strings(zh() ? 'zh' : 'en').internalError}\n`);
    // A damaged cached questionnaire can end a run so: the next run reads the YAML again.
    if (forgetCachedQuestionnaires() > 0) io.stderr.write(`kamcheck: ${strings(zh() ? 'zh' : 'en').cacheForgotten}\n`);
    return finish(70);
  }
}
