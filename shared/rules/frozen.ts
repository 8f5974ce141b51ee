import { getRecord, type StoreData } from '../data';
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
