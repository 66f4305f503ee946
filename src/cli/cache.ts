import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Questionnaire } from '../schema/questionnaire.js';
import { contentKey, type Io } from './io.js';

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

const entry = (dir: string, bytes: Uint8Array) => join(dir, `q-${contentKey(bytes)}.json`);

/** A questionnaire this build checked before, with exactly these bytes; anything unreadable or odd is no entry. */
export function readCachedQuestionnaire(env: Io['env'], bytes: Uint8Array): Questionnaire | undefined {
  const dir = cacheDir(env);
  if (!dir) return undefined;
  try {
    const cached = JSON.parse(readFileSync(entry(dir, bytes), 'utf8')) as { build?: unknown; size?: unknown; doc?: unknown };
    if (cached.build !== BUILD || cached.size !== bytes.length || cached.doc === null || typeof cached.doc !== 'object') return undefined;
    return cached.doc as Questionnaire;
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
    const file = entry(dir, bytes);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ build: BUILD, size: bytes.length, doc }), { mode: 0o600 });
    renameSync(tmp, file);
  } catch {
    // Read-only home, full disk, no permission: the next run checks the YAML again, as this one did.
  }
}
