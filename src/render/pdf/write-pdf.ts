// The PDF writer: lays the model out (src/layout/) and writes each placed piece of text as the
// glyphs layout shaped (pdf-fonts.ts embeds the faces). The file is tagged: its structure
// tree follows the layout's, each paragraph's text on a page is one marked-content sequence,
// and page numbers, rules and the letterhead are artifacts. Dates come from the model and
// nothing else varies, so the same letter gives the same bytes.

import { layoutDocument } from '../../layout/layout-document.js';
import type { Page, PlacedText, StructureNode } from '../../layout/types.js';
import type { DocumentModel } from '../../model/document.js';
import type { RenderContext, Rendered } from '../formats.js';
import { PdfFonts } from './pdf-fonts.js';
import { imageXObject } from './pdf-images.js';
import { num, PdfFile, pdfDate, type PdfValue, Ref, Text } from './pdf-objects.js';

interface Element {
  ref: Ref;
  kids: PdfValue[];
}

export async function writePdf(model: DocumentModel, ctx: RenderContext): Promise<Rendered> {
  const laidOut = layoutDocument(model, ctx.fonts);
  const { meta } = model;
  const file = new PdfFile();

  const fonts = new PdfFonts(file);
  for (const page of laidOut.pages) for (const item of page.items) fonts.use(item.face, item.face.shaper.runsOf(item.text));
  fonts.embed();
  const images = new Map<Uint8Array, string>();
  const xobjects: Record<string, Ref> = {};
  for (const page of laidOut.pages) {
    for (const image of page.images) {
      if (images.has(image.bytes)) continue;
      const name = `Im${images.size + 1}`;
      images.set(image.bytes, name);
      xobjects[name] = await imageXObject(file, image);
    }
  }
  const resources = file.add({ Font: fonts.resources(), ...(images.size ? { XObject: xobjects } : {}) });

  const pagesRef = file.ref();
  const elements = new Map<StructureNode, Element>();
  const allocate = (node: StructureNode) => {
    elements.set(node, { ref: file.ref(), kids: [] });
    node.children.forEach(allocate);
  };
  allocate(laidOut.structure);

  const parentTree: PdfValue[] = [];
  const pageRefs = laidOut.pages.map((page, index) => {
    const ref = file.ref();
    const { content, owners, links } = pageContent(page, fonts, ref, elements, images);
    parentTree.push(index, owners);
    const annots = links.map(({ item, rect }) => file.add({ Type: 'Annot', Subtype: 'Link', Rect: rect, Border: [0, 0, 0], A: { S: 'URI', URI: new Text(item.href!) } }));
    file.set(ref, {
      Type: 'Page',
      Parent: pagesRef,
      MediaBox: [0, 0, page.width, page.height],
      Resources: resources,
      Contents: file.stream({}, content),
      StructParents: index,
      // Tab order follows the structure, as PDF/UA asks of pages with annotations.
      Tabs: 'S',
      ...(annots.length ? { Annots: annots } : {}),
    });
    return ref;
  });
  file.set(pagesRef, { Type: 'Pages', Kids: pageRefs, Count: pageRefs.length });

  const structRoot = file.ref();
  const writeElement = (node: StructureNode, parent: Ref) => {
    const el = elements.get(node)!;
    for (const child of node.children) el.kids.push(elements.get(child)!.ref);
    file.set(el.ref, { Type: 'StructElem', S: node.type, P: parent, K: el.kids });
    node.children.forEach((c) => writeElement(c, el.ref));
  };
  writeElement(laidOut.structure, structRoot);
  file.set(structRoot, { Type: 'StructTreeRoot', K: [elements.get(laidOut.structure)!.ref], ParentTree: { Nums: parentTree }, ParentTreeNextKey: pageRefs.length });

  const info = file.add({
    Title: new Text(meta.title),
    ...(meta.subject ? { Subject: new Text(meta.subject) } : {}),
    Author: new Text(meta.authors.join(', ')),
    Keywords: new Text(meta.keywords.join(', ')),
    Creator: new Text('letter'),
    Producer: new Text('letter'),
    CreationDate: pdfDate(meta.created),
    ModDate: pdfDate(meta.created),
  });
  const catalog = file.add({
    Type: 'Catalog',
    Pages: pagesRef,
    Lang: new Text(meta.lang),
    MarkInfo: { Marked: true },
    StructTreeRoot: structRoot,
    ViewerPreferences: { DisplayDocTitle: true },
  });
  return { bytes: file.finish(catalog, info), warnings: laidOut.warnings, pages: laidOut.pages.length };
}

/** A page's content stream, the structure elements owning its marked content (by MCID), its links. */
function pageContent(page: Page, fonts: PdfFonts, pageRef: Ref, elements: Map<StructureNode, Element>, images: Map<Uint8Array, string>) {
  // Layout measures y downwards from the top; so does this page's space after the first cm.
  const ops: string[] = [`1 0 0 -1 0 ${num(page.height)} cm`];
  const owners: Ref[] = [];
  const links: { item: PlacedText; rect: number[] }[] = [];
  const draw = (item: PlacedText) => {
    ops.push(fonts.show(item.face, item.size, item.face.shaper.runsOf(item.text), item.x, item.y, item.letterSpacing));
    if (item.href) {
      const top = item.y - item.size * 0.8;
      links.push({ item, rect: [item.x, page.height - top - item.size, item.x + item.width, page.height - top] });
    }
  };
  // One marked-content sequence per run of items of the same paragraph on this page.
  let open: StructureNode | undefined;
  for (const item of page.items) {
    // A line-end hyphen is layout, not text: the paragraph's sequence pauses around it.
    const tag = item.hyphen ? undefined : item.tag;
    if (tag !== open && open) {
      ops.push('EMC');
      open = undefined;
    }
    if (!tag) {
      // Page numbers are pagination artifacts. A hyphen sits between two sequences of its
      // paragraph, where a reader following the tags never meets it, in a span whose empty
      // ActualText hides it from extraction and copy-paste too (poppler ignores ActualText on
      // an artifact, and ends a tagged sequence at a span nested in it).
      ops.push(item.hyphen ? '/Span <</ActualText ()>> BDC' : '/Artifact <</Type /Pagination>> BDC');
      draw(item);
      ops.push('EMC');
      continue;
    }
    if (tag !== open) {
      const el = elements.get(tag)!;
      ops.push(`/${tag.type} <</MCID ${owners.length}>> BDC`);
      el.kids.push({ Type: 'MCR', Pg: pageRef, MCID: owners.length });
      owners.push(el.ref);
      open = tag;
    }
    draw(item);
  }
  if (open) ops.push('EMC');
  for (const image of page.images) {
    ops.push(`/Artifact <</Type /Layout>> BDC q ${num(image.width)} 0 0 ${num(-image.height)} ${num(image.x)} ${num(image.y + image.height)} cm /${images.get(image.bytes)} Do Q EMC`);
  }
  for (const rule of page.rules) {
    ops.push(`/Artifact <</Type /Layout>> BDC q 0.5 w ${num(rule.x)} ${num(rule.y)} m ${num(rule.x + rule.width)} ${num(rule.y)} l S Q EMC`);
  }
  return { content: ops.join('\n'), owners, links };
}
