import { z } from 'zod';
import type { Action, Board, Meeting, Person } from '../schema/records';
import { getRecord, listRecords, type StoreData } from '../data';
import { boardMeetings, nextMeeting } from '../rules/boards';
import { formatUkDate } from '../rules/dates';
import { DATE_HINT, parseUkDate } from './dates';
import { cellOf, columnName, filledRows, mapColumns, nearest, sameName, type ColumnSpec, type RowProblem, type SheetTable } from './table';

/**
 * Open actions from a board's existing action log. Owners are matched to people by email or
 * name; the meeting of origin, when the log gives its date, to the board's meeting on that day.
 * Actions already done are left out (the log in Quorum is of open actions); one already on the
 * board's log with the same owner and text is not added twice, so the same log can be imported
 * again after a correction.
 */
export const ACTION_COLUMNS = {
  text: { label: 'Action', names: ['action', 'actions', 'action text', 'description', 'action description', 'what'], required: true },
  owner: { label: 'Owner', names: ['owner', 'action owner', 'lead', 'responsible', 'who', 'assigned to', 'by whom'], required: true },
  dueDate: { label: 'Due date', names: ['due date', 'due', 'deadline', 'by when', 'target date', 'date due'] },
  status: { label: 'Status', names: ['status', 'rag', 'progress', 'state'] },
  meeting: { label: 'Meeting', names: ['meeting', 'meeting date', 'date raised', 'raised', 'date of meeting', 'date agreed', 'meeting of origin'] },
} as const satisfies ColumnSpec<string>;

export const actionsImportInput = {
  leaveOutRefused: z.boolean().default(false),
};

type Status = Action['status'];
const STATUS_WORDS: [RegExp, Status | 'closed'][] = [
  [/^(done|complete|completed|closed|finished|achieved|green complete|blue)$/i, 'closed'],
  [/^(in progress|ongoing|underway|under way|started|amber|green|on track)$/i, 'in-progress'],
  [/^(open|new|not started|red|outstanding|overdue|to do|todo|)$/i, 'open'],
];

export type ActionsImportPlan = {
  board: string;
  rows: number;
  add: { row: number; text: string; ownerPersonId: Person['id']; owner: string; dueDate: string; status: Status; meetingId?: Meeting['id']; meeting?: string; note?: string }[];
  alreadyOnLog: { row: number; text: string }[];
  done: { row: number; text: string }[];
  refused: RowProblem[];
  ignoredColumns: string[];
};

export const planActionsImport = (data: StoreData, input: { boardId: Board['id']; table: SheetTable }, today: string): ActionsImportPlan => {
  const { table } = input;
  const board = getRecord(data, 'board', input.boardId, 'That board no longer exists');
  const cols = mapColumns(table, ACTION_COLUMNS, 'an action log');
  const col = (k: keyof typeof ACTION_COLUMNS) => columnName(table, cols, k);
  const people = listRecords(data, 'person').filter((p) => !p.retiredOn);
  const meetings = boardMeetings(data, board.id);
  const existing = listRecords(data, 'action').filter((a) => a.boardId === board.id);
  const rows = filledRows(table);
  const plan: ActionsImportPlan = { board: board.shortName, rows: rows.length, add: [], alreadyOnLog: [], done: [], refused: [], ignoredColumns: cols.ignored };
  const fallbackDue = nextMeeting(data, board.id, today);

  for (const r of rows) {
    const refuse = (column: string, message: string) => plan.refused.push({ row: r.row, column, message });
    const text = cellOf(r, cols, 'text');
    if (!text) {
      refuse(col('text'), 'there is no action');
      continue;
    }
    if (text.length > 2000) {
      refuse(col('text'), 'keep an action under 2,000 characters');
      continue;
    }
    const statusCell = cellOf(r, cols, 'status');
    const status = STATUS_WORDS.find(([re]) => re.test(statusCell.trim()))?.[1];
    if (!status) {
      refuse(col('status'), `“${statusCell}” is not a status Quorum knows: use open, in progress or done`);
      continue;
    }
    if (status === 'closed') {
      plan.done.push({ row: r.row, text });
      continue;
    }
    const ownerCell = cellOf(r, cols, 'owner');
    const owner = people.find((p) => (p.email && p.email.toLowerCase() === ownerCell.toLowerCase()) || sameName(p.name, ownerCell));
    if (!owner) {
      const guess = ownerCell ? nearest(ownerCell, people.map((p) => p.name)) : undefined;
      refuse(col('owner'), ownerCell ? `“${ownerCell}” is not a person in the partnership${guess ? ` (did you mean ${guess}?)` : ''}: add them on the People and boards screen first` : 'every action needs an owner');
      continue;
    }
    const dueCell = cellOf(r, cols, 'dueDate');
    let dueDate = dueCell && !/^(tbc|tba|n\/?a|ongoing|-)$/i.test(dueCell) ? parseUkDate(dueCell) : undefined;
    let note: string | undefined;
    if (dueCell && !dueDate && !/^(tbc|tba|n\/?a|ongoing|-)$/i.test(dueCell)) {
      refuse(col('dueDate'), `“${dueCell}” is not a date: ${DATE_HINT}`);
      continue;
    }
    if (!dueDate) {
      if (!fallbackDue) {
        refuse(col('dueDate'), `there is no due date, and the ${board.shortName} has no planned meeting to make it due at`);
        continue;
      }
      dueDate = fallbackDue.date;
      note = `no due date in the log: due at the next meeting (${formatUkDate(dueDate)})`;
    }
    const meetingCell = cellOf(r, cols, 'meeting');
    let meeting: Meeting | undefined;
    if (meetingCell) {
      const date = parseUkDate(meetingCell);
      if (!date) {
        refuse(col('meeting'), `“${meetingCell}” is not a meeting date: ${DATE_HINT}`);
        continue;
      }
      meeting = meetings.find((m) => m.date === date);
      if (!meeting) note = [note, `the meeting of ${formatUkDate(date)} is not in Quorum; kept without it`].filter(Boolean).join('; ');
    }
    if (existing.some((a) => a.ownerPersonId === owner.id && sameName(a.text, text))) {
      plan.alreadyOnLog.push({ row: r.row, text });
      continue;
    }
    plan.add.push({ row: r.row, text, ownerPersonId: owner.id, owner: owner.name, dueDate, status, ...(meeting ? { meetingId: meeting.id, meeting: formatUkDate(meeting.date) } : {}), ...(note ? { note } : {}) });
  }
  return plan;
};
