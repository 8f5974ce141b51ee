import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import PouchDB from 'pouchdb';
import { addTeamUser } from '../../main/services/team/server';
import { signInToServer } from '../../main/services/team/access';
import type { TeamStore } from '../../main/services/team/teamStore';
import type { QRecord } from '../../shared/schema/records';
import { clearancesFor, paperClearances } from '../../shared/features/clearance';
import { firstTorFields } from '../../shared/rules/torDraft';
import { WAIT } from '../waits';
import { SLUG, startTeam, teamRecords, type Team } from './teamFixture';

/**
 * What a partner reviewer linked to their person in the directory answers for themselves, on their
 * own copy (the partners' database only): a written resolution the secretariat sends them, and a
 * paper sent to them to clear. The server refuses either in anyone else's name, whatever a
 * tampered copy of the app sends.
 */
let team: Team;
let ann: TeamStore;
const ROBIN = 'person:robin';
const ENV = { today: '2026-11-23', holidays: new Set<string>(), hasImage: () => false };

beforeAll(async () => {
  team = await startTeam();
  ann = await team.open('ann', { now: '2026-11-23T09:00:00.000Z' });
  const seeded = teamRecords();
  const robin = { id: ROBIN, type: 'person', name: 'Robin Partner', jobTitle: 'Designated nurse', organisationId: 'organisation:c', email: '', schemaVersion: 1, rev: 1, updatedAt: '2026-11-01T09:00:00.000Z', updatedBy: 'seed' };
  await ann.seed('example:load', 'Set up Westbury', [...seeded.records, robin as never]);
  // The Safeguarding Partnership's ToR allows written resolutions; Pat (an officer's seat) and Robin (the ICB's) vote.
  const seat = (key: string, personId: string) => ({ key, role: key, organisationId: 'organisation:c', personId, deputyAllowed: false, voting: true });
  await ann.run('tor:saveDraft', { boardId: 'board:b2', ...firstTorFields('2026-11-23'), members: [seat('la', 'person:p'), seat('icb', ROBIN)], chairMemberKey: 'la', quorum: { requireChairOrVice: false, minMembers: 1, text: '' }, writtenResolutions: true });
  const tor = Object.values(ann.data.records).find((r) => r.type === 'tor' && r.boardId === 'board:b2')!;
  await ann.run('tor:approve', { torId: tor.id, date: '2026-11-01', minuteRef: '' });
  await ann.run('decisions:propose', { boardId: 'board:b2', title: 'Adopt the neglect strategy', text: 'The partners adopt the neglect strategy 2027–2030.', voterPersonIds: ['person:p', ROBIN], opensOn: '2026-11-23', closesOn: '2026-11-27' });
  // The Health and Wellbeing Board asks the ICB's lead officer (Robin) to clear its decision papers.
  const hwb = ann.data.records['board:b'];
  await ann.run('boards:setClearances', { boardId: 'board:b', rules: [{ key: 'icb', label: 'ICB lead officer', paperKinds: ['decision', 'deep-dive'], personId: ROBIN }], expectedRev: hwb.rev });
  await ann.syncOnce();
  // Robin's sign-in is linked to Robin in the directory (quorum team add-user --person).
  await addTeamUser(team.admin, SLUG, { name: 'pri', roles: ['partner'], personId: ROBIN });
}, WAIT.processes);
afterAll(async () => {
  await team?.stop();
});

/**
 * A tampered copy of the app: Robin's own record of `type`, copied on his partners' replica under a
 * new id in someone else's name. The server refuses it; the secretariat never receives it.
 */
const expectForgeryRefused = async (type: 'decisionReply' | 'clearance', inAnotherName: Record<string, unknown>) => {
  const pri = await team.open('pri', { personId: ROBIN });
  await pri.syncOnce();
  await pri.close();
  const local = new PouchDB(join(team.folder('pri'), 'replica', 'partners'));
  const mine = (await local.allDocs({ include_docs: true })).rows.find((r) => (r.doc as { type?: string })?.type === type)!.doc as unknown as Record<string, unknown> & { record: Record<string, unknown> };
  const id = `${type}:forged`;
  const forged = { ...mine, _id: id, by: 'pri', record: { ...mine.record, id, ...inAnotherName } };
  delete (forged as { _rev?: string })._rev;
  await local.put(forged as never);
  await local.close();
  const again = await team.open('pri', { personId: ROBIN });
  await again.syncOnce();
  await again.settleAll();
  expect(again.notAppliedChanges().map((n) => n.id)).toContain(id);
  await ann.syncOnce();
  expect(ann.data.records[id]).toBeUndefined();
  await again.close();
};

describe('a written resolution in team mode', () => {
  it('reaches the partner who votes, who replies for themselves; the secretariat receives the reply', async () => {
    const signed = await signInToServer(team.server.url, SLUG, 'pri', 'pri-Password-1');
    expect(signed).toMatchObject({ roles: ['partner'], personId: ROBIN });
    const pri = await team.open('pri', { personId: ROBIN });
    await pri.syncOnce();
    const decision = Object.values(pri.data.records).find((r) => r.type === 'decision')!;
    expect(decision).toMatchObject({ title: 'Adopt the neglect strategy', written: { voterPersonIds: ['person:p', ROBIN] } });
    // Not another voter's reply, even through the app.
    await expect(pri.run('decisions:reply', { decisionId: decision.id, personId: 'person:p', vote: 'for', receivedOn: '2026-11-23', via: 'own' })).rejects.toThrow(/for themselves only/);
    await pri.run('decisions:reply', { decisionId: decision.id, personId: ROBIN, vote: 'against', receivedOn: '2026-11-23', via: 'own', comment: 'Not until the audit reports.' });
    await pri.syncOnce();
    await ann.syncOnce();
    const replies = Object.values(ann.data.records).filter((r) => r.type === 'decisionReply');
    expect(replies).toEqual([expect.objectContaining({ personId: ROBIN, vote: 'against', via: 'own', comment: 'Not until the audit reports.' })]);
    await pri.close();
  });

  it('refuses, at the server, a reply a tampered copy writes in another voter’s name', async () => {
    await expectForgeryRefused('decisionReply', { personId: 'person:p', vote: 'for' });
  });
});

describe('a paper sent to its clearer in team mode', () => {
  const ITEM = 'agendaItem:next-0';
  const requestOf = (store: TeamStore) => Object.values(store.data.records).filter((r) => r.type === 'clearanceRequest');

  it('reaches the named clearer, who reads it and clears it in their own name; the paper then shows cleared, until its text changes', async () => {
    await ann.run('clearances:request', { agendaItemId: ITEM, key: 'icb' });
    // Asked once for the same text.
    await expect(ann.run('clearances:request', { agendaItemId: ITEM, key: 'icb' })).rejects.toThrow(/was sent this text to clear/);
    // A Part 2 paper's words never go to the partners' database.
    await expect(ann.run('clearances:request', { agendaItemId: 'agendaItem:next-2', key: 'icb' })).rejects.toThrow(/never copied to the partners/);
    await ann.syncOnce();

    const pri = await team.open('pri', { personId: ROBIN });
    await pri.syncOnce();
    // Robin reads the paper: the partners' copy holds the request, not the board's agenda.
    expect(pri.data.records[ITEM]).toBeUndefined();
    const mine = clearancesFor.view(pri.data, { personId: ROBIN }, ENV);
    expect(mine).toEqual([expect.objectContaining({ title: 'Item title next 0', cleared: null })]);
    expect(mine[0].text).toContain('open BODY');
    // Not in someone else's name, even through the app.
    await expect(pri.run('clearances:giveOwn', { requestId: mine[0].id as never, personId: 'person:p' })).rejects.toThrow(/in their own name only/);
    await pri.run('clearances:giveOwn', { requestId: mine[0].id as never, personId: ROBIN, comment: 'Content with the funding split.' });
    await expect(pri.run('clearances:giveOwn', { requestId: mine[0].id as never, personId: ROBIN })).rejects.toThrow(/already cleared/);
    await pri.syncOnce();
    await ann.syncOnce();

    const item = () => paperClearances.view(ann.data, { agendaItemId: ITEM }, ENV);
    expect(item().needed).toEqual([expect.objectContaining({ key: 'icb', state: 'cleared', latest: expect.objectContaining({ clearedBy: 'Robin Partner', via: 'own', comment: 'Content with the funding split.' }) })]);

    // The author changes a recommendation: Robin's clearance no longer holds, and the paper can be sent again.
    const before = ann.data.records[ITEM] as Extract<QRecord, { type: 'agendaItem' }>;
    await ann.run('paper:updateCoverSheet', { agendaItemId: ITEM, coverSheet: { ...before.paper!.coverSheet, recommendations: ['Agree the funding split, subject to the ICB board.'] }, expectedRev: before.rev });
    expect(item().needed[0].state).toBe('reset');
    await ann.run('clearances:request', { agendaItemId: ITEM, key: 'icb' });
    await ann.syncOnce();
    await pri.syncOnce();
    const again = clearancesFor.view(pri.data, { personId: ROBIN }, ENV);
    expect(again).toEqual([expect.objectContaining({ changedSinceEarlier: true, cleared: null })]);
    expect(again[0].text).toContain('subject to the ICB board');
    await pri.close();
    expect(requestOf(ann)).toHaveLength(2);
  });

  it('refuses, at the server, a clearance a tampered copy writes in another person’s name', async () => {
    await expectForgeryRefused('clearance', { personId: 'person:p', clearedBy: 'Pat Officer' });
  });
});
