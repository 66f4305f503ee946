import { UsageError } from './io.js';

/** The language the environment asks for (LC_ALL, LC_MESSAGES, LANG), as a questionnaire locale if one matches. */
export function envLocale(env: Record<string, string | undefined>, locales: readonly string[]): string | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const v = env[name];
    if (!v || v === 'C' || v === 'POSIX' || v.startsWith('C.')) continue;
    const tag = (v.split('.')[0] ?? '').replace('_', '-');
    return matchLocale(tag, locales) ?? undefined;
  }
  return undefined;
}

/** Best questionnaire locale for a tag: exact, then same language (zh… → zh-CN). */
export function matchLocale(tag: string, locales: readonly string[]): string | undefined {
  const lower = tag.replace(/_/g, '-').toLowerCase();
  return locales.find((l) => l.toLowerCase() === lower) ?? locales.find((l) => l.toLowerCase().split('-')[0] === lower.split('-')[0]);
}

/** Report language (SPEC §9): --lang, else the answers file's locale, else the environment, else the first locale. */
export function pickLocale(opts: {
  lang?: string | undefined;
  answersLocale?: string | undefined;
  env: Record<string, string | undefined>;
  locales: readonly string[];
}): string {
  if (opts.lang) {
    const m = matchLocale(opts.lang, opts.locales);
    if (!m) throw new UsageError(`kamcheck: error: language ${opts.lang} is not offered; choose one of: ${opts.locales.join(', ')}`);
    return m;
  }
  return (
    (opts.answersLocale && matchLocale(opts.answersLocale, opts.locales)) ||
    envLocale(opts.env, opts.locales) ||
    (opts.locales[0] as string)
  );
}

/** The tool's own language before any questionnaire is read: zh-CN or en. */
export const toolLocale = (lang: string | undefined, env: Record<string, string | undefined>): string =>
  lang ? (lang.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en') : (envLocale(env, ['en', 'zh-CN']) ?? 'en');
