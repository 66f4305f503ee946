import { strings } from '../../i18n/ui.js';
import type { GlobalOptions } from '../context.js';
import { type Io, UsageError } from '../io.js';
import { toolLocale } from '../locale.js';

export default async function assess(io: Io, global: GlobalOptions): Promise<number> {
  if (!io.stdin.isTTY || !io.stdout.isTTY) throw new UsageError(`kamcheck: error: ${strings(toolLocale(global.lang, io.env)).noTty}`);
  throw new UsageError('kamcheck: error: assess is not available yet');
}
