// The language the CLI speaks to its user, and its words in that language (i18next, with
// resources in ./locales/): Korean when LC_ALL, LC_MESSAGES or LANG says ko_*, or
// `--lang-ui ko`; English otherwise. Diagnostics are translated where ko.ts knows them.

import i18next, { type i18n, type TFunction } from 'i18next';
import type { Diagnostic } from '../core/diagnostics.js';
import { en } from './locales/en.js';
import { ko, koDiagnostics } from './locales/ko.js';

export type UiLanguage = 'en' | 'ko';
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** `--lang-ui` first, then the locale variables in POSIX order of precedence. */
export function uiLanguage(env: Record<string, string | undefined>, forced?: string): UiLanguage {
  const locale = forced || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^ko([_.-]|$)/i.test(locale) ? 'ko' : 'en';
}

const RESOURCES: Record<UiLanguage, Record<string, unknown>> = { en, ko };
let instance: i18n | undefined;

export function translator(lang: UiLanguage): Translate {
  let t: TFunction | undefined;
  return (key, params) => {
    // Most words (every help text, read at each start) are plain strings: i18next, whose
    // calls took `letter build` about 8 ms, is asked only for the rest.
    const plain = params === undefined ? plainText(RESOURCES[lang], key) : undefined;
    if (plain !== undefined) return plain;
    t ??= i18nextInstance().getFixedT(lang);
    return t(key, params ?? {});
  };
}

function i18nextInstance(): i18n {
  instance ??= i18next.createInstance();
  if (!instance.isInitialized) {
    void instance.init({ resources: { en: { translation: en }, ko: { translation: ko } }, lng: 'en', fallbackLng: 'en', initAsync: false, interpolation: { escapeValue: false }, showSupportNotice: false } as never);
  }
  return instance;
}

/** The resource at a dotted key, if it is a string i18next would return as it is. */
function plainText(resources: Record<string, unknown>, key: string): string | undefined {
  let value: unknown = resources;
  for (const part of key.split('.')) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  return typeof value === 'string' && !value.includes('{{') && !value.includes('$t(') ? value : undefined;
}

/** The diagnostic in the user's language, where a translation is known. */
export function localized(d: Diagnostic, lang: UiLanguage): Diagnostic {
  if (lang === 'en') return d;
  const message = translateMessage(d.message);
  return d.hint === undefined ? { ...d, message } : { ...d, message, hint: translateMessage(d.hint) };
}

function translateMessage(text: string): string {
  for (const [pattern, korean] of koDiagnostics) {
    const m = pattern.exec(text);
    if (m) return korean.replace(/\{\{(\w+)\}\}/g, (_, name: string) => m.groups?.[name] ?? '');
  }
  return text;
}
