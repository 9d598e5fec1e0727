// The language the CLI speaks to its user, and its words in that language (i18next resources
// in ./locales/): Korean when LC_ALL, LC_MESSAGES or LANG says ko_*, or `--lang-ui ko`;
// English otherwise. Diagnostics are translated where ko.ts knows them.

import type { i18n, TFunction } from 'i18next';
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
    // The CLI's words are plain strings, or have {{name}} slots and _one/_other plural forms,
    // which are filled here as i18next fills them (a test compares every word). i18next, whose
    // module and set-up cost every command, even a no-op build, some milliseconds, is loaded
    // only for a word that needs more: a slot left without a value, a nested $t().
    const plain = simpleText(RESOURCES[lang], lang, key, params);
    if (plain !== undefined) return plain;
    t ??= i18nextInstance().getFixedT(lang);
    return t(key, params ?? {});
  };
}

function i18nextInstance(): i18n {
  instance ??= (process.getBuiltinModule('node:module').createRequire(import.meta.url)('i18next') as { createInstance(): i18n }).createInstance();
  if (!instance.isInitialized) {
    void instance.init({ resources: { en: { translation: en }, ko: { translation: ko } }, lng: 'en', fallbackLng: 'en', initAsync: false, interpolation: { escapeValue: false }, showSupportNotice: false } as never);
  }
  return instance;
}

/**
 * The plural category of a count, as Intl.PluralRules gives it for the CLI's two languages
 * (CLDR: English `one` for exactly 1, Korean only `other`) without starting ICU's plural rules,
 * which cost the first message 1.5 ms.
 */
function pluralOf(lang: UiLanguage, count: number): string {
  return lang === 'en' && count === 1 ? 'one' : 'other';
}

function simpleText(resources: Record<string, unknown>, lang: UiLanguage, key: string, params: Record<string, string | number> | undefined): string | undefined {
  const form = params && 'count' in params ? `${key}_${pluralOf(lang, Number(params.count))}` : key;
  const text = resourceAt(resources, form);
  if (text === undefined || text.includes('$t(')) return undefined;
  let complete = true;
  const filled = text.replace(/\{\{([^{}]*)\}\}/g, (slot, name: string) => {
    if (!/^\w+$/.test(name) || !params || !(name in params)) complete = false;
    return complete ? String(params![name]) : slot;
  });
  return complete ? filled : undefined;
}

/** The resource at a dotted key, if it is a string. */
function resourceAt(resources: Record<string, unknown>, key: string): string | undefined {
  let value: unknown = resources;
  for (const part of key.split('.')) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  return typeof value === 'string' ? value : undefined;
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
