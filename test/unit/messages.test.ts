import { describe, expect, it } from 'vitest';
import { emptyData, listRecords, type StoreData } from '../../shared/data';
import { mutations, type MutationName } from '../../shared/operations';
import { applyCommand } from '../../shared/operations/apply';
import { exampleData } from '../docxPackage';
import { fixedContext } from '../helpers';
import { WESTMOOR_PEOPLE, WESTMOOR_PEOPLE_COLUMNS } from '../fixtures/imports';

/**
 * Every message an officer reads from an operation (a journal summary, a refusal, a field's
 * complaint) in the words of the domain: one full stop, plurals that agree with their count, no
 * possessive on a count of one, and never a field's key ("agendaItemId") or a program's word.
 */
const BAD: [RegExp, string][] = [
  [/\.\./, 'two full stops'],
  [/\s[.,;:]/, 'a space before punctuation'],
  [/\b1 (rows|people|boards|seats|organisations|meetings|items|comments|actions|papers|sections|versions|days|members|agencies|names)\b/, 'a plural after 1'],
  [/\b1 [a-z]+s’/, 'a plural possessive after 1'],
  [/[a-rt-z]’\s/, 'a possessive with no s (“board’ draft”)'],
  [/\b(?:0|[2-9]|[1-9][0-9]+) (?:row|person|board|seat|organisation|meeting|item|comment|action|paper|section|version)\b(?! (?:of|on|in|at|for|to)\b)/, 'a singular after a count other than 1'],
  [/\b[a-z]+[A-Z][A-Za-z]*\b/, 'a field key'],
  [/\bundefined\b|\bnull\b|\[object Object\]|\bNaN\b/, 'a program’s word'],
];
const check = (message: string) => BAD.filter(([re]) => re.test(message.replace(/…/g, ''))).map(([, why]) => `${why}: ${message}`);

/** Runs commands, keeping every summary and every refusal's words. */
const collector = (data: StoreData) => {
  const ctx = fixedContext();
  const said: string[] = [];
  const state = { data };
  const run = (name: MutationName, input: unknown) => {
    try {
      const r = applyCommand(state.data, name, input, ctx);
      state.data = r.data;
      said.push(r.journal.summary);
      return true;
    } catch (err) {
      said.push((err as Error).message);
      for (const m of Object.values((err as { fields?: Record<string, string> }).fields ?? {})) said.push(m);
      return false;
    }
  };
  return { state, said, run };
};

describe('the words of every message', () => {
  it('names fields as the forms do, for every operation given nothing or the wrong things', () => {
    const c = collector(exampleData());
    for (const name of Object.keys(mutations) as MutationName[]) {
      c.run(name, {});
      c.run(name, { unexpected: true });
    }
    expect(c.said.length).toBeGreaterThan(100);
    expect(c.said.flatMap(check)).toEqual([]);
  });

  it('says counts of one and of many rightly through setting up from empty, the imports and the refusals', () => {
    const c = collector(emptyData());
    c.run('partnership:setUp', { name: 'Westmoor Children and Families Partnership' });
    c.run('boards:add', { name: 'Westmoor Children’s Trust Board', shortName: 'Children’s Trust', kind: 'childrens-trust', rules: 'own-terms-of-reference' });
    const sheet = (rows: string[][], sourceFile = 'members.csv') => ({ sourceFile, columns: WESTMOOR_PEOPLE_COLUMNS, rows: rows.map((cells, i) => ({ row: i + 2, cells })) });
    const orgs = [...new Set(WESTMOOR_PEOPLE.map((r) => r[2]))].map((name) => ({ name, kind: 'other' as const }));
    // One row, one organisation, one board; then many.
    c.run('imports:people', { table: sheet([WESTMOOR_PEOPLE[4]]), newOrganisations: [], leaveOutRefused: false });
    c.run('imports:people', { table: sheet([WESTMOOR_PEOPLE[4]]), newOrganisations: orgs.slice(0, 1), leaveOutRefused: false });
    c.run('imports:people', { table: sheet(WESTMOOR_PEOPLE), newOrganisations: [], leaveOutRefused: false });
    c.run('imports:people', {
      table: sheet(WESTMOOR_PEOPLE),
      newOrganisations: orgs,
      leaveOutRefused: false,
      newBoards: [
        { sheetName: 'Westmoor SCP', name: 'Westmoor Safeguarding Children Partnership', shortName: 'Safeguarding Partnership', kind: 'safeguarding-partnership' },
        { sheetName: 'Health & Wellbeing Bord', name: 'Westmoor Health and Wellbeing Board', shortName: 'Health and Wellbeing Board', kind: 'health-and-wellbeing' },
      ],
    });
    c.run('imports:people', { table: sheet(WESTMOOR_PEOPLE), newOrganisations: [], leaveOutRefused: false });
    const board = listRecords(c.state.data, 'board')[0].id;
    const tor = (rows: string) => ['## Purpose', 'To improve outcomes.', '## Membership', `| Role | Organisation | Name |\n| --- | --- | --- |\n${rows}`].join('\n\n');
    c.run('imports:tor', { boardId: board, sourceFile: 'one.docx', markdown: tor('| Governor | Diocese of Westmoor | |'), seats: [] });
    c.run('imports:tor', { boardId: board, sourceFile: 'two.docx', markdown: tor('| Governor | Diocese of Westmoor | |\n| Parent | Parent Forum | |'), seats: [] });
    c.run('imports:tor', { boardId: board, sourceFile: 'ok.docx', markdown: tor('| Chair | Westmoor Borough Council | Cllr Amara Mensah |'), seats: [] });
    const actions = (rows: string[][]) => ({ boardId: board, table: { sourceFile: 'log.csv', columns: ['Action', 'Owner', 'Due date', 'Status'], rows: rows.map((cells, i) => ({ row: i + 2, cells })) }, leaveOutRefused: false });
    c.run('imports:actions', actions([['Send the audit', 'Nobody Known', '2027-01-10', 'Open']]));
    c.run('imports:actions', actions([['Send the audit', 'Ruth Okafor', '2027-01-10', 'Open']]));
    c.run('imports:actions', actions([['Send the audit', 'Ruth Okafor', '2027-01-10', 'Open'], ['Report back', 'Grace Ellison', '2027-02-10', 'Open']]));
    c.run('imports:meetings', { boardId: board, text: '19/01/2027', year: 2027, startTime: '14:00', endTime: '16:00', venue: '' });
    c.run('imports:meetings', { boardId: board, text: '19/01/2027\n16/02/2027', year: 2027, startTime: '14:00', endTime: '16:00', venue: '' });
    c.run('imports:meetings', { boardId: board, text: '19/01/2027', year: 2027, startTime: '14:00', endTime: '16:00', venue: '' });
    expect(c.said.length).toBeGreaterThan(15);
    expect(c.said.flatMap(check)).toEqual([]);
  });

  it('catches the slips it is there to catch', () => {
    expect(check('Imported people: 4 seats on 1 board’ draft terms of reference')).toHaveLength(1);
    expect(check('Nothing was imported: 1 rows of list.csv cannot be brought in.')).toHaveLength(1);
    expect(check('Party board: agendaItemId is required')).toHaveLength(1);
    expect(check('Saved the draft..')).toHaveLength(1);
    expect(check('Imported 2 seat')).toHaveLength(1);
    expect(check('Imported people from members.csv: 1 person added, 2 seats in the draft terms of reference of 1 board.')).toEqual([]);
  });
});
