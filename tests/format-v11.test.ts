// Format v1.1 (SPEC §3, §6, §7, §10): perspectives, skipped scores, overall caps and phases, by number.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../src/core/report.js';
import { runCli } from './helpers/cli.js';
import { dim, modelFromFile, score } from './helpers/model.js';

const Q = 'tests/fixtures/v11/perspectives.yaml';
const model = modelFromFile(Q);
const BEST = { 'has-crm': true, 'crm-quality': 5, sponsor: true, responsiveness: 5, 'internal-only': true };
const fired = (r: ReturnType<typeof score>) => r.remedies.map((x) => x.rule.id);

describe('skippedScore (SPEC §3, §7.6)', () => {
  it('counts a skipped follow-up as answered with its score, so having no CRM is no better than a poor one', () => {
    const none = score(model, { ...BEST, 'has-crm': false });
    expect(dim(none, 'systems')).toMatchObject({ raw: 0, score: 0, coverage: 1, answered: 2, applicable: 2 });
    const q = none.questions.find((x) => x.info.question.id === 'crm-quality');
    expect(q).toMatchObject({ state: 'skipped', score: 0, asked: true });
    // A poor CRM: 100 · (1·1 + 2·0.25) / 3 = 50.
    expect(dim(score(model, { ...BEST, 'crm-quality': 2 }), 'systems').raw).toBe(50);
    expect(none.overall.score).toBe(75); // (1·0 + 3·100) / 4
  });

  it('gives conditions no question score for the skipped question', () => {
    const none = score(model, { ...BEST, 'has-crm': false });
    expect(fired(none)).toEqual(['no-crm']); // poor-crm-data does not fire on a CRM that does not exist
    expect(fired(score(model, { ...BEST, 'crm-quality': 2 }))).toEqual(['poor-crm-data']);
  });
});

describe('overallCap (SPEC §6, §7.6)', () => {
  it('keeps the overall score at the cap whatever the dimensions say', () => {
    const r = score(model, { ...BEST, sponsor: false });
    expect(dim(r, 'systems').score).toBe(100);
    expect(dim(r, 'relationship').score).toBeCloseTo(66.667, 3); // 100 · 2/3
    expect(r.overall).toMatchObject({ uncapped: 75, score: 45, cappedBy: ['no-sponsor'] });
    expect(r.overall.level?.id).toBe('low');
    // Priority uses the dimension's gap: 10 · 1 · (3 / 2) · (100 − 66.667) / 100 = 5.
    expect(r.remedies[0]?.priority).toBeCloseTo(5, 9);
  });

  it('does not touch an overall score already below the cap', () => {
    const r = score(model, { 'has-crm': false, sponsor: false, responsiveness: 1, 'internal-only': false });
    expect(r.overall).toMatchObject({ uncapped: 0, score: 0, cappedBy: [] });
  });
});

describe('phase (SPEC §6, §12)', () => {
  it('comes from the rule, else from effort (low 1, medium 2, high 3, none 2)', () => {
    const r = score(model, { 'has-crm': false, sponsor: false });
    const report = buildReport(model, r, { answers: { kamcheck: 1, questionnaire: 'v11' }, locale: 'en', toolVersion: 't' });
    expect(report.remedies.map((x) => [x.id, x.phase])).toEqual([
      ['no-sponsor', 2],
      ['no-crm', 3],
    ]);
    const poor = buildReport(model, score(model, { ...BEST, 'crm-quality': 1 }), {
      answers: { kamcheck: 1, questionnaire: 'v11' },
      locale: 'en',
      toolVersion: 't',
    });
    expect(poor.remedies.map((x) => [x.id, x.phase])).toEqual([['poor-crm-data', 1]]); // phase 1 beats effort high
  });
});

describe('perspectives (SPEC §10)', () => {
  const customer = { sponsor: true, responsiveness: 2, 'customer-only': true };

  it('scores only the questions asked of the perspective; the others count nowhere', () => {
    const r = score(model, customer, 'customer');
    expect(r.perspective).toBe('customer');
    expect(dim(r, 'systems')).toMatchObject({ raw: null, score: null, coverage: 1, answered: 0, applicable: 0 });
    // 100 · (1 + 0.25 + 1) / 3: internal-only is not asked of a customer.
    expect(dim(r, 'relationship')).toMatchObject({ score: 75, answered: 3, applicable: 3 });
    expect(r.overall.score).toBe(75);
    expect(r.overall.level?.id).toBe('mid');
    // Not asked means skipped for conditions, and skippedScore does not apply: no-crm cannot fire.
    expect(r.questions.filter((q) => !q.asked).map((q) => [q.info.question.id, q.state, q.score])).toEqual([
      ['has-crm', 'skipped', null],
      ['crm-quality', 'skipped', null],
      ['internal-only', 'skipped', null],
    ]);
    expect(fired(r)).toEqual([]);
  });

  it('asks the first perspective by default, without the other perspective’s questions', () => {
    const r = score(model, BEST);
    expect(r.perspective).toBe('internal');
    expect(r.questions.find((q) => q.info.question.id === 'customer-only')).toMatchObject({ asked: false, state: 'skipped' });
    expect(r.overall.score).toBe(100);
  });
});

describe('the CLI with v1.1 files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kamcheck-v11-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('reports a customer file in the customer’s wording, with only the questions asked', async () => {
    const f = file(
      'customer.yaml',
      'kamcheck: 1\nquestionnaire: v11\nperspective: customer\nanswers:\n  sponsor: true\n  responsiveness: 2\n  customer-only: true\n',
    );
    const r = await runCli(['report', f, '-q', Q, '-f', 'json', '--lang', 'en']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.perspective).toBe('customer');
    expect(report.overall).toMatchObject({ score: 75, cappedBy: [], uncappedScore: 75 });
    expect(report.answers.map((a: { id: string }) => a.id)).toEqual(['sponsor', 'responsiveness', 'customer-only']);
    expect(report.answers[0].text).toBe('Do you know a senior executive at the supplier who looks after your account?');
  });

  it('shows the overall cap and its rule in the JSON report', async () => {
    const f = file(
      'capped.yaml',
      'kamcheck: 1\nquestionnaire: v11\nanswers: { has-crm: true, crm-quality: 5, sponsor: false, responsiveness: 5, internal-only: true }\n',
    );
    const report = JSON.parse((await runCli(['report', f, '-q', Q, '-f', 'json'])).stdout);
    expect(report.overall).toMatchObject({ score: 45, uncappedScore: 75, cappedBy: ['no-sponsor'], level: { id: 'low' } });
    expect(report.remedies[0]).toMatchObject({ id: 'no-sponsor', phase: 2, overallCap: 45, cap: null, priority: 5 });
  });

  it('refuses answers outside the file’s perspective, unknown perspectives and unknown targets, with locations', async () => {
    const f = file(
      'bad.yaml',
      [
        'kamcheck: 1',
        'questionnaire: v11',
        'perspective: customer',
        'targets: { overall: 60, relationshp: 70 }',
        'answers:',
        '  sponsor: true',
        '  internal-only: true',
        '',
      ].join('\n'),
    );
    const r = await runCli(['validate', f, '-q', Q]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${f}:4:25: error: unknown target "relationshp": use "overall" or a dimension id; did you mean "relationship"?`,
    );
    expect(r.stderr).toContain(`${f}:7:3: error: question "internal-only" is not asked of the customer perspective (asked of: internal)`);
    const g = file('persp.yaml', 'kamcheck: 1\nquestionnaire: v11\nperspective: custmer\nanswers: {}\n');
    const r2 = await runCli(['validate', g, '-q', Q]);
    expect(r2.stderr).toContain(`${g}:3:14: error: unknown perspective "custmer"; did you mean "customer"? (declared: internal, customer)`);
  });

  it('refuses v1.1 keys used wrongly in a questionnaire, each at its place', async () => {
    const text = [
      'kamcheck: 1',
      'id: bad',
      'version: "1"',
      'locales: [en]',
      'title: Bad',
      'perspectives: [{ id: internal }, { id: customer }]',
      'levels: [{ id: a, min: 0, title: A }, { id: b, min: 50, title: B }]',
      'dimensions:',
      '  - id: d',
      '    title: D',
      '    questions:',
      '      - { id: q1, type: boolean, text: Q1, skippedScore: 0 }',
      '      - { id: q2, type: boolean, text: Q2, audience: [internal, customr] }',
      '      - { id: q3, type: boolean, text: Q3, as: { customer: { text: Q3c } } }',
      '      - { id: q4, type: text, text: Q4, when: { answer: q1, eq: true }, skippedScore: 1 }',
      'rules:',
      '  - { id: r, when: { answer: q1, eq: false }, overallCap: 120, phase: 4, title: R, actions: [A] }',
      '',
    ].join('\n');
    const f = file('bad-q.yaml', text);
    const r = await runCli(['validate', f]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        `${f}:17:59: error: "overallCap" must be at most 100, not 120`,
        `${f}:17:71: error: "phase" must be at most 3, not 4`,
      ]),
    );
    const r2 = await runCli(['validate', file('bad-q2.yaml', text.replace(/overallCap: 120, phase: 4, /, ''))]);
    expect(
      r2.stderr
        .trim()
        .split('\n')
        .map((l) => l.replace(/^[^:]*:/, '')),
    ).toEqual([
      '12:44: error: "skippedScore" needs "when": only a question that can be skipped has a score when skipped',
      '13:65: error: unknown perspective "customr"; did you mean "customer"? (declared: internal, customer)',
      `14:50: error: wording for perspective "customer", which is not in this question's "audience"; add it there or remove this wording`,
      '15:73: error: "skippedScore" on a question that is not scored (text or weight 0); remove it',
    ]);
  });

  it('init and show give a perspective its own questions in its own words', async () => {
    const init = await runCli(['init', '-q', Q, '--perspective', 'customer', '--lang', 'en']);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('perspective: customer\n');
    expect(init.stdout).toContain('Do you know a senior executive at the supplier');
    expect(init.stdout).not.toContain('internal-only');
    expect(init.stdout).not.toContain('has-crm');
    const filled = init.stdout.replace('  sponsor:', '  sponsor: true');
    const report = JSON.parse((await runCli(['report', '-', '-q', Q, '-f', 'json'], { stdin: filled })).stdout);
    expect(report.perspective).toBe('customer');
    const show = await runCli(['show', '-q', Q, '--perspective', 'customer', '--lang', 'en']);
    expect(show.stdout).toContain('How quickly does the supplier answer you?');
    expect(show.stdout).not.toContain('Systems');
    const wrong = await runCli(['show', '-q', Q, '--perspective', 'customers']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe(
      'kamcheck: error: unknown perspective "customers"; did you mean "customer"? (this questionnaire has: internal, customer)\n',
    );
  });
});
