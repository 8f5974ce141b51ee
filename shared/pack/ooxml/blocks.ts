import { xmlSafe } from '../markdown/text';
import { fitColumns, type CellText } from '../docx/columns';
import { escText } from './escape';

/**
 * A stretch of body content already written as WordprocessingML. The pack's own parts (headings,
 * cover sheets, tables, lists) and the paper bodies are written as text, not as docx objects:
 * consecutive stretches become one placeholder paragraph (RawParts.place), so a 300-page pack
 * hands docx a few hundred objects to compile instead of tens of thousands.
 */
export class Ooxml {
  constructor(
    readonly xml: string,
    /** A table too wide for a portrait page: it goes in a landscape section of its own (docx/document.ts). */
    readonly landscape = false,
  ) {}
}

export type Marks = { bold?: boolean; italics?: boolean; strike?: boolean; code?: boolean; vertAlign?: 'superscript' | 'subscript' };

/** Run properties (w:rPr), in the order CT_RPr gives them: style, bold, italic, strike, vertical alignment. */
export const rPr = (m: Marks, style?: string) => {
  const s = style ?? (m.code ? 'QuorumCode' : undefined);
  const inner = `${s ? `<w:rStyle w:val="${s}"/>` : ''}${m.bold ? '<w:b/><w:bCs/>' : ''}${m.italics ? '<w:i/><w:iCs/>' : ''}${m.strike ? '<w:strike/>' : ''}${m.vertAlign ? `<w:vertAlign w:val="${m.vertAlign}"/>` : ''}`;
  return inner ? `<w:rPr>${inner}</w:rPr>` : '';
};

/** A run of text already passed through xmlSafe (or decoded from Markdown). */
export const run = (text: string, m: Marks = {}) => `<w:r>${rPr(m)}<w:t xml:space="preserve">${escText(text)}</w:t></w:r>`;
export const paragraph = (content: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${content}</w:p>`;

const headingStyle = (level: number) => `<w:pStyle w:val="Heading${Math.min(Math.max(level, 1), 6)}"/>`;

export const headingXml = (level: number, text: string, opts: { pageBreakBefore?: boolean } = {}) =>
  paragraph(run(xmlSafe(text)), `${headingStyle(level)}${opts.pageBreakBefore ? '<w:pageBreakBefore/>' : ''}`);

export const paraXml = (text: string, opts: { bold?: boolean; italics?: boolean; style?: string } = {}) =>
  paragraph(run(xmlSafe(text), { bold: opts.bold, italics: opts.italics }), opts.style ? `<w:pStyle w:val="${opts.style}"/>` : '');

/** A list paragraph at `level` of the list instance `numId` (w:numPr, ECMA-376 §17.3.1.19). */
export const listItemXml = (content: string, numId: number, level = 0) =>
  paragraph(content, `<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${numId}"/></w:numPr>`);

/** The house table border: a thin grey rule on every edge and between every cell. */
const BORDERS = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} w:val="single" w:color="808080" w:sz="4"/>`).join('')}</w:tblBorders>`;
/** The header row's fill (style.ts HEADER_SHADING). */
export const HEADER_FILL = 'DEEAF6';
export const shading = (fill: string) => `<w:shd w:fill="${fill}" w:color="auto" w:val="clear"/>`;

export type TableCellXml = { content: string; fill?: string; jc?: 'left' | 'right' | 'center' };

/**
 * A table across `total` twips with the given column widths: the first row is the header, repeated
 * on every page (w:tblHeader) and shaded; `cantSplit` keeps each row on one page. No merged cells
 * (PSBAR 2018: a table a screen reader can navigate).
 */
export const tableXml = (widths: readonly number[], total: number, rows: readonly (readonly TableCellXml[])[], opts: { cantSplit?: boolean } = {}) => {
  const row = (cells: readonly TableCellXml[], header: boolean) => {
    const trPr = `${opts.cantSplit ? '<w:cantSplit/>' : ''}${header ? '<w:tblHeader/>' : ''}`;
    const tcs = cells
      .map((c, i) => {
        const fill = header ? HEADER_FILL : c.fill;
        return `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${widths[i]}"/>${fill ? shading(fill) : ''}</w:tcPr>${paragraph(c.content, c.jc ? `<w:jc w:val="${c.jc}"/>` : '')}</w:tc>`;
      })
      .join('');
    return `<w:tr>${trPr ? `<w:trPr>${trPr}</w:trPr>` : ''}${tcs}</w:tr>`;
  };
  return [
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${total}"/>${BORDERS}</w:tblPr>`,
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
    ...rows.map((r, i) => row(r, i === 0)),
    '</w:tbl>',
  ].join('');
};

/** A cell of a data table: its text, or its text with a fill and weight (a RAG status). */
export type Cell = string | { text: string; fill?: string; bold?: boolean };

const cellText = (c: Cell): NonNullable<CellText> => (typeof c === 'string' ? { text: c, bold: false } : { text: c.text, bold: Boolean(c.bold) });

/** A data table of plain-text cells, its columns sized to what they hold (docx/columns.ts). */
export const dataTableXml = (headers: readonly string[], rows: readonly (readonly Cell[])[], total: number) => {
  const widths = fitColumns(headers, rows.map((r) => headers.map((_, i) => cellText(r[i] ?? ''))), total);
  const cell = (c: Cell, header: boolean): TableCellXml => {
    const { text, bold } = cellText(c);
    return { content: run(xmlSafe(text), { bold: header || bold }), fill: typeof c === 'string' ? undefined : c.fill };
  };
  return tableXml(widths, total, [headers.map((h) => cell(h, true)), ...rows.map((r) => headers.map((_, i) => cell(r[i] ?? '', false)))], { cantSplit: true });
};
