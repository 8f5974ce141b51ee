import { AlignmentType, Document, Footer, Header, PageNumber, PageOrientation, Paragraph, SectionType, TextRun, type ISectionOptions } from 'docx';
import type { PackModel } from '../model';
import { formatUkDate } from '../../rules/dates';
import type { Block } from '../markdown/blocks';
import { Ooxml } from '../ooxml/blocks';
import type { MarkdownContext } from '../markdown/context';
import { xmlSafe } from '../markdown/text';
import { PAGE } from './page';
import { houseStyles } from './style';

export type PackPart = { label: string; blocks: Block[] };

/** "Children’s Trust Board · 15 December 2026 · Item 4" (docs/ARCHITECTURE.md, the board pack). */
const header = (model: PackModel, label: string) =>
  new Header({
    children: [
      new Paragraph({
        style: 'QuorumSmall',
        children: [new TextRun(xmlSafe([model.board.name, formatUkDate(model.meeting.date), label].filter(Boolean).join(' · ')))],
      }),
    ],
  });

const footer = (model: PackModel) =>
  new Footer({
    children: [
      new Paragraph({
        style: 'QuorumSmall',
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }), new TextRun(model.variant === 'public' ? ' · Public pack' : ' · Full pack: not for publication')],
      }),
    ],
  });

const page = (landscape: boolean) => ({
  size: { width: PAGE.width, height: PAGE.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
  margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: 567, footer: 567 },
});

/**
 * Each part of the pack is a section (w:sectPr) so its header can name it. A wide table goes in a
 * landscape section of its own, then the part carries on in portrait.
 */
const sectionsFor = (model: PackModel, part: PackPart, ctx: MarkdownContext, first: boolean): ISectionOptions[] => {
  const runs: { landscape: boolean; blocks: Block[] }[] = [];
  for (const b of part.blocks) {
    const landscape = b instanceof Ooxml && b.landscape;
    const last = runs.at(-1);
    if (last && last.landscape === landscape && !landscape) last.blocks.push(b);
    else runs.push({ landscape, blocks: [b] });
  }
  // Only a part's first section is given its header, and only the pack's first its footer: the
  // sections after it name the same parts (namePartsInEverySection, package.ts), so docx lays out
  // one header per part and one footer rather than two parts for every section.
  return runs.map((r, i) => ({
    properties: { type: first && i === 0 ? SectionType.CONTINUOUS : SectionType.NEXT_PAGE, page: page(r.landscape) },
    // The cover carries no running header; every other part names itself.
    ...(i === 0 ? { headers: { default: part.label ? header(model, part.label) : new Header({ children: [new Paragraph({ children: [] })] }) } } : {}),
    ...(first && i === 0 ? { footers: { default: footer(model) } } : {}),
    children: ctx.raw.place(r.blocks),
  }));
};

export const packDocument = (model: PackModel, parts: PackPart[], ctx: MarkdownContext): Document =>
  new Document({
    title: model.title,
    subject: `Board pack for the meeting of ${formatUkDate(model.meeting.date)}`,
    creator: model.partnership.name,
    lastModifiedBy: 'Quorum',
    description: model.variant === 'public' ? 'Public pack' : 'Full pack: contains exempt information',
    keywords: `${model.board.shortName}; board pack; ${model.variant}`,
    features: { updateFields: true },
    styles: houseStyles(model.partnership.colours.primary),
    numbering: { config: ctx.lists.config() },
    sections: parts.flatMap((p, i) => sectionsFor(model, p, ctx, i === 0)),
  });
