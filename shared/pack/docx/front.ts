import { AlignmentType, Paragraph, TableOfContents, TextRun } from 'docx';
import { pictureRun } from './picture';
import type { PackModel } from '../model';
import { PURPOSE_LABEL } from '../model';
import { formatUkDate } from '../../rules/dates';
import { fitImage, loadImage } from '../markdown/images';
import type { MarkdownContext } from '../markdown/context';
import type { Block } from '../markdown/blocks';
import { xmlSafe } from '../markdown/text';
import { bulletList, dataTable, heading, labelled, notice, para } from './blocks';

const SCHEDULE_12A = 'Schedule 12A to the Local Government Act 1972';

export const variantNotice = (model: PackModel): string =>
  model.variant === 'public'
    ? 'Public pack. Items containing exempt information are listed but not included.'
    : `Full pack: contains exempt information (${SCHEDULE_12A}). Not for publication.`;

/** The cover: partnership and logo, board, date, time, venue, contact and which pack this is. */
export const cover = (model: PackModel, ctx: MarkdownContext): Block[] => {
  const out: Block[] = [];
  const logo = model.partnership.logo ? loadImage(ctx.images, `images/${model.partnership.logo.file}`) : undefined;
  if (logo && model.partnership.logo) {
    const size = fitImage(logo.width, logo.height, 240);
    out.push(
      new Paragraph({
        children: [pictureRun({ type: logo.type, key: `images/${model.partnership.logo.file}`, data: logo.data, transformation: size, altText: { name: 'Logo', description: model.partnership.logo.altText, title: model.partnership.logo.altText } })],
      }),
    );
  }
  const { meeting, partnership } = model;
  out.push(
    new Paragraph({ style: 'Subtitle', children: [new TextRun(xmlSafe(partnership.name))] }),
    new Paragraph({ style: 'Title', children: [new TextRun(xmlSafe(model.board.name))] }),
    labelled('Date', formatUkDate(meeting.date, true)),
    labelled('Time', `${meeting.startTime} to ${meeting.endTime}`),
    labelled('Venue', meeting.venue || 'To be confirmed'),
    new Paragraph({ spacing: { before: 480 }, children: [] }),
    notice(variantNotice(model)),
    new Paragraph({ spacing: { before: 480 }, children: [new TextRun({ text: 'Contact', bold: true })] }),
  );
  const c = partnership.contact;
  for (const line of [c.name, c.email, c.phone].filter(Boolean)) out.push(para(line));
  if (!c.name && !c.email && !c.phone) out.push(para('The board’s secretariat'));
  return out;
};

/** A real Word contents field (w:fldSimple TOC), pre-filled so it reads before Word updates it. */
export const contents = (): Block[] => [
  new Paragraph({ style: 'TOCHeading', children: [new TextRun('Contents')] }),
  new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-1' }),
  para('Word updates the page numbers when the pack is opened; if asked, choose Yes.', { style: 'QuorumSmall' }),
];

export const agenda = (model: PackModel): Block[] => [
  heading(1, 'Agenda', { pageBreakBefore: true }),
  para(`${formatUkDate(model.meeting.date, true)}, ${model.meeting.startTime} to ${model.meeting.endTime}, ${model.meeting.venue || 'venue to be confirmed'}`),
  agendaTable(model),
];

/** No., time, item, presenter, purpose, paper: the agenda as boards print it. */
export const agendaTable = (model: PackModel): Block => {
  const rows = model.agenda.map((a) => [
    String(a.number),
    a.start,
    a.part2 ? `${a.title} (Part 2: exempt, paragraph ${a.part2.paragraph})` : a.title,
    a.presenters,
    PURPOSE_LABEL[a.purpose],
    a.paperRef,
  ]);
  return dataTable(['No.', 'Time', 'Item', 'Presenter', 'Purpose', 'Paper'], rows);
};

export const apologiesAndDeclarations = (model: PackModel, ctx: MarkdownContext): Block[] => {
  const out: Block[] = [heading(1, 'Apologies, substitutes and declarations of interest', { pageBreakBefore: true })];
  out.push(heading(2, 'Apologies received'));
  out.push(...(model.apologies.length ? bulletList(model.apologies, ctx) : [para('None received when this pack was published.')]));
  out.push(heading(2, 'Substitutes'));
  out.push(...(model.substitutes.length ? bulletList(model.substitutes, ctx) : [para('None notified.')]));
  out.push(heading(2, 'Declarations of interest'));
  out.push(
    ...(model.declarations.length
      ? bulletList(model.declarations, ctx)
      : [para('Members are asked to declare any interest in an item on this agenda at the start of the meeting, or as soon as it becomes apparent.')]),
  );
  return out;
};

export { AlignmentType };
