import { actionSourceKind, actionSourceWords } from './actionSource';
import type { Action, Board, Person } from '../schema/records';
import { findRecord, listRecords, recordsWhere, type StoreData } from '../data';
import { actionRag, isOverdue, type ActionRag } from './actions';
import { personName } from './people';
import { compareCodes } from './textOrder';

export const ACTION_FILTER_STATUSES = ['open', 'in-progress', 'done', 'overdue'] as const;
export type ActionFilter = { boardId?: Board['id']; ownerPersonId?: Person['id']; status?: (typeof ACTION_FILTER_STATUSES)[number] };

export type ActionLogEntry = {
  id: Action['id'];
  rev: number;
  boardId: Board['id'];
  board: string;
  raisedAt: string | null;
  /** Where it came from, when not simply its meeting's item: "Rapid review SIN-…: …", "Section 11 audit: …". */
  source: string;
  item: string;
  text: string;
  ownerPersonId: Person['id'];
  owner: string;
  dueDate: string;
  status: Action['status'];
  overdue: boolean;
  rag: ActionRag;
  closedOn: string | null;
  updates: { text: string; status: Action['status']; madeAt: string }[];
};

/** Actions across every board's meetings, filtered as the officer asks; overdue is derived from the due date. */
export const actionLogView = (data: StoreData, today: string, filter: ActionFilter = {}): ActionLogEntry[] => {
  return listRecords(data, 'action')
    .filter((a) => !filter.boardId || a.boardId === filter.boardId)
    .filter((a) => !filter.ownerPersonId || a.ownerPersonId === filter.ownerPersonId)
    .filter((a) => !filter.status || (filter.status === 'overdue' ? isOverdue(a, today) : a.status === filter.status))
    .sort((a, b) => Number(a.status === 'done') - Number(b.status === 'done') || compareCodes(a.dueDate, b.dueDate) || compareCodes(a.id, b.id))
    .map((a) => ({
      id: a.id,
      rev: a.rev,
      boardId: a.boardId,
      board: findRecord(data, 'board', a.boardId)?.shortName ?? '',
      raisedAt: (a.meetingId && findRecord(data, 'meeting', a.meetingId)?.date) || a.raisedOn || null,
      source: actionSourceKind(data, a) === 'meeting' ? '' : actionSourceWords(data, a),
      item: (a.agendaItemId && findRecord(data, 'agendaItem', a.agendaItemId)?.title) || '',
      text: a.text,
      ownerPersonId: a.ownerPersonId,
      owner: personName(data, a.ownerPersonId),
      dueDate: a.dueDate,
      status: a.status,
      overdue: isOverdue(a, today),
      rag: actionRag(a, today),
      closedOn: a.closedOn ?? null,
      updates: recordsWhere(data, 'actionUpdate', 'actionId', a.id)
        .sort((x, y) => compareCodes(y.madeAt, x.madeAt))
        .map((u) => ({ text: u.text, status: u.status, madeAt: u.madeAt })),
    }));
};
