import { describe, expect, it } from 'vitest';
import { emptyData, listRecords, type StoreData } from '../../shared/data';
import { deepDivesPerMeeting, planTorImport } from '../../shared/imports/tor';
import { matchBoard, placeWords } from '../../shared/imports/boardNames';
import type { SheetTable } from '../../shared/imports/table';
import type { Board, TermsOfReference } from '../../shared/schema/records';
import { quorumInWords } from '../../shared/rules/quorumWords';
import { readTorDocument } from '../../main/services/imports/torDocument';
import { CHILDRENS_TRUST_SEATS, childrensTrustTor, HEALTH_AND_WELLBEING_SEATS, healthAndWellbeingTor, listMembershipTor, torDocument, WESTMOOR_PEOPLE, WESTMOOR_PEOPLE_COLUMNS } from '../fixtures/imports';
import { commandSession, tempDir, TEST_TODAY } from '../helpers';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays } from '../../shared/rules/dates';

/**
 * A secretariat setting up from empty in the order the dashboard gives: the partnership, the
 * boards it knows of, the people sheet (which names boards as the office says them), then each
 * board's terms of reference from Word onto the draft the sheet started.
 */
const sheet = (rows = WESTMOOR_PEOPLE): SheetTable => ({ sourceFile: 'Westmoor members.xlsx', columns: WESTMOOR_PEOPLE_COLUMNS, rows: rows.map((cells, i) => ({ row: i + 2, cells })) });

const fromEmpty = () => {
  const s = commandSession(emptyData());
  s.run('partnership:setUp', { name: 'Westmoor Children and Families Partnership' });
  s.run('boards:add', { name: 'Westmoor Safeguarding Children Partnership', shortName: 'Safeguarding Partnership', kind: 'safeguarding-partnership', rules: 'own-terms-of-reference' });
  s.run('boards:add', { name: 'Westmoor Children’s Trust Board', shortName: 'Children’s Trust', kind: 'childrens-trust', rules: 'own-terms-of-reference' });
  return s;
};
const WESTMOOR_ORGANISATIONS = ['Westmoor Borough Council', 'Westmoor Police', 'Westmoor Integrated Care Board', 'Westmoor Schools Forum', 'Westmoor CVS'].map((name) => ({ name, kind: 'other' as const }));
/** From empty, then the whole people sheet: its organisations added, and the board it misspells added as the Health and Wellbeing Board. */
const fromTheSheet = () => {
  const s = fromEmpty();
  s.run('imports:people', {
    table: sheet(),
    newOrganisations: WESTMOOR_ORGANISATIONS,
    leaveOutRefused: false,
    newBoards: [{ sheetName: 'Health & Wellbeing Bord', name: 'Westmoor Health and Wellbeing Board', shortName: 'Health and Wellbeing Board', kind: 'health-and-wellbeing' }],
  });
  return s;
};
const boardNamed = (data: StoreData, shortName: string) => listRecords(data, 'board').find((b) => b.shortName === shortName)!;
const torOf = (data: StoreData, shortName: string) => listRecords(data, 'tor').filter((t) => t.boardId === boardNamed(data, shortName).id);
const personId = (data: StoreData, name: string) => listRecords(data, 'person').find((p) => p.name === name)?.id;
const readDocx = async (bytes: Buffer, name: string) => {
  const { dir, cleanup } = tempDir();
  try {
    writeFileSync(join(dir, name), bytes);
    return await readTorDocument(join(dir, name));
  } finally {
    cleanup();
  }
};
const importTor = async (s: ReturnType<typeof commandSession>, shortName: string, bytes: Buffer, name: string, seats: unknown[] = []) => {
  const doc = await readDocx(bytes, name);
  return s.run('imports:tor', { boardId: boardNamed(s.state.data, shortName).id, sourceFile: doc.sourceFile, markdown: doc.markdown, seats });
};

describe('board names as a people sheet gives them', () => {
  const boards = [
    { id: 'board:scp', name: 'Westmoor Safeguarding Children Partnership', shortName: 'Safeguarding Partnership' },
    { id: 'board:ct', name: 'Westmoor Children’s Trust Board', shortName: 'Children’s Trust' },
    { id: 'board:hwb', name: 'Westmoor Health and Wellbeing Board', shortName: 'Health and Wellbeing Board' },
  ] as unknown as Board[];
  const place = placeWords('Westmoor Children and Families Partnership');
  it.each([
    ['SAFEGUARDING PARTNERSHIP', 'board:scp', 'name'],
    ['Westmoor SCP', 'board:scp', 'loose'],
    ['Safeguarding Children Partnership', 'board:scp', 'loose'],
    ['the Childrens Trust', 'board:ct', 'loose'],
    ['Children’s Trust Board', 'board:ct', 'loose'],
    ["Westmoor Children's Trust", 'board:ct', 'loose'],
    ['HWB', 'board:hwb', 'loose'],
    ['Health & Wellbeing Board', 'board:hwb', 'name'],
    ['Health & Wellbeing', 'board:hwb', 'loose'],
  ])('“%s” is %s', (cell, id, how) => {
    expect(matchBoard(cell, boards, place)).toMatchObject({ board: { id }, how });
  });
  it('offers “did you mean” where it is unsure, and nothing where no board resembles the name', () => {
    expect(matchBoard('Health & Wellbeing Bord', boards, place)).toEqual({ didYouMean: boards[2] });
    expect(matchBoard('Safeguarding Adults Board', boards, place)).toEqual({ didYouMean: boards[0] });
    expect(matchBoard('Community Safety Partnership', boards, place)).toEqual({});
  });
});

describe('setting up from empty: the people sheet, then each board’s terms of reference from Word', () => {
  it('matches the boards the sheet names loosely, asks once per name it is unsure of, and adds the one the partnership does not have', () => {
    const s = fromEmpty();
    // Nothing decided: the careless "Health & Wellbeing Bord" stops the import once, naming its row, not a wall of refusals.
    expect(() => s.run('imports:people', { table: sheet(), newOrganisations: [], leaveOutRefused: false })).toThrow(
      /Nothing was imported: Westmoor members\.xlsx names 1 board Quorum needs a decision on\.\n“Health & Wellbeing Bord” \(row 9\): not a board of the partnership yet\nFor each, choose the board it means, add it as a new board, or leave its seats out\./,
    );
    const orgs = WESTMOOR_ORGANISATIONS;
    const journal = s.run('imports:people', {
      table: sheet(),
      newOrganisations: orgs,
      leaveOutRefused: false,
      newBoards: [{ sheetName: 'Health & Wellbeing Bord', name: 'Westmoor Health and Wellbeing Board', shortName: 'Health and Wellbeing Board', kind: 'health-and-wellbeing' }],
    });
    expect(journal.summary).toBe('Imported people from Westmoor members.xlsx: 8 people added, 5 organisations added, 1 board added, 8 seats in the draft terms of reference of 3 boards');
    const data = s.state.data;
    expect(boardNamed(data, 'Health and Wellbeing Board')).toMatchObject({ name: 'Westmoor Health and Wellbeing Board', kind: 'health-and-wellbeing', rules: 'council-committee' });
    const [scpDraft] = torOf(data, 'Safeguarding Partnership');
    expect(scpDraft.members.map((m) => m.role)).toEqual(['Safeguarding partner: local authority', 'Safeguarding partner: police', 'Safeguarding partner: ICB', 'Independent Scrutineer']);
    // The sheet's "Independent Scrutineer (Chair)" is the seat, and the draft's chair.
    expect(scpDraft.chairMemberKey).toBe(scpDraft.members[3].key);
    expect(torOf(data, 'Children’s Trust')[0].members.map((m) => m.role)).toEqual(['Chair', 'Headteacher representative', 'Voluntary sector representative']);
  });

  it('lets the officer choose the board a name means, or leave its seats out and still bring the people in', () => {
    const s = fromEmpty();
    s.run('boards:add', { name: 'Westmoor Health and Wellbeing Board', shortName: 'Health and Wellbeing Board', kind: 'health-and-wellbeing', rules: 'council-committee' });
    const orgs = WESTMOOR_ORGANISATIONS;
    expect(() => s.run('imports:people', { table: sheet(), newOrganisations: orgs, leaveOutRefused: false })).toThrow(/“Health & Wellbeing Bord” \(row 9\): did you mean Westmoor Health and Wellbeing Board\?/);
    const hwb = boardNamed(s.state.data, 'Health and Wellbeing Board');
    const left = commandSession(s.state.data);
    left.run('imports:people', { table: sheet(), newOrganisations: orgs, leaveOutRefused: false, boardChoices: [{ sheetName: 'Health & Wellbeing Bord', leaveOut: true }] });
    expect(personId(left.state.data, 'Dr Femi Adeyemi')).toBeDefined();
    expect(torOf(left.state.data, 'Health and Wellbeing Board')).toEqual([]);
    s.run('imports:people', { table: sheet(), newOrganisations: orgs, leaveOutRefused: false, boardChoices: [{ sheetName: 'Health & Wellbeing Bord', boardId: hwb.id }] });
    expect(torOf(s.state.data, 'Health and Wellbeing Board')[0].members).toEqual([expect.objectContaining({ role: 'Director of Public Health', personId: personId(s.state.data, 'Dr Femi Adeyemi') })]);
  });

  it('imports each board’s Word terms of reference onto the draft the sheet started, keeping the sheet’s people, in three layouts', async () => {
    const s = fromTheSheet();
    const p = (name: string) => personId(s.state.data, name);

    // Word headings, a Role/Organisation/Name table, one seat whose organisation is not in the partnership.
    const scp = await importTor(s, 'Safeguarding Partnership', await torDocument(), 'SCP terms of reference.docx', [{ row: 7, leaveOut: true }]);
    expect(scp.summary).toBe('Imported SCP terms of reference.docx into the Safeguarding Partnership’s draft terms of reference (version 1): seats 4 confirmed, 1 added');
    const [scpTor] = torOf(s.state.data, 'Safeguarding Partnership');
    expect(scpTor.members.map((m) => [m.role, m.personId, m.voting])).toEqual([
      ['Independent Scrutineer', p('Tom Hargreaves'), true],
      ['Safeguarding partner: local authority', p('Ruth Okafor'), true],
      ['Safeguarding partner: police', p('Daniel Achebe'), true],
      ['Safeguarding partner: ICB', p('Nadia Kowalski'), true],
      ['Relevant agency: schools', p('Grace Ellison'), true],
    ]);
    expect(scpTor).toMatchObject({ status: 'draft', version: 1, meetingsPerYear: 4, paperDeadlineWorkingDays: 7, reviewDate: '2028-03-31', chairMemberKey: 'independent-scrutineer' });
    expect(scpTor.quorum).toEqual({ requireChairOrVice: true, minAgencies: 3, text: '' });

    // Bold paragraphs for headings, "Member" as the person column, chair and vice-chair seats, a "Meetings and quorum" section.
    await importTor(s, 'Children’s Trust', await childrensTrustTor(), 'CT ToR.docx');
    const [ct] = torOf(s.state.data, 'Children’s Trust');
    expect(ct.members.map((m) => [m.role, m.personId, m.voting])).toEqual(CHILDRENS_TRUST_SEATS.map(([role, name, voting]) => [role, name && p(name), voting]));
    expect(ct.chairMemberKey).toBe(ct.members[0].key);
    expect(ct.viceChairMemberKey).toBe(ct.members[1].key);
    expect(ct).toMatchObject({ meetingsPerYear: 6, paperDeadlineWorkingDays: 5, reviewDate: addDays(TEST_TODAY, 365) });
    expect(ct.quorum).toEqual({ minFraction: 1 / 3, requireChairOrVice: true, minAgencies: 3, text: 'One of which must be the local authority.' });
    expect(quorumInWords(ct.quorum)).toBe('A third of members, including the chair or vice-chair, from at least three agencies, one of which must be the local authority.');
    expect(ct.purpose).toMatch(/^The Board brings partners together/);

    // A council committee's layout: "Member" is the seat, "Nominee" the person, a Voting column, the quorum in the procedure rules.
    await importTor(s, 'Health and Wellbeing Board', await healthAndWellbeingTor(), 'HWB ToR.docx');
    const [hwb] = torOf(s.state.data, 'Health and Wellbeing Board');
    expect(hwb.members.map((m) => [m.role, m.personId, m.voting])).toEqual(HEALTH_AND_WELLBEING_SEATS.map(([role, name, voting]) => [role, name && p(name), voting]));
    expect(hwb).toMatchObject({ meetingsPerYear: 4, paperDeadlineWorkingDays: 5, reviewDate: '2028-05-31', chairMemberKey: 'leader-of-the-council' });
    expect(hwb.quorum).toEqual({ minFraction: 0.25, requireChairOrVice: true, text: 'At least one elected Member.' });
    // One version per board: the imports went into the drafts, none was refused or started anew.
    expect(listRecords(s.state.data, 'tor').map((t) => t.version)).toEqual([1, 1, 1]);
  });

  it('reads a membership typed as a bulleted list, one seat an item, onto the draft the sheet started', async () => {
    const s = fromTheSheet();
    const p = (name: string) => personId(s.state.data, name);
    const orgNamed = (name: string) => listRecords(s.state.data, 'organisation').find((o) => o.name === name)!.id;
    const orgName = (id?: string) => listRecords(s.state.data, 'organisation').find((o) => o.id === id)?.name;
    const bytes = await listMembershipTor();
    const doc = await readDocx(bytes, 'HWB ToR.docx');
    const [draft] = torOf(s.state.data, 'Health and Wellbeing Board');

    // The preview: each item a seat, its organisation from the item, its person, or the draft's seat of that role.
    const plan = planTorImport(s.state.data, { sourceFile: doc.sourceFile, markdown: doc.markdown, seats: [] }, TEST_TODAY, draft);
    expect(plan.membershipFrom).toBe('list');
    expect(plan.seats.map((x) => [x.row, x.role, orgName(x.organisationId), x.name, x.voting, x.outcome])).toEqual([
      [1, 'Leader of the Council', 'Westmoor Borough Council', 'Cllr Amara Mensah', true, 'matched'],
      [2, 'Director of Public Health', 'Westmoor Borough Council', '', true, 'vacant'],
      [3, 'Chief Nurse', 'Westmoor Integrated Care Board', '', true, 'vacant'],
      [4, 'Director of Adult Social Care', undefined, '', true, 'needs a decision'],
      [5, 'Representative of Westmoor CVS', 'Westmoor CVS', '', false, 'vacant'],
    ]);
    expect(plan.undecided).toEqual([{ row: 4, message: 'Director of Adult Social Care: the document names no organisation for this seat; choose the organisation or leave the seat out' }]);
    expect(plan.notes).not.toContain('No seat is named as the chair; choose one in the draft');

    // The operation refuses until the officer decides, and writes nothing.
    await expect(importTor(s, 'Health and Wellbeing Board', bytes, 'HWB ToR.docx')).rejects.toThrow(/1 seat of HWB ToR\.docx’s membership list needs a decision\.\nItem 4: Director of Adult Social Care/);
    expect(torOf(s.state.data, 'Health and Wellbeing Board')[0].members).toHaveLength(1);

    const journal = await importTor(s, 'Health and Wellbeing Board', bytes, 'HWB ToR.docx', [{ row: 4, organisationId: orgNamed('Westmoor Borough Council') }]);
    expect(journal.summary).toBe('Imported HWB ToR.docx into the Health and Wellbeing Board’s draft terms of reference (version 1): seats 1 confirmed, 4 added');
    const [hwb] = torOf(s.state.data, 'Health and Wellbeing Board');
    expect(hwb.members.map((m) => [m.role, orgName(m.organisationId), m.personId, m.voting])).toEqual([
      ['Leader of the Council', 'Westmoor Borough Council', p('Cllr Amara Mensah'), true],
      ['Director of Public Health', 'Westmoor Borough Council', p('Dr Femi Adeyemi'), true],
      ['Chief Nurse', 'Westmoor Integrated Care Board', undefined, true],
      ['Director of Adult Social Care', 'Westmoor Borough Council', undefined, true],
      ['Representative of Westmoor CVS', 'Westmoor CVS', undefined, false],
    ]);
    expect(hwb.chairMemberKey).toBe(hwb.members[0].key);
    expect(hwb).toMatchObject({ meetingsPerYear: 4, paperDeadlineWorkingDays: 5 });
    // The list is the seats, not text: only the sentence after it is kept for the officer to place.
    expect(hwb.responsibilities).toContain('Members may send a named deputy.');
    expect(hwb.responsibilities).not.toMatch(/Chief Nurse|membership of the Board is/);
  });

  it('reads a list item’s parts as the seat’s organisation or person only when they name one', () => {
    const s = fromEmpty();
    s.run('organisations:add', { name: 'Westmoor Borough Council', kind: 'council' });
    s.run('organisations:add', { name: 'Westmoor Police', kind: 'police' });
    const markdown = [
      '## Purpose',
      'To safeguard children in Westmoor.',
      '- A list outside the membership',
      '- is not read as seats',
      '## Membership',
      '- Director of Children, Young People and Families, Westmoor Borough Council;',
      '- Designated Doctor (Dr Lena Fry)',
      '- Police partners:',
      '  - Head of Public Protection',
      '  - Detective Inspector, Child Abuse Investigation Unit',
      '- Mayor',
      '  - or a nominated deputy',
      '- Members of the partnership may bring a colleague to a meeting where an item touches their service, with the chair’s agreement given before the meeting.',
    ].join('\n\n');
    const plan = planTorImport(s.state.data, { sourceFile: 'scp.docx', markdown, seats: [] }, TEST_TODAY);
    expect(plan.seats.map((x) => [x.row, x.role, x.organisation, x.name, x.outcome])).toEqual([
      [1, 'Director of Children, Young People and Families', 'Westmoor Borough Council', '', 'vacant'],
      [2, 'Designated Doctor', '', 'Dr Lena Fry', 'needs a decision'],
      [3, 'Head of Public Protection', 'Westmoor Police', '', 'vacant'],
      [4, 'Detective Inspector, Child Abuse Investigation Unit', 'Westmoor Police', '', 'vacant'],
      [5, 'Mayor', '', '', 'needs a decision'],
    ]);
    expect(plan.undecided.map((u) => u.row)).toEqual([2, 5]);
  });

  it('takes a seat the document marks “(Chair)” for the draft’s seat of that role, not a second seat', () => {
    const s = fromEmpty();
    const orgs = WESTMOOR_ORGANISATIONS;
    s.run('imports:people', { table: sheet(WESTMOOR_PEOPLE.slice(0, 3)), newOrganisations: orgs, leaveOutRefused: false });
    const markdown = ['## Membership', '| Role | Organisation |\n| --- | --- |\n| Safeguarding partner: police (Chair) | Westmoor Police |\n| Safeguarding partner: ICB | Westmoor Integrated Care Board |'].join('\n\n');
    const board = boardNamed(s.state.data, 'Safeguarding Partnership');
    const journal = s.run('imports:tor', { boardId: board.id, sourceFile: 'scp.docx', markdown, seats: [] });
    expect(journal.summary).toBe('Imported scp.docx into the Safeguarding Partnership’s draft terms of reference (version 1): seats 2 confirmed, 1 kept from the draft');
    const [tor] = torOf(s.state.data, 'Safeguarding Partnership');
    expect(tor.members.map((m) => [m.role, m.personId])).toEqual([
      ['Safeguarding partner: police', personId(s.state.data, 'Daniel Achebe')],
      ['Safeguarding partner: ICB', personId(s.state.data, 'Nadia Kowalski')],
      ['Safeguarding partner: local authority', personId(s.state.data, 'Ruth Okafor')],
    ]);
    expect(tor.chairMemberKey).toBe(tor.members[0].key);
  });

  it('expects as many deep dives a meeting as the document says, and none where it never mentions them', () => {
    expect(deepDivesPerMeeting('Each meeting will include a themed deep dive into one priority.')).toBe(1);
    expect(deepDivesPerMeeting('The Board will hold two deep dives at every meeting.')).toBe(2);
    expect(deepDivesPerMeeting('The Board commissions deep dives from time to time.')).toBeUndefined();
    expect(deepDivesPerMeeting('The Board meets four times a year.')).toBe(0);

    const s = fromEmpty();
    s.run('imports:people', { table: sheet(WESTMOOR_PEOPLE.slice(0, 3)), newOrganisations: WESTMOOR_ORGANISATIONS, leaveOutRefused: false });
    const board = boardNamed(s.state.data, 'Safeguarding Partnership');
    const membership = '## Membership\n\n| Role | Organisation |\n| --- | --- |\n| Safeguarding partner: police | Westmoor Police |';
    // The draft the sheet started expects one a meeting; a ToR silent on deep dives is a board that does not hold them.
    expect(torOf(s.state.data, 'Safeguarding Partnership')[0].deepDivesPerMeeting).toBe(1);
    const silent = planTorImport(s.state.data, { sourceFile: 'scp.docx', markdown: `${membership}\n\n## Meetings\n\nThe Partnership meets four times a year.`, seats: [] }, TEST_TODAY, torOf(s.state.data, 'Safeguarding Partnership')[0]);
    expect(silent.merge?.figures).toContainEqual({ part: 'Deep dives a meeting', from: '1', to: '0' });
    expect(silent.notes).toContain('The document does not mention deep dives, so none are expected at the board’s meetings; set how many in the draft if it holds them');
    s.run('imports:tor', { boardId: board.id, sourceFile: 'scp.docx', markdown: `${membership}\n\n## Meetings\n\nThe Partnership meets four times a year.`, seats: [] });
    expect(torOf(s.state.data, 'Safeguarding Partnership')[0].deepDivesPerMeeting).toBe(0);
    s.run('imports:tor', { boardId: board.id, sourceFile: 'scp.docx', markdown: `${membership}\n\n## Meetings\n\nEach meeting will include two deep dives.`, seats: [] });
    expect(torOf(s.state.data, 'Safeguarding Partnership')[0].deepDivesPerMeeting).toBe(2);
  });

  it('keeps the person the sheet seated when the document names someone else, and says so', () => {
    const s = fromEmpty();
    const orgs = WESTMOOR_ORGANISATIONS;
    s.run('imports:people', { table: sheet(WESTMOOR_PEOPLE.slice(0, 4)), newOrganisations: orgs, leaveOutRefused: false });
    const markdown = [
      '# Terms of reference',
      '## Purpose',
      'To safeguard children in Westmoor.',
      '## Membership',
      '| Role | Organisation | Name |\n| --- | --- | --- |\n| Safeguarding partner: police | Westmoor Police | DCI Jo Pryce |\n| Safeguarding partner: ICB | Westmoor Integrated Care Board | |',
    ].join('\n\n');
    const board = boardNamed(s.state.data, 'Safeguarding Partnership');
    const before = s.state.data;
    const journal = s.run('imports:tor', { boardId: board.id, sourceFile: 'old ToR.docx', markdown, seats: [] });
    // The preview says why the police seat keeps its person.
    expect(planTorImport(before, { sourceFile: 'old ToR.docx', markdown, seats: [] }, TEST_TODAY, listRecords(before, 'tor')[0]).merge!.seats[0]).toEqual({ role: 'Safeguarding partner: police', outcome: 'confirmed', detail: 'the document names DCI Jo Pryce; the seat keeps Daniel Achebe' });
    expect(journal.summary).toBe('Imported old ToR.docx into the Safeguarding Partnership’s draft terms of reference (version 1): seats 2 confirmed, 2 kept from the draft');
    const [tor] = torOf(s.state.data, 'Safeguarding Partnership') as TermsOfReference[];
    expect(tor.members.find((m) => m.role === 'Safeguarding partner: police')!.personId).toBe(personId(s.state.data, 'Daniel Achebe'));
    expect(listRecords(s.state.data, 'person').some((x) => x.name.includes('Jo Pryce'))).toBe(false);
  });

  it('offers to add a person the document names who is not in the partnership, or to leave the seat vacant', () => {
    const s = fromEmpty();
    s.run('organisations:add', { name: 'Westmoor Police', kind: 'police' });
    const markdown = ['## Membership', '| Role | Organisation | Representative |\n| --- | --- | --- |\n| Safeguarding partner: police | Westmoor Police | DCI Jo Pryce |'].join('\n\n');
    const board = boardNamed(s.state.data, 'Safeguarding Partnership').id;
    const offered = planTorImport(s.state.data, { sourceFile: 'x.docx', markdown, seats: [] }, TEST_TODAY);
    expect(offered.seats[0]).toMatchObject({ name: 'DCI Jo Pryce', outcome: 'new person' });
    const vacant = commandSession(s.state.data);
    vacant.run('imports:tor', { boardId: board, sourceFile: 'x.docx', markdown, seats: [{ row: 2, vacant: true }] });
    expect(listRecords(vacant.state.data, 'person')).toEqual([]);
    expect(torOf(vacant.state.data, 'Safeguarding Partnership')[0].members[0].personId).toBeUndefined();
    s.run('imports:tor', { boardId: board, sourceFile: 'x.docx', markdown, seats: [] });
    expect(torOf(s.state.data, 'Safeguarding Partnership')[0].members[0].personId).toBe(personId(s.state.data, 'DCI Jo Pryce'));
  });
});
