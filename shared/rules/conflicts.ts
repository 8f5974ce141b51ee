import type { AgendaItem, Interest, Meeting, Person } from '../schema/records';
import { findRecord, listRecords, recordsWhere, type StoreData } from '../data';
import { meetingItems, numberedAgenda } from './agenda';
import { currentTor } from './boards';
import { heldOn } from './interests';
import { compareEnglish } from './textOrder';

/**
 * Conflicts flagged before the meeting (docs/ARCHITECTURE.md, the register of interests): an
 * agenda item whose title, paper, presenters or their organisations name a body in a member's
 * registered interest. A flag is a prompt to declare, not a finding: the member declares at the
 * meeting and the chair decides (the board's code of conduct; Localism Act 2011 s.31 for a
 * council committee's elected members).
 */
export type ConflictFlag = {
  personId: Person['id'];
  name: string;
  agendaItemId: AgendaItem['id'];
  number: number;
  /** The item's working title: the flag is for the member and the secretariat, never public. */
  title: string;
  part2: boolean;
  interestId: Interest['id'];
  interest: string;
  /** The words that matched, as the register writes them. */
  matched: string;
  where: 'the title' | 'the paper' | 'a presenter’s organisation';
};

/** Lower case, letters and digits only, single spaces, padded: so a phrase matches whole words only. */
const norm = (s: string) => ` ${s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[’']/g, '').replace(/[^a-z0-9]+/g, ' ').trim()} `;

/** Words that begin a sentence or name a role, never a body on their own. */
const NOT_A_NAME = new Set(['the', 'a', 'an', 'of', 'and', 'for', 'trustee', 'member', 'director', 'chair', 'governor', 'employee', 'partner', 'my', 'our', 'gift', 'hospitality', 'dinner', 'tickets', 'lunch']);

/**
 * The names an interest could be found by: its body, and each run of two or more capitalised
 * words in its description ("Trustee of Northshire Young Carers" gives "Northshire Young Carers").
 */
export const namesIn = (i: Pick<Interest, 'body' | 'description'>): string[] => {
  const names = new Set<string>();
  if (i.body.trim().length >= 3) names.add(i.body.trim());
  const words = i.description.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  let run: string[] = [];
  const flush = () => {
    // "of", "and", "for" may join a name ("Friends of Eastmere Park") but do not end it.
    while (run.length && /^(of|and|for|the|&)$/i.test(run[run.length - 1])) run.pop();
    while (run.length && NOT_A_NAME.has(run[0].toLowerCase())) run.shift();
    if (run.length >= 2) names.add(run.join(' '));
    run = [];
  };
  for (const w of words) {
    if (/^\p{Lu}/u.test(w) || (run.length && /^(of|and|for|the|&)$/i.test(w))) run.push(w);
    else flush();
  }
  flush();
  return [...names];
};

const itemTexts = (data: StoreData, item: AgendaItem): { where: ConflictFlag['where']; text: string }[] => {
  const paper = item.paper;
  const cover = paper?.coverSheet;
  const dive = item.deepDiveId ? findRecord(data, 'deepDive', item.deepDiveId) : undefined;
  const presenterOrgs = item.presenterIds.map((id) => findRecord(data, 'person', id)).map((p) => (p ? (findRecord(data, 'organisation', p.organisationId)?.name ?? '') : ''));
  return [
    { where: 'the title', text: `${item.title} ${dive?.theme ?? ''}` },
    { where: 'the paper', text: paper && paper.status !== 'not-needed' ? [cover?.reportOf, cover?.executiveSummary, ...(cover?.recommendations ?? []), paper.body].join(' ') : '' },
    { where: 'a presenter’s organisation', text: presenterOrgs.join(' ; ') },
  ];
};

/** The people an item could concern at a meeting: the members of the ToR in force, and anyone attending in a member's place. */
const peopleAt = (data: StoreData, meeting: Meeting): Person[] => {
  const ids = new Set<string>();
  for (const m of currentTor(data, meeting.boardId, meeting.date)?.members ?? []) if (m.personId) ids.add(m.personId);
  for (const a of recordsWhere(data, 'attendance', 'meetingId', meeting.id)) if (a.inPlaceOfPersonId || a.status === 'present') ids.add(a.personId);
  return [...ids].map((id) => findRecord(data, 'person', id)).filter((p): p is Person => Boolean(p));
};

export const conflictFlags = (data: StoreData, meetingId: Meeting['id'], opts: { personId?: Person['id'] } = {}): ConflictFlag[] => {
  const meeting = findRecord(data, 'meeting', meetingId);
  if (!meeting) return [];
  const items = numberedAgenda(meetingItems(data, meeting.id)).filter(({ item }) => !item.standing);
  const interests = listRecords(data, 'interest').filter((i) => heldOn(i, meeting.date));
  const flags: ConflictFlag[] = [];
  for (const person of peopleAt(data, meeting)) {
    if (opts.personId && person.id !== opts.personId) continue;
    // The body a member represents is why they sit on the board: it is no conflict of theirs.
    const own = norm(findRecord(data, 'organisation', person.organisationId)?.name ?? '');
    const theirs = interests.filter((i) => i.personId === person.id);
    for (const { item, number } of items) {
      const texts = itemTexts(data, item).map((t) => ({ ...t, text: norm(t.text) }));
      for (const interest of theirs) {
        const hit = namesIn(interest)
          .filter((n) => norm(n) !== own && norm(n).trim().length >= 3)
          .flatMap((n) => texts.filter((t) => t.text.includes(norm(n))).map((t) => ({ matched: n, where: t.where })))[0];
        if (hit)
          flags.push({ personId: person.id, name: person.name, agendaItemId: item.id, number, title: item.title, part2: Boolean(item.part2), interestId: interest.id, interest: interest.description, matched: hit.matched, where: hit.where });
      }
    }
  }
  return flags.sort((a, b) => compareEnglish(a.name, b.name) || a.number - b.number);
};

/** "You may have an interest in item 5: Young carers' support (Northshire Young Carers, named in the paper)." */
export const conflictWords = (f: ConflictFlag): string => `item ${f.number}: ${f.title} (${f.matched}, named in ${f.where}; your register: ${f.interest})`;

/**
 * Declarations made at a meeting that the register does not hold: the declarer held no interest
 * then that names what they declared. Each prompts an update to the register.
 */
export const declarationsNotInRegister = (data: StoreData, meetingId: Meeting['id']) => {
  const meeting = findRecord(data, 'meeting', meetingId);
  if (!meeting) return [];
  return recordsWhere(data, 'declaration', 'meetingId', meetingId).filter((d) => {
    const said = norm(d.interest);
    return !listRecords(data, 'interest').some(
      (i) => i.personId === d.personId && heldOn(i, meeting.date) && (namesIn(i).some((n) => said.includes(norm(n))) || said.includes(norm(i.description)) || norm(i.description).includes(said)),
    );
  });
};
