// The report view: sections decided once from the report JSON, with the v1.1 planning and progress fields.
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../src/render/html.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { width } from '../src/render/style.js';
import { renderTerminal } from '../src/render/terminal.js';
import { reportView, splitMoveUp } from '../src/render/view.js';
import { Report } from '../src/schema/report.js';
import { modelFromFile } from './helpers/model.js';
import { markdownProblems, reportFor } from './helpers/report.js';

const SMALL = modelFromFile('tests/fixtures/valid/small.yaml');
const ANSWERS = { sponsor: false, plans: 3, selection: 'mixed', 'kam-count': 4, training: ['selling', 'finance'] };

/** The small fixture's report with every v1.1 field a planning or progress run adds, as those runs would write them. */
function planned(locale: string): Report {
  const base = reportFor(SMALL, ANSWERS, locale, { respondent: { name: 'Li Na', organization: 'Acme Pumps' }, date: '2026-11-29' });
  const gains: Record<string, [number | null, number | null]> = {
    'no-sponsor': [3.2, 6.7],
    'few-kams': [9.4, 22.5],
    'overall-low': [null, null],
  };
  const report: Report = {
    ...base,
    // strategy as if the sponsor cap had lowered it from 62.5
    dimensions: base.dimensions.map((d) => (d.id === 'strategy' ? { ...d, score: 40, rawScore: 62.5, cappedBy: ['no-sponsor'] } : d)),
    overall: { ...base.overall, cappedBy: ['overall-low'], uncappedScore: 47.5 },
    remedies: base.remedies.map((m) => ({
      ...m,
      gain: gains[m.id]?.[0] ?? null,
      dimensionGain: gains[m.id]?.[1] ?? null,
      ...(m.id === 'overall-low' ? { overallCap: 41.9 } : {}),
    })),
    roadmap: [
      {
        phase: 1,
        remedies: ['no-sponsor'],
        projected: { overall: 45.1, level: 'developing', dimensions: { strategy: 46.7, people: 57.5 } },
      },
      {
        phase: 2,
        remedies: ['few-kams', 'overall-low'],
        projected: { overall: 54.5, level: 'developing', dimensions: { strategy: 46.7, people: 80 } },
      },
    ],
    targets: [
      { id: 'overall', target: 50, score: 41.9, gap: 8.1, reachedInPhase: 2 },
      { id: 'people', target: 90, score: 57.5, gap: 32.5, reachedInPhase: null },
    ],
    comparison: {
      baseline: { file: 'acme-2025.yaml', date: '2025-11-20' },
      overall: { before: 30.4, after: 41.9, delta: 11.5, levelBefore: 'starting', levelAfter: 'developing' },
      dimensions: [
        { id: 'strategy', before: 36.7, after: 40, delta: 3.3, levelBefore: 'starting', levelAfter: 'developing' },
        { id: 'people', before: 22.5, after: 57.5, delta: 35, levelBefore: 'starting', levelAfter: 'developing' },
      ],
      remedies: { new: ['overall-low'], resolved: ['weak-plans'], persisting: ['no-sponsor', 'few-kams'] },
      answers: [{ id: 'plans', before: 2, after: 3, delta: 0.25 }],
    },
  };
  expect(Report.safeParse(report).success).toBe(true);
  return report;
}

const RULE_IDS = ['no-sponsor', 'weak-plans', 'few-kams', 'overall-low'];

describe.each(['en', 'zh-CN'])('report view with a roadmap, targets and a comparison (%s)', (locale) => {
  const report = planned(locale);
  const v = reportView(report);
  const zh = locale === 'zh-CN';

  it('orders the summary actions by gain and says so', () => {
    expect(v.summary.actionsTitle).toBe(zh ? '提升最大的两项行动' : 'The two actions with the largest gain');
    expect(v.summary.actions.map((m) => m.gain)).toEqual([9.4, 3.2]);
    expect(v.summary.actions[0]?.facts).toContain(zh ? '总分 +9.4' : '+9.4 points overall');
  });

  it('says what the next level needs and names the strongest and weakest dimensions', () => {
    expect(v.summary.next).toBe(
      zh ? '下一等级：领先（75 分起），还差 33.1 分。' : 'Next level: Leading, from 75 points — 33.1 points to go.',
    );
    expect(v.summary.strongest).toBe(zh ? '人员 57.5 (发展)' : 'People 57.5 (Developing)');
    expect(v.summary.weakest).toBe(zh ? '战略 40.0 (起步)' : 'Strategy 40.0 (Starting)');
  });

  it('explains a cap with the rule title and the score before it', () => {
    expect(v.dimensions[0]?.cap).toBe(
      zh ? '封顶 40 分：指定高管发起人（封顶前 62.5）' : 'capped at 40: Name an executive sponsor (62.5 before the cap)',
    );
    expect(v.summary.cap).toBe(
      zh
        ? '总分封顶 41.9 分：制定成熟度提升计划（封顶前 47.5）'
        : 'The overall score is capped at 41.9: Make a maturity plan (47.5 before the cap)',
    );
  });

  it("follows the report's roadmap, with projected scores and the dimensions each phase moves", () => {
    const phases = v.roadmap.phases;
    expect(v.roadmap.note).toBeNull();
    expect(phases.map((p) => p.remedies.map((m) => m.title))).toEqual(
      zh
        ? [['指定高管发起人'], ['配齐大客户经理', '制定成熟度提升计划']]
        : [['Name an executive sponsor'], ['Staff the key accounts', 'Make a maturity plan']],
    );
    expect(phases[0]?.projected).toBe(zh ? '完成第 1 阶段后：总分 45.1（发展）' : 'After phase 1: 45.1 overall (Developing)');
    expect(phases[0]?.moves).toEqual([zh ? '战略 40.0 → 46.7' : 'Strategy 40.0 → 46.7']);
    expect(phases[1]?.moves).toEqual([zh ? '人员 57.5 → 80.0' : 'People 57.5 → 80.0']);
  });

  it('shows each target with its gap and the phase that reaches it', () => {
    expect(v.targets).toEqual([
      {
        label: zh ? '总体' : 'Overall',
        target: '50',
        score: '41.9',
        gap: '8.1',
        reached: zh ? '第 2 阶段后达到' : 'reached after phase 2',
      },
      {
        label: zh ? '人员' : 'People',
        target: '90',
        score: '57.5',
        gap: '32.5',
        reached: zh ? '路线图内无法达到' : 'not reached by the roadmap',
      },
    ]);
  });

  it('compares with the baseline in words: level titles, remedy titles, question texts', () => {
    const c = v.comparison;
    expect(c?.overall).toMatchObject({
      beforeText: '30.4',
      afterText: '41.9',
      delta: '+11.5',
      level: zh ? '起步 → 发展' : 'Starting → Developing',
    });
    expect(c?.news).toEqual([zh ? '制定成熟度提升计划' : 'Make a maturity plan']);
    expect(c?.resolved).toBe(zh ? '已解决 1 个问题' : '1 issue resolved');
    expect(c?.answers).toEqual([
      { text: zh ? '客户计划成文并定期评审' : 'Account plans are written and reviewed', before: '2', after: '3', delta: '+25.0' },
    ]);
  });

  it('draws the baseline on the radar as a dashed outline under the current one, with a legend', () => {
    const page = renderHtml(report);
    const radar = page.slice(page.indexOf('<svg'), page.indexOf('</svg>'));
    expect(radar).toMatch(
      /<polygon points="[^"]+" fill="#6e7781" fill-opacity="0" stroke="#6e7781" stroke-width="2" stroke-dasharray="5 4" data-series="(Before|之前)"/,
    );
    expect(radar.indexOf(`data-series="${zh ? '之前' : 'Before'}`)).toBeLessThan(radar.indexOf(`data-series="${zh ? '现在' : 'Now'}`));
    expect(radar).toContain(`>${zh ? '之前' : 'Before'}</text>`);
  });

  it('never shows a rule id, in any format', () => {
    const outputs = [renderTerminal(report, { color: false }), renderMarkdown(report), renderHtml(report)];
    for (const out of outputs) for (const id of RULE_IDS) expect(out).not.toMatch(new RegExp(`(?<![\\w-])${id}(?![\\w-])`));
  });

  it('keeps every section in the same order in every format', () => {
    const t = renderTerminal(report, { color: false, columns: 100 });
    const order = [v.r.summary, v.r.dimensions(2), v.r.comparison, v.r.strengths, v.r.roadmap];
    const at = (text: string) => order.map((h) => text.indexOf(h));
    for (const out of [t, renderMarkdown(report), renderHtml(report)]) {
      const positions = at(out);
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    }
  });

  it('markdown passes markdownlint and the terminal fits 80 columns', () => {
    expect(markdownProblems(renderMarkdown(report))).toEqual([]);
    for (const line of renderTerminal(report, { color: false, columns: 80 }).split('\n')) expect(width(line)).toBeLessThanOrEqual(80);
  });
});

describe('phases without a roadmap', () => {
  it("come from each remedy's phase (effort low → 1, none → 2 unless the rule says), and say so", () => {
    const base = reportFor(SMALL, ANSWERS, 'en');
    expect(base.remedies.map((m) => [m.id, m.phase])).toEqual([
      ['no-sponsor', 1],
      ['few-kams', 2],
      ['overall-low', 2],
    ]);
    // A report without planning figures: an empty roadmap and no gains.
    const report: Report = {
      ...base,
      roadmap: [],
      remedies: base.remedies.map((m) => ({ ...m, gain: null, dimensionGain: null, phase: m.id === 'no-sponsor' ? m.phase : 3 })),
    };
    const v = reportView(report);
    expect(v.roadmap.note).toBe(
      'Phases follow the effort each remedy takes, unless the questionnaire sets one: low effort first, high effort last.',
    );
    expect(v.roadmap.phases.map((p) => [p.phase, p.remedies.map((m) => m.title)])).toEqual([
      [1, ['Name an executive sponsor']],
      [3, ['Staff the key accounts', 'Make a maturity plan']],
    ]);
    // Without gains, the summary takes the three remedies of highest priority.
    expect(v.summary.actionsTitle).toBe('The three most urgent actions');
    expect(v.summary.actions.map((m) => m.rank)).toEqual([1, 2, 3]);
  });

  it('a report with nothing answered says so instead of a roadmap', () => {
    const v = reportView(reportFor(SMALL, {}, 'en'));
    expect(v.roadmap.phases).toEqual([]);
    expect(v.summary.next).toBeNull();
    expect(renderTerminal(reportFor(SMALL, {}, 'en'), { color: false })).toContain('Nothing is answered yet');
  });
});

describe('summary texts from the questionnaire', () => {
  it('splits a level description at what moving up takes, in either language', () => {
    expect(splitMoveUp('Plans exist. To move up — write them with the customer.')).toEqual({
      text: 'Plans exist.',
      moveUp: 'write them with the customer.',
    });
    expect(splitMoveUp('有计划。要进入下一阶段：与客户共同制定计划。')).toEqual({ text: '有计划。', moveUp: '与客户共同制定计划。' });
    expect(splitMoveUp('Nothing more to say.')).toEqual({ text: 'Nothing more to say.', moveUp: null });
  });

  it("says what the next level takes from the current level's description, else what the next level looks like", () => {
    const base = reportFor(SMALL, ANSWERS, 'en');
    const levels = (d: string) => base.levels?.map((l) => ({ ...l, description: `${l.title} looks so.${d}` }));
    expect(reportView({ ...base, levels: levels(' To move up — do more.') }).summary).toMatchObject({
      levelDescription: 'Developing looks so.',
      nextDetail: 'What it takes: do more.',
    });
    expect(reportView({ ...base, levels: levels('') }).summary.nextDetail).toBe('At that level: Leading looks so.');
  });

  it('lists the answers that come closest when nothing scores half marks, and says so', () => {
    const v = reportView(reportFor(SMALL, { sponsor: false, plans: 2, selection: 'size', 'kam-count': 1, training: [] }, 'en'));
    expect(v.strengthsIntro).toBe('No practice scores half marks yet; these come closest and are the place to start.');
    expect(v.strengths).toEqual([
      'Strategy: Account plans are written and reviewed — Partly',
      'People: How many dedicated key account managers — 1',
    ]);
  });
});
