// Embeds font subsets in a DOCX as Word does: each face an obfuscated `.odttf` part (its
// first 32 bytes XORed with a GUID key, ECMA-376 Part 2 §12.2.3), listed in fontTable.xml with
// that key (settings.xml then tells Word to keep embedding them: package-parts.ts). Keys come
// from the font's own hash, so the same fonts always give the same bytes. A face's part may
// have been prepared when the tool was built (font-subsets.ts): obfuscated and deflated as the
// zip would.

import { createHash } from 'node:crypto';
import type { FaceStyle } from '../../fonts/font-book.js';
import type { EmbeddedFace } from './font-subsets.js';
import { relationshipsXml, XML_DECLARATION_STANDALONE } from './package-parts.js';
import { escapeXml } from './paragraph-xml.js';
import { deflatePart, type DeflatedPart } from './zip.js';

const FONT_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/font';
const EMBED_ELEMENT: Record<FaceStyle, string> = { regular: 'embedRegular', bold: 'embedBold', italic: 'embedItalic', boldItalic: 'embedBoldItalic' };
const STYLE_ORDER: FaceStyle[] = ['regular', 'bold', 'italic', 'boldItalic'];

export interface FontEmbedding {
  /** The obfuscated fonts, by part name. */
  parts: Record<string, Uint8Array | DeflatedPart>;
  /** word/fontTable.xml and word/_rels/fontTable.xml.rels. */
  fontTable: string;
  fontTableRels: string;
}

const FONT_TABLE =
  '<w:fonts xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" xmlns:w16cex="http://schemas.microsoft.com/office/word/2018/wordml/cex" xmlns:w16cid="http://schemas.microsoft.com/office/word/2016/wordml/cid" xmlns:w16="http://schemas.microsoft.com/office/word/2018/wordml" xmlns:w16sdtdh="http://schemas.microsoft.com/office/word/2020/wordml/sdtdatahash" xmlns:w16se="http://schemas.microsoft.com/office/word/2015/wordml/symex" mc:Ignorable="w14 w15 w16se w16cid w16 w16cex w16sdtdh"';

/** A face's part as the zip holds it, and the key it was obfuscated with. */
export interface PreparedFont {
  fontKey: string;
  part: DeflatedPart;
}

export function prepareFont(bytes: Uint8Array): PreparedFont {
  const key = fontKey(bytes);
  return { fontKey: key, part: deflatePart(obfuscate(bytes, key)) };
}

/** A prepared font as one file: a line of JSON (key, CRC, sizes), then the part's body. */
export function encodePreparedFont({ fontKey, part }: PreparedFont): Uint8Array {
  const head = JSON.stringify({ fontKey, stored: part.stored, crc32: part.crc32, size: part.size, length: part.body.length });
  return Buffer.concat([Buffer.from(`${head}\n`), part.body]);
}

/** Undefined for anything encodePreparedFont did not make. */
export function decodePreparedFont(bytes: Uint8Array): PreparedFont | undefined {
  const newline = bytes.indexOf(0x0a);
  try {
    const head = JSON.parse(Buffer.from(bytes.subarray(0, newline)).toString('utf8')) as Record<string, unknown>;
    const body = bytes.subarray(newline + 1);
    const { fontKey, stored, crc32, size, length } = head;
    if (newline < 0 || typeof fontKey !== 'string' || typeof stored !== 'boolean' || typeof crc32 !== 'number' || typeof size !== 'number' || length !== body.length) return undefined;
    return { fontKey, part: { body, stored, crc32, size } };
  } catch {
    return undefined;
  }
}

export function fontEmbedding(faces: EmbeddedFace[]): FontEmbedding {
  const parts: Record<string, Uint8Array | DeflatedPart> = {};
  const rels: string[] = [];
  const families = new Map<string, string[]>();
  faces
    .slice()
    .sort((a, b) => (a.family < b.family ? -1 : a.family > b.family ? 1 : STYLE_ORDER.indexOf(a.style) - STYLE_ORDER.indexOf(b.style)))
    .forEach((face, i) => {
      const id = `rIdFont${i + 1}`;
      const key = 'prepared' in face ? face.prepared.fontKey : fontKey(face.bytes);
      parts[`word/fonts/font${i + 1}.odttf`] = 'prepared' in face ? face.prepared.part : obfuscate(face.bytes, key);
      rels.push(`<Relationship Id="${id}" Type="${FONT_REL}" Target="fonts/font${i + 1}.odttf"/>`);
      const embeds = families.get(face.family) ?? [];
      embeds.push(`<w:${EMBED_ELEMENT[face.style]} r:id="${id}" w:fontKey="${key}" w:subsetted="1"/>`);
      families.set(face.family, embeds);
    });
  const fontsXml = [...families].map(([family, embeds]) => `<w:font w:name="${escapeXml(family)}"><w:family w:val="roman"/><w:pitch w:val="variable"/>${embeds.join('')}</w:font>`).join('');
  return {
    parts,
    fontTable: `${XML_DECLARATION_STANDALONE}${FONT_TABLE}${fontsXml ? `>${fontsXml}</w:fonts>` : '/>'}`,
    fontTableRels: relationshipsXml(rels.join('')),
  };
}

/** `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}` from the font's SHA-256. */
export function fontKey(bytes: Uint8Array): string {
  const h = createHash('sha256').update(bytes).digest('hex').slice(0, 32).toUpperCase();
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}}`;
}

/** XORs the first 32 bytes with the key's bytes, taken from the end of its hex digits; its own inverse. */
export function obfuscate(bytes: Uint8Array, key: string): Uint8Array {
  const hex = key.replace(/[{}-]/g, '');
  const keyBytes = Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(30 - 2 * i, 32 - 2 * i), 16));
  const out = new Uint8Array(bytes);
  for (let i = 0; i < 32 && i < out.length; i++) out[i]! ^= keyBytes[i % 16]!;
  return out;
}
