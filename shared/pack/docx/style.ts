import { BorderStyle, ShadingType, type IStylesOptions, type ITableBordersOptions } from 'docx';

/**
 * The house style, built on Word's own style ids (Heading1…Heading6, Title, Quote, Hyperlink) so
 * the navigation pane, the contents field and screen readers recognise it. Headings carry an
 * outline level (w:outlineLvl): without it LibreOffice's contents update finds no entries.
 */
export const FONT = 'Arial';
const SIZES = [32, 28, 26, 24, 22, 22]; // half-points: 16, 14, 13, 12, 11, 11 pt

export const houseStyles = (primary: string): IStylesOptions => {
  const colour = primary.replace('#', '');
  return {
    default: {
      document: { run: { font: FONT, size: 22, language: { value: 'en-GB' } }, paragraph: { spacing: { after: 120, line: 276 } } },
    },
    paragraphStyles: [
      ...SIZES.map((size, i) => ({
        id: `Heading${i + 1}`,
        name: `heading ${i + 1}`,
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { font: FONT, size, bold: true, color: i < 2 ? colour : '000000' },
        paragraph: { outlineLevel: i, keepNext: true, keepLines: true, spacing: { before: i === 0 ? 0 : 240, after: 120 } },
      })),
      { id: 'Title', name: 'Title', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: FONT, size: 52, bold: true, color: colour }, paragraph: { spacing: { after: 240 } } },
      { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: FONT, size: 32, color: '404040' }, paragraph: { spacing: { after: 200 } } },
      // Not a heading, so the contents does not list itself (STACK-NOTES: TOC title).
      { id: 'TOCHeading', name: 'TOC Heading', basedOn: 'Normal', next: 'Normal', run: { font: FONT, size: 32, bold: true, color: colour }, paragraph: { spacing: { after: 200 } } },
      { id: 'Quote', name: 'Quote', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { italics: true, color: '404040' }, paragraph: { indent: { left: 567, right: 567 } } },
      { id: 'QuorumCodeBlock', name: 'Code Block', basedOn: 'Normal', next: 'Normal', run: { font: 'Courier New', size: 20 }, paragraph: { spacing: { after: 120, line: 240 }, indent: { left: 284 } } },
      { id: 'QuorumNotice', name: 'Notice', basedOn: 'Normal', next: 'Normal', run: { bold: true }, paragraph: { border: { left: { style: BorderStyle.SINGLE, size: 24, color: colour, space: 8 } }, indent: { left: 284 } } },
      { id: 'QuorumSmall', name: 'Small Print', basedOn: 'Normal', next: 'Normal', run: { size: 18, color: '404040' } },
    ],
    characterStyles: [
      { id: 'Hyperlink', name: 'Hyperlink', basedOn: 'DefaultParagraphFont', run: { color: '0563C1', underline: {} } },
      { id: 'QuorumCode', name: 'Inline Code', basedOn: 'DefaultParagraphFont', run: { font: 'Courier New', size: 20 } },
    ],
  };
};

export const TABLE_BORDERS: ITableBordersOptions = {
  top: { style: BorderStyle.SINGLE, size: 4, color: '808080' },
  bottom: { style: BorderStyle.SINGLE, size: 4, color: '808080' },
  left: { style: BorderStyle.SINGLE, size: 4, color: '808080' },
  right: { style: BorderStyle.SINGLE, size: 4, color: '808080' },
  insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: '808080' },
  insideVertical: { style: BorderStyle.SINGLE, size: 4, color: '808080' },
};

export const HEADER_SHADING = { type: ShadingType.CLEAR, color: 'auto', fill: 'DEEAF6' } as const;
