import type { Board, DeepDive, ForwardPlanItem, Meeting } from '../schema/records';
import { findRecord, listRecords, recordsWhere, type StoreData } from '../data';
import { addDays, formatUkDate, type HolidaySet } from './dates';
import { boardMeetings, currentTor } from './boards';
import { meetingPaperDeadline } from './papers';
import { recordSlips, type SlipKind } from './slips';
import { compareEnglish } from './textOrder';

export type PlanFinding = {
  kind:
    | 'deep-dives-short'
    | 'deep-dives-over'
    | 'theme-repeated'
    | 'deep-dive-no-lead'
    | 'briefing-empty'
    | 'meetings-per-year-short'
    | 'paper-overdue'
    | 'follow-up-due'
    | SlipKind;
  boardId: Board['id'];
  message: string;
  meetingId?: Meeting['id'];
  deepDiveId?: DeepDive['id'];
  forwardPlanItemId?: ForwardPlanItem['id'];
};

/** How far ahead the checks look: the planner's two years. */
export const PLAN_HORIZON_DAYS = 730;
/** A follow-up this close is due: it needs to be on an agenda now. */
const FOLLOW_UP_NOTICE_DAYS = 60;

const upcoming = (m: Meeting, today: string) => m.date >= today && (m.status === 'planned' || m.status === 'agenda-published');

/** Deep dives placed at a meeting that still count towards it (a closed one was dropped). */
export const deepDivesAt = (data: StoreData, meetingId: string) => recordsWhere(data, 'deepDive', 'meetingId', meetingId as DeepDive['meetingId']).filter((d) => d.status !== 'closed');

/**
 * The forward plan and deep-dive schedule checked against the terms of reference: meetings with
 * fewer deep dives than the ToR asks, a board planning fewer meetings in the next twelve months
 * than the ToR sets, forward plan items whose paper deadline has passed with no paper, and deep-dive
 * follow-ups that fall due. Given `onlyMeeting` (pre-flight for one pack), only what concerns that
 * meeting is checked.
 */
export const planFindings = (data: StoreData, today: string, holidays: HolidaySet, onlyMeeting?: Meeting): PlanFinding[] => {
  const out: PlanFinding[] = [];
  const boards = onlyMeeting ? [findRecord(data, 'board', onlyMeeting.boardId)].filter((b): b is Board => Boolean(b)) : listRecords(data, 'board').filter((b) => !b.closedOn);
  const concerns = (meetingId: string | undefined) => !onlyMeeting || meetingId === onlyMeeting.id;
  for (const board of boards.sort((a, b) => compareEnglish(a.name, b.name))) {
    const tor = currentTor(data, board.id, today);
    const meetings = onlyMeeting ? [onlyMeeting] : boardMeetings(data, board.id);
    if (tor) {
      for (const m of meetings.filter((x) => upcoming(x, today) && x.date <= addDays(today, PLAN_HORIZON_DAYS))) {
        const dives = deepDivesAt(data, m.id);
        const placed = dives.length;
        if (placed > tor.deepDivesPerMeeting)
          out.push({ kind: 'deep-dives-over', boardId: board.id, meetingId: m.id, message: `${board.shortName}, ${formatUkDate(m.date)}: ${placed} deep dives scheduled; the terms of reference allow ${tor.deepDivesPerMeeting} a meeting.` });
        for (const d of dives) {
          if (!d.leadPersonId) out.push({ kind: 'deep-dive-no-lead', boardId: board.id, meetingId: m.id, deepDiveId: d.id, message: `${board.shortName}, ${formatUkDate(m.date)}: the deep dive on “${d.theme}” has no lead.` });
          if (!d.whyNow.trim() && d.linesOfEnquiry.length === 0)
            out.push({ kind: 'briefing-empty', boardId: board.id, meetingId: m.id, deepDiveId: d.id, message: `${board.shortName}, ${formatUkDate(m.date)}: the briefing for “${d.theme}” is empty (no why now, no lines of enquiry); the pack would print “Not given”.` });
          const key = d.theme.trim().toLowerCase();
          const earlier = recordsWhere(data, 'deepDive', 'boardId', board.id)
            .filter((x) => x.id !== d.id && x.meetingId && x.theme.trim().toLowerCase() === key)
            .map((x) => findRecord(data, 'meeting', x.meetingId!))
            .find((x) => x && x.status !== 'cancelled' && Math.abs(Date.parse(x.date) - Date.parse(m.date)) < 365 * 86_400_000);
          if (earlier) out.push({ kind: 'theme-repeated', boardId: board.id, meetingId: m.id, deepDiveId: d.id, message: `${board.shortName}, ${formatUkDate(m.date)}: “${d.theme}” is also the deep dive at ${formatUkDate(earlier.date)}, within twelve months.` });
        }
        if (placed < tor.deepDivesPerMeeting)
          out.push({ kind: 'deep-dives-short', boardId: board.id, meetingId: m.id, message: `${board.shortName}, ${formatUkDate(m.date)}: ${placed} of ${tor.deepDivesPerMeeting} deep dive${tor.deepDivesPerMeeting === 1 ? '' : 's'} scheduled, as the terms of reference ask.` });
      }
      const yearAhead = meetings.filter((m) => m.date >= today && m.date < addDays(today, 365)).length;
      if (!onlyMeeting && yearAhead < tor.meetingsPerYear)
        out.push({ kind: 'meetings-per-year-short', boardId: board.id, message: `${board.shortName}: ${yearAhead} meeting${yearAhead === 1 ? '' : 's'} planned in the next twelve months; the terms of reference ask for ${tor.meetingsPerYear} a year.` });
    }
    for (const f of recordsWhere(data, 'forwardPlanItem', 'boardId', board.id).filter((x) => x.meetingId && concerns(x.meetingId) && x.status !== 'deferred' && x.status !== 'received')) {
      const m = findRecord(data, 'meeting', f.meetingId!);
      if (!m || !upcoming(m, today)) continue;
      const deadline = meetingPaperDeadline(data, m, holidays);
      const onAgenda = recordsWhere(data, 'agendaItem', 'forwardPlanItemId', f.id)[0];
      const paperIn = onAgenda?.paper?.status === 'received' && onAgenda.paper.body.trim().length > 0;
      if (deadline < today && !paperIn)
        out.push({ kind: 'paper-overdue', boardId: board.id, meetingId: m.id, forwardPlanItemId: f.id, message: `${board.shortName}, ${formatUkDate(m.date)}: no paper yet for “${f.title}”; the deadline was ${formatUkDate(deadline)}.` });
    }
    if (!onlyMeeting) out.push(...recordSlips(data, board, today));
    for (const d of recordsWhere(data, 'deepDive', 'boardId', board.id).filter((x) => x.followUpMeetingId && concerns(x.followUpMeetingId) && x.status !== 'closed')) {
      const m = findRecord(data, 'meeting', d.followUpMeetingId!);
      if (m && m.date <= addDays(today, FOLLOW_UP_NOTICE_DAYS) && (m.date >= today || m.status !== 'held'))
        out.push({ kind: 'follow-up-due', boardId: board.id, meetingId: m.id, deepDiveId: d.id, message: `${board.shortName}: the follow-up to the deep dive on “${d.theme}” is due at the meeting of ${formatUkDate(m.date)}.` });
    }
  }
  return out;
};
