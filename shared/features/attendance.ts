import { z } from 'zod';
import { isoDate, line, optionalLine, recordId } from '../schema/common';
import { ATTENDANCE_STATUSES, type Meeting, type Person, type RecordOf } from '../schema/records';
import { getRecord, listRecords, type StoreData } from '../data';
import { QuorumFailure } from '../result';
import { currentTor } from '../rules/boards';
import { ChangeSet } from '../kernel/changeSet';
import { mutation, query } from '../kernel/operation';
import { attendanceRecord } from '../rules/attendanceRecord';
import { addDays } from '../rules/dates';
import { assertMinutesOpen } from '../rules/frozen';

const STATUS_WORDS = { present: 'present', apologies: 'apologies', absent: 'absent', 'in-attendance': 'in attendance' } as const;

/**
 * One person's attendance at a meeting: present, apologies or absent for a member, "in
 * attendance" for officers and guests, or present as a substitute ("A attended in place of B"),
 * which the terms of reference must allow for B's seat.
 */
export const setAttendance = mutation({
  name: 'attendance:set',
  writes: ['attendance'],
  input: z
    .object({
      meetingId: recordId('meeting'),
      personId: recordId('person'),
      status: z.enum(ATTENDANCE_STATUSES),
      memberKey: optionalLine(64).optional(),
      inPlaceOfPersonId: recordId('person').optional(),
      /** Why they were not there: kept for the attendance record, never published. */
      absenceReason: optionalLine(300).optional(),
    })
    .strict(),
  apply(data, input, ctx) {
    const meeting = assertMinutesOpen(data, input.meetingId);
    const cs = new ChangeSet(data, ctx);
    return cs.result(recordAttendance(data, cs, meeting, input));
  },
});

/**
 * Writes one person's attendance into the change set and says what it recorded: attendance:set
 * while the minutes are open, and a recorded correction (minutes:correct) once they are approved.
 */
export const recordAttendance = (
  data: StoreData,
  cs: ChangeSet,
  meeting: Meeting,
  input: { personId: Person['id']; status: (typeof ATTENDANCE_STATUSES)[number]; memberKey?: string; inPlaceOfPersonId?: Person['id']; absenceReason?: string },
): string => {
  const person = getRecord(data, 'person', input.personId);
  const tor = currentTor(data, meeting.boardId, meeting.date);
  let memberKey = input.memberKey || undefined;
  if (input.inPlaceOfPersonId) {
    if (input.status !== 'present') throw new QuorumFailure('invalid-input', 'A substitute is recorded as present.');
    const absent = getRecord(data, 'person', input.inPlaceOfPersonId);
    const seat = tor?.members.find((m) => m.personId === absent.id);
    if (!seat) throw new QuorumFailure('invalid-input', `${absent.name} is not a member under the board’s terms of reference, so no one can attend in their place.`);
    if (!seat.deputyAllowed) throw new QuorumFailure('invalid-input', `The terms of reference do not allow the ${seat.role} a deputy, so ${person.name} cannot attend in place of ${absent.name}.`);
    if (absent.id === person.id) throw new QuorumFailure('invalid-input', 'A person cannot attend in their own place.');
    // A substitute fills an empty seat; one who holds a seat of their own, or is already here, would leave theirs empty.
    const ownSeat = tor?.members.find((m) => m.personId === person.id);
    if (ownSeat) throw new QuorumFailure('conflict', `${person.name} holds the seat of ${ownSeat.role} on this board, so cannot also attend in place of ${absent.name}. Choose someone without a seat.`);
    const already = listRecords(data, 'attendance').find((a) => a.meetingId === meeting.id && a.personId === person.id);
    if (already && (already.status === 'present' || already.status === 'in-attendance') && already.inPlaceOfPersonId !== absent.id)
      throw new QuorumFailure(
        'conflict',
        already.inPlaceOfPersonId
          ? `${person.name} is already attending in place of ${getRecord(data, 'person', already.inPlaceOfPersonId).name}; one person stands in for one member.`
          : `${person.name} is already recorded as ${STATUS_WORDS[already.status]} at this meeting, so cannot also attend in place of ${absent.name}.`,
      );
    memberKey = seat.key;
  } else if (!memberKey) memberKey = tor?.members.find((m) => m.personId === person.id)?.key;
  const existing = listRecords(data, 'attendance').find((a) => a.meetingId === meeting.id && a.personId === person.id);
  const reason = input.absenceReason?.trim();
  if (reason && (input.status === 'present' || input.status === 'in-attendance')) throw new QuorumFailure('invalid-input', `${person.name} is recorded as ${STATUS_WORDS[input.status]}: a reason for absence goes with apologies or absent.`, { absenceReason: 'Only for apologies or absent' });
  const fields = { status: input.status, memberKey, inPlaceOfPersonId: input.inPlaceOfPersonId, absenceReason: reason || undefined };
  if (existing) cs.update(existing, fields);
  else cs.create<RecordOf<'attendance'>>({ id: cs.newId('attendance'), type: 'attendance', meetingId: meeting.id, personId: person.id, ...fields });
  if (input.inPlaceOfPersonId) {
    // The member a substitute stands in for has, by definition, sent apologies.
    const absentRow = listRecords(data, 'attendance').find((a) => a.meetingId === meeting.id && a.personId === input.inPlaceOfPersonId);
    if (absentRow && absentRow.status !== 'apologies') cs.update(absentRow, { status: 'apologies' });
    if (!absentRow) cs.create<RecordOf<'attendance'>>({ id: cs.newId('attendance'), type: 'attendance', meetingId: meeting.id, personId: input.inPlaceOfPersonId, status: 'apologies', memberKey });
  }
  const what = input.inPlaceOfPersonId ? `in place of ${getRecord(data, 'person', input.inPlaceOfPersonId).name}` : `${STATUS_WORDS[input.status]}${reason ? ` (${reason})` : ''}`;
  return `Recorded ${person.name}: ${what}`;
};

export const removeAttendance = mutation({
  name: 'attendance:remove',
  undoable: true,
  writes: ['attendance'],
  input: z.object({ attendanceId: recordId('attendance') }).strict(),
  apply(data, input, ctx) {
    const row = getRecord(data, 'attendance', input.attendanceId);
    const person = getRecord(data, 'person', row.personId);
    const cs = new ChangeSet(data, ctx);
    // Removing a substitute never removes anyone's own attendance: a member recorded (before this
    // rule) as standing in for another goes back to their own seat, still present.
    const meeting = assertMinutesOpen(data, row.meetingId);
    const ownSeat = row.inPlaceOfPersonId ? currentTor(data, meeting.boardId, meeting.date)?.members.find((m) => m.personId === row.personId) : undefined;
    if (ownSeat) {
      cs.update(row, { status: 'present', memberKey: ownSeat.key, inPlaceOfPersonId: undefined });
      return cs.result(`${person.name} no longer stands in for ${getRecord(data, 'person', row.inPlaceOfPersonId!).name}; still present in their own seat (${ownSeat.role})`);
    }
    cs.remove(row.id);
    return cs.result(row.inPlaceOfPersonId ? `Removed ${person.name} as substitute for ${getRecord(data, 'person', row.inPlaceOfPersonId).name}` : `Removed ${person.name} from the attendance`);
  },
});

/** A declaration of interest at a meeting, on an item when it concerns one; carried into the minutes. */
export const addDeclaration = mutation({
  name: 'declarations:add',
  writes: ['declaration'],
  input: z.object({ meetingId: recordId('meeting'), personId: recordId('person'), agendaItemId: recordId('agendaItem').optional(), interest: line(2000) }).strict(),
  apply(data, input, ctx) {
    assertMinutesOpen(data, input.meetingId);
    const person = getRecord(data, 'person', input.personId);
    if (input.agendaItemId && getRecord(data, 'agendaItem', input.agendaItemId).meetingId !== input.meetingId)
      throw new QuorumFailure('invalid-input', 'That item is on another meeting’s agenda');
    const cs = new ChangeSet(data, ctx);
    cs.create<RecordOf<'declaration'>>({ id: ctx.newId('declaration'), type: 'declaration', ...input });
    return cs.result(`Recorded a declaration of interest by ${person.name}`);
  },
});

export const removeDeclaration = mutation({
  name: 'declarations:remove',
  undoable: true,
  writes: ['declaration'],
  input: z.object({ declarationId: recordId('declaration') }).strict(),
  apply(data, input, ctx) {
    const d = getRecord(data, 'declaration', input.declarationId);
    assertMinutesOpen(data, d.meetingId);
    const cs = new ChangeSet(data, ctx);
    cs.remove(d.id);
    return cs.result(`Removed a declaration of interest by ${getRecord(data, 'person', d.personId).name}`);
  },
});

/**
 * Attendance and representation over a period (shared/rules/attendanceRecord.ts): each member's
 * meetings by outcome, each seat and organisation, statutory seats not filled, quorum failures.
 */
export const attendanceSummary = query({
  name: 'attendance:summary',
  input: z
    .object({ from: isoDate.optional(), to: isoDate.optional(), boardId: recordId('board').optional() })
    .strict()
    .refine((p) => !p.from || !p.to || p.from <= p.to, { message: 'The period ends before it begins', path: ['to'] }),
  reads: ['meeting', 'attendance', 'tor', 'board', 'person', 'organisation'],
  view: (data, input, env) => {
    // The twelve months to today unless a period is asked for.
    const to = input.to ?? env.today;
    const from = input.from ?? addDays(`${Number(to.slice(0, 4)) - 1}${to.slice(4)}`, 1);
    if (from > to) throw new QuorumFailure('invalid-input', 'The period ends before it begins.', { to: 'Before the start' });
    return attendanceRecord(data, { from, to, ...(input.boardId ? { boardId: input.boardId } : {}) });
  },
});
