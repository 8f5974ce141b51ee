import { Paragraph, TableOfContents, TextRun } from 'docx';
import type { Block } from '../markdown/blocks';
import type { MarkdownContext } from '../markdown/context';
import { fitImage, loadImage } from '../markdown/images';
import { xmlSafe } from '../markdown/text';
import type { Cell, PackBlock, Rag } from '../parts/blocks';
import type { PackModel } from '../model';
import { bulletList, dataTable, factTable, heading, labelled, markdown, notice, numberedList, para } from './blocks';
import { pictureRun } from './picture';
import { LANDSCAPE_TEXT_WIDTH } from './page';

/** Status fills, light enough for black text to keep 4.5:1 contrast (WCAG 1.4.3). */
const RAG_FILL: Record<Rag, string> = { red: 'F4CCCC', amber: 'FFE699', green: 'C6EFCE' };

const wordCell = (c: Cell) => (typeof c === 'string' ? c : { text: c.text, bold: c.bold, ...(c.rag ? { fill: RAG_FILL[c.rag] } : {}) });

/** What the Word renderer needs besides the blocks: the pack's model (for the cover's logo). */
export type WordTarget = { ctx: MarkdownContext; model?: Pick<PackModel, 'partnership'> };

/** The pack's content (shared/pack/parts) as Word: docx objects and WordprocessingML written as text. */
export const toWord = (blocks: readonly PackBlock[], { ctx, model }: WordTarget): Block[] =>
  blocks.flatMap((b): Block[] => {
    switch (b.kind) {
      case 'heading':
        return [heading(b.level, b.text, { pageBreakBefore: b.newPage })];
      case 'para':
        return [para(b.text, { bold: b.bold, italics: b.italics })];
      case 'title':
        return [new Paragraph({ style: 'Title', children: [new TextRun(xmlSafe(b.text))] })];
      case 'subtitle':
        return [new Paragraph({ style: 'Subtitle', children: [new TextRun(xmlSafe(b.text))] })];
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
        return [new Paragraph({ spacing: { before: 480 }, children: [] })];
      case 'contents':
        // A real Word contents field (TOC), pre-filled by docx from the level 1 headings.
        return [new Paragraph({ style: 'TOCHeading', children: [new TextRun('Contents')] }), new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-1' })];
      case 'logo': {
        const logo = model?.partnership.logo;
        const image = logo ? loadImage(ctx.images, `images/${logo.file}`) : undefined;
        if (!logo || !image) return [];
        const size = fitImage(image.width, image.height, 240);
        return [
          new Paragraph({
            children: [pictureRun({ type: image.type, key: `images/${logo.file}`, data: image.data, transformation: size, altText: { name: 'Logo', description: logo.altText, title: logo.altText } })],
          }),
        ];
      }
    }
  });
