import { listRecords, type StoreData } from '../../shared/data';
import type { Board } from '../../shared/schema/records';
import { matchBoard, placeWords } from '../../shared/imports/boardNames';
import { QuorumFailure } from '../../shared/result';

/**
 * The board a `--board` option names, for every verb that takes one: its id, its name or short
 * name, or as loosely as a people sheet names it ("the Children's Trust", "SCP", "Westmoor HWB"),
 * since an IT colleague's script has the name to hand, not `board:7f3a…`. A closed board is found
 * by its id or exact name where the verb reads history (`open: false`); a name Quorum is only
 * unsure of is refused with the board it probably means, never guessed.
 */
export const boardOption = (data: StoreData, given: string, opts: { open?: boolean } = {}): Board => {
  const boards = listRecords(data, 'board');
  const choosable = opts.open ? boards.filter((b) => !b.closedOn) : boards;
  const plain = given.trim().toLowerCase();
  const exact = choosable.find((b) => b.id.toLowerCase() === plain || b.name.toLowerCase() === plain || b.shortName.toLowerCase() === plain);
  if (exact) return exact;
  const partnership = listRecords(data, 'partnership')[0];
  const found = matchBoard(given, boards, placeWords(partnership?.name ?? '', partnership?.area ?? ''));
  if (found.board) return found.board;
  const named = choosable.map((b) => `${b.shortName} (${b.id}${b.closedOn ? ', closed' : ''})`).join(', ');
  throw new QuorumFailure(
    'not-found',
    `There is no ${opts.open ? 'open ' : ''}board “${given}”${found.didYouMean ? ` (did you mean ${found.didYouMean.shortName}?)` : ''}; the boards are: ${named || 'none yet'}`,
  );
};
