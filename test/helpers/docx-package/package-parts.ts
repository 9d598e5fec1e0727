// The parts of the docx package's DOCX for a model (package-document.ts), unzipped, with the
// fixes the DOCX writer made to the package's output while it wrote through the package: stable
// relationship and drawing ids, the model's date and language in core.xml, East Asian paragraph
// defaults, note separators without reference marks, and the embedded fonts in fontTable.xml
// and settings.xml. What the writer must now produce itself, part by part.

import { Packer, type Document } from 'docx';
import type { FontBook } from '../../../src/fonts/font-book.js';
import type { DocumentModel } from '../../../src/model/document.js';
import { packageDocument, wordLanguage } from './package-document.js';

interface DocxCompiler {
  compile(doc: Document): Map<string, string | Uint8Array>;
}

/** The embedded faces, the writer's own: fontTable.xml's `<w:font>` elements and their relationships. */
export interface EmbeddedFonts {
  fonts: string;
  relationships: string;
}

/** XML parts as text, media as bytes. */
export function packageParts(model: DocumentModel, fonts: FontBook, embedded: EmbeddedFonts): Map<string, string | Uint8Array> {
  // The compiler Packer zips with, private to the package (pinned in package.json).
  const compiler = (Packer as unknown as { compiler: DocxCompiler }).compiler;
  const parts = compiler.compile(packageDocument(model, fonts));
  const iso = model.meta.created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const ids = stableIds(parts);
  const out = new Map<string, string | Uint8Array>();
  for (const [name, part] of parts) {
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) {
      out.set(name, part);
      continue;
    }
    let xml = renumberDrawings(text(part).replace(RANDOM_ID, (id: string) => ids.get(id) ?? id));
    if (name === 'docProps/core.xml') {
      xml = xml.replace(/(<dcterms:(?:created|modified) [^>]*>)[^<]*(<)/g, `$1${iso}$2`).replace('</cp:coreProperties>', `<dc:language>${wordLanguage(model.meta.lang)}</dc:language></cp:coreProperties>`);
    }
    if (name === 'word/styles.xml') xml = withEastAsianDefaults(xml);
    if (name === 'word/footnotes.xml' || name === 'word/endnotes.xml') xml = withPlainNoteSeparators(xml);
    if (embedded.fonts) {
      if (name === 'word/settings.xml') xml = xml.replace('<w:displayBackgroundShape/>', '<w:displayBackgroundShape/><w:embedTrueTypeFonts/><w:saveSubsetFonts/>');
      if (name === 'word/fontTable.xml') xml = xml.replace(/\/>$/, `>${embedded.fonts}</w:fonts>`);
      if (name === 'word/_rels/fontTable.xml.rels') xml = xml.replace(/\/>$/, `>${embedded.relationships}</Relationships>`);
    }
    out.set(name, xml);
  }
  return out;
}

/** Relationship ids the docx package draws at random (nanoid), unlike its numbered `rId7`. */
const RANDOM_ID = /\brId(?![0-9]+")[A-Za-z0-9_-]+(?=")/g;

function text(part: string | Uint8Array): string {
  return typeof part === 'string' ? part : new TextDecoder().decode(part);
}

/** Random ids numbered rIdL1, rIdL2… in order of appearance in the relationship parts, sorted by name. */
function stableIds(parts: Map<string, string | Uint8Array>): Map<string, string> {
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

/** KLREQ line rules, word-unit wrapping and no Hangul–Latin gap, which the package cannot write. */
function withEastAsianDefaults(stylesXml: string): string {
  const ppr = '<w:widowControl/><w:kinsoku/><w:wordWrap w:val="1"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>';
  if (!stylesXml.includes('<w:pPrDefault/>')) throw new Error('styles.xml: the docx package changed its pPrDefault');
  return stylesXml.replace('<w:pPrDefault/>', `<w:pPrDefault><w:pPr>${ppr}</w:pPr></w:pPrDefault>`);
}

const SEPARATOR_NOTE = /(<w:(footnote|endnote)\b[^>]*\bw:type="(?:separator|continuationSeparator)"[^>]*>)([\s\S]*?)(<\/w:\2>)/g;
const REFERENCE_MARK_RUN = /<w:r>(?:<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<\/w:rPr>)?<w:(?:footnoteRef|endnoteRef)\/><\/w:r>/g;

/** The separator "notes" hold only the line: Word calls a file with a reference mark in them damaged. */
function withPlainNoteSeparators(notesXml: string): string {
  return notesXml.replace(SEPARATOR_NOTE, (_, open: string, _kind: string, inner: string, close: string) => open + inner.replace(REFERENCE_MARK_RUN, '') + close);
}
