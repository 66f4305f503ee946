// Re-scoring for a plan: the result of some answers with a few changed, from the result of the answers as given.
import { conditionQuestions } from './conditions.js';
import { type Model, type QuestionInfo, sameValue } from './model.js';
import {
  type Answer,
  complete,
  factsOf,
  type QuestionResult,
  questionResult,
  type Result,
  type ResultsById,
  type Scoring,
  scoredWith,
} from './score.js';

/** A re-scoring's results: the questions scored again, over the results of the scoring it starts from. */
class Overlay implements ResultsById {
  readonly changed = new Map<string, QuestionResult>();
  constructor(private readonly base: ReadonlyMap<string, QuestionResult>) {}
  get(id: string): QuestionResult | undefined {
    return this.changed.get(id) ?? this.base.get(id);
  }
  set(id: string, r: QuestionResult): void {
    this.changed.set(id, r);
  }
}

/** What a changed answer can reach, per questionnaire: the questions whose `when` names a question (all later in the file). */
const reaches = new WeakMap<Model, Map<string, string[]>>();
function dependentsOf(model: Model): Map<string, string[]> {
  let dependents = reaches.get(model);
  if (!dependents) {
    dependents = new Map<string, string[]>();
    for (const info of model.questions) {
      if (!info.question.when) continue;
      for (const named of conditionQuestions(info.question.when)) {
        const list = dependents.get(named) ?? [];
        list.push(info.question.id);
        dependents.set(named, list);
      }
    }
    reaches.set(model, dependents);
  }
  return dependents;
}

// Each result's questions by id, made once: a plan re-scores one result some tens of times.
const byIdOf = new WeakMap<Result, Map<string, QuestionResult>>();
function resultsById(result: Result): Map<string, QuestionResult> {
  let m = byIdOf.get(result);
  if (!m) {
    m = new Map(result.questions.map((q) => [q.info.question.id, q]));
    byIdOf.set(result, m);
  }
  return m;
}

/**
 * The result of `base`'s answers with some changed, scores only (as `evaluate` with `scoresOnly`, and without
 * warnings): what a plan computes for every remedy. Only the questions the change can reach are scored again:
 * the changed answers, then, in file order, each question whose `when` names a question whose result changed; the
 * others keep their results. tests/plan.test.ts holds it to `evaluate` on random answers and changes.
 */
export function rescore(model: Model, base: Result, changes: ReadonlyMap<string, Answer>): Result {
  const perspective = base.perspective;
  const before = resultsById(base);
  const results = new Overlay(before);
  const scoring: Scoring = { results, dimRaw: new Map(), overallRaw: null };
  const facts = factsOf(model, scoring);
  const dependents = dependentsOf(model);
  // Questions to score again, kept in file order: a question's dependents all come after it.
  const pending: number[] = [];
  const add = (id: string) => {
    const i = model.byId.get(id)?.index;
    if (i === undefined || pending.includes(i)) return;
    let at = pending.length;
    while (at > 0 && (pending[at - 1] as number) > i) at--;
    pending.splice(at, 0, i);
  };
  changes.forEach((_, id) => {
    add(id);
  });
  const value = (x: QuestionResult) => (x.state === 'answered' ? x.answer?.value : undefined);
  // The base's list in this model's order, with the questions scored again put in: when the base was scored with
  // this very model (as a plan's is), its list follows the model's order; otherwise each result is looked up.
  const sameModel = scoredWith(base.questions) === model;
  const questions = sameModel ? base.questions.slice() : [];
  for (let k = 0; k < pending.length; k++) {
    const at = pending[k] as number;
    const info = model.questions[at] as QuestionInfo;
    const id = info.question.id;
    const old = before.get(id) as QuestionResult;
    const r = questionResult(info, changes.get(id) ?? old.answer, perspective, facts);
    results.set(id, r);
    if (sameModel) questions[at] = r;
    const next = r.state !== old.state || r.score !== old.score || !sameValue(value(r), value(old)) ? dependents.get(id) : undefined;
    if (next) for (let j = 0; j < next.length; j++) add(next[j] as string);
  }
  // The sums of a dimension none of whose questions was scored again are the base's.
  const touched = new Set<string>();
  results.changed.forEach((r) => {
    touched.add(r.info.dimension.id);
  });
  const list = sameModel ? questions : model.questions.map((q) => results.get(q.question.id) as QuestionResult);
  return complete(model, perspective, scoring, list, facts, [], { scoresOnly: true }, { base, touched });
}
