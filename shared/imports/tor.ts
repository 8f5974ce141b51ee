import { marked, type Tokens } from 'marked';
import { z } from 'zod';
import { line, markdown, recordId } from '../schema/common';
import type { Organisation, Person, TermsOfReference } from '../schema/records';
import { listRecords, type StoreData } from '../data';
import { addDays } from '../rules/dates';
import { firstTorFields, memberKey } from '../rules/torDraft';
import { parseUkDate } from './dates';
import { cellOf, columnName, mapColumns, nameKey, nearest, sameName, yesNo, type ColumnSpec, type RowProblem, type SheetTable } from './table';

/**
 * Terms of reference from an existing Word document (read to Markdown in main, as papers are).
 * Headings say what a section is: its purpose, its responsibilities, its membership (whose table
 * becomes the seats), its quorum, how often it meets, when papers go out, its review. Sections
 * Quorum has no field for are kept, under their own headings, at the end of the
 * responsibilities, for the officer to place. Everything lands in a draft version: the board
 * still approves it.
 */
export const SEAT_COLUMNS = {
  role: { label: 'Role', names: ['role', 'seat', 'position', 'title', 'job title', 'member', 'membership', 'representative', 'post', 'designation'], required: true },
  organisation: { label: 'Organisation', names: ['organisation', 'organization', 'agency', 'representing', 'organisation represented', 'sector', 'partner', 'body'], required: true },
  name: { label: 'Name', names: ['name', 'named member', 'current member', 'postholder', 'post holder', 'person', 'current postholder'] },
  deputyAllowed: { label: 'Deputy allowed', names: ['deputy allowed', 'deputy', 'substitute', 'substitute allowed', 'deputies'] },
  voting: { label: 'Voting', names: ['voting', 'vote', 'voting member'] },
} as const satisfies ColumnSpec<string>;

export const torImportInput = {
  sourceFile: line(300),
  markdown,
  /** The officer's decisions on membership rows Quorum could not match. */
  seats: z
    .array(z.object({ row: z.number().int().min(1), organisationId: recordId('organisation').optional(), leaveOut: z.boolean().optional(), vacant: z.boolean().optional() }).strict())
    .max(200)
    .default([]),
};
type Decision = { row: number; organisationId?: Organisation['id']; leaveOut?: boolean; vacant?: boolean };
type Input = { sourceFile: string; markdown: string; seats: Decision[] };

export const TOR_SECTION_USES = ['title', 'purpose', 'responsibilities', 'membership', 'quorum', 'meetings', 'papers', 'review', 'kept'] as const;
type Use = (typeof TOR_SECTION_USES)[number];

export type TorSeatPreview = {
  row: number;
  role: string;
  organisation: string;
  organisationId?: Organisation['id'];
  name: string;
  personId?: Person['id'];
  deputyAllowed: boolean;
  outcome: 'matched' | 'new person' | 'vacant' | 'left out' | 'needs a decision';
  /** Why it needs a decision, or what Quorum guessed. */
  note?: string;
  /** For an organisation not in the partnership: the one its name is closest to. */
  didYouMean?: string;
};

export type TorDraftFields = Omit<TermsOfReference, 'id' | 'type' | 'rev' | 'schemaVersion' | 'updatedAt' | 'updatedBy' | 'boardId' | 'version' | 'status' | 'approval'>;

export type TorImportPlan = {
  sourceFile: string;
  sections: { heading: string; use: Use }[];
  seats: TorSeatPreview[];
  undecided: RowProblem[];
  newPeople: { row: number; name: string; jobTitle: string; organisationId: Organisation['id'] }[];
  /** Seat key → membership row, for the seats whose person is added by the import. */
  seatRows: Record<string, number>;
  draft: TorDraftFields;
  notes: string[];
};

const classify = (heading: string): Use => {
  const h = heading.toLowerCase();
  if (/terms of reference|^[\w\s'’&]*(board|partnership|trust)\s*$/.test(h) && !/purpose|role|member/.test(h)) return 'title';
  if (/member|composition|attendance/.test(h)) return 'membership';
  if (/quorum|quorate|quoracy/.test(h)) return 'quorum';
  if (/purpose|aims?\b|vision|objective|introduction|role of the/.test(h)) return 'purpose';
  if (/responsib|function|duties|remit|scope|accountab|priorit/.test(h)) return 'responsibilities';
  if (/frequency|meetings|how often/.test(h)) return 'meetings';
  if (/papers|agenda|reports to the board|administration|secretariat/.test(h)) return 'papers';
  if (/review/.test(h)) return 'review';
  return 'kept';
};

const WORD_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const numberIn = (s: string) => (/^\d+$/.test(s) ? Number(s) : WORD_NUMBERS[s.toLowerCase()]);
const plain = (s: string) =>
  s
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/[*_`\\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** "A third of members, including the chair or vice-chair, and three agencies": the parts Quorum can check. */
export const readQuorum = (text: string): TermsOfReference['quorum'] => {
  const t = text.toLowerCase();
  const fraction = /\b(one|a) third\b|\b1\/3\b/.test(t) ? 1 / 3 : /\bhalf\b|50%/.test(t) ? 0.5 : /two thirds|2\/3/.test(t) ? 2 / 3 : /\b(one|a) quarter\b|25%/.test(t) ? 0.25 : undefined;
  const members = /\b(\d+|two|three|four|five|six|seven|eight|nine|ten) (?:voting )?members\b/.exec(t);
  const agencies = /\b(\d+|two|three|four|five|six) (?:different |partner |statutory )?(?:agencies|organisations|partners|partner agencies|safeguarding partners)\b/.exec(t);
  return {
    ...(fraction ? { minFraction: fraction } : {}),
    ...(members && !fraction ? { minMembers: numberIn(members[1]) } : {}),
    requireChairOrVice: /\b(chair|vice[- ]chair)\b/.test(t),
    ...(agencies ? { minAgencies: numberIn(agencies[1]) } : /all three safeguarding partners/.test(t) ? { minAgencies: 3 } : {}),
    text: plain(text).slice(0, 500),
  };
};

const meetingsPerYear = (text: string): number | undefined => {
  const t = text.toLowerCase();
  const times = /\b(\d+|two|three|four|five|six|eight|ten|twelve) times (?:a|per|each) year\b/.exec(t);
  if (times) return numberIn(times[1]);
  if (/bi-?monthly|every (two|2) months|six-weekly/.test(t)) return 6;
  if (/quarterly|every (three|3) months/.test(t)) return 4;
  if (/monthly|every month/.test(t)) return 12;
  if (/twice (a|per|each) year|six-monthly|every six months/.test(t)) return 2;
  return undefined;
};

const clearDays = (text: string): number | undefined => {
  const m = /\b(\d+|two|three|four|five|six|seven|eight|nine|ten) (?:clear )?(?:working )?days\b/i.exec(text);
  return m ? numberIn(m[1]) : undefined;
};

const tableToSheet = (sourceFile: string, table: Tokens.Table): SheetTable => ({
  sourceFile,
  columns: table.header.map((h) => plain(h.text)),
  rows: table.rows.map((cells, i) => ({ row: i + 2, cells: cells.map((c) => plain(c.text)) })),
});

const VACANT = /^(vacant|tbc|tba|to be confirmed|n\/?a|-|–)?$/i;

export const planTorImport = (data: StoreData, input: Input, today: string): TorImportPlan => {
  const tokens = marked.lexer(input.markdown);
  const draft: TorDraftFields = firstTorFields(today);
  const plan: TorImportPlan = { sourceFile: input.sourceFile, sections: [], seats: [], undecided: [], newPeople: [], seatRows: {}, draft, notes: [] };
  const organisations = listRecords(data, 'organisation').filter((o) => !o.retiredOn);
  const people = listRecords(data, 'person').filter((p) => !p.retiredOn);

  // Split into sections at headings; what comes before the first is the title page.
  type Section = { heading: string; level: number; tokens: typeof tokens };
  const sections: Section[] = [{ heading: '', level: 0, tokens: [] as unknown as typeof tokens }];
  for (const t of tokens) {
    if (t.type === 'heading') sections.push({ heading: plain((t as Tokens.Heading).text), level: (t as Tokens.Heading).depth, tokens: [] as unknown as typeof tokens });
    else sections.at(-1)!.tokens.push(t);
  }
  const body = (s: Section) => s.tokens.filter((t) => t.type !== 'table').map((t) => t.raw).join('').trim();
  const kept: string[] = [];
  const purpose: string[] = [];
  const responsibilities: string[] = [];
  let membershipTable: Tokens.Table | undefined;
  for (const s of sections) {
    const text = body(s);
    const tables = s.tokens.filter((t): t is Tokens.Table => t.type === 'table');
    let use: Use = s.level === 0 ? 'title' : classify(s.heading);
    // A table that names roles and organisations is the membership, wherever it sits.
    const seatTable = tables.find((t) => {
      try {
        mapColumns(tableToSheet(input.sourceFile, t), SEAT_COLUMNS, 'a membership table');
        return true;
      } catch {
        return false;
      }
    });
    if (seatTable && !membershipTable) membershipTable = seatTable;
    if (use === 'title' && text && s.level > 0) use = 'kept';
    if (s.level === 0 && !text) continue;
    plan.sections.push({ heading: s.heading || '(before the first heading)', use });
    if (use === 'purpose' && text) purpose.push(text);
    else if (use === 'responsibilities' && text) responsibilities.push(text);
    else if (use === 'quorum' && text) draft.quorum = readQuorum(text);
    else if (use === 'meetings' && text) {
      const n = meetingsPerYear(text);
      if (n) draft.meetingsPerYear = n;
      const days = clearDays(text);
      if (days !== undefined) draft.paperDeadlineWorkingDays = days;
      else plan.notes.push(`“${s.heading}” does not say how many times a year the board meets; it is set to ${draft.meetingsPerYear} for you to check`);
      kept.push(`### ${s.heading}\n\n${text}`);
    } else if (use === 'papers' && text) {
      const n = clearDays(text);
      if (n !== undefined) draft.paperDeadlineWorkingDays = n;
      kept.push(`### ${s.heading}\n\n${text}`);
    } else if (use === 'review' && text) {
      const date = /\b(\d{1,2}(?:st|nd|rd|th)? [A-Za-z]+ \d{4}|\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d{2}-\d{2})\b/.exec(text);
      const parsed = date ? parseUkDate(date[1]) : undefined;
      draft.reviewDate = parsed ?? (/annual|every year|each year|yearly/i.test(text) ? addDays(today, 365) : /two years|biennial/i.test(text) ? addDays(today, 730) : draft.reviewDate);
    } else if ((use === 'kept' || (use === 'title' && s.level > 0)) && text) kept.push(`### ${s.heading}\n\n${text}`);
    else if (use === 'membership' && text) kept.push(`### ${s.heading}\n\n${text}`);
  }
  draft.purpose = purpose.join('\n\n');
  draft.responsibilities = [...responsibilities, ...kept].join('\n\n');
  if (!draft.purpose) plan.notes.push('No heading reads as the board’s purpose; write it in the draft');
  if (kept.length) plan.notes.push(`${kept.length} section${kept.length === 1 ? '' : 's'} Quorum has no field for ${kept.length === 1 ? 'is' : 'are'} kept at the end of the responsibilities, under ${kept.length === 1 ? 'its' : 'their'} own heading${kept.length === 1 ? '' : 's'}, for you to place`);

  if (!membershipTable) {
    plan.notes.push('No membership table with a role and an organisation column was found; add the seats in the draft');
    return plan;
  }
  const sheet = tableToSheet(input.sourceFile, membershipTable);
  const cols = mapColumns(sheet, SEAT_COLUMNS, 'a membership table');
  const decisions = new Map(input.seats.map((d) => [d.row, d]));
  const taken = new Set<string>();
  const organisationFor = (cell: string): { org?: Organisation; guess?: string } => {
    const exact = organisations.find((o) => sameName(o.name, cell));
    if (exact) return { org: exact };
    const key = nameKey(cell);
    const within = key ? organisations.filter((o) => nameKey(o.name).includes(key) || key.includes(nameKey(o.name))) : [];
    if (within.length === 1) return { org: within[0] };
    return { guess: nearest(cell, organisations.map((o) => o.name)) ?? within[0]?.name };
  };
  for (const r of sheet.rows) {
    if (!r.cells.some((c) => c.trim())) continue;
    const role = cellOf(r, cols, 'role');
    const organisation = cellOf(r, cols, 'organisation');
    const name = cellOf(r, cols, 'name');
    const deputy = yesNo(cellOf(r, cols, 'deputyAllowed'));
    const voting = yesNo(cellOf(r, cols, 'voting'));
    const decision = decisions.get(r.row);
    const seat: TorSeatPreview = { row: r.row, role: role || organisation, organisation, name: VACANT.test(name) ? '' : name, deputyAllowed: deputy ?? true, outcome: 'matched' };
    plan.seats.push(seat);
    if (decision?.leaveOut) {
      seat.outcome = 'left out';
      continue;
    }
    const found = decision?.organisationId ? { org: organisations.find((o) => o.id === decision.organisationId) } : organisationFor(organisation);
    if (!found.org) {
      seat.outcome = 'needs a decision';
      if ('guess' in found && found.guess) seat.didYouMean = found.guess;
      seat.note = `“${organisation || '(blank)'}” is not an organisation in the partnership${seat.didYouMean ? ` (did you mean ${seat.didYouMean}?)` : ''}`;
      plan.undecided.push({ row: r.row, column: columnName(sheet, cols, 'organisation'), message: `${seat.role}: ${seat.note}; choose the organisation or leave the seat out` });
      continue;
    }
    seat.organisationId = found.org.id;
    if (found.org.name !== organisation) seat.note = `read as ${found.org.name}`;
    const key = memberKey(seat.role, taken);
    taken.add(key);
    let personId: Person['id'] | undefined;
    if (seat.name && !decision?.vacant) {
      const named = people.filter((p) => sameName(p.name, seat.name));
      const person = named.find((p) => p.organisationId === found.org!.id) ?? named[0];
      if (person) {
        personId = person.id;
        seat.personId = person.id;
      } else {
        seat.outcome = 'new person';
        plan.newPeople.push({ row: r.row, name: seat.name.slice(0, 200), jobTitle: seat.role.slice(0, 200), organisationId: found.org.id });
        plan.seatRows[key] = r.row;
      }
    } else seat.outcome = 'vacant';
    draft.members.push({ key, role: seat.role.slice(0, 200), organisationId: found.org.id, ...(personId ? { personId } : {}), deputyAllowed: seat.deputyAllowed, voting: voting ?? true });
    if (/vice[- ]?chair/i.test(seat.role)) draft.viceChairMemberKey ||= key;
    else if (/\bchair\b/i.test(seat.role)) draft.chairMemberKey ||= key;
  }
  if (!draft.chairMemberKey) plan.notes.push('No seat is named as the chair; choose one in the draft');
  return plan;
};
