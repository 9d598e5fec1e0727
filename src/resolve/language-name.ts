// A language by its own name, as language switchers write it: 한국어, English.

/** The letter's own languages, written out: ICU gives the same names (a test checks) but takes 20–30 ms to set up. */
const OWN_NAMES: Record<string, string> = { en: 'English', ko: '한국어' };

export function languageName(lang: string): string {
  return OWN_NAMES[lang] ?? intlLanguageName(lang);
}

/** What ICU calls `lang` in `lang`. */
export function intlLanguageName(lang: string): string {
  return new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;
}
