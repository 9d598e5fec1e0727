// Makes a DOCX reproducible: the docx package stamps core.xml and the zip entries with the
// current time, gives hyperlinks random relationship ids and drawings ids from a counter
// that lives as long as the process. The package is re-zipped here
// with every date set to the document's own, random ids replaced by numbered ones in order of
// appearance, entries in a fixed order (zip.ts writes the archive), so the same model always
// gives the same bytes.

import { strFromU8, strToU8, unzipSync } from 'fflate';
import { zipParts } from './zip.js';

export type PartEditor = (name: string, xml: string) => string;

/** `extra`: parts added as they are (embedded fonts), in the same order by name. */
export function repackDocx(bytes: Uint8Array, created: Date, edit: PartEditor, extra: Record<string, Uint8Array> = {}): Uint8Array {
  const parts = unzipSync(bytes);
  const iso = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const ids = stableIds(parts);
  const out: [string, Uint8Array][] = [];
  // [Content_Types].xml first, as Word writes it; then by name.
  const names = [...new Set([...Object.keys(parts), ...Object.keys(extra)])].sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    const added = Object.hasOwn(extra, name);
    let data = added ? extra[name]! : parts[name]!;
    if (!added && (name.endsWith('.xml') || name.endsWith('.rels'))) {
      let xml = renumberDrawings(strFromU8(data).replace(RANDOM_ID, (id: string) => ids.get(id) ?? id));
      if (name === 'docProps/core.xml') xml = xml.replace(/(<dcterms:(?:created|modified) [^>]*>)[^<]*(<)/g, `$1${iso}$2`);
      data = strToU8(edit(name, xml));
    }
    out.push([name, data]);
  }
  return zipParts(out, created);
}

/** Relationship ids the docx package draws at random (nanoid), unlike its numbered `rId7`. */
const RANDOM_ID = /\brId(?![0-9]+")[A-Za-z0-9_-]+(?=")/g;

function stableIds(parts: Record<string, Uint8Array>): Map<string, string> {
  const ids = new Map<string, string>();
  for (const name of Object.keys(parts).sort()) {
    if (!name.endsWith('.rels')) continue;
    for (const m of strFromU8(parts[name]!).matchAll(RANDOM_ID)) if (!ids.has(m[0])) ids.set(m[0], `rIdL${ids.size + 1}`);
  }
  return ids;
}

/** Drawing ids number the part's drawings 1, 2, 3… whatever the process drew before. */
function renumberDrawings(xml: string): string {
  let n = 0;
  return xml.replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++n}"`);
}
