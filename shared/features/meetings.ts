import { z } from 'zod';
import { clip } from '../rules/words';
import { clockTime, expectedRev, isoDate, line, optionalLine, recordId } from '../schema/common';
import { MEETING_STATUSES, type AgendaItem, type Meeting, type RecordOf } from '../schema/records';
import { agendaItemsOf, getRecord, listRecords } from '../data';
import { QuorumFailure } from '../result';
import { askToConfirm } from '../rules/confirm';
import { formatUkDate } from '../rules/dates';
import { draftAgenda } from '../rules/draftAgenda';
import type { AgendaDraft } from '../rules/agenda';
import { spreadKeys } from '../rules/order';
import { ChangeSet } from '../kernel/changeSet';
import { mutation, query } from '../kernel/operation';
import { noInput } from '../schema/common';
import { boardMeetings, nextMeeting } from '../rules/boards';
import { meetingView } from '../rules/meetingView';
import type { MeetingSummary } from '../views';
import { emptyCoverSheet } from './packs';
import { decisionsReportedTo, syncDecisionItems } from './decisionItems';
import { compareCodes } from '../rules/textOrder';

const label = (data: Parameters<typeof getRecord>[0], m: Meeting) => `${getRecord(data, 'board', m.boardId).shortName}, ${formatUkDate(m.date)}`;

const when = { date: isoDate, startTime: clockTime, endTime: clockTime, venue: optionalLine(300) };
const endsAfterStart: [(t: { startTime: string; endTime: string }) => boolean, { message: string; path: string[] }] = [
  (t) => t.endTime > t.startTime,
  { message: 'The meeting must end after it starts', path: ['endTime'] },
];

export const createMeeting = mutation({
  name: 'meetings:create',
  answer: (outcome) => ({ summary: outcome.summary, meetingId: outcome.changes[0].id as Meeting['id'] }),
  writes: ['meeting', 'decision'],
  input: z.object({ boardId: recordId('board'), ...when, confirmed: z.boolean().optional() }).strict().refine(...endsAfterStart),
  apply(data, { confirmed, ...input }, ctx) {
    getRecord(data, 'board', input.boardId);
    askToConfirm(confirmed, input.date < ctx.today() && `${formatUkDate(input.date)} has passed. Check the date, or confirm you are recording a meeting already held.`, 'date');
    const cs = new ChangeSet(data, ctx);
    const meeting = cs.create<Meeting>({ id: ctx.newId('meeting'), type: 'meeting', boardId: input.boardId, date: input.date, startTime: input.startTime, endTime: input.endTime, venue: input.venue, status: 'planned' });
    // Decisions taken between meetings while none was planned are reported to this one.
    const waiting = listRecords(data, 'decision').filter((d) => d.boardId === input.boardId && !d.reportedToMeetingId && (d.urgent?.takenOn ?? (d.written?.outcome ? d.written.closesOn : undefined) ?? '9999') <= input.date);
    for (const d of waiting) cs.update(d, { reportedToMeetingId: meeting.id });
    return cs.result(`Planned a meeting: ${label(data, meeting)} at ${input.startTime}${waiting.length ? `; ${waiting.length === 1 ? 'a decision' : `${waiting.length} decisions`} taken since the last meeting will be reported to it` : ''}`);
  },
});

export const updateMeeting = mutation({
  name: 'meetings:update',
  writes: ['meeting'],
  input: z.object({ meetingId: recordId('meeting'), ...when, status: z.enum(MEETING_STATUSES), expectedRev }).strict().refine(...endsAfterStart),
  apply(data, { meetingId, expectedRev, ...patch }, ctx) {
    const meeting = getRecord(data, 'meeting', meetingId);
    if (patch.status === 'cancelled' && meeting.status !== 'cancelled') throw new QuorumFailure('invalid-input', 'Cancel a meeting with “Cancel the meeting…”, which records why.', { status: 'Use Cancel the meeting' });
    const cs = new ChangeSet(data, ctx);
    // Back from cancelled (it goes ahead after all): the reason it was called off no longer applies.
    const reinstated = meeting.status === 'cancelled' && patch.status !== 'cancelled';
    const next = cs.update(meeting, { ...patch, ...(reinstated ? { cancellation: undefined } : {}) }, expectedRev);
    return cs.result(reinstated ? `Reinstated the meeting ${label(data, next)}` : `Updated the meeting ${label(data, next)}`);
  },
});

/**
 * Calls a meeting off, with why: kept in the board's history, but out of "meetings a year", the
 * pickers, the paper chase and the packs. Only a meeting not yet held can be cancelled.
 */
export const cancelMeeting = mutation({
  name: 'meetings:cancel',
  undoable: true,
  writes: ['meeting'],
  input: z.object({ meetingId: recordId('meeting'), reason: line(1000), expectedRev }).strict(),
  apply(data, { meetingId, reason, expectedRev }, ctx) {
    const meeting = getRecord(data, 'meeting', meetingId, 'That meeting no longer exists');
    if (meeting.status === 'cancelled') throw new QuorumFailure('conflict', 'This meeting is already cancelled.');
    if (meeting.status === 'held' || meeting.status === 'minutes-approved') throw new QuorumFailure('conflict', `The meeting of ${formatUkDate(meeting.date)} has been held; its record stays as it is.`);
    const cs = new ChangeSet(data, ctx);
    cs.update(meeting, { status: 'cancelled', cancellation: { reason, on: ctx.today() } }, expectedRev);
    return cs.result(`Cancelled the meeting ${label(data, meeting)}: ${clip(reason, 200)}`);
  },
});

/** What a meeting carries that deleting it would lose; a meeting with any of it is cancelled instead. */
export const meetingBusiness = (data: Parameters<typeof getRecord>[0], meetingId: Meeting['id']): string[] => {
  const count = (n: number, what: string) => (n ? [`${n} ${what}`] : []);
  const where = <T extends { meetingId?: string }>(xs: T[]) => xs.filter((x) => x.meetingId === meetingId).length;
  return [
    ...count(agendaItemsOf(data, meetingId).length, 'agenda items'),
    ...count(where(listRecords(data, 'attendance')), 'attendance records'),
    ...count(where(listRecords(data, 'action')), 'actions'),
    ...count(where(listRecords(data, 'packBuild')), 'built packs'),
    ...count(listRecords(data, 'deepDive').filter((d) => d.meetingId === meetingId || d.followUpMeetingId === meetingId).length, 'deep dives'),
    ...count(listRecords(data, 'forwardPlanItem').filter((f) => f.meetingId === meetingId).length, 'forward plan items'),
    ...count(listRecords(data, 'meeting').filter((m) => m.minutesApproval?.meetingId === meetingId || m.corrections?.some((c) => c.agreedAtMeetingId === meetingId)).length, 'approvals of minutes'),
    ...count(listRecords(data, 'tor').filter((t) => t.approval?.meetingId === meetingId).length, 'terms of reference approvals'),
    ...count(listRecords(data, 'signOff').filter((s) => s.meetingId === meetingId).length, 'protocol sign-offs'),
  ];
};

/** Deletes a meeting planned by mistake, while it has no business at all; otherwise it is cancelled, keeping its history. */
export const deleteMeeting = mutation({
  name: 'meetings:delete',
  undoable: true,
  writes: ['meeting'],
  input: z.object({ meetingId: recordId('meeting') }).strict(),
  apply(data, { meetingId }, ctx) {
    const meeting = getRecord(data, 'meeting', meetingId, 'That meeting no longer exists');
    const business = meetingBusiness(data, meeting.id);
    if (business.length) throw new QuorumFailure('conflict', `The meeting of ${formatUkDate(meeting.date)} has ${business.join(', ')}; cancel it instead, so its history is kept.`);
    const cs = new ChangeSet(data, ctx);
    cs.remove(meeting.id);
    return cs.result(`Deleted the meeting ${label(data, meeting)}, planned by mistake`);
  },
});

/** An agenda item as drafted: its paper requested from the author the draft names. */
export const agendaItemFromDraft = (id: AgendaItem['id'], meetingId: Meeting['id'], order: string, d: AgendaDraft): Omit<AgendaItem, 'rev' | 'updatedAt' | 'updatedBy' | 'schemaVersion'> => ({
  id,
  type: 'agendaItem',
  meetingId,
  order,
  title: d.title,
  purpose: d.purpose,
  durationMinutes: d.durationMinutes,
  presenterIds: d.presenterIds,
  minutes: '',
  ...(d.standing ? { standing: d.standing } : {}),
  ...(d.forwardPlanItemId ? { forwardPlanItemId: d.forwardPlanItemId } : {}),
  ...(d.deepDiveId ? { deepDiveId: d.deepDiveId } : {}),
  ...(d.paperFrom
    ? { paper: { status: 'requested' as const, ...(d.paperFrom.authorPersonId ? { authorPersonId: d.paperFrom.authorPersonId } : {}), coverSheet: { ...emptyCoverSheet(), reportOf: d.paperFrom.reportOf, author: d.paperFrom.author }, body: '' } }
    : {}),
});

/**
 * The draft agenda (rules/draftAgenda): standing items, the scheduled deep dive and the forward
 * plan items targeted at the meeting, each business item with its paper requested from its author.
 * Forward plan items put on the agenda move to "on agenda".
 */
export const draftMeetingAgenda = mutation({
  name: 'agenda:draft',
  writes: ['agendaItem', 'forwardPlanItem'],
  input: z.object({ meetingId: recordId('meeting') }).strict(),
  apply(data, input, ctx) {
    const meeting = getRecord(data, 'meeting', input.meetingId);
    if (listRecords(data, 'agendaItem').some((i) => i.meetingId === meeting.id))
      throw new QuorumFailure('conflict', 'This meeting already has an agenda; add, move or remove items instead.');
    const drafts = draftAgenda(data, meeting.id);
    const keys = spreadKeys(drafts.length);
    const cs = new ChangeSet(data, ctx);
    drafts.forEach((d, i) => {
      cs.create<RecordOf<'agendaItem'>>(agendaItemFromDraft(ctx.newId('agendaItem'), meeting.id, keys[i], d));
      if (d.forwardPlanItemId) cs.update(getRecord(data, 'forwardPlanItem', d.forwardPlanItemId), { status: 'on-agenda' });
    });
    const reported = decisionsReportedTo(data, meeting.id);
    if (reported.length) syncDecisionItems(cs.view(), cs, meeting.id, reported, ctx);
    return cs.result(`Drafted the agenda for ${label(data, meeting)}: ${drafts.length} items`);
  },
});

// Queries

/** Every meeting of every board, in date order, with the next of each marked. */
export const listMeetings = query({
  name: 'meetings:list',
  input: noInput,
  reads: ['board', 'meeting', 'agendaItem'],
  view(data, _input, env): MeetingSummary[] {
    return listRecords(data, 'board')
      .flatMap((board) => {
        const next = nextMeeting(data, board.id, env.today);
        return boardMeetings(data, board.id, { includeCancelled: true }).map((m) => ({
          id: m.id,
          boardId: board.id,
          boardName: board.name,
          date: m.date,
          startTime: m.startTime,
          venue: m.venue,
          status: m.status,
          agendaItems: agendaItemsOf(data, m.id).length,
          isNext: next?.id === m.id,
        }));
      })
      .sort((a, b) => compareCodes(a.date + a.startTime, b.date + b.startTime));
  },
});

/** One meeting with its agenda, attendance and quorum, minutes, resolutions and actions. */
export const getMeeting = query({
  name: 'meetings:get',
  input: z.object({ meetingId: recordId('meeting') }).strict(),
  reads: ['meeting', 'agendaItem', 'attendance', 'declaration', 'resolution', 'action', 'actionUpdate', 'person', 'organisation', 'tor', 'board', 'deepDive', 'forwardPlanItem'],
  view(data, { meetingId }, env) {
    getRecord(data, 'meeting', meetingId, 'That meeting no longer exists');
    return meetingView(data, meetingId, env.today, env.holidays);
  },
});

