/**
 * Time is an input (docs/ARCHITECTURE.md, time is an input). This is the one module
 * that reads the machine's clock; everything else is handed a `Clock`: commands through their
 * context, views and exports through their caller, the CLI through `--today`, tests pinned.
 *
 * "Today" is the calendar date in England (Europe/London), not in UTC: between 00:00 and 01:00
 * in British Summer Time the UTC date is still yesterday, so an action closed or a paper received
 * then would fall on the wrong side of its deadline.
 */
export type Clock = {
  /** The current instant, as an ISO timestamp in UTC (`2027-06-10T23:30:00.000Z`). */
  now(): string;
  /** The date in England at that instant (`2027-06-11`). */
  today(): string;
};

export const UK_TIME_ZONE = 'Europe/London';

/** England's clock read by the platform's time-zone database: for instants the rule below does not cover. */
let ukParts: Intl.DateTimeFormat | undefined;
const intlParts = (at: Date) => {
  ukParts ??= new Intl.DateTimeFormat('en-GB', { timeZone: UK_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const p = Object.fromEntries(ukParts.formatToParts(at).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
};

/** 01:00 UTC on the last Sunday of a month (0-based), as milliseconds. */
const lastSundayAtOne = (year: number, month: number): number => {
  const last = new Date(Date.UTC(year, month + 1, 0, 1));
  return last.getTime() - last.getUTCDay() * 86_400_000;
};

const two = (n: number) => String(n).padStart(2, '0');

/**
 * The date and time on England's clocks. British Summer Time runs from 01:00 GMT on the last
 * Sunday in March to 01:00 GMT on the last Sunday in October (Summer Time Act 1972 s.1, as the
 * Summer Time Order 2002, SI 2002/262, sets it; the same dates since 1996). Counted here rather
 * than through Intl: the time-zone database costs a command-line start about 16 ms, and "today"
 * is read at every start. Other years go to the database; test/unit/clock.test.ts holds the rule
 * to it hour by hour, so a change in the law shows up as a failing test with the next Node.
 */
const partsOf = (instant: string | number) => {
  const at = new Date(instant);
  const ms = at.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not a date and time: ${String(instant)}`);
  const year = at.getUTCFullYear();
  if (year < 1996 || year > 2099) return intlParts(at);
  const summer = ms >= lastSundayAtOne(year, 2) && ms < lastSundayAtOne(year, 9);
  const local = new Date(summer ? ms + 3_600_000 : ms);
  return {
    date: `${local.getUTCFullYear()}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}`,
    time: `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`,
  };
};

/** The date in England at an instant: `ukDateOf('2027-06-10T23:30:00Z')` is `2027-06-11` (BST). */
export const ukDateOf = (instant: string | number): string => partsOf(instant).date;

/** The 24-hour time in England at an instant: `00:30` for `2027-06-10T23:30:00Z`. */
export const ukTimeOf = (instant: string | number): string => partsOf(instant).time;

/**
 * The instant (ISO, UTC) of a date and 24-hour time on a clock in England: `15:00` on 10 June is
 * 14:00Z (BST), on 10 December 15:00Z. In the October hour that happens twice, the first (BST);
 * in the March hour that never happens, the time an hour on, as a clock put forward reads.
 */
export const ukInstantOf = (date: string, time: string): string => {
  const [y, m, d] = date.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  const asUtc = Date.UTC(y, m - 1, d, h, min);
  for (const offsetMinutes of [60, 0]) {
    const candidate = asUtc - offsetMinutes * 60_000;
    const p = partsOf(candidate);
    if (p.date === date && p.time === time) return new Date(candidate).toISOString();
  }
  return new Date(asUtc).toISOString();
};

/** How far England's clocks are ahead of UTC at an instant: 0 (GMT) or one hour (BST). */
const ukOffsetMs = (instant: number): number => {
  const { date, time } = partsOf(instant);
  const [y, m, d] = date.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  return Date.UTC(y, m - 1, d, h, min) - (instant - (((instant % 60_000) + 60_000) % 60_000));
};

/** The machine's clock: the only reader of the wall clock in Quorum. */
export const systemClock: Clock = {
  now: () => new Date().toISOString(),
  today: () => ukDateOf(Date.now()),
};

/** A clock stopped at one instant: for tests, where every timestamp must be exact. */
export const fixedClock = (instant: string): Clock => {
  const now = new Date(instant).toISOString();
  const today = ukDateOf(now);
  return { now: () => now, today: () => today };
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (not 2027-02-30). */
export const isIsoDate = (s: string): boolean => {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
};

const DAY_MS = 86_400_000;

/**
 * A clock whose date is pinned to `day` (the CLI's `--today`, the e2e host): `today()` is always
 * `day`, and `now()` runs on from the real time of day moved by whole days onto it, so journal
 * entries and backups stay in order while a past or future pack is rebuilt as it was.
 */
export const clockOnDay = (day: string, base: Clock = systemClock): Clock => {
  if (!isIsoDate(day)) throw new RangeError(`"${day}" is not a date: write it as YYYY-MM-DD, for example 2027-06-11`);
  const shiftDays = Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${base.today()}T00:00:00Z`)) / DAY_MS);
  return {
    now: () => {
      const real = Date.parse(base.now());
      const shifted = real + shiftDays * DAY_MS;
      // Whole days keep the time of day in UTC; England's clocks may differ by an hour between the
      // real day and the pinned one (GMT and BST), so put back England's time of day: 23:30 GMT
      // moved onto a June day is 23:30 BST on that day, not 00:30 the day after.
      return new Date(shifted + ukOffsetMs(real) - ukOffsetMs(shifted)).toISOString();
    },
    today: () => day,
  };
};

/**
 * The clock for a run: `--today` (or, failing that, the `QUORUM_TODAY` environment variable) pins
 * the date; otherwise the machine's clock.
 */
export const clockFromSetting = (today: string | undefined): Clock => (today && today.trim() ? clockOnDay(today.trim()) : systemClock);

/**
 * England's bank holidays as ISO dates: with the clock, an input to every rule about working days.
 * Supplied by main (from a maintained source, main/services/holidays.ts), never hand-typed here.
 */
export type HolidaySet = ReadonlySet<string>;
