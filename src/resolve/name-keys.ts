// Sort keys for the names of a Korean or English letter, in the order ICU's collator gives
// them (Intl.Collator with `numeric` and `sensitivity: 'base'`): ICU takes 6–8 ms to set up
// its first collator, a fortieth of a build of the seed letter. A key is a string of primary
// weights, one per character: punctuation in ICU's order, then numbers by value, then
// letters without case, Hangul before Latin for Korean and after it for English, a syllable
// as its leading consonant, vowel and final consonant (가나 before 간, as in a dictionary).
// A name with any other character has no key, and the caller asks ICU; a test compares the
// two orders on many thousands of generated names.

/** Punctuation by primary weight, in ICU's order; characters in one group are equal. */
const PUNCTUATION = [' ', '_', '-', '–', ',', ';', ':', '!', '?', '.', '·', '’\'', '"“”', '(', ')', '@', '/', '&', '#', '%', '+'];
const WEIGHT = new Map(PUNCTUATION.flatMap((group, i) => [...group].map((c) => [c.charCodeAt(0), i + 1] as const)));
/** A number is its count of digits, then its digits; numbers sort before letters. */
const NUMBER = 0x100;
const DIGIT = 0x200;
const FIRST_SCRIPT = 0x1000;
const SECOND_SCRIPT = 0x2000;
/** Within the Hangul block: leading consonants, then vowels, then final consonants. */
const VOWELS = 19;
const FINALS = VOWELS + 21;

const SCRIPTS: Record<string, { latin: number; hangul: number }> = {
  en: { latin: FIRST_SCRIPT, hangul: SECOND_SCRIPT },
  ko: { latin: SECOND_SCRIPT, hangul: FIRST_SCRIPT },
};

/** The name's key for `lang`, or undefined when a character of it is not covered here. */
export function nameKey(name: string, lang: string): string | undefined {
  if (!Object.hasOwn(SCRIPTS, lang)) return undefined;
  const scripts = SCRIPTS[lang]!;
  const weights: number[] = [];
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      let end = i;
      while (end < name.length && name.charCodeAt(end) >= 0x30 && name.charCodeAt(end) <= 0x39) end++;
      // Leading zeros do not count: 01 and 1 are the same number.
      let first = i;
      while (first < end - 1 && name.charCodeAt(first) === 0x30) first++;
      // ICU reads at most 254 digits as one number.
      if (end - first > 254) return undefined;
      weights.push(NUMBER + end - first);
      for (let k = first; k < end; k++) weights.push(DIGIT + name.charCodeAt(k) - 0x30);
      i = end - 1;
    } else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) {
      weights.push(scripts.latin + ((c | 0x20) - 0x61));
    } else if (c >= 0xac00 && c <= 0xd7a3) {
      const s = c - 0xac00;
      const final = s % 28;
      weights.push(scripts.hangul + Math.floor(s / 588), scripts.hangul + VOWELS + Math.floor((s % 588) / 28));
      if (final) weights.push(scripts.hangul + FINALS + final);
    } else {
      const w = WEIGHT.get(c);
      if (w === undefined) return undefined;
      weights.push(w);
    }
  }
  return String.fromCharCode(...weights);
}
