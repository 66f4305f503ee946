import { describe, expect, it } from 'vitest';
import { renderHtml } from '../src/render/html.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { width } from '../src/render/style.js';
import { renderTerminal } from '../src/render/terminal.js';
import { renderForm } from './helpers/form.js';
import { modelFromFile } from './helpers/model.js';
import { markdownProblems, reportFor } from './helpers/report.js';

const SMALL = modelFromFile('tests/fixtures/valid/small.yaml');
const ANSWERS = {
  sponsor: false,
  plans: { value: 3, note: 'Plans exist for 4 of 6 accounts | see *drive*' },
  selection: 'mixed',
  'kam-count': 4,
  training: ['selling', 'finance'],
};
// toMatch with a string tests for the substring.
const ESC = '\u001b[';

describe.each(['en', 'zh-CN'])('markdown report (%s)', (locale) => {
  const report = reportFor(SMALL, ANSWERS, locale, { respondent: { name: '王伟', role: 'sales-director' }, date: '2026-11-29' });
  const md = renderMarkdown(report);

  it('passes markdownlint (default rules, no line length)', () => {
    expect(markdownProblems(md)).toEqual([]);
  });

  it('has a summary table with a band marker per dimension and checklists of remedies', () => {
    expect(md).toMatch(/^\| 🔴 (Strategy|战略) \| 36\.7 \|/m);
    expect(md).toMatch(/^\| 🟡 (People|人员) \| 57\.5 \|/m);
    expect(md).toContain('- [ ] **');
    expect(md).toMatch(/^ {2}- \[ \] /m); // actions as nested checklist items
  });

  it('lists unanswered questions and answers with notes in the appendix, the only place with question ids', () => {
    const appendix = md.slice(md.search(/^## (Appendix|附录)/m));
    expect(appendix).toContain('`turnover`');
    expect(appendix).toContain('Plans exist for 4 of 6 accounts \\| see \\*drive\\*');
    expect(md.slice(0, md.length - appendix.length)).not.toContain('`turnover`');
  });
});

describe('escaping of input text', () => {
  const hostile = modelFromFile('tests/fixtures/valid/hostile.yaml');
  const report = reportFor(
    hostile,
    { q1: 'a', q2: { value: true, note: '<img src=x onerror=alert(1)> | [x](javascript:alert(1))' } },
    'en',
    {
      respondent: { name: '<b>Mallory</b> | *bold*' },
    },
  );

  it('markdown cannot gain HTML, links, emphasis or table cells from a file', () => {
    const md = renderMarkdown(report);
    expect(md).not.toContain('<script');
    expect(md).not.toContain('<img');
    expect(md).not.toContain('<b>');
    expect(md).not.toMatch(/(?<!\\)\]\(/); // brackets are escaped: no link can form
    expect(md).toContain('&lt;script&gt;');
    // every summary row keeps exactly five pipes (four cells)
    for (const row of md.split('\n').filter((l) => l.startsWith('| ') && l.includes('Dimension') === false && !l.startsWith('| ---'))) {
      if (/^\| (🔴|🟡|🟢|⚪)/.test(row)) expect(row.replace(/\\\|/g, '').split('|').length - 1).toBe(5);
    }
    expect(markdownProblems(md)).toEqual([]);
  });

  it('the paper form keeps option values inside their code spans', () => {
    const form = renderForm(hostile, 'en');
    expect(form).toContain('- [ ] `` x` <b>y</b> ` `` backticks in a value'); // a literal code span, not HTML
    expect(markdownProblems(form)).toEqual([]);
  });

  it('HTML escapes everything it prints', () => {
    const page = renderHtml(report);
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;script&gt;');
    expect(page).toContain('&lt;b&gt;Mallory&lt;/b&gt;');
  });
});

describe('HTML page', () => {
  const page = renderHtml(reportFor(SMALL, ANSWERS, 'zh-CN', { respondent: { organization: '瑞澜泵业' }, date: '2026-11-29' }));

  it('is one self-contained file: a policy against every request, no script, no external reference', () => {
    expect(page).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`,
    );
    expect(page).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|url\(/i);
  });

  it('prints on A4 with the organisation and date in the page header and fonts for Chinese on every system', () => {
    expect(page).toContain('@page{size:A4;');
    expect(page).toContain('@top-left{content:"瑞澜泵业 · 小型检查 — 成熟度报告"');
    expect(page).toContain('@top-right{content:"2026-11-29"');
    for (const font of ['"Microsoft YaHei"', '"PingFang SC"', '"Noto Sans CJK SC"']) expect(page).toContain(font);
    expect(page).toMatch(/\.remedy,[^{]*\{break-inside:avoid\}/);
  });

  it('gives the radar a title, a description with the numbers, and the same numbers in a table', () => {
    expect(page).toMatch(/<svg [^>]*role="img" aria-labelledby="radar-t radar-d"/);
    expect(page).toContain('<desc id="radar-d">各维度得分雷达图（0–100 分）：战略 36.7，人员 57.5。</desc>');
    expect(page).toMatch(
      /<tr data-dimension="strategy"><td>战略<\/td><td class="num"><span class="dot b-low" aria-hidden="true"><\/span>36\.7<\/td>/,
    );
  });
});

describe('terminal report', () => {
  const zh = reportFor(SMALL, ANSWERS, 'zh-CN', { respondent: { name: '王伟' }, date: '2026-11-29' });
  const en = reportFor(SMALL, ANSWERS, 'en');

  it('has no escape codes when colour is off, and colours by band when on', () => {
    expect(renderTerminal(en, { color: false })).not.toMatch(ESC);
    const coloured = renderTerminal(en, { color: true });
    expect(coloured).toMatch(ESC);
    expect(coloured).toContain('\u001b[31m 36.7'); // strategy is in the red band
  });

  it.each([
    [80, zh],
    [80, en],
    [60, zh],
    [120, en],
  ])('fits %d columns and aligns the bars with Chinese text', (cols, report) => {
    const out = renderTerminal(report, { color: false, columns: cols });
    for (const line of out.split('\n')) expect(width(line)).toBeLessThanOrEqual(cols);
    // every dimension line has its bar starting in the same column
    const bars = out.split('\n').filter((l) => /[█░]{5}/.test(l));
    expect(bars).toHaveLength(2);
    const starts = bars.map((l) => width(l.slice(0, l.search(/[█░]/))));
    expect(new Set(starts).size).toBe(1);
    expect(new Set(bars.map(width)).size).toBe(1);
  });

  it('shows header, overall, dimensions and the top remedies with their actions', () => {
    const out = renderTerminal(zh, { color: false });
    expect(out).toContain('答卷人: 王伟');
    expect(out).toMatch(/总体: 41\.9 \/ 100 {3}等级: 发展 {3}覆盖率: 88%/);
    expect(out).toContain('[严重] 指定高管发起人');
    expect(out).toContain('→ 请总经理担任发起人');
  });

  it('lists every remedy by phase and shows diagnosis and actions for the first --top by priority', () => {
    const out = renderTerminal(en, { color: false, top: 1 });
    const roadmap = out.slice(out.indexOf('■ Roadmap'));
    // no-sponsor (low effort) in phase 1; few-kams and overall-low (no effort) in phase 2
    const at = (s: string) => {
      expect(roadmap).toContain(s);
      return roadmap.indexOf(s);
    };
    expect(at('Phase 1 — quick wins (0–3 months)')).toBeLessThan(at('[Critical] Name an executive sponsor'));
    expect(at('[Critical] Name an executive sponsor')).toBeLessThan(at('Phase 2 — 3–6 months'));
    expect(at('Phase 2 — 3–6 months')).toBeLessThan(at('[Medium] Staff the key accounts'));
    expect(at('After phase 1:')).toBeLessThan(at('Phase 2 — 3–6 months'));
    expect(roadmap).toContain('[Low] Make a maturity plan');
    expect(roadmap).toContain('→ Ask the CEO to sponsor the programme');
    expect(roadmap).not.toContain('→ Name a manager for each key account');
    expect(roadmap).not.toMatch(/Top \d|more remedies/);
  });
});

describe.each(['en', 'zh-CN'])('paper form (%s)', (locale) => {
  it('passes markdownlint', () => {
    expect(markdownProblems(renderForm(SMALL, locale))).toEqual([]);
  });
});
