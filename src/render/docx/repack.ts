// Makes a DOCX reproducible: the docx package stamps core.xml with the current time, gives
// hyperlinks random relationship ids and drawings ids from a counter that lives as long as
// the process. The package's parts are zipped here instead, with every date set to the
// document's own, random ids replaced by numbered ones in order of appearance, entries in a
// fixed order (zip.ts writes the archive), so the same model always gives the same bytes.

import { Packer, type Document } from 'docx';
import { zipParts, type DeflatedPart } from './zip.js';

export type PartEditor = (name: string, xml: string) => string;

/** A part as the docx package's compiler gives it: XML as text, media and fonts as bytes. */
type Part = string | Uint8Array;
interface DocxCompiler {
  compile(doc: Document): Map<string, Part>;
}

/**
 * The document's parts, unzipped: what `Packer.toBuffer` zips, from the compiler it zips
 * with. The compiler is private to the package (pinned to one version in package.json), but
 * zipping with fflate's JavaScript deflate only for repackDocx to unzip it again cost 60 ms
 * for a letter of 2,000 signatories.
 */
export function docxParts(doc: Document): Map<string, Part> {
  const compiler = (Packer as unknown as { compiler?: DocxCompiler }).compiler;
  if (typeof compiler?.compile !== 'function') throw new Error('the docx package no longer has Packer.compiler; see repack.ts');
  return compiler.compile(doc);
}

/** `extra`: parts added as they are (embedded fonts, some deflated beforehand), in the same order by name. */
export function repackDocx(parts: Map<string, Part>, created: Date, edit: PartEditor, extra: Record<string, Uint8Array | DeflatedPart> = {}): Uint8Array {
  const iso = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const ids = stableIds(parts);
  const out: [string, Uint8Array | DeflatedPart][] = [];
  // [Content_Types].xml first, as Word writes it; then by name.
  const names = [...new Set([...parts.keys(), ...Object.keys(extra)])].sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    if (Object.hasOwn(extra, name)) {
      out.push([name, extra[name]!]);
      continue;
    }
    const part = parts.get(name)!;
    if (name.endsWith('.xml') || name.endsWith('.rels')) {
      let xml = renumberDrawings(text(part).replace(RANDOM_ID, (id: string) => ids.get(id) ?? id));
      if (name === 'docProps/core.xml') xml = xml.replace(/(<dcterms:(?:created|modified) [^>]*>)[^<]*(<)/g, `$1${iso}$2`);
      out.push([name, new TextEncoder().encode(edit(name, xml))]);
    } else {
      out.push([name, typeof part === 'string' ? new TextEncoder().encode(part) : part]);
    }
  }
  return zipParts(out, created);
}

/** Relationship ids the docx package draws at random (nanoid), unlike its numbered `rId7`. */
const RANDOM_ID = /\brId(?![0-9]+")[A-Za-z0-9_-]+(?=")/g;

function text(part: Part): string {
  return typeof part === 'string' ? part : new TextDecoder().decode(part);
}

function stableIds(parts: Map<string, Part>): Map<string, string> {
  const ids = new Map<string, string>();
  for (const name of [...parts.keys()].sort()) {
    if (!name.endsWith('.rels')) continue;
    for (const m of text(parts.get(name)!).matchAll(RANDOM_ID)) if (!ids.has(m[0])) ids.set(m[0], `rIdL${ids.size + 1}`);
  }
  return ids;
}

/** Drawing ids number the part's drawings 1, 2, 3… whatever the process drew before. */
function renumberDrawings(xml: string): string {
  let n = 0;
  return xml.replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++n}"`);
}
