/** Colour on or off, decided once: off without a TTY, with --no-color, NO_COLOR or FORCE_COLOR=0; any other FORCE_COLOR forces it on. */
export function colorEnabled(opts: { isTTY: boolean; noColor: boolean; env: Record<string, string | undefined> }): boolean {
  if (opts.noColor) return false;
  const force = opts.env.FORCE_COLOR;
  if (force === '0' || force === 'false') return false;
  if (force !== undefined) return true;
  if (opts.env.NO_COLOR !== undefined && opts.env.NO_COLOR !== '') return false;
  return opts.isTTY && opts.env.TERM !== 'dumb';
}
