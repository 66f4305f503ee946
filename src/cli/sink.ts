import { closeSync, existsSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { strings } from '../i18n/ui.js';
import { type Io, UsageError } from './io.js';

/** Where a long output goes piece by piece: standard output, or a file that appears whole or not at all. */
export interface Sink {
  write(text: string): Promise<void>;
  /** Finish: the file is renamed into place. */
  close(): void;
  /** Give up: the partial file is removed. */
  abort(): void;
}

/** A sink for `-o FILE` (refusing to overwrite without --force) or standard output, honouring back-pressure. */
export function openSink(io: Io, output: string | undefined, force: boolean, locale: string): Sink {
  if (output === undefined || output === '-') {
    return {
      write: (text) =>
        new Promise<void>((done) => {
          if (io.stdout.write(text)) done();
          else io.stdout.once('drain', () => done());
        }),
      close: () => {},
      abort: () => {},
    };
  }
  const path = resolve(io.cwd, output);
  if (existsSync(path) && statSync(path).isDirectory()) throw new UsageError(`kamcheck: error: cannot write ${output}: is a directory`);
  if (!force && existsSync(path)) throw new UsageError(`kamcheck: error: ${strings(locale).fileExists(output)}`);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}-${Date.now().toString(36)}.tmp`);
  const fail = (e: unknown): never => {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`kamcheck: error: cannot write ${output}: ${code === 'ENOENT' ? 'no such folder' : (e as Error).message}`);
  };
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'w', 0o644);
  } catch (e) {
    fail(e);
  }
  const cleanup = () => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
    if (existsSync(tmp)) unlinkSync(tmp);
  };
  return {
    write: async (text) => {
      try {
        writeSync(fd as number, text);
      } catch (e) {
        cleanup();
        fail(e);
      }
    },
    close: () => {
      closeSync(fd as number);
      fd = undefined;
      renameSync(tmp, path);
    },
    abort: cleanup,
  };
}
