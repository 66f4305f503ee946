import { join } from 'node:path';
import fc from 'fast-check';
import type { Model, QuestionInfo } from '../../src/core/model.js';
import type { Answer, Result } from '../../src/core/score.js';
import { ROOT } from './cli.js';
import { modelFromFile } from './model.js';

export const bundled = (): Model => modelFromFile(join(ROOT, 'questionnaires/kam-five-pitfalls.yaml'));

export const dimScore = (r: Result | undefined, id: string): number | null =>
  r?.dimensions.find((d) => d.dimension.id === id)?.score ?? null;

/** Any accepted value of a question, canonical. */
function anyValue(info: QuestionInfo): fc.Arbitrary<Answer> {
  const q = info.question;
  const values = info.options.map((o) => o.value);
  switch (q.type) {
    case 'scale':
    case 'choice':
      return fc.constantFrom(...values).map((value) => ({ value }));
    case 'multi':
      return fc.subarray(values).map((value) => ({ value }));
    case 'boolean':
      return fc.boolean().map((value) => ({ value }));
    case 'number': {
      const min = q.min ?? 0;
      return fc.integer({ min, max: q.max ?? min + 100 }).map((value) => ({ value }));
    }
    case 'text':
      return fc.constant({ value: 'note' });
  }
}

/** Random answers for a model: each question unanswered, na where allowed, or any value it accepts. */
export const anyAnswers = (m: Model): fc.Arbitrary<Map<string, Answer>> =>
  fc
    .tuple(
      ...m.questions.map((info) =>
        fc.oneof(
          { arbitrary: fc.constant(undefined), weight: 1 },
          { arbitrary: fc.constant(info.naAllowed ? { na: true } : undefined), weight: 1 },
          { arbitrary: anyValue(info), weight: 4 },
        ),
      ),
    )
    .map((as) => new Map(as.flatMap((a, i) => (a ? [[m.questions[i]?.question.id as string, a] as const] : []))));
