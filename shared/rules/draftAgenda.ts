import type { DeepDive, Meeting, Person } from '../schema/records';
import { findRecord, getRecord, listRecords, type StoreData } from '../data';
import { CLOSING_STANDING, PURPOSE_FOR_KIND, type AgendaDraft } from './agenda';
import { compareEnglish } from './textOrder';

/** Time set aside when nothing says otherwise: a deep dive takes most of a meeting, a report a slot. */
const DEEP_DIVE_MINUTES = 45;
const REPORT_MINUTES = 20;

/**
 * A new meeting's draft agenda, as the secretariat would assemble it: the board's opening
 * standing items, the deep dive scheduled for the meeting, the forward plan items targeted at it
 * (not deferred), then the closing standing items (partner updates, forward plan, AOB).
 */
/** A deep dive's agenda item: led by its lead (or its presenters), its briefing asked of the lead. */
export const deepDiveDraft = (data: StoreData, d: DeepDive): AgendaDraft => {
  const lead = d.leadPersonId ? findRecord(data, 'person', d.leadPersonId) : undefined;
  return {
    title: `Deep dive: ${d.theme}`,
    purpose: 'discussion',
    durationMinutes: DEEP_DIVE_MINUTES,
    presenterIds: d.presenterIds.length ? d.presenterIds : d.leadPersonId ? [d.leadPersonId] : [],
    deepDiveId: d.id,
    paperFrom: { authorPersonId: d.leadPersonId, reportOf: lead?.jobTitle ?? '', author: lead?.name ?? '' },
  };
};

export const draftAgenda = (data: StoreData, meetingId: Meeting['id']): AgendaDraft[] => {
  const meeting = getRecord(data, 'meeting', meetingId);
  const board = getRecord(data, 'board', meeting.boardId);
  const name = (id?: Person['id']) => (id && findRecord(data, 'person', id)?.name) || '';
  const role = (id?: Person['id']) => (id && findRecord(data, 'person', id)?.jobTitle) || '';
  const standing = board.standingItems.map((s) => ({ title: s.title, purpose: s.kind === 'minutes' ? ('decision' as const) : ('noting' as const), durationMinutes: s.durationMinutes, standing: s.kind, presenterIds: [] }));
  const firstClosing = standing.findIndex((s) => (CLOSING_STANDING as readonly string[]).includes(s.standing));
  const opening = firstClosing < 0 ? standing : standing.slice(0, firstClosing);
  const closing = firstClosing < 0 ? [] : standing.slice(firstClosing);

  const deepDives: AgendaDraft[] = listRecords(data, 'deepDive')
    .filter((d) => d.meetingId === meeting.id && d.status !== 'closed')
    .sort((a, b) => compareEnglish(a.theme, b.theme))
    .map((d) => deepDiveDraft(data, d));
  const planned: AgendaDraft[] = listRecords(data, 'forwardPlanItem')
    .filter((f) => f.meetingId === meeting.id && f.status !== 'deferred' && f.kind !== 'deep-dive' && f.kind !== 'standing')
    .sort((a, b) => compareEnglish(a.title, b.title))
    .map((f) => ({
      title: f.title,
      purpose: PURPOSE_FOR_KIND[f.kind],
      durationMinutes: REPORT_MINUTES,
      presenterIds: f.authorPersonId ? [f.authorPersonId] : [],
      forwardPlanItemId: f.id,
      paperFrom: { authorPersonId: f.authorPersonId, reportOf: role(f.authorPersonId), author: name(f.authorPersonId) },
    }));
  return [...opening, ...deepDives, ...planned, ...closing];
};
