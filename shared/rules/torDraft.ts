import type { TermsOfReference } from '../schema/records';
import { addDays } from './dates';

type TorFields = Omit<TermsOfReference, 'id' | 'type' | 'rev' | 'schemaVersion' | 'updatedAt' | 'updatedBy' | 'boardId' | 'version' | 'status' | 'approval'>;

/** A seat's key from its role ("Director of Children's Services" → `director-of-children-s-services`), unique in the ToR. */
export const memberKey = (role: string, taken: ReadonlySet<string>): string => {
  const base = role.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'member';
  let key = base;
  for (let i = 2; taken.has(key); i++) key = `${base}-${i}`;
  return key;
};

/**
 * What a board's first terms of reference start from: the rules most partnership boards write
 * (a third of members including the chair or vice-chair; four meetings a year; papers five
 * clear working days ahead), for the secretariat to change. Reviewed a year on.
 */
export const firstTorFields = (today: string): TorFields => ({
  purpose: '',
  responsibilities: '',
  members: [],
  chairMemberKey: '',
  viceChairMemberKey: '',
  quorum: { requireChairOrVice: true, minFraction: 1 / 3, text: 'A third of members, including the chair or vice-chair' },
  meetingsPerYear: 4,
  deepDivesPerMeeting: 1,
  paperDeadlineWorkingDays: 5,
  reportsToBoardIds: [],
  permissions: [],
  reviewDate: addDays(today, 365),
});
