import { getRecord, listRecords, type StoreData } from '../data';
import type { ProtocolVersion } from '../schema/records';
import type { ReturnedCopy, WordReviewItem } from './returnedCopy';
import { diffWords } from 'diff';
import { unitsText } from '../pack/markdown/units';

export type ImportedComment = { sectionKey: string; author: string; organisationId: string; text: string; madeAt: string };
export type ReturnedCopyPlan = {
  comments: ImportedComment[];
  /** What did not line up (another version, a renamed or moved section, an unknown reviewer): said, never dropped. */
  reports: string[];
  authors: { author: string; organisation: string; count: number; known: boolean }[];
};

const norm = (s: string) => s.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
const quote = (s: string) => `“${s.replace(/\s+/g, ' ').trim().slice(0, 1000)}”`;

type Section = ProtocolVersion['sections'][number];

/** Finds the section a passage belongs to: by number and heading, else by heading alone, else by number; says when they disagree. */
const matchSection = (sections: readonly Section[], found: WordReviewItem['section'], reports: Set<string>): string => {
  if (!found) return 'general';
  const byNumber = sections.find((s) => s.number === found.number);
  if (byNumber && norm(byNumber.heading) === norm(found.heading)) return byNumber.key;
  const byHeading = sections.find((s) => norm(s.heading) === norm(found.heading));
  if (byHeading) {
    reports.add(`Section ${found.number} (“${found.heading}”) in the copy is section ${byHeading.number} in this version; its comments are attached there.`);
    return byHeading.key;
  }
  if (byNumber) {
    reports.add(`Section ${found.number} is “${found.heading}” in the copy but “${byNumber.heading}” in this version; its comments are attached to section ${byNumber.number} by number. Check they belong there.`);
    return byNumber.key;
  }
  reports.add(`Section ${found.number} (“${found.heading}”) in the copy is not in this version; its comments are attached to the protocol as a whole.`);
  return 'general';
};

/**
 * Turns what a partner did in their Word copy into review comments on the version: each comment
 * with the passage it is anchored to, and each place they tracked changes as one "proposed change".
 * Reviewers are matched to Quorum's people by name for their organisation; anyone else is recorded
 * under the organisation that returned the copy.
 */
export const planReturnedCopy = (data: StoreData, versionId: string, copy: ReturnedCopy, returnedBy: string, now: string): ReturnedCopyPlan => {
  const version = getRecord(data, 'protocolVersion', versionId);
  const reports = new Set<string>();
  if (copy.versionId && copy.versionId !== version.id)
    reports.add(
      copy.version !== null && copy.version !== version.version
        ? `This copy is of version ${copy.version}, not version ${version.version}: sections were matched by number and heading.`
        : `This copy was exported from a different record of version ${version.version} (another Quorum, or a draft since replaced): sections were matched by number and heading.`,
    );
  if (!copy.versionId) reports.add('This copy does not say which version it is (it was not exported by Quorum, or was saved in another format): sections were matched by number and heading.');
  const people = listRecords(data, 'person');
  const orgName = (id: string) => listRecords(data, 'organisation').find((o) => o.id === id)?.name ?? '';
  const personOf = (author: string) => people.find((p) => norm(p.name) === norm(author)) ?? people.find((p) => norm(p.name).endsWith(norm(author)) && norm(author).includes(' '));
  const date = (d: string | null) => (d && !Number.isNaN(Date.parse(d)) ? new Date(d).toISOString() : now);

  const comments: ImportedComment[] = [];
  const add = (item: WordReviewItem, text: string) => {
    const person = personOf(item.author);
    comments.push({ sectionKey: matchSection(version.sections, item.section, reports), author: person?.name ?? item.author, organisationId: person?.organisationId ?? returnedBy, text, madeAt: date(item.date) });
  };
  // Tracked changes in one paragraph by one reviewer read as one proposal.
  const changes = new Map<string, WordReviewItem[]>();
  for (const item of copy.items) {
    if (item.kind === 'comment') add(item, item.anchor ? `On ${quote(item.anchor)}: ${item.text}` : item.text);
    else changes.set(`${item.paragraph}|${item.author}`, [...(changes.get(`${item.paragraph}|${item.author}`) ?? []), item]);
  }
  for (const group of changes.values()) {
    const del = group.filter((i) => i.kind === 'deletion').map((i) => quote(i.text));
    const ins = group.filter((i) => i.kind === 'insertion').map((i) => quote(i.text));
    const parts = [del.length ? `delete ${del.join(', ')}` : '', ins.length ? `insert ${ins.join(', ')}` : ''].filter(Boolean);
    add(group[0], `Proposed change in Word: ${parts.join('; ')}.`);
  }
  // What the partner did without a mark Word keeps: a tracked change of the officer's rejected (it
  // simply goes), or an edit made with tracking off. Found by comparing each section as returned,
  // the partner's own tracked changes undone, with the text that was sent.
  // Only a copy of this very version can be compared: another version's text differs by design.
  for (const back of copy.versionId === version.id ? copy.sections : []) {
    const key = matchSection(version.sections, back, reports);
    const section = version.sections.find((x) => x.key === key);
    if (!section) continue;
    const words = (t: string) => t.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
    const parts = diffWords(words(unitsText(section.body)), words(back.text));
    const gone = parts.filter((p) => p.removed && p.value.trim()).map((p) => quote(p.value));
    const added = parts.filter((p) => p.added && p.value.trim()).map((p) => quote(p.value));
    if (!gone.length && !added.length) continue;
    comments.push({
      sectionKey: key,
      author: orgName(returnedBy) || 'The returned copy',
      organisationId: returnedBy,
      text: `The returned copy differs from the text sent, with no tracked change to show it (a proposed change rejected, or an edit made with tracking off): ${[gone.length ? `not kept ${gone.join(', ')}` : '', added.length ? `added ${added.join(', ')}` : ''].filter(Boolean).join('; ')}.`,
      madeAt: now,
    });
  }
  if (comments.some((c) => c.sectionKey === 'general' && !reports.size)) reports.add('Some comments are outside any numbered section; they are attached to the protocol as a whole.');

  const byAuthor = new Map<string, { author: string; organisation: string; count: number; known: boolean }>();
  for (const c of comments) {
    // A difference found in the text is the returning organisation's, not an unknown reviewer's.
    const entry = byAuthor.get(c.author) ?? { author: c.author, organisation: orgName(c.organisationId), count: 0, known: Boolean(personOf(c.author)) || c.author === orgName(returnedBy) };
    entry.count++;
    byAuthor.set(c.author, entry);
  }
  for (const a of byAuthor.values()) if (!a.known) reports.add(`${a.author} is not among Quorum’s people; their ${a.count === 1 ? 'comment is' : 'comments are'} recorded under ${a.organisation}, the organisation that returned the copy.`);
  return { comments, reports: [...reports], authors: [...byAuthor.values()] };
};
