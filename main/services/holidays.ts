import { createRequire } from 'node:module';
import type { HolidaySet } from '../../shared/rules/dates';
import { BANK_HOLIDAY_TABLE } from './bankHolidayTable';

/**
 * England and Wales bank holidays, from date-holidays (a maintained source, including substitute
 * days such as 28 December 2026 and one-off days such as 8 May 2023). Only `public` holidays
 * count: the package also lists observances like Mother's Day and Easter Sunday, which are not
 * days off. The years Quorum's clocks reach in practice come from a table written from the library
 * (bankHolidayTable.ts, `npm run holidays`), so counting working days does not load it; any other
 * year asks the library itself.
 */
export const HOLIDAY_TABLE_YEARS = [2000, 2060] as const;

type HolidaysLibrary = { getHolidays(year: number): { date: string; type: string }[] };
let library: HolidaysLibrary | undefined;

/** The year's bank holidays as the library gives them (ISO dates). */
export const holidaysFromLibrary = (year: number): string[] => {
  if (!library) {
    const Holidays = createRequire(import.meta.url)('date-holidays') as new (country: string, state: string) => HolidaysLibrary;
    library = new Holidays('GB', 'ENG');
  }
  return library
    .getHolidays(year)
    .filter((h) => h.type === 'public')
    .map((h) => h.date.slice(0, 10));
};

const cache = new Map<number, string[]>();
const forYear = (year: number): string[] => {
  let days = cache.get(year);
  if (!days) {
    const row = year >= HOLIDAY_TABLE_YEARS[0] && year <= HOLIDAY_TABLE_YEARS[1] ? BANK_HOLIDAY_TABLE[year] : undefined;
    days = row !== undefined ? row.split(' ').filter(Boolean).map((md) => `${year}-${md}`) : holidaysFromLibrary(year);
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
