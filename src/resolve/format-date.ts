// Dates as each language writes them: "March 11, 2025", "2025년 3월 11일".

/**
 * The letter's own languages are written out here: they print exactly what ICU prints (a test
 * compares every day of a year), without the 30 ms ICU takes to set up its first date format.
 */
const WRITTEN: Record<string, (y: number, m: number, d: number) => string> = {
  en: (y, m, d) => `${EN_MONTHS[m - 1]} ${d}, ${y}`,
  ko: (y, m, d) => `${y}년 ${m}월 ${d}일`,
};
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Formats an ISO calendar date (YYYY-MM-DD) for `lang`; the date has no time zone to shift. */
export function formatDate(iso: string, lang: string): string {
  const written = WRITTEN[lang];
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (written && y >= 1000) return written(y, m, d);
  return intlDate(iso, lang);
}

/** What ICU writes for `lang`. */
export function intlDate(iso: string, lang: string): string {
  let f = formatters.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    formatters.set(lang, f);
  }
  return f.format(new Date(`${iso}T00:00:00Z`));
}
