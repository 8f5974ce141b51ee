import { describe, expect, it } from 'vitest';
import { parseClockTime, parseUkDate } from '../../shared/imports/dates';
import { planMeetingsImport } from '../../shared/imports/meetings';
import { guessOrganisationKind, planPeopleImport } from '../../shared/imports/people';
import { planTorImport, readQuorum } from '../../shared/imports/tor';
import { columnLetter, nearest, type SheetTable } from '../../shared/imports/table';
import { listRecords } from '../../shared/data';
import { exampleData } from '../docxPackage';
import { commandSession, TEST_TODAY } from '../helpers';

const table = (columns: string[], rows: string[][], sourceFile = 'list.csv'): SheetTable => ({ sourceFile, columns, rows: rows.map((cells, i) => ({ row: i + 2, cells })) });

describe('reading what a secretariat types', () => {
  it('reads UK dates day first, and refuses what it would have to guess', () => {
    expect(['14/01/2027', '14.1.27', '14 January 2027', 'Tuesday 14th Jan 2027', '2027-01-14', 'Jan 14, 2027', '14-01-2027'].map(parseUkDate)).toEqual(Array(7).fill('2027-01-14'));
    expect(parseUkDate('01/02/2027')).toBe('2027-02-01'); // 1 February, as in England
    expect(['31/02/2027', '2027/31/01', '13/13/2027', 'next month', '', 'TBC', '14 Smarch 2027'].map(parseUkDate)).toEqual(Array(7).fill(undefined));
  });

  it('reads times as agendas print them', () => {
    expect(['15:00', '3pm', '3.30pm', '15.30', '12pm', '12am'].map(parseClockTime)).toEqual(['15:00', '15:00', '15:30', '15:30', '12:00', '00:00']);
    expect(['15', '25:00', '13pm', 'noon'].map(parseClockTime)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('names columns as Excel does, and a likely misspelling', () => {
    expect([0, 25, 26, 27, 701].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ']);
    expect(nearest('Westmoor Polce', ['Westmoor Police', 'Westmoor Borough Council'])).toBe('Westmoor Police');
    expect(nearest('Northshire Fire', ['Westmoor Police'])).toBeUndefined();
  });

  it('guesses a new organisation’s kind from its type or its name', () => {
    expect(['Westmoor ICB', 'Westmoor Hospitals NHS Foundation Trust', 'Westmoor Constabulary', 'Westmoor Borough Council', 'St Anne’s Academy', 'Westmoor CVS', 'Probation Service'].map(guessOrganisationKind)).toEqual(['health', 'health', 'police', 'council', 'education', 'voluntary', 'other']);
  });

  it('reads a quorum as boards write it', () => {
    expect(readQuorum('A third of members, including the chair or vice-chair, and at least three agencies')).toMatchObject({ minFraction: 1 / 3, requireChairOrVice: true, minAgencies: 3 });
    expect(readQuorum('Five members, from at least two partner agencies.')).toMatchObject({ minMembers: 5, requireChairOrVice: false, minAgencies: 2 });
  });
});

describe('the year’s meetings from a rule or a list', () => {
  const board = 'board:safeguarding' as const;
  const plan = (text: string, holidays = new Set<string>()) => planMeetingsImport(exampleData(), { boardId: board, text, year: 2027, startTime: '14:00', endTime: '16:00', venue: '' }, holidays);

  it('turns “the third Tuesday of …” and “last Thursday of every month” into dates', () => {
    expect(plan('third Tuesday of January, May and September at 15:00').meetings.map((m) => [m.date, m.startTime, m.endTime])).toEqual([
      ['2027-01-19', '15:00', '17:00'],
      ['2027-05-18', '15:00', '17:00'],
      ['2027-09-21', '15:00', '17:00'],
    ]);
    const last = plan('last Thursday of every month').meetings.map((m) => m.date);
    expect(last).toHaveLength(12);
    expect(last[0]).toBe('2027-01-28');
    expect(last[11]).toBe('2027-12-30');
  });

  it('takes a pasted list with times, says which fall on a weekend or bank holiday, and shows each paper deadline', () => {
    const p = plan('Tuesday 18 May 2027 at 2pm\n31/05/2027 10:00-12:00\n5 June 2027\n\n', new Set(['2027-05-31']));
    expect(p.refused).toEqual([]);
    expect(p.meetings.map((m) => [m.date, m.startTime, m.endTime, m.warning])).toEqual([
      ['2027-05-18', '14:00', '16:00', undefined],
      ['2027-05-31', '10:00', '12:00', 'a bank holiday'],
      ['2027-06-05', '14:00', '16:00', 'a Saturday'],
    ]);
    // The Safeguarding Partnership's ToR: papers seven clear working days ahead.
    expect(p.meetings[0].paperDeadline).toBe('2027-05-06');
  });

  it('refuses a line it cannot read, naming it, and a meeting that ends before it starts', () => {
    expect(plan('19/01/2027\nevery so often').refused).toEqual([{ row: 2, message: expect.stringMatching(/^“every so often” is not a date or a rule/) }]);
    expect(plan('19/01/2027 16:00-15:00').refused[0].message).toMatch(/ends \(15:00\) before it starts \(16:00\)/);
  });
});

describe('people from a spreadsheet, against the example partnership', () => {
  it('matches by email then by name, updates what changed, and reports duplicates within the sheet', () => {
    const data = exampleData();
    const [someone, other] = listRecords(data, 'person');
    const org = listRecords(data, 'organisation').find((o) => o.id === someone.organisationId)!;
    const otherOrg = listRecords(data, 'organisation').find((o) => o.id === other.organisationId)!;
    const plan = planPeopleImport(
      data,
      table(['Full name', 'Position', 'Agency', 'Email address'], [
        [someone.name, 'Interim Director', org.name, someone.email.toUpperCase()],
        [other.name.toUpperCase(), '', otherOrg.name, ''],
        [someone.name, '', org.name, ''],
        ['Ada Newcombe', 'Designated Nurse', org.name, 'ada@example.org.uk'],
        ['Ada Newcombe', 'Designated Nurse', org.name, 'ADA@example.org.uk'],
      ]),
      { newOrganisations: [], leaveOutRefused: false },
    );
    expect(plan.update).toEqual([expect.objectContaining({ row: 2, personId: someone.id, changes: [`job title: ${someone.jobTitle} → Interim Director`] })]);
    expect(plan.match).toEqual([{ row: 3, personId: other.id, name: other.name }]);
    expect(plan.add.map((a) => a.row)).toEqual([5]);
    expect(plan.refused).toEqual([
      { row: 4, column: 'column A (Full name)', message: `${someone.name} of ${org.name} is also on row 2; each person once` },
      { row: 6, column: 'column D (Email address)', message: 'ADA@example.org.uk is also on row 5; each person once' },
    ]);
  });

  it('writes one journal entry for the whole sheet, and nothing at all when a row is refused', () => {
    const s = commandSession(exampleData());
    const before = s.state.data;
    const org = listRecords(before, 'organisation')[0];
    const bad = table(['Name', 'Organisation'], [['Ada Newcombe', org.name], ['Ben Ives', 'Nowhere Council']]);
    expect(() => s.run('imports:people', { table: bad, newOrganisations: [], leaveOutRefused: false })).toThrow(/Nothing was imported: 1 row of list\.csv cannot be brought in\.\nRow 3, column B \(Organisation\): “Nowhere Council” is not an organisation/);
    expect(s.state.data).toBe(before);
    const journal = s.run('imports:people', { table: bad, newOrganisations: [{ name: 'Nowhere Council', kind: 'council' }], leaveOutRefused: false });
    expect(journal.summary).toBe('Imported people from list.csv: 2 people added, 1 organisation added');
    expect(journal.changes.map((c) => c.id.split(':')[0]).sort()).toEqual(['organisation', 'person', 'person']);
  });
});

describe('terms of reference from Word', () => {
  it('puts sections where they belong, keeps the ones Quorum has no field for, and lists unmatched members for a decision', () => {
    const markdown = [
      '# Westmoor Children’s Trust Board: Terms of Reference',
      '## Purpose',
      'To improve outcomes for children.',
      '## Membership',
      '| Position | Agency | Name |\n| --- | --- | --- |\n| Chair | Westmoor Council | Vacant |\n| Vice-chair | Northshire Police | Ada Newcombe |\n| Governor | Diocese of Westmoor | |',
      '## Meetings',
      'The Board meets bi-monthly.',
      '## Conduct',
      'Members follow the Nolan principles.',
    ].join('\n\n');
    const data = exampleData();
    const police = listRecords(data, 'organisation').find((o) => /police/i.test(o.name))!;
    const plan = planTorImport(data, { sourceFile: 'ct.docx', markdown, seats: [] }, TEST_TODAY);
    expect(plan.sections.map((s) => s.use)).toEqual(['title', 'purpose', 'membership', 'meetings', 'kept']);
    expect(plan.draft.purpose).toBe('To improve outcomes for children.');
    expect(plan.draft.responsibilities).toMatch(/### Conduct\n\nMembers follow the Nolan principles\./);
    expect(plan.draft.meetingsPerYear).toBe(6);
    expect(plan.seats.map((s) => s.outcome)).toEqual(['needs a decision', 'new person', 'needs a decision']);
    expect(plan.undecided[0].message).toMatch(/Chair: “Westmoor Council” is not an organisation in the partnership/);
    const decided = planTorImport(data, { sourceFile: 'ct.docx', markdown, seats: [{ row: 2, organisationId: listRecords(data, 'organisation')[0].id }, { row: 4, leaveOut: true }] }, TEST_TODAY);
    expect(decided.undecided).toEqual([]);
    expect(decided.draft.members.map((m) => [m.role, m.organisationId === police.id || m.role])).toEqual([
      ['Chair', 'Chair'],
      ['Vice-chair', true],
    ]);
    expect(decided.draft).toMatchObject({ chairMemberKey: 'chair', viceChairMemberKey: 'vice-chair' });
  });
});
