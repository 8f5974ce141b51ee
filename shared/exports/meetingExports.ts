import type { StoreData } from '../data';
import { findRecord, getRecord, listRecords } from '../data';
import { publicTitleOf } from '../rules/confidential';
import { assemblePack, boardActionLog, meetingMinutes, previousHeldMeeting, type PackVariant } from '../pack/model';
import { agendaTable } from '../pack/parts/front';
import { actionLogBody, minutesBody } from '../pack/parts/record';
import { toWord } from '../pack/docx/word';
import { heading, notice, para, type PackBlock } from '../pack/parts/blocks';
import { formatUkDate } from '../rules/dates';
import { exportBytes, exportContext, type ExportSpec } from './document';

import type { WordExport } from './kinds';
export { WORD_EXPORTS, type WordExport } from './kinds';

const variantLabel = (v: PackVariant) => (v === 'public' ? 'Public' : 'Full: not for publication');

/** A meeting document's content in the pack's neutral terms: Word for the exports, HTML on the published website. */
export type MeetingDocument = Omit<ExportSpec, 'blocks'> & { blocks: PackBlock[] };

/** The agenda alone, as published ahead of the meeting: numbered items with times, presenters, purpose and papers; Part 2 items as notices in the public version. */
const agendaSpec = (data: StoreData, meetingId: string, variant: PackVariant, today: string): MeetingDocument => {
  const model = assemblePack(data, meetingId, variant, today);
  const m = model.meeting;
  const c = model.partnership.contact;
  const blocks: PackBlock[] = [
    heading(1, `${model.board.name}: agenda`),
    para(`${formatUkDate(m.date, true)}, ${m.startTime} to ${m.endTime}, ${m.venue || 'venue to be confirmed'}`),
    ...(c.name ? [para(`Contact: ${[c.name, c.email, c.phone].filter(Boolean).join(', ')}`)] : []),
    agendaTable(model),
  ];
  if (model.part2Notices.length)
    blocks.push(
      notice(
        variant === 'public'
          ? `The items marked Part 2 are expected to be taken with the press and public excluded (Local Government Act 1972, Schedule 12A). Their papers are not published.`
          : `Part 2 items are taken after a resolution to exclude the press and public under the Local Government Act 1972, Schedule 12A.`,
      ),
    );
  return { title: `Agenda: ${model.board.name}, ${formatUkDate(m.date)}`, subject: `Agenda for the meeting of ${formatUkDate(m.date)}`, author: model.partnership.name, primaryColour: model.partnership.colours.primary, header: `${model.board.name} · ${formatUkDate(m.date)} · Agenda`, footer: `Agenda (${variantLabel(variant)})`, blocks };
};

/** Corrections agreed after approval, printed under the approval line so the record shows what changed, when and why. */
const correctionsBlocks = (data: StoreData, meeting: ReturnType<typeof getRecord<'meeting'>>, variant: PackVariant): PackBlock[] =>
  (meeting.corrections ?? []).length === 0
    ? []
    : [
        heading(2, 'Corrections agreed since approval'),
        ...(meeting.corrections ?? []).map((c) => {
          const at = getRecord(data, 'meeting', c.agreedAtMeetingId);
          const item = c.agendaItemId ? findRecord(data, 'agendaItem', c.agendaItemId) : undefined;
          const agreed = `Agreed at the meeting of ${formatUkDate(at.date)}${c.minuteRef ? ` (minute ${c.minuteRef})` : ''}`;
          // A correction to a Part 2 minute is itself exempt: the public minutes say only that one was made.
          if (item?.part2 && variant === 'public') return para(`${agreed}, on “${publicTitleOf(item)}”: a correction to the minute of this Part 2 item (exempt under Schedule 12A, paragraph ${item.part2.paragraph}).`);
          return para(`${agreed}${item ? `, on “${item.title}”` : ''}: ${c.change} Reason: ${c.reason}`);
        }),
      ];

/** The minutes of a held meeting, in the layout of published board minutes; draft until approved. */
const minutesSpec = (data: StoreData, meetingId: string, variant: PackVariant): MeetingDocument => {
  const meeting = getRecord(data, 'meeting', meetingId);
  const board = getRecord(data, 'board', meeting.boardId);
  const partnership = listRecords(data, 'partnership')[0];
  const minutes = meetingMinutes(data, meeting, variant);
  const status = minutes.approved ? 'Minutes' : 'Draft minutes';
  const approvedAt = meeting.minutesApproval ? getRecord(data, 'meeting', meeting.minutesApproval.meetingId) : undefined;
  const blocks: PackBlock[] = [
    heading(1, `${board.name}: ${status.toLowerCase()} of the meeting held on ${formatUkDate(meeting.date)}`),
    para(`${meeting.startTime}, ${meeting.venue || 'venue not recorded'}`),
    para(approvedAt ? `Approved as an accurate record at the meeting of ${formatUkDate(approvedAt.date)}${meeting.minutesApproval?.minuteRef ? ` (minute ${meeting.minutesApproval.minuteRef})` : ''}.` : 'Draft: not yet approved by the board.', { italics: true }),
    ...correctionsBlocks(data, meeting, variant),
    ...minutesBody(minutes),
  ];
  return {
    title: `${status}: ${board.name}, ${formatUkDate(meeting.date)}`,
    subject: `Minutes of the meeting of ${formatUkDate(meeting.date)}`,
    author: partnership?.name ?? '',
    primaryColour: partnership?.colours.primary ?? '#1F4E79',
    header: `${board.name} · ${formatUkDate(meeting.date)} · ${status}`,
    footer: `${status} (${variantLabel(variant)})`,
    blocks,
  };
};

/** The board's action log as at the meeting: every open action and those closed since the meeting before. */
const actionsSpec = (data: StoreData, meetingId: string, variant: PackVariant, today: string): MeetingDocument => {
  const meeting = getRecord(data, 'meeting', meetingId);
  const board = getRecord(data, 'board', meeting.boardId);
  const partnership = listRecords(data, 'partnership')[0];
  const log = boardActionLog(data, meeting, previousHeldMeeting(data, meeting)?.date, today, variant);
  return {
    title: `Action log: ${board.name}, ${formatUkDate(today)}`,
    subject: `Action log for the meeting of ${formatUkDate(meeting.date)}`,
    author: partnership?.name ?? '',
    primaryColour: partnership?.colours.primary ?? '#1F4E79',
    header: `${board.name} · ${formatUkDate(meeting.date)} · Action log`,
    footer: `Action log (${variantLabel(variant)})`,
    landscape: true,
    blocks: [heading(1, `${board.name}: action log`), para(`As at ${formatUkDate(today)}, for the meeting of ${formatUkDate(meeting.date)}.`), ...actionLogBody(log.rows, variant, log.omitted, { landscape: true })],
  };
};

/** A Word export of one meeting: records in, .docx bytes out (no file system), like the pack. */
export const buildWordExport = async (data: StoreData, kind: WordExport, opts: { meetingId: string; variant: PackVariant; today: string; builtAt: string }): Promise<{ bytes: Uint8Array; title: string }> => {
  const ctx = exportContext();
  const spec = meetingDocument(data, kind, opts);
  const bytes = await exportBytes({ ...spec, blocks: toWord(spec.blocks, { ctx }) }, ctx, opts.builtAt);
  return { bytes, title: spec.title };
};

/** A meeting's agenda, minutes or action log as content: the Word export's, and the published website's. */
export const meetingDocument = (data: StoreData, kind: WordExport, opts: { meetingId: string; variant: PackVariant; today: string }): MeetingDocument =>
  kind === 'agenda' ? agendaSpec(data, opts.meetingId, opts.variant, opts.today) : kind === 'minutes' ? minutesSpec(data, opts.meetingId, opts.variant) : actionsSpec(data, opts.meetingId, opts.variant, opts.today);
