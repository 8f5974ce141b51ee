import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import PouchDB from 'pouchdb';
import { addTeamUser } from '../../main/services/team/server';
import { signInToServer } from '../../main/services/team/access';
import type { TeamStore } from '../../main/services/team/teamStore';
import { firstTorFields } from '../../shared/rules/torDraft';
import { WAIT } from '../waits';
import { SLUG, startTeam, teamRecords, type Team } from './teamFixture';

/**
 * A written resolution in team mode: the secretariat sends it, a partner reviewer linked to their
 * person in the directory replies for themselves on their own copy, and the server refuses a reply
 * in anyone else's name, whatever a tampered copy of the app sends.
 */
let team: Team;
let ann: TeamStore;
const ROBIN = 'person:robin';

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
  await ann.syncOnce();
  // Robin's sign-in is linked to Robin in the directory (quorum team add-user --person).
  await addTeamUser(team.admin, SLUG, { name: 'pri', roles: ['partner'], personId: ROBIN });
}, WAIT.processes);
afterAll(async () => {
  await team?.stop();
});

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
    const pri = await team.open('pri', { personId: ROBIN });
    await pri.syncOnce();
    await pri.close();
    const local = new PouchDB(join(team.folder('pri'), 'replica', 'partners'));
    const mine = (await local.allDocs({ include_docs: true })).rows.find((r) => (r.doc as { type?: string })?.type === 'decisionReply')!.doc as unknown as Record<string, unknown> & { record: Record<string, unknown> };
    const forged = { ...mine, _id: 'decisionReply:forged', _rev: undefined, by: 'pri', record: { ...mine.record, id: 'decisionReply:forged', personId: 'person:p', vote: 'for' } };
    delete (forged as { _rev?: string })._rev;
    await local.put(forged as never);
    await local.close();
    const again = await team.open('pri', { personId: ROBIN });
    await again.syncOnce();
    await again.settleAll();
    expect(again.notAppliedChanges().map((n) => n.id)).toContain('decisionReply:forged');
    await ann.syncOnce();
    expect(ann.data.records['decisionReply:forged']).toBeUndefined();
    await again.close();
  });
});
