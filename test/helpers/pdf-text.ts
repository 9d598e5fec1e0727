// Text of a PDF as a reader gets it, through pdfjs-dist: lines in reading order per page,
// with a space wherever the gap between two pieces of text is a space's width.

import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  pages: string[][];
  info: Record<string, unknown>;
}

interface Item {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

export async function pdfText(bytes: Uint8Array): Promise<PdfText> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, useSystemFonts: false }).promise;
  const pages: string[][] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    const items = (content.items as Item[]).filter((i) => 'str' in i && i.str.length > 0);
    const rows = new Map<number, Item[]>();
    for (const item of items) {
      const y = Math.round(item.transform[5]!);
      rows.set(y, [...(rows.get(y) ?? []), item]);
    }
    const lines = [...rows.entries()]
      .sort((a, b) => b[0] - a[0])
      .map(([, row]) => {
        row.sort((a, b) => a.transform[4]! - b.transform[4]!);
        let text = '';
        let end = -Infinity;
        for (const item of row) {
          const x = item.transform[4]!;
          const size = Math.abs(item.transform[0]!) || 10;
          if (text && !/\s$/.test(text) && x - end > size * 0.15) text += ' ';
          text += item.str;
          end = x + item.width;
        }
        return text.replace(/\s+/g, ' ').trim();
      });
    pages.push(lines);
  }
  const meta = await doc.getMetadata();
  await doc.destroy();
  return { pages, info: meta.info as Record<string, unknown> };
}

/** All lines of all pages joined with spaces: the text as one string, for `contains` checks. */
export function flatText(t: PdfText): string {
  return t.pages.flat().join(' ');
}

interface StructNode {
  role?: string;
  children?: StructNode[];
}

/** Roles of the structure tree of every page, depth first (pdfjs's view of the tags). */
export async function pdfStructure(bytes: Uint8Array): Promise<string[][]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const pages: string[][] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const tree = (await (await doc.getPage(p)).getStructTree()) as StructNode | null;
    const roles: string[] = [];
    const walk = (n: StructNode) => {
      if (n.role) roles.push(n.role);
      n.children?.forEach(walk);
    };
    if (tree) walk(tree);
    pages.push(roles);
  }
  await doc.destroy();
  return pages;
}
