import { createServer, request, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TeamStore } from '../../main/services/team/teamStore';
import { startTeam, teamRecords, type Team } from './teamFixture';
import { WAIT } from '../waits';

/**
 * A connection the server drops mid-sync (a Wi-Fi blip, a proxy's idle timeout, a keep-alive
 * socket closed as it was reused): the officer's copy carries on and the change still arrives.
 * The laptop reaches the server through a proxy this test controls, which hangs up on the next
 * request for a database's details (GET /db/): what PouchDB's live replication asks after each
 * batch it pulls, for its progress figures.
 */
const hangUpOnNextDetails = (target: string) => {
  const state = { armed: false, hungUp: 0, seen: [] as string[] };
  const proxy: Server = createServer((req, res) => {
    state.seen.push(`${req.method} ${req.url}`);
    if (state.armed && req.method === 'GET' && /^\/[^/_][^/]*\/$/.test(req.url ?? '')) {
      state.armed = false;
      state.hungUp++;
      req.socket.destroy(); // no answer at all: the client reads "socket hang up"
      return;
    }
    const upstream = request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  return {
    state,
    listen: () => new Promise<string>((resolve) => proxy.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(proxy.address() as { port: number }).port}`))),
    close: () => new Promise<void>((resolve) => {
      proxy.closeAllConnections();
      proxy.close(() => resolve());
    }),
  };
};

let team: Team;
let ann: TeamStore;
let bob: TeamStore;
let proxy: ReturnType<typeof hangUpOnNextDetails>;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  team = await startTeam();
  ann = await team.open('ann');
  await ann.seed('example:load', 'Set up Westbury', teamRecords().records);
  await ann.syncOnce();
  proxy = hangUpOnNextDetails(team.server.url);
  bob = await team.open('bob', { via: await proxy.listen() });
  await bob.syncOnce();
}, WAIT.processes);
afterAll(async () => {
  await team?.stop();
  await proxy?.close();
  process.off('unhandledRejection', onUnhandled);
});

describe('a connection the server drops while an officer’s copy syncs live', () => {
  it('carries on: the other officer’s change still arrives, and nothing is left unhandled to stop the app', async () => {
    const { state } = proxy;
    const before = state.seen.length;
    bob.startSync();
    // Live first (its pull waiting on the board database's changes feed), so the request hung up
    // on is the one asked after a batch is pulled, not the ones asked as replication starts.
    await vi.waitFor(() => expect(state.seen.slice(before).some((r) => /^GET \/quorum-westbury-board\/_changes\?/.test(r))).toBe(true), { timeout: WAIT.sync, interval: 20 });
    state.armed = true;
    const minutes = 'The board agreed the plan, after a dropped connection.';
    await ann.run('minutes:update', { agendaItemId: 'agendaItem:held-1', minutes });
    await ann.syncOnce();
    await vi.waitFor(() => expect(bob.data.records['agendaItem:held-1']).toMatchObject({ minutes }), { timeout: WAIT.sync, interval: 50 });
    // A moment more for a rejection from the dropped request to surface, as it would in the app.
    await new Promise((r) => setTimeout(r, 500));
    expect(state.hungUp, 'the proxy hung up on a request for the database’s details').toBe(1);
    expect(unhandled.map((e) => String((e as Error)?.message ?? e))).toEqual([]);
  }, WAIT.processes);
});
