import { z } from 'zod';
import { expectedRev, line, noInput, recordId } from '../schema/common';
import { BOARD_KINDS, BOARD_RULES, type Board } from '../schema/records';
import { getRecord, listRecords } from '../data';
import { QuorumFailure } from '../result';
import { ChangeSet } from '../kernel/changeSet';
import { mutation, query } from '../kernel/operation';
import { DEFAULT_STANDING_ITEMS } from '../rules/boards';
import { standardsFor } from '../rules/paperStandards';
import type { BoardOption } from '../views';

/**
 * The partnership's boards: added, renamed, and closed when one stops meeting (its meetings,
 * minutes and actions stay; it leaves the checks and the pickers). Whether council
 * access-to-information rules apply is set per board (LGA 1972 s.100B, Schedule 12A).
 */
const boardFields = { name: line(200), shortName: line(40), kind: z.enum(BOARD_KINDS), rules: z.enum(BOARD_RULES) };

const clash = (boards: Board[], name: string, shortName: string, except?: string) =>
  boards.find((b) => b.id !== except && !b.closedOn && (b.name.toLowerCase() === name.toLowerCase() || b.shortName.toLowerCase() === shortName.toLowerCase()));

export const addBoard = mutation({
  name: 'boards:add',
  writes: ['board'],
  input: z.object(boardFields).strict(),
  answer: (outcome) => ({ summary: outcome.summary, boardId: outcome.changes[0].id as Board['id'] }),
  apply(data, input, ctx) {
    const twin = clash(listRecords(data, 'board'), input.name, input.shortName);
    if (twin) throw new QuorumFailure('conflict', `The partnership already has ${twin.name} (${twin.shortName})`, { name: 'A board has this name or short name' });
    const cs = new ChangeSet(data, ctx);
    cs.create<Board>({ id: ctx.newId('board'), type: 'board', ...input, standingItems: DEFAULT_STANDING_ITEMS });
    return cs.result(`Added the board ${input.name}`);
  },
});

export const updateBoard = mutation({
  name: 'boards:update',
  writes: ['board'],
  input: z.object({ boardId: recordId('board'), ...boardFields, expectedRev }).strict(),
  apply(data, { boardId, expectedRev, ...patch }, ctx) {
    const board = getRecord(data, 'board', boardId, 'That board no longer exists');
    const twin = clash(listRecords(data, 'board'), patch.name, patch.shortName, board.id);
    if (twin) throw new QuorumFailure('conflict', `The partnership already has ${twin.name} (${twin.shortName})`, { name: 'A board has this name or short name' });
    const cs = new ChangeSet(data, ctx);
    cs.update(board, patch, expectedRev);
    return cs.result(`Updated the board ${patch.name}`);
  },
});

export const closeBoard = mutation({
  name: 'boards:close',
  undoable: true,
  writes: ['board'],
  input: z.object({ boardId: recordId('board'), closed: z.boolean() }).strict(),
  apply(data, { boardId, closed }, ctx) {
    const board = getRecord(data, 'board', boardId, 'That board no longer exists');
    const cs = new ChangeSet(data, ctx);
    cs.update(board, { closedOn: closed ? (board.closedOn ?? ctx.today()) : undefined });
    return cs.result(closed ? `Closed ${board.name}: its history is kept` : `Reopened ${board.name}`);
  },
});

// Queries

/** The boards that meet: for pickers, the dashboard and the checks. */
export const listBoards = query({
  name: 'boards:list',
  input: noInput,
  reads: ['board'],
  view: (data): BoardOption[] =>
    listRecords(data, 'board')
      .filter((b) => !b.closedOn)
      .map((b) => ({ id: b.id, rev: b.rev, name: b.name, shortName: b.shortName, standingItems: b.standingItems })),
});

/** Every board, closed ones too, for setting them up. */
export const allBoards = query({
  name: 'boards:all',
  input: noInput,
  reads: ['board', 'tor', 'meeting'],
  view: (data) =>
    listRecords(data, 'board').map((b) => ({
      id: b.id,
      rev: b.rev,
      name: b.name,
      shortName: b.shortName,
      kind: b.kind,
      rules: b.rules,
      closedOn: b.closedOn ?? null,
      clearanceRules: b.clearanceRules ?? [],
      paperStandards: standardsFor(b),
      ownPaperStandards: Boolean(b.paperStandards),
      conflictPolicy: b.conflictPolicy ?? 'send',
      hasTermsOfReference: listRecords(data, 'tor').some((t) => t.boardId === b.id),
      /** Approved terms of reference: a draft (one a people sheet started, say) is a step still to finish. */
      hasApprovedTermsOfReference: listRecords(data, 'tor').some((t) => t.boardId === b.id && t.status === 'approved'),
      meetings: listRecords(data, 'meeting').filter((m) => m.boardId === b.id).length,
    })),
});
