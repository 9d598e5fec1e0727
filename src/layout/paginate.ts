// Pages from lines: paragraphs flow down the page with their space before and after;
// a paragraph marked keep-with-next stays with the first lines of the next, no page starts
// with a paragraph's last line alone (widow) or ends with its first alone (orphan), and
// justified lines get their slack spread evenly over their spaces. Footnotes go to the foot
// of the page whose line cites them, below a short rule.

import type { ParagraphStyle, StyleSheet } from '../model/stylesheet.js';
import { codePoints } from './atoms.js';
import { justification, letterSpacing, type Justification, type Line } from './break-lines.js';
import type { Flow } from './flow.js';
import type { Page, PlacedText, StructureNode } from './types.js';

export interface FlowParagraph {
  style: ParagraphStyle;
  lines: Line[];
  /** The paragraph's node in the document structure, given to every piece of its text. */
  tag: StructureNode;
  /** A row of paragraphs set side by side (columns), kept together; `lines` is the tallest's. */
  cells?: (FlowParagraph & { offset: number })[];
  /** Footnotes cited on a line, laid out as paragraphs of their own. */
  notes?: Map<Line, FlowParagraph[]>;
}

/** Space between the text and the footnotes, with the rule in it. */
const NOTE_GAP = 14;
const RULE_WIDTH = 90;

const MIN_LINES = 2;

/** `reserved`: height kept free at the top of the first page (for the letterhead). */
export function paginate(flow: Flow, page: StyleSheet['page'], reserved = 0): Page[] {
  const top = page.margins.top;
  const bottom = page.height - page.margins.bottom;
  const pages: Page[] = [];
  let current: Page = newPage();
  let y = top + reserved;
  let notes: FlowParagraph[] = [];
  let footHeight = 0;

  function newPage(): Page {
    const p: Page = { width: page.width, height: page.height, items: [], rules: [], images: [] };
    pages.push(p);
    return p;
  }
  const lineHeight = (p: FlowParagraph) => p.style.size * p.style.leading;
  const noteHeight = (list: FlowParagraph[]) => list.reduce((h, n) => h + n.lines.length * lineHeight(n) + n.style.spaceAfter, list.length && !footHeight ? NOTE_GAP : 0);
  /** Where text must stop on this page: above its footnotes, and above `more` new ones. */
  const limit = (more: FlowParagraph[] = []) => bottom - footHeight - noteHeight(more);
  const addNotes = (list: FlowParagraph[]) => {
    footHeight += noteHeight(list);
    notes.push(...list);
  };
  const finishPage = () => {
    if (!notes.length) return;
    let ny = bottom - footHeight + NOTE_GAP;
    current.rules.push({ x: page.margins.left, y: ny - NOTE_GAP / 2, width: RULE_WIDTH });
    for (const note of notes) {
      const lh = lineHeight(note);
      for (const line of note.lines) {
        place(current, line, note, ny, lh);
        ny += lh;
      }
      ny += note.style.spaceAfter;
    }
    notes = [];
    footHeight = 0;
  };
  const breakPage = () => {
    finishPage();
    current = newPage();
    y = top;
  };
  /** Height of a paragraph's first `n` lines with its space before (none at a page top). */
  const headHeight = (p: FlowParagraph, n: number, atTop: boolean) => (atTop ? 0 : p.style.spaceBefore) + Math.min(n, p.lines.length) * lineHeight(p);

  for (let i = 0; i < flow.length; flow.done(i++)) {
    const para = flow.at(i)!;
    const lh = lineHeight(para);
    // A keep-with-next chain must fit with the next paragraph's first lines, or start a new page.
    let need = headHeight(para, para.style.keepWithNext || para.cells ? para.lines.length : Math.min(para.lines.length, MIN_LINES), y === top);
    for (let k = i; flow.at(k)?.style.keepWithNext && flow.at(k + 1); k++) {
      const next = flow.at(k + 1)!;
      need += next.style.spaceBefore + Math.min(next.lines.length, next.style.keepWithNext ? next.lines.length : MIN_LINES) * lineHeight(next) + flow.at(k)!.style.spaceAfter;
    }
    if (y > top && y + need > limit()) breakPage();
    if (y > top) y += para.style.spaceBefore;
    if (para.cells) {
      const cited = para.cells.flatMap((cell) => cell.lines.flatMap((line) => cell.notes?.get(line) ?? []));
      if (y > top && y + para.lines.length * lh > limit(cited)) breakPage();
      addNotes(cited);
      for (const cell of para.cells) cell.lines.forEach((line, n) => place(current, line, cell, y + n * lh, lh, cell.offset));
      y += para.lines.length * lh + para.style.spaceAfter;
      continue;
    }

    const lines = para.lines;
    for (let n = 0; n < lines.length; n++) {
      const cited = para.notes?.get(lines[n]!) ?? [];
      if (y + lh > limit(cited) + 0.01 && y > top) {
        // Leave no widow: if only one line would follow, carry the line before it too
        // (unless that line cites a note, which has already been placed on this page).
        const placedHere = n;
        const remaining = lines.length - n;
        if (remaining < MIN_LINES && placedHere > MIN_LINES && !para.notes?.has(lines[n - 1]!)) {
          current.items.splice(current.items.length - itemsOf(lines[n - 1]!));
          n--;
        }
        breakPage();
      }
      addNotes(para.notes?.get(lines[n]!) ?? []);
      place(current, lines[n]!, para, y, lh);
      y += lh;
    }
    y += para.style.spaceAfter;
  }
  finishPage();
  return pages;

  function place(target: Page, line: Line, para: FlowParagraph, lineTop: number, lh: number, dx = 0) {
    const style = para.style;
    const baseline = lineTop + lh / 2 + style.size * 0.32;
    const gaps = line.words.length - 1;
    const slack = line.measure - line.naturalWidth;
    let x = page.margins.left + line.indent + dx;
    let spacing: Justification = { ratio: 0, wordSpacing: 0 };
    if (style.align === 'justify' && !line.last) spacing = justification(line);
    else if (style.align === 'right') x += Math.max(0, slack);
    else if (style.align === 'center') x += Math.max(0, slack / 2);
    line.words.forEach((word, w) => {
      const ls = letterSpacing(word, spacing.ratio);
      word.boxes.forEach((box, b) => {
        const lastBox = b === word.boxes.length - 1;
        // The space after a word is drawn as part of its last box, so extracted text keeps it:
        // at a line's end too (where it shows nothing), or the tagged text of a paragraph, which
        // screen readers follow, would run the last word of a line into the first of the next.
        const endsLine = w === gaps;
        const space = lastBox && (word.spaceAfter > 0 || (endsLine && word.breakAfter)) ? ' ' : '';
        const chars = codePoints(box.text);
        const item: PlacedText = { x, y: baseline - (box.rise ?? 0), text: box.text + space, face: box.face, size: box.size, width: box.width + ls * (lastBox ? chars - 1 : chars), tag: para.tag };
        if (ls) item.letterSpacing = ls;
        if (box.href) item.href = box.href;
        target.items.push(item);
        x += item.width;
      });
      if (w < gaps) x += word.spaceAfter + spacing.wordSpacing;
    });
    if (line.hyphenated) {
      const last = target.items.at(-1)!;
      target.items.push({ ...last, x: last.x + last.width, text: '-', width: line.words.at(-1)!.hyphen!, hyphen: true });
    }
  }
}

/** How many placed items a line became: one per box, and its line-end hyphen. */
function itemsOf(line: Line): number {
  return line.words.reduce((n, w) => n + w.boxes.length, line.hyphenated ? 1 : 0);
}
