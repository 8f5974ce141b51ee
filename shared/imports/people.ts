import { z } from 'zod';
import { BOARD_KINDS, BOARD_RULES, ORGANISATION_KINDS, type Board, type Organisation, type Person, type TermsOfReference } from '../schema/records';
import { listRecords, type StoreData } from '../data';
import { firstTorFields, memberKey } from '../rules/torDraft';
import { recordId } from '../schema/common';
import { guessBoardKind, matchBoard, placeWords, proposedBoardNames } from './boardNames';
import { splitChairNote, type SeatRole } from './seatRole';
import { cellOf, columnName, filledRows, mapColumns, nameKey, nearest, sameName, yesNo, type ColumnSpec, type RowProblem, type SheetTable } from './table';

/**
 * People and organisations from a membership spreadsheet (.xlsx or .csv). Each row is matched to
 * someone already in the partnership (by email, then by name), added, or refused with the row and
 * column named. Organisations the partnership does not have yet are only added when the officer
 * says so (a misspelt "Westmoor Polce" must not become a new agency). A board and seat on the row
 * put the person in that seat of the board's draft terms of reference.
 */
export const PEOPLE_COLUMNS = {
  name: { label: 'Name', names: ['name', 'full name', 'member', 'member name', 'person'], required: true },
  jobTitle: { label: 'Job title', names: ['job title', 'title', 'position', 'role', 'job'] },
  organisation: { label: 'Organisation', names: ['organisation', 'organization', 'agency', 'organisation name', 'employer', 'partner', 'partner agency'], required: true },
  organisationKind: { label: 'Organisation type', names: ['organisation type', 'organization type', 'agency type', 'sector', 'organisation kind'] },
  email: { label: 'Email', names: ['email', 'e mail', 'email address', 'e mail address'] },
  phone: { label: 'Phone', names: ['phone', 'telephone', 'tel', 'phone number', 'telephone number', 'mobile'] },
  board: { label: 'Board', names: ['board', 'board name', 'partnership board'] },
  seat: { label: 'Seat', names: ['seat', 'board role', 'membership role', 'represents', 'seat on board'] },
  deputyAllowed: { label: 'Deputy allowed', names: ['deputy allowed', 'deputy', 'substitute allowed', 'deputies allowed', 'may send a deputy'] },
} as const satisfies ColumnSpec<string>;

export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** A new organisation's kind from the sheet's "type" cell or its name: "Westmoor ICB" is health. */
export const guessOrganisationKind = (text: string): OrganisationKind => {
  const t = text.toLowerCase();
  if (/police|constabulary|\bopcc\b|crime commissioner/.test(t)) return 'police';
  if (/\bnhs\b|health|\bicb\b|integrated care|hospital|\bgp\b|clinical|foundation trust|healthcare|public health/.test(t)) return 'health';
  if (/council|local authority|borough|county|district|unitary/.test(t)) return 'council';
  if (/school|college|academy|education|university|nursery/.test(t)) return 'education';
  if (/voluntary|charity|\bcvs\b|\bvcs\b|community|trust\b|foundation/.test(t)) return 'voluntary';
  return 'other';
};

export const peopleImportInput = {
  /** Organisations the officer agreed to add, with their kinds; any other unknown organisation refuses its rows. */
  newOrganisations: z.array(z.object({ name: z.string().trim().min(1).max(200), kind: z.enum(ORGANISATION_KINDS) }).strict()).max(500).default([]),
  /** Import the rows that can be, leaving out the refused ones (said so in the preview); otherwise a refused row stops the import. */
  leaveOutRefused: z.boolean().default(false),
  /** Boards the sheet names that the partnership does not have, which the officer agreed to add (name, short name and kind as they chose). */
  newBoards: z
    .array(z.object({ sheetName: z.string().trim().min(1).max(200), name: z.string().trim().min(1).max(200), shortName: z.string().trim().min(1).max(40), kind: z.enum(BOARD_KINDS) }).strict())
    .max(50)
    .default([]),
  /** For a board name Quorum is unsure of: the board it means, or leave those rows' seats out (the people are still imported). */
  boardChoices: z
    .array(z.object({ sheetName: z.string().trim().min(1).max(200), boardId: recordId('board').optional(), leaveOut: z.boolean().optional() }).strict())
    .max(50)
    .default([]),
};
type BoardKind = (typeof BOARD_KINDS)[number];
export type NewBoardDecision = { sheetName: string; name: string; shortName: string; kind: BoardKind };
export type BoardChoice = { sheetName: string; boardId?: Board['id']; leaveOut?: boolean };
export type PeopleImportDecisions = { newOrganisations: { name: string; kind: OrganisationKind }[]; leaveOutRefused: boolean; newBoards?: NewBoardDecision[]; boardChoices?: BoardChoice[] };

/** A council committee's access-to-information rules apply to a Health and Wellbeing Board (Health and Social Care Act 2012 s.194); other boards follow their own terms of reference. */
export const rulesForKind = (kind: BoardKind): (typeof BOARD_RULES)[number] => (kind === 'health-and-wellbeing' ? 'council-committee' : 'own-terms-of-reference');

/** One distinct board name on the sheet, and what becomes of its rows' seats. */
export type SheetBoard = {
  sheetName: string;
  rows: number[];
  outcome: 'matched' | 'new board' | 'chosen' | 'seats left out' | 'needs a decision';
  boardId?: Board['id'];
  /** The board it was matched or chosen to, as the partnership names it. */
  boardName?: string;
  /** Quorum's best guess where it is unsure. */
  didYouMean?: { id: Board['id']; name: string };
  /** What Quorum would add for a board the partnership does not have: from the sheet, editable. */
  proposed: { name: string; shortName: string; kind: BoardKind };
};

type Row = { row: number; name: string; jobTitle: string; organisation: string; email: string; phone: string };
export type PeopleImportPlan = {
  sourceFile: string;
  rows: number;
  add: Row[];
  update: (Row & { personId: Person['id']; changes: string[] })[];
  match: { row: number; personId: Person['id']; name: string }[];
  /** Organisations the sheet names that the partnership does not have: each to be added or not. */
  newOrganisations: { name: string; kind: OrganisationKind; rows: number[]; didYouMean?: string; added: boolean }[];
  seats: { row: number; board: string; seat: string; person: string; deputyAllowed: boolean; filled: 'new seat' | 'vacant seat' | 'already in seat'; chairs?: SeatRole['chairs'] }[];
  /** Each distinct board name the sheet gives, once: matched, to be added, chosen, or waiting for a decision. */
  boards: SheetBoard[];
  refused: RowProblem[];
  ignoredColumns: string[];
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const fieldLimit = { name: 200, jobTitle: 200, email: 200, phone: 60 } as const;

type Ops = {
  createOrganisation(name: string, kind: OrganisationKind): Organisation['id'];
  createPerson(fields: Omit<Row, 'row' | 'organisation'> & { organisationId: Organisation['id'] }): Person['id'];
  updatePerson(person: Person, patch: Partial<Person>): void;
  createBoard(fields: { name: string; shortName: string; kind: BoardKind }): Board;
  seat(board: Board, seat: { role: string; organisationId: Organisation['id']; personId: Person['id']; deputyAllowed: boolean; chairs?: SeatRole['chairs'] }): void;
};

/** The plan for a sheet against the partnership as it is now; with `ops`, carries it out. */
export const planPeopleImport = (data: StoreData, table: SheetTable, decisions: PeopleImportDecisions, ops?: Ops): PeopleImportPlan => {
  const cols = mapColumns(table, PEOPLE_COLUMNS, 'a list of people');
  const col = (k: keyof typeof PEOPLE_COLUMNS) => columnName(table, cols, k);
  const organisations = listRecords(data, 'organisation');
  const people = listRecords(data, 'person');
  const boards = listRecords(data, 'board');
  const plan: PeopleImportPlan = { sourceFile: table.sourceFile, rows: 0, add: [], update: [], match: [], newOrganisations: [], seats: [], boards: [], refused: [], ignoredColumns: cols.ignored };
  const rows = filledRows(table);
  plan.rows = rows.length;

  // Boards: each distinct name once, matched loosely, added when agreed, or chosen by the officer.
  const partnership = listRecords(data, 'partnership')[0];
  const place = placeWords(partnership?.name ?? '', partnership?.area ?? '');
  const placeName = (partnership?.area || (partnership?.name ?? '').split(/\s+/).filter((w) => place.has(w.toLowerCase().replace(/[’'`]/g, ''))).join(' ')).trim();
  const sheetBoards = new Map<string, SheetBoard>();
  const agreedBoards = new Map((decisions.newBoards ?? []).map((b) => [nameKey(b.sheetName), b]));
  const chosenBoards = new Map((decisions.boardChoices ?? []).map((b) => [nameKey(b.sheetName), b]));
  const createdBoards = new Map<string, Board>();
  for (const r of rows) {
    const cell = cellOf(r, cols, 'board');
    if (!cell) continue;
    const known = sheetBoards.get(nameKey(cell));
    if (known) {
      known.rows.push(r.row);
      continue;
    }
    const found = matchBoard(cell, boards, place);
    const proposed = { ...proposedBoardNames(cell, place, placeName), kind: guessBoardKind(cell) };
    const entry: SheetBoard = { sheetName: cell, rows: [r.row], outcome: 'needs a decision', proposed };
    const choice = chosenBoards.get(nameKey(cell));
    const agreed = agreedBoards.get(nameKey(cell));
    if (found.board) Object.assign(entry, { outcome: 'matched', boardId: found.board.id, boardName: found.board.name });
    else {
      if (found.didYouMean) entry.didYouMean = { id: found.didYouMean.id, name: found.didYouMean.name };
      const chosen = choice?.boardId ? boards.find((b) => b.id === choice.boardId && !b.closedOn) : undefined;
      if (chosen) Object.assign(entry, { outcome: 'chosen', boardId: chosen.id, boardName: chosen.name });
      else if (choice?.leaveOut) entry.outcome = 'seats left out';
      else if (agreed) {
        entry.outcome = 'new board';
        entry.proposed = { name: agreed.name, shortName: agreed.shortName, kind: agreed.kind };
        entry.boardName = agreed.name;
      }
    }
    sheetBoards.set(nameKey(cell), entry);
  }
  plan.boards = [...sheetBoards.values()];
  if (ops)
    for (const b of plan.boards)
      if (b.outcome === 'new board') {
        const board = ops.createBoard(b.proposed);
        createdBoards.set(nameKey(b.sheetName), board);
        b.boardId = board.id;
      }

  // Organisations: known, agreed to be added, or refused (with a likely spelling when there is one).
  const currentOrgs = organisations.filter((o) => !o.retiredOn);
  const orgByName = new Map(currentOrgs.map((o) => [nameKey(o.name), o]));
  const agreed = new Map(decisions.newOrganisations.map((o) => [nameKey(o.name), o]));
  const unknownOrgs = new Map<string, PeopleImportPlan['newOrganisations'][number]>();
  const orgIds = new Map<string, Organisation['id']>();
  for (const r of rows) {
    const name = cellOf(r, cols, 'organisation');
    const key = nameKey(name);
    if (!name || orgByName.has(key)) continue;
    const entry = unknownOrgs.get(key);
    if (entry) entry.rows.push(r.row);
    else {
      const kindCell = cellOf(r, cols, 'organisationKind');
      const decided = agreed.get(key);
      const didYouMean = nearest(name, currentOrgs.map((o) => o.name));
      // One that has left the partnership is brought back on the People screen, not added again.
      if (organisations.some((o) => o.retiredOn && sameName(o.name, name))) continue;
      unknownOrgs.set(key, { name, kind: decided?.kind ?? guessOrganisationKind(kindCell || name), rows: [r.row], ...(didYouMean ? { didYouMean } : {}), added: Boolean(decided) });
    }
  }
  plan.newOrganisations = [...unknownOrgs.values()];
  for (const o of plan.newOrganisations) if (o.added && ops) orgIds.set(nameKey(o.name), ops.createOrganisation(o.name, o.kind));

  const seenEmail = new Map<string, number>();
  const seenName = new Map<string, number>();
  const refuse = (row: number, column: string, message: string) => plan.refused.push({ row, column, message });

  for (const r of rows) {
    const v: Row = { row: r.row, name: cellOf(r, cols, 'name'), jobTitle: cellOf(r, cols, 'jobTitle'), organisation: cellOf(r, cols, 'organisation'), email: cellOf(r, cols, 'email'), phone: cellOf(r, cols, 'phone') };
    if (!v.name) {
      refuse(r.row, col('name'), 'there is no name');
      continue;
    }
    const tooLong = (Object.keys(fieldLimit) as (keyof typeof fieldLimit)[]).find((k) => v[k].length > fieldLimit[k]);
    if (tooLong) {
      refuse(r.row, col(tooLong), `keep this under ${fieldLimit[tooLong]} characters`);
      continue;
    }
    if (v.email && !EMAIL.test(v.email)) {
      refuse(r.row, col('email'), `“${v.email}” is not an email address`);
      continue;
    }
    if (!v.organisation) {
      refuse(r.row, col('organisation'), `${v.name} has no organisation; every member belongs to one`);
      continue;
    }
    const known = orgByName.get(nameKey(v.organisation));
    const unknown = unknownOrgs.get(nameKey(v.organisation));
    if (!known && !unknown?.added) {
      const left = organisations.find((o) => o.retiredOn && sameName(o.name, v.organisation));
      refuse(
        r.row,
        col('organisation'),
        left
          ? `${left.name} has left the partnership; bring it back on the People and boards screen first`
          : `“${v.organisation}” is not an organisation in the partnership${unknown?.didYouMean ? ` (did you mean ${unknown.didYouMean}?)` : ''}: add it as a new organisation, or correct the sheet`,
      );
      continue;
    }
    const emailKey = v.email.toLowerCase();
    if (emailKey && seenEmail.has(emailKey)) {
      refuse(r.row, col('email'), `${v.email} is also on row ${seenEmail.get(emailKey)}; each person once`);
      continue;
    }
    const personKey = `${nameKey(v.name)}|${nameKey(v.organisation)}`;
    if (!emailKey && seenName.has(personKey)) {
      refuse(r.row, col('name'), `${v.name} of ${v.organisation} is also on row ${seenName.get(personKey)}; each person once`);
      continue;
    }
    if (emailKey) seenEmail.set(emailKey, r.row);
    seenName.set(personKey, r.row);

    // Matching: the email first (it is unique), then the name within the organisation, then the name alone.
    const orgId = known?.id;
    const byEmail = emailKey ? people.find((p) => p.email.toLowerCase() === emailKey) : undefined;
    const byName = byEmail ? undefined : people.filter((p) => !p.retiredOn && sameName(p.name, v.name));
    const existing = byEmail ?? (byName && (byName.find((p) => p.organisationId === orgId) ?? (byName.length === 1 ? byName[0] : undefined)));
    if (existing?.retiredOn) {
      refuse(r.row, col('email'), `${existing.name} (${existing.email}) has left the partnership; restore them on the People and boards screen first`);
      continue;
    }
    if (byEmail && !sameName(byEmail.name, v.name)) {
      refuse(r.row, col('email'), `${v.email} belongs to ${byEmail.name} in Quorum, not ${v.name}; correct the sheet or the person`);
      continue;
    }
    if (existing && !byEmail && v.email && existing.email && existing.email.toLowerCase() !== emailKey) {
      refuse(r.row, col('email'), `${existing.name} is already in the partnership with the email ${existing.email}; the sheet gives ${v.email}. Change it on the People and boards screen if it is new`);
      continue;
    }

    // A seat on a board, when the row gives one.
    const boardCell = cellOf(r, cols, 'board');
    const seatCell = cellOf(r, cols, 'seat');
    const deputyCell = cellOf(r, cols, 'deputyAllowed');
    let seat: { board: Board; role: string; deputyAllowed: boolean; chairs?: SeatRole['chairs'] } | undefined;
    const sheetBoard = boardCell ? sheetBoards.get(nameKey(boardCell)) : undefined;
    if ((boardCell || seatCell) && sheetBoard?.outcome !== 'seats left out' && sheetBoard?.outcome !== 'needs a decision') {
      const board = sheetBoard?.boardId ? (createdBoards.get(nameKey(boardCell)) ?? boards.find((b) => b.id === sheetBoard.boardId)) : undefined;
      if (!board && !(sheetBoard?.outcome === 'new board' && !ops)) {
        refuse(r.row, col('board'), `a seat is given (“${seatCell}”) but no board`);
        continue;
      }
      const deputy = deputyCell ? yesNo(deputyCell) : true;
      if (deputy === undefined) {
        refuse(r.row, col('deputyAllowed'), `“${deputyCell}” is not yes or no`);
        continue;
      }
      // "Independent Scrutineer (Chair)": the seat, and that it chairs the board (seatRole.ts).
      const named = splitChairNote(seatCell);
      seat = { board: board ?? ({ id: 'board:new', shortName: sheetBoard!.proposed.shortName } as unknown as Board), role: named.role || v.jobTitle || v.name, deputyAllowed: deputy, ...(named.chairs ? { chairs: named.chairs } : {}) };
    }

    let personId: Person['id'];
    if (existing) {
      const newOrgId = orgId ?? orgIds.get(nameKey(v.organisation));
      const edits: [keyof Person, unknown, string][] = [];
      if (v.jobTitle && v.jobTitle !== existing.jobTitle) edits.push(['jobTitle', v.jobTitle, `job title: ${existing.jobTitle || '(none)'} → ${v.jobTitle}`]);
      if (v.phone && v.phone !== (existing.phone ?? '')) edits.push(['phone', v.phone, `phone: ${existing.phone || '(none)'} → ${v.phone}`]);
      if (v.email && !existing.email) edits.push(['email', v.email, `email: ${v.email}`]);
      if (orgId !== existing.organisationId) edits.push(['organisationId', newOrgId, `organisation: → ${v.organisation}${orgId ? '' : ' (new)'}`]);
      const changes = edits.map((e) => e[2]);
      const patch = Object.fromEntries(edits.map(([k, value]) => [k, value])) as Partial<Person>;
      if (changes.length) {
        plan.update.push({ ...v, personId: existing.id, changes });
        if (ops) ops.updatePerson(existing, patch);
      } else plan.match.push({ row: r.row, personId: existing.id, name: existing.name });
      personId = existing.id;
    } else {
      plan.add.push(v);
      personId = ops ? ops.createPerson({ name: v.name, jobTitle: v.jobTitle, email: v.email, phone: v.phone, organisationId: (orgId ?? orgIds.get(nameKey(v.organisation)))! }) : ('person:new' as Person['id']);
    }
    if (seat) {
      const organisationId = (orgId ?? orgIds.get(nameKey(v.organisation)) ?? 'organisation:new') as Organisation['id'];
      const draft = draftOf(data, seat.board.id);
      const inSeat = draft?.members.find((m) => sameName(m.role, seat.role));
      plan.seats.push({ row: r.row, board: seat.board.shortName, seat: seat.role, person: v.name, deputyAllowed: seat.deputyAllowed, filled: !inSeat ? 'new seat' : inSeat.personId === personId ? 'already in seat' : 'vacant seat', ...(seat.chairs ? { chairs: seat.chairs } : {}) });
      if (ops) ops.seat(seat.board, { role: seat.role, organisationId, personId, deputyAllowed: seat.deputyAllowed, ...(seat.chairs ? { chairs: seat.chairs } : {}) });
    }
  }
  return plan;
};

/** The board's terms of reference that a seat goes into: the draft, else a copy of the approved version. */
export const draftOf = (data: StoreData, boardId: Board['id']): TermsOfReference | undefined => {
  const versions = listRecords(data, 'tor').filter((t) => t.boardId === boardId);
  return versions.find((t) => t.status === 'draft') ?? versions.filter((t) => t.status === 'approved').sort((a, b) => b.version - a.version)[0];
};

/** Puts a person in a named seat of the board's draft ToR, starting the draft when there is none. */
export const seatInDraft = (
  draft: { members: TermsOfReference['members'] } | undefined,
  today: string,
  seat: { role: string; organisationId: Organisation['id']; personId: Person['id']; deputyAllowed: boolean; chairs?: SeatRole['chairs'] },
): TermsOfReference['members'] => {
  const members = draft ? [...draft.members] : firstTorFields(today).members;
  const at = members.findIndex((m) => sameName(m.role, seat.role));
  if (at >= 0) members[at] = { ...members[at], personId: seat.personId, organisationId: seat.organisationId, deputyAllowed: seat.deputyAllowed };
  else members.push({ key: memberKey(seat.role, new Set(members.map((m) => m.key))), role: seat.role, organisationId: seat.organisationId, personId: seat.personId, deputyAllowed: seat.deputyAllowed, voting: true });
  return members;
};
