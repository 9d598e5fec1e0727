// Diagnostics as people read them on a terminal (after Typst's and rustc's): the position and
// message, the source line with a caret under the problem, then the hint. Colour only when
// stderr is a terminal and NO_COLOR is unset; piped output stays plain.

import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { formatPos, type Diagnostic } from '../core/diagnostics.js';

export interface FrameOptions {
  color: boolean;
  /** The words around a diagnostic, in the user's language. */
  words?: { error: string; warning: string; hint: string };
  /** Folders a diagnostic's file may be relative to: the project root, then the working folder. */
  roots: string[];
}

/** Colour for a terminal, unless NO_COLOR is set (https://no-color.org) or the terminal is dumb. */
export function wantsColor(isTTY: boolean | undefined, env: Record<string, string | undefined>): boolean {
  return Boolean(isTTY) && env.NO_COLOR === undefined && env.TERM !== 'dumb';
}

const paint = (on: boolean, code: string) => (text: string) => (on ? `\x1b[${code}m${text}\x1b[0m` : text);

/** Widest slice of a source line shown; a 20,000-bracket line is cut around the column. */
const MAX_SHOWN = 100;

export function formatWithFrame(d: Diagnostic, options: FrameOptions): string {
  const words = options.words ?? { error: 'error', warning: 'warning', hint: 'hint' };
  const bold = paint(options.color, '1');
  const severity = d.severity === 'warning' ? paint(options.color, '1;33')(words.warning) : paint(options.color, '1;31')(words.error);
  const dim = paint(options.color, '2;36');
  const lines = [`${bold(`${formatPos(d.pos)}:`)} ${d.severity === 'warning' || options.color ? `${severity}: ` : ''}${d.message}`];
  const source = d.pos.line === undefined ? undefined : sourceLine(d.pos.file, d.pos.line, options.roots);
  if (source !== undefined) {
    const number = String(d.pos.line);
    const gutter = ' '.repeat(number.length);
    // Tabs would shift the caret: each is shown as one space, as it counts one column. Controls,
    // bidi and other invisible characters show as �, so the line cannot reorder or hide itself.
    let text = source.replace(/\t/g, ' ').replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}\ufffe\uffff]/gu, (m) => '\ufffd'.repeat(m.length));
    let col = d.pos.col;
    if (text.length > MAX_SHOWN) {
      const start = Math.max(0, Math.min((col ?? 1) - 1 - MAX_SHOWN / 2, text.length - MAX_SHOWN));
      text = `${start > 0 ? '…' : ''}${text.slice(start, start + MAX_SHOWN)}${start + MAX_SHOWN < text.length ? '…' : ''}`;
      if (col !== undefined) col = col - start + (start > 0 ? 1 : 0);
    }
    lines.push(`${dim(` ${number} |`)} ${text}`);
    if (col !== undefined) {
      // Under a word or key, the whole of it; under anything else (a bracket, an invisible character), that one.
      const rest = text.slice(col - 1);
      const token = /^[\p{L}\p{N}]/u.test(rest) ? /^[^\s:,\]}]*/.exec(rest)![0] : [...rest].slice(0, 1).join('');
      const carets = Math.min(Math.max(1, displayWidth(token)), 40);
      lines.push(`${dim(` ${gutter} |`)} ${' '.repeat(displayWidth(text.slice(0, col - 1)))}${paint(options.color, '1;31')('^'.repeat(carets))}`);
    }
  }
  if (d.hint) lines.push(`  ${paint(options.color, '1;36')(words.hint)}: ${d.hint}`);
  return lines.join('\n');
}

/** Terminal columns: Hangul and other wide characters take two, marks and format characters none. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    if (/[\p{Mn}\p{Me}\p{Cf}]/u.test(ch)) continue;
    width += WIDE.test(ch) ? 2 : 1;
  }
  return width;
}

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;

/** The line of a project file or of a file named on the command line, if it can be read. */
function sourceLine(file: string, line: number, roots: string[]): string | undefined {
  for (const root of roots) {
    const full = path.resolve(root, file);
    const stat = statSync(full, { throwIfNoEntry: false });
    if (!stat?.isFile() || stat.size > 4 * 1024 * 1024) continue;
    try {
      return readFileSync(full, 'utf8').split(/\r?\n/)[line - 1];
    } catch {
      return undefined;
    }
  }
  return undefined;
}
