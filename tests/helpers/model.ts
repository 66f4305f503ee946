import { readFileSync } from 'node:fs';
import type { Model } from '../../src/core/model.js';
import { type Answer, evaluate, type Result } from '../../src/core/score.js';
import { formatDiagnostic } from '../../src/i18n/diagnostics.js';
import { checkAnswers, parseAnswers } from '../../src/load/answers.js';
import { loadQuestionnaire } from '../../src/load/questionnaire.js';

/** A model from YAML text; fails the test with every diagnostic if the text is not a valid questionnaire. */
export function modelFrom(yaml: string, file = 'test.yaml'): Model {
  const { loaded, diagnostics } = loadQuestionnaire(file, Buffer.from(yaml));
  if (!loaded) throw new Error(diagnostics.map((d) => formatDiagnostic(d, false)).join('\n'));
  return loaded.model;
}

export const modelFromFile = (path: string): Model => modelFrom(readFileSync(path, 'utf8'), path);

/** Score answers given as plain data (as they would be written in an answers file). */
export function score(model: Model, answers: Record<string, unknown>, perspective?: string): Result {
  const yaml = JSON.stringify({ kamcheck: 1, questionnaire: model.doc.id, ...(perspective ? { perspective } : {}), answers });
  const { parsed, diagnostics } = parseAnswers('answers.yaml', Buffer.from(yaml));
  if (!parsed || diagnostics.length > 0) throw new Error(diagnostics.map((d) => formatDiagnostic(d, false)).join('\n'));
  const checked = checkAnswers(parsed, model);
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((d) => formatDiagnostic(d, false)).join('\n'));
  return evaluate(model, checked.answers, { perspective });
}

export const answersMap = (o: Record<string, Answer>): Map<string, Answer> => new Map(Object.entries(o));

export const dim = (r: Result, id: string) => {
  const d = r.dimensions.find((x) => x.dimension.id === id);
  if (!d) throw new Error(`no dimension ${id}`);
  return d;
};
