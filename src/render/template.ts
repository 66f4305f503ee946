import type { Model } from '../core/model.js';
import { resolveText } from '../core/report.js';
import { strings } from '../i18n/ui.js';
import type { Text } from '../schema/common.js';
import { describeCondition } from './describe.js';

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * An answers file to fill in: every question as a comment with what it accepts, and an empty value; first, when
 * given, the line that points editors at the JSON Schema.
 */
export function renderTemplate(model: Model, opts: { locale: string; date: string; schemaUrl?: string; perspective?: string }): string {
  const doc = model.doc;
  const text = (t: Text) => oneLine(resolveText(t, opts.locale, doc.locales[0] as string));
  const f = strings(opts.locale).form;
  const out: string[] = opts.schemaUrl ? [`# yaml-language-server: $schema=${opts.schemaUrl}`] : [];
  for (const l of f.templateHeader(`${text(doc.title)} (${doc.id} ${doc.version})`)) out.push(`# ${l}`);
  out.push(
    'kamcheck: 1',
    `questionnaire: ${doc.id}@${doc.version}`,
    ...(opts.perspective ? [`perspective: ${opts.perspective}`] : []),
    'respondent:',
    '  name: ""',
    '  role: ""',
    '  organization: ""',
    '  unit: ""',
    `date: ${opts.date}`,
    `locale: ${opts.locale}`,
    'answers:',
  );
  model.dimensions.forEach((d, di) => {
    out.push('', `  # ── ${di + 1}. ${text(d.title)} ──`);
    model.questions
      .filter((q) => q.dimension === d)
      .forEach((info, qi) => {
        const q = info.question;
        out.push('', `  # ${di + 1}.${qi + 1} ${text(q.text)}`);
        if (q.when) out.push(`  #   ${oneLine(f.onlyWhen(describeCondition(q.when, f)))}`);
        const na = info.naAllowed ? [`  #     na = ${f.na}`] : [];
        switch (q.type) {
          case 'scale':
          case 'choice':
          case 'multi':
            out.push(`  #   ${f.templateAccepts(q.type === 'multi')}`);
            for (const o of info.options) out.push(`  #     ${oneLine(String(o.value))} = ${text(o.label)}`);
            out.push(...na);
            break;
          case 'boolean':
            out.push(`  #   ${f.templateAccepts(false)} true = ${f.yes} · false = ${f.no}${info.naAllowed ? ` · na = ${f.na}` : ''}`);
            break;
          case 'number':
            out.push(
              `  #   ${oneLine(f.numberAnswer(f.range(q.min, q.max)))}${q.unit ? ` (${text(q.unit)})` : ''}${info.naAllowed ? ` · na = ${f.na}` : ''}`,
            );
            break;
          case 'text':
            out.push(`  #   ${f.templateAccepts(false)} ${f.templateText}`);
            break;
        }
        out.push(`  ${q.id}:`);
      });
  });
  return `${out.join('\n')}\n`;
}
