import type { AgendaItem, DeepDive, ForwardPlanItem } from '../schema/records';
import { recordsWhere, type StoreData } from '../data';

/**
 * Part 2 reaches beyond the agenda: a deep dive or a forward plan item taken as a Part 2 item
 * (Local Government Act 1972 s.100A(4), Schedule 12A) is exempt in every public export too, not
 * only in the pack. Returns the Part 2 agenda item that makes it so.
 */
export const part2ItemOf = (data: StoreData, what: { deepDiveId: DeepDive['id'] } | { forwardPlanItemId: ForwardPlanItem['id'] }): AgendaItem | undefined =>
  ('deepDiveId' in what ? recordsWhere(data, 'agendaItem', 'deepDiveId', what.deepDiveId) : recordsWhere(data, 'agendaItem', 'forwardPlanItemId', what.forwardPlanItemId)).find((i) => i.part2);

/**
 * The title a Part 2 item goes by in anything the public may see (agenda, notices, minutes,
 * schedule, plan, calendar): its public title when the officer gave one, because the working title
 * may itself name a provider or a child; otherwise its title.
 */
export const publicTitleOf = (item: Pick<AgendaItem, 'title' | 'part2'>): string => item.part2?.publicTitle?.trim() || item.title;

/** The item's title as the given variant prints it: the full variant keeps the working title. */
export const titleIn = (item: Pick<AgendaItem, 'title' | 'part2'>, variant: 'public' | 'full'): string => (variant === 'public' ? publicTitleOf(item) : item.title);

/** A deep dive's exemption: its agenda item's while it has one in Part 2, else the one it kept when taken off a meeting. */
export const deepDivePart2 = (data: StoreData, deepDive: Pick<DeepDive, 'id' | 'part2'>): AgendaItem['part2'] => part2ItemOf(data, { deepDiveId: deepDive.id })?.part2 ?? deepDive.part2;
