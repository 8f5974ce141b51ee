import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir, testClock } from '../helpers';

/** Injects a failing write or rename, as a full disk or a file held by a sync tool would. */
const fault = vi.hoisted(() => ({ on: null as null | { call: 'writeSync' | 'writevSync' | 'renameSync'; code: string } }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const failing = <F extends (...args: never[]) => unknown>(name: 'writeSync' | 'writevSync' | 'renameSync', real: F) =>
    ((...args: Parameters<F>) => {
      if (fault.on?.call === name) throw Object.assign(new Error(`${fault.on.code}: injected`), { code: fault.on.code });
      return real(...args);
    }) as F;
  const mocked = { ...fs, writeSync: failing('writeSync', fs.writeSync), writevSync: failing('writevSync', fs.writevSync), renameSync: failing('renameSync', fs.renameSync) };
  return { ...mocked, default: mocked };
});

const { QuorumStore } = await import('../../main/services/store/store');
const { listRecords } = await import('../../shared/data');

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => {
  fault.on = null;
  cleanup();
});

describe('a save that the disk refuses', () => {
  it.each([
    ['writeSync', 'ENOSPC', /disk is full/],
    // The store itself is written record by record with writev (main/services/store/adapter.ts).
    ['writevSync', 'ENOSPC', /disk is full/],
    ['renameSync', 'EPERM', /locked or read-only \(EPERM\)/],
    ['renameSync', 'EBUSY', /locked or read-only \(EBUSY\)/],
  ] as const)('%s failing with %s gives a clear error and leaves the old store intact', async (call, code, message) => {
    const store = QuorumStore.open(dir, { user: 'joan', device: 'd', clock: testClock() });
    await store.run('example.load', {});
    if (call === 'writevSync') await store.run('action.addUpdate', { actionId: 'action:re-referrals', text: 'The session backup is taken, so the next save writes only the store', status: 'in-progress' });
    const before = readFileSync(join(dir, 'quorum.json'));
    const p = listRecords(store.data, 'partnership')[0];
    fault.on = { call, code };
    const err = await store.run('partnership.update', { name: 'Changed', area: p.area, defaultVenue: p.defaultVenue, contact: p.contact, colours: p.colours }).catch((e) => e);
    fault.on = null;
    expect(err.message).toMatch(message);
    expect(err.message).toMatch(/previous data is unchanged/);
    expect(readFileSync(join(dir, 'quorum.json')).equals(before)).toBe(true);
    expect(listRecords(store.data, 'partnership')[0].name).toBe(p.name); // memory matches disk
    store.close();
    const reopened = QuorumStore.open(dir, { user: 'joan', device: 'd', clock: testClock() });
    expect(reopened.status()).toMatchObject({ state: 'ready', journal: { ok: true } });
    reopened.close();
  });
});
