// The style sheet a template ships in styles.json: page geometry and the typographic
// properties of each role. It names the roles a template may use as `class`, and travels in
// the document model, so the PDF and DOCX writers format the same roles the same way.

import * as z from 'zod/mini';
import '../core/zod.js';

const Pt = z.number().check(z.gte(0), z.lte(1000));
const FontSize = z.number().check(z.gte(4), z.lte(72));
const Leading = z.number().check(z.gte(0.8), z.lte(4));

export const ParagraphStyleSchema = z.strictObject({
  /** Font size in points. */
  size: z.optional(FontSize),
  /** Line height as a multiple of the size. */
  leading: z.optional(Leading),
  bold: z.optional(z.boolean()),
  italic: z.optional(z.boolean()),
  align: z.optional(z.enum(['left', 'right', 'center', 'justify'])),
  spaceBefore: z.optional(Pt),
  spaceAfter: z.optional(Pt),
  indent: z.optional(Pt),
  firstLineIndent: z.optional(Pt),
  keepWithNext: z.optional(z.boolean()),
  /** Word's style name for the role; defaults to the role in Title Case. */
  name: z.optional(z.string()),
});

export const CharacterStyleSchema = z.strictObject({
  bold: z.optional(z.boolean()),
  italic: z.optional(z.boolean()),
  size: z.optional(FontSize),
  name: z.optional(z.string()),
});

export const SectionStyleSchema = z.strictObject({
  /** Set the section's paragraphs (not its headings) in this many columns… */
  columns: z.optional(z.int().check(z.gte(1), z.lte(4))),
  /** …once it has at least this many of them (a short list reads better in one column). */
  columnsFrom: z.optional(z.int().check(z.gte(1))),
  /** Space between columns, in points. */
  columnGap: z.optional(Pt),
});

const BaseSchema = z.strictObject({ size: FontSize, leading: Leading });

export const LetterheadSchema = z.strictObject({
  /** PNG or JPEG file in the template's folder. */
  image: z.string().check(z.regex(/^[\w.-]+\.(png|jpe?g)$/i, { error: 'expected a PNG or JPEG file name in the template folder' })),
  /** Width on the page in points; the height follows the image. */
  width: z.number().check(z.gte(10), z.lte(600)),
  align: z._default(z.enum(['left', 'center', 'right']), 'center'),
  spaceAfter: z._default(Pt, 18),
});

export const StyleSheetSchema = z.strictObject({
  page: z.strictObject({
    size: z.enum(['A4', 'Letter']),
    margins: z.strictObject({ top: Pt, right: Pt, bottom: Pt, left: Pt }),
  }),
  base: BaseSchema,
  /** Per-language changes to the base: Hangul sets larger and wants more leading. */
  languages: z.optional(z.record(z.string(), z.partial(BaseSchema))),
  paragraphs: z.record(z.string(), ParagraphStyleSchema),
  characters: z.record(z.string(), CharacterStyleSchema),
  sections: z.record(z.string(), SectionStyleSchema),
  /** An image at the top of the first page: the campaign's logo or letterhead. */
  letterhead: z.optional(LetterheadSchema),
});

export type StyleSheetFile = z.infer<typeof StyleSheetSchema>;
export type ParagraphStyleSpec = z.infer<typeof ParagraphStyleSchema>;
export type CharacterStyle = z.infer<typeof CharacterStyleSchema>;
export type SectionStyle = z.infer<typeof SectionStyleSchema>;

/** A paragraph role's style with every property filled in. */
export interface ParagraphStyle {
  name: string;
  size: number;
  leading: number;
  bold: boolean;
  italic: boolean;
  align: 'left' | 'right' | 'center' | 'justify';
  spaceBefore: number;
  spaceAfter: number;
  indent: number;
  firstLineIndent: number;
  keepWithNext: boolean;
}

export interface StyleSheet {
  page: { size: 'A4' | 'Letter'; width: number; height: number; margins: { top: number; right: number; bottom: number; left: number } };
  paragraphs: Record<string, ParagraphStyle>;
  characters: Record<string, CharacterStyle & { name: string }>;
  sections: Record<string, SectionStyle>;
}

const PAGE_SIZES = { A4: [595.28, 841.89], Letter: [612, 792] } as const;

/** Resolves a template's style sheet for one language: base merged into every role. */
export function resolveStyleSheet(file: StyleSheetFile, lang: string, pageSize: StyleSheetFile['page']['size'] = file.page.size): StyleSheet {
  const base = { ...file.base, ...(file.languages?.[lang] ?? {}) };
  const paragraphs: Record<string, ParagraphStyle> = {};
  for (const [role, spec] of Object.entries(file.paragraphs)) {
    paragraphs[role] = {
      name: spec.name ?? titleCase(role),
      size: spec.size ?? base.size,
      leading: spec.leading ?? base.leading,
      bold: spec.bold ?? false,
      italic: spec.italic ?? false,
      align: spec.align ?? 'left',
      spaceBefore: spec.spaceBefore ?? 0,
      spaceAfter: spec.spaceAfter ?? 0,
      indent: spec.indent ?? 0,
      firstLineIndent: spec.firstLineIndent ?? 0,
      keepWithNext: spec.keepWithNext ?? false,
    };
  }
  const characters: StyleSheet['characters'] = {};
  for (const [role, spec] of Object.entries(file.characters)) characters[role] = { ...spec, name: spec.name ?? titleCase(role) };
  const [width, height] = PAGE_SIZES[pageSize];
  return { page: { size: pageSize, width, height, margins: file.page.margins }, paragraphs, characters, sections: file.sections };
}

function titleCase(role: string): string {
  return role.replace(/(^|-)(\w)/g, (_, sep: string, c: string) => (sep ? ' ' : '') + c.toUpperCase());
}
