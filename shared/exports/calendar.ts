import { createEvents, type EventAttributes } from 'ics';
import { getRecord, listRecords, type StoreData } from '../data';
import { QuorumFailure } from '../result';
import type { HolidaySet } from '../rules/dates';
import { addDays, formatUkDate } from '../rules/dates';
import { meetingPaperDeadline } from '../rules/papers';
import { personName } from '../rules/people';
import { publicTitleOf } from '../rules/confidential';
import { ukInstantOf } from '../clock';
import { compareCodes } from '../rules/textOrder';

const ymd = (iso: string): [number, number, number] => [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
/** A meeting's time on the clock in England as UTC date-time parts (ics writes them with a Z). */
const utcParts = (date: string, time: string): [number, number, number, number, number] => {
  const at = new Date(ukInstantOf(date, time));
  return [at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate(), at.getUTCHours(), at.getUTCMinutes()];
};

const encoder = new TextEncoder();

/**
 * RFC 5545 §3.1: lines of at most 75 octets, continued with a leading space. ics folds by
 * characters, so a line with "’" or "é" can run over; refold by bytes, never inside a character.
 */
export const foldOctets = (ics: string): string =>
  ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .map((line) => {
      const parts: string[] = [];
      let current = '';
      let size = 0;
      for (const ch of line) {
        const bytes = encoder.encode(ch).length;
        const limit = parts.length === 0 ? 75 : 74;
        if (size + bytes > limit) {
          parts.push(current);
          current = '';
          size = 0;
        }
        current += ch;
        size += bytes;
      }
      parts.push(current);
      return parts.join('\r\n ');
    })
    .join('\r\n');

/**
 * The boards' meetings and paper deadlines as an iCalendar file (RFC 5545) for Outlook or Google.
 * Meeting times are the time in England (Europe/London, BST-aware) written in UTC (RFC 5545
 * §3.3.5, form 2), so 15:00 is 15:00 in a UK calendar and the right hour in a partner's calendar
 * abroad or in a strict client (a floating time would move with the reader's zone); deadlines are
 * all-day events. Held meetings more than a year old
 * are left out. UIDs are the record ids, so importing again updates rather than duplicates.
 */
export const buildCalendar = (data: StoreData, opts: { boardId?: string; today: string; holidays: HolidaySet; stamp: string }): string => {
  const since = addDays(opts.today, -365);
  const meetings = listRecords(data, 'meeting')
    .filter((m) => (!opts.boardId || m.boardId === opts.boardId) && m.date >= since)
    .sort((a, b) => compareCodes(a.date + a.startTime, b.date + b.startTime));
  const timestamp = Date.parse(opts.stamp);
  const events: EventAttributes[] = meetings.flatMap((m) => {
    const board = getRecord(data, 'board', m.boardId);
    const deadline = meetingPaperDeadline(data, m, opts.holidays);
    const outstanding = listRecords(data, 'agendaItem').filter((i) => i.meetingId === m.id && i.paper?.status === 'requested');
    const cancelled = m.status === 'cancelled';
    const meeting: EventAttributes = {
      uid: `${m.id.replace(':', '-')}@quorum`,
      title: cancelled ? `Cancelled: ${board.name}` : board.name,
      description: m.cancellation ? `Cancelled: ${m.cancellation.reason}` : `Meeting of the ${board.name}. Papers due ${formatUkDate(deadline)}.`,
      location: m.venue || undefined,
      start: utcParts(m.date, m.startTime),
      startInputType: 'utc',
      startOutputType: 'utc',
      end: utcParts(m.date, m.endTime),
      endInputType: 'utc',
      endOutputType: 'utc',
      // A cancelled meeting keeps its UID with STATUS:CANCELLED (RFC 5545 3.8.1.11), so a calendar that imported it drops it.
      status: cancelled ? 'CANCELLED' : 'CONFIRMED',
      categories: ['Board meeting'],
      // RFC 5545 §3.8.7.4: a calendar takes an event again only when its SEQUENCE has risen, so a
      // moved or cancelled meeting replaces the copy already there; the meeting's revision rises at each save.
      sequence: m.rev - 1,
      // No reminder for a meeting that will not happen.
      ...(cancelled ? {} : { alarms: [{ action: 'display' as const, description: `${board.shortName} tomorrow`, trigger: { hours: 24, before: true } }] }),
    };
    const due: EventAttributes = {
      uid: `${m.id.replace(':', '-')}-papers@quorum`,
      title: `${cancelled ? 'Cancelled: ' : ''}Paper deadline: ${board.shortName}, ${formatUkDate(m.date)}`,
      description: cancelled
        ? 'The meeting is cancelled; no papers are due.'
        : outstanding.length
        ? `Papers still to come: ${outstanding.map((i) => `${publicTitleOf(i)}${i.paper?.authorPersonId ? ` (${personName(data, i.paper.authorPersonId)})` : ''}`).join('; ')}.`
        : 'Last day to send papers for the meeting.',
      start: ymd(deadline),
      end: ymd(addDays(deadline, 1)),
      categories: ['Paper deadline'],
      sequence: m.rev - 1,
      // The deadline a calendar already holds is called off with its meeting, not left behind.
      ...(cancelled ? { status: 'CANCELLED' as const } : {}),
    };
    return [meeting, due];
  });
  if (events.length === 0) throw new QuorumFailure('not-found', 'There are no meetings to put in a calendar.');
  // DTSTAMP from the clock we are given, not the machine's: ics 3.12 accepts `timestamp` though its types omit it.
  const stamped = events.map((e) => Object.assign(e, { timestamp }));
  const { error, value } = createEvents(stamped, { productId: '-//Quorum//Board meetings//EN', calName: 'Board meetings' });
  if (error || !value) throw new QuorumFailure('internal', `The calendar could not be written: ${error?.message ?? 'unknown error'}`);
  return foldOctets(value);
};
