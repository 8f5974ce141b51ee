import type { Action } from '../schema/records';
import { findRecord, type StoreData } from '../data';
import { formatUkDate } from './dates';
import { caseTitle } from './obligations';

/** Where an action came from (shared/schema/records.ts actionSourceSchema). */
export type ActionSource = NonNullable<Action['source']>;
export type ActionSourceKind = ActionSource['kind'] | 'meeting';

/** Its source's kind: given, or worked out (an item with a deep dive raised it for that deep dive; otherwise the meeting). */
export const actionSourceKind = (data: StoreData, a: Pick<Action, 'source' | 'agendaItemId'>): ActionSourceKind => {
  if (a.source) return a.source.kind;
  const item = a.agendaItemId ? findRecord(data, 'agendaItem', a.agendaItemId) : undefined;
  return item?.deepDiveId ? 'deep-dive' : 'meeting';
};

/** The deep dive an action came from, given or through its item. */
export const actionDeepDiveId = (data: StoreData, a: Pick<Action, 'source' | 'agendaItemId'>): string | undefined => {
  if (a.source?.kind === 'deep-dive') return a.source.deepDiveId;
  const item = a.agendaItemId ? findRecord(data, 'agendaItem', a.agendaItemId) : undefined;
  return item?.deepDiveId;
};

/** "Resolution 2 of 13 October 2026", "Rapid review SIN-2026-04: recommendation …", "Section 11 audit: …", "Deep dive: Neglect". */
export const actionSourceWords = (data: StoreData, a: Pick<Action, 'source'> & Partial<Pick<Action, 'agendaItemId' | 'meetingId'>>): string => {
  const s = a.source;
  if (s?.kind === 'resolution') {
    const r = findRecord(data, 'resolution', s.resolutionId);
    const m = r ? findRecord(data, 'meeting', r.meetingId) : undefined;
    return r ? `Resolution ${r.number}${m ? ` of ${formatUkDate(m.date)}` : ''}` : 'A resolution';
  }
  if (s?.kind === 'review') {
    const c = findRecord(data, 'case', s.caseId);
    return `${c ? caseTitle(c) : 'A review'}: ${s.recommendation}`;
  }
  if (s?.kind === 'section11') {
    const org = s.organisationId ? findRecord(data, 'organisation', s.organisationId)?.name : undefined;
    return `Section 11 audit${org ? ` (${org})` : ''}: ${s.finding}`;
  }
  const diveId = s?.kind === 'deep-dive' ? s.deepDiveId : a.agendaItemId ? findRecord(data, 'agendaItem', a.agendaItemId)?.deepDiveId : undefined;
  const dive = diveId ? findRecord(data, 'deepDive', diveId) : undefined;
  if (dive) return `Deep dive: ${dive.theme}${s?.kind === 'deep-dive' && s.recommendation ? `: ${s.recommendation}` : ''}`;
  const m = a.meetingId ? findRecord(data, 'meeting', a.meetingId) : undefined;
  return m ? `Meeting of ${formatUkDate(m.date)}` : 'The board';
};
