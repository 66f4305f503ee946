// Properties of the team aggregation (SPEC §10) over random questionnaires and random teams.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel, type Model } from '../src/core/model.js';
import { type Answer, evaluate } from '../src/core/score.js';
import { type Member, memberOf, summarizeTeam, type TeamSummary } from '../src/core/team.js';
import type { Question, Questionnaire, Rule } from '../src/schema/questionnaire.js';

const weight = fc.integer({ min: 1, max: 9 });
const unit = fc.integer({ min: 0, max: 4 }).map((n) => n / 4);

const question = (id: string): fc.Arbitrary<Question> =>
  fc.oneof(
    fc.record({ w: weight, scores: fc.array(unit, { minLength: 2, maxLength: 4 }) }).map(
      ({ w, scores }): Question => ({
        id,
        type: 'choice',
        text: id,
        weight: w,
        na: true,
        options: scores.map((score, i) => ({ value: `o${i}`, label: `o${i}`, score })),
      }),
    ),
    weight.map((w): Question => ({ id, type: 'boolean', text: id, weight: w })),
  );

// No `overallCap`: SPEC §10 takes the team overall from the dimension scores, so a respondent's own overall cap
// is the one number a team of one does not repeat.
const questionnaire: fc.Arbitrary<Questionnaire> = fc
  .array(fc.record({ w: weight, n: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 3 })
  .chain((dims) => {
    const ids = dims.flatMap((d, di) => Array.from({ length: d.n }, (_, qi) => `q${di}-${qi}`));
    return fc
      .tuple(
        fc.tuple(...ids.map((id) => question(id))),
        fc.array(
          fc.record({
            target: fc.constantFrom(...ids),
            dim: fc.integer({ min: 0, max: dims.length }),
            kind: fc.constantFrom('qscore', 'dscore'),
            bound: fc.integer({ min: 0, max: 100 }),
            severity: fc.constantFrom('critical', 'high', 'medium', 'low' as const),
            weight,
            cap: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
          }),
          { maxLength: 5 },
        ),
      )
      .map(([questions, rules]): Questionnaire => {
        const starts = dims.map((_, i) => dims.slice(0, i).reduce((s, d) => s + d.n, 0));
        return {
          kamcheck: 1,
          id: 'p',
          version: '1',
          locales: ['en'],
          title: 'P',
          levels: [
            { id: 'a', min: 0, title: 'A' },
            { id: 'b', min: 60, title: 'B' },
          ],
          dimensions: dims.map((d, di) => ({
            id: `d${di}`,
            title: `D${di}`,
            weight: d.w,
            questions: questions.slice(starts[di], (starts[di] ?? 0) + d.n),
          })),
          rules: rules.map((r, i): Rule => {
            const dimension = r.dim < dims.length ? `d${r.dim}` : undefined;
            const when =
              r.kind === 'qscore' ? { questionScore: r.target, lt: r.bound / 100 } : { score: dimension ?? 'overall', lte: r.bound };
            return {
              id: `r${i}`,
              when,
              severity: r.severity,
              weight: r.weight,
              title: 'r',
              actions: ['a'],
              ...(dimension ? { dimension } : {}),
              ...(dimension && r.cap !== undefined ? { cap: r.cap } : {}),
            };
          }),
        };
      });
  });

const answersFor = (m: Model): fc.Arbitrary<Map<string, Answer>> =>
  fc
    .tuple(
      ...m.questions.map((info) => {
        const q = info.question;
        const value: fc.Arbitrary<Answer> =
          q.type === 'choice' ? fc.constantFrom(...q.options.map((o) => ({ value: o.value }))) : fc.boolean().map((value) => ({ value }));
        return fc.oneof(fc.constant(undefined), fc.constant(info.naAllowed ? { na: true } : undefined), value, value);
      }),
    )
    .map((as) => new Map(as.flatMap((a, i) => (a ? [[m.questions[i]?.question.id as string, a] as const] : []))));

const respondent = (m: Model) =>
  fc.record({ answers: answersFor(m), role: fc.option(fc.constantFrom('sales', 'production', 'quality'), { nil: undefined }) });

const team = questionnaire.chain((doc) => {
  const model = buildModel(doc);
  return fc.array(respondent(model), { minLength: 1, maxLength: 6 }).map((rs) => ({
    model,
    members: rs.map((r, i) =>
      memberOf(evaluate(model, r.answers), { file: `r${i}.yaml`, respondent: r.role ? { role: r.role } : {}, date: null }, 'role'),
    ),
  }));
});

const summarize = (model: Model, members: readonly Member[]) => summarizeTeam(model, members, { by: 'role', disagree: 0.5 });

/** Every score of a summary (not the counts), for comparing teams of different sizes. */
function scores(s: TeamSummary) {
  return {
    overall: [s.overall.score, s.overall.coverage],
    dimensions: s.dimensions.map((d) => [
      d.stats.mean,
      d.stats.median,
      d.stats.min,
      d.stats.max,
      d.stats.sd,
      // Consensus needs two scores: a lone score has none, and two copies of it agree.
      d.stats.n < 2 ? 'alone' : d.stats.consensus,
      d.coverage,
    ]),
    groups: s.groups.map((g) => [g.value, g.overall, ...g.dimensions]),
    gaps: s.gaps.map((g) => [g.dimension.id, g.gap, g.flagged]),
    disputed: s.disputed.map((d) => [d.info.question.id, d.mean, d.min, d.max, d.spread, d.answers.map((a) => [a.value, a.score])]),
    remedies: s.remedies.map((r) => [r.rule.id, r.priority, r.groups]),
  };
}

describe('team aggregation properties', () => {
  it('a team of one equals that respondent’s report', () => {
    fc.assert(
      fc.property(
        questionnaire.chain((doc) => {
          const model = buildModel(doc);
          return answersFor(model).map((answers) => ({ model, answers }));
        }),
        ({ model, answers }) => {
          const result = evaluate(model, answers);
          const s = summarize(model, [memberOf(result, { file: 'a.yaml', respondent: {}, date: null }, 'role')]);
          if (result.overall.score === null) expect(s.overall.score).toBeNull();
          else expect(s.overall.score).toBeCloseTo(result.overall.score, 9);
          expect(s.overall.coverage).toBe(result.overall.coverage);
          expect(s.overall.level?.id).toBe(result.overall.level?.id);
          s.dimensions.forEach((d, i) => {
            const own = result.dimensions[i];
            expect(d.stats.mean).toBe(own?.score);
            expect(d.coverage).toBe(own?.coverage);
            expect(d.level?.id).toBe(own?.level?.id);
          });
          expect(s.remedies.map((r) => r.rule.id)).toEqual(result.remedies.map((r) => r.rule.id));
          s.remedies.forEach((r, i) => {
            expect(r.priority).toBeCloseTo(result.remedies[i]?.priority as number, 9);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the order of the files does not change any number', () => {
    fc.assert(
      fc.property(
        team.chain(({ model, members }) =>
          fc.shuffledSubarray(members, { minLength: members.length }).map((shuffled) => ({ model, members, shuffled })),
        ),
        ({ model, members, shuffled }) => {
          expect(summarize(model, shuffled)).toEqual(summarize(model, members));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('duplicating every respondent leaves every team score unchanged', () => {
    fc.assert(
      fc.property(team, ({ model, members }) => {
        const once = scores(summarize(model, members));
        const twice = scores(summarize(model, [...members, ...members]));
        once.dimensions.forEach((d, i) => {
          if (d[5] === 'alone' && d[0] !== null) expect(twice.dimensions[i]?.[5]).toBe('high');
          if (d[5] === 'alone') twice.dimensions[i]?.splice(5, 1, 'alone');
        });
        expect(twice).toEqual(once);
      }),
      { numRuns: 200 },
    );
  });

  it('team remedies are exactly the rules that fired for someone, each with how many', () => {
    fc.assert(
      fc.property(team, ({ model, members }) => {
        const s = summarize(model, members);
        const fired = new Set(members.flatMap((m) => m.fired));
        expect(new Set(s.remedies.map((r) => r.index))).toEqual(fired);
        for (const r of s.remedies) expect(r.fired).toBe(members.filter((m) => m.fired.includes(r.index)).length);
      }),
      { numRuns: 200 },
    );
  });
});
