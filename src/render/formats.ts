// The format table: every output format is one row. A writer reads only the document model
// (and the fonts it was given); adding a format is a folder under src/render/ and a row here.
// Writers are imported when their format is first built, so a PDF-only build never loads docx.

import type { Diagnostic } from '../core/diagnostics.js';
import type { PreparedParts } from '../core/prepared-parts.js';
import type { FontBook } from '../fonts/font-book.js';
import type { DocumentModel } from '../model/document.js';

export interface RenderContext {
  fonts: FontBook;
  /** Parts prepared when the tool was built (core/prepared-parts.ts). */
  prepared: PreparedParts;
}

export interface Rendered {
  bytes: Uint8Array;
  /** Compromises the writer had to make; the artifact is still written. */
  warnings: Diagnostic[];
  /** Page count, where the writer lays out pages itself (the PDF; Word paginates a DOCX on opening). */
  pages?: number;
}

export interface Format {
  id: string;
  extension: string;
  mediaType: string;
  /** What a reader downloads it as, offered from the HTML page (which is not itself a download). */
  download?: { label: string };
  render(model: DocumentModel, ctx: RenderContext): Promise<Rendered>;
}

export const FORMATS: readonly Format[] = [
  {
    id: 'pdf',
    extension: 'pdf',
    mediaType: 'application/pdf',
    download: { label: 'PDF' },
    render: async (model, ctx) => (await import('./pdf/write-pdf.js')).writePdf(model, ctx),
  },
  {
    id: 'docx',
    extension: 'docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    download: { label: 'Word (DOCX)' },
    render: async (model, ctx) => (await import('./docx/write-docx.js')).writeDocx(model, ctx),
  },
  {
    id: 'html',
    extension: 'html',
    mediaType: 'text/html',
    render: async (model, ctx) => (await import('./html/write-html.js')).writeHtml(model, ctx),
  },
];
