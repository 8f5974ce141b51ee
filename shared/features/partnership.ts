import { z } from 'zod';
import { expectedRev, line, optionalLine } from '../schema/common';
import { partnershipSchema, type Partnership } from '../schema/records';
import { listRecords } from '../data';
import { QuorumFailure } from '../result';
import { ChangeSet } from '../kernel/changeSet';
import { effect, internalMutation, mutation, query } from '../kernel/operation';
import { noInput } from '../schema/common';

export const PARTNERSHIP_ID = 'partnership:main' as const;

const details = z.object({
  name: line(200),
  area: optionalLine(200),
  defaultVenue: optionalLine(300),
  contact: partnershipSchema.shape.contact,
  colours: partnershipSchema.shape.colours,
});
export type PartnershipDetails = z.infer<typeof details>;

/** "Start empty" on first run: just the partnership, named by the user. */
export const setUpPartnership = internalMutation({
  name: 'partnership:setUp',
  writes: ['partnership'],
  input: z.object({ name: line(200) }),
  apply(data, input, ctx) {
    if (listRecords(data, 'partnership').length > 0)
      throw new QuorumFailure('conflict', 'This data folder already holds a partnership');
    const cs = new ChangeSet(data, ctx);
    cs.create<Partnership>({
      id: PARTNERSHIP_ID,
      type: 'partnership',
      name: input.name,
      area: '',
      colours: { primary: '#1F4E79', accent: '#2E75B6' },
      defaultVenue: '',
      contact: { name: '', email: '', phone: '' },
    });
    return cs.result(`Set up partnership "${input.name}"`);
  },
});

export const updatePartnership = mutation({
  name: 'partnership:update',
  writes: ['partnership'],
  input: details.extend({ expectedRev }).strict(),
  answer: (_outcome, data) => listRecords(data, 'partnership')[0]!,
  apply(data, { expectedRev, ...patch }, ctx) {
    const current = listRecords(data, 'partnership')[0];
    if (!current) throw new QuorumFailure('not-found', 'There is no partnership yet: start with the example or start empty');
    const cs = new ChangeSet(data, ctx);
    cs.update(current, patch, expectedRev);
    return cs.result(`Updated partnership details`);
  },
});

// Queries

export const getPartnership = query({ name: 'partnership:get', input: noInput, reads: ['partnership'], view: (data) => listRecords(data, 'partnership')[0] ?? null });

/** The logo on every pack's cover, a picture kept in the data folder's `images/` (chosen in main). */
export const setPartnershipLogo = internalMutation({
  name: 'partnership:setLogo',
  writes: ['partnership'],
  input: z.object({ file: line(200).regex(/^[A-Za-z0-9._-]+$/, 'A picture in the data folder'), altText: line(300) }).strict(),
  apply(data, logo, ctx) {
    const current = listRecords(data, 'partnership')[0];
    if (!current) throw new QuorumFailure('not-found', 'There is no partnership yet');
    const cs = new ChangeSet(data, ctx);
    cs.update(current, { logo });
    return cs.result(`Set the partnership logo (${logo.altText})`);
  },
});

export const removePartnershipLogo = mutation({
  name: 'partnership:removeLogo',
  undoable: true,
  writes: ['partnership'],
  input: noInput,
  apply(data, _input, ctx) {
    const current = listRecords(data, 'partnership')[0];
    if (!current?.logo) throw new QuorumFailure('not-found', 'The partnership has no logo');
    const cs = new ChangeSet(data, ctx);
    cs.update(current, { logo: undefined });
    return cs.result('Removed the partnership logo; packs have no logo on the cover');
  },
});

export const choosePartnershipLogo = effect<{ chosen: true; summary: string } | { chosen: false; reason: string }>()({
  name: 'partnership:chooseLogo',
  input: z.object({ altText: line(300) }).strict(),
});
