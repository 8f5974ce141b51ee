import type { Interest, Person } from '../schema/records';
import { currentTor } from './boards';
import { findRecord, listRecords, type StoreData } from '../data';

/**
 * The register of interests as it stood on a day (docs/ARCHITECTURE.md, the register of
 * interests): each entry held then, by person. The public register leaves out every sensitive
 * entry (Localism Act 2011 s.32: the register says only that the member has one).
 */
export const heldOn = (i: Pick<Interest, 'from' | 'to'>, day: string): boolean => i.from <= day && (!i.to || i.to >= day);

export const registerOn = (data: StoreData, day: string, opts: { public: boolean; personId?: string }): Interest[] =>
  listRecords(data, 'interest')
    .filter((i) => heldOn(i, day) && (!opts.personId || i.personId === opts.personId) && !(opts.public && i.sensitive))
    .sort((a, b) => a.personId.localeCompare(b.personId) || a.kind.localeCompare(b.kind) || a.from.localeCompare(b.from) || a.description.localeCompare(b.description));

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
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
};
