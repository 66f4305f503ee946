import { Argument, Command, CommanderError, Option } from 'commander';
import { InputError } from '../diagnostics.js';
import { strings } from '../i18n/ui.js';
import { colorEnabled } from '../render/color.js';
import type { GlobalOptions } from './context.js';
import { type Io, UsageError } from './io.js';
import { toolLocale } from './locale.js';
import { printDiagnostics } from './print.js';
import { guardIo } from './streams.js';

// The build keys its cached questionnaire with this, so that the CLI recognises it.
export { contentKey } from './io.js';

declare const __KAMCHECK_VERSION__: string | undefined;
export const VERSION = typeof __KAMCHECK_VERSION__ === 'string' ? __KAMCHECK_VERSION__ : '0.0.0-dev';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

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

/** What each command's --help shows last: a few lines to copy. */
const EXAMPLES: Record<string, string[]> = {
  report: [
    'kamcheck report acme.yaml',
    'kamcheck report acme.yaml -f markdown -o acme.md',
    'kamcheck report acme.yaml -f json --fail-under 40',
  ],
  validate: ['kamcheck validate my-questionnaire.yaml answers/*.yaml'],
  init: ['kamcheck init -o acme.yaml --lang zh-CN'],
  show: ['kamcheck show -f markdown -o form.md'],
  schema: ['kamcheck schema answers > answers.schema.json'],
  assess: ['kamcheck assess', 'kamcheck assess --mode interview -o acme.yaml', 'kamcheck assess --resume acme.yaml'],
};

/** Run the CLI: parse argv, run one command, return the exit code. Never calls process.exit. */
export async function run(rawIo: Io): Promise<number> {
  let code = 0;
  let colour = false;
  // Every text on the way to a terminal is made safe here, once; write errors become exit 2.
  const { io, finish } = guardIo(rawIo, () => colour);
  const zh = () => toolLocale(program.opts().lang, io.env).startsWith('zh');
  const program = new Command('kamcheck')
    .description('Key-account management maturity diagnostic: questionnaires in, scored reports out.')
    .version(VERSION, '-V, --version')
    .option('--lang <locale>', 'language of the report and messages (zh-CN, en)')
    .option('--no-color', 'no colour in terminal output')
    .showSuggestionAfterError()
    .exitOverride()
    // Every command's --help lists --lang and --no-color too.
    .configureHelp({ showGlobalOptions: true })
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Argument errors read like kamcheck's other messages.
      outputError: (s, write) => write(`kamcheck: ${s}`),
    });

  const action =
    (name: string) =>
    async (...params: unknown[]) => {
      const cmd = params[params.length - 1] as Command;
      const opts = cmd.opts();
      const args = cmd.args;
      const g = program.opts() as { lang?: string; color: boolean };
      colour = colorEnabled({ isTTY: io.stdout.isTTY === true, noColor: g.color === false, env: io.env });
      const global: GlobalOptions = { ...(g.lang ? { lang: g.lang } : {}), color: colour };
      const mod = await (commands[name] as () => Promise<{ default: Action }>)();
      code = await mod.default(io, global, args, opts);
    };

  const format = (choices: string[]) => new Option('-f, --format <format>', 'output format').choices(choices);
  program
    .command('report')
    .description('score answers files and print the maturity report')
    .argument('<answers...>', 'answers files (- for stdin)')
    .option('-q, --questionnaire <file>', 'questionnaire (default: the bundled one)')
    .addOption(format(['terminal', 'markdown', 'json', 'html', 'csv']))
    .option('-o, --output <file>', 'write the report to a file (- for stdout)')
    .option('--force', 'overwrite an existing output file')
    .option('--fail-under <score>', 'exit 1 under this overall score, or ID=N for a dimension (repeatable)', collect, [])
    .option('--min-coverage <ratio>', 'exit 1 when overall coverage is under this (0–1)')
    .option('--compare <baseline>', 'compare with an earlier answers file or report JSON')
    .option('--max-drop <points>', 'exit 1 when a score fell by more than this since the baseline')
    .option('--config <file>', 'settings file (default: kamcheck.config.yaml when present)')
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a remedy of this severity or worse fires').choices([
        'critical',
        'high',
        'medium',
        'low',
      ]),
    )
    .option('--top <n>', 'remedies shown with their actions in the terminal', '5')
    .option('--what-if <question=value>', 'score with this answer changed, compared with the answers as given (repeatable)', collect, [])
    .option('--target <id=n>', 'a target score for overall or a dimension, shown against the roadmap (repeatable)', collect, [])
    .option('--organization <name>', "the organisation's name on the report (instead of the answers file's)")
    .option('--prepared-by <name>', 'who prepared the report, e.g. the consultant')
    .action(action('report'));
  program
    .command('trend')
    .description('scores of one organisation over time, from answers files or report JSON')
    .argument('<files...>', 'answers files or report JSON, each with a date (- for stdin)')
    .option('-q, --questionnaire <file>', 'questionnaire (default: the bundled one)')
    .addOption(format(['terminal', 'markdown', 'json', 'html', 'csv']))
    .option('-o, --output <file>', 'write to a file (- for stdout)')
    .option('--force', 'overwrite an existing output file')
    .option('--config <file>', 'settings file (default: kamcheck.config.yaml when present)')
    .action(action('trend'));
  program
    .command('team')
    .description('one consolidated report from several respondents: consensus, disputes, group and perception gaps')
    .argument('<answers...>', 'answers files and folders (- reads a list of paths from stdin)')
    .option('-q, --questionnaire <file>', 'questionnaire (default: the bundled one)')
    .addOption(format(['terminal', 'markdown', 'json', 'html', 'csv']))
    .option('-o, --output <file>', 'write the report to a file (- for stdout)')
    .option('--force', 'overwrite an existing output file')
    .addOption(new Option('--by <field>', 'group respondents by this field').choices(['role', 'unit', 'organization']).default('role'))
    .option('--disagree <spread>', 'a question is disputed when its scores lie this far apart (0–1)', '0.5')
    .option('--skip-invalid', 'report invalid files as warnings and go on without them')
    .option('--fail-under <score>', 'exit 1 when the team overall score is under this (0–100)')
    .option('--min-coverage <ratio>', 'exit 1 when team coverage is under this (0–1)')
    .option('--compare <baseline>', 'compare with an earlier team JSON, a folder or answers files scored now as a team')
    .option('--max-drop <points>', 'exit 1 when the team overall or a dimension score fell by more than this since the baseline')
    .option('--config <file>', 'settings file (default: kamcheck.config.yaml when present)')
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a team remedy of this severity or worse fires').choices([
        'critical',
        'high',
        'medium',
        'low',
      ]),
    )
    .option('--top <n>', 'remedies shown with their actions in the terminal', '5')
    .action(action('team'));
  program
    .command('explain')
    .description('show how each number of a report was reached')
    .argument('<answers>', 'answers file (- for stdin)')
    .argument('[ids...]', 'overall, dimensions, questions or rules (default: overall and every dimension)')
    .option('-q, --questionnaire <file>', 'questionnaire (default: the bundled one)')
    .addOption(format(['terminal', 'markdown', 'json']))
    .option('-o, --output <file>', 'write to a file (- for stdout)')
    .option('--force', 'overwrite an existing file')
    .action(action('explain'));
  program
    .command('validate')
    .description('check questionnaires and answers files (told apart by content)')
    .argument('<files...>', 'files to check (- for stdin)')
    .option('-q, --questionnaire <file>', 'questionnaire for answers files (default: the bundled one)')
    .action(action('validate'));
  program
    .command('init')
    .description('write an answers template listing every question')
    .option('-q, --questionnaire <file>', 'questionnaire (default: the bundled one)')
    .option('-o, --output <file>', 'write the template to a file (- for stdout)')
    .option('--perspective <id>', 'a template for this perspective (e.g. customer): its questions, in its wording')
    .option('--schema-url <url>', "the $schema line's target (default: a path that works where the file is committed; '' for none)")
    .option('--force', 'overwrite an existing file')
    .action(action('init'));
  program
    .command('show')
    .description('print the questionnaire as a readable form')
    .option('-q, --questionnaire <file>', 'questionnaire (default: the bundled one)')
    .addOption(format(['terminal', 'markdown', 'json']))
    .option('--perspective <id>', 'only the questions of this perspective (e.g. customer), in its wording')
    .option('-o, --output <file>', 'write to a file (- for stdout)')
    .option('--force', 'overwrite an existing file')
    .action(action('show'));
  program
    .command('schema')
    .description('print the JSON Schema of a file kind')
    .addArgument(
      new Argument('<kind>', 'questionnaire, answers, report, team, explanation, trend or config').choices([
        'questionnaire',
        'answers',
        'report',
        'team',
        'explanation',
        'trend',
        'config',
      ]),
    )
    .action(action('schema'));
  program
    .command('assess')
    .description('take the self-check or run an interview, interactively')
    .option('-q, --questionnaire <file>', 'questionnaire (default: the bundled one)')
    .option('-o, --output <file>', 'answers file to write (default: kamcheck-answers-YYYY-MM-DD.yaml)')
    .option('--resume <file>', 'continue an answers file at its first unanswered question')
    .addOption(new Option('--mode <mode>', 'self-check or consultant interview').choices(['self', 'interview']).default('self'))
    .option('--perspective <id>', 'answer for this perspective (e.g. customer): only its questions, in its wording')
    .option('--force', 'overwrite an existing answers file')
    .action(action('assess'));

  program.showHelpAfterError("kamcheck: see 'kamcheck --help'");
  for (const cmd of program.commands) {
    cmd.showHelpAfterError(`kamcheck: see 'kamcheck ${cmd.name()} --help'`);
    const examples = EXAMPLES[cmd.name()];
    if (examples) cmd.addHelpText('after', `\nExamples:\n${examples.map((l) => `  ${l}`).join('\n')}`);
  }

  return finish(await runProgram());

  async function runProgram(): Promise<number> {
    try {
      await program.parseAsync(io.argv, { from: 'user' });
      return code;
    } catch (e) {
      if (e instanceof CommanderError) {
        return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? 0 : 2;
      }
      if (e instanceof InputError) {
        printDiagnostics(io, e.diagnostics, zh());
        return 2;
      }
      if (e instanceof UsageError) {
        io.stderr.write(`${e.message}\n`);
        return e.exitCode;
      }
      io.stderr.write(`${(e as Error)?.stack ?? String(e)}\n${strings(zh() ? 'zh' : 'en').internalError}\n`);
      return 70;
    }
  }
}
