// The PDF writer: lays the model out (src/layout/) and has pdfkit draw each placed piece of
// text. pdfkit embeds every face as a subset with a ToUnicode map; the creation date comes
// from the model so the same letter gives the same bytes. The PDF is tagged: its structure
// tree follows the layout's, page numbers are marked as pagination artifacts.

import PDFDocument from 'pdfkit';
import type { Face } from '../../fonts/font-book.js';
import { layoutDocument } from '../../layout/layout-document.js';
import type { PlacedText, StructureNode } from '../../layout/types.js';
import type { DocumentModel } from '../../model/document.js';
import type { RenderContext, Rendered } from '../formats.js';

type StructElement = ReturnType<PDFKit.PDFDocument['struct']>;

export async function writePdf(model: DocumentModel, ctx: RenderContext): Promise<Rendered> {
  const laidOut = layoutDocument(model, ctx.fonts);
  const { meta } = model;
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: [model.styles.page.width, model.styles.page.height],
    margin: 0,
    pdfVersion: '1.7',
    lang: meta.lang,
    tagged: true,
    displayTitle: true,
    compress: true,
    info: {
      Title: meta.title,
      ...(meta.subject ? { Subject: meta.subject } : {}),
      Author: meta.authors.join(', '),
      Keywords: meta.keywords.join(', '),
      Creator: 'letter',
      Producer: 'letter (pdfkit)',
      CreationDate: meta.created,
      ModDate: meta.created,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const registered = new Set<string>();
  const use = (face: Face, size: number) => {
    if (!registered.has(face.key)) {
      doc.registerFont(face.key, Buffer.from(face.bytes.buffer, face.bytes.byteOffset, face.bytes.byteLength));
      registered.add(face.key);
    }
    doc.font(face.key).fontSize(size);
  };
  const draw = (item: PlacedText) => {
    use(item.face, item.size);
    // An empty ActualText hides a line-end hyphen from text extraction and copy-paste.
    if (item.hyphen) (doc as unknown as { addContent(s: string): void }).addContent('/Span <</ActualText ()>> BDC');
    doc.text(item.text, item.x, item.y, { lineBreak: false, baseline: 'alphabetic', ...(item.letterSpacing ? { characterSpacing: item.letterSpacing } : {}) });
    if (item.hyphen) (doc as unknown as { addContent(s: string): void }).addContent('EMC');
    if (item.href) doc.link(item.x, item.y - item.size * 0.8, item.width, item.size, item.href);
  };

  const elements = structureElements(doc, laidOut.structure);
  for (const page of laidOut.pages) {
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    // One marked-content sequence per run of items of the same paragraph on this page.
    let open: StructureNode | undefined;
    for (const item of page.items) {
      if (item.tag !== open && open) doc.endMarkedContent();
      if (!item.tag) {
        open = undefined;
        doc.markContent('Artifact', { type: 'Pagination' });
        draw(item);
        doc.endMarkedContent();
        continue;
      }
      if (item.tag !== open) {
        elements.get(item.tag)!.add(doc.markStructureContent(item.tag.type));
        open = item.tag;
      }
      draw(item);
    }
    if (open) doc.endMarkedContent();
    for (const image of page.images) {
      doc.markContent('Artifact', { type: 'Layout' });
      doc.image(Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength), image.x, image.y, { width: image.width, height: image.height });
      doc.endMarkedContent();
    }
    for (const rule of page.rules) {
      doc.markContent('Artifact', { type: 'Layout' });
      doc.moveTo(rule.x, rule.y).lineTo(rule.x + rule.width, rule.y).lineWidth(0.5).stroke();
      doc.endMarkedContent();
    }
  }
  elements.get(laidOut.structure)!.end();
  doc.end();
  await done;
  return { bytes: Buffer.concat(chunks), warnings: laidOut.warnings, pages: laidOut.pages.length };
}

/** A pdfkit structure element for every node, attached under the document's root. */
function structureElements(doc: PDFKit.PDFDocument, root: StructureNode): Map<StructureNode, StructElement> {
  const elements = new Map<StructureNode, StructElement>();
  const make = (node: StructureNode, parent: StructElement | undefined) => {
    const el = doc.struct(node.type);
    if (parent) parent.add(el);
    else doc.addStructure(el);
    elements.set(node, el);
    node.children.forEach((c) => make(c, el));
  };
  make(root, undefined);
  return elements;
}
