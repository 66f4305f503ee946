// What every reader of a YAML file shares, without the YAML library: the limits, the characters refused, and a
// parsed file that still knows where each value came from. A report from a plain answers file never loads the
// full parser (src/load/yaml.ts); the fast reader (src/load/fast-yaml.ts) gives the same data and positions.

export const MAX_BYTES = 5 * 1024 * 1024;

// C0 controls other than tab, LF and CR; DEL; C1 controls: they can rewrite a terminal. Bidirectional
// embeddings, overrides and isolates (U+202A–202E, U+2066–2069): they can make a report read other than it is.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
export const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** The same for a parsed string, where a carriage return can only come from an escape ("\r"): it rewrites a line. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above.
export const TEXT_CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export type Path = readonly (string | number)[];

/** A parsed YAML file that still knows where each value came from. */
export interface Source {
  file: string;
  text: string;
  data: Record<string, unknown>;
  /**
   * Line and column (from 1) of the value at `path`; with `key`, of the key naming its last step. A path that
   * goes further than the file gives the nearest ancestor's.
   */
  position(path: Path, key: boolean): { line: number; column: number };
}

/** Where the value at `path` is, for a message. */
export function locate(source: Source, path: Path, key = false): { file: string; line: number; column: number } {
  return { file: source.file, ...source.position(path, key) };
}

/** The name of the field at `path`, for messages: its last key (list positions are skipped). */
export function fieldName(path: Path): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return String(path[i]);
  return '';
}

/** Line starts of a text, for turning offsets into lines and columns by binary search. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Line and column (from 1) of an offset, given the text's line starts. */
export function positionOf(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
}
