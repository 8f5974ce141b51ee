import type { Board } from '../schema/records';
import { clip } from './words';
import { findRecord, recordsWhere, type StoreData } from '../data';
import { formatUkDate } from './dates';
import { ukDateOf } from '../clock';
import type { PlanFinding } from './planChecks';

export type SlipKind = 'meeting-date-passed' | 'action-due-before-raised' | 'recorded-in-future' | 'decided-at-other-meeting' | 'signed-before-comments';

/**
 * Slips in the record that Quorum says rather than silently keeps (on the dashboard, on the
 * planner and in `quorum check`): a meeting still "planned" after its date, an action due before
 * the meeting that raised it, something that records the past dated in the future, an approval or
 * sign-off said to be at a meeting held on another day or not held yet, a sign-off dated before
 * the partner comments it answers.
 */
export const recordSlips = (data: StoreData, board: Board, today: string): PlanFinding[] => {
  const out: PlanFinding[] = [];
  const slip = (kind: SlipKind, message: string, extra: Partial<PlanFinding> = {}) => out.push({ kind, boardId: board.id, message: `${board.shortName}: ${message}`, ...extra });
  const meetings = recordsWhere(data, 'meeting', 'boardId', board.id);
  for (const m of meetings)
    if ((m.status === 'planned' || m.status === 'agenda-published') && m.date < today)
      slip('meeting-date-passed', `the meeting of ${formatUkDate(m.date)} is still shown as planned though its date has passed; mark it as held, or cancel it.`, { meetingId: m.id });
  for (const a of recordsWhere(data, 'action', 'boardId', board.id)) {
    const raised = a.meetingId ? findRecord(data, 'meeting', a.meetingId) : undefined;
    if (raised && a.status !== 'done' && a.dueDate < raised.date)
      slip('action-due-before-raised', `the action “${clip(a.text, 80)}” is due on ${formatUkDate(a.dueDate)}, before the meeting that raised it (${formatUkDate(raised.date)}).`, { meetingId: raised.id });
  }
  const decidedAt = (what: string, date: string, meetingId: string | undefined) => {
    if (date > today) slip('recorded-in-future', `${what} is dated ${formatUkDate(date)}, in the future; it takes effect only from that day. Check the date.`);
    const m = meetingId ? findRecord(data, 'meeting', meetingId) : undefined;
    if (m && m.date !== date) slip('decided-at-other-meeting', `${what} is dated ${formatUkDate(date)} but recorded at the meeting of ${formatUkDate(m.date)}.`, { meetingId: m.id });
    else if (m && (m.date > today || m.status === 'planned' || m.status === 'agenda-published' || m.status === 'cancelled'))
      slip('decided-at-other-meeting', `${what} is recorded at the meeting of ${formatUkDate(m.date)}, which has not been held.`, { meetingId: m.id });
  };
  for (const t of recordsWhere(data, 'tor', 'boardId', board.id)) if (t.approval) decidedAt(`approval of version ${t.version} of the terms of reference`, t.approval.date, t.approval.meetingId);
  for (const s of recordsWhere(data, 'signOff', 'boardId', board.id)) {
    const v = findRecord(data, 'protocolVersion', s.protocolVersionId);
    decidedAt(`the sign-off of version ${v?.version ?? '?'} of the protocol`, s.date, s.meetingId);
    // A sign-off answers the consultation: one dated before partners commented cannot have considered them.
    const later = recordsWhere(data, 'protocolComment', 'protocolVersionId', s.protocolVersionId).filter((c) => ukDateOf(c.madeAt) > s.date);
    if (later.length)
      slip('signed-before-comments', `the sign-off of version ${v?.version ?? '?'} of the protocol is dated ${formatUkDate(s.date)}, before ${later.length} partner comment${later.length === 1 ? ' on it was' : 's on it were'} made (the last on ${formatUkDate(later.map((c) => ukDateOf(c.madeAt)).sort().at(-1)!)}). Check the date.`);
  }
  for (const m of meetings)
    for (const i of recordsWhere(data, 'agendaItem', 'meetingId', m.id))
      if (i.paper?.receivedOn && i.paper.receivedOn > today) slip('recorded-in-future', `the paper for “${clip(i.title, 80)}” (${formatUkDate(m.date)}) is recorded as received on ${formatUkDate(i.paper.receivedOn)}, in the future.`, { meetingId: m.id });
  return out;
};
