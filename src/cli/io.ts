import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_BYTES } from '../load/source.js';
import type { Questionnaire } from '../schema/questionnaire.js';
import { type LocalePick, readEntry } from './cache.js';

/** Everything a command touches outside itself, passed in so tests can run the CLI in-process. */
export interface Io {
  argv: string[];
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** Terminal width: what stdout says, else COLUMNS, else 80. */
export const columnsOf = (io: Io): number => io.stdout.columns ?? (Number(io.env.COLUMNS) || 80);

/** A user-facing failure: message on stderr, exit code, no stack trace. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/**
 * At most MAX_BYTES + 1 bytes of a stream: one byte past the limit is enough for the parser to refuse the file,
 * and a device such as /dev/zero, a named pipe or a 200 MB file is never read whole.
 */
async function readStream(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    chunks.push(b);
    if (size > MAX_BYTES) break;
  }
  const all = Buffer.concat(chunks);
  return all.length > MAX_BYTES + 1 ? all.subarray(0, MAX_BYTES + 1) : all;
}

/** A file's bytes, up to MAX_BYTES + 1, read directly: a file stream costs more to start than a small file takes to read. */
function readBounded(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(size === 0 ? 256 * 1024 : Math.min(4 * 1024 * 1024, size));
      const n = readSync(fd, chunk, 0, Math.min(chunk.length, MAX_BYTES + 1 - size), null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      size += n;
      if (size > MAX_BYTES) break;
    }
    return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
  } finally {
    closeSync(fd);
  }
}

/** Why a file could not be read or written, in plain words rather than an errno. */
export function reasonOf(e: unknown, missing: string): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return missing;
  if (err.code === 'EISDIR') return 'is a directory';
  if (err.code === 'EACCES' || err.code === 'EPERM') return 'permission denied';
  if (err.code === 'ENOTDIR') return 'a part of the path is not a folder';
  if (err.code === 'ENOSPC') return 'no space left on the device';
  if (err.code === 'EROFS') return 'the file system is read-only';
  if (err.code === 'ENAMETOOLONG') return 'the name is too long';
  return err.code ?? err.message;
}

// Standard input can be read once; every `-` argument of one run gets the same bytes.
const stdinBytes = new WeakMap<Io, Promise<Uint8Array>>();

/** Bytes of a file argument; `-` is standard input. */
export async function readInput(io: Io, path: string): Promise<Uint8Array> {
  if (path === '-') {
    let bytes = stdinBytes.get(io);
    if (!bytes) {
      bytes = readStream(io.stdin);
      stdinBytes.set(io, bytes);
    }
    return bytes;
  }
  if (path === '') throw new UsageError('kamcheck: error: a file name is empty');
  try {
    return readBounded(resolve(io.cwd, path));
  } catch (e) {
    throw new UsageError(`kamcheck: error: cannot read ${path}: ${reasonOf(e, 'no such file')}`);
  }
}

export const displayName = (path: string): string => (path === '-' ? '<stdin>' : path);

export { writeAtomic, writeOutput } from './write.js';

declare const __KAMCHECK_BUNDLE_DIR__: string | undefined;
/** The folder of this module: the bundle's (dist/), or src/cli/ when running from source. */
const moduleDir = (): string =>
  typeof __KAMCHECK_BUNDLE_DIR__ === 'string' ? __KAMCHECK_BUNDLE_DIR__ : dirname(fileURLToPath(import.meta.url));

/** The folder holding the bundled questionnaires, found from this module whether bundled or run from source. */
export function assetDir(name: string): string {
  let dir = moduleDir();
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return join(moduleDir(), '..', name);
}

export const BUNDLED_ID = 'kam-five-pitfalls';
export const bundledQuestionnaire = (): string => join(assetDir('questionnaires'), `${BUNDLED_ID}.yaml`);

/**
 * The bundled questionnaire (the YAML file at `source`) as the build checked it (dist/<id>.compiled), when the
 * file's bytes are unchanged. Parsing 150 kB of YAML costs more than everything else a report does; this is only a
 * cache: on any mismatch the YAML is read and checked as usual.
 */
export function readCompiled(source: string, pick?: LocalePick): Questionnaire | undefined {
  // Beside the bundle (dist/kamcheck.cjs), or in dist/ when running from source.
  const here = join(moduleDir(), `${BUNDLED_ID}.compiled`);
  return readEntry(existsSync(here) ? here : join(assetDir('dist'), `${BUNDLED_ID}.compiled`), source, true, pick);
}
