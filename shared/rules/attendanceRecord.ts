import type { Board, Meeting, TermsOfReference } from '../schema/records';
import { findRecord, listRecords, recordsWhere, type StoreData } from '../data';
import type { AttendanceCounts, AttendanceRecord, MeetingAttendance, OrganisationAttendance, PersonAttendance, SeatAttendance } from '../views';
import { currentTor } from './boards';
import { checkQuorum, type MemberPresence } from './quorum';
import { compareCodes, compareEnglish } from './textOrder';

/**
 * Attendance and representation over a period (docs/ARCHITECTURE.md, attendance and
 * representation): what inspectors and scrutineers ask of a partnership every year. Counted from
 * the meetings held (cancelled and not-yet-held meetings are left out), against the terms of
 * reference in force on each meeting's day, so a seat counts only while it existed.
 */

type Member = TermsOfReference['members'][number];

/**
 * A statutory seat: marked so in the terms of reference, or, on a safeguarding partnership whose
 * ToR marks none, a seat named as a safeguarding partner's (Children Act 2004 s.16E; Working
 * Together to Safeguard Children 2023, chapter 2: the local authority, the police, the ICB).
 */
export const isStatutorySeat = (board: Pick<Board, 'kind'>, tor: Pick<TermsOfReference, 'members'>, member: Member): boolean => {
  if (tor.members.some((m) => m.statutory !== undefined)) return Boolean(member.statutory);
  return board.kind === 'safeguarding-partnership' && /\bsafeguarding partner\b/i.test(member.role);
};

/** How a seat's presence counts: in person, by a substitute, or the member's own apologies, absence or nothing recorded. */
const OUTCOME: Record<MemberPresence['by'], keyof Omit<AttendanceCounts, 'expected'>> = {
  'in-person': 'present',
  deputy: 'bySubstitute',
  'deputy-not-allowed': 'bySubstitute',
  apologies: 'apologies',
  absent: 'absent',
  'not-recorded': 'notRecorded',
};

const zero = (): AttendanceCounts => ({ expected: 0, present: 0, bySubstitute: 0, apologies: 0, absent: 0, notRecorded: 0 });

/** The meetings a period covers: held (or minutes approved), of the boards asked for, oldest first. */
export const meetingsHeldIn = (data: StoreData, period: { from: string; to: string; boardId?: string }): Meeting[] =>
  listRecords(data, 'meeting')
    .filter((m) => (!period.boardId || m.boardId === period.boardId) && m.date >= period.from && m.date <= period.to && (m.status === 'held' || m.status === 'minutes-approved'))
    .sort((a, b) => compareCodes(a.date + a.startTime, b.date + b.startTime) || compareCodes(a.boardId, b.boardId));

export const attendanceRecord = (data: StoreData, period: { from: string; to: string; boardId?: string }): AttendanceRecord => {
  const held = meetingsHeldIn(data, period);
  const cancelled = listRecords(data, 'meeting').filter((m) => m.status === 'cancelled' && (!period.boardId || m.boardId === period.boardId) && m.date >= period.from && m.date <= period.to).length;
  const people = new Map<string, PersonAttendance>();
  const seats = new Map<string, SeatAttendance>();
  const orgs = new Map<string, OrganisationAttendance>();
  const meetings: MeetingAttendance[] = [];
  const name = (id: string) => findRecord(data, 'person', id as `person:${string}`)?.name ?? 'Unknown person';
  const orgName = (id: string) => findRecord(data, 'organisation', id as `organisation:${string}`)?.name ?? 'Unknown organisation';

  for (const meeting of held) {
    const board = findRecord(data, 'board', meeting.boardId);
    if (!board) continue;
    const tor = currentTor(data, meeting.boardId, meeting.date);
    // Held without terms of reference: it counts as held, with no seats to count and no quorum rule.
    if (!tor) {
      meetings.push({ meetingId: meeting.id, date: meeting.date, boardId: board.id, board: board.shortName, quorate: true, quorum: 'No terms of reference: no quorum rule to check.', reasons: [], statutoryUnfilled: [] });
      continue;
    }
    const rows = recordsWhere(data, 'attendance', 'meetingId', meeting.id);
    const quorum = checkQuorum(tor, rows);
    const statutoryUnfilled: string[] = [];
    const orgFilled = new Map<string, boolean>();
    for (const presence of quorum.presence) {
      const m = presence.member;
      const outcome = OUTCOME[presence.by];
      const statutory = isStatutorySeat(board, tor, m);
      const filled = presence.by === 'in-person' || presence.by === 'deputy';
      if (statutory && !filled) statutoryUnfilled.push(m.role);
      orgFilled.set(m.organisationId, (orgFilled.get(m.organisationId) ?? false) || filled);

      const seatKey = `${board.id}#${m.key}`;
      const seat = seats.get(seatKey) ?? { boardId: board.id, board: board.shortName, key: m.key, role: m.role, organisation: orgName(m.organisationId), statutory, ...zero(), unfilled: 0, unfilledOn: [] };
      seat.role = m.role;
      seat.statutory = seat.statutory || statutory;
      seat.expected++;
      seat[outcome]++;
      if (!filled) {
        seat.unfilled++;
        seat.unfilledOn.push(meeting.date);
      }
      seats.set(seatKey, seat);

      // A vacant seat expects no one; the seat's own row still counts it unfilled.
      if (!m.personId) continue;
      const person = people.get(m.personId) ?? { personId: m.personId, name: name(m.personId), organisation: orgName(findRecord(data, 'person', m.personId)?.organisationId ?? ''), seats: [], ...zero(), reasons: [] };
      const seatWords = `${m.role} (${board.shortName})`;
      if (!person.seats.includes(seatWords)) person.seats.push(seatWords);
      person.expected++;
      person[outcome]++;
      const own = rows.find((a) => a.personId === m.personId && !a.inPlaceOfPersonId);
      if (own?.absenceReason && (outcome === 'apologies' || outcome === 'absent' || outcome === 'bySubstitute')) person.reasons.push({ date: meeting.date, board: board.shortName, reason: own.absenceReason });
      people.set(m.personId, person);
    }
    for (const [organisationId, filled] of orgFilled) {
      const org = orgs.get(organisationId) ?? { organisationId, name: orgName(organisationId), expected: 0, represented: 0, notRepresentedOn: [] };
      org.expected++;
      if (filled) org.represented++;
      else org.notRepresentedOn.push(`${meeting.date} (${board.shortName})`);
      orgs.set(organisationId, org);
    }
    meetings.push({ meetingId: meeting.id, date: meeting.date, boardId: board.id, board: board.shortName, quorate: quorum.met, quorum: quorum.summary, reasons: quorum.reasons, statutoryUnfilled });
  }

  const years = [...new Set(meetings.map((m) => m.date.slice(0, 4)))].sort();
  return {
    from: period.from,
    to: period.to,
    meetingsHeld: meetings.length,
    meetingsCancelled: cancelled,
    meetings,
    people: [...people.values()].sort((a, b) => compareEnglish(a.name, b.name)),
    seats: [...seats.values()].sort((a, b) => compareEnglish(a.board, b.board) || compareEnglish(a.role, b.role)),
    organisations: [...orgs.values()].sort((a, b) => compareEnglish(a.name, b.name)),
    quorumByYear: years.map((year) => {
      const inYear = meetings.filter((m) => m.date.startsWith(year));
      return { year, held: inYear.length, notQuorate: inYear.filter((m) => !m.quorate).length };
    }),
  };
};

/** "8 of 10 (80%)": attended in person or by a substitute, of the meetings expected. */
export const attendedShare = (c: AttendanceCounts): { attended: number; percent: number } => {
  const attended = c.present + c.bySubstitute;
  return { attended, percent: c.expected ? Math.round((100 * attended) / c.expected) : 0 };
};
