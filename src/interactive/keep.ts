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
 * What a save writes: the session's answers, and any answer found in the file that this session never held
 * (written by someone else meanwhile): a save never drops an answer from the disk that is not in memory.
 * An answer the session held and then cleared stays cleared.
 */
export function keeper(path: string, model: Model, initial: ReadonlyMap<string, Answer>) {
  const held = new Set(initial.keys());
  const foreign = new Map<string, Answer>();
  return (answers: ReadonlyMap<string, Answer>): Map<string, Answer> => {
    for (const id of answers.keys()) held.add(id);
    for (const [id, a] of answersOnDisk(path, model)) if (!held.has(id)) foreign.set(id, a);
    for (const id of answers.keys()) foreign.delete(id);
    return new Map([...foreign, ...answers]);
  };
}
