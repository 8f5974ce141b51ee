import type { Board, Meeting, TermsOfReference } from '../schema/records';
import { recordsWhere, type StoreData } from '../data';
import { compareCodes } from './textOrder';

/**
 * The terms of reference in force. On a date (a meeting's, or today): the latest version approved
 * on or before it, so a meeting already held keeps the quorum and seats it was held under when a
 * later version is approved, and a version approved with a future date takes force on that date.
 * Before the first approval, the first approved version; with none approved, the newest draft.
 * Without a date: the newest approved version, else the newest draft.
 */
export const currentTor = (data: StoreData, boardId: Board['id'], onDate?: string): TermsOfReference | undefined => {
  const versions = recordsWhere(data, 'tor', 'boardId', boardId);
  const approved = versions.filter((t) => t.status !== 'draft' && t.approval).sort((a, b) => b.version - a.version);
  const inForce = onDate === undefined ? approved.find((t) => t.status === 'approved') : (approved.find((t) => t.approval!.date <= onDate) ?? approved.at(-1));
  return inForce ?? [...versions].sort((a, b) => b.version - a.version)[0];
};

const byDateTime = (a: Meeting, b: Meeting) => compareCodes(a.date + a.startTime, b.date + b.startTime);

/** A board's meetings in date order; a cancelled one only when asked for (the history), never in counts, checks or pickers. */
export const boardMeetings = (data: StoreData, boardId: Board['id'], opts: { includeCancelled?: boolean } = {}): Meeting[] =>
  recordsWhere(data, 'meeting', 'boardId', boardId)
    .filter((m) => opts.includeCancelled || m.status !== 'cancelled')
    .sort(byDateTime);

/** The next meeting on or after today that has not been held. */
export const nextMeeting = (data: StoreData, boardId: Board['id'], today: string): Meeting | undefined =>
  boardMeetings(data, boardId).find((m) => m.date >= today && (m.status === 'planned' || m.status === 'agenda-published'));

/** The standing items a new board starts with, as the seed minutes run them (editable per board). */
export const DEFAULT_STANDING_ITEMS: Board['standingItems'] = [
  { kind: 'apologies', title: 'Apologies, introductions and declarations of interest', durationMinutes: 5 },
  { kind: 'minutes', title: 'Minutes of the last meeting and matters arising', durationMinutes: 5 },
  { kind: 'action-log', title: 'Action log', durationMinutes: 10 },
  { kind: 'partner-updates', title: 'Partner updates', durationMinutes: 15 },
  { kind: 'forward-plan', title: 'Forward plan', durationMinutes: 5 },
  { kind: 'aob', title: 'Any other business and date of next meeting', durationMinutes: 5 },
];
