// The hyphen package ships no types. letter imports its patterns (layout/hyphenate.ts walks
// them itself and describes their shape); the tests use its hyphenator as the reference.

declare module 'hyphen/hyphen.js' {
  export interface HyphenatorOptions {
    hyphenChar?: string;
    minWordLength?: number;
    /** Skip HTML tags in the text (the package's default: true). */
    html?: boolean;
  }
  const createHyphenator: (patterns: unknown, options?: HyphenatorOptions) => (text: string) => string;
  export default createHyphenator;
}

declare module 'hyphen/patterns/en-us.js' {
  const patterns: unknown;
  export default patterns;
}
