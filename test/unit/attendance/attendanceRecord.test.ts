import { describe, expect, test } from 'vitest';
import { generatedData } from '../../docxPackage';
import { attendanceRecord } from '../../../shared/rules/attendanceRecord';
import { currentTor } from '../../../shared/rules/boards';
import { listRecords, type StoreData } from '../../../shared/data';
import type { AttendanceCounts } from '../../../shared/views';

/**
 * Attendance and representation on a 10-year generated partnership (shared/example/generate.ts:
 * of each ten meetings a member misses three, one with a substitute every other time). The figures
 * are stated exactly, and checked against a plain recount of the attendance rows.
 */
const data = generatedData(10);
const YEAR = { from: '2025-04-01', to: '2026-03-31' };

/** A plain recount from the rows: the member's own row, or a substitute's row standing in for them. */
const recount = (d: StoreData, personId: string, period: { from: string; to: string }): AttendanceCounts => {
  const c: AttendanceCounts = { expected: 0, present: 0, bySubstitute: 0, apologies: 0, absent: 0, notRecorded: 0 };
  for (const m of listRecords(d, 'meeting')) {
    if (m.date < period.from || m.date > period.to || m.status === 'cancelled' || m.status === 'planned' || m.status === 'agenda-published') continue;
    if (!currentTor(d, m.boardId, m.date)?.members.some((s) => s.personId === personId)) continue;
    c.expected++;
    const rows = listRecords(d, 'attendance').filter((a) => a.meetingId === m.id);
    const own = rows.find((a) => a.personId === personId && !a.inPlaceOfPersonId);
    if (own?.status === 'present') c.present++;
    else if (rows.some((a) => a.inPlaceOfPersonId === personId && a.status === 'present')) c.bySubstitute++;
    else if (own?.status === 'apologies') c.apologies++;
    else if (own?.status === 'absent') c.absent++;
    else c.notRecorded++;
  }
  return c;
};
const counts = (c: AttendanceCounts): AttendanceCounts => ({ expected: c.expected, present: c.present, bySubstitute: c.bySubstitute, apologies: c.apologies, absent: c.absent, notRecorded: c.notRecorded });

describe('attendance and representation, 10 years generated', () => {
  test('the safeguarding partnership’s year 2025–26: meetings held and called off, each partner’s figures', () => {
    const r = attendanceRecord(data, { ...YEAR, boardId: 'board:safeguarding' });
    expect(r.meetingsHeld).toBe(4);
    expect(r.meetingsCancelled).toBe(1);
    expect(r.meetings.map((m) => m.date)).toEqual(['2025-05-20', '2025-09-02', '2025-12-02', '2026-03-03']);
    const police = r.people.find((p) => p.personId === 'person:mark-ellery')!;
    expect(counts(police)).toEqual({ expected: 4, present: 1, bySubstitute: 1, apologies: 1, absent: 1, notRecorded: 0 });
    expect(police.reasons).toEqual([
      { date: '2025-05-20', board: 'Safeguarding Partnership', reason: 'Illness' },
      { date: '2025-12-02', board: 'Safeguarding Partnership', reason: 'Annual leave' },
    ]);
    expect(counts(r.people.find((p) => p.personId === 'person:priya-nair')!)).toEqual({ expected: 4, present: 3, bySubstitute: 0, apologies: 1, absent: 0, notRecorded: 0 });
    expect(counts(r.people.find((p) => p.personId === 'person:sarah-whitcombe')!)).toEqual({ expected: 4, present: 4, bySubstitute: 0, apologies: 0, absent: 0, notRecorded: 0 });
  });

  test('statutory partners’ seats not filled by their member or a deputy, meeting by meeting', () => {
    const r = attendanceRecord(data, { ...YEAR, boardId: 'board:safeguarding' });
    expect(r.meetings.map((m) => [m.date, m.statutoryUnfilled])).toEqual([
      ['2025-05-20', ['Safeguarding partner: police']],
      ['2025-09-02', ['Safeguarding partner: police']],
      ['2025-12-02', []],
      ['2026-03-03', ['Safeguarding partner: Integrated Care Board']],
    ]);
    const police = r.seats.find((s) => s.key === 'police')!;
    expect(police).toMatchObject({ statutory: true, expected: 4, unfilled: 2, unfilledOn: ['2025-05-20', '2025-09-02'] });
    // The scrutineer chairs; the seat is not one of the three safeguarding partners.
    expect(r.seats.find((s) => s.key === 'scrutineer')!.statutory).toBe(false);
  });

  test('every member’s figures over the ten years match a plain recount of the rows, and add up', () => {
    const whole = { from: '2016-01-01', to: '2026-11-23' };
    const r = attendanceRecord(data, whole);
    expect(r.people.length).toBeGreaterThan(5);
    for (const p of r.people) {
      expect(counts(p), p.name).toEqual(recount(data, p.personId, whole));
      expect(p.present + p.bySubstitute + p.apologies + p.absent + p.notRecorded).toBe(p.expected);
    }
    // Three boards, four meetings a year, less the last week: and one called off a year for each board.
    expect(r.meetingsHeld).toBe(listRecords(data, 'meeting').filter((m) => (m.status === 'minutes-approved' || m.status === 'held') && m.date <= whole.to).length);
    expect(r.meetingsHeld).toBe(122);
    expect(r.meetingsCancelled).toBe(listRecords(data, 'meeting').filter((m) => m.status === 'cancelled').length);
    expect(r.meetingsCancelled).toBe(30);
  });

  test('quorum failures by year: a meeting is not quorate when its terms of reference’s rule fails', () => {
    const r = attendanceRecord(data, { from: '2017-01-01', to: '2026-11-23' });
    const failures = r.meetings.filter((m) => !m.quorate);
    expect(r.quorumByYear.reduce((n, y) => n + y.notQuorate, 0)).toBe(failures.length);
    for (const f of failures) expect(f.reasons.length).toBeGreaterThan(0);
    expect(r.quorumByYear.map((y) => y.held).reduce((a, b) => a + b, 0)).toBe(r.meetingsHeld);
    expect(r.quorumByYear.map((y) => `${y.year}: ${y.notQuorate} of ${y.held}`)).toEqual([
      '2017: 0 of 12', '2018: 1 of 12', '2019: 2 of 12', '2020: 0 of 12', '2021: 3 of 12', '2022: 0 of 12', '2023: 1 of 12', '2024: 2 of 12', '2025: 0 of 12', '2026: 3 of 11',
    ]);
    // The Health and Wellbeing Board's chair has no deputy under its terms of reference: without the chair it is not quorate.
    expect(failures.filter((f) => f.board === 'Health and Wellbeing Board').every((f) => f.reasons.includes('Neither the chair nor the vice-chair is present.'))).toBe(true);
  });

  test('an organisation is represented at a meeting when any of its seats is filled, in person or by a deputy', () => {
    const r = attendanceRecord(data, { ...YEAR, boardId: 'board:safeguarding' });
    expect(r.organisations.find((o) => o.organisationId === 'organisation:police')).toMatchObject({ expected: 4, represented: 2, notRepresentedOn: ['2025-05-20 (Safeguarding Partnership)', '2025-09-02 (Safeguarding Partnership)'] });
    // The council holds two seats: the scrutineer was there each time.
    expect(r.organisations.find((o) => o.organisationId === 'organisation:council')).toMatchObject({ expected: 4, represented: 4 });
  });
});
