// Line breaking: words → lines of a given measure. Justified paragraphs get breaks chosen
// for the whole paragraph (total fit, after Knuth and Plass): the sum of squared line
// badness is minimal, so no line is left very loose to keep an earlier one tight. Other
// alignments fill lines first-fit. Words are whole (Korean breaks only between words); a word
// wider than the line is split as a last resort.

import { splitWideWord, type Word } from './atoms.js';

export interface Line {
  words: Word[];
  /** Sum of the words' widths and the natural spaces between them. */
  naturalWidth: number;
  /** Ends its paragraph or a forced break: not stretched when justifying. */
  last: boolean;
  /** Ends inside a word, at a hyphenation point: a hyphen is drawn after its last word. */
  hyphenated: boolean;
  /** Where this line may go: its left offset and measure. */
  indent: number;
  measure: number;
}

export type MeasureOf = (line: number) => { indent: number; measure: number };

/** How far a space may stretch and shrink, as fractions of its natural width (TeX's defaults). */
export const SPACE_STRETCH = 0.5;
export const SPACE_SHRINK = 1 / 3;

/** Called with a description of each compromise the breaker had to make (for a warning). */
export type Compromise = (message: string) => void;

export function breakLines(input: Word[], measureOf: MeasureOf, justify: boolean, compromise: Compromise = () => {}): Line[] {
  const words = splitOverwide(input, measureOf, compromise);
  const lines: Line[] = [];
  // Forced breaks cut the paragraph into segments, each ending in a line that is not stretched.
  let start = 0;
  for (let i = 0; i < words.length; i++) {
    if (words[i]!.breakAfter || i === words.length - 1) {
      const segment = words.slice(start, i + 1);
      // A segment that fits on one line is that line: a last line that fits costs nothing,
      // and any other line costs something. Most of a signatory list is such paragraphs.
      const ends = naturalWidth(segment) <= measureOf(lines.length).measure ? [segment.length] : justify ? totalFit(segment, (n) => measureOf(lines.length + n).measure) : firstFit(segment, (n) => measureOf(lines.length + n).measure);
      let from = 0;
      for (const end of ends) {
        const lineWords = segment.slice(from, end);
        const { indent, measure } = measureOf(lines.length);
        const hyphenated = end < segment.length && (lineWords.at(-1)!.hyphen ?? 0) > 0;
        lines.push({ words: lineWords, naturalWidth: naturalWidth(lineWords) + (hyphenated ? lineWords.at(-1)!.hyphen! : 0), last: end === segment.length, hyphenated, indent, measure });
        from = end;
      }
      start = i + 1;
    }
  }
  for (const line of lines) {
    const shrink = line.words.reduce((n, w, k) => n + w.letterGaps * w.letterShrink + (k < line.words.length - 1 ? w.spaceAfter * SPACE_SHRINK : 0), 0);
    const over = line.naturalWidth - (justify ? shrink : 0) - line.measure;
    if (over > 0.5) compromise(`the line \`${abbreviate(line.words.map(wordText).join(' '))}\` sticks out ${over.toFixed(1)} pt past the margin`);
  }
  return lines;
}

function naturalWidth(words: Word[]): number {
  let w = 0;
  words.forEach((word, i) => {
    w += word.width + (i < words.length - 1 ? word.spaceAfter : 0);
  });
  return w;
}

/** Splits words wider than any line into pieces that fit: the only way such a word can be set. */
function splitOverwide(words: Word[], measureOf: MeasureOf, compromise: Compromise): Word[] {
  const narrowest = Math.min(measureOf(0).measure, measureOf(1).measure);
  if (!words.some((w) => w.width > narrowest)) return words;
  return words.flatMap((w) => {
    if (w.width <= narrowest) return [w];
    compromise(`\`${abbreviate(wordText(w))}\` is wider than the line and was broken between letters`);
    return splitWideWord(w, narrowest);
  });
}

function wordText(w: Word): string {
  return w.boxes.map((b) => b.text).join('');
}

function abbreviate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/** Ends (exclusive word indexes) of first-fit lines. */
function firstFit(words: Word[], measure: (line: number) => number): number[] {
  const ends: number[] = [];
  let width = 0;
  words.forEach((word, i) => {
    const gap = i > 0 && width > 0 ? words[i - 1]!.spaceAfter : 0;
    if (width > 0 && width + gap + word.width > measure(ends.length) && !words[i - 1]!.glued) {
      ends.push(i);
      width = word.width;
    } else width += gap + word.width;
  });
  ends.push(words.length);
  return ends;
}

/**
 * Ends of the lines that minimise total demerits. best[j] is the cheapest way to set words
 * 0..j-1 with a break after word j-1; a line from i to j costs (1 + badness)², where badness
 * grows with the cube of how far its spaces must stretch or shrink. Lines may stretch as far
 * as needed, at a price; a line that cannot shrink enough costs more than any that fits, so a
 * solution always exists (only prohibited breaks between words too long for the line force one).
 * Only the first line's measure may differ, so the line number need not be part of the state.
 *
 * The search first leaves out lines that would stretch more than LOOSEST times their stretch,
 * and overfull ones: each costs more than LOOSEST_COST, so when the best paragraph found
 * without them costs less, no paragraph with one can be better, and it is the answer. Most
 * candidate lines are such (a word or two, left loose), so this skips most of the work; a
 * paragraph that needs a very loose line is searched again in full. `prune: false` searches
 * in full at once (the tests compare the two).
 */
export function totalFit(words: Word[], measure: (line: number) => number, prune = true): number[] {
  // Read once: each call makes the page's measure anew.
  const measures = { first: measure(0), other: measure(1) };
  const sums = prefixSums(words);
  const pruned = prune ? search(words, sums, measures, LOOSEST) : undefined;
  return pruned && pruned.cost < LOOSEST_COST ? pruned.ends : search(words, sums, measures, Infinity).ends;
}

/** A line may stretch this many times its stretch before the first search leaves it out. */
const LOOSEST = 3;
/** What the loosest line left out costs at least. */
const LOOSEST_COST = (1 + 100 * LOOSEST ** 3) ** 2;

interface Sums {
  /** Sums over words 0..k-1 of width plus space after, stretch, shrink (spaces included). */
  width: Float64Array;
  stretch: Float64Array;
  shrink: Float64Array;
}

function prefixSums(words: Word[]): Sums {
  const n = words.length;
  const sums = { width: new Float64Array(n + 1), stretch: new Float64Array(n + 1), shrink: new Float64Array(n + 1) };
  for (let k = 0; k < n; k++) {
    const w = words[k]!;
    sums.width[k + 1] = sums.width[k]! + w.width + w.spaceAfter;
    sums.stretch[k + 1] = sums.stretch[k]! + w.letterGaps * w.letterStretch + w.spaceAfter * SPACE_STRETCH;
    sums.shrink[k + 1] = sums.shrink[k]! + w.letterGaps * w.letterShrink + w.spaceAfter * SPACE_SHRINK;
  }
  return sums;
}

function search(words: Word[], sums: Sums, measures: { first: number; other: number }, loosest: number): { ends: number[]; cost: number } {
  const n = words.length;
  const pruning = loosest < Infinity;
  const best = new Float64Array(n + 1).fill(Infinity);
  const from = new Int32Array(n + 1).fill(-1);
  best[0] = 0;
  for (let j = 1; j <= n; j++) {
    const lastWord = words[j - 1]!;
    if (j < n && lastWord.glued) continue;
    // The line i..j-1 has the sums of its words, less the space after its last word.
    const space = lastWord.spaceAfter;
    const spaceStretch = space * SPACE_STRETCH;
    const spaceShrink = space * SPACE_SHRINK;
    const hyphen = j < n ? (lastWord.hyphen ?? 0) : 0;
    for (let i = j - 1; i >= 0; i--) {
      // Each figure only when needed: in cold code every arithmetic result is a new heap number.
      const width = sums.width[j]! - sums.width[i]! - space + hyphen;
      const m = i === 0 ? measures.first : measures.other;
      let shrink = 0;
      let overfull = false;
      if (width >= m) {
        shrink = sums.shrink[j]! - sums.shrink[i]! - spaceShrink;
        overfull = width - shrink > m + 0.001;
        // Past the measure only while no line ending at j was found (glued words may
        // overflow), and only in the full search: an overfull line costs more than a loose one.
        if (overfull && (best[j] !== Infinity || pruning)) break;
      }
      if (best[i] === Infinity) continue;
      const stretch = sums.stretch[j]! - sums.stretch[i]! - spaceStretch;
      // The last line is never stretched; any other this loose waits for the full search.
      if (pruning && j < n && m - width > loosest * stretch) continue;
      let cost = overfull ? OVERFULL + (width - shrink - m) : lineDemerits(width, stretch, shrink, m, j === n);
      // A paragraph ending in one short word on a line of its own (a runt) looks unfinished.
      if (j === n && i === j - 1 && i > 0) cost += RUNT_DEMERITS;
      if (hyphen) cost += HYPHEN_DEMERITS + (i > 0 && words[i - 1]!.hyphen ? DOUBLE_HYPHEN_DEMERITS : 0);
      if (best[i]! + cost < best[j]!) {
        best[j] = best[i]! + cost;
        from[j] = i;
      }
    }
  }
  const ends: number[] = [];
  for (let j = n; j > 0; j = from[j]!) ends.push(j);
  return { ends: ends.reverse(), cost: best[n]! };
}

/**
 * What a hyphen costs, in demerits (the scale of (1 + badness)²): enough that a break at a
 * space is preferred unless it leaves a line looser than about two thirds of its stretch.
 * Two hyphenated lines in a row cost much more (TeX's \doublehyphendemerits).
 */
const HYPHEN_DEMERITS = 3000;
const DOUBLE_HYPHEN_DEMERITS = 10000;
const RUNT_DEMERITS = 5000;

/** Cost of a line wider than its measure: worse than any line that fits. */
const OVERFULL = 1e15;

function lineDemerits(width: number, stretch: number, shrink: number, measure: number, last: boolean): number {
  if (last) return width <= measure + 0.001 ? 0 : lineDemerits(width, stretch, shrink, measure, false);
  let ratio: number;
  if (width < measure) ratio = stretch > 0 ? (measure - width) / stretch : 10;
  else ratio = shrink > 0 ? (width - measure) / shrink : width > measure + 0.001 ? 10 : 0;
  const badness = 100 * Math.abs(ratio) ** 3;
  return (1 + badness) ** 2;
}

export interface Justification {
  /** Fraction of their stretch (positive) or shrink (negative) that letters and spaces take. */
  ratio: number;
  /** Added to each space between words, in points. */
  wordSpacing: number;
}

/**
 * How a justified line takes up its slack: letters and spaces each move by the same fraction
 * of how far they may stretch (or shrink), so neither is pushed to its limit alone. Letters
 * never pass their limit; spaces take whatever slack is left.
 */
export function justification(line: Line): Justification {
  const slack = line.measure - line.naturalWidth;
  const gaps = line.words.length - 1;
  let letters = 0;
  let spaces = 0;
  line.words.forEach((w, i) => {
    letters += w.letterGaps * (slack >= 0 ? w.letterStretch : w.letterShrink);
    if (i < gaps) spaces += w.spaceAfter * (slack >= 0 ? SPACE_STRETCH : SPACE_SHRINK);
  });
  if (gaps === 0 || letters + spaces <= 0) return { ratio: 0, wordSpacing: 0 };
  const ratio = Math.sign(slack) * Math.min(1, Math.abs(slack) / (letters + spaces));
  const lettersTaken = line.words.reduce((n, w) => n + w.letterGaps * letterSpacing(w, ratio), 0);
  return { ratio, wordSpacing: (slack - lettersTaken) / gaps };
}

/** The letter spacing of a word on a line justified at `ratio`, in points. */
export function letterSpacing(word: Word, ratio: number): number {
  return ratio * (ratio >= 0 ? word.letterStretch : word.letterShrink);
}
