import type { AssessStrings } from '../i18n/assess.js';
import type { Respondent } from '../schema/answers.js';
import { cleanText } from './answers-file.js';
import { BACK, type Prompter } from './prompter.js';

/** Names of languages in their own words, for the language question; other tags show as they are. */
const LANGUAGE_NAMES: Record<string, string> = { 'zh-cn': '中文（简体）', zh: '中文', en: 'English' };

/** Ask once which of the questionnaire's languages to use; Esc keeps the cursor where it is. */
export async function askLanguage(p: Prompter, locales: readonly string[], s: AssessStrings): Promise<string> {
  for (;;) {
    const picked = await p.select<string>({
      message: s.chooseLanguage,
      choices: locales.map((l) => {
        const name = LANGUAGE_NAMES[l.toLowerCase()];
        return { value: l, name: name ? `${name} (${l})` : l };
      }),
    });
    if (picked !== BACK) return picked;
  }
}

const FIELDS = ['name', 'role', 'organization', 'unit'] as const;

/** The respondent's details for an interview; every field optional, Esc goes to the field before. */
export async function askRespondent(p: Prompter, current: Respondent, s: AssessStrings): Promise<Respondent> {
  const out: Respondent = { ...current };
  p.print(s.respondentIntro);
  for (let i = 0; i < FIELDS.length; ) {
    const field = FIELDS[i] as (typeof FIELDS)[number];
    const had = out[field];
    const typed = await p.input({ message: s.respondent[field], ...(had ? { default: had } : {}) });
    if (typed === BACK) {
      i = Math.max(0, i - 1);
      continue;
    }
    const clean = cleanText(typed);
    if (clean === '') delete out[field];
    else out[field] = clean;
    i++;
  }
  return out;
}
