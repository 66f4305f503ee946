/** A problem found in an input file, kept as data: the CLI turns it into text. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  code: string;
  args: Record<string, string | number>;
  file: string;
  line: number;
  column: number;
}

/** Thrown where a user's input makes going on impossible; carries every problem found. */
export class InputError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.code).join(', '));
  }
}

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === 'error');

export function diag(
  code: string,
  args: Diagnostic['args'],
  at: { file: string; line: number; column: number },
  severity: Diagnostic['severity'] = 'error',
): Diagnostic {
  return { severity, code, args, file: at.file, line: at.line, column: at.column };
}

/** Sort by file position so that messages read top to bottom. */
export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1));
}
