// Body Markdown → the letter markup subset. Raw HTML is off, so `<b>` in a letter prints as
// written; constructs the subset has no tag for (code, images, rules) are turned off and
// stay literal text. Footnotes (`[^1]`) become `<span class="footnote">` at the place that
// cites them, holding the note's text. Each block's text is wrapped in source marks pointing
// at its line.

import MarkdownIt, { type PluginSimple } from 'markdown-it';
import footnote from 'markdown-it-footnote';
import type Token from 'markdown-it/lib/token.mjs';
import type { SourcePos } from '../core/diagnostics.js';
import type { LocatedMarkdown } from '../resolve/resolve-letter.js';
import { CLOSE_MARK, type SourceMarks } from './source-marks.js';

let parser: MarkdownIt | undefined;

function markdown(): MarkdownIt {
  if (!parser) {
    parser = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false }).use(footnote as unknown as PluginSimple); // its types describe markdown-it's CommonJS build
    parser.disable(['code', 'fence', 'html_block', 'html_inline', 'image', 'hr', 'backticks']);
    // The notes are printed where they are cited; their own block is dropped before rendering.
    parser.renderer.rules.footnote_ref = (tokens, idx, options, env: FootnoteEnv) =>
      `<span class="footnote">${parser!.renderer.renderInline(env.notes.get((tokens[idx]!.meta as { id: number }).id) ?? [], options, env)}</span>`;
  }
  return parser;
}

interface FootnoteEnv {
  notes: Map<number, Token[]>;
}

/** A body's Markdown tokens as the template phase sees them (for `letter check`'s parity). */
export function bodyTokens(value: string): Token[] {
  return markdown().parse(value, {});
}

export function renderMarkdown(body: LocatedMarkdown, marks: SourceMarks): string {
  const md = markdown();
  const tokens = md.parse(body.value, {});
  for (const token of tokens) {
    if (token.type !== 'inline' || !token.children) continue;
    const pos = linePos(body, token);
    // Wrap the block's inline content; the renderer passes the marks through as text.
    const open = new (token.constructor as typeof Token)('text', '', 0);
    open.content = marks.open(pos);
    const close = new (token.constructor as typeof Token)('text', '', 0);
    close.content = CLOSE_MARK;
    token.children.unshift(open);
    token.children.push(close);
  }
  const env: FootnoteEnv = { notes: takeFootnotes(tokens) };
  return md.renderer.render(tokens, md.options, env);
}

/** Removes the footnote block from `tokens`; returns each note's inline content by id. */
function takeFootnotes(tokens: Token[]): Map<number, Token[]> {
  const notes = new Map<number, Token[]>();
  const start = tokens.findIndex((t) => t.type === 'footnote_block_open');
  if (start < 0) return notes;
  const block = tokens.splice(start);
  let id = -1;
  for (const t of block) {
    if (t.type === 'footnote_open') id = (t.meta as { id: number }).id;
    else if (t.type === 'inline' && t.children) {
      const children = t.children.filter((c) => c.type !== 'footnote_anchor');
      const before = notes.get(id);
      // A note of several paragraphs reads as one run of text at the foot of the page.
      notes.set(id, before ? [...before, spaceToken(t), ...children] : children);
    }
  }
  return notes;
}

function spaceToken(like: Token): Token {
  const space = new (like.constructor as typeof Token)('text', '', 0);
  space.content = ' ';
  return space;
}

function linePos(body: LocatedMarkdown, token: Token): SourcePos {
  if (!body.block || !token.map || body.pos.line === undefined) return body.pos;
  return { file: body.pos.file, line: body.pos.line + token.map[0], col: body.pos.col ?? 1 };
}
