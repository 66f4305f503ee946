import * as z from 'zod/mini';
import { AnswersFile } from '../../schema/answers.js';
import { Explanation } from '../../schema/explanation.js';
import { Questionnaire } from '../../schema/questionnaire.js';
import { Report } from '../../schema/report.js';
import type { GlobalOptions } from '../context.js';
import type { Io } from '../io.js';

const SCHEMAS = { questionnaire: Questionnaire, answers: AnswersFile, report: Report, explanation: Explanation };
export type SchemaKind = keyof typeof SCHEMAS;

/** The JSON Schema of one file kind, generated from its zod schema. */
export function jsonSchema(kind: SchemaKind): string {
  const schema = z.toJSONSchema(SCHEMAS[kind], {
    io: kind === 'report' || kind === 'explanation' ? 'output' : 'input',
    unrepresentable: 'any',
  });
  const titled = { ...schema, title: `kamcheck ${kind} (format 1)` };
  return `${JSON.stringify(titled, null, 2)}\n`;
}

export default async function schema(io: Io, _g: GlobalOptions, args: string[]): Promise<number> {
  io.stdout.write(jsonSchema(args[0] as SchemaKind));
  return 0;
}
