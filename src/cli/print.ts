import { type Diagnostic, sortDiagnostics } from '../diagnostics.js';
import { formatDiagnostic } from '../i18n/diagnostics.js';
import type { Io } from './io.js';

/** Every diagnostic on stderr, one line each, top to bottom. Kept apart from the loaders so the CLI starts light. */
export function printDiagnostics(io: Io, ds: Diagnostic[], zh: boolean): void {
  for (const d of sortDiagnostics(ds)) io.stderr.write(`${formatDiagnostic(d, zh)}\n`);
}
