import type { Board, Meeting, TermsOfReference } from '../schema/records';
import { recordsWhere, type StoreData } from '../data';

/** The terms of reference in force: the newest approved version, else the newest draft. */
export const currentTor = (data: StoreData, boardId: Board['id']): TermsOfReference | undefined => {
  const versions = recordsWhere(data, 'tor', 'boardId', boardId);
  const approved = versions.filter((t) => t.status === 'approved').sort((a, b) => b.version - a.version);
  return approved[0] ?? versions.sort((a, b) => b.version - a.version)[0];
};

const byDateTime = (a: Meeting, b: Meeting) => (a.date + a.startTime).localeCompare(b.date + b.startTime);

export const boardMeetings = (data: StoreData, boardId: Board['id']): Meeting[] =>
  recordsWhere(data, 'meeting', 'boardId', boardId).sort(byDateTime);

/** The next meeting on or after today that has not been held. */
export const nextMeeting = (data: StoreData, boardId: Board['id'], today: string): Meeting | undefined =>
  boardMeetings(data, boardId).find((m) => m.date >= today && (m.status === 'planned' || m.status === 'agenda-published'));

export const lastHeldMeeting = (data: StoreData, boardId: Board['id'], today: string): Meeting | undefined =>
  boardMeetings(data, boardId)
    .filter((m) => m.date <= today && (m.status === 'held' || m.status === 'minutes-approved'))
    .at(-1);
