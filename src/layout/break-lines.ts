// Line breaking: words → lines of a given measure. First-fit for now; the words are whole
// (Korean breaks only between words), and a word wider than the line is split as a last resort.

import { splitWideWord, type Word } from './atoms.js';

export interface Line {
  words: Word[];
  /** Sum of the words' widths and the natural spaces between them. */
  naturalWidth: number;
  /** Ends its paragraph or a forced break: not stretched when justifying. */
  last: boolean;
  /** Where this line may go: its left offset and measure. */
  indent: number;
  measure: number;
}

/** `measureOf(i)` gives line i's left indent and width (the first line may be indented). */
export function breakLines(input: Word[], measureOf: (line: number) => { indent: number; measure: number }): Line[] {
  const lines: Line[] = [];
  let current: Word[] = [];
  let width = 0;
  const close = (last: boolean) => {
    const { indent, measure } = measureOf(lines.length);
    lines.push({ words: current, naturalWidth: width, last, indent, measure });
    current = [];
    width = 0;
  };
  const pending: Word[] = [];
  let next = 0;
  const take = (): Word | undefined => pending.pop() ?? input[next++];
  for (let word = take(); word; word = take()) {
    const { measure } = measureOf(lines.length);
    const gap = current.length ? current[current.length - 1]!.spaceAfter : 0;
    if (current.length && width + gap + word.width > measure) close(false);
    if (current.length === 0 && word.width > measure && characters(word) > 1) {
      pending.push(...splitWideWord(word, measure).reverse());
      continue;
    }
    width += (current.length ? gap : 0) + word.width;
    current.push(word);
    if (word.breakAfter) close(true);
  }
  if (current.length) close(true);
  else if (lines.length) lines[lines.length - 1]!.last = true;
  return lines;
}

function characters(word: Word): number {
  return word.boxes.reduce((n, b) => n + [...b.text].length, 0);
}
