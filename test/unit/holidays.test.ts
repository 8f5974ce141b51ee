import { describe, expect, it } from 'vitest';
import { bankHolidays, HOLIDAY_TABLE_YEARS, holidaysFromLibrary } from '../../main/services/holidays';
import { BANK_HOLIDAY_TABLE } from '../../main/services/bankHolidayTable';

describe('England and Wales bank holidays', () => {
  it('are, in every year of the table, exactly the days date-holidays gives (npm run holidays rewrites the table after an upgrade)', () => {
    const [from, to] = HOLIDAY_TABLE_YEARS;
    expect(Object.keys(BANK_HOLIDAY_TABLE).map(Number)).toEqual(Array.from({ length: to - from + 1 }, (_v, i) => from + i));
    for (let y = from; y <= to; y++) expect([...bankHolidays(y, y)], String(y)).toEqual(holidaysFromLibrary(y));
  });

  it('include substitute and one-off days, and reach years outside the table through the library', () => {
    const days = bankHolidays(2023, 2026);
    expect(days.has('2023-05-08')).toBe(true); // the coronation
    expect(days.has('2026-12-28')).toBe(true); // Boxing Day's substitute
    expect(days.has('2026-03-15')).toBe(false); // Mother's Day is an observance, not a day off
    expect([...bankHolidays(2075, 2075)]).toEqual(holidaysFromLibrary(2075));
    expect(bankHolidays(2075, 2075).has('2075-12-25')).toBe(true);
  });
});
