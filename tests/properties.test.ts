import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel, type Model } from '../src/core/model.js';
import { type Answer, evaluate, type Result } from '../src/core/score.js';
import type { Question, Questionnaire, Rule } from '../src/schema/questionnaire.js';

// Questionnaires built as data: 1–4 dimensions of 1–5 choice, boolean or number questions, random weights,
// random rules over answers, question scores and dimension scores, some with caps. No `when`, so that one
// answer cannot change which other questions apply.
const weight = fc.integer({ min: 1, max: 20 });
const unit = fc.integer({ min: 0, max: 20 }).map((n) => n / 20);

const question = (id: string): fc.Arbitrary<Question> =>
  fc.oneof(
    fc.record({ w: weight, scores: fc.array(unit, { minLength: 2, maxLength: 5 }) }).map(
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
    fc.record({ w: weight, from: fc.integer({ min: 0, max: 50 }), span: fc.integer({ min: 1, max: 50 }), up: fc.boolean() }).map(
      ({ w, from, span, up }): Question => ({
        id,
        type: 'number',
        text: id,
        weight: w,
        min: 0,
        max: 100,
        scoring: up ? { from, to: from + span } : { from: from + span, to: from },
      }),
    ),
  );

const questionnaire: fc.Arbitrary<Questionnaire> = fc
  .array(fc.record({ w: weight, n: fc.integer({ min: 1, max: 5 }) }), { minLength: 1, maxLength: 4 })
  .chain((dims) => {
    const ids = dims.flatMap((d, di) => Array.from({ length: d.n }, (_, qi) => `q${di}-${qi}`));
    return fc
      .tuple(
        fc.tuple(...ids.map((id) => question(id))),
        fc.array(
          fc.record({
            target: fc.constantFrom(...ids),
            dim: fc.integer({ min: 0, max: dims.length }),
            kind: fc.constantFrom('qscore', 'dscore', 'answered'),
            bound: fc.integer({ min: 0, max: 100 }),
            severity: fc.constantFrom('critical', 'high', 'medium', 'low' as const),
            weight,
            cap: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
          }),
          { maxLength: 8 },
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
              r.kind === 'qscore'
                ? { questionScore: r.target, lt: r.bound / 100 }
                : r.kind === 'dscore'
                  ? { score: dimension ?? 'overall', lte: r.bound }
                  : { answer: r.target, is: 'answered' as const };
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

/** Random answers for a model: each question unanswered, na, or given a value it accepts. */
const answersFor = (m: Model): fc.Arbitrary<Map<string, Answer>> =>
  fc
    .tuple(
      ...m.questions.map((info) => {
        const q = info.question;
        const value: fc.Arbitrary<Answer> =
          q.type === 'choice'
            ? fc.constantFrom(...q.options.map((o) => ({ value: o.value })))
            : q.type === 'boolean'
              ? fc.boolean().map((value) => ({ value }))
              : fc.integer({ min: 0, max: 100 }).map((value) => ({ value }));
        return fc.oneof(fc.constant(undefined), fc.constant(info.naAllowed ? { na: true } : undefined), value);
      }),
    )
    .map((as) => new Map(as.flatMap((a, i) => (a ? [[m.questions[i]?.question.id as string, a] as const] : []))));

const case_ = questionnaire.chain((doc) => {
  const m = buildModel(doc);
  return answersFor(m).map((answers) => ({ doc, m, answers }));
});

const numbers = (r: Result) => ({
  dims: r.dimensions.map((d) => [d.raw, d.score, d.coverage, d.cappedBy]),
  overall: [r.overall.score, r.overall.coverage, r.overall.level?.id],
});
/** Deep equality, numbers within 1e-7: snapping to nine decimals can still round two near-equal sums apart by 1e-9. */
function close(a: unknown, b: unknown, path = '$'): void {
  if (typeof a === 'number' && typeof b === 'number') {
    expect(Math.abs(a - b), `${path}: ${a} vs ${b}`).toBeLessThan(1e-7);
  } else if (Array.isArray(a) && Array.isArray(b)) {
    expect(a.length, path).toBe(b.length);
    for (const [i, x] of a.entries()) close(x, b[i], `${path}[${i}]`);
  } else if (a && b && typeof a === 'object' && typeof b === 'object') {
    expect(Object.keys(a).sort(), path).toEqual(Object.keys(b).sort());
    for (const k of Object.keys(a)) close((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
  } else {
    expect(a, path).toEqual(b);
  }
}

describe('scoring invariants (property-based)', () => {
  it('scores stay within 0–100 and coverage within 0–1', () => {
    fc.assert(
      fc.property(case_, ({ m, answers }) => {
        const r = evaluate(m, answers);
        for (const s of [...r.dimensions.flatMap((d) => [d.raw, d.score]), r.overall.score]) {
          if (s !== null) expect(s >= 0 && s <= 100).toBe(true);
        }
        for (const c of [...r.dimensions.map((d) => d.coverage), r.overall.coverage]) expect(c >= 0 && c <= 1).toBe(true);
        for (const q of r.questions) if (q.score !== null) expect(q.score >= 0 && q.score <= 1).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('multiplying every question and dimension weight by one factor changes nothing', () => {
    fc.assert(
      fc.property(case_, fc.integer({ min: 2, max: 9 }), ({ doc, m, answers }, k) => {
        const scaled = buildModel({
          ...doc,
          dimensions: doc.dimensions.map((d) => ({
            ...d,
            weight: (d.weight ?? 1) * k,
            questions: d.questions.map((q) => ({ ...q, weight: (q.weight ?? 1) * k })),
          })),
        });
        const a = evaluate(m, answers);
        const b = evaluate(scaled, answers);
        close(numbers(b), numbers(a));
        close(
          b.remedies.map((r) => [r.rule.id, r.priority]),
          a.remedies.map((r) => [r.rule.id, r.priority]),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("raising one answer's score never lowers its dimension's raw score", () => {
    fc.assert(
      fc.property(case_, fc.nat(), ({ m, answers }, pick) => {
        const choices = m.questions.filter((q) => q.question.type === 'choice');
        const info = choices[pick % Math.max(1, choices.length)];
        if (info?.question.type !== 'choice') return;
        const before = evaluate(m, answers);
        const current = before.questions.find((q) => q.info === info)?.score ?? -1;
        const better = info.question.options.find((_, i) => (info.optionScores[i] ?? 0) > current);
        if (!better) return;
        const after = evaluate(m, new Map([...answers, [info.question.id, { value: better.value }]]));
        const d = info.dimension.id;
        const rawBefore = before.dimensions.find((x) => x.dimension.id === d)?.raw ?? null;
        const rawAfter = after.dimensions.find((x) => x.dimension.id === d)?.raw ?? null;
        // an unanswered question that gets an answer may lower the mean; only compare answered → better
        if (current >= 0 && rawBefore !== null) expect((rawAfter ?? 0) + 1e-9 >= rawBefore).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('reordering rules changes nothing but the order of equal-priority remedies', () => {
    fc.assert(
      fc.property(case_, fc.nat(), ({ doc, m, answers }, seed) => {
        const rules = [...(doc.rules ?? [])];
        // a deterministic shuffle from the seed
        for (let i = rules.length - 1; i > 0; i--) {
          const j = (seed + i * 7919) % (i + 1);
          [rules[i], rules[j]] = [rules[j] as Rule, rules[i] as Rule];
        }
        const a = evaluate(m, answers);
        const b = evaluate(buildModel({ ...doc, rules }), answers);
        // Caps that tie are listed in file order, so compare them as sets.
        const dims = (r: Result) => r.dimensions.map((d) => [d.raw, d.score, d.coverage, [...d.cappedBy].sort()]);
        close(dims(b), dims(a));
        close([b.overall.score, b.overall.coverage], [a.overall.score, a.overall.coverage]);
        const key = (r: Result) => r.remedies.map((x) => [x.priority, x.severity]);
        close(key(b), key(a));
        expect(b.remedies.map((x) => x.rule.id).sort()).toEqual(a.remedies.map((x) => x.rule.id).sort());
      }),
      { numRuns: 300 },
    );
  });
});
