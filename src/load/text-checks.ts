// Characters a letter may not contain. Letters arrive by pull request, so invisible or
// malformed characters are refused with their position rather than passed to a writer
// (the docx package, for one, writes U+FFFE into a DOCX that Word cannot open).

/** What a project may relax: bidi controls are refused unless `letter --allow-bidi` is given. */
export interface CharPolicy {
  allowBidi?: boolean;
}

/** Why a code point is refused, or undefined when it is fine. */
export function forbiddenCharReason(cp: number, policy: CharPolicy = {}): string | undefined {
  if ((cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) || cp === 0x7f) return 'a control character';
  if (cp >= 0x80 && cp <= 0x9f) return 'a C1 control character';
  if (cp === 0xfffe || cp === 0xffff) return 'a noncharacter';
  if (cp >= 0xd800 && cp <= 0xdfff) return 'a lone surrogate';
  if (isBidiControl(cp) && !policy.allowBidi) return 'a bidi override or isolate';
  // Planes 15 and 16 carry the pipeline's own source markers (src/template/source-marks.ts).
  if (cp >= 0xf0000) return 'a private-use character';
  return undefined;
}

export function isBidiControl(cp: number): boolean {
  return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/** How to get rid of a refused character: the hint every diagnostic about one carries. */
export function forbiddenCharHint(cp: number): string {
  return isBidiControl(cp)
    ? 'delete it; if right-to-left text truly needs it, run letter with --allow-bidi'
    : 'delete it; retype the text around it if it was pasted';
}

export interface ForbiddenChar {
  /** UTF-16 offset into the string. */
  offset: number;
  cp: number;
  reason: string;
}

/** Code units forbiddenCharReason may refuse, or that begin or end a code point it may. */
const SUSPECT = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]/;

/** Every forbidden character of `text`, lone surrogates included. */
export function findForbiddenChars(text: string, policy: CharPolicy = {}): ForbiddenChar[] {
  const found: ForbiddenChar[] = [];
  // Most letters hold none: a regular expression finds the first code unit that may be refused
  // (every surrogate, so astral characters too), and the scan by code point starts there.
  const first = text.search(SUSPECT);
  if (first < 0) return found;
  for (let i = first; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    const start = i;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
        i++;
      }
    }
    const reason = forbiddenCharReason(cp, policy);
    if (reason) found.push({ offset: start, cp, reason });
  }
  return found;
}

export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}
