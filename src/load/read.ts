import type { Diagnostic } from '../diagnostics.js';
import { fastSource } from './fast-yaml.js';
import type { Source } from './source.js';
import { parseYaml } from './yaml.js';

/**
 * A YAML file read by the fast reader when it takes the file (most files, questionnaires included: several times
 * faster, in a fraction of the memory), else by the yaml library. Both give the same data and positions
 * (tests/fast-yaml.test.ts). With `nodes` false the fast reader keeps the data only and reads the positions again
 * when a message first asks for one: a questionnaire that passes its checks never needs them.
 */
export function readYaml(file: string, bytes: Uint8Array, nodes = true): { source?: Source; diagnostics: Diagnostic[] } {
  const fast = fastSource(file, bytes, nodes);
  return fast ? { source: fast, diagnostics: [] } : parseYaml(file, bytes);
}
