import type { MarkdownContext } from '../markdown/context';
import { fitImage, loadImage } from '../markdown/images';
import type { Cell, PackBlock, Rag } from '../parts/blocks';
import type { PackModel } from '../model';
import { ContentsPlace, drawingXml, Ooxml, paragraph } from '../ooxml/blocks';
import { bulletList, dataTable, factTable, heading, labelled, markdown, notice, numberedList, para } from './blocks';
import { LANDSCAPE_TEXT_WIDTH } from './page';

/** Status fills, light enough for black text to keep 4.5:1 contrast (WCAG 1.4.3). */
const RAG_FILL: Record<Rag, string> = { red: 'F4CCCC', amber: 'FFE699', green: 'C6EFCE' };

const wordCell = (c: Cell) => (typeof c === 'string' ? c : { text: c.text, bold: c.bold, ...(c.rag ? { fill: RAG_FILL[c.rag] } : {}) });

/** What the Word renderer needs besides the blocks: the pack's model (for the cover's logo). */
export type WordTarget = { ctx: MarkdownContext; model?: Pick<PackModel, 'partnership'> };

/** The pack's content (shared/pack/parts) as Word: WordprocessingML written as text. */
export const toWord = (blocks: readonly PackBlock[], { ctx, model }: WordTarget): Ooxml[] =>
  blocks.flatMap((b): Ooxml[] => {
    switch (b.kind) {
      case 'heading':
        return [heading(b.level, b.text, { pageBreakBefore: b.newPage })];
      case 'para':
        return [para(b.text, { bold: b.bold, italics: b.italics })];
      case 'title':
        return [para(b.text, { style: 'Title' })];
      case 'subtitle':
        return [para(b.text, { style: 'Subtitle' })];
      case 'labelled':
        return [labelled(b.label, b.value)];
      case 'notice':
        return [notice(b.text)];
      case 'list':
        return b.ordered ? numberedList(b.items, ctx) : bulletList(b.items, ctx);
      case 'table':
        return [dataTable(b.headers, b.rows.map((r) => r.map(wordCell)), b.landscape ? { total: LANDSCAPE_TEXT_WIDTH } : {})];
      case 'facts':
        return [factTable(b.facts)];
      case 'markdown':
        return markdown(b.text, ctx, b.base);
      case 'gap':
        return [new Ooxml(paragraph('', '<w:spacing w:before="480"/>'))];
      case 'contents':
        // Its lines, a link and a page reference to each part's heading, are written once every part is (docx/document.ts).
        return [new ContentsPlace()];
      case 'logo': {
        const logo = model?.partnership.logo;
        const image = logo ? loadImage(ctx.images, `images/${logo.file}`) : undefined;
        if (!logo || !image) return [];
        const size = fitImage(image.width, image.height, 240);
        const rId = ctx.raw.picture(`images/${logo.file}`, image.type, image.data);
        return [new Ooxml(paragraph(drawingXml({ rId, id: ctx.raw.nextDrawingId(), ...size, name: 'Logo', descr: logo.altText, title: logo.altText })))];
      }
    }
  });
