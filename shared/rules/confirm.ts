import type { Meeting } from '../schema/records';
import { QuorumFailure } from '../result';
import { formatUkDate } from './dates';

/**
 * Dates that are probably slips of the keyboard are stopped where they are typed: the operation
 * refuses them with `needs-confirmation` and the words to check, and the dialog asks the officer
 * before sending the same change again with `confirmed: true`. What is confirmed is still shown
 * on the dashboard (rules/slips.ts), so nothing is hidden by saying yes once.
 */
export const askToConfirm = (confirmed: boolean | undefined, slip: string | false | undefined, field: string) => {
  if (!slip || confirmed) return;
  throw new QuorumFailure('needs-confirmation', slip, { [field]: slip, confirmed: 'Check the date, or confirm it is right' });
};

/**
 * A meeting still to come: an approval "at" it is probably the wrong meeting. One on today's date
 * counts as held (minutes are taken as the meeting runs, before it is marked as held).
 */
export const notYetHeld = (meeting: Pick<Meeting, 'date' | 'status'>, today: string): boolean => meeting.date > today;

export const approvalAtUnheldMeeting = (what: string, meeting: Pick<Meeting, 'date' | 'status'>, today: string): string | false =>
  notYetHeld(meeting, today) && `${what} at the meeting of ${formatUkDate(meeting.date)}, which is still to come. Check the meeting, or confirm that is the meeting that agreed it.`;
