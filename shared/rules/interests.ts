import type { Interest, Person } from '../schema/records';
import { currentTor } from './boards';
import { addDays } from './dates';
import { findRecord, listRecords, type StoreData } from '../data';
import { compareCodes, compareEnglish } from './textOrder';

/**
 * The register of interests as it stood on a day (docs/ARCHITECTURE.md, the register of
 * interests): each entry held then, by person. The public register leaves out every sensitive
 * entry (Localism Act 2011 s.32: the register says only that the member has one).
 */
export const heldOn = (i: Pick<Interest, 'from' | 'to'>, day: string): boolean => i.from <= day && (!i.to || i.to >= day);

export const registerOn = (data: StoreData, day: string, opts: { public: boolean; personId?: string }): Interest[] =>
  listRecords(data, 'interest')
    .filter((i) => heldOn(i, day) && (!opts.personId || i.personId === opts.personId) && !(opts.public && i.sensitive))
    .sort((a, b) => compareCodes(a.personId, b.personId) || compareCodes(a.kind, b.kind) || compareCodes(a.from, b.from) || compareEnglish(a.description, b.description));

/** How many sensitive entries a person holds on a day: the public register says there are some, never what. */
export const sensitiveCount = (data: StoreData, day: string, personId: string): number => listRecords(data, 'interest').filter((i) => i.personId === personId && i.sensitive && heldOn(i, day)).length;

/** Everyone who holds a seat on an open board on a day (the ToR in force then), with their seats: the people the register covers. */
export const registerMembers = (data: StoreData, day: string): { personId: Person['id']; name: string; organisation: string; seats: string[] }[] => {
  const out = new Map<string, { personId: Person['id']; name: string; organisation: string; seats: string[] }>();
  for (const board of listRecords(data, 'board')) {
    if (board.closedOn && board.closedOn < day) continue;
    for (const m of currentTor(data, board.id, day)?.members ?? []) {
      if (!m.personId) continue;
      const person = findRecord(data, 'person', m.personId);
      if (!person || (person.retiredOn && person.retiredOn < day)) continue;
      const row = out.get(person.id) ?? { personId: person.id, name: person.name, organisation: findRecord(data, 'organisation', person.organisationId)?.name ?? '', seats: [] };
      row.seats.push(`${m.role} (${board.shortName})`);
      out.set(person.id, row);
    }
  }
  return [...out.values()].sort((a, b) => compareEnglish(a.name, b.name));
};

/** A member has 28 days to register their interests: from becoming a member (Localism Act 2011 s.30(1)), and, by the board's code, from each annual update. */
export const REGISTER_DAYS = 28;
export const NEW_MEMBER_SOURCE = 'Localism Act 2011 s.30(1): within 28 days of becoming a member';

/** The day a person first took a seat: the approval of the earliest terms of reference that name them. */
export const joinedOn = (data: StoreData, personId: string): string | undefined =>
  listRecords(data, 'tor')
    .filter((t) => t.status !== 'draft' && t.approval && t.members.some((m) => m.personId === personId))
    .map((t) => t.approval!.date)
    .sort()[0];

export type RegisterUpdate = {
  personId: Person['id'];
  name: string;
  email: string;
  kind: 'annual' | 'new-member';
  opensOn: string;
  dueOn: string;
  confirmedOn: string | null;
  state: 'confirmed' | 'due' | 'overdue';
};

/**
 * Each member's update to the register in the latest annual round (shared/schema/interests.ts
 * registerRound), or as a new member who joined since it opened: 28 days from the day it opened
 * or they joined. Nothing is asked until the secretariat starts a round.
 */
export const registerUpdates = (data: StoreData, today: string): RegisterUpdate[] => {
  const round = listRecords(data, 'registerRound')
    .filter((r) => r.opensOn <= today)
    .sort((a, b) => compareCodes(b.opensOn, a.opensOn))[0];
  if (!round) return [];
  const returns = listRecords(data, 'interestReturn');
  return registerMembers(data, today).map((m) => {
    const joined = joinedOn(data, m.personId);
    const kind = joined && joined > round.opensOn ? 'new-member' : 'annual';
    const opensOn = kind === 'new-member' ? joined! : round.opensOn;
    const dueOn = addDays(opensOn, REGISTER_DAYS);
    const confirmedOn = returns.filter((r) => r.personId === m.personId && r.confirmedOn >= opensOn).map((r) => r.confirmedOn).sort()[0] ?? null;
    const person = findRecord(data, 'person', m.personId);
    return { personId: m.personId, name: m.name, email: person?.email.trim() ?? '', kind, opensOn, dueOn, confirmedOn, state: confirmedOn ? 'confirmed' : today > dueOn ? 'overdue' : 'due' };
  });
};
