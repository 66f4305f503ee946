import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

/** Who holds an answers file: written into its lock file. */
export interface Holder {
  pid: number;
  /** When the interview started, ISO 8601. */
  started: string;
  host: string;
}

/** Thrown when another interview, still running, holds the answers file. */
export class Locked extends Error {
  constructor(readonly holder: Holder) {
    super(`locked by ${holder.pid}`);
  }
}

/** The lock beside an answers file: `.NAME.lock`, or a short name when NAME is near the longest a folder allows. */
export function lockPath(file: string): string {
  const name = basename(file);
  if (name.length < 200) return join(dirname(file), `.${name}.lock`);
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return join(dirname(file), `.kamcheck-${(h >>> 0).toString(16)}.lock`);
}

/** When a process started, in ms since 1970, where the system says (Linux); else undefined. */
function processStart(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    const boot = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    return Number.isFinite(ticks) && Number.isFinite(boot) ? boot * 1000 + ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the holder is gone: on this machine, its process no longer runs, or the process with its pid started
 * after the lock was taken (the pid was reused). A lock from another machine is never taken for stale.
 */
export function isStale(h: Holder): boolean {
  if (h.host !== hostname()) return false;
  try {
    process.kill(h.pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
  const started = processStart(h.pid);
  return started !== undefined && started > Date.parse(h.started) + 2000;
}

function readHolder(path: string): Holder | undefined {
  try {
    const h = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    return typeof h.pid === 'number' && typeof h.started === 'string' && typeof h.host === 'string' ? (h as Holder) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Hold an answers file for the length of an interview: a lock file created exclusively, holding this process's
 * pid, start time and host. A second interview on the file is refused (Locked) while the first runs; the lock
 * of one that ended without releasing it (a crash, kill -9) is recognised as stale and taken over.
 * Returns the function that releases the lock.
 */
export function lockAnswersFile(file: string, now: Date = new Date()): () => void {
  const path = lockPath(file);
  const me: Holder = { pid: process.pid, started: now.toISOString(), host: hostname() };
  const text = `${JSON.stringify(me)}\n`;
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(path, text, { flag: 'wx' });
      break;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // A folder where nothing can be written: the answers file cannot be saved either, and that error says so.
      if (code !== 'EEXIST') return () => {};
      const holder = readHolder(path);
      // A lock file that cannot be read is being written this instant, or is damaged: stale after a retry.
      if (attempt < 2 && (holder === undefined ? attempt > 0 : isStale(holder))) {
        try {
          unlinkSync(path);
        } catch {}
        continue;
      }
      if (holder === undefined && attempt < 1) continue;
      throw new Locked(holder ?? { pid: 0, started: '', host: '' });
    }
  }
  return () => {
    try {
      if (readFileSync(path, 'utf8') === text) unlinkSync(path);
    } catch {}
  };
}
