// Handlebars templates, compiled once per process: by Handlebars from a source, or from the
// compiled form `npm run build` prepared for the built-in template (core/prepared-parts.ts),
// which spares a build Handlebars' parser and compiler (10–20 ms for the seed letter).

import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';

const handlebars = Handlebars.create();
// `log` writes to the console; a template has no business there.
handlebars.unregisterHelper('log');
// A fresh object for each compile: Handlebars adds its defaults to the one it is given.
const compileOptions = () => ({ strict: true, knownHelpers: { t: true, log: false }, knownHelpersOnly: true, preventIndent: true });
const OPTIONS_KEY = JSON.stringify(compileOptions());
const templates = new Map<string, Handlebars.TemplateDelegate>();

/** A template source compiled once per process (Handlebars compiles on the first call). */
export function compiled(text: string): Handlebars.TemplateDelegate {
  let delegate = templates.get(text);
  if (!delegate) {
    delegate = handlebars.compile(text, compileOptions());
    remember(text, delegate);
  }
  return delegate;
}

function remember(text: string, delegate: Handlebars.TemplateDelegate): void {
  // `letter build --watch` compiles each edit anew; the sources a build uses are a handful.
  if (templates.size >= 64) templates.clear();
  templates.set(text, delegate);
}

/**
 * The key under which `npm run build` prepares a source's compiled form (core/prepared-parts.ts):
 * Handlebars' parser and compiler took a build of the seed letter 10–20 ms.
 */
export function precompiledKey(text: string): string {
  return `hbs-${createHash('sha256').update(`${Handlebars.VERSION}\0${OPTIONS_KEY}\0${text}`).digest('hex')}`;
}

/** The compiled form of a source, as JavaScript (Handlebars' precompile). */
export function precompile(text: string): string {
  return handlebars.precompile(text, compileOptions()) as unknown as string;
}

/** Takes a prepared compiled form of `text`: renderTemplate then compiles nothing for it. */
export function usePrecompiled(text: string, spec: string): void {
  if (templates.has(text)) return;
  // The tool's own output from precompile, kept beside its bundle: as trusted as the bundle.
  remember(text, handlebars.template(new Function(`return ${spec}`)() as Parameters<typeof handlebars.template>[0]));
}
