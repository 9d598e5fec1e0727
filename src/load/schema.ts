// The letter file's schema: the field names of DESIGN.md's "The letter file" are a contract.
// The same zod schema validates letters and (later) emits the editor's JSON Schema.

import { z } from 'zod';

const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const Lang = z.string().regex(LANG, { error: 'expected a language code such as `en` or `ko`' });

const NonEmpty = z.string({ error: 'expected text' }).refine((s) => s.trim().length > 0, { error: 'must not be empty' });

/** A text: one string for all languages, or a map of language → string. */
export const Text = z.union([NonEmpty, z.record(Lang, NonEmpty)], {
  error: 'expected a text: a string, or a map of language to string (`{en: …, ko: …}`)',
});

/** A list of lines: one list for all languages, or a map of language → list. */
export const TextLines = z.union([z.array(NonEmpty), z.record(Lang, z.array(NonEmpty))], {
  error: 'expected a list of lines, or a map of language to a list of lines',
});

export const IsoDate = z.iso.date({ error: 'expected a date written YYYY-MM-DD, e.g. 2025-03-11' });

const Href = z
  .string()
  .regex(/^(https?:\/\/[^\s<>"]+|mailto:[^\s<>"]+|[^\s<>":]+)$/, { error: 'expected an http(s) address or a relative path without spaces' });
const Link = z.union([Href, z.record(Lang, Href)], { error: 'expected an address, or a map of language to address' });

export const Recipient = z.strictObject({
  name: Text,
  address: TextLines.optional(),
});

export const Signatory = z.strictObject({
  kind: z.enum(['individual', 'organization'], { error: 'expected `individual` or `organization`' }),
  name: Text,
  note: Text.optional(),
  short: Text.optional(),
  joined: IsoDate.optional(),
});

export const LetterSchema = z.strictObject({
  template: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected a template folder name such as `joint-letter`' })
    .default('joint-letter'),
  languages: z
    .array(Lang, { error: 'expected a list of languages, e.g. [en, ko]' })
    .min(1, { error: 'name at least one language' })
    .refine((l) => new Set(l).size === l.length, { error: 'a language is listed twice' }),
  date: IsoDate,
  /** Paper size; the template's when absent. */
  page: z.enum(['A4', 'Letter'], { error: 'expected `A4` or `Letter`' }).optional(),
  title: Text,
  recipient: Recipient,
  cc: z.array(Recipient).optional(),
  subject: Text.optional(),
  salutation: Text,
  body: Text,
  closing: Text.optional(),
  signoff: Text.optional(),
  signatories: z.strictObject({
    as_of: IsoDate.optional(),
    /**
     * How the list is printed: `standard` (individuals in the order they joined, then
     * organizations alphabetically per language), `listed` (as in this file), `alphabetical`,
     * or `joined` (both groups by date joined).
     */
    order: z.enum(['standard', 'listed', 'alphabetical', 'joined'], { error: 'expected `standard`, `listed`, `alphabetical` or `joined`' }).default('standard'),
    list: z.array(Signatory),
  }),
  links: z
    .strictObject({
      pdf: Link.optional(),
      docx: Link.optional(),
      html: Link.optional(),
    })
    .optional(),
});

export type LetterData = z.infer<typeof LetterSchema>;
export type TextValue = z.infer<typeof Text>;
export type TextLinesValue = z.infer<typeof TextLines>;
export type RecipientData = z.infer<typeof Recipient>;
export type SignatoryData = z.infer<typeof Signatory>;
