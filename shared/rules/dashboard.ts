import type { Board, Meeting, ProtocolVersion } from '../schema/records';
import { findRecord, listRecords, recordsWhere, type StoreData } from '../data';
import { currentTor, nextMeeting } from './boards';
import { isOverdue } from './actions';
import { planFindings, type PlanFinding } from './planChecks';
import { daysBetween, paperDeadline, type HolidaySet } from './dates';
import { obligationsOf, type DueObligation } from './obligations';
import { compareCodes, compareEnglish } from './textOrder';

export type OutstandingPaper = { agendaItemId: string; title: string; author: string; status: 'requested' };

export type BoardSummary = {
  boardId: Board['id'];
  name: string;
  shortName: string;
  nextMeeting?: {
    id: Meeting['id'];
    date: string;
    startTime: string;
    venue: string;
    daysUntil: number;
    paperDeadline: string;
    daysToPaperDeadline: number;
    clearWorkingDays: number;
    papersOutstanding: OutstandingPaper[];
    /** Papers asked for at all (received or not); 0 means none requested yet. */
    papersRequested: number;
    deepDiveThemes: string[];
    deepDivesExpected: number;
  };
  openActions: number;
  overdueActions: number;
  torReview?: { date: string; daysUntil: number };
  hasTermsOfReference: boolean;
};

export type ProtocolSummary = {
  protocolId: string;
  title: string;
  version: number;
  status: ProtocolVersion['status'];
  parties: number;
  signedBy: number;
  openComments: number;
  reviewDate: string;
  reviewDaysUntil: number;
};

/** How far ahead the dashboard shows statutory clocks: four weeks, as `quorum check` warns. */
export const CLOCKS_AHEAD_DAYS = 28;

export type Dashboard = {
  today: string;
  partnershipName: string;
  boards: BoardSummary[];
  protocols: ProtocolSummary[];
  planFindings: PlanFinding[];
  /** Statutory clocks overdue or due within four weeks, soonest first. */
  clocks: DueObligation[];
  /** Duties whose clock cannot start until the board says when they were last met. */
  clocksToSet: number;
};

const personName = (data: StoreData, id?: string) => (id ? (findRecord(data, 'person', id)?.name ?? 'Unknown') : 'No author set');

const summariseBoard = (data: StoreData, board: Board, today: string, holidays: HolidaySet): BoardSummary => {
  const tor = currentTor(data, board.id, today);
  const meeting = nextMeeting(data, board.id, today);
  const actions = listRecords(data, 'action').filter((a) => a.boardId === board.id && a.status !== 'done');
  const clearDays = tor?.paperDeadlineWorkingDays ?? 5;
  let next: BoardSummary['nextMeeting'];
  if (meeting) {
    const items = recordsWhere(data, 'agendaItem', 'meetingId', meeting.id);
    const deadline = paperDeadline(meeting.date, clearDays, holidays);
    next = {
      id: meeting.id,
      date: meeting.date,
      startTime: meeting.startTime,
      venue: meeting.venue,
      daysUntil: daysBetween(today, meeting.date),
      paperDeadline: deadline,
      daysToPaperDeadline: daysBetween(today, deadline),
      clearWorkingDays: clearDays,
      papersRequested: items.filter((i) => i.paper && i.paper.status !== 'not-needed').length,
      papersOutstanding: items
        .filter((i) => i.paper?.status === 'requested')
        .sort((a, b) => compareCodes(a.order, b.order))
        .map((i) => ({ agendaItemId: i.id, title: i.title, author: personName(data, i.paper?.authorPersonId), status: 'requested' as const })),
      deepDiveThemes: recordsWhere(data, 'deepDive', 'meetingId', meeting.id)
        .map((d) => d.theme),
      deepDivesExpected: tor?.deepDivesPerMeeting ?? 0,
    };
  }
  return {
    boardId: board.id,
    name: board.name,
    shortName: board.shortName,
    nextMeeting: next,
    openActions: actions.length,
    overdueActions: actions.filter((a) => isOverdue(a, today)).length,
    torReview: tor ? { date: tor.reviewDate, daysUntil: daysBetween(today, tor.reviewDate) } : undefined,
    hasTermsOfReference: Boolean(tor),
  };
};

const summariseProtocols = (data: StoreData, today: string): ProtocolSummary[] =>
  listRecords(data, 'protocol').flatMap((p) => {
    const latest = recordsWhere(data, 'protocolVersion', 'protocolId', p.id)
      .sort((a, b) => b.version - a.version)[0];
    if (!latest) return [];
    const answered = new Set(listRecords(data, 'commentResponse').map((r) => r.commentId));
    const signed = new Set(recordsWhere(data, 'signOff', 'protocolVersionId', latest.id).map((s) => s.boardId));
    return [
      {
        protocolId: p.id,
        title: p.title,
        version: latest.version,
        status: latest.status,
        parties: p.partyBoardIds.length,
        signedBy: p.partyBoardIds.filter((b) => signed.has(b)).length,
        openComments: listRecords(data, 'protocolComment').filter((c) => c.protocolVersionId === latest.id && !answered.has(c.id)).length,
        reviewDate: p.reviewDate,
        reviewDaysUntil: daysBetween(today, p.reviewDate),
      },
    ];
  });

export const buildDashboard = (data: StoreData, today: string, holidays: HolidaySet): Dashboard => ({
  today,
  partnershipName: listRecords(data, 'partnership')[0]?.name ?? '',
  boards: listRecords(data, 'board')
    .filter((b) => !b.closedOn)
    .sort((a, b) => compareEnglish(a.name, b.name))
    .map((b) => summariseBoard(data, b, today, holidays)),
  protocols: summariseProtocols(data, today),
  planFindings: planFindings(data, today, holidays),
  ...clocksSoon(obligationsOf(data, today, holidays)),
});

const clocksSoon = (all: DueObligation[]) => ({
  clocks: all.filter((o) => o.status === 'overdue' || (o.status === 'due' && (o.daysLeft ?? Infinity) <= CLOCKS_AHEAD_DAYS)),
  clocksToSet: all.filter((o) => o.status === 'not-set').length,
});
