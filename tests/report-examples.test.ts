// The bundled examples rendered in every format and language: no internal id where people read, every remedy shown.
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../src/render/html.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { width } from '../src/render/style.js';
import { renderTerminal } from '../src/render/terminal.js';
import { Report } from '../src/schema/report.js';
import { runCli } from './helpers/cli.js';
import { modelFromFile } from './helpers/model.js';
import { markdownProblems } from './helpers/report.js';

const MODEL = modelFromFile('questionnaires/kam-five-pitfalls.yaml');
const RULE_IDS = (MODEL.doc.rules ?? []).map((r) => r.id);
const QUESTION_IDS = MODEL.questions.map((q) => q.question.id);
const CASES = ['pump-maker-early.zh', 'advanced-automation', 'midsize-components.en', 'midsize-components.customer.en'].flatMap((example) =>
  ['zh-CN', 'en'].map((lang) => ({ example, lang })),
);

/** An id as a whole token: not part of a longer id. */
const token = (id: string) => new RegExp(`(?<![\\w-])${id.replace(/[-]/g, '\\-')}(?![\\w-])`);

async function reportOf(example: string, lang: string): Promise<Report> {
  const r = await runCli(['--lang', lang, 'report', `examples/${example}.yaml`, '-f', 'json']);
  return Report.parse(JSON.parse(r.stdout));
}

describe.each(CASES)('$example in $lang', ({ example, lang }) => {
  it('shows no rule id anywhere, and question ids only in the answers appendix', async () => {
    const report = await reportOf(example, lang);
    expect(RULE_IDS.length).toBeGreaterThan(20);
    const html = renderHtml(report);
    const md = renderMarkdown(report);
    const outputs = {
      terminal: { body: renderTerminal(report, { color: false, top: 1000 }), appendix: '' },
      markdown: { body: md.slice(0, md.search(/^## (Appendix|附录)/m)), appendix: md.slice(md.search(/^## (Appendix|附录)/m)) },
      html: { body: html.slice(0, html.indexOf('<section id="appendix"')), appendix: html.slice(html.indexOf('<section id="appendix"')) },
    };
    // An id that is also a word of the questionnaire's own texts (e.g. "customer-concentration risk") may appear as that word.
    const words = JSON.stringify([report.remedies.map((m) => [m.title, m.why, m.actions]), report.answers.map((a) => [a.text, a.label])]);
    const ids = (list: string[]) => list.filter((id) => !token(id).test(words));
    for (const [format, { body, appendix }] of Object.entries(outputs)) {
      for (const id of ids(RULE_IDS)) expect(`${body}${appendix}`, `${format}: ${id}`).not.toMatch(token(id));
      for (const id of ids(QUESTION_IDS)) expect(body, `${format}: ${id}`).not.toMatch(token(id));
    }
    expect(ids(QUESTION_IDS).length).toBeGreaterThan(QUESTION_IDS.length - 3);
    // The appendix does name the answered questions, so the answers file can be edited.
    for (const a of report.answers.filter((x) => x.state === 'answered')) {
      expect(outputs.markdown.appendix).toContain(`\`${a.id}\``);
      expect(outputs.html.appendix).toContain(`<code>${a.id}</code>`);
    }
  });

  it('terminal: fits 80 columns and lists every remedy under a phase', async () => {
    const report = await reportOf(example, lang);
    const out = renderTerminal(report, { color: false, columns: 80 });
    for (const line of out.split('\n')) expect(width(line), line).toBeLessThanOrEqual(80);
    const roadmap = out.slice(out.lastIndexOf('■ '));
    const listed = roadmap.split('\n').filter((l) => /^ {2}\[[^\]]+\] /.test(l)).length;
    expect(listed).toBe(report.remedies.length);
  });

  it('markdown: passes markdownlint', async () => {
    expect(markdownProblems(renderMarkdown(await reportOf(example, lang)))).toEqual([]);
  });
});

describe('a what-if report with targets', () => {
  it('says first that its scores are hypothetical, in every format, and stays clean', async () => {
    const args = ['report', 'examples/midsize-components.en.yaml', '--what-if', 'exec-sponsor=all-top-tier', '--target', 'overall=60'];
    for (const lang of ['en', 'zh-CN']) {
      const report = Report.parse(JSON.parse((await runCli(['--lang', lang, ...args, '-f', 'json'])).stdout));
      const terminal = renderTerminal(report, { color: false, columns: 80 });
      const md = renderMarkdown(report);
      const html = renderHtml(report);
      const said = lang === 'en' ? 'Hypothetical scores' : '以下为假设得分';
      expect(terminal.indexOf(said)).toBeGreaterThan(0);
      expect(terminal.indexOf(said)).toBeLessThan(terminal.indexOf(lang === 'en' ? 'Overall:' : '总体:'));
      expect(md).toContain(`> **${said}`);
      expect(html).toContain(`<p class="hypothetical"><strong>${said}`);
      for (const line of terminal.split('\n')) expect(width(line)).toBeLessThanOrEqual(80);
      expect(markdownProblems(md)).toEqual([]);
      // The changed question is named by its text, never by its id, outside the appendix.
      expect(md.slice(0, md.search(/^## (Appendix|附录)/m))).not.toMatch(token('exec-sponsor'));
    }
  });
});
