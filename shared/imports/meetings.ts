import { QuorumFailure } from '../result';
import { clip } from '../rules/words';
import { z } from 'zod';
import { clockTime, optionalLine } from '../schema/common';
import type { Board } from '../schema/records';
import { getRecord, type StoreData } from '../data';
import { addDays, dayOfWeek, formatUkDate, isWorkingDay, type HolidaySet } from '../rules/dates';
import { boardMeetings } from '../rules/boards';
import { meetingPaperDeadline } from '../rules/papers';
import { DATE_HINT, WEEKDAY_NAMES, monthNumber, parseClockTime, parseUkDate } from './dates';
import type { RowProblem } from './table';
import { compareCodes } from '../rules/textOrder';

/**
 * The year's meeting dates, typed or pasted as a list ("14/01/2027", "Tuesday 18 May 2027 at
 * 2pm") or written as the board's rule ("third Tuesday of January, May and September at
 * 15:00"), one per line. The preview shows each date with its paper deadline before anything
 * is saved.
 */
export const MAX_MEETINGS_PER_IMPORT = 60;

export const meetingsImportInput = {
  text: z.string().max(20_000, 'Keep the list under 20,000 characters'),
  /** The year a rule, or a date written without one, falls in. */
  year: z.number().int().min(2000).max(2100),
  startTime: clockTime,
  endTime: clockTime,
  venue: optionalLine(300),
};
type Input = { boardId: Board['id']; text: string; year: number; startTime: string; endTime: string; venue: string };

export type PlannedMeeting = {
  line: number;
  date: string;
  label: string;
  startTime: string;
  endTime: string;
  venue: string;
  paperDeadline: string;
  alreadyPlanned: boolean;
  /** Said, not refused: a Saturday or a bank holiday may be a slip. */
  warning?: string;
};
export type MeetingsImportPlan = { board: string; meetings: PlannedMeeting[]; refused: RowProblem[] };

const ORDINALS: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, last: -1 };
const TIME = String.raw`\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?`;
const TIMES = new RegExp(String.raw`(?:,?\s+(?:at|from))?\s+(${TIME})(?:\s*(?:-|–|to|until)\s*(${TIME}))?$`, 'i');

/** "January, May and September", "every month", "each month": the months a rule names. */
const monthsOf = (text: string): number[] | undefined => {
  const t = text.toLowerCase().trim();
  if (/^(every|each|all) months?$|^the month$/.test(t)) return [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  const words = t.split(/\s*(?:,|\band\b|&)\s*/).filter(Boolean);
  const months = words.map(monthNumber);
  return months.every((m): m is number => m !== undefined) && months.length ? months : undefined;
};

/** The nth (or last) given weekday of a month, as an ISO date. */
const nthWeekday = (year: number, month: number, weekday: number, nth: number): string | undefined => {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  if (nth > 0) {
    const d = addDays(first, (weekday - dayOfWeek(first) + 7) % 7 + (nth - 1) * 7);
    return d.slice(5, 7) === first.slice(5, 7) ? d : undefined;
  }
  const nextMonth = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  const last = addDays(nextMonth, -1);
  return addDays(last, -((dayOfWeek(last) - weekday + 7) % 7));
};

type Parsed = { dates: string[]; start?: string; end?: string } | { problem: string };

const parseLine = (raw: string, year: number): Parsed => {
  let text = raw.trim().replace(/\s+/g, ' ').replace(/\.$/, '');
  let start: string | undefined;
  let end: string | undefined;
  const times = TIMES.exec(text);
  if (times) {
    const s = parseClockTime(times[1]);
    const e = times[2] ? parseClockTime(times[2]) : undefined;
    if (s && (!times[2] || e)) {
      start = s;
      end = e;
      text = text.slice(0, times.index).trim();
    }
  }
  const rule = /^(?:the |on the )?(first|second|third|fourth|last|1st|2nd|3rd|4th) (monday|tuesday|wednesday|thursday|friday|saturday|sunday)s? (?:of|in) (.+)$/i.exec(text);
  if (rule) {
    const months = monthsOf(rule[3]);
    if (!months) return { problem: `“${rule[3]}” is not a list of months; write them like “January, May and September” or “every month”` };
    const weekday = WEEKDAY_NAMES.indexOf(rule[2].toLowerCase() as (typeof WEEKDAY_NAMES)[number]);
    const dates = months.map((m) => nthWeekday(year, m, weekday, ORDINALS[rule[1].toLowerCase()])).filter((d): d is string => Boolean(d));
    return { dates, start, end };
  }
  const date = parseUkDate(text) ?? (/\b\d{4}\b/.test(text) ? undefined : parseUkDate(`${text} ${year}`));
  if (date) return { dates: [date], start, end };
  return { problem: `“${clip(raw.trim(), 80)}” is not a date or a rule Quorum can read: ${DATE_HINT}, or a rule like “third Tuesday of January, May and September at 15:00”` };
};

export const planMeetingsImport = (data: StoreData, input: Input, holidays: HolidaySet): MeetingsImportPlan => {
  const board = getRecord(data, 'board', input.boardId, 'That board no longer exists');
  const plan: MeetingsImportPlan = { board: board.shortName, meetings: [], refused: [] };
  const planned = new Set(boardMeetings(data, board.id).map((m) => m.date));
  const seen = new Set<string>();
  const length = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
  // The usual end before the usual start is a slip to put right, not a meeting to shorten quietly.
  if (input.endTime <= input.startTime) throw new QuorumFailure('invalid-input', `The usual end (${input.endTime}) is before the usual start (${input.startTime}): a meeting ends after it starts.`, { endTime: `End after ${input.startTime}` });
  const minutes = length(input.endTime) - length(input.startTime);
  const after = (t: string) => {
    const m = Math.min(length(t) + minutes, 23 * 60 + 59);
    return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  };
  input.text.split(/\r?\n|;/).forEach((raw, i) => {
    if (!raw.trim()) return;
    const parsed = parseLine(raw, input.year);
    if ('problem' in parsed) return void plan.refused.push({ row: i + 1, message: parsed.problem });
    for (const date of parsed.dates) {
      if (seen.has(date)) continue;
      seen.add(date);
      const startTime = parsed.start ?? input.startTime;
      const endTime = parsed.end ?? (parsed.start ? after(parsed.start) : input.endTime);
      if (endTime <= startTime) return void plan.refused.push({ row: i + 1, message: `the meeting on ${formatUkDate(date)} ends (${endTime}) before it starts (${startTime})` });
      const weekday = dayOfWeek(date);
      const warning = weekday === 0 || weekday === 6 ? `a ${WEEKDAY_NAMES[weekday][0].toUpperCase()}${WEEKDAY_NAMES[weekday].slice(1)}` : !isWorkingDay(date, holidays) ? 'a bank holiday' : undefined;
      plan.meetings.push({
        line: i + 1,
        date,
        label: formatUkDate(date, true),
        startTime,
        endTime,
        venue: input.venue,
        paperDeadline: meetingPaperDeadline(data, { boardId: board.id, date }, holidays),
        alreadyPlanned: planned.has(date),
        ...(warning ? { warning } : {}),
      });
    }
  });
  plan.meetings.sort((a, b) => compareCodes(a.date, b.date));
  if (plan.meetings.length > MAX_MEETINGS_PER_IMPORT)
    plan.refused.push({ row: plan.meetings[MAX_MEETINGS_PER_IMPORT].line, message: `that makes ${plan.meetings.length} meetings; plan up to ${MAX_MEETINGS_PER_IMPORT} at a time` });
  return plan;
};

