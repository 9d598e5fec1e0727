// The template's style sheet as CSS for the HTML page: each paragraph role a class with the
// size, weight, alignment and spacing the PDF gives it; sections in columns as in the PDF; a
// measure and margins for the screen instead of the paper's.

import { sectionColumns, type DocumentModel, type Section } from '../../model/document.js';

const pt = (n: number) => `${+n.toFixed(2)}pt`;

export function pageCss(model: DocumentModel, families: string): string {
  const { styles } = model;
  const korean = model.meta.lang === 'ko' || model.meta.lang.startsWith('ko-');
  const rules = [
    `html { font-family: ${families}; color: #111; background: #fff; }`,
    // Korean breaks between words, never inside one; English may hyphenate, as in the PDF.
    `body { margin: 0 auto; max-width: 42rem; padding: 2rem 1.25rem 4rem; ${korean ? 'word-break: keep-all; line-break: strict; overflow-wrap: anywhere;' : 'hyphens: auto; overflow-wrap: break-word;'} }`,
    'nav { font-size: 0.9rem; margin-bottom: 2rem; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; }',
    'nav ul { list-style: none; margin: 0; padding: 0; display: flex; gap: 1rem; }',
    'a { color: #1a4d8f; }',
    '.letterhead { margin: 0; } .letterhead img { max-width: 100%; height: auto; }',
    'h1, h2, h3, p { margin: 0; }',
    'sup.footnote-ref { line-height: 0; }',
    '.footnotes { margin-top: 2rem; border-top: 1px solid #999; font-size: 0.85em; }',
  ];
  for (const [role, s] of Object.entries(styles.paragraphs)) {
    const props = [
      `font-size: ${pt(s.size)}`,
      `line-height: ${s.leading}`,
      `font-weight: ${s.bold ? 'bold' : 'normal'}`,
      `font-style: ${s.italic ? 'italic' : 'normal'}`,
      `text-align: ${s.align}`,
      `margin: ${pt(s.spaceBefore)} 0 ${pt(s.spaceAfter)} ${pt(s.indent)}`,
      ...(s.firstLineIndent ? [`text-indent: ${pt(s.firstLineIndent)}`] : []),
    ];
    rules.push(`.${cssIdent(role)} { ${props.join('; ')}; }`);
  }
  for (const [role, s] of Object.entries(styles.characters)) {
    const props = [...(s.bold ? ['font-weight: bold'] : []), ...(s.italic ? ['font-style: italic'] : []), ...(s.size ? [`font-size: ${pt(s.size)}`] : [])];
    if (props.length) rules.push(`span.${cssIdent(role)} { ${props.join('; ')}; }`);
  }
  for (const section of sections(model.blocks)) {
    const { count, gap } = sectionColumns(section, styles);
    // Headings span the columns; the list flows in them, as in the PDF.
    if (count > 1) rules.push(`section.${cssIdent(section.role)} { column-count: ${count}; column-gap: ${pt(gap)}; } section.${cssIdent(section.role)} > h1, section.${cssIdent(section.role)} > h2, section.${cssIdent(section.role)} > h3 { column-span: all; }`);
  }
  return `${rules.join('\n')}\n`;
}

function* sections(blocks: DocumentModel['blocks']): Generator<Section> {
  for (const b of blocks) {
    if (b.kind === 'section') {
      yield b;
      yield* sections(b.children);
    } else if (b.kind === 'quote') yield* sections(b.children);
  }
}

/** Roles are template class names; keep them valid CSS identifiers. */
function cssIdent(role: string): string {
  return role.replace(/[^A-Za-z0-9_-]/g, '_');
}
