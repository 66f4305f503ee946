import { readFileSync } from 'node:fs';
import type { Model } from '../core/model.js';
import type { Answer } from '../core/score.js';
import { checkAnswers, parseAnswers } from '../load/answers.js';

/** The answers an answers file holds now, or none when it is missing or cannot be read. */
function answersOnDisk(path: string, model: Model): Map<string, Answer> {
  try {
    const { parsed } = parseAnswers(path, readFileSync(path));
    return parsed ? checkAnswers(parsed, model).answers : new Map();
  } catch {
    return new Map();
  }
}

/**
 * What a save writes: the session's answers, and any answer that appeared in the file after the session's
 * first save without the session ever holding it (written by someone else meanwhile): a save never drops an
 * answer from the disk that is not in memory. What the file held when the session began (a resumed file, or
 * one replaced with --force) and answers the session cleared are the session's to keep or drop.
 */
export function keeper(path: string, model: Model, initial: ReadonlyMap<string, Answer>) {
  const known = new Set(initial.keys());
  const foreign = new Map<string, Answer>();
  let first = true;
  return (answers: ReadonlyMap<string, Answer>): Map<string, Answer> => {
    for (const id of answers.keys()) known.add(id);
    for (const [id, a] of answersOnDisk(path, model)) {
      if (first) known.add(id);
      else if (!known.has(id)) foreign.set(id, a);
    }
    first = false;
    for (const id of answers.keys()) foreign.delete(id);
    return new Map([...foreign, ...answers]);
  };
}
