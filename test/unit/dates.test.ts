import { describe, expect, it } from 'vitest';
import { addDays, formatUkDate, paperDeadline, isWorkingDay } from '../../shared/rules/dates';
import { bankHolidays } from '../../main/services/holidays';
import { isoDate } from '../../shared/schema/common';

const holidays = bankHolidays(2025, 2028);

describe('UK dates', () => {
  it('prints dates as UK minutes do', () => {
    expect(formatUkDate('2017-02-14')).toBe('14 February 2017');
    expect(formatUkDate('2026-12-15', true)).toBe('Tuesday 15 December 2026');
  });
  it('refuses dates that do not exist', () => {
    expect(isoDate.safeParse('2026-02-29').success).toBe(false);
    expect(isoDate.safeParse('2028-02-29').success).toBe(true);
    expect(isoDate.safeParse('14/02/2017').success).toBe(false);
  });
  it('knows England and Wales bank holidays, including substitute days, and not observances', () => {
    expect(holidays.has('2026-08-31')).toBe(true);
    expect(holidays.has('2026-12-28')).toBe(true); // Boxing Day substitute
    expect(holidays.has('2027-12-27') && holidays.has('2027-12-28')).toBe(true);
    expect(holidays.has('2026-04-05')).toBe(false); // Easter Sunday is not a bank holiday
    expect(isWorkingDay('2026-12-29', holidays)).toBe(true);
  });
});

describe('paper deadline in clear working days', () => {
  it('leaves five clear working days between dispatch and a mid-week meeting', () => {
    // Meeting Wed 18 Nov 2026: clear days Tue 17, Mon 16, Fri 13, Thu 12, Wed 11 → out by Tue 10.
    expect(paperDeadline('2026-11-18', 5, holidays)).toBe('2026-11-10');
  });
  it('skips the Christmas and New Year bank holidays across the year end', () => {
    // Meeting Wed 6 Jan 2027: clear days Tue 5, Mon 4, Fri 1 is New Year's Day (skip), Thu 31, Wed 30, Tue 29;
    // 28 (substitute Boxing Day) and 25 are holidays, 26–27 a weekend → out by Thu 24 Dec 2026.
    expect(paperDeadline('2027-01-06', 5, holidays)).toBe('2026-12-24');
  });
  it('skips Easter', () => {
    // Meeting Wed 31 Mar 2027: clear days Tue 30, (Easter Monday 29, weekend, Good Friday 26 skipped),
    // Thu 25, Wed 24, Tue 23, Mon 22 → out by Fri 19 March.
    expect(paperDeadline('2027-03-31', 5, holidays)).toBe('2027-03-19');
  });
  it('takes the working day before when there are no clear days required', () => {
    expect(paperDeadline('2026-11-23', 0, holidays)).toBe('2026-11-20');
  });
  it('always lands on a working day', () => {
    for (let i = 0; i < 800; i++) {
      const meeting = addDays('2025-06-01', i);
      expect(isWorkingDay(paperDeadline(meeting, 7, holidays), holidays)).toBe(true);
    }
  });
});
