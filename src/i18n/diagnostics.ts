import type { Diagnostic } from '../diagnostics.js';
import { cut, oneLine } from '../render/safe.js';
import { lazy } from './lazy.js';
import { PROGRESS_DIAGNOSTICS_EN, PROGRESS_DIAGNOSTICS_ZH } from './progress.js';

type A = Diagnostic['args'];
type Table = Record<string, (a: A) => string>;

const KIND_ZH: Record<string, string> = {
  list: '列表',
  mapping: '映射（键: 值）',
  string: '字符串',
  number: '数字',
  boolean: '布尔值',
  null: '空值',
  undefined: '空值',
  scalar: '单个值',
  NaN: '非数值（NaN）',
  infinity: '无穷大',
};
const kindZh = (s: unknown) =>
  String(s)
    .split(' or ')
    .map((k) => KIND_ZH[k] ?? k)
    .join('或');
/** What a schema message is about: `"weight"`, `an item of "actions"`, or nothing at the top level. */
const subjectEn = (a: A) => (a.field ? (a.item ? `an item of "${a.field}"` : `"${a.field}"`) : 'the value');
const subjectZh = (a: A) => (a.field ? (a.item ? `“${a.field}”中的一项` : `“${a.field}”`) : '该值');
const hintEn = (a: A) => (a.hint ? `; did you mean "${a.hint}"?` : '');
const hintZh = (a: A) => (a.hint ? `；是否想写“${a.hint}”？` : '');
const range = (a: A) => {
  const [min, max] = String(a.values).split('|');
  return { min, max };
};

const DIAGNOSTICS_EN = lazy(
  (): Table => ({
    ...PROGRESS_DIAGNOSTICS_EN(),
    'file-too-large': (a) => `file is larger than ${a.max} MB, the most kamcheck reads`,
    'not-utf8': (a) => `file is not valid UTF-8 (byte ${a.byte}); save it as UTF-8`,
    'control-char': (a) => `control character ${a.char} is not allowed`,
    'empty-file': () => 'file is empty',
    'yaml-syntax': (a) => `YAML syntax error: ${a.message}`,
    'duplicate-key': (a) => `duplicate key "${a.key}" (first given on line ${a.line})`,
    'multiple-documents': () => 'file holds more than one YAML document; keep one',
    'not-a-mapping': (a) => `expected a mapping (key: value lines) at the top level, found a ${a.found}`,
    'too-many-aliases': (a) => `too many YAML aliases (${a.count}); at most ${a.max} are allowed`,
    'alias-expansion': (a) => `YAML aliases expand too far (more than ${a.max} expansions); refusing to read this file`,
    'alias-size': (a) => `YAML aliases repeat too much text (more than ${a.max} MB once expanded); refusing to read this file`,
    'unknown-alias': (a) => `alias *${a.name} has no anchor &${a.name} before it`,
    'yaml-tag': (a) => `the YAML tag ${a.tag} is not supported here; write the value without it`,
    'lone-cr': () => 'line ends with a carriage return alone (old Mac line endings); save the file with LF or CRLF line endings',
    'complex-key': () => 'a key must be a single value, not a list or mapping',
    'empty-key': () => 'a key must have a name',
    'reserved-key': (a) => `the key "${a.key}" is not allowed`,
    'too-deep': () => 'values are nested too deeply to read',
    'format-version': (a) => `unsupported format version ${a.found}: this kamcheck reads "kamcheck: ${a.supported}" files`,
    'missing-key': (a) => `missing required key "${a.key}"`,
    'unknown-key': (a) => `unknown key "${a.key}"${hintEn(a)}`,
    'wrong-type': (a) => `expected ${a.expected} for ${subjectEn(a)}, found ${a.found}`,
    'not-one-of': (a) => `${a.found} is not allowed for ${subjectEn(a)}; use one of: ${a.values}`,
    'too-few-items': (a) => `${subjectEn(a)} needs at least ${a.min} item${a.min === 1 ? '' : 's'}`,
    'empty-string': (a) => `${subjectEn(a)} must not be empty`,
    'number-too-small': (a) => `${subjectEn(a)} must be at least ${a.min}, not ${a.found}`,
    'number-not-above': (a) => `${subjectEn(a)} must be greater than ${a.min}, not ${a.found}`,
    'number-too-big': (a) => `${subjectEn(a)} must be at most ${a.max}, not ${a.found}`,
    'invalid-value': (a) => `invalid value "${a.found}"`,
    'not-finite': (a) => `${subjectEn(a)} must be a finite number, not ${a.found}`,
    slug: (a) => `"${a.found}" is not a valid id: use lowercase letters, digits and hyphens, starting with a letter or digit`,
    'locale-tag': (a) => `"${a.found}" is not a locale tag such as en or zh-CN`,
    'control-char-in-string': () => 'text contains a control character (for example an escape sequence); remove it',
    'iso-date': (a) => `"${a.found}" is not a date in the form YYYY-MM-DD`,
    'one-line': () => 'this text must be on one line; remove the line break',
    'questionnaire-ref': (a) => `"${a.found}" is not a questionnaire id (optionally id@version)`,
    'bad-condition': (a) => `a condition needs one of the keys: ${a.keys}`,
    'missing-locale': (a) => `"${a.field}" has no text for locale ${a.locale}`,
    'undeclared-locale': (a) => `locale ${a.locale} is not declared in "locales" (${a.locales})`,
    'duplicate-id': (a) => `duplicate ${a.what} id "${a.id}"`,
    'na-reserved': () => '"na" is reserved for "not applicable"; choose another option value',
    'duplicate-option': (a) => `duplicate option value "${a.value}"`,
    'scale-scores-partial': (a) => `${a.given} of ${a.total} options give a score; give a score on every option or on none`,
    'option-score-missing': () => 'option needs a "score" (0–1) because the question is scored',
    'first-level-min': (a) => `the first level must start at min 0, not ${a.min}`,
    'levels-ascending': (a) => `level min ${a.min} must be greater than the previous level's ${a.prev}`,
    'reserved-id': (a) => `"${a.id}" is reserved (it names the overall score)`,
    'unknown-scale': (a) => `unknown scale "${a.id}"${hintEn(a)}`,
    'min-above-max': (a) => `min ${a.min} is greater than max ${a.max}`,
    'scoring-missing': () => 'a scored number question needs "scoring" (from/to or bands), or weight 0',
    'scoring-flat': () => 'scoring "from" and "to" must differ',
    'scoring-span': () => 'scoring "from" and "to" are too far apart to compute a score; use smaller numbers',
    'bands-ascending': (a) => `band min ${a.min} must be greater than the previous band's ${a.prev}`,
    'text-weight': () => 'text questions are not scored; remove the weight or set it to 0',
    'nothing-scored': () => 'no question is scored; give at least one question a weight above 0',
    'unknown-dimension': (a) => `unknown dimension "${a.id}"${hintEn(a)}`,
    'cap-needs-dimension': () => '"cap" needs "dimension": a cap limits one dimension\'s score',
    'unknown-perspective': (a) => `unknown perspective "${a.id}"${hintEn(a)} (declared: ${a.known})`,
    'as-not-in-audience': (a) =>
      `wording for perspective "${a.id}", which is not in this question's "audience"; add it there or remove this wording`,
    'skipped-score-needs-when': () => '"skippedScore" needs "when": only a question that can be skipped has a score when skipped',
    'skipped-score-unscored': () => '"skippedScore" on a question that is not scored (text or weight 0); remove it',
    'not-in-audience': (a) => `question "${a.id}" is not asked of the ${a.perspective} perspective (asked of: ${a.audience})`,
    'unknown-target': (a) => `unknown target "${a.id}": use "overall" or a dimension id${hintEn(a)}`,
    'condition-no-test': (a) => `a condition needs a test, one of: ${a.ops}`,
    'condition-tests': (a) => `a condition holds one test, found ${a.count} (${a.found}); put several tests in "all"`,
    'when-score': () => 'a question\'s "when" cannot use dimension scores; test earlier answers instead',
    'unknown-question': (a) => `unknown question "${a.id}"${hintEn(a)}`,
    'when-order': (a) => `"when" may only refer to questions listed before this one; "${a.id}" is not`,
    'condition-number': (a) => `"${a.op}" on a score needs a number`,
    'condition-includes': (a) => `"includes" works on multi questions only; "${a.id}" is not one`,
    'condition-value': (a) => `"${a.value}" is not an answer that question "${a.id}" accepts${a.values ? `; it accepts: ${a.values}` : ''}`,
    'condition-ordered': (a) => `"${a.op}" needs numeric answers; question "${a.id}" does not have them`,
    'condition-unscored': (a) => `question "${a.id}" is not scored, so it has no score to compare`,
    'condition-multi-list': (a) =>
      `"${a.op}" on multi question "${a.id}" compares the whole list: write [${a.value}], or use includes: ${a.value}`,
    'condition-multi': (a) => `"${a.op}" does not apply to multi question "${a.id}"; use includes, eq or ne`,
    'questionnaire-mismatch': (a) => `answers are for questionnaire "${a.found}", not "${a.expected}"`,
    'questionnaire-version': (a) => `answers were given for version ${a.found}; the questionnaire is version ${a.expected}`,
    'unknown-locale': (a) => `locale ${a.locale} is not offered by the questionnaire (${a.locales})`,
    'bad-answer-one-of': (a) => `${a.found} is not an answer to "${a.id}"; it accepts one of: ${a.values}`,
    'bad-answer-list-of': (a) => `${a.found} is not an answer to "${a.id}"; it accepts a list of: ${a.values}`,
    'bad-answer-boolean': (a) => `${a.found} is not an answer to "${a.id}"; it accepts: ${a.values}`,
    'bad-answer-number': (a) => `${a.found} is not an answer to "${a.id}"; it accepts a number`,
    'bad-answer-number-range': (a) =>
      `${a.found} is not an answer to "${a.id}"; it accepts a number from ${range(a).min} to ${range(a).max}`,
    'bad-answer-number-min': (a) => `${a.found} is not an answer to "${a.id}"; it accepts a number of at least ${range(a).min}`,
    'bad-answer-number-max': (a) => `${a.found} is not an answer to "${a.id}"; it accepts a number of at most ${range(a).max}`,
    'bad-answer-text': (a) => `${a.found} is not an answer to "${a.id}"; it accepts text`,
    'na-not-allowed': (a) => `"${a.id}" cannot be answered na (not applicable)`,
    'duplicate-choice': (a) => `${a.value} is chosen twice in "${a.id}"`,
    'number-out-of-range': (a) => `${a.found} is out of range for "${a.id}" (${a.min} to ${a.max})`,
    'answer-ignored': (a) => `the answer to "${a.id}" is ignored: its "when" condition is false`,
    'read-failed': (a) => `cannot read file: ${a.reason}`,
    'unknown-kind': () => 'cannot tell whether this is a questionnaire or an answers file (expected "dimensions" or "answers")',
  }),
);

const DIAGNOSTICS_ZH = lazy(
  (): Table => ({
    ...PROGRESS_DIAGNOSTICS_ZH(),
    'file-too-large': (a) => `文件超过 ${a.max} MB，kamcheck 最多读取 ${a.max} MB`,
    'not-utf8': (a) => `文件不是有效的 UTF-8 编码（字节 ${a.byte}），请另存为 UTF-8`,
    'control-char': (a) => `不允许使用控制字符 ${a.char}`,
    'empty-file': () => '文件为空',
    'yaml-syntax': (a) => `YAML 语法错误：${a.message}`,
    'duplicate-key': (a) => `键“${a.key}”重复（第 ${a.line} 行已出现过）`,
    'multiple-documents': () => '文件包含多个 YAML 文档，只能保留一个',
    'not-a-mapping': (a) => `顶层应为映射（键: 值），实际是${kindZh(a.found)}`,
    'too-many-aliases': (a) => `YAML 别名过多（${a.count} 个），最多允许 ${a.max} 个`,
    'alias-expansion': (a) => `YAML 别名展开过多（超过 ${a.max} 次），拒绝读取该文件`,
    'alias-size': (a) => `YAML 别名重复的文本过多（展开后超过 ${a.max} MB），拒绝读取该文件`,
    'unknown-alias': (a) => `别名 *${a.name} 之前没有定义锚点 &${a.name}`,
    'yaml-tag': (a) => `此处不支持 YAML 标签 ${a.tag}，请去掉标签直接写值`,
    'lone-cr': () => '行尾只有回车符（旧式 Mac 换行）；请以 LF 或 CRLF 换行保存文件',
    'complex-key': () => '键只能是单个值，不能是列表或映射',
    'empty-key': () => '键必须有名称',
    'reserved-key': (a) => `不允许使用键“${a.key}”`,
    'too-deep': () => '嵌套层级过深，无法读取',
    'format-version': (a) => `不支持格式版本 ${a.found}：本版 kamcheck 只读取“kamcheck: ${a.supported}”的文件`,
    'missing-key': (a) => `缺少必填键“${a.key}”`,
    'unknown-key': (a) => `未知的键“${a.key}”${hintZh(a)}`,
    'wrong-type': (a) => `${subjectZh(a)}应为${kindZh(a.expected)}，实际是${kindZh(a.found)}`,
    'not-one-of': (a) => `${subjectZh(a)}不能是 ${a.found}，可用值：${a.values}`,
    'too-few-items': (a) => `${subjectZh(a)}至少需要 ${a.min} 项`,
    'empty-string': (a) => `${subjectZh(a)}不能为空`,
    'number-too-small': (a) => `${subjectZh(a)}不能小于 ${a.min}（实际为 ${a.found}）`,
    'number-not-above': (a) => `${subjectZh(a)}必须大于 ${a.min}（实际为 ${a.found}）`,
    'number-too-big': (a) => `${subjectZh(a)}不能大于 ${a.max}（实际为 ${a.found}）`,
    'invalid-value': (a) => `无效的值“${a.found}”`,
    'not-finite': (a) => `${subjectZh(a)}必须是有限的数，不能是 ${a.found}`,
    slug: (a) => `“${a.found}”不是有效的 id：只能用小写字母、数字和连字符，并以字母或数字开头`,
    'locale-tag': (a) => `“${a.found}”不是语言标记（例如 en 或 zh-CN）`,
    'control-char-in-string': () => '文本中含有控制字符（例如转义序列），请删除',
    'iso-date': (a) => `“${a.found}”不是 YYYY-MM-DD 格式的日期`,
    'one-line': () => '此处文本只能写在一行内，请删除换行',
    'questionnaire-ref': (a) => `“${a.found}”不是问卷 id（可写作 id@版本）`,
    'bad-condition': (a) => `条件必须包含以下键之一：${a.keys}`,
    'missing-locale': (a) => `“${a.field}”缺少 ${a.locale} 语言的文本`,
    'undeclared-locale': (a) => `语言 ${a.locale} 未在 locales 中声明（${a.locales}）`,
    'duplicate-id': (a) => `${a.what} id“${a.id}”重复`,
    'na-reserved': () => '“na”保留用于“不适用”，请换一个选项值',
    'duplicate-option': (a) => `选项值“${a.value}”重复`,
    'scale-scores-partial': (a) => `${a.total} 个选项中只有 ${a.given} 个给了分值；要么全部给出，要么都不给`,
    'option-score-missing': () => '该题计分，选项需要“score”（0–1）',
    'first-level-min': (a) => `第一个等级的 min 必须为 0，而不是 ${a.min}`,
    'levels-ascending': (a) => `等级 min ${a.min} 必须大于上一等级的 ${a.prev}`,
    'reserved-id': (a) => `“${a.id}”是保留字（表示总分）`,
    'unknown-scale': (a) => `未知的量表“${a.id}”${hintZh(a)}`,
    'min-above-max': (a) => `min ${a.min} 大于 max ${a.max}`,
    'scoring-missing': () => '计分的数字题需要“scoring”（from/to 或 bands），或将权重设为 0',
    'scoring-flat': () => 'scoring 的 from 与 to 不能相同',
    'scoring-span': () => 'scoring 的 from 与 to 相差过大，无法计算得分，请改用较小的数',
    'bands-ascending': (a) => `分段 min ${a.min} 必须大于上一分段的 ${a.prev}`,
    'text-weight': () => '文本题不计分：删除 weight 或设为 0',
    'nothing-scored': () => '没有计分的题目：至少给一道题大于 0 的权重',
    'unknown-dimension': (a) => `未知的维度“${a.id}”${hintZh(a)}`,
    'cap-needs-dimension': () => '“cap”需要同时指定“dimension”：封顶只作用于一个维度的得分',
    'unknown-perspective': (a) => `未知的视角“${a.id}”${hintZh(a)}（已声明：${a.known}）`,
    'as-not-in-audience': (a) => `为视角“${a.id}”提供了措辞，但该视角不在本题的“audience”中；请加入 audience 或删除这段措辞`,
    'skipped-score-needs-when': () => '“skippedScore”需要同时指定“when”：只有可能被跳过的题目才有跳过时的得分',
    'skipped-score-unscored': () => '“skippedScore”用在了不计分的题目上（文本题或权重为 0）；请删除',
    'not-in-audience': (a) => `题目“${a.id}”不向“${a.perspective}”视角提问（提问对象：${a.audience}）`,
    'unknown-target': (a) => `未知的目标“${a.id}”：请写“overall”或某个维度的 id${hintZh(a)}`,
    'condition-no-test': (a) => `条件缺少判断，可用：${a.ops}`,
    'condition-tests': (a) =>
      `一个条件只能包含一个判断，实际有 ${a.count} 个（${String(a.found).split(', ').join('、')}）；多个判断请放进“all”`,
    'when-score': () => '题目的“when”不能使用维度得分，请改用前面题目的答案',
    'unknown-question': (a) => `未知的题目“${a.id}”${hintZh(a)}`,
    'when-order': (a) => `“when”只能引用排在本题之前的题目，“${a.id}”不是`,
    'condition-number': (a) => `对得分使用“${a.op}”时需要数字`,
    'condition-includes': (a) => `“includes”只适用于多选题，“${a.id}”不是多选题`,
    'condition-value': (a) => `“${a.value}”不是题目“${a.id}”可接受的答案${a.values ? `，可选：${a.values}` : ''}`,
    'condition-ordered': (a) => `“${a.op}”需要数值答案，题目“${a.id}”的答案不是数值`,
    'condition-unscored': (a) => `题目“${a.id}”不计分，没有得分可比较`,
    'condition-multi-list': (a) => `多选题“${a.id}”的“${a.op}”比较整个列表：请写成 [${a.value}]，或用 includes: ${a.value}`,
    'condition-multi': (a) => `“${a.op}”不适用于多选题“${a.id}”，请用 includes、eq 或 ne`,
    'questionnaire-mismatch': (a) => `答卷对应的问卷是“${a.found}”，而不是“${a.expected}”`,
    'questionnaire-version': (a) => `答卷基于版本 ${a.found}，当前问卷版本为 ${a.expected}`,
    'unknown-locale': (a) => `问卷不提供语言 ${a.locale}（可用：${a.locales}）`,
    'bad-answer-one-of': (a) => `${a.found} 不是题目“${a.id}”的有效答案，可选：${a.values}`,
    'bad-answer-list-of': (a) => `${a.found} 不是题目“${a.id}”的有效答案，应为以下值组成的列表：${a.values}`,
    'bad-answer-boolean': (a) => `${a.found} 不是题目“${a.id}”的有效答案，可选：${a.values}`,
    'bad-answer-number': (a) => `${a.found} 不是题目“${a.id}”的有效答案，应为数字`,
    'bad-answer-number-range': (a) => `${a.found} 不是题目“${a.id}”的有效答案，应为 ${range(a).min} 到 ${range(a).max} 之间的数字`,
    'bad-answer-number-min': (a) => `${a.found} 不是题目“${a.id}”的有效答案，应为不小于 ${range(a).min} 的数字`,
    'bad-answer-number-max': (a) => `${a.found} 不是题目“${a.id}”的有效答案，应为不大于 ${range(a).max} 的数字`,
    'bad-answer-text': (a) => `${a.found} 不是题目“${a.id}”的有效答案，应为文本`,
    'na-not-allowed': (a) => `题目“${a.id}”不能回答 na（不适用）`,
    'duplicate-choice': (a) => `题目“${a.id}”中 ${a.value} 被选了两次`,
    'number-out-of-range': (a) => `${a.found} 超出题目“${a.id}”的范围（${a.min} 到 ${a.max}）`,
    'answer-ignored': (a) => `题目“${a.id}”的答案被忽略：其“when”条件不成立`,
    'read-failed': (a) => `无法读取文件：${a.reason}`,
    'unknown-kind': () => '无法判断这是问卷还是答卷（应包含“dimensions”或“answers”）',
  }),
);

/** How many characters of a name from a file a message repeats: enough to recognise it, never a whole 5 MB key. */
export const NAME_MAX = 80;

/** Arguments that repeat a name or value from a file, and arguments that are lists (joined with ", "). */
const NAMES = new Set(['key', 'id', 'found', 'value', 'hint', 'name', 'expected']);
const LISTS = new Set(['values', 'keys', 'ops', 'locales', 'supported']);

/** A value from a file as a message shows it: on one line, control characters visible, long names cut. */
function shown(k: string, v: string | number, zh: boolean): string | number {
  if (typeof v === 'number') return v;
  const s = oneLine(NAMES.has(k) ? cut(v, NAME_MAX) : v);
  // Chinese lists take the enumeration comma.
  return zh && LISTS.has(k) ? s.split(', ').join('、') : s;
}

/** A diagnostic's message. Own-key lookup only: a code such as "constructor" must not find Object's. */
export function messageOf(d: Diagnostic, zh: boolean): string {
  const table = zh ? DIAGNOSTICS_ZH() : DIAGNOSTICS_EN();
  const args = Object.fromEntries(Object.entries(d.args).map(([k, v]) => [k, shown(k, v, zh)]));
  return Object.hasOwn(table, d.code) ? (table[d.code] as (a: A) => string)(args) : d.code;
}

/** One diagnostic as users see it. The severity word stays English so that editors and CI annotators can parse it. */
export const formatDiagnostic = (d: Diagnostic, zh: boolean): string =>
  `${oneLine(d.file)}:${d.line}:${d.column}: ${d.severity}: ${messageOf(d, zh)}`;
