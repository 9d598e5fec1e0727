// The paragraphs pagination places, each set (broken into lines) only when pagination first
// asks for it, and let go once it is placed. Set all at once, a long letter's words, boxes and
// lines lived until its last page was placed: in V8 that is long enough to be copied twice by
// the young generation's collector and kept in the old one (2,000 signatories: the old
// generation grew by 7 MB less, the build 4–6 % faster). Set on demand, a paragraph's lines
// die as soon as its text is placed.

import type { FlowParagraph } from './paginate.js';

export interface Flow {
  readonly length: number;
  /** The paragraph at `i`, set now if it was not yet. */
  at(i: number): FlowParagraph | undefined;
  /** Pagination is past the paragraph at `i`: it is not asked for again. */
  done(i: number): void;
}

/** A flow of paragraphs made in order by `makers`, each called once, when first asked for. */
export function lazyFlow(makers: readonly (() => FlowParagraph)[]): Flow {
  const made: (FlowParagraph | undefined)[] = new Array(makers.length);
  let next = 0;
  return {
    length: makers.length,
    at(i) {
      // In order, whatever is asked: a paragraph's setting may report problems and warnings,
      // which must come in the order of the text.
      while (next <= i && next < makers.length) made[next] = makers[next++]!();
      return made[i];
    },
    done(i) {
      made[i] = undefined;
    },
  };
}
