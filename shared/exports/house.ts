import { listRecords, type StoreData } from '../data';

/** The partnership's name and colour, for a document's properties and its style. */
export const houseOf = (data: StoreData) => {
  const p = listRecords(data, 'partnership')[0];
  return { author: p?.name ?? '', primaryColour: p?.colours.primary ?? '#1F4E79' };
};
