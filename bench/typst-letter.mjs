// Baseline for `npm run bench`: Typst (via @myriaddreamin/typst-ts-node-compiler) typesetting
// the same letter's English and Korean PDFs in ONE process, so `letter build` can be compared
// against a mature typesetter doing comparable work. It reads letter.yaml directly and writes
// its own Typst source; it shares no code with src/ on purpose (a baseline must not inherit
// our bugs or our speed-ups). Layout only approximates templates/joint-letter; timing is the point.
//
//   node bench/typst-letter.mjs <path/to/letter.yaml> <outdir>
//   → <outdir>/<id>.en.pdf, <outdir>/<id>.ko.pdf; stdout: {"en": bytes, "ko": bytes}

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [file, outdir] = process.argv.slice(2);
if (!file || !outdir) {
  process.stderr.write('usage: node bench/typst-letter.mjs <path/to/letter.yaml> <outdir>\n');
  process.exit(2);
}
const data = parse(readFileSync(file, 'utf8'));
const id = path.basename(path.dirname(path.resolve(file)));
const LANGS = ['en', 'ko'];

// The very font files our tool embeds (fonts.json), so neither side wins on font choice.
// Passed as file paths rather than blobs: the compiler then reads/parses them itself, as the
// Typst CLI would, instead of us copying 28 MB of Noto Serif KR into JS buffers first.
const fontsJson = JSON.parse(readFileSync(path.join(repo, 'fonts', 'fonts.json'), 'utf8'));
const fontPaths = Object.values(fontsJson.families).flatMap((faces) =>
  Object.values(faces).map((f) => path.join(repo, 'node_modules', f.file.replace(/^npm:/, ''))));

const templateDir = path.join(repo, 'templates', data.template ?? 'joint-letter');
const locale = (lang) => JSON.parse(readFileSync(path.join(templateDir, 'locales', `${lang}.json`), 'utf8'));

/** A per-language value (`{en, ko}` or one string for all); undefined when this language lacks it. */
const pick = (v, lang) => (v === undefined || v === null || typeof v !== 'object' || Array.isArray(v) ? v : v[lang]);
/** Required texts fall back to the first language that has one, as the tool does for names. */
const pickAny = (v, lang) => pick(v, lang) ?? (v && typeof v === 'object' ? Object.values(v)[0] : undefined);
const isoOf = (d) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));
const formatDate = (iso, lang) =>
  new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${isoOf(iso)}T00:00:00Z`));

// Escape every ASCII character Typst markup may read as syntax, including the ones that only
// matter in context ('.' after a number or an embedded call, '-' / '=' / '+' / '/' at a line
// start, quotes that Typst would make smart). A backslash before any symbol is a plain escape.
const SPECIAL = /[\\#$*_`<>@[\]~=\-+/'".]/g;
const esc = (s) => String(s).replace(/\s+/g, ' ').replace(SPECIAL, '\\$&');
const str = (s) => `"${String(s).replace(/[\\"]/g, '\\$&')}"`;

// Inline Markdown → Typst. Sticky regexes at one cursor avoid re-slicing the text (only an
// unclosed opener rescans its own paragraph); an opener without its closer is just text
// (Markdown's rule), so output brackets always balance.
const RULES = [
  [/\\([!-/:-@[-`{-~])/y, (m) => ({ text: m[1] })],
  // A note's own text gets no notes: a note citing itself must not recurse forever.
  [/\[\^([^\]\s]+)\]/y, (m, notes) => (notes.has(m[1]) ? { out: `#footnote[${md(notes.get(m[1]), new Map())}]` } : null)],
  [/\[((?:\\.|[^\]\\])+)\]\(([^)\s]+)\)/y, (m, notes) => ({ out: `#link(${str(m[2])})[${md(m[1], notes)}]` })],
  [/\*\*(?=\S)((?:\\.|[^\\])+?)\*\*/y, (m, notes) => ({ out: `#strong[${md(m[1], notes)}]` })],
  [/\*(?=[^\s*])((?:\\.|[^\\*])+?)\*/y, (m, notes) => ({ out: `#emph[${md(m[1], notes)}]` })],
  [/(?<!\w)_(?=\S)((?:\\.|[^\\_])+?)_(?!\w)/y, (m, notes) => ({ out: `#emph[${md(m[1], notes)}]` })],
];
function md(s, notes) {
  let out = '';
  let plain = '';
  for (let i = 0; i < s.length;) {
    let hit = null;
    if ('\\[*_'.includes(s[i])) {
      for (const [re, make] of RULES) {
        re.lastIndex = i;
        const m = re.exec(s);
        if (m && (hit = make(m, notes))) { i += m[0].length; break; }
      }
    }
    if (!hit) { plain += s[i++]; continue; }
    if (hit.text !== undefined) { plain += hit.text; continue; }
    out += esc(plain) + hit.out;
    plain = '';
  }
  return out + esc(plain);
}

/** Body Markdown → paragraphs; `[^id]: text` definitions become Typst footnotes at their refs. */
function body(markdown) {
  const paras = String(markdown).split(/\n[ \t]*\n/).map((p) => p.trim()).filter(Boolean);
  const notes = new Map();
  const text = [];
  for (const p of paras) {
    const def = /^\[\^([^\]\s]+)\]:\s*/.exec(p);
    if (def) notes.set(def[1], p.slice(def[0].length));
    else text.push(p);
  }
  // Each paragraph on one source line: a blank line between them is Typst's paragraph break.
  return text.map((p) => md(p.replace(/\s*\n\s*/g, ' '), notes)).join('\n\n');
}

/** locales/<lang>.json strings with {{name}} filled in; the fill is already Typst markup. */
const t = (strings, key, vars = {}) => esc(strings[key]).replace(/\{\{(\w+)\}\}/g, (_, k) => vars[k] ?? '');

const lines = (v, lang) => (Array.isArray(v) ? v : (v && v[lang]) || []);

// Signatory order as resolve-letter.ts has it for `order: standard`: individuals in the order
// they joined (file order on ties), then organizations alphabetically by Intl.Collator.
// Both are O(n log n) sorts, so 10,000 signatories stay cheap.
function signatories(lang) {
  const s = data.signatories ?? { list: [] };
  const order = s.order ?? 'standard';
  const list = (s.list ?? []).map((x, i) => ({ ...x, i, name: pickAny(x.name, lang), joined: isoOf(x.joined ?? data.date) }));
  const collator = new Intl.Collator(lang, { numeric: true, sensitivity: 'base' });
  const sort = (group, by) => by === 'alphabetical'
    ? group.sort((a, b) => collator.compare(a.name, b.name) || a.i - b.i)
    : by === 'joined' ? group.sort((a, b) => (a.joined < b.joined ? -1 : a.joined > b.joined ? 1 : a.i - b.i)) : group;
  const individuals = sort(list.filter((x) => x.kind === 'individual'), order === 'standard' ? 'joined' : order);
  const organizations = sort(list.filter((x) => x.kind === 'organization'), order === 'standard' ? 'alphabetical' : order);
  // An explicit as_of wins; otherwise the latest `joined` (one pass, not a sort).
  let asOf = s.as_of;
  if (!asOf) for (const x of s.list ?? []) if (x.joined && (!asOf || isoOf(x.joined) > isoOf(asOf))) asOf = x.joined;
  return { asOf, individuals, organizations, count: list.length };
}

function source(lang) {
  const L = locale(lang);
  const ko = lang === 'ko';
  const sig = signatories(lang);
  const out = [];
  const p = (s) => out.push(s);
  p(`#set document(title: ${str(pickAny(data.title, lang))})`);
  p('#set page(paper: "a4", margin: 2.5cm)');
  // fallback: false so Typst can never reach for a system font; only our two families exist here.
  const fonts = ko ? '("Noto Serif KR", "Source Serif 4")' : '("Source Serif 4", "Noto Serif KR")';
  p(`#set text(font: ${fonts}, fallback: false, size: 10.5pt, lang: ${str(lang)}, hyphenate: ${!ko})`);
  // Typst's leading is the gap between lines; these approximate styles.json's 1.42 / 1.7 line height.
  // Typst measures block and paragraph spacing baseline-to-cap-height, like leading, so the
  // template's "space after" is added on top of one leading: gap(0) is simply the next line.
  const lead = ko ? 1.0 : 0.75;
  const gap = (pt) => `${lead}em + ${pt}pt`;
  p(`#set par(leading: ${lead}em, spacing: ${gap(9)})`);
  p(`#set block(above: ${gap(0)})`);
  p(`#block(below: ${gap(18)}, sticky: true, width: 100%, align(center, text(size: 15pt, weight: "bold", hyphenate: false)[${esc(pickAny(data.title, lang))}]))`);
  p(`#block(below: ${gap(16)}, width: 100%, align(right)[${esc(formatDate(data.date, lang))}])`);
  const r = data.recipient ?? {};
  const addr = lines(r.address, lang);
  p(`#block(below: ${gap(addr.length ? 0 : 14)}, sticky: true)[${esc(pickAny(r.name, lang))}]`);
  if (addr.length) p(`#block(below: ${gap(14)}, sticky: true)[${addr.map(esc).join(' \\ ')}]`);
  (data.cc ?? []).forEach((c, i) => {
    const parts = [pickAny(c.name, lang), ...lines(c.address, lang)].map(esc).join(', ');
    p(`#block(below: ${gap(10)}, sticky: true)[${i === 0 ? `#strong[${t(L, 'cc')}] ` : ''}${parts}]`);
  });
  const subject = pick(data.subject, lang);
  if (subject) p(`#block(below: ${gap(14)}, sticky: true, strong[${t(L, 'subject', { text: esc(subject) })}])`);
  p(`#block(below: ${gap(10)}, sticky: true)[${t(L, 'salutation', { text: esc(pickAny(data.salutation, lang)) })}]`);
  p(`#[\n#set par(justify: true)\n${body(pickAny(data.body, lang))}\n]`);
  const closing = pick(data.closing, lang);
  if (closing) p(`#block(above: ${gap(4)}, below: ${gap(10)}, sticky: true)[${esc(closing)}]`);
  const signoff = pick(data.signoff, lang);
  if (signoff) p(`#block(below: ${gap(22)}, sticky: true)[${t(L, 'signoff', { text: esc(signoff) })}]`);
  if (sig.count) {
    const heading = sig.asOf ? t(L, 'signatoriesAsOf', { date: esc(formatDate(sig.asOf, lang)) }) : t(L, 'signatories');
    p(`#block(below: ${gap(10)}, sticky: true, strong[${heading}])`);
    // One paragraph per signatory, collected in an array and joined once: no string growth per entry.
    const entries = [
      ...sig.individuals.map((x) => {
        const note = pick(x.note, lang);
        return esc(x.name) + (note ? ` (${esc(note)})` : '');
      }),
      ...sig.organizations.map((x) => {
        const short = pick(x.short, lang);
        return esc(x.name) + (short ? ` (${esc(short)})` : '');
      }),
    ];
    const list = `#set par(spacing: ${gap(4)})\n${entries.join('\n\n')}`;
    p(sig.count >= 16 ? `#columns(2, gutter: 18pt)[\n${list}\n]` : `#[\n${list}\n]`);
  }
  return out.join('\n') + '\n';
}

// One compiler for both languages: fonts are parsed once and Typst's memoization is shared,
// which is what a tool building both PDFs in one run would get.
const compiler = NodeCompiler.create({ workspace: path.dirname(path.resolve(file)), fontArgs: [{ fontPaths }] });
mkdirSync(outdir, { recursive: true });
const sizes = {};
for (const lang of LANGS) {
  const result = compiler.compile({ mainFileContent: source(lang) });
  const warnings = result.takeWarnings();
  if (warnings) for (const d of compiler.fetchDiagnostics(warnings)) process.stderr.write(`${lang}: ${JSON.stringify(d)}\n`);
  if (result.hasError()) {
    for (const d of compiler.fetchDiagnostics(result.takeError())) process.stderr.write(`${lang}: ${JSON.stringify(d)}\n`);
    process.exit(1);
  }
  const pdf = compiler.pdf(result.result);
  writeFileSync(path.join(outdir, `${id}.${lang}.pdf`), pdf);
  sizes[lang] = pdf.length;
}
process.stdout.write(`${JSON.stringify(sizes)}\n`);
