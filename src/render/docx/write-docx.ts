// The DOCX writer: the document model as an editable Word document whose styles match the
// PDF's roles, with the fonts and language of the letter, page geometry, page numbers, and
// document properties. Reads only the model and the font book.
//
// Every part is written as WordprocessingML text and zipped with fixed entry times, in a fixed
// order, so the same model always gives the same bytes. The parts are those the docx package
// writes for the same document, byte for byte: test/render/docx/package-oracle.test.ts builds
// each test document through the package too and compares them. Building the package's object
// tree, serialising it and loading the package took most of a DOCX's time: the seed letter's
// two DOCX added some 95 ms to a build of its PDFs, and add some 20 ms written so.

import type { DocumentModel } from '../../model/document.js';
import type { RenderContext, Rendered } from '../formats.js';
import { docxBody } from './docx-body.js';
import { stylesXml, wordLanguage } from './docx-styles.js';
import { fontEmbedding } from './embed-fonts.js';
import { embeddedFaces } from './font-subsets.js';
import { OFFICE_THEME } from './office-theme.js';
import { APP_PROPERTIES, CONTENT_TYPES, coreXml, CUSTOM_PROPERTIES, EMPTY_RELS, ENDNOTES, FOOTER, NUMBERING, PACKAGE_RELS, SETTINGS } from './package-parts.js';
import { deflatePart, zipParts, type DeflatedPart } from './zip.js';

export async function writeDocx(model: DocumentModel, ctx: RenderContext): Promise<Rendered> {
  const { meta } = model;
  const body = docxBody(model);
  const faces = await embeddedFaces(model, ctx.fonts, ctx.prepared);
  const fonts = fontEmbedding(faces);
  const iso = meta.created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const parts: Record<string, string | Uint8Array | DeflatedPart> = {
    '[Content_Types].xml': fixedPart(CONTENT_TYPES),
    '_rels/.rels': fixedPart(PACKAGE_RELS),
    'docProps/app.xml': fixedPart(APP_PROPERTIES),
    'docProps/core.xml': coreXml(meta, wordLanguage(meta.lang), iso),
    'docProps/custom.xml': fixedPart(CUSTOM_PROPERTIES),
    'word/_rels/document.xml.rels': body.documentRels,
    'word/_rels/endnotes.xml.rels': fixedPart(EMPTY_RELS),
    'word/_rels/fontTable.xml.rels': fonts.fontTableRels,
    'word/_rels/footer1.xml.rels': fixedPart(EMPTY_RELS),
    'word/_rels/footnotes.xml.rels': body.footnoteRels === EMPTY_RELS ? fixedPart(EMPTY_RELS) : body.footnoteRels,
    'word/document.xml': body.document,
    'word/endnotes.xml': fixedPart(ENDNOTES),
    'word/fontTable.xml': fonts.fontTable,
    'word/footer1.xml': fixedPart(FOOTER),
    'word/footnotes.xml': body.footnotes,
    'word/numbering.xml': fixedPart(NUMBERING),
    'word/settings.xml': fixedPart(faces.length > 0 ? SETTINGS.embedding : SETTINGS.plain),
    'word/styles.xml': stylesXml(model.styles, meta.lang, ctx.fonts),
    'word/theme/theme1.xml': fixedPart(OFFICE_THEME),
    ...body.media,
    ...fonts.parts,
  };
  // [Content_Types].xml first, as Word writes it; then by name.
  const names = Object.keys(parts).sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const entries = names.map((name) => {
    const part = parts[name]!;
    return [name, typeof part === 'string' ? Buffer.from(part, 'utf8') : part] as const;
  });
  return { bytes: zipParts(entries, meta.created), warnings: [] };
}

/** The parts every DOCX holds alike, deflated once per process: each deflate costs zlib a fresh stream. */
const fixedParts = new Map<string, DeflatedPart>();

function fixedPart(xml: string): DeflatedPart {
  let part = fixedParts.get(xml);
  if (!part) fixedParts.set(xml, (part = deflatePart(Buffer.from(xml, 'utf8'))));
  return part;
}
