/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`) in UTC, so a date never shifts with the
 * machine's time zone or British Summer Time.
 */
import { ukDateOf, ukTimeOf, type HolidaySet } from '../clock';

const MS_PER_DAY = 86_400_000;

const toUtc = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
};
const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export const addDays = (iso: string, days: number): string => fromUtc(toUtc(iso) + days * MS_PER_DAY);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((toUtc(to) - toUtc(from)) / MS_PER_DAY);

/** 0 = Sunday … 6 = Saturday. */
export const dayOfWeek = (iso: string): number => new Date(toUtc(iso)).getUTCDay();

/** The first date on or after `iso` that falls on `weekday` (0 = Sunday). */
export const onOrAfterWeekday = (iso: string, weekday: number): string =>
  addDays(iso, (weekday - dayOfWeek(iso) + 7) % 7);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "14 February 2017", as UK agendas and minutes print dates. */
export const formatUkDate = (iso: string, withWeekday = false): string => {
  const [y, m, d] = iso.split('-').map(Number);
  const core = `${d} ${MONTHS[m - 1]} ${y}`;
  return withWeekday ? `${DAYS[dayOfWeek(iso)]} ${core}` : core;
};

/** "13 Oct 2026": for narrow table columns. */
export const formatShortUkDate = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1].slice(0, 3)} ${y}`;
};

/** "11 June 2027, 00:30": an instant as the clock on the wall in England showed it (BST or GMT). */
export const formatUkDateTime = (isoTimestamp: string): string => {
  if (Number.isNaN(Date.parse(isoTimestamp))) return isoTimestamp;
  return `${formatUkDate(ukDateOf(isoTimestamp))}, ${ukTimeOf(isoTimestamp)}`;
};

export type { HolidaySet } from '../clock';

export const isWorkingDay = (iso: string, holidays: HolidaySet): boolean => {
  const dow = dayOfWeek(iso);
  return dow !== 0 && dow !== 6 && !holidays.has(iso);
};

/**
 * The last day a paper can go out so that `clearDays` clear working days lie between it and the
 * meeting. "Clear days" exclude both the day of dispatch and the day of the meeting (as in
 * LGA 1972 s.100B(3): "at least five clear days before the meeting"), and here also weekends and
 * bank holidays.
 */
export const paperDeadline = (meetingDate: string, clearDays: number, holidays: HolidaySet): string => {
  let d = meetingDate;
  let counted = 0;
  while (counted < clearDays) {
    d = addDays(d, -1);
    if (isWorkingDay(d, holidays)) counted++;
  }
  do d = addDays(d, -1);
  while (!isWorkingDay(d, holidays));
  return d;
};

/** The last whole year from April to March before today: the year most partnerships' yearly reports cover. */
export const lastReportYear = (today: string): { from: string; to: string } => {
  const year = Number(today.slice(0, 4)) - (today.slice(5) >= '04-01' ? 1 : 2);
  return { from: `${year}-04-01`, to: `${year + 1}-03-31` };
};
