import type { Interest } from '../schema/records';
import { listRecords, type StoreData } from '../data';

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
