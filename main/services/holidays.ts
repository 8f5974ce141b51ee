import Holidays from 'date-holidays';
import type { HolidaySet } from '../../shared/rules/dates';

/**
 * England and Wales bank holidays from date-holidays (a maintained source, including substitute
 * days such as 28 December 2026). Only `public` holidays count: the package also lists observances
 * like Mother's Day and Easter Sunday, which are not days off.
 */
const cache = new Map<number, string[]>();
let hd: Holidays | undefined;

const forYear = (year: number): string[] => {
  let days = cache.get(year);
  if (!days) {
    hd ??= new Holidays('GB', 'ENG');
    days = hd
      .getHolidays(year)
      .filter((h) => h.type === 'public')
      .map((h) => h.date.slice(0, 10));
    cache.set(year, days);
  }
  return days;
};

export const bankHolidays = (fromYear: number, toYear: number): HolidaySet => {
  const set = new Set<string>();
  for (let y = fromYear; y <= toYear; y++) for (const d of forYear(y)) set.add(d);
  return set;
};

/**
 * Bank holidays around a date: three years either side, enough for a case opened years ago whose
 * clock still counts (a local review's steps) and for a plan three years ahead (the PNA's cycle).
 */
export const bankHolidaysAround = (isoDate: string): HolidaySet => {
  const y = Number(isoDate.slice(0, 4));
  return bankHolidays(y - 3, y + 3);
};
