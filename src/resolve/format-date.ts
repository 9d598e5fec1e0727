// Dates as each language writes them: "March 11, 2025", "2025년 3월 11일".

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Formats an ISO calendar date (YYYY-MM-DD) for `lang`; the date has no time zone to shift. */
export function formatDate(iso: string, lang: string): string {
  let f = formatters.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    formatters.set(lang, f);
  }
  return f.format(new Date(`${iso}T00:00:00Z`));
}
