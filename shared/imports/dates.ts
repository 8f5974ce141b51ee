import { isoDate } from '../schema/common';

/**
 * Dates as UK secretariats type them in spreadsheets and Word: 14/01/2027, 14.1.27,
 * 14 January 2027, Tuesday 14th Jan 2027, or 2027-01-14. Day first, as in England: 01/02/2027
 * is 1 February. Anything else is not guessed at; the import names the cell instead.
 */
export const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'] as const;
export const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/** "jan", "sept", "September" → 1-based month, or undefined. */
export const monthNumber = (word: string): number | undefined => {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const i = MONTH_NAMES.findIndex((m) => m.startsWith(w) || (w === 'sept' && m === 'september'));
  return i >= 0 ? i + 1 : undefined;
};

const iso = (y: number, m: number, d: number): string | undefined => {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isoDate.safeParse(s).success ? s : undefined;
};
const fullYear = (y: string): number => (y.length === 2 ? 2000 + Number(y) : Number(y));

export const DATE_HINT = 'write dates as 14/01/2027, 14 January 2027 or 2027-01-14';

/** The ISO date a cell means, or undefined when it is not a date Quorum can read without guessing. */
export const parseUkDate = (text: string): string | undefined => {
  const t = text
    .trim()
    .replace(/,/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.? /i, '');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:T[\d:.]+Z?)?$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(t);
  if (m) return iso(fullYear(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+\.?) (\d{4})$/i.exec(t);
  if (m) {
    const month = monthNumber(m[2]);
    return month ? iso(Number(m[3]), month, Number(m[1])) : undefined;
  }
  m = /^([a-z]+\.?) (\d{1,2})(?:st|nd|rd|th)? (\d{4})$/i.exec(t);
  if (m) {
    const month = monthNumber(m[1]);
    return month ? iso(Number(m[3]), month, Number(m[2])) : undefined;
  }
  return undefined;
};

/** "15:00", "3pm", "3.30pm", "15.00" → "15:00"; undefined otherwise. */
export const parseClockTime = (text: string): string | undefined => {
  const t = text.trim().toLowerCase().replace(/\s+/g, '');
  const m = /^(\d{1,2})(?:[:.](\d{2}))?(am|pm)?$/.exec(t);
  if (!m) return undefined;
  let h = Number(m[1]);
  const min = Number(m[2] ?? '0');
  if (!m[2] && !m[3]) return undefined; // "15" alone is a number, not a time
  if (m[3]) {
    if (h < 1 || h > 12) return undefined;
    if (m[3] === 'pm' && h !== 12) h += 12;
    if (m[3] === 'am' && h === 12) h = 0;
  }
  if (h > 23 || min > 59) return undefined;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
};
