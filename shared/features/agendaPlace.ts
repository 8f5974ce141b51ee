import type { AgendaItem } from '../schema/records';
import { keyForPlace } from '../rules/order';
import type { ChangeSet } from '../kernel/changeSet';

/** The order key for a place among `items` (sorted); renumbers them all in this change when the place has no room left. */
export const orderAt = (cs: ChangeSet, items: readonly AgendaItem[], index: number): string => {
  const { key, renumbered } = keyForPlace(items.map((i) => i.order), index);
  if (renumbered) items.forEach((item, i) => cs.update(item, { order: renumbered[i] }));
  return key;
};
