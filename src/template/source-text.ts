// A text from the letter as the template sees it: prints as its value (escaped, wrapped in
// source marks), compares as truthy, and `toString()`s to the plain value for helpers.

import Handlebars from 'handlebars';
import type { SourcePos } from '../core/diagnostics.js';
import type { SourceMarks } from './source-marks.js';

export class SourceText {
  constructor(
    readonly value: string,
    readonly pos: SourcePos,
    private readonly marks: SourceMarks,
  ) {}

  /** Handlebars calls this instead of escaping the value itself. */
  toHTML(): string {
    return this.marks.wrap(Handlebars.Utils.escapeExpression(this.value), this.pos);
  }

  toString(): string {
    return this.value;
  }
}
