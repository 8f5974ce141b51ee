import { xmlSafe } from '../markdown/text';
import { fitColumns, type CellText } from '../docx/columns';
import { escAttr, escText } from './escape';

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

/**
 * A part's heading (level 1): the contents lists these, each line a link to a bookmark on its
 * heading (_Toc1, _Toc2… as Word names its own) and a PAGEREF field to it. The pack's writer gives
 * the bookmarks (docx/document.ts); elsewhere the heading is written without one.
 */
export class PartHeading extends Ooxml {
  constructor(
    readonly text: string,
    readonly pageBreakBefore = false,
  ) {
    super(headingXml(1, text, { pageBreakBefore }));
  }

  /** The heading with its bookmark (w:bookmarkStart, ECMA-376 Part 1 §17.13.6.2) around its text. */
  bookmarked(id: number): string {
    return paragraph(`<w:bookmarkStart w:name="_Toc${id}" w:id="${id}"/>${run(xmlSafe(this.text))}<w:bookmarkEnd w:id="${id}"/>`, `${headingStyle(1)}${this.pageBreakBefore ? '<w:pageBreakBefore/>' : ''}`);
  }
}

/** Where the contents goes: its title now, its lines once every part's heading is known (docx/document.ts). */
export class ContentsPlace extends Ooxml {
  constructor() {
    super(paraXml('Contents', { style: 'TOCHeading' }));
  }
}

const EMU_PER_PX = 9525; // 914,400 EMU to the inch, 96 px to the inch

/**
 * A picture shown inline (w:drawing, wp:inline; ECMA-376 Part 1 §20.4.2.8) from the media part
 * `rId` names, `width` by `height` pixels at 96 dpi. wp:docPr descr is the alt text Word's
 * accessibility checker and screen readers read; `id` is unique in the document.
 */
export const drawingXml = (p: { rId: string; id: number; width: number; height: number; name: string; descr: string; title: string }) => {
  const [cx, cy] = [p.width * EMU_PER_PX, p.height * EMU_PER_PX];
  return (
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent t="0" r="0" b="0" l="0"/>` +
  `<wp:docPr id="${p.id}" name="${escAttr(p.name)}" descr="${escAttr(p.descr)}" title="${escAttr(p.title)}"/>` +
  '<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" noChangeAspect="1"/></wp:cNvGraphicFramePr>' +
  '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
  `<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="0" name="" descr=""/><pic:cNvPicPr><a:picLocks noChangeAspect="1" noChangeArrowheads="1"/></pic:cNvPicPr></pic:nvPicPr>` +
  `<pic:blipFill><a:blip r:embed="${p.rId}" cstate="none"/><a:srcRect/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
  `<pic:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>` +
    '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
  );
};

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
