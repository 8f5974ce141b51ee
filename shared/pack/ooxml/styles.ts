/**
 * The house style as Word's styles part (word/styles.xml), built on Word's own style ids
 * (Heading1…Heading6, Title, Quote, Hyperlink, TOC1…) so the navigation pane, the contents and
 * screen readers recognise it. Every Word file Quorum writes carries this one part: the pack, and
 * the exports docx lays out (shared/pack/docx/package.ts puts it in their place).
 */
const FONT = 'Arial';
/** Heading sizes in half-points: 16, 14, 13, 12, 11, 11 pt. */
const HEADING_SIZES = [32, 28, 26, 24, 22, 22];

const fonts = (name: string) => `<w:rFonts w:ascii="${name}" w:cs="${name}" w:eastAsia="${name}" w:hAnsi="${name}"/>`;
const size = (halfPoints: number) => `<w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/>`;
const BOLD = '<w:b/><w:bCs/>';
const colour = (hex: string) => `<w:color w:val="${hex}"/>`;

type Style = { type: 'paragraph' | 'character'; id: string; name: string; quick?: boolean; hidden?: boolean; pPr?: string; rPr?: string };

/**
 * One w:style, its children in CT_Style's order (ECMA-376 Part 1 §17.7.4.17): name, basedOn,
 * next, uiPriority, semiHidden, unhideWhenUsed, qFormat, pPr, rPr.
 */
const style = (s: Style) =>
  `<w:style w:type="${s.type}" w:styleId="${s.id}"><w:name w:val="${s.name}"/>` +
  (s.type === 'paragraph' ? '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/>' : '<w:basedOn w:val="DefaultParagraphFont"/>') +
  (s.hidden ? '<w:uiPriority w:val="39"/><w:semiHidden/><w:unhideWhenUsed/>' : '') +
  (s.quick ? '<w:qFormat/>' : '') +
  (s.pPr ? `<w:pPr>${s.pPr}</w:pPr>` : '') +
  (s.rPr ? `<w:rPr>${s.rPr}</w:rPr>` : '') +
  '</w:style>';

/**
 * A style set larger than the body text names its own line, single and "auto" (ECMA-376 17.3.1.33,
 * w:spacing/@w:lineRule). The default line (276, below) names no rule, and LibreOffice then holds
 * each line of a title to 13.8 pt: a board name that wraps on the cover ("Northbrook Health and
 * Wellbeing / Board") printed its two lines 20 pt over each other.
 */
const OWN_LINE = 'w:line="240" w:lineRule="auto"';

export const stylesXml = (primary: string): string => {
  const brand = primary.replace('#', '');
  const styles: Style[] = [
    // Headings carry an outline level (w:outlineLvl): without it LibreOffice's contents update finds no entries.
    ...HEADING_SIZES.map(
      (sz, i): Style => ({
        type: 'paragraph',
        id: `Heading${i + 1}`,
        name: `heading ${i + 1}`,
        quick: true,
        pPr: `<w:keepNext/><w:keepLines/><w:spacing w:before="${i === 0 ? 0 : 240}" w:after="120" ${OWN_LINE}/><w:outlineLvl w:val="${i}"/>`,
        rPr: `${fonts(FONT)}${BOLD}${colour(i < 2 ? brand : '000000')}${size(sz)}`,
      }),
    ),
    { type: 'paragraph', id: 'Title', name: 'Title', quick: true, pPr: `<w:spacing w:after="240" ${OWN_LINE}/>`, rPr: `${fonts(FONT)}${BOLD}${colour(brand)}${size(52)}` },
    { type: 'paragraph', id: 'Subtitle', name: 'Subtitle', quick: true, pPr: `<w:spacing w:after="200" ${OWN_LINE}/>`, rPr: `${fonts(FONT)}${colour('404040')}${size(32)}` },
    // Not a heading, so the contents does not list itself (STACK-NOTES: TOC title).
    { type: 'paragraph', id: 'TOCHeading', name: 'TOC Heading', pPr: `<w:spacing w:after="200" ${OWN_LINE}/>`, rPr: `${fonts(FONT)}${BOLD}${colour(brand)}${size(32)}` },
    // The contents' lines, as Word names them ("toc 1"…), indented a level at a time.
    ...Array.from({ length: 9 }, (_, i): Style => ({ type: 'paragraph', id: `TOC${i + 1}`, name: `toc ${i + 1}`, hidden: true, pPr: `<w:spacing w:after="100"/>${i ? `<w:ind w:left="${220 * i}"/>` : ''}` })),
    { type: 'paragraph', id: 'ListParagraph', name: 'List Paragraph', quick: true },
    { type: 'paragraph', id: 'Quote', name: 'Quote', quick: true, pPr: '<w:ind w:left="567" w:right="567"/>', rPr: `<w:i/><w:iCs/>${colour('404040')}` },
    { type: 'paragraph', id: 'QuorumCodeBlock', name: 'Code Block', pPr: '<w:spacing w:after="120" w:line="240"/><w:ind w:left="284"/>', rPr: `${fonts('Courier New')}${size(20)}` },
    { type: 'paragraph', id: 'QuorumNotice', name: 'Notice', pPr: `<w:pBdr><w:left w:val="single" w:sz="24" w:space="8" w:color="${brand}"/></w:pBdr><w:ind w:left="284"/>`, rPr: BOLD },
    { type: 'paragraph', id: 'QuorumSmall', name: 'Small Print', rPr: `${colour('404040')}${size(18)}` },
    { type: 'character', id: 'Hyperlink', name: 'Hyperlink', rPr: `${colour('0563C1')}<w:u w:val="single"/>` },
    { type: 'character', id: 'QuorumCode', name: 'Inline Code', rPr: `${fonts('Courier New')}${size(20)}` },
  ];
  // The default line is 276 with no w:lineRule, as Quorum's packs have always carried it: Word
  // reads 1.15 lines, LibreOffice at least 13.8 pt (a rule of "auto" there adds a page in four).
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:docDefaults><w:rPrDefault><w:rPr>${fonts(FONT)}${size(22)}<w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276"/></w:pPr></w:pPrDefault></w:docDefaults>` +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    styles.map(style).join('') +
    '</w:styles>'
  );
};
