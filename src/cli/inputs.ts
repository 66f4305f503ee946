import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Model } from '../core/model.js';
import { answersFromSource, checkAnswers } from '../load/answers.js';
import { readYaml } from '../load/read.js';
import { displayName, type Io, readInput, UsageError } from './io.js';

const ANSWERS_FILE = /\.ya?ml$/i;

/** Every answers file below a folder, in path order; names starting with `.` are left out. */
function walk(dir: string, shown: string, out: string[], seen = new Set<string>()): void {
  // A symbolic link back to a folder above would otherwise be walked for ever.
  const real = realpathSync(dir);
  if (seen.has(real)) return;
  seen.add(real);
  const entries = readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = join(dir, e.name);
    const isDir = e.isDirectory() || (e.isSymbolicLink() && statSync(path, { throwIfNoEntry: false })?.isDirectory() === true);
    if (isDir) walk(path, join(shown, e.name), out, seen);
    else if (ANSWERS_FILE.test(e.name)) out.push(join(shown, e.name));
  }
}

/**
 * The answers files named by command-line arguments: files as given, folders as every `*.yaml`/`*.yml` below
 * them in path order, `-` as a list of paths on standard input (one per line). A path given twice counts once.
 */
export async function expandInputs(io: Io, args: readonly string[], noFiles: (path: string) => string): Promise<string[]> {
  const given: string[] = [];
  for (const arg of args) {
    if (arg !== '-') given.push(arg);
    else {
      const list = Buffer.from(await readInput(io, '-')).toString('utf8');
      for (const line of list.split(/\r?\n/)) if (line.trim() !== '') given.push(line.trim());
    }
  }
  const seen = new Set<string>();
  const out: string[] = [];
  for (const path of given) {
    const full = resolve(io.cwd, path);
    const stat = statSync(full, { throwIfNoEntry: false });
    if (!stat) throw new UsageError(`kamcheck: error: cannot read ${path}: no such file`);
    const found: string[] = [];
    if (stat.isDirectory()) {
      walk(full, path, found);
      if (found.length === 0) throw new UsageError(`kamcheck: error: ${noFiles(path)}`);
    } else found.push(path);
    for (const f of found) {
      const key = resolve(io.cwd, f);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(f);
    }
  }
  return out;
}

/** The bytes of one file, read synchronously: files are taken one at a time and dropped once scored. */
export function readFileNow(io: Io, path: string): Uint8Array {
  try {
    return readFileSync(resolve(io.cwd, path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (e as Error).message;
    throw new UsageError(`kamcheck: error: cannot read ${path}: ${why}`);
  }
}

/**
 * An answers file read and checked: by the fast reader where it takes the file (most are plain YAML), else by the
 * full parser; both give the same positions to every message.
 */
export function readChecked(file: string, bytes: Uint8Array, model: Model) {
  const { source, diagnostics } = readYaml(displayName(file), bytes, false);
  const { parsed, diagnostics: shape } = source ? answersFromSource(source) : { parsed: undefined, diagnostics };
  const checked = parsed ? checkAnswers(parsed, model) : undefined;
  return { parsed, checked, found: [...shape, ...(checked?.diagnostics ?? [])] };
}

/** The bytes of a file argument, read now; `-` is standard input. */
export const readArgument = async (io: Io, file: string): Promise<Uint8Array> =>
  file === '-' ? await readInput(io, '-') : readFileNow(io, file);
