import type { Diagnostic } from '../diagnostics.js';
import { fastSource } from './fast-yaml.js';
import type { Source } from './source.js';
import { parseYaml } from './yaml.js';

/**
 * Run `check` on a YAML file read by the fast reader when it takes the file (most files, questionnaires included:
 * several times faster, in a fraction of the memory), else by the yaml library, whose positions the fast reader
 * gives too (tests/fast-yaml.test.ts). With `nodes` false the file is first read for its data only (some 2 kB less
 * a question of a questionnaire), for a check that locates things only to report them: when it finds anything,
 * it runs again on the file read with its nodes. `check` is told how its source was read.
 */
export function exactly<T extends { diagnostics: Diagnostic[] }>(
  file: string,
  bytes: Uint8Array,
  check: (source: Source, read: 'data' | 'fast' | 'yaml') => T,
  nodes = true,
): T | { diagnostics: Diagnostic[] } {
  let fast = fastSource(file, bytes, nodes);
  if (fast) {
    let first: T | undefined = check(fast, nodes ? 'fast' : 'data');
    if (nodes || first.diagnostics.length === 0) return first;
    // What the first reading made is dropped before the second one: a large file's data is tens of megabytes.
    first = undefined;
    fast = undefined;
    return check(fastSource(file, bytes) as Source, 'fast');
  }
  const { source, diagnostics } = parseYaml(file, bytes);
  return source ? check(source, 'yaml') : { diagnostics };
}
