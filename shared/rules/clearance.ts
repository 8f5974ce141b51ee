import type { AgendaItem, Board, Clearance, ClearanceRule, PaperKind } from '../schema/records';
import { recordsWhere, type StoreData } from '../data';
import { fingerprintOf } from './fingerprint';
import { wordDiff, type WordDiff } from '../team/conflicts';
import { compareCodes } from './textOrder';

/**
 * Clearance (docs/ARCHITECTURE.md, clearance): which of the board's clearances a paper needs, and
 * whether each holds on the paper as it stands. A clearance is of a text: once the cover sheet or
 * the report changes, it no longer holds, and the words that changed are shown.
 */

/** The kind of paper an item carries, as a board's clearance rules name them. */
export const paperKindOf = (item: Pick<AgendaItem, 'purpose' | 'deepDiveId'>): PaperKind =>
  item.deepDiveId ? 'deep-dive' : item.purpose === 'decision' ? 'decision' : item.purpose === 'discussion' ? 'assurance' : 'information';

export { PAPER_KIND_LABEL } from './labels';

/** The words a clearance is given on: the cover sheet's and the report's, as the board will read them. */
export const clearedText = (item: Pick<AgendaItem, 'title' | 'paper'>): string => {
  const p = item.paper;
  if (!p) return '';
  const c = p.coverSheet;
  return [
    item.title,
    c.executiveSummary,
    ...c.recommendations.map((r) => `Recommendation: ${r}`),
    ...(['finance', 'legal', 'equalities', 'risk'] as const).filter((k) => c.implications[k].trim()).map((k) => `${k[0].toUpperCase()}${k.slice(1)} implications: ${c.implications[k]}`),
    ...(c.implications.voiceOfChild?.trim() ? [`The voice of the child: ${c.implications.voiceOfChild}`] : []),
    p.body,
  ]
    .filter((t) => t.trim())
    .join('\n\n');
};

export const paperFingerprint = (item: Pick<AgendaItem, 'title' | 'paper'>): string => fingerprintOf(clearedText(item));

/** The clearances a board asks of a paper of this item's kind. */
export const rulesFor = (board: Pick<Board, 'clearanceRules'>, item: Pick<AgendaItem, 'purpose' | 'deepDiveId' | 'standing' | 'paper' | 'decisionsReport'>): ClearanceRule[] => {
  // Standing items' papers and the secretariat's own report of decisions between meetings are not cleared.
  if (item.standing || item.decisionsReport || !item.paper || item.paper.status === 'not-needed') return [];
  const kind = paperKindOf(item);
  return (board.clearanceRules ?? []).filter((r) => r.paperKinds.includes(kind));
};

export type ClearanceState = {
  key: string;
  label: string;
  /** cleared: on the text as it stands; reset: cleared on an earlier text; missing: never cleared. */
  state: 'cleared' | 'reset' | 'missing';
  latest?: Pick<Clearance, 'clearedBy' | 'on' | 'comment' | 'via'>;
  /** For a reset: what changed since it was cleared, word by word. */
  changes?: WordDiff;
};

export const clearancesOf = (data: StoreData, itemId: AgendaItem['id']): Clearance[] =>
  recordsWhere(data, 'clearance', 'agendaItemId', itemId).sort((a, b) => compareCodes(a.on, b.on) || compareCodes(a.updatedAt, b.updatedAt));

/** Each clearance the paper needs, and whether it holds on the paper's present text. */
export const clearanceStates = (data: StoreData, board: Pick<Board, 'clearanceRules'>, item: AgendaItem): ClearanceState[] => {
  const rules = rulesFor(board, item);
  if (!rules.length) return [];
  const given = clearancesOf(data, item.id);
  const now = paperFingerprint(item);
  return rules.map((r) => {
    const latest = given.filter((g) => g.key === r.key).at(-1);
    if (!latest) return { key: r.key, label: r.label, state: 'missing' as const };
    const info = { clearedBy: latest.clearedBy, on: latest.on, comment: latest.comment, via: latest.via };
    if (latest.cleared.fingerprint === now) return { key: r.key, label: r.label, state: 'cleared' as const, latest: info };
    return { key: r.key, label: r.label, state: 'reset' as const, latest: info, changes: wordDiff(latest.cleared.text, clearedText(item)) };
  });
};

/** What a change to a paper reset, for its journal entry: "; it resets the finance clearance". */
export const clearancesReset = (data: StoreData, before: AgendaItem, after: AgendaItem): string => {
  const meeting = data.records[before.meetingId];
  const board = meeting?.type === 'meeting' ? data.records[meeting.boardId] : undefined;
  if (board?.type !== 'board' || paperFingerprint(before) === paperFingerprint(after)) return '';
  const held = clearanceStates(data, board, before).filter((s) => s.state === 'cleared');
  if (!held.length) return '';
  return `; the text changed, so the ${held.map((s) => s.label.toLowerCase()).join(' and ')} clearance${held.length === 1 ? '' : 's'} must be given again`;
};

/** "Finance and legal cleared; police lead officer missing": the state at a glance, for the paper list and the pack screen. */
export const clearanceSummary = (states: readonly ClearanceState[]): string => {
  if (!states.length) return 'No clearance needed';
  if (states.every((s) => s.state === 'cleared')) return `Cleared (${states.map((s) => s.label).join(', ')})`;
  const waiting = states.filter((s) => s.state !== 'cleared');
  return `Waiting: ${waiting.map((s) => `${s.label}${s.state === 'reset' ? ' (reset by a change)' : ''}`).join(', ')}`;
};
