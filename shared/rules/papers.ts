import type { AgendaItem, Meeting } from '../schema/records';
import { findRecord, listRecords, recordsWhere, type StoreData } from '../data';
import { currentTor } from './boards';
import { daysBetween, paperDeadline, type HolidaySet } from './dates';
import { clearanceStates, clearanceSummary } from './clearance';
import { titleIn } from './confidential';
import { compareCodes, compareEnglish } from './textOrder';

/** Where no terms of reference say otherwise: the five clear days of LGA 1972 s.100B(3). */
export const DEFAULT_CLEAR_DAYS = 5;

export const clearDaysFor = (data: StoreData, meeting: Pick<Meeting, 'boardId' | 'date'>): number => currentTor(data, meeting.boardId, meeting.date)?.paperDeadlineWorkingDays ?? DEFAULT_CLEAR_DAYS;

/** The meeting's paper deadline in clear working days from its board's terms of reference. */
export const meetingPaperDeadline = (data: StoreData, meeting: Pick<Meeting, 'boardId' | 'date'>, holidays: HolidaySet): string =>
  paperDeadline(meeting.date, clearDaysFor(data, meeting), holidays);

export const PAPER_STATES = ['not-needed', 'requested', 'late', 'received', 'received-late'] as const;
export type PaperState = (typeof PAPER_STATES)[number];

/** requested → received, or late once the deadline passes without it (derived, never stored). */
export const paperState = (paper: AgendaItem['paper'], deadline: string, today: string): PaperState => {
  if (!paper || paper.status === 'not-needed') return 'not-needed';
  if (paper.status === 'received' && paper.body.trim()) return paper.receivedOn && paper.receivedOn > deadline ? 'received-late' : 'received';
  return today > deadline ? 'late' : 'requested';
};

export type OutstandingPaper = {
  agendaItemId: AgendaItem['id'];
  meetingId: Meeting['id'];
  boardId: Meeting['boardId'];
  boardName: string;
  meetingDate: string;
  title: string;
  author: string;
  deadline: string;
  /** Negative once the deadline has passed. */
  daysLeft: number;
  state: 'requested' | 'late';
};

/** Papers asked for and not yet in, for meetings still to come, soonest deadline first. */
export const outstandingPapers = (data: StoreData, today: string, holidays: HolidaySet, boardId?: string): OutstandingPaper[] => {
  const meetings = listRecords(data, 'meeting').filter((m) => m.date >= today && m.status !== 'held' && m.status !== 'minutes-approved' && m.status !== 'cancelled' && (!boardId || m.boardId === boardId));
  const out: OutstandingPaper[] = [];
  for (const meeting of meetings) {
    const deadline = meetingPaperDeadline(data, meeting, holidays);
    const board = findRecord(data, 'board', meeting.boardId);
    for (const item of recordsWhere(data, 'agendaItem', 'meetingId', meeting.id)) {
      const state = paperState(item.paper, deadline, today);
      if (state !== 'requested' && state !== 'late') continue;
      const author = (item.paper?.authorPersonId && findRecord(data, 'person', item.paper.authorPersonId)?.name) || item.paper?.coverSheet.author || 'No author named';
      out.push({ agendaItemId: item.id, meetingId: meeting.id, boardId: meeting.boardId, boardName: board?.shortName ?? '', meetingDate: meeting.date, title: item.title, author, deadline, daysLeft: daysBetween(today, deadline), state });
    }
  }
  return out.sort((a, b) => compareCodes(a.deadline, b.deadline) || compareCodes(a.meetingDate, b.meetingDate) || compareEnglish(a.title, b.title));
};

export type PaperAwaitingClearance = { agendaItemId: AgendaItem['id']; meetingId: Meeting['id']; boardName: string; meetingDate: string; title: string; summary: string; waiting: { key: string; label: string; state: 'reset' | 'missing' }[] };

/** Papers in for meetings still to come whose clearances do not all hold, soonest meeting first. */
export const papersAwaitingClearance = (data: StoreData, today: string): PaperAwaitingClearance[] => {
  const out: PaperAwaitingClearance[] = [];
  for (const meeting of listRecords(data, 'meeting').filter((m) => m.date >= today && (m.status === 'planned' || m.status === 'agenda-published'))) {
    const board = findRecord(data, 'board', meeting.boardId);
    if (!board?.clearanceRules?.length) continue;
    for (const item of recordsWhere(data, 'agendaItem', 'meetingId', meeting.id)) {
      if (item.paper?.status !== 'received') continue;
      const states = clearanceStates(data, board, item);
      const waiting = states.flatMap((s) => (s.state === 'cleared' ? [] : [{ key: s.key, label: s.label, state: s.state }]));
      if (waiting.length) out.push({ agendaItemId: item.id, meetingId: meeting.id, boardName: board.shortName, meetingDate: meeting.date, title: titleIn(item, 'full'), summary: clearanceSummary(states), waiting });
    }
  }
  return out.sort((a, b) => compareCodes(a.meetingDate, b.meetingDate) || compareEnglish(a.title, b.title));
};
