import { type Model, perspectiveOf } from '../core/model.js';
import { strings } from '../i18n/ui.js';
import { closest } from '../load/issues.js';
import { UsageError } from './io.js';

/** The perspective a command works for: --perspective, else an answers file's, else the questionnaire's first. */
export function choosePerspective(model: Model, flag: string | undefined, fromFile: string | undefined, tool: string): string {
  const known = model.perspectives.map((p) => p.id);
  if (flag !== undefined && !known.includes(flag)) {
    throw new UsageError(`kamcheck: error: ${strings(tool).unknownPerspective(flag, known.join(', '), closest(flag, known))}`);
  }
  if (flag !== undefined && fromFile !== undefined && flag !== fromFile) {
    throw new UsageError(`kamcheck: error: ${strings(tool).perspectiveMismatch(flag, fromFile)}`);
  }
  return flag ?? fromFile ?? perspectiveOf(model, undefined);
}

/** True when the perspective is not the questionnaire's first, so files must say it. */
export const isOtherPerspective = (model: Model, perspective: string): boolean => perspective !== perspectiveOf(model, undefined);
