import { promises as fs } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { strings } from '../i18n/ui.js';
import { type Io, reasonOf, UsageError } from './io.js';

/** What is at a path now, without following a symbolic link. */
async function existing(path: string): Promise<{ kind: 'none' | 'file' | 'dir' | 'other'; mode?: number }> {
  try {
    const st = await fs.lstat(path);
    if (st.isFile()) return { kind: 'file', mode: st.mode & 0o7777 };
    return { kind: st.isDirectory() ? 'dir' : 'other' };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    throw e;
  }
}

/** Raised when `exclusive` finds the destination already there. */
export class Exists extends Error {}

/** Raised when the destination is a folder, a device, a pipe or a link: kamcheck replaces only regular files. */
export class NotRegular extends Error {
  constructor(readonly isDir: boolean) {
    super(isDir ? 'is a directory' : 'not a regular file');
  }
}

/**
 * Write a file whole or not at all: a temporary file in the same folder (a short name, so that a long
 * legal name still has room), then a rename over the old file, which keeps its permissions. With
 * `exclusive`, the file is created only if nothing is there, atomically: a hard link fails when the
 * name exists, so two runs at once can never both write it.
 */
export async function writeAtomic(path: string, content: string, opts: { exclusive?: boolean } = {}): Promise<void> {
  const before = await existing(path);
  if (before.kind === 'dir' || before.kind === 'other') throw new NotRegular(before.kind === 'dir');
  if (opts.exclusive && before.kind !== 'none') throw new Exists(path);
  const tmp = join(dirname(path), `.kamcheck-${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
  try {
    await fs.writeFile(tmp, content, { flag: 'wx', mode: before.mode ?? 0o666 });
    // The mode given to open is reduced by the umask; the old file's mode is put back as it was.
    if (before.mode !== undefined) await fs.chmod(tmp, before.mode);
    if (!opts.exclusive) {
      await fs.rename(tmp, path);
      return;
    }
    try {
      await fs.link(tmp, path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new Exists(path);
      // A file system without hard links: create the file exclusively instead (whole, but not atomically).
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
      try {
        await fs.writeFile(path, content, { flag: 'wx' });
      } catch (e2) {
        if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') throw new Exists(path);
        throw e2;
      }
    }
  } finally {
    await fs.unlink(tmp).catch(() => {});
  }
}

/** A one-line message for a file that cannot be written; `locale` is the language of the "already exists" one. */
export function writeError(name: string, e: unknown, locale: string): UsageError {
  if (e instanceof Exists) return new UsageError(`kamcheck: error: ${strings(locale).fileExists(name)}`);
  if (e instanceof NotRegular) {
    return new UsageError(
      `kamcheck: error: cannot write ${name}: ${e.isDir ? 'is a directory' : 'not a regular file (kamcheck replaces only regular files)'}`,
    );
  }
  return new UsageError(`kamcheck: error: cannot write ${name}: ${reasonOf(e, 'no such folder')}`);
}

/** Write to `-o FILE` (refusing to overwrite without --force) or to stdout. */
export async function writeOutput(io: Io, output: string | undefined, content: string, force: boolean, locale: string): Promise<void> {
  if (output === undefined || output === '-') {
    io.stdout.write(content);
    return;
  }
  if (output === '') throw new UsageError('kamcheck: error: -o needs a file name (or - for standard output)');
  try {
    await writeAtomic(resolve(io.cwd, output), content, { exclusive: !force });
  } catch (e) {
    throw writeError(output, e, locale);
  }
}
