import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../main/services/dispatch';
import { createHandlers } from '../../main/services/handlers';
import { Session } from '../../main/services/session';
import { loadExample } from '../../main/services/example';
import { listRecords, recordsWhere, type StoreData } from '../../shared/data';
import { runCli, stubPlatform, tempDir, testClock } from '../helpers';

/**
 * Approved minutes are the board's record. Every operation that could touch an approved meeting
 * is called here through the handler table the app's window uses (and `quorum call`), not through
 * a screen that hides the button first; each is refused and the meeting's records stay byte for
 * byte as approved. A recorded correction is the one way through, and it keeps the published
 * numbers.
 */
const setUp = async () => {
  const t = tempDir();
  const dataDir = join(t.dir, 'data');
  const session = new Session(dataDir, () => {}, { clock: testClock() });
  await loadExample(session.store);
  const call = createDispatcher(createHandlers(session, stubPlatform({ chooseSaveFile: async ({ defaultName }) => join(t.dir, defaultName) })));
  return { t, dataDir, session, call, close: () => (session.close(), t.cleanup()) };
};
let close = () => {};
afterEach(() => close());

const HELD = 'meeting:ct-held';
/** JSON with its keys in order, so a record read back from disk compares byte for byte with the one in memory. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));
/** Every record of a meeting: what must not move once its minutes are approved. */
const meetingRecord = (data: StoreData, meetingId: string) =>
  canonical(
    ['agendaItem', 'resolution', 'attendance', 'declaration'].flatMap((type) => recordsWhere(data, type as 'agendaItem', 'meetingId', meetingId)).concat(listRecords(data, 'meeting').filter((m) => m.id === meetingId) as never[]),
  );

describe('minutes approved stay as approved', () => {
  it('refuses every change to an approved meeting through the handler table, and takes a recorded correction that keeps every number', async () => {
    const env = await setUp();
    close = env.close;
    const ok = (r: unknown) => expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
    ok(await env.call('minutes:approve', { meetingId: HELD, atAgendaItemId: 'agendaItem:next-2', minuteRef: 'CT/24/2', confirmed: true }));
    const numbersBefore = ((await env.call('agenda:list', { meetingId: HELD })) as { value: { id: string; number: number }[] }).value.map((l) => [l.id, l.number]);
    const approved = meetingRecord(env.session.store.data, HELD);
    const item = 'agendaItem:held-4';
    const person = listRecords(env.session.store.data, 'person')[0].id;
    const attempts: [string, unknown][] = [
      ['agenda:update', { agendaItemId: item, title: 'Renamed', purpose: 'discussion', durationMinutes: 20, fixedStart: null, presenterIds: [], paperRequested: false, authorPersonId: null }],
      ['agenda:setPartTwo', { agendaItemId: item, part2: { paragraph: 3, reason: 'Commercial', publicTitle: '' } }],
      ['agenda:move', { agendaItemId: item, toIndex: 0 }],
      ['agenda:remove', { agendaItemId: 'agendaItem:held-8' }],
      ['agenda:add', { meetingId: HELD, title: 'Late item', purpose: 'information', durationMinutes: 5, presenterIds: [], paperRequested: false }],
      ['paper:updateBody', { agendaItemId: item, body: 'A new paper' }],
      ['minutes:update', { agendaItemId: item, minutes: 'Rewritten' }],
      ['resolutions:add', { agendaItemId: item, text: 'Added afterwards.' }],
      ['resolutions:update', { resolutionId: 'resolution:held-5-1', text: 'Reworded afterwards.' }],
      ['resolutions:remove', { resolutionId: 'resolution:held-5-2' }],
      ['attendance:set', { meetingId: HELD, personId: person, status: 'apologies' }],
      ['attendance:remove', { attendanceId: 'attendance:held-dev-sandhu' }],
      ['declarations:remove', { declarationId: 'declaration:held-sandhu' }],
      ['meetings:cancel', { meetingId: HELD, reason: 'By mistake' }],
    ];
    for (const [channel, input] of attempts) {
      const r = await env.call(channel as never, input as never);
      expect(r, channel).toMatchObject({ ok: false, error: { code: expect.stringMatching(/conflict|invalid-input/) } });
      if (!(r as { ok: boolean }).ok && (r as { error: { code: string } }).error.code === 'conflict') expect((r as { error: { message: string } }).error.message, channel).toMatch(/approved|held/);
    }
    expect(meetingRecord(env.session.store.data, HELD)).toBe(approved);

    // The same through `quorum call`, as a council's script would.
    env.session.close();
    const cli = await runCli('call', 'agenda:setPartTwo', '--data', env.dataDir, '--input', JSON.stringify({ agendaItemId: item, part2: { paragraph: 3, reason: 'Commercial' } }));
    expect(cli.code).toBe(1);
    expect(cli.err).toMatch(/The minutes of 13 October 2026 were approved at the meeting of 15 December 2026; they change only through a recorded correction/);
    const cli2 = await runCli('call', 'resolutions:update', '--data', env.dataDir, '--input', JSON.stringify({ resolutionId: 'resolution:held-5-1', text: 'Reworded afterwards.' }));
    expect(cli2.code).toBe(1);

    // A correction agreed at the next meeting: the item moves into Part 2 and is renamed; every number stays as published.
    const again = new Session(env.dataDir, () => {}, { clock: testClock() });
    close = () => (again.close(), env.t.cleanup());
    const call = createDispatcher(createHandlers(again, stubPlatform()));
    expect(meetingRecord(again.store.data, HELD)).toBe(approved);
    ok(await call('minutes:correct', { meetingId: HELD, agendaItemId: item, title: 'Improvement journey: provider concerns', part2: { paragraph: 3, reason: 'Names a provider under contract negotiation' }, change: 'Item 4 was taken in private', reason: 'The discussion named a provider', agreedAtMeetingId: 'meeting:ct-next', minuteRef: 'CT/24/3' }));
    ok(await call('minutes:correct', { meetingId: HELD, resolution: { resolutionId: 'resolution:held-5-1', text: 'The Board notes the findings of the deep dive into the front door (MASH).' }, change: 'Resolution 5.1 names the MASH', reason: 'As agreed', agreedAtMeetingId: 'meeting:ct-next' }));
    const numbersAfter = ((await call('agenda:list', { meetingId: HELD })) as { value: { id: string; number: number; part2: unknown }[] }).value;
    expect(numbersAfter.map((l) => [l.id, l.number]).sort()).toEqual([...numbersBefore].sort());
    expect(numbersAfter.at(-1)).toMatchObject({ id: item, number: 4, part2: { paragraph: 3 } });
    expect(listRecords(again.store.data, 'meeting').find((m) => m.id === HELD)!.corrections).toHaveLength(2);
  });

  it('fixes the agenda’s numbers and times when a whole pack is built, so an item moved into Part 2 afterwards leaves every other number as members received it', async () => {
    const env = await setUp();
    close = env.close;
    const next = 'meeting:ct-next';
    const lines = async () => ((await env.call('agenda:list', { meetingId: next })) as { value: { id: string; number: number; title: string }[] }).value;
    const before = await lines();
    const built = await env.call('pack:build', { meetingId: next, variant: 'public', taskId: 't', overrideReason: 'Papers to follow' });
    expect(built).toMatchObject({ ok: true, value: { saved: true } });
    expect(listRecords(env.session.store.data, 'meeting').find((m) => m.id === next)!.status).toBe('agenda-published');
    // Item 5 (the deep dive) is moved into Part 2: before, items 6 to 9 became 5 to 8.
    expect(await env.call('agenda:setPartTwo', { agendaItemId: 'agendaItem:next-5', part2: { paragraph: 2, reason: 'Information likely to reveal the identity of a child' } })).toMatchObject({ ok: true });
    const after = await lines();
    expect(new Map(after.map((l) => [l.id, l.number]))).toEqual(new Map(before.map((l) => [l.id, l.number])));
    // An item added after publication takes the next free number, not one members already have.
    expect(await env.call('agenda:add', { meetingId: next, title: 'Urgent: winter pressures', purpose: 'information', durationMinutes: 10, presenterIds: [], paperRequested: false })).toMatchObject({ ok: true });
    expect((await lines()).find((l) => l.title === 'Urgent: winter pressures')!.number).toBe(before.length + 1);
  });

  it('refuses an action log with refused rows through the handler table, not only in the CLI’s own check', async () => {
    const env = await setUp();
    close = env.close;
    const table = { sourceFile: 'log.csv', columns: ['Action', 'Owner', 'Due date', 'Status'], rows: [{ row: 2, cells: ['Send the audit', 'Nobody Known', '2027-01-10', 'Open'] }] };
    const before = listRecords(env.session.store.data, 'action').length;
    const r = await env.call('imports:actions', { boardId: 'board:childrens-trust', table, leaveOutRefused: false });
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Nothing was imported: 1 row of log\.csv cannot be brought in\.\nRow 2/) } });
    expect(listRecords(env.session.store.data, 'action')).toHaveLength(before);
  });
});

describe('a submit that reaches main twice', () => {
  it('is saved once: the second gets the first answer; a refused submit can be sent again corrected', async () => {
    const env = await setUp();
    close = env.close;
    const { SUBMIT_KEY } = await import('../../shared/bridge');
    const send = (channel: string, input: unknown, key: string) => env.call(channel as never, { [SUBMIT_KEY]: key, input } as never);
    const orgs = listRecords(env.session.store.data, 'organisation');
    const person = { name: 'Ada Newcombe', jobTitle: 'Designated Nurse', organisationId: orgs[0].id, email: '', phone: '' };
    const meeting = { boardId: 'board:childrens-trust', date: '2027-02-09', startTime: '14:00', endTime: '16:00', venue: '' };
    const [a, b] = await Promise.all([send('people:add', person, 'k1'), send('people:add', person, 'k1')]);
    expect(a).toEqual(b);
    expect(listRecords(env.session.store.data, 'person').filter((p) => p.name === 'Ada Newcombe')).toHaveLength(1);
    await send('meetings:create', meeting, 'k2');
    await send('meetings:create', meeting, 'k2');
    expect(listRecords(env.session.store.data, 'meeting').filter((m) => m.date === '2027-02-09')).toHaveLength(1);
    // Another submit (another key) is another change.
    await send('meetings:create', meeting, 'k3');
    expect(listRecords(env.session.store.data, 'meeting').filter((m) => m.date === '2027-02-09')).toHaveLength(2);
    // Refused, then corrected under the same key: the correction is saved.
    expect(await send('meetings:create', { ...meeting, date: '2027-02-16', endTime: '13:00' }, 'k4')).toMatchObject({ ok: false });
    expect(await send('meetings:create', { ...meeting, date: '2027-02-16' }, 'k4')).toMatchObject({ ok: true });
    expect(listRecords(env.session.store.data, 'meeting').filter((m) => m.date === '2027-02-16')).toHaveLength(1);
  });
});
