import type { Action, AgendaItem, Attendance, Meeting, Person } from '../schema/records';
import { findRecord, getRecord, listRecords, recordsWhere, type StoreData } from '../data';
import { numberedAgenda, meetingItems } from './agenda';
import { isOverdue } from './actions';
import { agendaTimes, overrunMinutes } from './agenda';
import { boardMeetings, currentTor } from './boards';
import { daysBetween, type HolidaySet } from './dates';
import { clearDaysFor, meetingPaperDeadline, paperState, type PaperState } from './papers';
import { personName } from './people';
import { checkQuorum, type QuorumCheck } from './quorum';
import type { RecordId } from '../schema/common';
import { compareEnglish } from './textOrder';

export type ActionView = { id: Action['id']; rev: number; text: string; ownerPersonId: Person['id']; owner: string; dueDate: string; status: Action['status']; overdue: boolean };

export type AgendaItemView = {
  id: AgendaItem['id'];
  rev: number;
  number: number;
  title: string;
  purpose: AgendaItem['purpose'];
  standing: AgendaItem['standing'] | null;
  start: string;
  end: string;
  durationMinutes: number;
  fixedStart: string | null;
  presenterIds: Person['id'][];
  presenters: string;
  part2: AgendaItem['part2'] | null;
  paper: null | { state: PaperState; receivedOn: string | null; authorPersonId: Person['id'] | null; author: string; bodyCharacters: number; coverSheet: NonNullable<AgendaItem['paper']>['coverSheet'] };
  minutes: string;
  resolutions: { id: RecordId<'resolution'>; rev: number; number: number; text: string }[];
  actions: ActionView[];
};

export type RosterRow = {
  personId: Person['id'];
  name: string;
  organisation: string;
  /** The ToR seat ("Police"), or "In attendance". */
  role: string;
  memberKey: string | null;
  deputyAllowed: boolean;
  attendanceId: Attendance['id'] | null;
  status: Attendance['status'] | 'not-recorded';
  substitute: null | { attendanceId: Attendance['id']; personId: Person['id']; name: string };
  /** Why they were not there (apologies or absent): for the attendance record, never published. */
  absenceReason: string;
};

export type MeetingView = {
  meeting: Meeting;
  boardName: string;
  clearDays: number;
  paperDeadline: string;
  daysToPaperDeadline: number;
  overrunMinutes: number;
  items: AgendaItemView[];
  /** ToR members, then others in attendance. */
  roster: RosterRow[];
  quorum: QuorumCheck | null;
  quorumRule: string;
  declarations: { id: RecordId<'declaration'>; personId: Person['id']; name: string; agendaItemId: AgendaItem['id'] | null; itemNumber: number | null; interest: string }[];
  /** The board's previous meeting, whose minutes this meeting approves. */
  previousMeeting: null | { id: Meeting['id']; date: string; status: Meeting['status'] };
  people: { id: Person['id']; name: string; organisation: string }[];
};

const orgName = (data: StoreData, p: Person) => findRecord(data, 'organisation', p.organisationId)?.name ?? '';

const actionView = (data: StoreData, a: Action, today: string): ActionView => ({
  id: a.id,
  rev: a.rev,
  text: a.text,
  ownerPersonId: a.ownerPersonId,
  owner: personName(data, a.ownerPersonId),
  dueDate: a.dueDate,
  status: a.status,
  overdue: isOverdue(a, today),
});

/** Everything the Meeting screen shows, derived from the records: times, paper states, quorum. */
export const meetingView = (data: StoreData, meetingId: string, today: string, holidays: HolidaySet): MeetingView => {
  const meeting = getRecord(data, 'meeting', meetingId);
  const board = getRecord(data, 'board', meeting.boardId);
  const deadline = meetingPaperDeadline(data, meeting, holidays);
  const numbered = numberedAgenda(meetingItems(data, meeting.id));
  const timed = agendaTimes(numbered.map((n) => n.item), meeting.startTime);
  const resolutions = recordsWhere(data, 'resolution', 'meetingId', meeting.id);
  const actions = recordsWhere(data, 'action', 'meetingId', meeting.id);
  const items: AgendaItemView[] = numbered.map(({ item, number }, i) => ({
    id: item.id,
    rev: item.rev,
    number,
    title: item.title,
    purpose: item.purpose,
    standing: item.standing ?? null,
    start: timed[i].start,
    end: timed[i].end,
    durationMinutes: item.durationMinutes,
    fixedStart: item.fixedStart ?? null,
    presenterIds: item.presenterIds,
    presenters: item.presenterIds.map((id) => personName(data, id)).join(', '),
    part2: item.part2 ?? null,
    paper: item.paper
      ? {
          state: paperState(item.paper, deadline, today),
          receivedOn: item.paper.receivedOn ?? null,
          authorPersonId: item.paper.authorPersonId ?? null,
          author: personName(data, item.paper.authorPersonId) || item.paper.coverSheet.author,
          bodyCharacters: item.paper.body.length,
          coverSheet: item.paper.coverSheet,
        }
      : null,
    minutes: item.minutes,
    resolutions: resolutions
      .filter((r) => r.agendaItemId === item.id)
      .sort((a, b) => a.number - b.number)
      .map((r) => ({ id: r.id, rev: r.rev, number: r.number, text: r.text })),
    actions: actions.filter((a) => a.agendaItemId === item.id).map((a) => actionView(data, a, today)),
  }));

  const tor = currentTor(data, board.id, meeting.date);
  const attendance = recordsWhere(data, 'attendance', 'meetingId', meeting.id);
  const person = (id: Person['id']) => findRecord(data, 'person', id);
  const roster: RosterRow[] = (tor?.members ?? []).flatMap((m) => {
    const p = m.personId ? person(m.personId) : undefined;
    if (!p) return [];
    const own = attendance.find((a) => a.personId === p.id && !a.inPlaceOfPersonId);
    const sub = attendance.find((a) => a.inPlaceOfPersonId === p.id);
    return [
      {
        personId: p.id,
        name: p.name,
        organisation: orgName(data, p),
        role: m.role,
        memberKey: m.key,
        deputyAllowed: m.deputyAllowed,
        attendanceId: own?.id ?? null,
        status: own?.status ?? 'not-recorded',
        substitute: sub ? { attendanceId: sub.id, personId: sub.personId, name: personName(data, sub.personId) } : null,
        absenceReason: own?.absenceReason ?? '',
      },
    ];
  });
  const seated = new Set(roster.map((r) => r.personId));
  for (const a of attendance.filter((x) => !seated.has(x.personId) && !x.inPlaceOfPersonId)) {
    const p = person(a.personId);
    if (p) roster.push({ personId: p.id, name: p.name, organisation: orgName(data, p), role: 'In attendance', memberKey: null, deputyAllowed: false, attendanceId: a.id, status: a.status, substitute: null, absenceReason: a.absenceReason ?? '' });
  }
  const previous = boardMeetings(data, board.id)
    .filter((m) => (m.date + m.startTime) < (meeting.date + meeting.startTime))
    .at(-1);
  const numberOf = new Map(items.map((i) => [i.id, i.number]));
  return {
    meeting,
    boardName: board.name,
    clearDays: clearDaysFor(data, meeting),
    paperDeadline: deadline,
    daysToPaperDeadline: daysBetween(today, deadline),
    overrunMinutes: overrunMinutes(numbered.map((n) => n.item), meeting),
    items,
    roster,
    quorum: tor ? checkQuorum(tor, attendance) : null,
    quorumRule: tor?.quorum.text ?? '',
    declarations: recordsWhere(data, 'declaration', 'meetingId', meeting.id)
      .map((d) => ({ id: d.id, personId: d.personId, name: personName(data, d.personId), agendaItemId: d.agendaItemId ?? null, itemNumber: d.agendaItemId ? (numberOf.get(d.agendaItemId) ?? null) : null, interest: d.interest })),
    previousMeeting: previous ? { id: previous.id, date: previous.date, status: previous.status } : null,
    people: listRecords(data, 'person')
      .filter((p) => !p.retiredOn)
      .map((p) => ({ id: p.id, name: p.name, organisation: orgName(data, p) }))
      .sort((a, b) => compareEnglish(a.name, b.name)),
  };
};
