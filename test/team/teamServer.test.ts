import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers';
import { couch, startCouchServer, type CouchServer } from '../couchServer';
import { WAIT } from '../waits';

/**
 * `quorum team init` and `add-user` against a real CouchDB-protocol server (pouchdb-server, started
 * here): the databases, their security objects and rules are read back from the server, and the
 * rules are shown to hold by the server refusing what they forbid.
 */
let server: CouchServer;
const env = (vars: Record<string, string>) => {
  const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  return () => {
    for (const [k, v] of Object.entries(before)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  };
};
const asAdmin = (...args: string[]) => {
  const restore = env({ QUORUM_ADMIN_PASSWORD: server.admin.password });
  return runCli('team', ...args, '--server', server.url, '--admin', server.admin.name, '--partnership', 'westbury').finally(restore);
};
const addUser = (name: string, roles: string, password = `${name}-Password-1`) => {
  const restore = env({ QUORUM_USER_PASSWORD: password });
  return asAdmin('add-user', '--name', name, '--roles', roles).finally(restore);
};
const officer = { name: 'olive', password: 'olive-Password-1' };
const uncleared = { name: 'owen', password: 'owen-Password-1' };
const partner = { name: 'priya', password: 'priya-Password-1' };
const otherPartner = { name: 'paul', password: 'paul-Password-1' };

beforeAll(async () => {
  server = await startCouchServer();
}, WAIT.processes);
afterAll(async () => {
  await server?.stop();
});

describe('quorum team init', () => {
  it('creates the three databases with their security objects and rules, and is safe to run again', async () => {
    const first = await asAdmin('init', '--json');
    expect(first.code, first.err).toBe(0);
    expect(JSON.parse(first.out).databases.map((d: { name: string; created: boolean; rules: string }) => [d.name, d.created, d.rules])).toEqual([
      ['quorum-westbury-board', true, 'created'],
      ['quorum-westbury-part2', true, 'created'],
      ['quorum-westbury-partners', true, 'created'],
    ]);
    const admin = server.admin;
    for (const [db, roles] of [
      ['quorum-westbury-board', ['westbury-secretariat']],
      ['quorum-westbury-part2', ['westbury-part2']],
      ['quorum-westbury-partners', ['westbury-secretariat', 'westbury-partner']],
    ] as const) {
      const security = await couch(server.url, 'GET', `${db}/_security`, admin);
      expect(security.body).toEqual({ admins: { names: [], roles: [] }, members: { names: [], roles } });
      const design = await couch(server.url, 'GET', `${db}/_design/quorum`, admin);
      expect(design.status).toBe(200);
      expect(design.body.validate_doc_update).toMatch(/^function \(newDoc, oldDoc, userCtx\)/);
    }
    const again = await asAdmin('init');
    expect(again.code, again.err).toBe(0);
    expect(again.out).toMatch(/quorum-westbury-board\s+already there; rules unchanged/);
  });

  it('says clearly when the server is not there, the password is wrong, or the name is unusable', async () => {
    const nowhere = await runCli('team', 'init', '--server', 'http://127.0.0.1:9', '--partnership', 'westbury');
    expect(nowhere).toMatchObject({ code: 1, err: expect.stringMatching(/did not answer/) });
    const restore = env({ QUORUM_ADMIN_PASSWORD: 'wrong' });
    const wrong = await runCli('team', 'init', '--server', server.url, '--admin', server.admin.name, '--partnership', 'westbury').finally(restore);
    expect(wrong).toMatchObject({ code: 1, err: expect.stringMatching(/refused the sign-in|not authorized|Name or password/i) });
    const badSlug = await runCli('team', 'init', '--server', server.url, '--partnership', 'Westbury Board');
    expect(badSlug).toMatchObject({ code: 2, err: expect.stringMatching(/cannot name a partnership on the server/) });
    const noPassword = await runCli('team', 'init', '--server', server.url, '--admin', server.admin.name, '--partnership', 'westbury');
    expect(noPassword).toMatchObject({ code: 2, err: expect.stringMatching(/QUORUM_ADMIN_PASSWORD/) });
    expect(await asAdmin('add-user', '--name', 'x', '--roles', 'chair')).toMatchObject({ code: 2, err: expect.stringMatching(/no role “chair”/) });
  });
});

describe('the rules the server enforces', () => {
  beforeAll(async () => {
    expect((await asAdmin('init')).code).toBe(0);
    for (const [p, roles] of [
      [officer, 'secretariat,part2'],
      [uncleared, 'secretariat'],
      [partner, 'partner'],
      [otherPartner, 'partner'],
    ] as const) {
      const r = await addUser(p.name, roles, p.password);
      expect(r.code, r.err).toBe(0);
    }
  });

  it('gives each person their roles in this partnership only', async () => {
    const user = await couch(server.url, 'GET', '_users/org.couchdb.user:olive', server.admin);
    expect(user.body.roles).toEqual(['westbury-secretariat', 'westbury-part2']);
    const session = await couch(server.url, 'GET', '_session', officer);
    expect(session.body).toMatchObject({ userCtx: { name: 'olive', roles: ['westbury-secretariat', 'westbury-part2'] } });
  });

  it('lets each person read only the databases of their audience', async () => {
    const reads = async (who: { name: string; password: string }) => {
      const out: string[] = [];
      for (const a of ['board', 'part2', 'partners']) if ((await couch(server.url, 'GET', `quorum-westbury-${a}/_all_docs`, who)).status === 200) out.push(a);
      return out;
    };
    expect(await reads(officer)).toEqual(['board', 'part2', 'partners']);
    expect(await reads(uncleared)).toEqual(['board', 'partners']);
    expect(await reads(partner)).toEqual(['partners']);
    expect((await couch(server.url, 'GET', 'quorum-westbury-board/_all_docs')).status).toBe(401);
  });

  it('refuses a change to a write-once record, the journal, or a frozen record', async () => {
    const db = 'quorum-westbury-board';
    const made = await couch(server.url, 'PUT', `${db}/actionUpdate:u1`, officer, { type: 'actionUpdate', by: 'olive', record: { text: 'Done' } });
    expect(made.status).toBe(201);
    const changed = await couch(server.url, 'PUT', `${db}/actionUpdate:u1`, officer, { _rev: made.body.rev, type: 'actionUpdate', by: 'olive', record: { text: 'Rewritten' } });
    expect(changed).toMatchObject({ status: 403, body: { reason: expect.stringMatching(/written once/) } });
    const entry = await couch(server.url, 'PUT', `${db}/journal:laptop-1:000000001`, officer, { type: 'journal', by: 'olive', entry: { seq: 1 } });
    const removed = await couch(server.url, 'DELETE', `${db}/journal:laptop-1:000000001?rev=${entry.body.rev}`, officer);
    expect(removed).toMatchObject({ status: 403, body: { reason: expect.stringMatching(/audit journal is written once/) } });
    const frozen = await couch(server.url, 'PUT', `${db}/agendaItem:a1`, officer, { type: 'agendaItem', by: 'olive', frozen: 'minutes approved', record: { minutes: 'Agreed' } });
    const edited = await couch(server.url, 'PUT', `${db}/agendaItem:a1`, officer, { _rev: frozen.body.rev, type: 'agendaItem', by: 'olive', record: { minutes: 'Not agreed' } });
    expect(edited).toMatchObject({ status: 403, body: { reason: expect.stringMatching(/frozen \(minutes approved\)/) } });
    const impersonated = await couch(server.url, 'PUT', `${db}/meeting:m1`, officer, { type: 'meeting', by: 'owen', record: {} });
    expect(impersonated).toMatchObject({ status: 403, body: { reason: expect.stringMatching(/name of the person signed in/) } });
  });

  it('lets a partner add their own comments and nothing else', async () => {
    const db = 'quorum-westbury-partners';
    const own = await couch(server.url, 'PUT', `${db}/protocolComment:c1`, partner, { type: 'protocolComment', by: 'priya', record: { text: 'Section 3 needs the police' } });
    expect(own.status).toBe(201);
    const others = await couch(server.url, 'PUT', `${db}/protocolComment:c1`, otherPartner, { _rev: own.body.rev, type: 'protocolComment', by: 'paul', record: { text: 'Nothing to add' } });
    expect(others.status).toBe(403);
    const asOther = await couch(server.url, 'PUT', `${db}/protocolComment:c2`, otherPartner, { type: 'protocolComment', by: 'priya', record: { text: 'Signed as Priya' } });
    expect(asOther).toMatchObject({ status: 403, body: { reason: expect.stringMatching(/name of the person signed in/) } });
    const protocol = await couch(server.url, 'PUT', `${db}/protocol:p1`, partner, { type: 'protocol', by: 'priya', record: {} });
    expect(protocol).toMatchObject({ status: 403, body: { reason: expect.stringMatching(/comments on a protocol, reply to a written resolution and clear a paper sent to them, nothing else/) } });
    // A reply to a written resolution only in their own name: Priya's sign-in is linked to no one here.
    const reply = await couch(server.url, 'PUT', `${db}/decisionReply:r1`, partner, { type: 'decisionReply', by: 'priya', record: { personId: 'person:someone', via: 'own', vote: 'for' } });
    expect(reply).toMatchObject({ status: 403, body: { reason: expect.stringMatching(/for themselves only/) } });
    // Nor a clearance of a paper in anyone's name but their own.
    const clearance = await couch(server.url, 'PUT', `${db}/clearance:c1`, partner, { type: 'clearance', by: 'priya', record: { personId: 'person:someone', via: 'own', requestId: 'clearanceRequest:r1' } });
    expect(clearance).toMatchObject({ status: 403, body: { reason: expect.stringMatching(/in their own name only/) } });
    // Their app journals their comments (one chain per device); an entry, once written, stays.
    const journal = await couch(server.url, 'PUT', `${db}/journal:x:1`, partner, { type: 'journal', by: 'priya', entry: { seq: 1 } });
    expect(journal.status).toBe(201);
    const rewritten = await couch(server.url, 'PUT', `${db}/journal:x:1`, partner, { _rev: journal.body.rev, type: 'journal', by: 'priya', entry: { seq: 1, summary: 'Nothing' } });
    expect(rewritten.status).toBe(403);
    expect((await couch(server.url, 'PUT', `quorum-westbury-board/meeting:m2`, partner, { type: 'meeting', by: 'priya', record: {} })).status).toBeGreaterThanOrEqual(401);
  });

  it('keeps Part 2 writes to cleared officers', async () => {
    const db = 'quorum-westbury-part2';
    expect((await couch(server.url, 'PUT', `${db}/agendaItem:x`, officer, { type: 'agendaItem', by: 'olive', exempt: {} })).status).toBe(201);
    expect((await couch(server.url, 'PUT', `${db}/agendaItem:y`, uncleared, { type: 'agendaItem', by: 'owen', exempt: {} })).status).toBeGreaterThanOrEqual(401);
  });
});
