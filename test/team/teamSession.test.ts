import { existsSync, readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../main/services/dispatch';
import { createHandlers } from '../../main/services/handlers';
import { Session } from '../../main/services/session';
import { addTeamUser, initTeam } from '../../main/services/team/server';
import { clockOnDay } from '../../shared/clock';
import { startCouchServer, type CouchServer } from '../couchServer';
import { stubPlatform, tempDir, TEST_TODAY } from '../helpers';
import { WAIT } from '../waits';

/**
 * Team mode through the app's own handler table, as the window calls it: the first officer brings
 * their partnership into a team, a second joins into an empty folder, an edit travels, and a
 * restart asks for the password again.
 */
let server: CouchServer;
const folders: ReturnType<typeof tempDir>[] = [];
const sessions: Session[] = [];
const open = (dir?: string) => {
  const folder = dir ?? (folders[folders.push(tempDir('quorum-team-app-')) - 1].dir);
  const events: string[] = [];
  const session = new Session(folder, (e, p) => events.push(`${e}:${JSON.stringify(p).slice(0, 80)}`), { clock: clockOnDay(TEST_TODAY) });
  sessions.push(session);
  const call = createDispatcher(createHandlers(session, stubPlatform()));
  return { folder, session, call, events };
};
const signIn = (user: string) => ({ server: server.url, partnership: 'eastmere', user, password: `${user}-Password-1`, taskId: 't1' });

beforeAll(async () => {
  server = await startCouchServer();
  const admin = { url: server.url, account: server.admin };
  await initTeam(admin, 'eastmere');
  await addTeamUser(admin, 'eastmere', { name: 'ann', password: 'ann-Password-1', roles: ['secretariat', 'part2'] });
  await addTeamUser(admin, 'eastmere', { name: 'bob', password: 'bob-Password-1', roles: ['secretariat', 'part2'] });
}, WAIT.processes);
afterAll(async () => {
  for (const s of sessions) await s.close();
  await server?.stop();
  for (const f of folders) f.cleanup();
});

describe('team mode in the app', () => {
  it('promotes a solo partnership, lets another officer join and edit, and asks for the password after a restart', async () => {
    const ann = open();
    expect(await ann.call('store:start', { mode: 'example' })).toMatchObject({ ok: true });
    expect(await ann.call('team:status', {})).toEqual({ ok: true, value: null });

    const joinedTooEarly = open();
    expect(await joinedTooEarly.call('team:join', signIn('bob'))).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/holds no records yet/) } });
    expect(existsSync(join(joinedTooEarly.folder, 'team.json'))).toBe(false);

    const promoted = await ann.call('team:promote', signIn('ann'));
    expect(promoted).toMatchObject({ ok: true, value: { state: 'ready', team: { partnership: 'eastmere', user: 'ann', signedIn: true, roles: ['secretariat', 'part2'] } } });
    const meetings = await ann.call('meetings:list', {});
    expect(meetings.ok && (meetings.value as unknown[]).length).toBeGreaterThan(0);

    // A protocol's tracked changes are signed with the name signed in with, not the computer's login.
    for (const [boardId, date] of [['board:childrens-trust', '2026-12-15'], ['board:safeguarding', '2027-01-07'], ['board:hwb', '2027-01-13']])
      expect(await ann.call('protocols:signOff', { protocolVersionId: 'protocolVersion:boards-v1', boardId, date, minuteRef: '', unansweredReason: 'Open comments go to the annual review' })).toMatchObject({ ok: true });
    const v1 = Object.values(ann.session.ready().data.records).find((r) => r.id === 'protocolVersion:boards-v1');
    if (v1?.type !== 'protocolVersion') throw new Error('the example changed');
    const sections = v1.sections.map((x) => (x.key === 's3' ? { ...x, body: `${x.body} The Integrated Care Board reports to the Health and Wellbeing Board.` } : x));
    expect(await ann.call('protocols:saveDraft', { protocolId: 'protocol:boards', sections, changeSummary: 'Section 3' })).toMatchObject({ ok: true });
    const v2 = Object.values(ann.session.ready().data.records).find((r) => r.type === 'protocolVersion' && r.protocolId === 'protocol:boards' && r.version === 2)!;
    const saveTo = join(ann.folder, 'tracked.docx');
    const saving = createDispatcher(createHandlers(ann.session, stubPlatform({ chooseSaveFile: async () => saveTo })));
    expect(await saving('exports:governance', { what: 'protocol', id: v2.id, trackedChanges: true })).toMatchObject({ ok: true, value: { saved: true } });
    const document = strFromU8(unzipSync(readFileSync(saveTo))['word/document.xml']);
    expect(document).toMatch(/<w:ins [^>]*w:author="ann"/);
    expect([...document.matchAll(/w:author="([^"]*)"/g)].every((m) => m[1] === 'ann')).toBe(true);

    // A second promotion onto the same server is refused: the partnership is there already.
    const other = open();
    await other.call('store:start', { mode: 'example' });
    expect(await other.call('team:promote', signIn('bob'))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/already holds a partnership. Join it instead/) } });

    const bob = open();
    const joined = await bob.call('team:join', signIn('bob'));
    expect(joined).toMatchObject({ ok: true, value: { state: 'ready', team: { user: 'bob', signedIn: true } } });
    const item = Object.values(bob.session.ready().data.records).find((r) => r.type === 'agendaItem' && !r.part2)!;
    expect(await bob.call('minutes:update', { agendaItemId: item.id, minutes: 'Minuted by Bob in team mode.' })).toMatchObject({ ok: true });
    await bob.call('team:syncNow', {});
    const synced = await ann.call('team:syncNow', {});
    expect(synced).toMatchObject({ ok: true, value: { sync: { state: 'synced', waiting: 0 } } });
    expect(ann.session.ready().data.records[item.id]).toMatchObject({ minutes: 'Minuted by Bob in team mode.' });

    // Quorum restarts on Bob's folder: nothing opens until he signs in, and a wrong password is refused.
    await bob.session.close();
    const again = open(bob.folder);
    expect(await again.call('store:status', {})).toMatchObject({ ok: true, value: { state: 'empty', team: { signedIn: false, user: 'bob' } } });
    expect(await again.call('meetings:list', {})).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Sign in to eastmere first/) } });
    expect(await again.call('team:signIn', { password: 'wrong' })).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/did not accept that name and password/) } });
    const back = await again.call('team:signIn', { password: 'bob-Password-1' });
    expect(back).toMatchObject({ ok: true, value: { state: 'ready', team: { signedIn: true } } });
    expect(again.session.ready().data.records[item.id]).toMatchObject({ minutes: 'Minuted by Bob in team mode.' });
  }, WAIT.processes);

  it('explains a wrong server address or partnership in the officer’s words', async () => {
    const carol = open();
    expect(await carol.call('team:join', { ...signIn('bob'), server: 'http://127.0.0.1:9' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/did not answer/) } });
    expect(await carol.call('team:join', { ...signIn('bob'), partnership: 'westbury' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no role in the partnership “westbury”/) } });
    expect(await carol.call('team:join', { ...signIn('bob'), server: 'quorum.example' })).toMatchObject({ ok: false, error: { code: 'invalid-input', fields: { server: expect.stringMatching(/starting https:\/\//) } } });
  });
});
