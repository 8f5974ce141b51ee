/**
 * npm run holidays: writes main/services/bankHolidayTable.ts, England and Wales bank holidays for
 * the years Quorum's clocks reach in practice, from date-holidays (the maintained source), so a
 * process does not load the library (about 0.27 s) to count working days. Run it after upgrading
 * date-holidays; test/unit/holidays.test.ts fails while the table and the library disagree.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HOLIDAY_TABLE_YEARS, holidaysFromLibrary } from '../main/services/holidays';

const [from, to] = HOLIDAY_TABLE_YEARS;
const lines: string[] = [];
for (let y = from; y <= to; y++) lines.push(`  ${y}: '${holidaysFromLibrary(y).map((d) => d.slice(5)).join(' ')}',`);
const file = resolve(import.meta.dirname, '../main/services/bankHolidayTable.ts');
writeFileSync(
  file,
  `// Written by \`npm run holidays\` (scripts/holidayTable.ts) from date-holidays: do not edit by hand.
/** England and Wales bank holidays by year, as MM-DD, ${from} to ${to}. */
export const BANK_HOLIDAY_TABLE: Readonly<Record<number, string>> = {
${lines.join('\n')}
};
`,
);
console.log(`Wrote ${file} (${to - from + 1} years)`);
