// The letter file's schema: the field names of DESIGN.md's "The letter file" are a contract.
// The same zod schema validates letters and (later) emits the editor's JSON Schema.

import { z } from 'zod';

const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const Lang = z.string().regex(LANG, { error: 'expected a language code such as `en` or `ko`' }).meta({ id: 'Language', description: 'A language code such as `en` or `ko`.' });

const NonEmpty = z.string({ error: 'expected text' }).refine((s) => s.trim().length > 0, { error: 'must not be empty' });

/** A text: one string for all languages, or a map of language → string. */
export const Text = z
  .union([NonEmpty, z.record(Lang, NonEmpty)], {
    error: 'expected a text: a string, or a map of language to string (`{en: …, ko: …}`)',
  })
  .meta({ id: 'Text', description: 'One string for every language, or one per language: `{en: …, ko: …}`.' });

/** A list of lines: one list for all languages, or a map of language → list. */
export const TextLines = z
  .union([z.array(NonEmpty), z.record(Lang, z.array(NonEmpty))], {
    error: 'expected a list of lines, or a map of language to a list of lines',
  })
  .meta({ id: 'TextLines', description: 'A list of lines for every language, or one list per language.' });

export const IsoDate = z.iso.date({ error: 'expected a date written YYYY-MM-DD, e.g. 2025-03-11' }).meta({ id: 'Date', description: 'A date written YYYY-MM-DD.' });

const Href = z
  .string()
  .regex(/^(https?:\/\/[^\s<>"]+|mailto:[^\s<>"]+|[^\s<>":]+)$/, { error: 'expected an http(s) address or a relative path without spaces' });
const Link = z.union([Href, z.record(Lang, Href)], { error: 'expected an address, or a map of language to address' });

export const Recipient = z.strictObject({
  name: Text.describe('Who the letter is addressed to, e.g. `President Volodymyr Zelenskyy`.'),
  address: TextLines.optional().describe('Address lines, one list item per line.'),
});

export const Signatory = z.strictObject({
  kind: z.enum(['individual', 'organization'], { error: 'expected `individual` or `organization`' }),
  name: Text.describe('The name as it is printed; one language is printed as it is in every language.'),
  note: Text.optional().describe('Printed in parentheses after the name, e.g. a family relation.'),
  short: Text.optional().describe('An acronym printed after an organization’s name.'),
  joined: IsoDate.optional().describe('The day the signatory joined (YYYY-MM-DD); orders individuals and dates the list.'),
});

export const LetterSchema = z.strictObject({
  template: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected a template folder name such as `joint-letter`' })
    .default('joint-letter')
    .describe('The template: a folder under templates/ in the project, or the built-in `joint-letter`.'),
  languages: z
    .array(Lang, { error: 'expected a list of languages, e.g. [en, ko]' })
    .min(1, { error: 'name at least one language' })
    .refine((l) => new Set(l).size === l.length, { error: 'a language is listed twice' })
    .describe('The languages the letter is published in, e.g. [en, ko]; every text gives one entry per language.'),
  date: IsoDate.describe('The date the letter is dated (YYYY-MM-DD).'),
  /** Paper size; the template's when absent. */
  page: z.enum(['A4', 'Letter'], { error: 'expected `A4` or `Letter`' }).optional().describe('Paper size; the template’s when absent.'),
  title: Text.describe('The letter’s title, printed at the top and in the document properties.'),
  recipient: Recipient.describe('The addressee.'),
  cc: z.array(Recipient).optional().describe('Copies to: further recipients, printed after the addressee.'),
  subject: Text.optional().describe('The subject line.'),
  salutation: Text.describe('e.g. `Dear President Zelenskyy`.'),
  body: Text.describe('The letter’s text in Markdown: paragraphs separated by blank lines, *emphasis*, **strong**, [links](https://…) and footnotes [^1].'),
  closing: Text.optional().describe('A closing paragraph after the body.'),
  signoff: Text.optional().describe('e.g. `Sincerely`; printed before the signatories.'),
  signatories: z.strictObject({
    as_of: IsoDate.optional().describe('The date the list is as of; the latest `joined` when absent.'),
    /**
     * How the list is printed: `standard` (individuals in the order they joined, then
     * organizations alphabetically per language), `listed` (as in this file), `alphabetical`,
     * or `joined` (both groups by date joined).
     */
    order: z.enum(['standard', 'listed', 'alphabetical', 'joined'], { error: 'expected `standard`, `listed`, `alphabetical` or `joined`' }).default('standard'),
    list: z.array(Signatory).describe('Who signed; `letter signatories add` and `import` extend it.'),
  }).describe('The signatory list.'),
  links: z
    .strictObject({
      pdf: Link.optional(),
      docx: Link.optional(),
      html: Link.optional(),
    })
    .optional()
    .describe('Where the published files live, printed in the letter where the template has a place for them.'),
});

export type LetterData = z.infer<typeof LetterSchema>;
export type TextValue = z.infer<typeof Text>;
export type TextLinesValue = z.infer<typeof TextLines>;
export type RecipientData = z.infer<typeof Recipient>;
export type SignatoryData = z.infer<typeof Signatory>;
