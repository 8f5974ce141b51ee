import type { AgendaItem, DeepDive, ForwardPlanItem } from '../schema/records';
import { listRecords, type StoreData } from '../data';

/**
 * Part 2 reaches beyond the agenda: a deep dive or a forward plan item taken as a Part 2 item
 * (Local Government Act 1972 s.100A(4), Schedule 12A) is exempt in every public export too, not
 * only in the pack. Returns the Part 2 agenda item that makes it so.
 */
export const part2ItemOf = (data: StoreData, what: { deepDiveId: DeepDive['id'] } | { forwardPlanItemId: ForwardPlanItem['id'] }): AgendaItem | undefined =>
  listRecords(data, 'agendaItem').find((i) => i.part2 && ('deepDiveId' in what ? i.deepDiveId === what.deepDiveId : i.forwardPlanItemId === what.forwardPlanItemId));
