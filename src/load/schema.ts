// The letter file's schema: the field names of DESIGN.md's "The letter file" are a contract.
// The same zod schema validates letters and (later) emits the editor's JSON Schema.

import * as z from 'zod/mini';
import { withMeta } from '../core/zod.js';

/** A language code, as the schema's Lang checks it (also signatory-list.ts). */
export const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const Lang = withMeta(z.string().check(z.regex(LANG, { error: 'expected a language code such as `en` or `ko`' })), { id: 'Language', description: 'A language code such as `en` or `ko`.' });

const NonEmpty = z.string({ error: 'expected text' }).check(z.refine((s) => s.trim().length > 0, { error: 'must not be empty' }));

/** A text: one string for all languages, or a map of language → string. */
export const Text = withMeta(
  z.union([NonEmpty, z.record(Lang, NonEmpty)], { error: 'expected a text: a string, or a map of language to string (`{en: …, ko: …}`)' }),
  { id: 'Text', description: 'One string for every language, or one per language: `{en: …, ko: …}`.' },
);

/** A list of lines: one list for all languages, or a map of language → list. */
export const TextLines = withMeta(
  z.union([z.array(NonEmpty), z.record(Lang, z.array(NonEmpty))], { error: 'expected a list of lines, or a map of language to a list of lines' }),
  { id: 'TextLines', description: 'A list of lines for every language, or one list per language.' },
);

export const IsoDate = withMeta(z.iso.date({ error: 'expected a date written YYYY-MM-DD, e.g. 2025-03-11' }), { id: 'Date', description: 'A date written YYYY-MM-DD.' });

const Href = z.string().check(z.regex(/^(https?:\/\/[^\s<>"]+|mailto:[^\s<>"]+|[^\s<>":]+)$/, { error: 'expected an http(s) address or a relative path without spaces' }));
const Link = z.union([Href, z.record(Lang, Href)], { error: 'expected an address, or a map of language to address' });

/** `schema` with a description for editors (the JSON Schema's `description`). */
const about = <T extends z.ZodMiniType>(schema: T, description: string): T => withMeta(schema, { description });
/** An optional field with a description. */
const maybe = <T extends z.ZodMiniType>(schema: T, description?: string) => (description ? about(z.optional(schema), description) : z.optional(schema));

export const Recipient = z.strictObject({
  name: about(Text, 'Who the letter is addressed to, e.g. `President Volodymyr Zelenskyy`.'),
  address: maybe(TextLines, 'Address lines, one list item per line.'),
});

export const Signatory = z.strictObject({
  kind: z.enum(['individual', 'organization'], { error: 'expected `individual` or `organization`' }),
  name: about(Text, 'The name as it is printed; one language is printed as it is in every language.'),
  note: maybe(Text, 'Printed in parentheses after the name, e.g. a family relation.'),
  short: maybe(Text, 'An acronym printed after an organization’s name.'),
  joined: maybe(IsoDate, 'The day the signatory joined (YYYY-MM-DD); orders individuals and dates the list.'),
});

export const Links = z.strictObject({
  pdf: maybe(Link),
  docx: maybe(Link),
  html: maybe(Link),
});

export const LetterSchema = z.strictObject({
  template: about(
    z._default(z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected a template folder name such as `joint-letter`' })), 'joint-letter'),
    'The template: a folder under templates/ in the project, or the built-in `joint-letter`.',
  ),
  languages: about(
    z.array(Lang, { error: 'expected a list of languages, e.g. [en, ko]' }).check(
      z.minLength(1, { error: 'name at least one language' }),
      z.refine((l) => new Set(l).size === l.length, { error: 'a language is listed twice' }),
    ),
    'The languages the letter is published in, e.g. [en, ko]; every text gives one entry per language.',
  ),
  date: about(IsoDate, 'The date the letter is dated (YYYY-MM-DD).'),
  /** Paper size; the template's when absent. */
  page: maybe(z.enum(['A4', 'Letter'], { error: 'expected `A4` or `Letter`' }), 'Paper size; the template’s when absent.'),
  title: about(Text, 'The letter’s title, printed at the top and in the document properties.'),
  recipient: about(Recipient, 'The addressee.'),
  cc: maybe(z.array(Recipient), 'Copies to: further recipients, printed after the addressee.'),
  subject: maybe(Text, 'The subject line.'),
  salutation: about(Text, 'e.g. `Dear President Zelenskyy`.'),
  body: about(Text, 'The letter’s text in Markdown: paragraphs separated by blank lines, *emphasis*, **strong**, [links](https://…) and footnotes [^1].'),
  closing: maybe(Text, 'A closing paragraph after the body.'),
  signoff: maybe(Text, 'e.g. `Sincerely`; printed before the signatories.'),
  signatories: about(
    z.strictObject({
      as_of: maybe(IsoDate, 'The date the list is as of; the latest `joined` when absent.'),
      /**
       * How the list is printed: `standard` (individuals in the order they joined, then
       * organizations alphabetically per language), `listed` (as in this file), `alphabetical`,
       * or `joined` (both groups by date joined).
       */
      order: z._default(z.enum(['standard', 'listed', 'alphabetical', 'joined'], { error: 'expected `standard`, `listed`, `alphabetical` or `joined`' }), 'standard'),
      list: about(z.array(Signatory), 'Who signed; `letter signatories add` and `import` extend it.'),
    }),
    'The signatory list.',
  ),
  links: maybe(Links, 'Where the published files live, printed in the letter where the template has a place for them.'),
});

export type LetterData = z.infer<typeof LetterSchema>;
export type TextValue = z.infer<typeof Text>;
export type TextLinesValue = z.infer<typeof TextLines>;
export type RecipientData = z.infer<typeof Recipient>;
export type SignatoryData = z.infer<typeof Signatory>;
