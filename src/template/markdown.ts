// Body Markdown → the letter markup subset. Raw HTML is off, so `<b>` in a letter prints as
// written; constructs the subset has no tag for (code, images, rules) are turned off and
// stay literal text. Each block's text is wrapped in source marks pointing at its line.

import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { SourcePos } from '../core/diagnostics.js';
import type { LocatedMarkdown } from '../resolve/resolve-letter.js';
import { CLOSE_MARK, type SourceMarks } from './source-marks.js';

let parser: MarkdownIt | undefined;

function markdown(): MarkdownIt {
  if (!parser) {
    parser = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false });
    parser.disable(['code', 'fence', 'html_block', 'html_inline', 'image', 'hr', 'backticks']);
  }
  return parser;
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
  return md.renderer.render(tokens, md.options, {});
}

function linePos(body: LocatedMarkdown, token: Token): SourcePos {
  if (!body.block || !token.map || body.pos.line === undefined) return body.pos;
  return { file: body.pos.file, line: body.pos.line + token.map[0], col: body.pos.col ?? 1 };
}
