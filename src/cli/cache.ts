import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { inLocale } from '../core/in-locale.js';
import { MAX_BYTES } from '../load/source.js';
import type { Questionnaire } from '../schema/questionnaire.js';
import type { Io } from './io.js';

declare const __KAMCHECK_BUILD__: string | undefined;
/** Each build reads only its own entries: a questionnaire another build checked may not pass this one's checks. */
const BUILD = typeof __KAMCHECK_BUILD__ === 'string' ? __KAMCHECK_BUILD__ : 'source';

/**
 * The user's cache folder for kamcheck: $XDG_CACHE_HOME/kamcheck, else the platform's usual place. Only the
 * environment given decides (tests give none, and so use no cache); never a folder beside the user's files.
 */
export function cacheDir(env: Io['env'], platform = process.platform): string | undefined {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'kamcheck');
  if (platform === 'win32') return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, 'kamcheck', 'Cache') : undefined;
  if (!env.HOME) return undefined;
  return platform === 'darwin' ? join(env.HOME, 'Library', 'Caches', 'kamcheck') : join(env.HOME, '.cache', 'kamcheck');
}

/** Which locale a run resolves its texts in, given the questionnaire's locales; undefined when it needs them all. */
export type LocalePick = (locales: readonly string[]) => string | undefined;

/** ASCII JSON (other characters as \u escapes), so that reading it back is a copy rather than a UTF-8 decoding. */
const asciiJson = (v: unknown): Buffer =>
  Buffer.from(
    JSON.stringify(v).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    'latin1',
  );

/**
 * A checked questionnaire kept with the very bytes it was checked from: a line of JSON naming the build, the
 * source's size, the locales and the parts; the source bytes; then the parts, each the questionnaire as JSON:
 * first the whole, then (with several locales) one per locale with its texts in that locale only
 * (core/in-locale.ts), which is what a report in one language reads. An entry is used only when its bytes equal
 * the questionnaire's, compared whole: no hash to trust, and no hashing module to load at start-up.
 */
export function packEntry(source: Uint8Array, doc: Questionnaire): Buffer {
  const parts: [string, Buffer][] = [['', asciiJson(doc)]];
  if (doc.locales.length > 1) for (const l of doc.locales) parts.push([l, asciiJson(inLocale(doc, l))]);
  const head = {
    kamcheck: 'questionnaire-cache',
    build: BUILD,
    size: source.length,
    locales: doc.locales,
    parts: parts.map(([l, b]) => [l, b.length]),
  };
  return Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n`), source, ...parts.map(([, b]) => b)]);
}

/** An entry's header line is at most this long. */
const HEAD_MAX = 4096;

/** An entry's header, when it has the shape packEntry gives it. */
function headOf(line: string): { build: unknown; size: number; locales: string[]; parts: [string, number][] } | undefined {
  const head = JSON.parse(line) as Record<string, unknown>;
  const { kamcheck, size, locales, parts } = head;
  if (kamcheck !== 'questionnaire-cache' || typeof size !== 'number' || !Array.isArray(locales) || !Array.isArray(parts)) return undefined;
  const partOk = (p: unknown) => Array.isArray(p) && typeof p[0] === 'string' && Number.isSafeInteger(p[1]) && p[1] >= 0;
  if (!locales.every((l) => typeof l === 'string') || !parts.every(partOk)) return undefined;
  return { build: head.build, size, locales, parts };
}

/** Characters of a string V8 makes as a large object (over 128 KiB), outside the young generation. */
const LARGE_TEXT = 132 * 1024;

/** Bytes compared at a time: a questionnaire is compared with its entry through two buffers of this size. */
const CHUNK = 64 * 1024;

/** Read exactly `length` bytes at `position` into the start of `into`; false when the file has fewer. */
function readExactly(fd: number, into: Buffer, length: number, position: number): boolean {
  for (let got = 0; got < length; ) {
    const n = readSync(fd, into, got, length - got, position + got);
    if (n === 0) return false;
    got += n;
  }
  return true;
}

/**
 * The questionnaire in the entry file at `path`, made from exactly the questionnaire's bytes (given, or the file
 * at `source`), and by this build (with `anyBuild` false: the bundled questionnaire's entry ships with its build);
 * anything else is no entry. With `pick`, the part in the locale it names when there is one. Only the header, the
 * source bytes and that part are read, through one buffer no larger than the part (with, for some, the bytes
 * before it): memory a process touches for the first time is what start-up pays most for.
 */
export function readEntry(path: string, source: Uint8Array | string, anyBuild = false, pick?: LocalePick): Questionnaire | undefined {
  const fds: number[] = [];
  const open = (file: string) => {
    const fd = openSync(file, 'r');
    fds.push(fd);
    return fd;
  };
  try {
    const fd = open(path);
    const start = Buffer.allocUnsafe(HEAD_MAX);
    const eol = start.subarray(0, readSync(fd, start, 0, HEAD_MAX, 0)).indexOf(10);
    if (eol < 0) return undefined;
    const head = headOf(start.toString('utf8', 0, eol));
    const sourceFd = typeof source === 'string' ? open(source) : undefined;
    const size = sourceFd === undefined ? (source as Uint8Array).length : fstatSync(sourceFd).size;
    if (!head || (!anyBuild && head.build !== BUILD) || head.size !== size) return undefined;
    let want: string | undefined;
    try {
      want = pick?.(head.locales);
    } catch {
      // A locale the questionnaire does not offer: the run itself says so, with the whole questionnaire.
    }
    const index = Math.max(
      0,
      head.parts.findIndex(([l]) => l === want),
    );
    const length = (head.parts[index] as [string, number])[1];
    let offset = eol + 1 + size;
    for (let i = 0; i < index; i++) offset += (head.parts[i] as [string, number])[1];
    // A part a little smaller than V8's large objects is read with the bytes before it, so that its text is one:
    // a large string is made outside the young generation, which 100 kB of text, dropped once parsed, would fill
    // enough to make a report collect it once more (about a millisecond). The part is parsed from a slice.
    const before = length >= LARGE_TEXT / 2 && length < LARGE_TEXT ? Math.min(LARGE_TEXT - length, offset) : 0;
    const buffer = Buffer.allocUnsafe(Math.max(before + length, 2 * CHUNK));
    // The source bytes, compared whole, a chunk at a time.
    for (let at = 0; at < size; at += CHUNK) {
      const n = Math.min(CHUNK, size - at);
      if (!readExactly(fd, buffer, n, eol + 1 + at)) return undefined;
      const theirs =
        sourceFd === undefined
          ? (source as Uint8Array).subarray(at, at + n)
          : readExactly(sourceFd, buffer.subarray(CHUNK), n, at) && buffer.subarray(CHUNK, CHUNK + n);
      if (!theirs || !buffer.subarray(0, n).equals(theirs)) return undefined;
    }
    if (length === 0 || !readExactly(fd, buffer, before + length, offset - before)) return undefined;
    const json = buffer.subarray(before, before + length);
    const text = isAscii(json) ? buffer.toString('latin1', 0, before + length).slice(before) : json.toString('utf8');
    const doc = JSON.parse(text) as unknown;
    return looksChecked(doc) ? doc : undefined;
  } catch {
    return undefined;
  } finally {
    for (const fd of fds) closeSync(fd);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const listOf = (v: unknown, item: (x: Record<string, unknown>) => boolean) => Array.isArray(v) && v.every((x) => isObject(x) && item(x));

/**
 * Whether a cached document has the frame of a checked questionnaire. Entries are written by kamcheck alone, whole
 * (a rename), so this catches what a disk or a hand can do to one: a part missing or of the wrong kind. Deeper
 * damage that still breaks a run is met by forgetCachedQuestionnaires.
 */
function looksChecked(doc: unknown): doc is Questionnaire {
  if (!isObject(doc) || doc.kamcheck !== 1 || typeof doc.id !== 'string' || typeof doc.version !== 'string') return false;
  if (!Array.isArray(doc.locales) || !doc.locales.every((l) => typeof l === 'string')) return false;
  if (!listOf(doc.levels, (l) => typeof l.id === 'string' && typeof l.min === 'number')) return false;
  if (doc.rules !== undefined && !listOf(doc.rules, (r) => typeof r.id === 'string' && isObject(r.when))) return false;
  return listOf(doc.dimensions, (d) => typeof d.id === 'string' && listOf(d.questions, (q) => typeof q.id === 'string'));
}

// The cache entries this run read questionnaires from.
const served: string[] = [];

/**
 * Remove the cache entries this run used: called when a run ends in an internal error, which a damaged entry can
 * cause. The next run reads the questionnaire's YAML again. Returns how many were removed.
 */
export function forgetCachedQuestionnaires(): number {
  let removed = 0;
  for (const file of served.splice(0)) {
    try {
      unlinkSync(file);
      removed++;
    } catch {}
  }
  return removed;
}

/**
 * An entry's name: the size and a hash of at most 4,096 bytes spread over the file. Two questionnaires may share a
 * name (they then take turns in it); only the whole comparison in readEntry decides whether an entry is used. The
 * bytes come a chunk at a time (`chunkAt`), so that a file need not be read whole; undefined when one is missing.
 */
function entryName(size: number, chunkAt: (at: number, n: number) => Uint8Array | undefined): string | undefined {
  let hash = 0x811c9dc5;
  const step = Math.max(1, Math.floor(size / 4096));
  for (let at = 0, i = 0; at < size; at += CHUNK) {
    const n = Math.min(CHUNK, size - at);
    const chunk = chunkAt(at, n);
    if (!chunk) return undefined;
    for (; i < at + n; i += step) hash = Math.imul(hash ^ (chunk[i - at] as number), 0x01000193);
  }
  return `q-${size}-${(hash >>> 0).toString(16).padStart(8, '0')}.cache`;
}

const nameOfBytes = (bytes: Uint8Array): string => entryName(bytes.length, (at, n) => bytes.subarray(at, at + n)) as string;

/**
 * The cached questionnaire for the file at `path`, found without reading the file into memory whole: its entry is
 * named from a chunk at a time, and compared with it a chunk at a time. Undefined for no entry, and for any file
 * that cannot be read, which the caller then reads as usual (and reports as it always does).
 */
export function readCachedQuestionnaireFile(env: Io['env'], path: string, pick?: LocalePick): Questionnaire | undefined {
  const dir = cacheDir(env);
  if (!dir) return undefined;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_BYTES) return undefined;
    const chunk = Buffer.allocUnsafe(Math.min(stat.size, CHUNK));
    const name = entryName(stat.size, (at, n) => (readExactly(fd as number, chunk, n, at) ? chunk : undefined));
    if (!name) return undefined;
    const file = join(dir, name);
    const doc = readEntry(file, path, false, pick);
    if (doc) served.push(file);
    return doc;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A questionnaire this build checked before, with exactly these bytes; anything unreadable or odd is no entry. */
export function readCachedQuestionnaire(env: Io['env'], bytes: Uint8Array, pick?: LocalePick): Questionnaire | undefined {
  const dir = cacheDir(env);
  if (!dir) return undefined;
  try {
    const file = join(dir, nameOfBytes(bytes));
    const doc = readEntry(file, bytes, false, pick);
    if (doc) served.push(file);
    return doc;
  } catch {
    return undefined;
  }
}

/** Keep a checked questionnaire for next time; a cache that cannot be written is simply not used. */
export function writeCachedQuestionnaire(env: Io['env'], bytes: Uint8Array, doc: Questionnaire): void {
  const dir = cacheDir(env);
  if (!dir) return;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = join(dir, nameOfBytes(bytes));
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, packEntry(bytes, doc), { mode: 0o600 });
    renameSync(tmp, file);
  } catch {
    // Read-only home, full disk, no permission: the next run checks the YAML again, as this one did.
  }
}
