import * as z from 'zod/mini';

/** The keys every JSON document kamcheck writes starts with: format, kind, tool, questionnaire and language. */
export const documentHead = <K extends string>(kind: K) => ({
  kamcheck: z.literal(1),
  kind: z.literal(kind),
  tool: z.object({ name: z.literal('kamcheck'), version: z.string() }),
  questionnaire: z.object({ id: z.string(), version: z.string(), title: z.string() }),
  locale: z.string(),
});
