// Reads a DOCX as Word does: its parts unzipped and parsed as XML.

import { DOMParser, type Document as XmlDocument, type Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export function docxParts(bytes: Uint8Array): { names: string[]; bytes(name: string): Uint8Array; xml(name: string): XmlDocument } {
  const parts = unzipSync(bytes);
  return {
    names: Object.keys(parts),
    bytes(name) {
      const data = parts[name];
      if (!data) throw new Error(`no part ${name}`);
      return data;
    },
    xml(name) {
      const data = parts[name];
      if (!data) throw new Error(`no part ${name}`);
      return new DOMParser().parseFromString(strFromU8(data), 'text/xml');
    },
  };
}

export function all(node: XmlDocument | Element, local: string, ns = W): Element[] {
  return Array.from(node.getElementsByTagNameNS(ns, local));
}

export function attr(el: Element | undefined, local: string): string | null {
  return el?.getAttributeNS(W, local) ?? null;
}

/** Each paragraph of the body: its style id and its text (line breaks as \n). */
export function paragraphsOf(doc: XmlDocument): { style: string | null; text: string }[] {
  return all(doc, 'p').map((p) => {
    let text = '';
    for (const r of all(p, 'r')) {
      for (const child of Array.from(r.childNodes) as Element[]) {
        if (child.localName === 't') text += child.textContent ?? '';
        else if (child.localName === 'br') text += '\n';
      }
    }
    return { style: attr(all(p, 'pStyle')[0], 'val'), text };
  });
}
