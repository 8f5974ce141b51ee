import { diffWords } from 'diff';

/**
 * Two officers changed the same record while apart (offline, or between syncs). CouchDB keeps
 * both revisions and picks the same winner everywhere; what happens next is decided here, the same
 * way on every machine so that two machines settling the same clash write the same document:
 * - they changed different fields: both changes are kept, merged field by field;
 * - they changed the same field to different values (two officers edited the same minute): the
 *   clash waits in Needs decision for a person, showing both versions and a word diff.
 */
export type Fields = Readonly<Record<string, unknown>>;
export type Version = { rev: string; fields: Fields; by: string; at: string };

/** Bookkeeping every write changes: never a clash in itself. */
const BOOKKEEPING = new Set(['rev', 'updatedAt', 'updatedBy']);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const changedFrom = (base: Fields | undefined, v: Fields, other: Fields): string[] =>
  [...new Set([...Object.keys(v), ...Object.keys(other), ...Object.keys(base ?? {})])].filter(
    (k) => !BOOKKEEPING.has(k) && (base ? !same(v[k], base[k]) : !same(v[k], other[k])),
  );

export type ConflictOutcome =
  | { kind: 'merged'; fields: Fields; taken: { field: string; rev: string }[] }
  | { kind: 'decide'; clashing: string[]; versions: Version[]; merged: Fields };

/**
 * `ancestor` is the version both started from, when the replica still holds it; without it every
 * field that differs counts as changed on both sides (and so needs a person, never a guess).
 */
export const settleConflict = (ancestor: Fields | undefined, winner: Version, losers: readonly Version[]): ConflictOutcome => {
  let merged: Record<string, unknown> = { ...winner.fields };
  const clashing = new Set<string>();
  const taken: { field: string; rev: string }[] = [];
  // Losers in a fixed order, so every machine folds them the same way.
  for (const loser of [...losers].sort((a, b) => (a.rev < b.rev ? -1 : 1))) {
    const ours = new Set(changedFrom(ancestor, winner.fields, loser.fields));
    for (const field of changedFrom(ancestor, loser.fields, winner.fields)) {
      if (ours.has(field) && !same(winner.fields[field], loser.fields[field])) clashing.add(field);
      else if (!ours.has(field)) {
        if (loser.fields[field] === undefined) delete merged[field];
        else merged[field] = loser.fields[field];
        taken.push({ field, rev: loser.rev });
      }
    }
  }
  const all = [winner, ...losers];
  const latest = all.reduce((a, b) => (b.at > a.at || (b.at === a.at && b.rev > a.rev) ? b : a));
  const revs = all.map((v) => Number(v.fields.rev ?? 0));
  merged = { ...merged, rev: Math.max(...revs) + 1, updatedAt: latest.at, updatedBy: latest.by };
  if (clashing.size) return { kind: 'decide', clashing: [...clashing].sort(), versions: all, merged };
  return { kind: 'merged', fields: merged, taken };
};

/** A word-by-word comparison of two versions of a text, for the Needs decision inbox. */
export type WordDiff = { text: string; change: 'same' | 'removed' | 'added' }[];

export const wordDiff = (from: string, to: string): WordDiff =>
  diffWords(from, to).map((part) => ({ text: part.value, change: part.added ? 'added' : part.removed ? 'removed' : 'same' }));

/** A field's value as text for the comparison: Markdown and lines as they are, anything else as JSON. */
export const fieldText = (value: unknown): string => (typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value, null, 1));
