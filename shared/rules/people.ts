import type { Person } from '../schema/records';
import { findRecord, type StoreData } from '../data';

export const personName = (data: StoreData, id?: string): string => (id ? (findRecord(data, 'person', id)?.name ?? 'Unknown person') : '');
export const personNames = (data: StoreData, ids: readonly Person['id'][]) => ids.map((id) => personName(data, id)).filter(Boolean).join(', ');
/** "Mark Ellery, Detective Superintendent, Eastmere Police": as minutes list attendees. */
export const personWithOrganisation = (data: StoreData, id: Person['id']): string => {
  const p = findRecord(data, 'person', id);
  if (!p) return 'Unknown person';
  const org = findRecord(data, 'organisation', p.organisationId)?.name;
  return [p.name, p.jobTitle, org].filter(Boolean).join(', ');
};
