/** Output format from the extension of -o, for commands that offer these formats. */
const BY_EXTENSION: Record<string, string> = { md: 'markdown', markdown: 'markdown', json: 'json', html: 'html', htm: 'html', csv: 'csv' };

export function formatOf<F extends string>(given: F | undefined, output: string | undefined, offered: readonly F[], fallback: F): F {
  if (given !== undefined) return given;
  const ext = output?.includes('.') ? (output.split('.').pop() ?? '').toLowerCase() : '';
  const f = BY_EXTENSION[ext] as F | undefined;
  return f !== undefined && offered.includes(f) ? f : fallback;
}
