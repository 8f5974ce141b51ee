import { z } from 'zod';
import { recordId, optionalLine } from '../schema/common';
import { coverSheetSchema, SCHEDULE_12A_PARAGRAPHS, type AgendaItem } from '../schema/records';
import { getRecord } from '../data';
import { QuorumFailure } from '../result';
import { ChangeSet, defineCommand } from './context';
import { emptyCoverSheet } from './packs';

const rev = z.number().int().min(1).optional();
const short = (item: AgendaItem) => `“${item.title.slice(0, 80)}”`;

/**
 * The cover sheet of an item's paper (report of, author, summary, recommendations, implications,
 * classification). An item that had no paper gets one, requested, so the cover can go first.
 */
export const updateCoverSheet = defineCommand({
  name: 'paper.updateCoverSheet',
  input: z.object({ agendaItemId: recordId('agendaItem'), coverSheet: coverSheetSchema, expectedRev: rev }).strict(),
  apply(data, input, ctx) {
    const item = getRecord(data, 'agendaItem', input.agendaItemId);
    const cs = new ChangeSet(data, ctx);
    const paper = item.paper ?? { status: 'requested' as const, coverSheet: emptyCoverSheet(), body: '' };
    cs.update(item, { paper: { ...paper, coverSheet: input.coverSheet } }, input.expectedRev);
    return cs.result('paper.updateCoverSheet', `Updated the cover sheet of the paper for ${short(item)}`);
  },
});

/**
 * Puts an item in Part 2 (the public excluded, Local Government Act 1972 s.100A(4)) under a
 * Schedule 12A paragraph, or brings it back into the public part.
 */
export const setPart2 = defineCommand({
  name: 'agendaItem.setPart2',
  input: z
    .object({
      agendaItemId: recordId('agendaItem'),
      part2: z.object({ paragraph: z.union(SCHEDULE_12A_PARAGRAPHS.map((n) => z.literal(n))), reason: optionalLine(1000) }).strict().nullable(),
      expectedRev: rev,
    })
    .strict(),
  apply(data, input, ctx) {
    const item = getRecord(data, 'agendaItem', input.agendaItemId);
    if (item.standing && input.part2) throw new QuorumFailure('invalid-input', `${short(item)} is a standing item and is always taken in public.`);
    const cs = new ChangeSet(data, ctx);
    cs.update(item, { part2: input.part2 ?? undefined }, input.expectedRev);
    const what = input.part2 ? `Moved ${short(item)} into Part 2 under Schedule 12A paragraph ${input.part2.paragraph}` : `Moved ${short(item)} into the public part of the agenda`;
    return cs.result('agendaItem.setPart2', what);
  },
});
