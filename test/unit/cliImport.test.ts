import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, useExampleFolders, storeBytesOnDisk, savedStore } from '../helpers';
import { reviewedPaper } from '../fixtures/papers';
import { ACTION_COLUMNS, childrensTrustTor, csvOf, listMembershipTor, MEMBER_COLUMNS, MEMBERS, passwordProtectedWorkbook, torDocument, WESTMOOR_PEOPLE, WESTMOOR_PEOPLE_COLUMNS, writeXlsx } from '../fixtures/imports';
import { WAIT } from '../waits';

const folders = useExampleFolders();
const call = async (dir: string, channel: string, input: unknown) => {
  const r = await runCli('call', channel, '--data', dir, '--input', JSON.stringify(input));
  if (r.code !== 0) throw new Error(`${channel}: ${r.err}`);
  return JSON.parse(r.out);
};
const json = (r: { out: string }) => JSON.parse(r.out);
const storeOf = (dir: string) => savedStore(dir) as { records: Record<string, { type: string } & Record<string, unknown>> };
const recordsOf = (dir: string, type: string) => Object.values(storeOf(dir).records).filter((r) => r.type === type);
const journalLines = (dir: string) => readFileSync(join(dir, 'journal.jsonl'), 'utf8').trim().split('\n').length;

/** An empty partnership with its three boards, as `quorum init` and `quorum call` make it. */
const westmoor = async () => {
  const dir = folders.temp();
  expect((await runCli('init', '--data', dir, '--partnership', 'Westmoor Children and Families Partnership')).code).toBe(0);
  const board = (name: string, shortName: string, kind: string, rules = 'own-terms-of-reference') => call(dir, 'boards:add', { name, shortName, kind, rules });
  const ct = await board('Westmoor Children’s Trust Board', 'Children’s Trust', 'childrens-trust');
  const scp = await board('Westmoor Safeguarding Children Partnership', 'Safeguarding Partnership', 'safeguarding-partnership');
  const hwb = await board('Westmoor Health and Wellbeing Board', 'Health and Wellbeing Board', 'health-and-wellbeing', 'council-committee');
  return { dir, ct: ct.boardId as string, scp: scp.boardId as string, hwb: hwb.boardId as string };
};

/** The membership list as the secretariat keeps it: seats on the Safeguarding Partnership. */
const members = MEMBERS;

describe('quorum import: a partnership’s existing material brought in headless', () => {
  it('sets up from empty: people from CSV and Excel, a ToR from Word approved, the year’s meetings from a rule, an agenda and its public pack', async () => {
    const { dir, scp } = await westmoor();
    const csv = join(folders.temp(), 'members.csv');
    writeFileSync(csv, csvOf(MEMBER_COLUMNS, members));

    // The preview names what it would do; without --add-organisations the unknown organisations refuse their rows.
    const dry = await runCli('import', 'people', '--data', dir, csv, '--dry-run');
    expect(dry.code).toBe(1);
    expect(dry.out).toMatch(/Organisations not in the partnership \(5\)[\s\S]*Westmoor Police \(police\), row 3: not added/);
    expect(dry.out).toMatch(/Row 2, column C \(Organisation\): “Westmoor Borough Council” is not an organisation in the partnership/);
    expect(recordsOf(dir, 'person')).toHaveLength(0);

    const people = await runCli('import', 'people', '--data', dir, csv, '--add-organisations', '--json');
    expect(people.code, people.err).toBe(0);
    expect(json(people).summary).toBe('Imported people from members.csv: 6 people added, 5 organisations added, 4 seats in the draft terms of reference of 1 board');
    expect(recordsOf(dir, 'person').map((p) => p.name).sort()).toEqual(MEMBERS.map((r) => r[0]).sort());
    expect(recordsOf(dir, 'organisation').find((o) => o.name === 'Westmoor Integrated Care Board')).toMatchObject({ kind: 'health' });
    const sheetDraft = recordsOf(dir, 'tor')[0] as unknown as { status: string; boardId: string; members: { role: string; personId?: string; deputyAllowed: boolean }[] };
    expect(sheetDraft).toMatchObject({ status: 'draft', boardId: scp });
    expect(sheetDraft.members.map((m) => [m.role, m.deputyAllowed])).toContainEqual(['Independent Scrutineer', false]);

    // The same list again as Excel, with a new phone number: matched by email, one update, no duplicates.
    const xlsx = join(folders.temp(), 'members.xlsx');
    await writeXlsx(xlsx, MEMBER_COLUMNS, members.map((r, i) => (i === 1 ? [...r.slice(0, 5), '01632 960777', ...r.slice(6)] : r)));
    const again = await runCli('import', 'people', '--data', dir, xlsx);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toMatch(/Update \(1\):\n {2}row 3: Daniel Achebe \(phone: \(none\) → 01632 960777\)/);
    expect(again.out).toMatch(/Already in Quorum \(5\)/);
    expect(recordsOf(dir, 'person')).toHaveLength(6);

    // Terms of reference from Word: sections sorted, seats matched, the unknown trust a decision.
    const docx = join(folders.temp(), 'SCP terms of reference.docx');
    writeFileSync(docx, await torDocument());
    const undecided = await runCli('import', 'tor', '--data', dir, docx, '--board', 'Safeguarding Partnership');
    expect(undecided.code).toBe(1);
    expect(undecided.out).toMatch(/Designated Doctor: “Westmoor Hospitals NHS Trust” is not an organisation in the partnership/);
    // It goes into the draft the sheet started: the sheet's four seats confirmed with their people, the schools' seat added.
    expect(undecided.out).toMatch(/Into draft version 1; seats already filled keep their people/);
    const tor = await runCli('import', 'tor', '--data', dir, docx, '--board', scp, '--leave-out-unmatched', '--json');
    expect(tor.code, tor.err).toBe(0);
    expect(json(tor).summary).toBe('Imported SCP terms of reference.docx into the Safeguarding Partnership’s draft terms of reference (version 1): seats 4 confirmed, 1 added');
    expect(recordsOf(dir, 'tor')).toHaveLength(1);
    const draft = recordsOf(dir, 'tor').find((t) => t.boardId === scp) as unknown as { id: string; purpose: string; responsibilities: string; members: { role: string; personId?: string }[]; chairMemberKey: string; paperDeadlineWorkingDays: number; meetingsPerYear: number; reviewDate: string };
    expect(draft.purpose).toMatch(/^The Partnership coordinates the work of the three safeguarding partners/);
    // A section Quorum has no field for is kept under its heading, without the document's clause number.
    expect(draft.responsibilities).toMatch(/Commission and learn[\s\S]*### Confidentiality/);
    expect(draft.members.map((m) => m.role)).toEqual(['Independent Scrutineer', 'Safeguarding partner: local authority', 'Safeguarding partner: police', 'Safeguarding partner: ICB', 'Relevant agency: schools']);
    expect(draft.members.every((m) => m.personId)).toBe(true);
    expect(draft).toMatchObject({ chairMemberKey: 'independent-scrutineer', paperDeadlineWorkingDays: 7, meetingsPerYear: 4, reviewDate: '2028-03-31' });
    // Before the board approves it, the draft goes out for comment: the board named as the office says it.
    const draftOut = join(folders.temp(), 'SCP ToR draft.docx');
    const exported = await runCli('export', 'tor', '--data', dir, '--board', 'Safeguarding Partnership', '--out', draftOut);
    expect(exported.code, exported.err).toBe(0);
    expect(exported.out).toMatch(/Terms of reference: Westmoor Safeguarding Children Partnership \(version 1\)[\s\S]*No version is approved yet: this is the draft, marked as such, for the board to approve/);
    expect(readFileSync(draftOut).subarray(0, 2).toString()).toBe('PK');
    const misspelt = await runCli('export', 'tor', '--data', dir, '--board', 'Safeguarding Partnershp', '--out', join(folders.temp(), 'x.docx'));
    expect(misspelt.code).toBe(1);
    expect(misspelt.err).toMatch(/There is no board “Safeguarding Partnershp” \(did you mean Safeguarding Partnership\?\)/);
    expect((await runCli('call', 'tor:approve', '--data', dir, '--input', JSON.stringify({ torId: draft.id, date: '2026-11-20', minuteRef: 'SCP/12' }))).code).toBe(0);

    // The year's meetings from the board's rule, with their paper deadlines.
    const dates = join(folders.temp(), 'dates.txt');
    writeFileSync(dates, 'third Tuesday of January, April, July and October at 15:00\n');
    const meetings = await runCli('import', 'meetings', '--data', dir, dates, '--board', scp, '--year', '2027', '--venue', 'Westmoor Civic Centre');
    expect(meetings.code, meetings.err).toBe(0);
    expect(meetings.out).toMatch(/Tuesday 19 January 2027, 15:00–17:00: papers by 7 January 2027/);
    expect(meetings.out).toMatch(/Imported: Planned 4 meetings of the Safeguarding Partnership/);

    const first = (await call(dir, 'meetings:list', {})).find((m: { date: string }) => m.date === '2027-01-19');
    await call(dir, 'agenda:draft', { meetingId: first.id });
    const presenter = recordsOf(dir, 'person').find((p) => p.name === 'Ruth Okafor')!;
    await call(dir, 'agenda:add', { meetingId: first.id, title: 'Neglect: what the audit found', purpose: 'discussion', durationMinutes: 30, presenterIds: [presenter.id], paperRequested: false });
    const out = join(folders.temp(), 'pack.docx');
    // The board's next meeting, the board named by its initials as a script would.
    const pack = await runCli('pack', '--data', dir, '--meeting', 'next', '--board', 'SCP', '--variant', 'public', '--out', out, '--override-reason', 'Minutes of the last meeting are from before Quorum', '--json');
    expect(pack.code, pack.err).toBe(0);
    expect(json(pack).meetingId).toBe(first.id);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    // Nothing of the example anywhere.
    expect(Object.keys(storeOf(dir).records).filter((id) => /eastmere|ct-|childrens-trust$/.test(id))).toEqual([]);
    expect((await runCli('check', '--data', dir)).code).toBe(0);
  });

  it('adds the boards a people sheet names when there are none yet (--add-boards), and takes the officer’s word for a name it is unsure of (--board-as)', async () => {
    const dir = folders.temp();
    expect((await runCli('init', '--data', dir, '--partnership', 'Westmoor Children and Families Partnership')).code).toBe(0);
    await call(dir, 'boards:add', { name: 'Westmoor Children’s Trust Board', shortName: 'Children’s Trust', kind: 'childrens-trust', rules: 'own-terms-of-reference' });
    const csv = join(folders.temp(), 'members.csv');
    // A second board name the office types differently for the Safeguarding Partnership it does not yet have in Quorum.
    writeFileSync(csv, csvOf(WESTMOOR_PEOPLE_COLUMNS, [...WESTMOOR_PEOPLE, ['Jo Pryce', 'Detective Inspector', 'Westmoor Police', 'jo.pryce@police.westmoor.example', 'Westmoor Safeguarding Children Partnership', 'Deputy for the police', 'No']]));
    const dry = await runCli('import', 'people', '--data', dir, csv, '--add-organisations', '--dry-run');
    expect(dry.code).toBe(1);
    expect(dry.out).toMatch(/Boards named \(4\):\n {2}“Westmoor SCP” \(rows 2, 3, 4, 5\): needs a decision: not a board of the partnership yet \(--add-boards adds it as Westmoor SCP\)\n {2}“the Children’s Trust” \(rows 6, 7, 8\): Westmoor Children’s Trust Board/);
    expect(recordsOf(dir, 'board')).toHaveLength(1);

    const added = await runCli('import', 'people', '--data', dir, csv, '--add-organisations', '--add-boards', '--board-as', 'Westmoor SCP=leave-out', '--json');
    expect(added.code, added.err).toBe(0);
    expect(json(added).summary).toBe('Imported people from members.csv: 9 people added, 5 organisations added, 2 boards added, 5 seats in the draft terms of reference of 3 boards');
    const boards = recordsOf(dir, 'board').map((b) => [b.name, b.shortName, b.kind, b.rules]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(boards).toEqual([
      ['Westmoor Children’s Trust Board', 'Children’s Trust', 'childrens-trust', 'own-terms-of-reference'],
      ['Westmoor Health & Wellbeing Bord', 'Health & Wellbeing Bord', 'health-and-wellbeing', 'council-committee'],
      ['Westmoor Safeguarding Children Partnership', 'Safeguarding Children Partnership', 'safeguarding-partnership', 'own-terms-of-reference'],
    ]);

    // The Children's Trust's Word ToR goes into the draft the sheet started.
    const docx = join(folders.temp(), 'CT ToR.docx');
    writeFileSync(docx, await childrensTrustTor());
    const tor = await runCli('import', 'tor', '--data', dir, docx, '--board', 'the Children’s Trust');
    expect(tor.code, tor.err).toBe(0);
    expect(tor.out).toMatch(/Seats:\n {2}Chair: confirmed \(Cllr Amara Mensah\)\n {2}Vice-chair: added \(Nadia Kowalski\)/);
    expect(tor.out).toMatch(/Figures changed:\n {2}Quorum: A third of members, including the chair or vice-chair → A third of members, including the chair or vice-chair, from at least three agencies, one of which must be the local authority\.\n {2}Meetings a year: 4 → 6/);
    expect(recordsOf(dir, 'tor').filter((t) => t.status === 'draft')).toHaveLength(3);
  });

  it('reads a ToR whose membership is a list, and takes the officer’s word for the organisation of a seat that names none (--seat-as)', async () => {
    const { dir, hwb } = await westmoor();
    const csv = join(folders.temp(), 'members.csv');
    writeFileSync(csv, csvOf(WESTMOOR_PEOPLE_COLUMNS, WESTMOOR_PEOPLE));
    expect((await runCli('import', 'people', '--data', dir, csv, '--add-organisations', '--board-as', 'Health & Wellbeing Bord=Health and Wellbeing Board')).code).toBe(0);
    const docx = join(folders.temp(), 'HWB ToR.docx');
    writeFileSync(docx, await listMembershipTor());

    const asked = await runCli('import', 'tor', '--data', dir, docx, '--board', hwb);
    expect(asked.code).toBe(1);
    expect(asked.out).toMatch(/Seats \(5, from the membership list\):\n {2}item 1: Leader of the Council \(chair\), Cllr Amara Mensah: matched \(Westmoor Borough Council, Cllr Amara Mensah’s organisation\)/);
    expect(asked.out).toMatch(/Needs a decision \(1; --seat-as "N=ORGANISATION" gives seat N its organisation[^\n]*\):\n {2}item 4: Director of Adult Social Care: the document names no organisation for this seat/);
    const before = storeBytesOnDisk(dir);
    const typo = await runCli('import', 'tor', '--data', dir, docx, '--board', hwb, '--seat-as', '4=Westmoor Borough Counci');
    expect(typo.code).toBe(1);
    expect(typo.err).toMatch(/--seat-as 4: there is no organisation “Westmoor Borough Counci” in the partnership \(did you mean Westmoor Borough Council\?\)/);
    expect(storeBytesOnDisk(dir)).toEqual(before);

    const noSuchSeat = await runCli('import', 'tor', '--data', dir, docx, '--board', hwb, '--seat-as', '9=Westmoor Borough Council');
    expect(noSuchSeat.code).toBe(2);
    expect(noSuchSeat.err).toMatch(/--seat-as 9: the document has no seat 9; its seats are items 1, 2, 3, 4, 5/);
    expect(storeBytesOnDisk(dir)).toEqual(before);

    const done = await runCli('import', 'tor', '--data', dir, docx, '--board', hwb, '--seat-as', '4=Westmoor Borough Council', '--seat-as', '1=vacant', '--json');
    expect(done.code, done.err).toBe(0);
    expect(json(done).summary).toBe('Imported HWB ToR.docx into the Health and Wellbeing Board’s draft terms of reference (version 1): seats 1 confirmed, 4 added');
    const draft = recordsOf(dir, 'tor').find((t) => t.boardId === hwb) as unknown as { members: { key: string; role: string; personId?: string }[]; chairMemberKey: string };
    expect(draft.members.map((m) => m.role)).toEqual(['Leader of the Council', 'Director of Public Health', 'Chief Nurse', 'Director of Adult Social Care', 'Representative of Westmoor CVS']);
    // "1=vacant": the Leader's seat is kept with nobody in it, though the list names Cllr Amara Mensah; the sheet's person stays in hers.
    expect(draft.members.map((m) => Boolean(m.personId))).toEqual([false, true, false, false, false]);
    expect(draft.chairMemberKey).toBe(draft.members[0].key);
  });

  it('brings in an open action log, matching owners and meetings, leaving done actions out', async () => {
    const { dir, ct } = await westmoor();
    const csv = join(folders.temp(), 'members.csv');
    writeFileSync(csv, csvOf(MEMBER_COLUMNS.slice(0, 6), MEMBERS.map((r) => r.slice(0, 6))));
    expect((await runCli('import', 'people', '--data', dir, csv, '--add-organisations')).code).toBe(0);
    await call(dir, 'meetings:create', { boardId: ct, date: '2026-10-13', startTime: '14:00', endTime: '16:00', venue: '', confirmed: true });
    const log = join(folders.temp(), 'action log.xlsx');
    await writeXlsx(
      log,
      ACTION_COLUMNS,
      [
        ['CT/1', 'Circulate the early help dashboard to all partners', 'Ruth Okafor', new Date(Date.UTC(2026, 11, 18)), 'Open', new Date(Date.UTC(2026, 9, 13))],
        ['CT/2', 'Report back on school readiness', 'grace.ellison@schools.westmoor.example', '29/01/2027', 'In progress', '13/10/2026'],
        ['CT/3', 'Agree the neglect strategy', 'Imran Siddiqui', '01/09/2026', 'Complete', ''],
      ],
      'Actions',
    );
    const r = await runCli('import', 'actions', '--data', dir, log, '--board', 'Children’s Trust');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Add \(2\)[\s\S]*Done, left out \(1\)/);
    const actions = recordsOf(dir, 'action');
    expect(actions.map((a) => [a.text, a.dueDate, a.status, Boolean(a.meetingId)])).toEqual([
      ['Circulate the early help dashboard to all partners', '2026-12-18', 'open', true],
      ['Report back on school readiness', '2027-01-29', 'in-progress', true],
    ]);
    // Importing the same log again adds nothing twice.
    expect(await runCli('import', 'actions', '--data', dir, log, '--board', ct)).toMatchObject({ code: 1, err: expect.stringMatching(/Nothing to import/) });
    expect(recordsOf(dir, 'action')).toHaveLength(2);
  });

  it('imports a paper onto an agenda item as the app does, previewing with --dry-run', async () => {
    const dir = await folders.example();
    const item = Object.values(storeOf(dir).records).find((r) => r.type === 'agendaItem' && !(r as { paper?: { body: string } }).paper?.body && !r.standing)!;
    const md = join(folders.temp(), 'paper.md');
    writeFileSync(md, '# Early help\n\nReferrals rose by 14%.\n');
    const before = storeBytesOnDisk(dir);
    const dry = await runCli('import', 'paper', '--data', dir, '--item', item.id as string, md, '--dry-run');
    expect(dry).toMatchObject({ code: 0, out: expect.stringMatching(/paper\.md → “.+”: \d+ characters[\s\S]*Dry run: nothing was written/) });
    expect(storeBytesOnDisk(dir).equals(before)).toBe(true);
    expect((await runCli('import', 'paper', '--data', dir, '--item', item.id as string, md)).code).toBe(0);
    expect((storeOf(dir).records[item.id as string] as unknown as { paper: { status: string; body: string } }).paper).toMatchObject({ status: 'received', body: expect.stringMatching(/Referrals rose by 14%/) });
  });

  it('asks what becomes of tracked changes and comments in a Word paper (--review-marks accept|keep) and writes nothing until told', async () => {
    const dir = await folders.example();
    const item = Object.values(storeOf(dir).records).find((r) => r.type === 'agendaItem' && !(r as { paper?: { body: string } }).paper?.body && !r.standing)!;
    const docx = join(folders.temp(), 'Practice update.docx');
    writeFileSync(docx, await reviewedPaper());
    const before = storeBytesOnDisk(dir);
    const asked = await runCli('import', 'paper', '--data', dir, '--item', item.id as string, docx);
    expect(asked.code).toBe(1);
    expect(`${asked.out}\n${asked.err}`).toMatch(/Practice update\.docx still has 2 tracked changes and 1 comment \(by Amira Haddad, Priya Nair\)\. Say what becomes of them: --review-marks accept .* or --review-marks keep/);
    expect(storeBytesOnDisk(dir).equals(before)).toBe(true);
    expect((await runCli('import', 'paper', '--data', dir, '--item', item.id as string, docx, '--review-marks', 'accept')).code).toBe(0);
    const body = (storeOf(dir).records[item.id as string] as unknown as { paper: { body: string } }).paper.body;
    expect(body).toContain('Referrals rose by 14% this year.');
    expect(body).not.toContain('12%');
  });
});

describe('quorum import refuses a bad file whole, names the row and column, and leaves the store byte-identical', () => {
  const refusedWithStoreUnchanged = async (dir: string, args: string[], message: RegExp) => {
    const before = storeBytesOnDisk(dir);
    const lines = journalLines(dir);
    const r = await runCli('import', ...args);
    expect(r.code).toBe(1);
    expect(`${r.out}\n${r.err}`).toMatch(message);
    expect(storeBytesOnDisk(dir).equals(before)).toBe(true);
    expect(journalLines(dir)).toBe(lines);
  };

  it('refuses wrong columns, an unknown organisation, a duplicate email, a protected workbook and a 50,000-row sheet', async () => {
    const { dir } = await westmoor();
    const seedCsv = join(folders.temp(), 'seed.csv');
    writeFileSync(seedCsv, csvOf(MEMBER_COLUMNS.slice(0, 5), MEMBERS.slice(0, 2).map((r) => r.slice(0, 5))));
    expect((await runCli('import', 'people', '--data', dir, seedCsv, '--add-organisations')).code).toBe(0);
    const file = (name: string, content: string | Buffer) => {
      const path = join(folders.temp(), name);
      writeFileSync(path, content);
      return path;
    };

    const columns = file('contacts.csv', csvOf(['Forename', 'Surname', 'Agency'], [['Ruth', 'Okafor', 'Westmoor Borough Council']]));
    await refusedWithStoreUnchanged(dir, ['people', '--data', dir, columns], /contacts\.csv does not look like a list of people: it has no “Name” column\. Row 1 should name the columns; it has “Forename”, “Surname”, “Agency”/);

    const unknown = file('unknown.csv', csvOf(['Name', 'Organisation', 'Email'], [['Priya Shah', 'Westmoor Borough Council', 'priya.shah@westmoor.example'], ['Sam Cole', 'Westmoor Polce', 'sam.cole@westmoor.example']]));
    await refusedWithStoreUnchanged(dir, ['people', '--data', dir, unknown], /Row 3, column B \(Organisation\): “Westmoor Polce” is not an organisation in the partnership \(did you mean Westmoor Police\?\)/);

    const duplicate = file('duplicate.csv', csvOf(['Name', 'Organisation', 'Email'], [['Priya Shah', 'Westmoor Borough Council', 'priya.shah@westmoor.example'], ['P. Shah', 'Westmoor Borough Council', 'Priya.Shah@westmoor.example']]));
    await refusedWithStoreUnchanged(dir, ['people', '--data', dir, duplicate], /Row 3, column C \(Email\): Priya\.Shah@westmoor\.example is also on row 2/);
    const taken = file('taken.csv', csvOf(['Name', 'Organisation', 'Email'], [['Someone Else', 'Westmoor Borough Council', 'RUTH.OKAFOR@westmoor.example']]));
    await refusedWithStoreUnchanged(dir, ['people', '--data', dir, taken], /Row 2, column C \(Email\): RUTH\.OKAFOR@westmoor\.example belongs to Ruth Okafor in Quorum, not Someone Else/);

    await refusedWithStoreUnchanged(dir, ['people', '--data', dir, file('members (protected).xlsx', passwordProtectedWorkbook())], /members \(protected\)\.xlsx is protected with a password, so Quorum cannot read it\. Open it in Excel, remove the password/);

    const big = join(folders.temp(), 'everyone.xlsx');
    await writeXlsx(big, ['Name', 'Organisation', 'Email'], Array.from({ length: 50_000 }, (_, i) => [`Person ${i + 1}`, 'Westmoor Borough Council', `person${i + 1}@westmoor.example`]));
    await refusedWithStoreUnchanged(dir, ['people', '--data', dir, big], /everyone\.xlsx has 50,000 rows; Quorum brings in up to 5,000 at a time \(row 5,002 onwards would be left behind\)\. Nothing was imported/);
    const bigCsv = file('everyone.csv', csvOf(['Name', 'Organisation'], Array.from({ length: 50_000 }, (_, i) => [`Person ${i + 1}`, 'Westmoor Borough Council'])));
    await refusedWithStoreUnchanged(dir, ['people', '--data', dir, bigCsv], /everyone\.csv has 50,000 rows/);

    const dates = file('dates.csv', csvOf(['Action', 'Owner', 'Due date'], [['Send the report', 'Ruth Okafor', '2027/31/01']]));
    await refusedWithStoreUnchanged(dir, ['actions', '--data', dir, dates, '--board', 'Children’s Trust'], /Row 2, column C \(Due date\): “2027\/31\/01” is not a date: write dates as 14\/01\/2027/);
    const meetingDates = file('dates.txt', '19/01/2027\nthe Tuesday after Easter\n');
    await refusedWithStoreUnchanged(dir, ['meetings', '--data', dir, meetingDates, '--board', 'Children’s Trust', '--year', '2027'], /line 2: “the Tuesday after Easter” is not a date or a rule Quorum can read/);
  }, WAIT.readBack);

  it('takes the good rows and leaves out the refused ones only when told to', async () => {
    const { dir } = await westmoor();
    const seedCsv = join(folders.temp(), 'seed.csv');
    writeFileSync(seedCsv, csvOf(['Name', 'Organisation', 'Organisation type'], [['Ruth Okafor', 'Westmoor Borough Council', 'Council']]));
    expect((await runCli('import', 'people', '--data', dir, seedCsv, '--add-organisations')).code).toBe(0);
    const mixed = join(folders.temp(), 'mixed.csv');
    writeFileSync(mixed, csvOf(['Name', 'Organisation', 'Email'], [['Priya Shah', 'Westmoor Borough Council', ''], ['', 'Westmoor Borough Council', 'x@westmoor.example'], ['Sam Cole', 'Westmoor Borough Council', 'not-an-email']]));
    const r = await runCli('import', 'people', '--data', dir, mixed, '--leave-out-refused');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Row 3, column A \(Name\): there is no name[\s\S]*Row 4, column C \(Email\): “not-an-email” is not an email address[\s\S]*Imported people from mixed\.csv: 1 person added, 2 rows left out/);
  });
});
