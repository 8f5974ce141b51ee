import { findRecord, getRecord, type StoreData } from '../data';
import type { Change } from '../kernel/operation';
import { QuorumFailure } from '../result';
import { formatUkDate } from './dates';

/**
 * Approved minutes are the board's record: their text, resolutions, attendance and declarations
 * change only through a recorded correction (minutes:correct), agreed at a later meeting.
 */
export const assertMinutesOpen = (data: StoreData, meetingId: string) => {
  const meeting = getRecord(data, 'meeting', meetingId);
  if (meeting.status !== 'minutes-approved') return meeting;
  const at = meeting.minutesApproval ? getRecord(data, 'meeting', meeting.minutesApproval.meetingId) : undefined;
  throw new QuorumFailure(
    'conflict',
    `The minutes of ${formatUkDate(meeting.date)} were approved${at ? ` at the meeting of ${formatUkDate(at.date)}` : ''}; they change only through a recorded correction (Minutes › Record a correction…), agreed at a later meeting.`,
  );
};

/** The records that make up a meeting's record: once its minutes are approved, they change only by a correction. */
const MEETING_RECORD_TYPES = new Set(['meeting', 'agendaItem', 'resolution', 'attendance', 'declaration']);
/** The one way to change an approved meeting's record (minutes:correct), which writes down what changed and why. */
const CORRECTIONS = new Set(['minutes:correct']);

/**
 * Checked on every command's writes, whatever screen, script or replica made them (applyCommand):
 * an approved meeting's items, titles, numbers, times, Part 2 status, resolutions, attendance and
 * declarations stay as approved, except through a recorded correction. Operations check first to
 * give their own words; this catches any that does not.
 */
export const assertApprovedRecordsUntouched = (before: StoreData, after: StoreData, changes: readonly Change[], command: string) => {
  if (CORRECTIONS.has(command)) return;
  for (const change of changes) {
    const type = change.id.slice(0, change.id.indexOf(':'));
    if (!MEETING_RECORD_TYPES.has(type)) continue;
    const was = before.records[change.id] as { meetingId?: string } | undefined;
    const now = after.records[change.id] as { meetingId?: string } | undefined;
    const meetingIds = type === 'meeting' ? [change.id] : [was?.meetingId, now?.meetingId].filter((m): m is string => Boolean(m));
    for (const meetingId of meetingIds) if (findRecord(before, 'meeting', meetingId)?.status === 'minutes-approved') assertMinutesOpen(before, meetingId);
  }
};
