import { z } from 'zod';
import { clip, quoted } from '../rules/words';
import { expectedRev, line, markdown, optionalLine, recordId } from '../schema/common';
import { ATTENDANCE_STATUSES, part2Schema, type RecordOf } from '../schema/records';
import { agendaItemsOf, getRecord, recordsWhere, undecidedFailure } from '../data';
import { QuorumFailure } from '../result';
import { formatUkDate } from '../rules/dates';
import { ChangeSet } from '../kernel/changeSet';
import { mutation } from '../kernel/operation';
import { assertMinutesOpen } from '../rules/frozen';
import { publishAgenda } from './packs';
import { approvalAtUnheldMeeting, askToConfirm } from '../rules/confirm';
import { recordAttendance } from './attendance';



/** The minute of one item, as Markdown, written while the meeting runs. */
export const updateMinutes = mutation({
  name: 'minutes:update',
  writes: ['agendaItem'],
  input: z.object({ agendaItemId: recordId('agendaItem'), minutes: markdown, expectedRev }).strict(),
  apply(data, input, ctx) {
    const item = getRecord(data, 'agendaItem', input.agendaItemId);
    assertMinutesOpen(data, item.meetingId);
    const cs = new ChangeSet(data, ctx);
    cs.update(item, { minutes: input.minutes }, input.expectedRev);
    return cs.result(`Minuted ${quoted(item.title)}`);
  },
});

const resolutionsOf = (data: Parameters<typeof getRecord>[0], agendaItemId: string) =>
  recordsWhere(data, 'resolution', 'agendaItemId', agendaItemId)
    .sort((a, b) => a.number - b.number);

/** "It was resolved that: 1. … 2. …": numbered within the item, in the order made. */
export const addResolution = mutation({
  name: 'resolutions:add',
  writes: ['resolution'],
  input: z.object({ agendaItemId: recordId('agendaItem'), text: line(5000) }).strict(),
  apply(data, input, ctx) {
    const item = getRecord(data, 'agendaItem', input.agendaItemId);
    assertMinutesOpen(data, item.meetingId);
    const existing = resolutionsOf(data, item.id);
    if (existing.length >= 99) throw new QuorumFailure('invalid-input', 'An item can carry at most 99 resolutions');
    const cs = new ChangeSet(data, ctx);
    const number = (existing.at(-1)?.number ?? 0) + 1;
    cs.create<RecordOf<'resolution'>>({ id: ctx.newId('resolution'), type: 'resolution', meetingId: item.meetingId, agendaItemId: item.id, number, text: input.text });
    return cs.result(`Resolved on ${quoted(item.title)} (${number}): ${clip(input.text, 120)}`);
  },
});

export const updateResolution = mutation({
  name: 'resolutions:update',
  writes: ['resolution'],
  input: z.object({ resolutionId: recordId('resolution'), text: line(5000), expectedRev }).strict(),
  apply(data, input, ctx) {
    const r = getRecord(data, 'resolution', input.resolutionId);
    assertMinutesOpen(data, r.meetingId);
    const cs = new ChangeSet(data, ctx);
    cs.update(r, { text: input.text }, input.expectedRev);
    return cs.result(`Reworded resolution ${r.number} on ${quoted(getRecord(data, 'agendaItem', r.agendaItemId).title)}`);
  },
});

/** Removes a resolution and closes the gap, so the minutes still read 1, 2, 3. */
export const removeResolution = mutation({
  name: 'resolutions:remove',
  undoable: true,
  writes: ['resolution'],
  input: z.object({ resolutionId: recordId('resolution') }).strict(),
  apply(data, input, ctx) {
    const r = getRecord(data, 'resolution', input.resolutionId);
    assertMinutesOpen(data, r.meetingId);
    const cs = new ChangeSet(data, ctx);
    cs.remove(r.id);
    for (const later of resolutionsOf(data, r.agendaItemId).filter((x) => x.number > r.number)) cs.update(later, { number: later.number - 1 });
    return cs.result(`Removed resolution ${r.number} on ${quoted(getRecord(data, 'agendaItem', r.agendaItemId).title)}`);
  },
});

/**
 * The draft minutes of a held meeting approved at a later one: the earlier meeting becomes
 * "minutes approved" with where it was done, and the later meeting's minutes item records the
 * resolution, as the seed minutes do ("the minutes were taken as accurate").
 */
export const approveMinutes = mutation({
  name: 'minutes:approve',
  writes: ['meeting', 'resolution', 'agendaItem'],
  input: z.object({ meetingId: recordId('meeting'), atAgendaItemId: recordId('agendaItem'), minuteRef: optionalLine(100).optional(), confirmed: z.boolean().optional() }).strict(),
  apply(data, { confirmed, ...input }, ctx) {
    const meeting = getRecord(data, 'meeting', input.meetingId);
    const at = getRecord(data, 'agendaItem', input.atAgendaItemId);
    const atMeeting = getRecord(data, 'meeting', at.meetingId);
    if (meeting.status !== 'held') throw new QuorumFailure('conflict', meeting.status === 'minutes-approved' ? 'These minutes are already approved.' : 'Only the minutes of a meeting that has been held can be approved.');
    const clash = [meeting.id, ...agendaItemsOf(data, meeting.id).map((i) => i.id)].find((id) => data.undecided?.has(id));
    if (clash) throw undecidedFailure(`These minutes cannot be approved yet: ${clash === meeting.id ? 'the meeting' : `the minute of “${getRecord(data, 'agendaItem', clash).title}”`}`);
    if (atMeeting.boardId !== meeting.boardId || atMeeting.date <= meeting.date) throw new QuorumFailure('invalid-input', 'Minutes are approved at a later meeting of the same board.');
    askToConfirm(confirmed, approvalAtUnheldMeeting(`The minutes of ${formatUkDate(meeting.date)} would be approved`, atMeeting, ctx.today()), 'atAgendaItemId');
    const cs = new ChangeSet(data, ctx);
    // The agenda's numbers and times are fixed as the minutes cite them, if no pack fixed them first.
    publishAgenda(data, cs, meeting);
    cs.update(meeting, { status: 'minutes-approved', minutesApproval: { meetingId: atMeeting.id, minuteRef: input.minuteRef ?? '' } });
    const number = (resolutionsOf(data, at.id).at(-1)?.number ?? 0) + 1;
    const text = `The minutes of the meeting held on ${formatUkDate(meeting.date)} be approved as an accurate record.`;
    cs.create<RecordOf<'resolution'>>({ id: ctx.newId('resolution'), type: 'resolution', meetingId: atMeeting.id, agendaItemId: at.id, number, text });
    return cs.result(`Approved the minutes of ${formatUkDate(meeting.date)} at the meeting of ${formatUkDate(atMeeting.date)}`);
  },
});

/**
 * A correction to approved minutes, as boards make them ("the minutes were agreed subject to the
 * following amendment"): agreed at a later meeting of the board, with what changed and why. The
 * item's minute takes the corrected text; the correction is kept on the meeting and printed with
 * its minutes, so the record shows both.
 */
export const correctMinutes = mutation({
  name: 'minutes:correct',
  writes: ['meeting', 'agendaItem', 'attendance', 'resolution'],
  input: z
    .object({
      meetingId: recordId('meeting'),
      agendaItemId: recordId('agendaItem').optional(),
      minutes: markdown.optional(),
      /** The item's title put right. */
      title: line(300).optional(),
      /**
       * The item taken in private after all (or found to have been public): moved into or out of
       * Part 2 under a Schedule 12A paragraph. Its number and every other item's stay as published.
       */
      part2: part2Schema.strict().nullable().optional(),
      /** A resolution's wording put right, keeping its number. */
      resolution: z.object({ resolutionId: recordId('resolution'), text: line(2000) }).strict().optional(),
      /** Who attended, put right: one person's attendance as the board agreed it ("not there" takes them off). */
      attendance: z.object({ personId: recordId('person'), status: z.enum([...ATTENDANCE_STATUSES, 'not-there']) }).strict().optional(),
      change: line(2000),
      reason: line(2000),
      agreedAtMeetingId: recordId('meeting'),
      minuteRef: optionalLine(100).optional(),
    })
    .strict(),
  apply(data, input, ctx) {
    const meeting = getRecord(data, 'meeting', input.meetingId);
    if (meeting.status !== 'minutes-approved') throw new QuorumFailure('conflict', 'These minutes are not yet approved: edit them directly.');
    const agreedAt = getRecord(data, 'meeting', input.agreedAtMeetingId);
    if (agreedAt.boardId !== meeting.boardId || agreedAt.date <= meeting.date) throw new QuorumFailure('invalid-input', 'A correction is agreed at a later meeting of the same board.', { agreedAtMeetingId: 'Choose a later meeting of this board' });
    const cs = new ChangeSet(data, ctx);
    if (input.agendaItemId) {
      const item = getRecord(data, 'agendaItem', input.agendaItemId);
      if (item.meetingId !== meeting.id) throw new QuorumFailure('invalid-input', 'That item is on another meeting’s agenda');
      const part2 = input.part2 === undefined ? item.part2 : input.part2 ? { paragraph: input.part2.paragraph, reason: input.part2.reason, ...(input.part2.publicTitle?.trim() ? { publicTitle: input.part2.publicTitle.trim() } : {}) } : undefined;
      if (input.part2 && item.standing) throw new QuorumFailure('invalid-input', `“${item.title}” is a standing item and is always taken in public.`);
      const paper = input.part2 !== undefined && item.paper ? { ...item.paper, coverSheet: { ...item.paper.coverSheet, classification: part2 ? ('exempt' as const) : ('public' as const) } } : item.paper;
      cs.update(item, { ...(input.minutes !== undefined ? { minutes: input.minutes } : {}), ...(input.title ? { title: input.title } : {}), part2, ...(paper ? { paper } : {}) });
    } else if (input.title || input.part2 !== undefined || input.minutes !== undefined) throw new QuorumFailure('invalid-input', 'Say which item the correction is to.', { agendaItemId: 'Choose the item' });
    if (input.resolution) {
      const r = getRecord(data, 'resolution', input.resolution.resolutionId);
      if (r.meetingId !== meeting.id) throw new QuorumFailure('invalid-input', 'That resolution was made at another meeting.');
      cs.update(r, { text: input.resolution.text });
    }
    if (input.attendance) {
      const { personId, status } = input.attendance;
      const own = recordsWhere(data, 'attendance', 'meetingId', meeting.id).find((a) => a.personId === personId);
      if (status === 'not-there') {
        if (!own) throw new QuorumFailure('invalid-input', `${getRecord(data, 'person', personId).name} is not in the attendance of this meeting.`, { attendance: 'Choose someone recorded at the meeting' });
        cs.remove(own.id);
      } else recordAttendance(data, cs, meeting, { personId, status, ...(own?.inPlaceOfPersonId && status === 'present' ? { inPlaceOfPersonId: own.inPlaceOfPersonId } : {}) });
    }
    const entry = { ...(input.agendaItemId ? { agendaItemId: input.agendaItemId } : {}), change: input.change, reason: input.reason, agreedAtMeetingId: agreedAt.id, minuteRef: input.minuteRef ?? '', recordedOn: ctx.today() };
    cs.update(meeting, { corrections: [...(meeting.corrections ?? []), entry] });
    return cs.result(`Corrected the approved minutes of ${formatUkDate(meeting.date)} (agreed at the meeting of ${formatUkDate(agreedAt.date)}): ${clip(input.change, 120)} because ${clip(input.reason, 200)}`);
  },
});
