// Finds and reads a template: templates/<name>/ in the project (a campaign's copy) or,
// failing that, the one shipped with the tool. A template is letter.hbs (or letter.<lang>.hbs),
// partials/*.hbs, locales/<lang>.json and styles.json.

import { DiagnosticBag, error, LetterError, type SourcePos } from '../core/diagnostics.js';
import { allSettledInOrder } from '../core/all-settled.js';
import { preparedParts, type PreparedParts } from '../core/prepared-parts.js';
import { decodeText, type World } from '../core/world.js';
import { imageSize } from 'image-size';
import type { Letterhead } from '../model/document.js';
import { StyleSheetSchema, type StyleSheetFile } from '../model/stylesheet.js';
import { precompiledKey, usePrecompiled } from './compiled-templates.js';
import { templateSpace } from './template-space.js';

export interface SourceFile {
  /** Path as diagnostics show it. */
  file: string;
  text: string;
}

export interface TemplateFiles {
  name: string;
  /** `letter.hbs` and per-language overrides, keyed by language ('' for the default). */
  mains: Map<string, SourceFile>;
  partials: Map<string, SourceFile>;
  locales: Map<string, SourceFile & { resources: Record<string, unknown> }>;
  styles: StyleSheetFile;
  letterhead?: Letterhead;
  /** Every file read, for locating a tag or key in its source. */
  sources: SourceFile[];
}

export async function loadTemplate(world: World, name: string, usedAt: SourcePos): Promise<TemplateFiles> {
  const dir = `templates/${name}`;
  const space = await templateSpace(world, name);
  if (!space) {
    throw new LetterError([error(usedAt, `no template \`${name}\``, `a template is a folder templates/${name}/ holding letter.hbs; the built-in one is \`joint-letter\``)]);
  }
  // A built-in template's paths are shown as the tool's, which the user can still open.
  const shown = (rel: string) => (space === 'tool' ? `(letter)/${rel}` : rel);
  const readOne = async (rel: string): Promise<SourceFile> => ({ file: shown(rel), text: decodeText(await world.readFile(rel, space)) });
  const sources: SourceFile[] = [];
  const mains = new Map<string, SourceFile>();
  const partials = new Map<string, SourceFile>();
  const locales: TemplateFiles['locales'] = new Map();
  const bag = new DiagnosticBag();

  const [top, partialEntries, localeEntries] = await allSettledInOrder([world.list(dir, space), world.list(`${dir}/partials`, space), world.list(`${dir}/locales`, space)]);
  const mainNames = top.flatMap((entry) => {
    const m = /^letter(?:\.([a-z]{2,3}(?:-[A-Za-z0-9]+)*))?\.hbs$/.exec(entry.name);
    return m ? [{ lang: m[1] ?? '', rel: `${dir}/${entry.name}` }] : [];
  });
  const partialNames = partialEntries.filter((e) => e.name.endsWith('.hbs')).map((e) => ({ name: e.name.slice(0, -4), rel: `${dir}/partials/${e.name}` }));
  const localeNames = localeEntries.filter((e) => e.name.endsWith('.json')).map((e) => ({ lang: e.name.slice(0, -5), rel: `${dir}/locales/${e.name}` }));
  const read = (rels: string[]) => allSettledInOrder(rels.map(readOne));
  const [mainSrcs, partialSrcs, localeSrcs, stylesSrc] = await allSettledInOrder([read(mainNames.map((m) => m.rel)), read(partialNames.map((p) => p.rel)), read(localeNames.map((l) => l.rel)), readOne(`${dir}/styles.json`)]);
  mainNames.forEach((m, i) => mains.set(m.lang, mainSrcs[i]!));
  partialNames.forEach((p, i) => partials.set(p.name, partialSrcs[i]!));
  localeNames.forEach((l, i) => {
    const src = localeSrcs[i]!;
    const resources = parseJson(src, bag);
    if (resources) locales.set(l.lang, { ...src, resources });
  });
  const stylesJson = parseJson(stylesSrc, bag);
  let styles: StyleSheetFile | undefined;
  if (stylesJson) {
    const result = StyleSheetSchema.safeParse(stylesJson);
    if (result.success) styles = result.data;
    else for (const issue of result.error.issues) bag.add(error(locateKey(stylesSrc, issue.path.map(String)), `${issue.path.join('.')}: ${issue.message}`));
  }
  bag.throwIfErrors();
  const [letterhead] = await Promise.all([
    styles!.letterhead ? readLetterhead(styles!.letterhead, (rel) => world.readFile(`${dir}/${rel}`, space), stylesSrc) : undefined,
    usePrepared([...mains.values(), ...partials.values()], preparedParts(world)),
  ]);
  sources.push(...mains.values(), ...partials.values(), ...locales.values(), stylesSrc);
  return { name, mains, partials, locales, styles: styles!, ...(letterhead ? { letterhead } : {}), sources };
}

/** Takes the compiled forms `npm run build` prepared for these sources (the built-in template's). */
async function usePrepared(sources: SourceFile[], prepared: PreparedParts): Promise<void> {
  await Promise.all(
    sources.map(async (src) => {
      const spec = await prepared.get(precompiledKey(src.text));
      if (spec) usePrecompiled(src.text, decodeText(spec));
    }),
  );
}

/** Reads and measures the letterhead image; its height follows its width and aspect ratio. */
async function readLetterhead(spec: NonNullable<StyleSheetFile['letterhead']>, read: (rel: string) => Promise<Uint8Array>, styles: SourceFile): Promise<Letterhead> {
  const at = locateKey(styles, ['letterhead', 'image']);
  let bytes: Uint8Array;
  try {
    bytes = await read(spec.image);
  } catch (e) {
    if (e instanceof LetterError) throw new LetterError([error(at, `cannot read the letterhead image \`${spec.image}\`: ${e.diagnostics[0]?.message ?? 'unreadable'}`, 'put the image in the template folder')], e.exitCode);
    throw e;
  }
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    throw new LetterError([error(at, `\`${spec.image}\` is not an image`, 'use a PNG or JPEG file')]);
  }
  const type = size.type === 'png' ? 'png' : size.type === 'jpg' ? 'jpg' : undefined;
  if (!type || !size.width || !size.height) throw new LetterError([error(at, `\`${spec.image}\` is a ${size.type ?? 'unknown'} image, not PNG or JPEG`)]);
  return { bytes, type, width: spec.width, height: (spec.width * size.height) / size.width, align: spec.align, spaceAfter: spec.spaceAfter };
}

function parseJson(src: SourceFile, bag: DiagnosticBag): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(src.text);
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
    bag.add(error({ file: src.file, line: 1, col: 1 }, 'expected a JSON object'));
  } catch (e) {
    const at = /position (\d+)/.exec((e as Error).message);
    bag.add(error(at ? offsetPos(src, Number(at[1])) : { file: src.file }, `invalid JSON: ${(e as Error).message}`));
  }
  return undefined;
}

/** Where `"key"` of the last path segment first appears: good enough to open the file at. */
export function locateKey(src: SourceFile, path: string[]): SourcePos {
  let from = 0;
  for (const key of path) {
    const at = src.text.indexOf(`"${key}"`, from);
    if (at >= 0) from = at;
  }
  return offsetPos(src, from);
}

/** Where `needle` first appears in any of `sources`. */
export function locateText(sources: SourceFile[], needle: string): SourcePos | undefined {
  for (const src of sources) {
    const at = src.text.indexOf(needle);
    if (at >= 0) return offsetPos(src, at);
  }
  return undefined;
}

export function offsetPos(src: SourceFile, offset: number): SourcePos {
  const before = src.text.slice(0, offset);
  const line = before.split('\n').length;
  return { file: src.file, line, col: offset - before.lastIndexOf('\n') };
}
