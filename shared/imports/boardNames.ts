import type { Board } from '../schema/records';
import { editDistance } from './table';

/**
 * A board as a membership sheet names it. Sheets are typed by hand over years: "Safeguarding
 * Partnership", "Westmoor SCP", "the Children's Trust", "HWB". A name matches a board when, with
 * case, apostrophes, the partnership's place name and the words every board name carries
 * ("Board", "Partnership", "the") set aside, it is the board's name or short name, or their
 * initials. Anything less certain is a "did you mean", never a silent guess.
 */

type BoardKind = Board['kind'];

/** Words that say "a board" without saying which one. */
const GENERIC = new Set(['the', 'board', 'partnership', 'local', 'and', 'of', 'for', 'committee', 'group', 'meeting']);

const words = (s: string): string[] =>
  s
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);

/** The place words of the partnership ("Westmoor", "North Eastmere"), set aside when names are compared. */
export const placeWords = (partnershipName: string, area = ''): Set<string> => {
  const place = new Set(words(area));
  // "Westmoor Children and Families Partnership": the words before the first that describes the work.
  for (const w of words(partnershipName)) {
    if (/^(children|childrens|safeguarding|health|families|family|young|adults|community|partnership|board|trust)$/.test(w)) break;
    place.add(w);
  }
  return place;
};

/** The words that say which board this is: "Westmoor Safeguarding Children Partnership" → safeguarding children. */
export const boardKey = (name: string, place: ReadonlySet<string>): string =>
  words(name)
    .filter((w) => !GENERIC.has(w) && !place.has(w))
    .join(' ');

const initials = (name: string, place: ReadonlySet<string>) =>
  words(name)
    .filter((w) => !place.has(w) && !['the', 'and', 'of', 'for'].includes(w))
    .map((w) => w[0])
    .join('');

export type BoardMatch = { board: Board; how: 'name' | 'loose' } | { board?: undefined; didYouMean?: Board };

/** The board a sheet's cell names, or the one it probably means. */
export const matchBoard = (cell: string, boards: readonly Board[], place: ReadonlySet<string>): BoardMatch => {
  const open = boards.filter((b) => !b.closedOn);
  const plainCell = words(cell).join(' ');
  const exact = open.find((b) => words(b.name).join(' ') === plainCell || words(b.shortName).join(' ') === plainCell);
  if (exact) return { board: exact, how: 'name' };
  const key = boardKey(cell, place);
  const loose = key ? open.filter((b) => boardKey(b.name, place) === key || boardKey(b.shortName, place) === key) : [];
  if (loose.length === 1) return { board: loose[0], how: 'loose' };
  // "SCP", "Westmoor HWB": the initials of the board's name without its place.
  const cellWords = words(cell).filter((w) => !place.has(w));
  if (cellWords.length === 1 && cellWords[0].length >= 2 && cellWords[0].length <= 5) {
    const byInitials = open.filter((b) => [b.name, b.shortName].some((n) => initials(n, place) === cellWords[0] || initials(n, place).replace(/b$/, '') === cellWords[0]));
    if (byInitials.length === 1) return { board: byInitials[0], how: 'loose' };
  }
  if (!key) return {};
  // Unsure: a slip of the keyboard, or one name's words within the other's.
  let best: { board: Board; score: number } | undefined;
  for (const b of open) {
    for (const n of [b.name, b.shortName]) {
      const other = boardKey(n, place);
      if (!other) continue;
      const a = new Set(key.split(' '));
      const o = new Set(other.split(' '));
      const shared = [...a].filter((w) => o.has(w)).length;
      const overlap = shared / Math.min(a.size, o.size);
      const distance = editDistance(key, other) / Math.max(key.length, other.length);
      const score = Math.max(overlap, 1 - distance);
      if (score >= 0.6 && (!best || score > best.score)) best = { board: b, score };
    }
  }
  return best ? { didYouMean: best.board } : {};
};

/** What kind of board a name suggests, for a board a sheet brings in (the officer can change it). */
export const guessBoardKind = (name: string): BoardKind => {
  const t = words(name).join(' ');
  if (/safeguarding|\blscb\b|\bscp\b|\blscp\b/.test(t)) return 'safeguarding-partnership';
  if (/health and wellbeing|health and well being|\bhwb\b|\bhwbb\b/.test(t)) return 'health-and-wellbeing';
  if (/childrens trust|children s trust|children and young people|childrens partnership|children and families|\bctb\b/.test(t)) return 'childrens-trust';
  return 'other';
};

/**
 * A new board's name and short name from the sheet: the full name carries the place ("Westmoor
 * Safeguarding Partnership"), the short name does not ("Safeguarding Partnership").
 */
export const proposedBoardNames = (cell: string, place: ReadonlySet<string>, placeName: string): { name: string; shortName: string } => {
  const tidy = cell.replace(/\s+/g, ' ').trim();
  const parts = tidy.split(' ');
  let i = 0;
  while (i < parts.length - 1 && place.has(words(parts[i]).join(' '))) i++;
  const short = parts.slice(i).join(' ').replace(/^the\s+/i, '');
  const shortName = (short.charAt(0).toUpperCase() + short.slice(1)).slice(0, 40);
  const name = i > 0 || !placeName ? tidy : `${placeName} ${shortName}`;
  return { name: name.slice(0, 200), shortName };
};
