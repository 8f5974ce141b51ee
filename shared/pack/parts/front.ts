import type { PackModel } from '../model';
import { PURPOSE_LABEL } from '../model';
import { formatUkDate } from '../../rules/dates';
import { bullets, heading, notice, para, table, type PackBlock } from './blocks';

const SCHEDULE_12A = 'Schedule 12A to the Local Government Act 1972';

export const variantNotice = (model: PackModel): string =>
  model.variant === 'public'
    ? 'Public pack. Items containing exempt information are listed but not included.'
    : `Full pack: contains exempt information (${SCHEDULE_12A}). Not for publication.`;

/** The cover: partnership and logo, board, date, time, venue, contact and which pack this is. */
export const cover = (model: PackModel): PackBlock[] => {
  const { meeting, partnership } = model;
  const c = partnership.contact;
  const contact = [c.name, c.email, c.phone].filter(Boolean);
  return [
    { kind: 'logo' },
    { kind: 'subtitle', text: partnership.name },
    { kind: 'title', text: model.board.name },
    { kind: 'labelled', label: 'Date', value: formatUkDate(meeting.date, true) },
    { kind: 'labelled', label: 'Time', value: `${meeting.startTime} to ${meeting.endTime}` },
    { kind: 'labelled', label: 'Venue', value: meeting.venue || 'To be confirmed' },
    { kind: 'gap' },
    notice(variantNotice(model)),
    ...(model.recipient ? memberNotes(model.recipient) : []),
    { kind: 'gap' },
    para('Contact', { bold: true }),
    ...(contact.length ? contact.map((line) => para(line)) : [para('The board’s secretariat')]),
  ];
};

export const contents = (): PackBlock[] => [{ kind: 'contents' }];

export const agenda = (model: PackModel): PackBlock[] => [
  heading(1, 'Agenda', { newPage: true }),
  para(`${formatUkDate(model.meeting.date, true)}, ${model.meeting.startTime} to ${model.meeting.endTime}, ${model.meeting.venue || 'venue to be confirmed'}`),
  agendaTable(model),
];

/** No., time, item, presenter, purpose, paper: the agenda as boards print it. */
export const agendaTable = (model: PackModel): PackBlock => {
  const rows = model.agenda.map((a) => [
    String(a.number),
    a.start,
    a.part2 ? `${a.title} (Part 2: exempt, paragraph ${a.part2.paragraph})` : a.title,
    a.presenters,
    PURPOSE_LABEL[a.purpose],
    a.paperRef,
  ]);
  return table(['No.', 'Time', 'Item', 'Presenter', 'Purpose', 'Paper'], rows, { itemColumn: 2 });
};

export const apologiesAndDeclarations = (model: PackModel): PackBlock[] => [
  heading(1, 'Apologies, substitutes and declarations of interest', { newPage: true }),
  heading(2, 'Apologies received'),
  model.apologies.length ? bullets(model.apologies) : para('None received when this pack was published.'),
  heading(2, 'Substitutes'),
  model.substitutes.length ? bullets(model.substitutes) : para('None notified.'),
  heading(2, 'Declarations of interest'),
  model.declarations.length
    ? bullets(model.declarations)
    : para('Members are asked to declare any interest in an item on this agenda at the start of the meeting, or as soon as it becomes apparent.'),
];

/** A member's copy: whom it is for, the items they may have an interest in (from the register), and any papers withheld under the board's policy. */
const memberNotes = (r: NonNullable<PackModel['recipient']>): PackBlock[] => [
  para(`For ${r.name}.`, { bold: true }),
  ...(r.interests.length
    ? [...r.interests.map((i) => notice(`You may have an interest in ${i}.`)), para('If you have, declare it at the start of the meeting or when the item is reached; the chair will say whether you take part.')]
    : [para('The register of interests shows nothing that this agenda names.')]),
  ...r.withheld.map((w) => notice(`Under the board’s policy on conflicts of interest, the papers for item ${w.number} (${w.title}) are not sent to you. Ask the secretariat if you believe they should be.`)),
];
