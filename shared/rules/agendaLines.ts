import type { AgendaLine } from '../views';
import { findRecord, type StoreData } from '../data';
import { meetingItems, numberedAgenda } from './agenda';
import type { AgendaItem, Board } from '../schema/records';
import { clearanceStates, clearanceSummary } from './clearance';
import { QuorumFailure } from '../result';

const line = (data: StoreData, item: AgendaItem, number: number, board: Board | undefined): AgendaLine => {
  const needs = board ? clearanceStates(data, board, item).map(({ key, label, state }) => ({ key, label, state })) : [];
  return {
  id: item.id,
  rev: item.rev,
  number,
  title: item.title,
  purpose: item.purpose,
  standing: Boolean(item.standing),
  part2: item.part2 ?? null,
  paper: item.paper
    ? {
        status: item.paper.status,
        receivedOn: item.paper.receivedOn ?? null,
        author: (item.paper.authorPersonId && findRecord(data, 'person', item.paper.authorPersonId)?.name) || item.paper.coverSheet.author || null,
        coverSheet: item.paper.coverSheet,
        bodyCharacters: item.paper.body.length,
      }
    : null,
  clearance: { summary: clearanceSummary(needs), complete: needs.every((n) => n.state === 'cleared'), needs },
  };
};

/** The meeting's agenda numbered as the pack numbers it (Part 2 last). */
export const agendaLines = (data: StoreData, meetingId: string): AgendaLine[] => {
  if (!findRecord(data, 'meeting', meetingId)) throw new QuorumFailure('not-found', `There is no meeting with id ${meetingId}`);
  const board = findRecord(data, 'board', findRecord(data, 'meeting', meetingId)!.boardId);
  return numberedAgenda(meetingItems(data, meetingId as AgendaItem['meetingId'])).map(({ item, number }) => line(data, item, number, board));
};

export const agendaLine = (data: StoreData, agendaItemId: string): AgendaLine => {
  const item = findRecord(data, 'agendaItem', agendaItemId);
  if (!item) throw new QuorumFailure('not-found', 'That agenda item no longer exists');
  return agendaLines(data, item.meetingId).find((l) => l.id === agendaItemId)!;
};
