import { findRecord, type StoreData } from '../data';
import { heading, notice, para, table, type PackBlock } from '../pack/parts/blocks';
import { formatUkDate } from '../rules/dates';
import { attendanceRecord, attendedShare } from '../rules/attendanceRecord';
import type { AttendanceRecord } from '../views';
import type { BlockSpec } from './document';
import { houseOf } from './house';
import { toCsv } from './decisionsCsv';

/**
 * Attendance and representation as a document (Word, the website) and as CSV
 * (docs/ARCHITECTURE.md, attendance and representation). The public version leaves out the
 * reasons for absence: they can be personal (illness), and the minutes publish only apologies.
 */
export type AttendancePeriod = { from: string; to: string; boardId?: string };
export type Audience = 'public' | 'full';

/** Where the statutory seats come from, as the screen and every export cite it. */
export const STATUTORY_SEATS_SOURCE =
  'Statutory seats: the three safeguarding partners (Children Act 2004 s.16E; Working Together to Safeguard Children 2023, chapter 2) and the members a Health and Wellbeing Board must have (Health and Social Care Act 2012 s.194), as marked in the terms of reference.';

const scopeWords = (data: StoreData, p: AttendancePeriod) => `${p.boardId ? (findRecord(data, 'board', p.boardId)?.name ?? 'A board') : 'All boards'}, ${formatUkDate(p.from)} to ${formatUkDate(p.to)}`;

const share = (c: Parameters<typeof attendedShare>[0]) => {
  const { attended, percent } = attendedShare(c);
  return c.expected ? `${attended} of ${c.expected} (${percent}%)` : 'No meetings';
};

export const MEMBER_COLUMNS = ['Member', 'Organisation', 'Seat', 'Meetings expected', 'Present', 'By a substitute', 'Apologies', 'Absent without apologies', 'Not recorded', 'Attended'] as const;

const memberRows = (r: AttendanceRecord) =>
  r.people.map((p) => [p.name, p.organisation, p.seats.join('; '), String(p.expected), String(p.present), String(p.bySubstitute), String(p.apologies), String(p.absent), String(p.notRecorded), share(p)]);

export const attendanceBlocks = (data: StoreData, r: AttendanceRecord, period: AttendancePeriod, audience: Audience): PackBlock[] => {
  const blocks: PackBlock[] = [
    heading(1, `Attendance and representation: ${scopeWords(data, period)}`),
    para(`${r.meetingsHeld} ${r.meetingsHeld === 1 ? 'meeting' : 'meetings'} held${r.meetingsCancelled ? `; ${r.meetingsCancelled} cancelled, not counted` : ''}. Each member is counted against the terms of reference in force on the day of each meeting; a substitute counts where the member sent one.`),
  ];
  if (!r.meetingsHeld) return [...blocks, para('No meetings were held in this period.')];
  blocks.push(heading(2, 'Members'), table([...MEMBER_COLUMNS], memberRows(r), { landscape: true }));
  if (audience === 'full') {
    const reasons = r.people.flatMap((p) => p.reasons.map((x) => [p.name, formatUkDate(x.date), x.board, x.reason]));
    blocks.push(heading(2, 'Reasons for absence'), reasons.length ? table(['Member', 'Meeting', 'Board', 'Reason'], reasons) : para('No reasons were recorded.'), notice('Reasons for absence are not for publication.'));
  }
  const statutory = r.seats.filter((s) => s.statutory);
  blocks.push(heading(2, 'Statutory seats'), para(STATUTORY_SEATS_SOURCE, { italics: true }));
  if (statutory.length)
    blocks.push(
      table(
        ['Seat', 'Board', 'Organisation', 'Meetings', 'Filled by the member', 'Filled by a deputy', 'Not filled', 'Not filled on'],
        statutory.map((s) => [s.role, s.board, s.organisation, String(s.expected), String(s.present), String(s.bySubstitute), { text: String(s.unfilled), ...(s.unfilled ? { rag: 'red' as const } : {}) }, s.unfilledOn.map((d) => formatUkDate(d)).join('; ') || 'None']),
        { landscape: true },
      ),
    );
  else blocks.push(para('No seat is marked statutory in the terms of reference in force.'));
  blocks.push(
    heading(2, 'Organisations'),
    table(
      ['Organisation', 'Meetings with a seat', 'Represented', 'Not represented on'],
      r.organisations.map((o) => [o.name, String(o.expected), String(o.represented), o.notRepresentedOn.map((d) => `${formatUkDate(d.slice(0, 10))}${d.slice(10)}`).join('; ') || 'None']),
    ),
    heading(2, 'Quorum'),
    table(['Year', 'Meetings held', 'Not quorate'], r.quorumByYear.map((y) => [y.year, String(y.held), String(y.notQuorate)])),
  );
  const failures = r.meetings.filter((m) => !m.quorate);
  if (failures.length) blocks.push(table(['Meeting', 'Board', 'Why it was not quorate'], failures.map((m) => [formatUkDate(m.date), m.board, m.reasons.join(' ')])));
  return blocks;
};

export const attendanceSpec = (data: StoreData, period: AttendancePeriod, audience: Audience): BlockSpec => {
  const r = attendanceRecord(data, period);
  const title = `Attendance and representation: ${scopeWords(data, period)}`;
  return {
    title,
    subject: 'Attendance and representation',
    ...houseOf(data),
    header: audience === 'full' ? 'Attendance and representation · NOT FOR PUBLICATION (reasons for absence)' : 'Attendance and representation',
    footer: audience === 'full' ? 'Attendance: full version, with reasons for absence' : 'Attendance: public version',
    landscape: true,
    blocks: attendanceBlocks(data, r, period, audience),
  };
};

/** One row per member, as the screen's table; the full version adds the reasons for absence. */
export const attendanceCsv = (data: StoreData, period: AttendancePeriod, audience: Audience): string => {
  const r = attendanceRecord(data, period);
  const header = [...MEMBER_COLUMNS, ...(audience === 'full' ? ['Reasons for absence'] : [])];
  const members = memberRows(r);
  const rows = r.people.map((p, i) => [...members[i], ...(audience === 'full' ? [p.reasons.map((x) => `${x.date}: ${x.reason}`).join('; ')] : [])]);
  return toCsv([header, ...rows]);
};
