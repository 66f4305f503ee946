/** Colour on or off, decided once: off without a TTY, with --no-color or NO_COLOR; FORCE_COLOR forces it on. */
export function colorEnabled(opts: { isTTY: boolean; noColor: boolean; env: Record<string, string | undefined> }): boolean {
  if (opts.noColor) return false;
  const force = opts.env.FORCE_COLOR;
  if (force !== undefined && force !== '0' && force !== 'false') return true;
  if (opts.env.NO_COLOR !== undefined && opts.env.NO_COLOR !== '') return false;
  return opts.isTTY && opts.env.TERM !== 'dumb';
}
