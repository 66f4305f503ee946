import type { Explanation } from '../schema/explanation.js';

/** The explanation as JSON (`kind: "explanation"`), two-space indented. */
export const renderExplainJson = (doc: Explanation): string => `${JSON.stringify(doc, null, 2)}\n`;
