import type { AgendaItem, Meeting } from '../schema/records';
import { recordsWhere, type StoreData } from '../data';
import { compareCodes } from './textOrder';

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const fromMinutes = (m: number): string => {
  const wrapped = ((m % 1440) + 1440) % 1440;
  return `${String(Math.floor(wrapped / 60)).padStart(2, '0')}:${String(wrapped % 60).padStart(2, '0')}`;
};

/** Agenda items in the order the chair takes them: by their order key. */
export const byAgendaOrder = (a: Pick<AgendaItem, 'order' | 'id'>, b: Pick<AgendaItem, 'order' | 'id'>) =>
  compareCodes(a.order, b.order) || compareCodes(a.id, b.id);

export type TimedItem<T> = { item: T; start: string; end: string };

/**
 * Start times as agendas print them (15:00, 15:10, 15:50 …): each item starts when the one
 * before ends, unless the chair fixed its start.
 */
export const agendaTimes = <T extends Pick<AgendaItem, 'durationMinutes' | 'fixedStart'> & { published?: AgendaItem['published'] }>(items: readonly T[], meetingStart: string): TimedItem<T>[] => {
  let clock = toMinutes(meetingStart);
  return items.map((item) => {
    // A published agenda's times are what members were sent.
    if (item.published) clock = toMinutes(item.published.start);
    else if (item.fixedStart) clock = toMinutes(item.fixedStart);
    const start = clock;
    clock += item.durationMinutes;
    return { item, start: fromMinutes(start), end: fromMinutes(clock) };
  });
};

/** Minutes the agenda runs past the meeting's planned end (0 when it fits). */
export const overrunMinutes = (items: readonly Pick<AgendaItem, 'durationMinutes' | 'fixedStart'>[], meeting: Pick<Meeting, 'startTime' | 'endTime'>): number => {
  const timed = agendaTimes(items, meeting.startTime);
  const last = timed.at(-1);
  if (!last) return 0;
  const end = toMinutes(last.end) < toMinutes(meeting.startTime) ? toMinutes(last.end) + 1440 : toMinutes(last.end);
  return Math.max(0, end - toMinutes(meeting.endTime));
};

/** Standing items that close an agenda; the business of the meeting goes before the first of them. */
export const CLOSING_STANDING = ['partner-updates', 'forward-plan', 'aob'] as const;

/** Forward plan kind → the purpose printed on the agenda. */
export const PURPOSE_FOR_KIND = { decision: 'decision', assurance: 'discussion', information: 'information', 'deep-dive': 'discussion', standing: 'noting' } as const;

export type AgendaDraft = {
  title: string;
  purpose: AgendaItem['purpose'];
  durationMinutes: number;
  standing?: AgendaItem['standing'];
  presenterIds: AgendaItem['presenterIds'];
  forwardPlanItemId?: AgendaItem['forwardPlanItemId'];
  deepDiveId?: AgendaItem['deepDiveId'];
  /** Whose paper to ask for; absent for items with no paper. */
  paperFrom?: { authorPersonId?: AgendaItem['presenterIds'][number]; reportOf: string; author: string };
};

/**
 * Part 2 items go last, after the exclusion resolution, as councils order them. Once the agenda is
 * published its numbers are stored (AgendaItem.published) and kept: an item moved into Part 2
 * afterwards keeps its number and so does every other; an item added later takes the next free one.
 */
export const numberedAgenda = (items: readonly AgendaItem[]): { item: AgendaItem; number: number }[] => {
  const sorted = [...items].sort(byAgendaOrder);
  const ordered = [...sorted.filter((i) => !i.part2), ...sorted.filter((i) => i.part2)];
  let next = Math.max(0, ...ordered.map((i) => i.published?.number ?? 0));
  if (next === 0) return ordered.map((item, i) => ({ item, number: i + 1 }));
  return ordered.map((item) => ({ item, number: item.published?.number ?? ++next }));
};

/** The agenda as it is now, numbered and timed, for storing when it is published: only items not yet fixed. */
export const agendaToPublish = (items: readonly AgendaItem[], meetingStart: string): { item: AgendaItem; published: NonNullable<AgendaItem['published']> }[] => {
  const numbered = numberedAgenda(items);
  const times = new Map(agendaTimes(numbered.map((n) => n.item), meetingStart).map((t) => [t.item.id, t.start]));
  return numbered.filter(({ item }) => !item.published).map(({ item, number }) => ({ item, published: { number, start: times.get(item.id)! } }));
};

export const meetingItems = (data: StoreData, meetingId: Meeting['id']) =>
  recordsWhere(data, 'agendaItem', 'meetingId', meetingId);
