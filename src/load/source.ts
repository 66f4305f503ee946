import type { Diagnostic } from '../diagnostics.js';
import { fastSource } from './fast-yaml.js';
import { parseYaml, type Source } from './yaml.js';

/**
 * Run `check` on a YAML file read by the fast reader when it takes the file (most files, questionnaires included:
 * several times faster, in a fraction of the memory), else by the yaml library. When the file was read fast and
 * `check` finds anything, `check` runs again on the file read by the yaml library, whose positions and checks
 * every message is made with. So a check that only locates things to report them can do without the nodes of a
 * file read fast (`nodes` false: the data only, some 2 kB less a question of a questionnaire). `check` is told
 * whether its source was read fast.
 */
export function exactly<T extends { diagnostics: Diagnostic[] }>(
  file: string,
  bytes: Uint8Array,
  check: (source: Source, fast: boolean) => T,
  nodes = true,
): T | { diagnostics: Diagnostic[] } {
  const fast = fastSource(file, bytes, nodes);
  if (fast) {
    const first = check(fast, true);
    if (first.diagnostics.length === 0) return first;
  }
  const { source, diagnostics } = parseYaml(file, bytes);
  return source ? check(source, false) : { diagnostics };
}
