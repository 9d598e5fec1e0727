// East Asian paragraph defaults the docx package cannot write: KLREQ line-start/-end rules
// (kinsoku), word-unit wrapping for Korean (`w:wordWrap w:val="1"`: the package's
// `wordWrap: true` writes "0", which lets Word break inside Korean words) and no automatic
// gap between Hangul and Latin letters or digits. One edit of styles.xml's pPrDefault.

const EAST_ASIAN_PPR = '<w:widowControl/><w:kinsoku/><w:wordWrap w:val="1"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>';

export function withEastAsianDefaults(stylesXml: string): string {
  if (stylesXml.includes('<w:pPrDefault/>')) {
    return stylesXml.replace('<w:pPrDefault/>', `<w:pPrDefault><w:pPr>${EAST_ASIAN_PPR}</w:pPr></w:pPrDefault>`);
  }
  const at = stylesXml.indexOf('<w:pPrDefault><w:pPr>');
  if (at < 0) throw new Error('styles.xml has no pPrDefault: the docx package changed its output');
  // These elements come first in the schema's pPr sequence, before spacing and indentation.
  const insert = at + '<w:pPrDefault><w:pPr>'.length;
  return stylesXml.slice(0, insert) + EAST_ASIAN_PPR + stylesXml.slice(insert);
}
