import { marked, type Tokens } from 'marked';
import { z } from 'zod';
import { line, markdown, recordId } from '../schema/common';
import type { Organisation, Person, TermsOfReference } from '../schema/records';
import { listRecords, type StoreData } from '../data';
import { addDays, formatUkDate } from '../rules/dates';
import { firstTorFields, memberKey } from '../rules/torDraft';
import { parseUkDate } from './dates';
import { plainText as plain, quorumInWords, readQuorum } from '../rules/quorumWords';
import { cellOf, columnName, describeProblem, mapColumns, nameKey, nearest, sameName, yesNo, type ColumnSpec, type RowProblem, type SheetTable } from './table';
import { seatRoleKey, seatsFromList, withoutTitles, type SeatLine } from './torMembershipList';
import { splitChairNote } from './seatRole';

/**
 * Terms of reference from an existing Word document (read to Markdown in main, as papers are).
 * Headings say what a section is: its purpose, its responsibilities, its membership (whose table,
 * or else whose list, becomes the seats), its quorum, how often it meets, when papers go out, its review. Sections
 * Quorum has no field for are kept, under their own headings, at the end of the
 * responsibilities, for the officer to place. Everything lands in a draft version: the board
 * still approves it.
 */
export const SEAT_COLUMNS = {
  role: { label: 'Role', names: ['role', 'seat', 'position', 'post', 'designation', 'title', 'job title', 'role on the board', 'board role'], required: true },
  organisation: { label: 'Organisation', names: ['organisation', 'organization', 'agency', 'representing', 'organisation represented', 'organisation agency', 'sector', 'partner', 'partner agency', 'body'], required: true },
  name: { label: 'Name', names: ['name', 'member', 'representative', 'nominee', 'named member', 'named representative', 'nominated representative', 'member name', 'current member', 'postholder', 'post holder', 'person', 'current postholder'] },
  deputyAllowed: { label: 'Deputy allowed', names: ['deputy allowed', 'deputy', 'substitute', 'substitute allowed', 'deputies', 'deputy permitted'] },
  voting: { label: 'Voting', names: ['voting', 'vote', 'voting member', 'voting rights', 'status'] },
} as const satisfies ColumnSpec<string>;

/** A table with no role column, whose "Member" or "Representative" column names the seat ("Member | Organisation"). */
const SEAT_COLUMNS_MEMBER_AS_ROLE = {
  ...SEAT_COLUMNS,
  role: { label: 'Role', names: ['member', 'members', 'membership', 'representative', 'representation'], required: true },
  name: { label: 'Name', names: ['name', 'nominee', 'named member', 'named representative', 'nominated representative', 'member name', 'current member', 'postholder', 'post holder', 'person'] },
} as const satisfies ColumnSpec<string>;

const seatColumns = (sheet: SheetTable) => {
  try {
    return mapColumns(sheet, SEAT_COLUMNS, 'a membership table');
  } catch (err) {
    try {
      return mapColumns(sheet, SEAT_COLUMNS_MEMBER_AS_ROLE, 'a membership table');
    } catch {
      throw err;
    }
  }
};

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
  voting: boolean;
  outcome: 'matched' | 'new person' | 'vacant' | 'left out' | 'needs a decision';
  /** Why it needs a decision, or what Quorum guessed. */
  note?: string;
  /** For an organisation not in the partnership: the one its name is closest to. */
  didYouMean?: string;
  /** The seat chairs the board, or is its vice-chair, as the document says ("(Chair)", "Vice-chair"). */
  chairs?: 'chair' | 'vice-chair';
};

export type TorDraftFields = Omit<TermsOfReference, 'id' | 'type' | 'rev' | 'schemaVersion' | 'updatedAt' | 'updatedBy' | 'boardId' | 'version' | 'status' | 'approval'>;

export type TorImportPlan = {
  sourceFile: string;
  /** Each heading and where its text goes; `also`: what else it is read for ("Meetings and quorum"). */
  sections: { heading: string; use: Use; also?: Use[] }[];
  /** Where the seats were read from: a membership table (seats numbered by its rows) or a list (by its items). */
  membershipFrom?: 'table' | 'list';
  seats: TorSeatPreview[];
  undecided: RowProblem[];
  newPeople: { row: number; name: string; jobTitle: string; organisationId: Organisation['id'] }[];
  /** Seat key → membership row, for the seats whose person is added by the import. */
  seatRows: Record<string, number>;
  draft: TorDraftFields;
  notes: string[];
  /**
   * Where the board already has a draft (or an approved version the import starts a draft from):
   * what the document adds to it. The draft's seats keep the people already in them (a people
   * sheet's, say); the document confirms a seat, changes it, or adds one.
   */
  merge?: TorMerge;
};

export type TorMerge = {
  /** The version the document is merged into, and whether it is a draft (else a new draft starts from it). */
  base: { version: number; status: 'draft' | 'approved' | 'superseded'; rev: number };
  sections: { part: 'Purpose' | 'Responsibilities'; outcome: 'added' | 'unchanged' | 'added after the draft’s own text' }[];
  figures: { part: string; from: string; to: string }[];
  seats: { role: string; outcome: 'confirmed' | 'changed' | 'added' | 'kept from the draft'; detail?: string }[];
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

/** Every use a heading names, the first being where its text goes: "Meetings and quorum" carries both. */
const classifyAll = (heading: string): Use[] => {
  const uses = new Set<Use>([classify(heading)]);
  const h = heading.toLowerCase();
  if (/quorum|quorate|quoracy/.test(h)) uses.add('quorum');
  if (/frequency|meetings|how often|meet\b/.test(h)) uses.add('meetings');
  if (/papers|agenda|reports to the board/.test(h)) uses.add('papers');
  if (/review/.test(h)) uses.add('review');
  return [...uses];
};

const WORD_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, twice: 2 };
const numberIn = (s: string) => (/^\d+$/.test(s) ? Number(s) : WORD_NUMBERS[s.toLowerCase()]);
export { readQuorum };

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

/** "Dr Lena Fry (Designated Doctor)", "Cllr Ann Bell": the person's name as the partnership lists it. */
export const personName = (cell: string): string =>
  cell
    .replace(/\([^)]*\)/g, ' ')
    .split(/[,;–—]|\s-\s/)[0]
    .replace(/\s+/g, ' ')
    .trim();
const bareName = (name: string) => withoutTitles(personName(name));

/** A seat is voting unless the document says otherwise: a "Voting: No" cell, or "non-voting", "advisory", "in attendance" beside the seat. */
const NON_VOTING = /non[- ]?voting|\badvis(?:ory|er|or)\b|in attendance|\bobserver\b|ex[- ]officio \(non/i;

/** Every section's text is searched for how often the board meets, preferring the section whose heading says so. */
const firstStated = <T>(sections: { use: Use; uses: Use[]; text: string }[], prefer: Use, read: (text: string) => T | undefined): T | undefined => {
  for (const s of [...sections.filter((x) => x.uses.includes(prefer)), ...sections.filter((x) => !x.uses.includes(prefer))]) {
    const found = read(s.text);
    if (found !== undefined) return found;
  }
  return undefined;
};

const COUNT: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3 };

/**
 * How many deep dives the board holds a meeting, as its ToR says ("a themed deep dive at each
 * meeting", "each meeting will include one deep dive"); none where the document never mentions
 * them, so a board that never agreed to deep dives is not told at every meeting that one is
 * missing; undefined where it mentions them without a number a meeting (the draft's figure stands).
 */
export const deepDivesPerMeeting = (text: string): number | undefined => {
  if (!/deep[- ]?dives?/i.test(text)) return 0;
  const counted = /\b(a|an|one|two|three|\d)\s+(?:themed\s+|thematic\s+)?deep[- ]?dives?\b[^.]{0,40}?\b(?:at|in|per|for|during)\s+(?:each|every|a|the)\s+(?:board\s+)?meeting\b/i.exec(text);
  if (counted) return COUNT[counted[1].toLowerCase()] ?? Number(counted[1]);
  const each = /\b(?:each|every)\s+(?:board\s+)?meeting\s+(?:will\s+|shall\s+|should\s+)?(?:include|includes|have|has|hold|holds|receive|receives)\s+(a|an|one|two|three|\d)\s+(?:themed\s+|thematic\s+)?deep[- ]?dives?\b/i.exec(text);
  if (each) return COUNT[each[1].toLowerCase()] ?? Number(each[1]);
  return undefined;
};

/** The sentences of a text that speak of the quorum, for a ToR without a Quorum heading ("Meetings are quorate when…"). */
const quorumSentences = (text: string) =>
  text
    .split(/(?<=[.!?])\s+|\n+/)
    .filter((s) => /\bquor(?:um|ate|acy)\b/i.test(s))
    .join(' ');

export const planTorImport = (data: StoreData, input: Input, today: string, base?: TermsOfReference): TorImportPlan => {
  const tokens = marked.lexer(input.markdown);
  const draft: TorDraftFields = firstTorFields(today);
  const plan: TorImportPlan = { sourceFile: input.sourceFile, sections: [], seats: [], undecided: [], newPeople: [], seatRows: {}, draft, notes: [] };
  const organisations = listRecords(data, 'organisation').filter((o) => !o.retiredOn);
  const people = listRecords(data, 'person').filter((p) => !p.retiredOn);
  const stated = new Set<'quorum' | 'meetingsPerYear' | 'deepDivesPerMeeting' | 'paperDeadlineWorkingDays' | 'reviewDate' | 'chair' | 'viceChair'>();

  // Split into sections at headings (a paragraph that is all bold, as many Word ToRs are typed, is a heading too); what comes before the first is the title page.
  type Section = { heading: string; level: number; tokens: typeof tokens };
  const sections: Section[] = [{ heading: '', level: 0, tokens: [] as unknown as typeof tokens }];
  for (const t of tokens) {
    const boldLine = t.type === 'paragraph' && /^\*\*[^*\n]{2,80}\*\*:?$/.test(t.raw.trim());
    if (t.type === 'heading') sections.push({ heading: plain((t as Tokens.Heading).text), level: (t as Tokens.Heading).depth, tokens: [] as unknown as typeof tokens });
    else if (boldLine) sections.push({ heading: plain(t.raw).replace(/:$/, ''), level: 3, tokens: [] as unknown as typeof tokens });
    else sections.at(-1)!.tokens.push(t);
  }
  // A table that names roles and organisations is the membership, wherever it sits.
  const membershipTable = sections
    .flatMap((s) => s.tokens.filter((t): t is Tokens.Table => t.type === 'table'))
    .find((t) => {
      try {
        seatColumns(tableToSheet(input.sourceFile, t));
        return true;
      } catch {
        return false;
      }
    });
  // Else the first list under a Membership heading, one seat an item, as many ToRs are typed.
  const membershipList = membershipTable
    ? undefined
    : sections.filter((s) => s.level > 0 && classifyAll(s.heading).includes('membership')).flatMap((s) => s.tokens.filter((t): t is Tokens.List => t.type === 'list' && t.items.length >= 2))[0];
  const listSeats = membershipList ? seatsFromList(membershipList, organisations, people) : [];
  // The seats' table or list (with the line that opens it, "The membership of the Board is:") becomes the seats, not text kept at the end of the responsibilities.
  const seatTokens = new Set<unknown>();
  for (const s of listSeats.length ? sections : []) {
    let at = s.tokens.indexOf(membershipList!);
    if (at < 0) continue;
    seatTokens.add(membershipList);
    while (s.tokens[at - 1]?.type === 'space') at--;
    const opening = s.tokens[at - 1];
    if (opening?.type === 'paragraph' && /:\s*$/.test(opening.raw)) seatTokens.add(opening);
  }
  const body = (s: Section) =>
    s.tokens
      .filter((t) => t.type !== 'table' && !seatTokens.has(t))
      .map((t) => t.raw)
      .join('')
      .trim();
  const kept: string[] = [];
  const purpose: string[] = [];
  const responsibilities: string[] = [];
  const read: { use: Use; uses: Use[]; text: string; heading: string }[] = [];
  for (const s of sections) {
    const text = body(s);
    const uses = s.level === 0 ? (['title'] as Use[]) : classifyAll(s.heading);
    let use: Use = uses[0];
    if (use === 'title' && text && s.level > 0) use = 'kept';
    if (s.level === 0 && !text) continue;
    const also = uses.filter((u) => u !== use && u !== 'title' && u !== 'kept');
    plan.sections.push({ heading: s.heading || '(before the first heading)', use, ...(also.length ? { also } : {}) });
    read.push({ use, uses, text, heading: s.heading });
    // Without the document's own clause number ("5. Meetings"): in the draft it sits among Quorum's sections, not at 5.
    const keep = () => kept.push(`### ${s.heading.replace(/^\s*(?:\d+(?:\.\d+)*\.?|[IVXivx]+\.|[A-Za-z][.)])\s+/, '')}\n\n${text}`);
    if (!text) continue;
    if (use === 'purpose') purpose.push(text);
    else if (use === 'responsibilities') responsibilities.push(text);
    else if (use === 'quorum' && uses.length === 1) {
      /* read below, with the figures */
    } else if (use !== 'review' && use !== 'title') keep();
  }

  // The rule figures, from whichever section states them.
  // The quorum: the sentences that speak of it (a "Meetings and quorum" section says more), else the whole of a section headed Quorum.
  const quorumSection = read.find((r) => r.uses.includes('quorum') && r.text);
  const quorumText = (quorumSection && (quorumSentences(quorumSection.text) || quorumSection.text)) ?? (read.map((r) => quorumSentences(r.text)).find(Boolean) || undefined);
  if (quorumText) {
    draft.quorum = readQuorum(quorumText);
    stated.add('quorum');
  }
  const perYear = firstStated(read, 'meetings', meetingsPerYear);
  if (perYear) {
    draft.meetingsPerYear = perYear;
    stated.add('meetingsPerYear');
  } else plan.notes.push(`The document does not say how many times a year the board meets; it is set to ${draft.meetingsPerYear} for you to check`);
  const deepDives = deepDivesPerMeeting(read.map((r) => r.text).join('\n'));
  if (deepDives !== undefined) {
    draft.deepDivesPerMeeting = deepDives;
    stated.add('deepDivesPerMeeting');
    if (deepDives === 0) plan.notes.push('The document does not mention deep dives, so none are expected at the board’s meetings; set how many in the draft if it holds them');
  }
  const days = firstStated(read, 'papers', (t) => (/paper|agenda|report|circulat|despatch|dispatch|publish/i.test(t) ? clearDays(t) : undefined));
  if (days !== undefined) {
    draft.paperDeadlineWorkingDays = days;
    stated.add('paperDeadlineWorkingDays');
  }
  // "Decisions may be taken between meetings by written resolution": the board's own rule for deciding between meetings.
  const written = read.map((r) => r.text).find((t) => /written resolution|decisions? (?:may be )?(?:taken|made) (?:by e-?mail|in writing) between meetings/i.test(t));
  if (written && !/\b(?:no|not|never)\b[^.]{0,40}written resolution/i.test(written)) {
    draft.writtenResolutions = true;
    plan.notes.push('The document allows decisions between meetings by written resolution; the draft says so');
  }
  const review = read.find((r) => r.uses.includes('review') && r.text);
  if (review) {
    const date = /\b(\d{1,2}(?:st|nd|rd|th)? [A-Za-z]+ \d{4}|\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d{2}-\d{2}|[A-Za-z]+ \d{4})\b/.exec(review.text);
    const parsed = date ? (parseUkDate(date[1]) ?? parseUkDate(`1 ${date[1]}`)) : undefined;
    const reviewDate = parsed ?? (/annual|every year|each year|yearly|12 months/i.test(review.text) ? addDays(today, 365) : /two years|biennial|24 months/i.test(review.text) ? addDays(today, 730) : undefined);
    if (reviewDate) {
      draft.reviewDate = reviewDate;
      stated.add('reviewDate');
    }
  }
  draft.purpose = purpose.join('\n\n');
  draft.responsibilities = [...responsibilities, ...kept].join('\n\n');
  if (!draft.purpose) plan.notes.push('No heading reads as the board’s purpose; write it in the draft');
  if (kept.length) plan.notes.push(`${kept.length === 1 ? 'One section' : `${kept.length} sections`} Quorum has no field for ${kept.length === 1 ? 'is' : 'are'} kept at the end of the responsibilities, under ${kept.length === 1 ? 'its' : 'their'} own heading${kept.length === 1 ? '' : 's'}, for you to place`);

  const said: SeatSaid = new Map();
  if (membershipTable) {
    const sheet = tableToSheet(input.sourceFile, membershipTable);
    const cols = seatColumns(sheet);
    plan.membershipFrom = 'table';
    const lines = sheet.rows
      .filter((r) => r.cells.some((c) => c.trim()))
      .map((r): SeatLine => ({ row: r.row, role: cellOf(r, cols, 'role'), organisation: cellOf(r, cols, 'organisation'), nameCell: cellOf(r, cols, 'name'), deputyCell: cellOf(r, cols, 'deputyAllowed'), votingCell: cellOf(r, cols, 'voting') }));
    readSeats(said, plan, lines, columnName(sheet, cols, 'organisation'), input, organisations, people, stated, base);
  } else if (listSeats.length) {
    plan.membershipFrom = 'list';
    plan.notes.push(`The seats are read from the membership list, one an item (${listSeats.length}); check each seat’s organisation`);
    readSeats(said, plan, listSeats, undefined, input, organisations, people, stated, base);
  } else plan.notes.push('No membership table (with a role and an organisation column) or list was found; add the seats in the draft');
  if (!draft.chairMemberKey && !base?.chairMemberKey) plan.notes.push('No seat is named as the chair; choose one in the draft');
  if (base) plan.merge = mergeIntoBase(plan, base, stated, said, data);
  return plan;
};

/** Per seat read from the document: whether it said if a deputy is allowed, and whether the seat votes (else the draft's answer stands). */
type SeatSaid = Map<string, { deputy: boolean; voting: boolean }>;

const readSeats = (
  said: SeatSaid,
  plan: TorImportPlan,
  lines: SeatLine[],
  organisationColumn: string | undefined,
  input: Input,
  organisations: Organisation[],
  people: Person[],
  stated: Set<string>,
  base: TermsOfReference | undefined,
) => {
  const { draft } = plan;
  const decisions = new Map(input.seats.map((d) => [d.row, d]));
  const taken = new Set<string>();
  type Found = { org?: Organisation; guess?: string; how?: string };
  const organisationFor = (cell: string): Found => {
    const exact = organisations.find((o) => sameName(o.name, cell));
    if (exact) return { org: exact };
    const key = nameKey(cell);
    const within = key ? organisations.filter((o) => nameKey(o.name).includes(key) || key.includes(nameKey(o.name))) : [];
    if (within.length === 1) return { org: within[0] };
    return { guess: nearest(cell, organisations.map((o) => o.name)) ?? within[0]?.name };
  };
  for (const r of lines) {
    const { role, organisation, nameCell, deputyCell, votingCell } = r;
    const name = VACANT.test(personName(nameCell)) ? '' : personName(nameCell);
    const deputy = deputyCell ? yesNo(deputyCell) : undefined;
    const voting = (votingCell.trim() ? (yesNo(votingCell) ?? (NON_VOTING.test(votingCell) ? false : /^(full )?voting/i.test(votingCell.trim()) ? true : undefined)) : undefined) ?? !NON_VOTING.test(`${role} ${nameCell}`);
    const decision = decisions.get(r.row);
    // "(non-voting)" is the seat's vote and "(Chair)" who chairs (seatRole.ts): fields, not the seat's name.
    const roleText = role || organisation;
    const { role: seatRole } = splitChairNote(roleText.replace(/\s*\((?:non[- ]?voting|voting)\)\s*/i, ' ').trim() || roleText);
    const chairs = /vice[- ]?chair/i.test(roleText) ? 'vice-chair' : /\bchair\b/i.test(roleText) ? 'chair' : undefined;
    const seat: TorSeatPreview = { row: r.row, role: seatRole, organisation, name, deputyAllowed: deputy ?? true, voting, outcome: 'matched', ...(chairs ? { chairs } : {}) };
    plan.seats.push(seat);
    if (decision?.leaveOut) {
      seat.outcome = 'left out';
      continue;
    }
    // No organisation named: the organisation of the person named, else of the board's draft seat of this role.
    const unnamed = (): Found => {
      const person = seat.name ? people.find((p) => sameName(bareName(p.name), bareName(seat.name))) : undefined;
      const draftSeat = base?.members.find((m) => seatRoleKey(m.role) === seatRoleKey(seatRole));
      const org = organisations.find((o) => o.id === (person?.organisationId ?? draftSeat?.organisationId));
      return org ? { org, how: person?.organisationId ? `${org.name}, ${person.name}’s organisation` : `${org.name}, as in the draft` } : {};
    };
    const found: Found = decision?.organisationId ? { org: organisations.find((o) => o.id === decision.organisationId) } : organisation.trim() ? organisationFor(organisation) : unnamed();
    if (!found.org) {
      seat.outcome = 'needs a decision';
      if (found.guess) seat.didYouMean = found.guess;
      seat.note = organisation.trim()
        ? `“${organisation}” is not an organisation in the partnership${seat.didYouMean ? ` (did you mean ${seat.didYouMean}?)` : ''}`
        : 'the document names no organisation for this seat';
      plan.undecided.push({ row: r.row, ...(organisationColumn ? { column: organisationColumn } : {}), message: `${seat.role}: ${seat.note}; choose the organisation or leave the seat out` });
      continue;
    }
    seat.organisationId = found.org.id;
    if (found.how) seat.note = found.how;
    else if (found.org.name !== organisation) seat.note = `read as ${found.org.name}`;
    const key = memberKey(seat.role, taken);
    taken.add(key);
    let personId: Person['id'] | undefined;
    if (seat.name && !decision?.vacant) {
      const named = people.filter((p) => sameName(bareName(p.name), bareName(seat.name)));
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
    draft.members.push({ key, role: seat.role.slice(0, 200), organisationId: found.org.id, ...(personId ? { personId } : {}), deputyAllowed: seat.deputyAllowed, voting: seat.voting });
    said.set(key, { deputy: deputy !== undefined, voting: votingCell.trim() !== '' || NON_VOTING.test(`${role} ${nameCell}`) });
    if (seat.chairs === 'vice-chair') {
      draft.viceChairMemberKey ||= key;
      stated.add('viceChair');
    } else if (seat.chairs === 'chair') {
      draft.chairMemberKey ||= key;
      stated.add('chair');
    }
  }
};

/** A seat that needs a decision, as the officer finds it in the document: "Row 7, column B (Organisation): …" in a table, "Item 4: …" in a list. */
export const describeSeatProblem = (plan: Pick<TorImportPlan, 'membershipFrom'>, p: RowProblem): string => (plan.membershipFrom === 'list' ? `Item ${p.row}: ${p.message}` : describeProblem(p));

const describeQuorum = (q: TermsOfReference['quorum']) => quorumInWords(q) || 'not stated';

/**
 * The document laid over the board's draft: its text goes where the draft has none (and after the
 * draft's own words where it has some); the figures it states replace the draft's; a seat it names
 * that the draft has (by role, or by the person in it) is confirmed or changed, keeping the person
 * the draft already seats there; the draft's other seats stay.
 */
const mergeIntoBase = (plan: TorImportPlan, base: TermsOfReference, stated: Set<string>, said: SeatSaid, data: StoreData): TorMerge => {
  const doc = plan.draft;
  const merge: TorMerge = { base: { version: base.version, status: base.status, rev: base.rev }, sections: [], figures: [], seats: [] };
  const personName = (id?: string) => (id ? (listRecords(data, 'person').find((p) => p.id === id)?.name ?? '') : '');
  const text = (part: 'Purpose' | 'Responsibilities', mine: string, theirs: string) => {
    if (!theirs.trim() || theirs.trim() === mine.trim()) {
      if (theirs.trim()) merge.sections.push({ part, outcome: 'unchanged' });
      return mine;
    }
    if (!mine.trim()) {
      merge.sections.push({ part, outcome: 'added' });
      return theirs;
    }
    merge.sections.push({ part, outcome: 'added after the draft’s own text' });
    return `${mine}\n\n### As ${plan.sourceFile} words it\n\n${theirs}`;
  };
  const merged: TorDraftFields = {
    ...doc,
    purpose: text('Purpose', base.purpose, doc.purpose),
    responsibilities: text('Responsibilities', base.responsibilities, doc.responsibilities),
    quorum: stated.has('quorum') ? doc.quorum : base.quorum,
    meetingsPerYear: stated.has('meetingsPerYear') ? doc.meetingsPerYear : base.meetingsPerYear,
    paperDeadlineWorkingDays: stated.has('paperDeadlineWorkingDays') ? doc.paperDeadlineWorkingDays : base.paperDeadlineWorkingDays,
    reviewDate: stated.has('reviewDate') ? doc.reviewDate : base.reviewDate,
    deepDivesPerMeeting: stated.has('deepDivesPerMeeting') ? doc.deepDivesPerMeeting : base.deepDivesPerMeeting,
    reportsToBoardIds: base.reportsToBoardIds,
    permissions: base.permissions,
    writtenResolutions: doc.writtenResolutions || base.writtenResolutions,
    members: [],
    chairMemberKey: base.chairMemberKey ?? '',
    viceChairMemberKey: base.viceChairMemberKey ?? '',
  };
  const figure = (part: string, from: string, to: string) => merge.figures.push({ part, from, to });
  if (stated.has('quorum') && describeQuorum(base.quorum) !== describeQuorum(doc.quorum)) figure('Quorum', describeQuorum(base.quorum), describeQuorum(doc.quorum));
  if (stated.has('meetingsPerYear') && base.meetingsPerYear !== doc.meetingsPerYear) figure('Meetings a year', String(base.meetingsPerYear), String(doc.meetingsPerYear));
  if (stated.has('deepDivesPerMeeting') && base.deepDivesPerMeeting !== doc.deepDivesPerMeeting) figure('Deep dives a meeting', String(base.deepDivesPerMeeting), String(doc.deepDivesPerMeeting));
  if (stated.has('paperDeadlineWorkingDays') && base.paperDeadlineWorkingDays !== doc.paperDeadlineWorkingDays) figure('Paper deadline (clear working days)', String(base.paperDeadlineWorkingDays), String(doc.paperDeadlineWorkingDays));
  if (stated.has('reviewDate') && base.reviewDate !== doc.reviewDate) figure('Review date', formatUkDate(base.reviewDate), formatUkDate(doc.reviewDate));

  // The seats in the document's order, each laid over the draft's seat of that role (or person); then the draft's other seats.
  const members: TermsOfReference['members'] = [];
  const used = new Set<number>();
  const taken = new Set(base.members.map((m) => m.key));
  const seatRows: Record<string, number> = {};
  const keyFor = new Map<string, string>();
  for (const m of doc.members) {
    // The same seat by its role, whatever notes the document adds ("(Chair)"), else by its person.
    const at = base.members.findIndex((b, i) => !used.has(i) && (seatRoleKey(b.role) === seatRoleKey(m.role) || (Boolean(m.personId) && b.personId === m.personId)));
    const row = plan.seatRows[m.key];
    if (at < 0) {
      const key = memberKey(m.role, taken);
      taken.add(key);
      members.push({ ...m, key });
      keyFor.set(m.key, key);
      if (row !== undefined) seatRows[key] = row;
      merge.seats.push({ role: m.role, outcome: 'added', ...(m.personId ? { detail: personName(m.personId) } : {}) });
      continue;
    }
    used.add(at);
    const b = base.members[at];
    keyFor.set(m.key, b.key);
    const told = said.get(m.key) ?? { deputy: true, voting: true };
    m.deputyAllowed = told.deputy ? m.deputyAllowed : b.deputyAllowed;
    m.voting = told.voting ? m.voting : b.voting;
    const changes: string[] = [];
    if (!sameName(b.role, m.role)) changes.push(`seat named “${m.role}” (was “${b.role}”)`);
    if (b.organisationId !== m.organisationId) changes.push('organisation');
    if (b.deputyAllowed !== m.deputyAllowed) changes.push(m.deputyAllowed ? 'a deputy allowed' : 'no deputy');
    if (b.voting !== m.voting) changes.push(m.voting ? 'voting' : 'non-voting');
    let personId = b.personId;
    let note = '';
    if (!personId && m.personId) {
      personId = m.personId;
      changes.push(`${personName(m.personId)} in the seat`);
    } else if (!personId && row !== undefined) {
      seatRows[b.key] = row;
      changes.push('a new person in the seat');
    } else if (personId && ((m.personId && m.personId !== personId) || (!m.personId && row !== undefined))) {
      const named = plan.seats.find((x) => x.row === row)?.name ?? personName(m.personId);
      note = `the document names ${named}; the seat keeps ${personName(personId)}`;
      // The person the document would have added is not added: the seat is already filled.
      if (row !== undefined) plan.newPeople = plan.newPeople.filter((p) => p.row !== row);
    } else if (personId) note = personName(personId);
    members.push({ ...b, role: m.role, organisationId: m.organisationId, deputyAllowed: m.deputyAllowed, voting: m.voting, ...(personId ? { personId } : {}) });
    merge.seats.push({ role: m.role, outcome: changes.length ? 'changed' : 'confirmed', ...(changes.length || note ? { detail: [...changes, note].filter(Boolean).join('; ') } : {}) });
  }
  base.members.forEach((m, i) => {
    if (used.has(i)) return;
    members.push(m);
    merge.seats.push({ role: m.role, outcome: 'kept from the draft', ...(m.personId ? { detail: personName(m.personId) } : {}) });
  });
  if (stated.has('chair')) merged.chairMemberKey = keyFor.get(doc.chairMemberKey ?? '') ?? merged.chairMemberKey;
  if (stated.has('viceChair')) merged.viceChairMemberKey = keyFor.get(doc.viceChairMemberKey ?? '') ?? merged.viceChairMemberKey;
  merged.members = members;
  plan.draft = merged;
  plan.seatRows = seatRows;
  return merge;
};
