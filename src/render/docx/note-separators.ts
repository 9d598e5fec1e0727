// The separator "notes" of footnotes.xml and endnotes.xml hold the line Word draws above the
// notes, nothing else. The docx package starts them with a note-reference mark as if they were
// notes (every note's first paragraph gets one), and Word then reports the file as damaged and
// offers to repair it. The marks are taken out of the two separators; real notes keep theirs.

const SEPARATOR_NOTE = /(<w:(footnote|endnote)\b[^>]*\bw:type="(?:separator|continuationSeparator)"[^>]*>)([\s\S]*?)(<\/w:\2>)/g;
const REFERENCE_MARK_RUN = /<w:r>(?:<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<\/w:rPr>)?<w:(?:footnoteRef|endnoteRef)\/><\/w:r>/g;

export function withPlainNoteSeparators(notesXml: string): string {
  return notesXml.replace(SEPARATOR_NOTE, (_, open: string, _kind: string, inner: string, close: string) => open + inner.replace(REFERENCE_MARK_RUN, '') + close);
}
