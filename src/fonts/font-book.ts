// The fonts a build may use: fonts/fonts.json names families, their faces (pinned by
// SHA-256) and, per language, the chain of families tried for each character. Faces are read
// through the World once per process and shared by every language and format.

import * as z from 'zod/mini';
import '../core/zod.js';
import { DiagnosticBag, error, ExitCode, LetterError } from '../core/diagnostics.js';
import { decodeText, type OpenFile, type Space, type World } from '../core/world.js';
import { checkedFaces, settled } from './checked-faces.js';
import { FONT_CONFIG, fontConfigSpace } from './font-config.js';
import { readFontFile } from './font-file.js';
import { harfBuzzWasm, type HarfBuzzWasm } from './harfbuzz-wasm.js';
import { readSfnt, SfntError, shapingTables, type SfntTables } from './sfnt.js';
import { Shaper } from './shaper.js';

export type FaceStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

const FaceSpec = z.strictObject({ file: z.string(), sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)) });
const FontConfigSchema = z.strictObject({
  $comment: z.optional(z.string()),
  families: z.record(
    z.string(),
    z.strictObject({ regular: FaceSpec, bold: z.optional(FaceSpec), italic: z.optional(FaceSpec), boldItalic: z.optional(FaceSpec) }),
  ),
  chains: z.record(z.string(), z.array(z.string()).check(z.minLength(1))),
});
type FontConfig = z.infer<typeof FontConfigSchema>;

export interface Face {
  /** Unique and stable: `Family/style`. */
  key: string;
  family: string;
  /** The style this face was made for; a missing style falls back to the nearest face. */
  style: FaceStyle;
  /** Of the file: the face's identity across font books. */
  sha256: string;
  /** The file's tables, read once (`sfnt.bytes`: the file, but for outlines not yet read). */
  sfnt: SfntTables;
  /** HarfBuzz over this face; layout and the PDF writer share its runs. */
  shaper: Shaper;
}

export interface FontBook {
  /** Families tried, in order, for a character of a text in `lang`. */
  chain(lang: string): string[];
  /** The face of `family` for a style, or the nearest one the family has. */
  face(family: string, style: FaceStyle): Face;
  /** The faces of `lang`'s chain in a style, in order: what each run of text is set in. */
  chainFaces(lang: string, style: FaceStyle): Face[];
  /** The family of `lang`'s chain that sets Latin text (Word's ascii/hAnsi fonts). */
  latinFamily(lang: string): string;
  /** The family of `lang`'s chain that sets Hangul and hanja (Word's eastAsia font). */
  eastAsianFamily(lang: string): string;
}

const cache = new Map<string, Promise<FontBook>>();

/** The project's fonts/fonts.json if it has one, else the tool's; loaded once per process. */
export function loadFontBook(world: World): Promise<FontBook> {
  const key = world.root;
  let book = cache.get(key);
  if (!book) {
    book = readFontBook(world);
    cache.set(key, book);
    book.catch(() => cache.delete(key));
  }
  return book;
}

async function readFontBook(world: World): Promise<FontBook> {
  // Loaded here, not at the top: a no-op build or `letter --version` never needs a shaper.
  // The files are read meanwhile; each waits for HarfBuzz only once it is read and checked.
  const harfbuzz = harfBuzzWasm();
  harfbuzz.catch(() => undefined);
  const [{ config, space, shown }, checked] = await Promise.all([readFontConfig(world), checkedFaces(world)]);
  const bag = new DiagnosticBag();
  const faces = new Map<string, Face>();
  const loads: Promise<void>[] = [];
  for (const [family, styles] of Object.entries(config.families)) {
    for (const [style, spec] of Object.entries(styles) as [FaceStyle, z.infer<typeof FaceSpec> | undefined][]) {
      if (!spec) continue;
      const named = { family, style, spec, shown };
      loads.push(
        world.openFile(spec.file, faceSpace(spec.file, space)).then(
          async (file) => {
            const face = await readFace(file, named, checked.get(file.fingerprint), harfbuzz, bag);
            if (face) faces.set(face.key, face);
          },
          (e: unknown) => {
            // A missing file or one outside the project is the config's fault: say so where it is named.
            if (!(e instanceof LetterError) || e.exitCode !== ExitCode.input) throw e;
            for (const d of e.diagnostics) bag.add(error({ file: shown }, `${family} ${style}: ${spec.file}: ${d.message}`, d.hint));
          },
        ),
      );
    }
  }
  await Promise.all(loads);
  for (const [lang, chain] of Object.entries(config.chains)) {
    for (const family of chain) if (!config.families[family]) bag.add(error({ file: shown }, `chain \`${lang}\` names \`${family}\`, which is not among the families`));
  }
  bag.throwIfErrors();
  return makeBook(config, faces);
}

/** The project's fonts/fonts.json if it has one, else the tool's, and how messages name it. */
async function readFontConfig(world: World): Promise<{ config: FontConfig; space: Space; shown: string }> {
  const space = await fontConfigSpace(world);
  const shown = space === 'tool' ? `(letter)/${FONT_CONFIG}` : FONT_CONFIG;
  try {
    const parsed = FontConfigSchema.safeParse(JSON.parse(decodeText(await world.readFile(FONT_CONFIG, space))));
    if (!parsed.success) throw new LetterError(parsed.error.issues.map((i) => error({ file: shown }, `${i.path.join('.')}: ${i.message}`)));
    return { config: parsed.data, space, shown };
  } catch (e) {
    if (e instanceof LetterError) throw e;
    throw new LetterError([error({ file: shown }, `invalid JSON: ${(e as Error).message}`)]);
  }
}

/** A project's own fonts live in the project; npm: files belong to the tool's installation. */
function faceSpace(file: string, configSpace: Space): Space {
  return file.startsWith('npm:') ? 'tool' : configSpace;
}

/**
 * The record checked-faces.ts reads: fingerprint → SHA-256 of every face the font
 * configuration pins that matches its pin and has settled. Made by `npm run build`.
 */
export async function checkedFacesRecord(world: World): Promise<Record<string, string>> {
  const { config, space } = await readFontConfig(world);
  const record: Record<string, string> = {};
  for (const styles of Object.values(config.families)) {
    for (const spec of Object.values(styles)) {
      if (!spec) continue;
      const file = await world.openFile(spec.file, faceSpace(spec.file, space));
      try {
        if (settled(file, world.now()) && readFontFile(file).sha256 === spec.sha256) record[file.fingerprint] = spec.sha256;
      } finally {
        file.close();
      }
    }
  }
  return record;
}

/** A face as fonts.json names it, and where the config is shown in messages. */
interface NamedFace {
  family: string;
  style: FaceStyle;
  spec: z.infer<typeof FaceSpec>;
  shown: string;
}

/** The face in `file`, checked against its pin (`checked`: its recorded hash); its problems go to `bag`. */
async function readFace(file: OpenFile, { family, style, spec, shown }: NamedFace, checked: string | undefined, harfbuzz: Promise<HarfBuzzWasm>, bag: DiagnosticBag): Promise<Face | undefined> {
  // Open only while a face read without its outlines (once per process) needs it.
  let kept = false;
  try {
    const { bytes, sha256, outlines } = readFontFile(file, checked);
    if (sha256 !== spec.sha256) {
      bag.add(error({ file: shown }, `${family} ${style}: ${spec.file} has SHA-256 ${sha256}, not the pinned ${spec.sha256}`, 'reinstall with `npm ci`, or pin the new file deliberately'));
      return undefined;
    }
    let parsed: Parsed;
    try {
      parsed = parseFace(await harfbuzz, bytes, sha256, outlines);
    } catch (e) {
      if (!(e instanceof SfntError)) throw e;
      bag.add(error({ file: shown }, `${family} ${style}: ${spec.file} is not a font letter can embed: ${e.message}`, 'name a TrueType (.ttf) file; most families publish one'));
      return undefined;
    }
    kept = parsed.sfnt.outlines?.file === file;
    return { key: `${family}/${style}`, family, style, sha256, ...parsed };
  } finally {
    if (!kept) file.close();
  }
}


interface Parsed {
  sfnt: SfntTables;
  shaper: Shaper;
}

/** Parsed once per process and file, however many projects (tests, watch) name it. */
const parsedFaces = new Map<string, Parsed>();

function parseFace(hb: HarfBuzzWasm, bytes: Uint8Array, sha: string, outlines: OpenFile | undefined): Parsed {
  let parsed = parsedFaces.get(sha);
  if (!parsed) {
    const sfnt = readSfnt(bytes);
    if (outlines) sfnt.outlines = { file: outlines, loaded: new Uint8Array(sfnt.glyphOffsets.length - 1) };
    parsed = { sfnt, shaper: new Shaper(hb, shapingTables(sfnt)) };
    parsedFaces.set(sha, parsed);
  }
  return parsed;
}

const FALLBACK: Record<FaceStyle, FaceStyle[]> = {
  regular: ['regular'],
  bold: ['bold', 'regular'],
  italic: ['italic', 'regular'],
  boldItalic: ['boldItalic', 'bold', 'italic', 'regular'],
};

function makeBook(config: FontConfig, faces: Map<string, Face>): FontBook {
  const chain = (lang: string): string[] => config.chains[lang] ?? config.chains[lang.split('-')[0]!] ?? config.chains.en ?? Object.values(config.chains)[0]!;
  const face = (family: string, style: FaceStyle): Face => {
    for (const s of FALLBACK[style]) {
      const f = faces.get(`${family}/${s}`);
      if (f) return f;
    }
    throw new Error(`font family ${family} has no regular face`);
  };
  // Asked for every run of text of every paragraph: kept, not made anew each time.
  const facesByLang = new Map<string, Map<FaceStyle, Face[]>>();
  const chainFaces = (lang: string, style: FaceStyle): Face[] => {
    let byStyle = facesByLang.get(lang);
    if (!byStyle) facesByLang.set(lang, (byStyle = new Map()));
    let list = byStyle.get(style);
    if (!list) byStyle.set(style, (list = chain(lang).map((family) => face(family, style))));
    return list;
  };
  const covering = (lang: string, cp: number): string => chain(lang).find((fam) => face(fam, 'regular').shaper.has(cp)) ?? chain(lang)[0]!;
  return {
    chain,
    face,
    chainFaces,
    latinFamily: (lang) => covering(lang, 0x41),
    eastAsianFamily: (lang) => covering(lang, 0xac00),
  };
}

/** Maps a run's marks to a face style. */
export function styleOf(bold: boolean, italic: boolean): FaceStyle {
  return bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';
}
