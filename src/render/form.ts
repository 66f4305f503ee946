import type { Model, QuestionInfo } from '../core/model.js';
import { resolveText } from '../core/report.js';
import { strings } from '../i18n/ui.js';
import type { Text } from '../schema/common.js';
import { describeCondition } from './describe.js';
import { mdInline as md, mdCode } from './escape.js';
import { makePaint, wrap } from './style.js';

/** Per-question facts every form shows, resolved to one locale. */
function formQuestions(model: Model, locale: string) {
  const fallback = model.doc.locales[0] as string;
  const text = (t: Text) => resolveText(t, locale, fallback);
  const f = strings(locale).form;
  return {
    text,
    f,
    dimensions: model.dimensions.map((d, di) => ({
      dimension: d,
      number: di + 1,
      questions: model.questions.filter((q) => q.dimension === d).map((info, qi) => ({ info, number: `${di + 1}.${qi + 1}` })),
    })),
  };
}

/** The answer choices of a question as lines: [marker, label, description?]. */
function choices(info: QuestionInfo, text: (t: Text) => string, f: ReturnType<typeof strings>['form']): [string, string, string?][] {
  const q = info.question;
  const na: [string, string][] = info.naAllowed ? [['na', f.na]] : [];
  if (q.type === 'scale' || q.type === 'choice' || q.type === 'multi') {
    return [
      ...info.options.map((o): [string, string, string?] => [String(o.value), text(o.label), o.description && text(o.description)]),
      ...na,
    ];
  }
  if (q.type === 'boolean') return [['true', f.yes], ['false', f.no], ...na];
  return na;
}

function instruction(info: QuestionInfo, text: (t: Text) => string, f: ReturnType<typeof strings>['form']): string {
  const q = info.question;
  if (q.type === 'multi') return f.chooseAny;
  if (q.type === 'number') return f.numberAnswer(f.range(q.min, q.max)) + (q.unit ? ` ____ ${text(q.unit)}` : ' ____');
  if (q.type === 'text') return f.textAnswer;
  return f.chooseOne;
}

/** The questionnaire as a printable markdown form: levels, then every question with its choices. */
export function renderFormMarkdown(model: Model, locale: string): string {
  const { text, f, dimensions } = formQuestions(model, locale);
  const doc = model.doc;
  const out: string[] = [`# ${md(text(doc.title))}`, ''];
  if (doc.description) out.push(md(text(doc.description)), '');
  out.push(`## ${f.levels}`, '', `| ${f.levels} | ${f.from} | ${f.looksLike} |`, '| --- | ---: | --- |');
  for (const l of doc.levels) out.push(`| ${md(text(l.title))} | ${l.min} | ${l.description ? md(text(l.description)) : '—'} |`);
  out.push('');
  for (const { dimension, number, questions } of dimensions) {
    out.push(`## ${number}. ${md(text(dimension.title))}`, '');
    if (dimension.description) out.push(md(text(dimension.description)), '');
    for (const { info, number: n } of questions) {
      const q = info.question;
      // Headings drop trailing punctuation (markdownlint MD026); the question reads the same.
      out.push(`### ${n} ${md(text(q.text)).replace(/[.,;:!\u3002\uff0c\uff1b\uff1a\uff01]+$/u, '')}`, '');
      const facts = [`\`${q.id}\``, info.scored ? f.weight(info.weight) : f.notScored];
      if (q.when) facts.push(md(f.onlyWhen(describeCondition(q.when, f))));
      out.push(facts.join(' · '), '');
      if (q.help) out.push(`> ${f.interviewer}: ${md(text(q.help))}`, '');
      out.push(md(instruction(info, text, f)), '');
      const cs = choices(info, text, f);
      if (cs.length > 0) {
        for (const [value, label, desc] of cs) out.push(`- [ ] ${mdCode(value)} ${md(label)}${desc ? ` — ${md(desc)}` : ''}`);
        out.push('');
      }
      out.push(`${f.notes}: ____`, '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** The questionnaire for reading at a terminal. */
export function renderFormTerminal(model: Model, locale: string, opts: { color: boolean; columns?: number }): string {
  const { text, f, dimensions } = formQuestions(model, locale);
  const c = makePaint(opts.color);
  const cols = Math.max(40, Math.min(opts.columns ?? 80, 120));
  const out: string[] = [c.bold(text(model.doc.title)), ''];
  out.push(c.bold(f.levels));
  for (const l of model.doc.levels) out.push(`  ${String(l.min).padStart(3)}+  ${text(l.title)}`);
  out.push('');
  for (const { dimension, number, questions } of dimensions) {
    out.push(c.bold.underline(`${number}. ${text(dimension.title)}`), '');
    for (const { info, number: n } of questions) {
      const q = info.question;
      wrap(`${n} ${text(q.text)}`, cols).forEach((l, i) => {
        out.push(i === 0 ? c.bold(l) : `    ${l}`);
      });
      const facts = [q.id, info.scored ? f.weight(info.weight) : f.notScored, q.when ? f.onlyWhen(describeCondition(q.when, f)) : ''];
      out.push(c.dim(`    ${facts.filter(Boolean).join(' · ')}`));
      if (q.help) for (const l of wrap(text(q.help), cols - 4)) out.push(c.cyan(`    ${l}`));
      const cs = choices(info, text, f);
      if (cs.length === 0) out.push(`    ${instruction(info, text, f)}`);
      for (const [value, label, desc] of cs) {
        wrap(`${label}${desc ? ` — ${desc}` : ''}`, cols - 8 - value.length).forEach((l, i) => {
          out.push(i === 0 ? `    ${c.yellow(value)}  ${l}` : `    ${' '.repeat(value.length)}  ${l}`);
        });
      }
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
