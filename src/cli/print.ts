import { type Diagnostic, sortDiagnostics } from '../diagnostics.js';
import { formatDiagnostic } from '../i18n/diagnostics.js';
import type { Io } from './io.js';

/** How many diagnostics a run prints: past this, a file is wrong throughout and one more line says how many are left. */
export const SHOWN = 100;

/** Every diagnostic on stderr (up to SHOWN), one line each, top to bottom. Kept apart from the loaders so the CLI starts light. */
export function printDiagnostics(io: Io, ds: Diagnostic[], zh: boolean): void {
  const sorted = sortDiagnostics(ds);
  for (const d of sorted.slice(0, SHOWN)) io.stderr.write(`${formatDiagnostic(d, zh)}\n`);
  const more = sorted.length - SHOWN;
  if (more > 0) {
    const n = more.toLocaleString('en');
    io.stderr.write(zh ? `kamcheck: 另有 ${n} 个问题未列出\n` : `kamcheck: … and ${n} more\n`);
  }
}
