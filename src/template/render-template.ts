// template: a resolved letter → letter markup, by the template's Handlebars files in strict
// mode with its i18next strings. Values from the letter print escaped and wrapped in source
// marks; the only helper is `t`, which touches no file, process or environment.

import Handlebars from 'handlebars';
import i18next, { type i18n } from 'i18next';
import { DiagnosticBag, error, LetterError, type SourcePos } from '../core/diagnostics.js';
import type { Located, ResolvedLetter } from '../resolve/resolve-letter.js';
import { renderMarkdown } from './markdown.js';
import { slot, SLOT_PATTERN, SourceMarks } from './source-marks.js';
import { SourceText } from './source-text.js';
import { compiled } from './compiled-templates.js';
import { locateKey, type SourceFile, type TemplateFiles } from './template-files.js';

export interface RenderedMarkup {
  markup: string;
  marks: SourceMarks;
  /** The template file the markup came from (for positions of template text). */
  main: SourceFile;
}

export function renderTemplate(letter: ResolvedLetter, template: TemplateFiles): RenderedMarkup {
  const lang = letter.lang;
  const main = template.mains.get(lang) ?? template.mains.get('');
  const locale = template.locales.get(lang);
  if (!main) throw new LetterError([error({ file: `templates/${template.name}` }, `the template has no letter.hbs for \`${lang}\``)]);
  if (!locale) {
    throw new LetterError([error({ file: `templates/${template.name}/locales` }, `the template has no strings for \`${lang}\``, `add locales/${lang}.json, translated from another language's file`)]);
  }
  const marks = new SourceMarks();
  const i18n = createI18n(lang, locale.resources);
  const bag = new DiagnosticBag();
  // The helper and the partials come with each call, so one compiled template serves every
  // language and every letter of a build.
  const t = (key: unknown, options: Handlebars.HelperOptions) => translate(String(key), options, { i18n, locale, marks, bag });
  const partials = Object.fromEntries([...template.partials].map(([name, src]) => [name, compiled(src.text)]));
  try {
    const markup = compiled(main.text)(toView(letter, marks), { helpers: { t }, partials, allowProtoMethodsByDefault: false, allowProtoPropertiesByDefault: false });
    bag.throwIfErrors();
    return { markup, marks, main };
  } catch (e) {
    if (e instanceof LetterError) throw e;
    throw new LetterError([handlebarsDiagnostic(e as Error, main)]);
  }
}

function createI18n(lang: string, resources: Record<string, unknown>): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: lang,
    fallbackLng: false,
    resources: { [lang]: { translation: resources } },
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    showSupportNotice: false,
  } as Parameters<i18n['init']>[0]);
  return instance;
}

interface TranslateContext {
  i18n: i18n;
  locale: SourceFile;
  marks: SourceMarks;
  bag: DiagnosticBag;
}

/** `{{t "key" name=value}}`: the string for `key` with values interpolated and still marked. */
function translate(key: string, options: Handlebars.HelperOptions, ctx: TranslateContext): Handlebars.SafeString {
  if (!ctx.i18n.exists(key)) {
    ctx.bag.add(error({ file: ctx.locale.file }, `no string \`${key}\``, `add "${key}": "…" to this file`));
    return new Handlebars.SafeString('');
  }
  const values: SourceText[] = [];
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.hash as Record<string, unknown>)) {
    if (value instanceof SourceText) {
      params[name] = slot(values.length);
      values.push(value);
    } else params[name] = value == null ? '' : String(value);
  }
  const escaped = Handlebars.Utils.escapeExpression(ctx.i18n.t(key, params));
  const html = escaped.replace(SLOT_PATTERN, (_, n: string) => values[Number(n)]!.toHTML());
  return new Handlebars.SafeString(ctx.marks.wrap(html, locateKey(ctx.locale, [key])));
}

/** The template's view: every located string becomes a SourceText, the body becomes markup. */
function toView(letter: ResolvedLetter, marks: SourceMarks): Record<string, unknown> {
  // A loop, not entries and fromEntries: the view of 2,000 signatories is some 10,000 objects.
  const convert = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(convert);
    if (v !== null && typeof v === 'object') {
      if (isLocated(v)) return new SourceText(v.value, v.pos, marks);
      const out: Record<string, unknown> = {};
      for (const k in v) {
        const x = convert((v as Record<string, unknown>)[k]);
        // An own `__proto__`, as fromEntries would make it, not a new prototype.
        if (k === '__proto__') Object.defineProperty(out, k, { value: x, enumerable: true, writable: true, configurable: true });
        else out[k] = x;
      }
      return out;
    }
    return v;
  };
  const view = convert({ ...letter, body: null }) as Record<string, unknown>;
  view.body = new Handlebars.SafeString(renderMarkdown(letter.body, marks));
  return view;
}

function isLocated(v: object): v is Located {
  return 'value' in v && 'pos' in v && typeof (v as Located).value === 'string';
}

/** The whole `{{…}}` expression at a position (`this.constructor.name` where Handlebars names only `name`). */
function expressionAt(text: string, pos: SourcePos): string | undefined {
  const line = text.split('\n')[(pos.line ?? 0) - 1];
  if (!line || pos.col === undefined) return undefined;
  for (const m of line.matchAll(/\{\{~?[#/^]?\s*([^}]*?)\s*~?\}\}/g)) {
    if (m.index! < pos.col && pos.col <= m.index! + m[0].length) return m[1];
  }
  return undefined;
}

/** Handlebars reports `Parse error on line 3` or `"x" not defined in … - 3:4`; point at that line. */
function handlebarsDiagnostic(e: Error, main: SourceFile): ReturnType<typeof error> {
  const message = e.message.split('\n')[0]!;
  const loc = /- (\d+):(\d+)$/.exec(message) ?? /on line (\d+)/.exec(e.message);
  const pos: SourcePos = loc ? { file: main.file, line: Number(loc[1]), col: loc[2] !== undefined ? Number(loc[2]) + 1 : 1 } : { file: main.file };
  const missing = /^"([^"]+)" not defined/.exec(message);
  if (missing) {
    const used = expressionAt(main.text, pos) ?? missing[1];
    return error(pos, `the template uses \`${used}\`, which the letter does not provide`, 'check the field name against the README\'s template fields');
  }
  if (/You specified knownHelpersOnly|Missing helper/.test(message)) {
    const helper = /helper:? "?([\w-]+)/.exec(message)?.[1];
    return error(pos, `unknown helper${helper ? ` \`${helper}\`` : ''}`, 'templates may use the built-in block helpers (if, each, with, unless) and `t`');
  }
  return error(pos, `template error: ${message}`);
}
