import { diffWordsWithSpace } from 'diff';
import type { ProtocolVersion } from '../schema/records';

export type DiffPart = { kind: 'same' | 'ins' | 'del'; text: string };
export type SectionDiff = {
  key: string;
  number: string;
  heading: string;
  change: 'same' | 'changed' | 'added' | 'removed';
  headingParts: DiffPart[];
  bodyParts: DiffPart[];
};

const parts = (from: string, to: string): DiffPart[] =>
  mergeNearby(diffWordsWithSpace(from, to).map((c) => ({ kind: c.added ? 'ins' : c.removed ? 'del' : 'same', text: c.value }) as DiffPart));

/**
 * Word diffs split at punctuation ("£10,000" → "£12,500" reads as "-10 +12 , -000 +500"), which is
 * hard to review. A short unchanged run (a comma, one space) between two changes is folded into
 * them, so the reader sees "-£10,000 +£12,500" (STACK-NOTES: diff).
 */
export const mergeNearby = (input: DiffPart[]): DiffPart[] => {
  const out: DiffPart[] = [];
  for (let i = 0; i < input.length; i++) {
    const p = input[i];
    const prevChanged = out.length > 0 && out.at(-1)!.kind !== 'same';
    const nextChanged = input[i + 1] && input[i + 1].kind !== 'same';
    if (p.kind === 'same' && prevChanged && nextChanged && p.text.length <= 2 && !/\n/.test(p.text)) {
      // Fold the glue into both sides of the change.
      const del = out.filter((x) => x.kind === 'del').at(-1);
      const ins = out.filter((x) => x.kind === 'ins').at(-1);
      if (del) del.text += p.text;
      else out.push({ kind: 'del', text: p.text });
      if (ins) ins.text += p.text;
      else out.push({ kind: 'ins', text: p.text });
      continue;
    }
    const last = out.at(-1);
    if (last && last.kind === p.kind) last.text += p.text;
    else if (p.kind !== 'same' && last && last.kind !== 'same' && out.length >= 2 && out.at(-2)!.kind === p.kind) out.at(-2)!.text += p.text;
    else out.push({ ...p });
  }
  // Deletions before insertions within each change, as Word shows them.
  const ordered: DiffPart[] = [];
  for (const p of out) {
    const last = ordered.at(-1);
    if (p.kind === 'del' && last?.kind === 'ins') ordered.splice(ordered.length - 1, 0, p);
    else ordered.push(p);
  }
  return ordered;
};

/** Section by section, matched by key: what was added, removed or reworded between two versions. */
export const diffVersions = (from: Pick<ProtocolVersion, 'sections'>, to: Pick<ProtocolVersion, 'sections'>): SectionDiff[] => {
  const before = new Map(from.sections.map((s) => [s.key, s]));
  const after = new Set(to.sections.map((s) => s.key));
  const result: SectionDiff[] = to.sections.map((s) => {
    const old = before.get(s.key);
    if (!old) return { key: s.key, number: s.number, heading: s.heading, change: 'added', headingParts: [{ kind: 'ins', text: s.heading }], bodyParts: [{ kind: 'ins', text: s.body }] };
    const same = old.heading === s.heading && old.body === s.body && old.number === s.number;
    return { key: s.key, number: s.number, heading: s.heading, change: same ? 'same' : 'changed', headingParts: parts(old.heading, s.heading), bodyParts: parts(old.body, s.body) };
  });
  for (const [key, s] of before)
    if (!after.has(key)) result.push({ key, number: s.number, heading: s.heading, change: 'removed', headingParts: [{ kind: 'del', text: s.heading }], bodyParts: [{ kind: 'del', text: s.body }] });
  return result;
};
