// Makes a DOCX reproducible: the docx package stamps core.xml and the zip entries with the
// current time, gives hyperlinks random relationship ids and drawings ids from a counter
// that lives as long as the process. The package is re-zipped here
// with every date set to the document's own, random ids replaced by numbered ones in order of
// appearance, entries in a fixed order, so the same model always gives the same bytes.

import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

export type PartEditor = (name: string, xml: string) => string;

/** Any date fflate accepts in every time zone; the real entry times are written afterwards. */
const PLACEHOLDER_TIME = new Date(2000, 0, 1);

/** `extra`: parts added as they are (embedded fonts), in the same order by name. */
export function repackDocx(bytes: Uint8Array, created: Date, edit: PartEditor, extra: Record<string, Uint8Array> = {}): Uint8Array {
  const parts = unzipSync(bytes);
  const iso = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const ids = stableIds(parts);
  const out: Zippable = {};
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
    out[name] = [data, { mtime: PLACEHOLDER_TIME, level: 9 }];
  }
  return setEntryTimes(zipSync(out, { mtime: PLACEHOLDER_TIME }), created);
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

/**
 * Zip entries record a wall-clock time with no zone, and fflate takes it from the machine's
 * zone, so the same build in Seoul and in Kyiv would differ. Every local and central header
 * gets `when` read in UTC instead.
 */
function setEntryTimes(zip: Uint8Array, when: Date): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const { date, time } = dosDateTime(when);
  const end = zip.byteLength - 22; // fflate writes no archive comment
  if (view.getUint32(end, true) !== 0x06054b50) throw new Error('repacked DOCX: end of central directory not where expected');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('repacked DOCX: broken central directory');
    view.setUint16(at + 12, time, true);
    view.setUint16(at + 14, date, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error('repacked DOCX: broken local header');
    view.setUint16(local + 10, time, true);
    view.setUint16(local + 12, date, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return zip;
}

/** MS-DOS date and time fields; zip cannot say 1970 (SOURCE_DATE_EPOCH=0), so the range is clamped. */
function dosDateTime(when: Date): { date: number; time: number } {
  const t = new Date(Math.min(Math.max(when.getTime(), Date.UTC(1980, 0, 1)), Date.UTC(2107, 11, 31, 23, 59, 58)));
  return {
    date: ((t.getUTCFullYear() - 1980) << 9) | ((t.getUTCMonth() + 1) << 5) | t.getUTCDate(),
    time: (t.getUTCHours() << 11) | (t.getUTCMinutes() << 5) | (t.getUTCSeconds() >> 1),
  };
}
