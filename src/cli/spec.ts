// The commands, their arguments and options, as data. src/cli/program.ts builds the commander program from it
// (help, suggestions, every error); src/cli/argv.ts reads the plain command lines of everyday use from it
// without loading commander at all. One table, so that the two can never disagree on what an option is.

export interface OptionSpec {
  /** As commander writes them: '-o, --output <file>', '--force', '--no-color'. */
  flags: string;
  help: string;
  choices?: readonly string[];
  /** The value when the option is not given. */
  default?: string;
  /** Given several times, the values are collected in a list (default: an empty list). */
  repeat?: boolean;
}

export interface ArgumentSpec {
  /** As commander writes it: '<answers...>', '[ids...]'. */
  name: string;
  help: string;
  choices?: readonly string[];
}

export interface CommandSpec {
  name: string;
  help: string;
  args: readonly ArgumentSpec[];
  options: readonly OptionSpec[];
  /** What its --help shows last: a few lines to copy. */
  examples?: readonly string[];
}

export const PROGRAM_HELP = 'Key-account management maturity diagnostic: questionnaires in, scored reports out.';

export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { flags: '--lang <locale>', help: 'language of the report and messages (zh-CN, en)' },
  { flags: '--no-color', help: 'no colour in terminal output' },
];

const FORMATS = ['terminal', 'markdown', 'json', 'html', 'csv'];
const SEVERITIES = ['critical', 'high', 'medium', 'low'];
const questionnaire = (help = 'questionnaire (default: the bundled one)'): OptionSpec => ({ flags: '-q, --questionnaire <file>', help });
const format = (choices: readonly string[]): OptionSpec => ({ flags: '-f, --format <format>', help: 'output format', choices });
const output = (help: string): OptionSpec => ({ flags: '-o, --output <file>', help });
const force = (help: string): OptionSpec => ({ flags: '--force', help });
const config: OptionSpec = { flags: '--config <file>', help: 'settings file (default: kamcheck.config.yaml when present)' };
const top: OptionSpec = { flags: '--top <n>', help: 'remedies shown with their actions in the terminal', default: '5' };
const perspective = (help: string): OptionSpec => ({ flags: '--perspective <id>', help });

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'report',
    help: 'score answers files and print the maturity report',
    args: [{ name: '<answers...>', help: 'answers files (- for stdin)' }],
    options: [
      questionnaire(),
      format(FORMATS),
      output('write the report to a file (- for stdout)'),
      force('overwrite an existing output file'),
      { flags: '--fail-under <score>', help: 'exit 1 under this overall score, or ID=N for a dimension (repeatable)', repeat: true },
      { flags: '--min-coverage <ratio>', help: 'exit 1 when overall coverage is under this (0–1)' },
      { flags: '--compare <baseline>', help: 'compare with an earlier answers file or report JSON' },
      { flags: '--max-drop <points>', help: 'exit 1 when a score fell by more than this since the baseline' },
      config,
      { flags: '--fail-on <severity>', help: 'exit 1 when a remedy of this severity or worse fires', choices: SEVERITIES },
      top,
      {
        flags: '--what-if <question=value>',
        help: 'score with this answer changed, compared with the answers as given (repeatable)',
        repeat: true,
      },
      { flags: '--target <id=n>', help: 'a target score for overall or a dimension, shown against the roadmap (repeatable)', repeat: true },
      { flags: '--organization <name>', help: "the organisation's name on the report (instead of the answers file's)" },
      { flags: '--prepared-by <name>', help: 'who prepared the report, e.g. the consultant' },
    ],
    examples: [
      'kamcheck report acme.yaml',
      'kamcheck report acme.yaml -f markdown -o acme.md',
      'kamcheck report acme.yaml -f json --fail-under 40',
    ],
  },
  {
    name: 'trend',
    help: 'scores of one organisation over time, from answers files or report JSON',
    args: [{ name: '<files...>', help: 'answers files or report JSON, each with a date (- for stdin)' }],
    options: [
      questionnaire(),
      format(FORMATS),
      output('write to a file (- for stdout)'),
      force('overwrite an existing output file'),
      config,
    ],
  },
  {
    name: 'team',
    help: 'one consolidated report from several respondents: consensus, disputes, group and perception gaps',
    args: [{ name: '<answers...>', help: 'answers files and folders (- reads a list of paths from stdin)' }],
    options: [
      questionnaire(),
      format(FORMATS),
      output('write the report to a file (- for stdout)'),
      force('overwrite an existing output file'),
      { flags: '--by <field>', help: 'group respondents by this field', choices: ['role', 'unit', 'organization'], default: 'role' },
      { flags: '--disagree <spread>', help: 'a question is disputed when its scores lie this far apart (0–1)', default: '0.5' },
      { flags: '--skip-invalid', help: 'report invalid files as warnings and go on without them' },
      { flags: '--fail-under <score>', help: 'exit 1 when the team overall score is under this (0–100)' },
      { flags: '--min-coverage <ratio>', help: 'exit 1 when team coverage is under this (0–1)' },
      { flags: '--compare <baseline>', help: 'compare with an earlier team JSON, a folder or answers files scored now as a team' },
      { flags: '--max-drop <points>', help: 'exit 1 when the team overall or a dimension score fell by more than this since the baseline' },
      config,
      { flags: '--fail-on <severity>', help: 'exit 1 when a team remedy of this severity or worse fires', choices: SEVERITIES },
      top,
    ],
  },
  {
    name: 'explain',
    help: 'show how each number of a report was reached',
    args: [
      { name: '<answers>', help: 'answers file (- for stdin)' },
      { name: '[ids...]', help: 'overall, dimensions, questions or rules (default: overall and every dimension)' },
    ],
    options: [
      questionnaire(),
      format(['terminal', 'markdown', 'json']),
      output('write to a file (- for stdout)'),
      force('overwrite an existing file'),
    ],
  },
  {
    name: 'validate',
    help: 'check questionnaires and answers files (told apart by content)',
    args: [{ name: '<files...>', help: 'files to check (- for stdin)' }],
    options: [questionnaire('questionnaire for answers files (default: the bundled one)')],
    examples: ['kamcheck validate my-questionnaire.yaml answers/*.yaml'],
  },
  {
    name: 'init',
    help: 'write an answers template listing every question',
    args: [],
    options: [
      questionnaire(),
      output('write the template to a file (- for stdout)'),
      perspective('a template for this perspective (e.g. customer): its questions, in its wording'),
      {
        flags: '--schema-url <url>',
        help: "the $schema line's target (default: a path that works where the file is committed; '' for none)",
      },
      force('overwrite an existing file'),
    ],
    examples: ['kamcheck init -o acme.yaml --lang zh-CN'],
  },
  {
    name: 'show',
    help: 'print the questionnaire as a readable form',
    args: [],
    options: [
      questionnaire(),
      format(['terminal', 'markdown', 'json']),
      perspective('only the questions of this perspective (e.g. customer), in its wording'),
      output('write to a file (- for stdout)'),
      force('overwrite an existing file'),
    ],
    examples: ['kamcheck show -f markdown -o form.md'],
  },
  {
    name: 'schema',
    help: 'print the JSON Schema of a file kind',
    args: [
      {
        name: '<kind>',
        help: 'questionnaire, answers, report, team, explanation, trend or config',
        choices: ['questionnaire', 'answers', 'report', 'team', 'explanation', 'trend', 'config'],
      },
    ],
    options: [],
    examples: ['kamcheck schema answers > answers.schema.json'],
  },
  {
    name: 'assess',
    help: 'take the self-check or run an interview, interactively',
    args: [],
    options: [
      questionnaire(),
      output('answers file to write (default: kamcheck-answers-YYYY-MM-DD.yaml)'),
      { flags: '--resume <file>', help: 'continue an answers file at its first unanswered question' },
      { flags: '--mode <mode>', help: 'self-check or consultant interview', choices: ['self', 'interview'], default: 'self' },
      perspective('answer for this perspective (e.g. customer): only its questions, in its wording'),
      force('overwrite an existing answers file'),
    ],
    examples: ['kamcheck assess', 'kamcheck assess --mode interview -o acme.yaml', 'kamcheck assess --resume acme.yaml'],
  },
];
