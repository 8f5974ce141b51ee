import type { Board, DeepDive, ForwardPlanItem, Meeting } from '../schema/records';
import type { RecordId } from '../schema/common';
import { findRecord, getRecord, listRecords, type StoreData } from '../data';
import { addDays, type HolidaySet } from './dates';
import { boardMeetings, currentTor } from './boards';
import { meetingPaperDeadline } from './papers';
import { personName } from './people';
import { deepDivesAt, PLAN_HORIZON_DAYS, planFindings, type PlanFinding } from './planChecks';
import { compareCodes, compareEnglish } from './textOrder';

export type DeepDiveCard = Pick<DeepDive, 'id' | 'rev' | 'theme' | 'status' | 'whyNow' | 'linesOfEnquiry' | 'evidence' | 'outcomes' | 'recommendations' | 'presenterIds'> & {
  meetingId: RecordId<'meeting'> | null;
  leadPersonId: RecordId<'person'> | null;
  lead: string;
  followUpMeetingId: RecordId<'meeting'> | null;
};

export type PlannerView = {
  board: { id: Board['id']; name: string; shortName: string };
  deepDivesPerMeeting: number;
  meetingsPerYear: number;
  /** Meetings from today across the planner's two years, each with its deep dives and the ToR check. */
  /** `short`: fewer deep dives than the ToR asks of a meeting; `over`: more than it allows. */
  meetings: { id: Meeting['id']; date: string; status: Meeting['status']; deepDives: DeepDiveCard[]; short: boolean; over: boolean }[];
  unscheduled: DeepDiveCard[];
  /** Themes examined in the last 24 months, so repeats and gaps show. */
  coveredRecently: { theme: string; date: string; status: DeepDive['status'] }[];
  findings: PlanFinding[];
  people: { id: RecordId<'person'>; name: string }[];
  /** Every meeting of the board (for follow-ups at a later meeting). */
  allMeetings: { id: RecordId<'meeting'>; date: string }[];
};

const card = (data: StoreData, d: DeepDive): DeepDiveCard => ({
  id: d.id,
  rev: d.rev,
  theme: d.theme,
  status: d.status,
  whyNow: d.whyNow,
  linesOfEnquiry: d.linesOfEnquiry,
  evidence: d.evidence,
  outcomes: d.outcomes,
  recommendations: d.recommendations,
  presenterIds: d.presenterIds,
  meetingId: d.meetingId ?? null,
  leadPersonId: d.leadPersonId ?? null,
  lead: personName(data, d.leadPersonId),
  followUpMeetingId: d.followUpMeetingId ?? null,
});

export const plannerView = (data: StoreData, boardId: string, today: string, holidays: HolidaySet): PlannerView => {
  const board = getRecord(data, 'board', boardId);
  const tor = currentTor(data, board.id, today);
  const required = tor?.deepDivesPerMeeting ?? 0;
  const meetings = boardMeetings(data, board.id);
  const horizon = addDays(today, PLAN_HORIZON_DAYS);
  return {
    board: { id: board.id, name: board.name, shortName: board.shortName },
    deepDivesPerMeeting: required,
    meetingsPerYear: tor?.meetingsPerYear ?? 0,
    meetings: meetings
      .filter((m) => m.date >= today && m.date <= horizon)
      .map((m) => {
        const dives = deepDivesAt(data, m.id).map((d) => card(data, d));
        const open = m.status === 'planned' || m.status === 'agenda-published';
        return { id: m.id, date: m.date, status: m.status, deepDives: dives, short: open && dives.length < required, over: required > 0 && dives.length > required };
      }),
    unscheduled: listRecords(data, 'deepDive')
      .filter((d) => d.boardId === board.id && !d.meetingId && d.status !== 'closed')
      .sort((a, b) => compareEnglish(a.theme, b.theme))
      .map((d) => card(data, d)),
    coveredRecently: listRecords(data, 'deepDive')
      .filter((d) => d.boardId === board.id && d.meetingId)
      .map((d) => ({ d, m: findRecord(data, 'meeting', d.meetingId!) }))
      .filter(({ m }) => m && m.date < today && m.date >= addDays(today, -730))
      .sort((a, b) => compareCodes(b.m!.date, a.m!.date))
      .map(({ d, m }) => ({ theme: d.theme, date: m!.date, status: d.status })),
    findings: planFindings(data, today, holidays).filter((f) => f.boardId === board.id),
    people: listRecords(data, 'person')
      .filter((p) => !p.retiredOn)
      .map((p) => ({ id: p.id, name: p.name }))
      .sort((a, b) => compareEnglish(a.name, b.name)),
    allMeetings: meetings.map((m) => ({ id: m.id, date: m.date })),
  };
};

export type ForwardPlanRow = {
  id: ForwardPlanItem['id'];
  rev: number;
  boardId: Board['id'];
  board: string;
  title: string;
  kind: ForwardPlanItem['kind'];
  authorPersonId: RecordId<'person'> | null;
  author: string;
  meetingId: RecordId<'meeting'> | null;
  meetingDate: string | null;
  paperDeadline: string | null;
  origin: string;
  status: ForwardPlanItem['status'];
  deferredReason: string;
  keyDecision: boolean;
  /**
   * For a key decision of a board that follows the council's rules: the last day to publish the
   * notice, 28 clear days before the meeting (Local Authorities (Executive Arrangements) (Meetings
   * and Access to Information) (England) Regulations 2012, reg. 9).
   */
  keyDecisionNoticeBy: string | null;
};

export type ForwardPlanFilter = { boardId?: string; authorPersonId?: string; status?: ForwardPlanItem['status'] };

/** The forward plan across the boards, soonest meeting first, unscheduled items last. */
export const forwardPlanView = (data: StoreData, holidays: HolidaySet, filter: ForwardPlanFilter = {}): ForwardPlanRow[] =>
  listRecords(data, 'forwardPlanItem')
    .filter((f) => (!filter.boardId || f.boardId === filter.boardId) && (!filter.authorPersonId || f.authorPersonId === filter.authorPersonId) && (!filter.status || f.status === filter.status))
    .map((f) => {
      const board = getRecord(data, 'board', f.boardId);
      const m = f.meetingId ? findRecord(data, 'meeting', f.meetingId) : undefined;
      return {
        id: f.id,
        rev: f.rev,
        boardId: board.id,
        board: board.shortName,
        title: f.title,
        kind: f.kind,
        authorPersonId: f.authorPersonId ?? null,
        author: personName(data, f.authorPersonId),
        meetingId: m?.id ?? null,
        meetingDate: m?.date ?? null,
        paperDeadline: m ? meetingPaperDeadline(data, m, holidays) : null,
        origin: f.origin,
        status: f.status,
        deferredReason: f.deferredReason,
        keyDecision: f.keyDecision,
        keyDecisionNoticeBy: f.keyDecision && m && board.rules === 'council-committee' ? addDays(m.date, -29) : null,
      };
    })
    .sort((a, b) => compareCodes(a.meetingDate ?? '9999', b.meetingDate ?? '9999') || compareEnglish(a.board, b.board) || compareEnglish(a.title, b.title));
