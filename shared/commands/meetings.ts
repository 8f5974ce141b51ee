import { z } from 'zod';
import { clockTime, isoDate, optionalLine, recordId } from '../schema/common';
import { MEETING_STATUSES, type AgendaItem, type Meeting, type RecordOf } from '../schema/records';
import { getRecord, listRecords } from '../data';
import { QuorumFailure } from '../result';
import { formatUkDate } from '../rules/dates';
import { draftAgenda } from '../rules/draftAgenda';
import { spreadKeys } from '../rules/order';
import { ChangeSet, defineCommand } from './context';
import { emptyCoverSheet } from './packs';

const rev = z.number().int().min(1).optional();
const label = (data: Parameters<typeof getRecord>[0], m: Meeting) => `${getRecord(data, 'board', m.boardId).shortName}, ${formatUkDate(m.date)}`;

const when = { date: isoDate, startTime: clockTime, endTime: clockTime, venue: optionalLine(300) };
const endsAfterStart: [(t: { startTime: string; endTime: string }) => boolean, { message: string; path: string[] }] = [
  (t) => t.endTime > t.startTime,
  { message: 'The meeting must end after it starts', path: ['endTime'] },
];

export const createMeeting = defineCommand({
  name: 'meeting.create',
  input: z.object({ boardId: recordId('board'), ...when }).strict().refine(...endsAfterStart),
  apply(data, input, ctx) {
    getRecord(data, 'board', input.boardId);
    const cs = new ChangeSet(data, ctx);
    const meeting = cs.create<Meeting>({ id: ctx.newId('meeting'), type: 'meeting', boardId: input.boardId, date: input.date, startTime: input.startTime, endTime: input.endTime, venue: input.venue, status: 'planned' });
    return cs.result('meeting.create', `Planned a meeting: ${label(data, meeting)} at ${input.startTime}`);
  },
});

export const updateMeeting = defineCommand({
  name: 'meeting.update',
  input: z.object({ meetingId: recordId('meeting'), ...when, status: z.enum(MEETING_STATUSES), expectedRev: rev }).strict().refine(...endsAfterStart),
  apply(data, { meetingId, expectedRev, ...patch }, ctx) {
    const meeting = getRecord(data, 'meeting', meetingId);
    const cs = new ChangeSet(data, ctx);
    const next = cs.update(meeting, patch, expectedRev);
    return cs.result('meeting.update', `Updated the meeting ${label(data, next)}`);
  },
});

/**
 * The draft agenda (rules/draftAgenda): standing items, the scheduled deep dive and the forward
 * plan items targeted at the meeting, each business item with its paper requested from its author.
 * Forward plan items put on the agenda move to "on agenda".
 */
export const draftMeetingAgenda = defineCommand({
  name: 'agenda.draft',
  input: z.object({ meetingId: recordId('meeting') }).strict(),
  apply(data, input, ctx) {
    const meeting = getRecord(data, 'meeting', input.meetingId);
    if (listRecords(data, 'agendaItem').some((i) => i.meetingId === meeting.id))
      throw new QuorumFailure('conflict', 'This meeting already has an agenda; add, move or remove items instead.');
    const drafts = draftAgenda(data, meeting.id);
    const keys = spreadKeys(drafts.length);
    const cs = new ChangeSet(data, ctx);
    drafts.forEach((d, i) => {
      const item: Omit<AgendaItem, 'rev' | 'updatedAt' | 'updatedBy' | 'schemaVersion'> = {
        id: ctx.newId('agendaItem'),
        type: 'agendaItem',
        meetingId: meeting.id,
        order: keys[i],
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
      };
      cs.create<RecordOf<'agendaItem'>>(item);
      if (d.forwardPlanItemId) cs.update(getRecord(data, 'forwardPlanItem', d.forwardPlanItemId), { status: 'on-agenda' });
    });
    return cs.result('agenda.draft', `Drafted the agenda for ${label(data, meeting)}: ${drafts.length} items`);
  },
});
