import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir, testClock, storeBytesOnDisk, savedStore } from '../helpers';
import { loadExample } from '../../main/services/example';

/** Injects a failing write or rename, as a full disk or a file held by a sync tool would. */
type Call = 'writeSync' | 'writevSync' | 'renameSync' | 'openSync' | 'cpSync' | 'fsyncSync';
const fault = vi.hoisted(() => ({ on: null as null | { call: Call; code: string; path?: RegExp; once?: boolean } }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const failing = <F extends (...args: never[]) => unknown>(name: Call, real: F) =>
    ((...args: Parameters<F>) => {
      const on = fault.on;
      if (on?.call === name && (!on.path || on.path.test(String(args[0])))) {
        if (on.once) fault.on = null;
        if (on.code === 'SILENT') return undefined; // a copy that reports success and writes nothing
        throw Object.assign(new Error(`${on.code}: injected`), { code: on.code });
      }
      return real(...args);
    }) as F;
  const mocked = {
    ...fs,
    writeSync: failing('writeSync', fs.writeSync),
    writevSync: failing('writevSync', fs.writevSync),
    renameSync: failing('renameSync', fs.renameSync),
    openSync: failing('openSync', fs.openSync),
    cpSync: failing('cpSync', fs.cpSync),
    fsyncSync: failing('fsyncSync', fs.fsyncSync),
  };
  return { ...mocked, default: mocked };
});

const { QuorumStore } = await import('../../main/services/store/store');
const { listRecords } = await import('../../shared/data');
const { runCli } = await import('../helpers');

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => {
  fault.on = null;
  cleanup();
});

describe('a save that the disk refuses', () => {
  it.each([
    // The session's first save copies the store into backups first (writeFileAtomic: write, rename).
    ['writeSync', 'ENOSPC', /disk is full/, 'first save', undefined],
    ['renameSync', 'EPERM', /locked or read-only \(EPERM\)/, 'first save', undefined],
    ['renameSync', 'EBUSY', /locked or read-only \(EBUSY\)/, 'first save', undefined],
    // Later saves append what changed to the change log (main/services/store/changeLog.ts); its
    // first write is that line (writeSync is given a descriptor, not a path).
    ['writeSync', 'ENOSPC', /disk is full/, 'later save', undefined],
    ['openSync', 'EBUSY', /locked or read-only \(EBUSY\)/, 'later save', /quorum\.changes\.jsonl$/],
  ] as const)('%s failing with %s on the session’s %s gives a clear error and leaves the old store intact', async (call, code, message, when, path) => {
    const store = QuorumStore.open(dir, { user: 'joan', device: 'd', clock: testClock() });
    await loadExample(store);
    if (when === 'later save') await store.run('actions:addUpdate', { actionId: 'action:re-referrals', text: 'The session backup is taken, so the next save writes only the change', status: 'in-progress' });
    const before = storeBytesOnDisk(dir);
    const p = listRecords(store.data, 'partnership')[0];
    fault.on = { call, code, once: true, ...(path ? { path } : {}) };
    const err = await store.run('partnership:update', { name: 'Changed', area: p.area, defaultVenue: p.defaultVenue, contact: p.contact, colours: p.colours }).catch((e) => e);
    fault.on = null;
    expect(err.message).toMatch(message);
    expect(err.message).toMatch(/previous data is unchanged/);
    expect(err.message).not.toMatch(/so Your/);
    expect(storeBytesOnDisk(dir).equals(before)).toBe(true);
    expect(listRecords(store.data, 'partnership')[0].name).toBe(p.name); // memory matches disk
    store.close();
    const reopened = QuorumStore.open(dir, { user: 'joan', device: 'd', clock: testClock() });
    expect(reopened.status()).toMatchObject({ state: 'ready', journal: { ok: true } });
    reopened.close();
  });
});

describe('a save whose change reached the disk but whose flush failed (fsync reports EIO)', () => {
  it('is refused, leaves no half line in the change log, and the next save and the next start are whole', async () => {
    const store = QuorumStore.open(dir, { user: 'joan', device: 'd', clock: testClock() });
    await loadExample(store);
    await store.run('actions:addUpdate', { actionId: 'action:re-referrals', text: 'First', status: 'in-progress' });
    const before = storeBytesOnDisk(dir);
    fault.on = { call: 'fsyncSync', code: 'EIO', once: true };
    const err = await store.run('actions:addUpdate', { actionId: 'action:re-referrals', text: 'Refused', status: 'in-progress' }).catch((e) => e);
    expect(err.message).toMatch(/previous data is unchanged/);
    expect(storeBytesOnDisk(dir).equals(before)).toBe(true);
    await store.run('actions:addUpdate', { actionId: 'action:re-referrals', text: 'After', status: 'in-progress' });
    const texts = (s: { data: import('../../shared/data').StoreData }) => listRecords(s.data, 'actionUpdate').map((u) => u.text);
    expect(texts(store)).toEqual(expect.arrayContaining(['First', 'After']));
    expect(texts(store)).not.toContain('Refused');
    store.close();
    const reopened = QuorumStore.open(dir, { user: 'joan', device: 'd', clock: testClock(), mode: 'read' });
    expect(reopened.status()).toMatchObject({ state: 'ready', journal: { ok: true } });
    expect(texts(reopened)).toEqual(expect.arrayContaining(['First', 'After']));
    expect(texts(reopened)).not.toContain('Refused');
    reopened.close();
  });
});

describe('a journal that cannot be written for a moment (antivirus or a sync tool holding journal.jsonl)', () => {
  const rename = (store: import('../../main/services/store/store').QuorumStore, name: string) => {
    const p = listRecords(store.data, 'partnership')[0];
    return store.run('partnership:update', { name, area: p.area, defaultVenue: p.defaultVenue, contact: p.contact, colours: p.colours });
  };
  const checkReport = async () => {
    const r = await runCli('check', '--data', dir, '--json');
    return { code: r.code, report: JSON.parse(r.out) };
  };

  it('keeps the change, and the next save writes both journal entries: check is clean after a restart', async () => {
    const store = QuorumStore.open(dir, { user: 'joan', device: 'd', clock: testClock() });
    await loadExample(store);
    fault.on = { call: 'openSync', code: 'EBUSY', path: /journal\.jsonl$/, once: true };
    await rename(store, 'Saved while the journal was held');
    expect(fault.on).toBeNull(); // the fault fired
    expect(store.status().notices.join(' ')).toMatch(/journal could not be written; it will be completed/);
    await rename(store, 'Saved after it was let go');
    store.close();
    expect(readFileSync(join(dir, 'journal.jsonl'), 'utf8').trim().split('\n')).toHaveLength(3);
    expect(await checkReport()).toMatchObject({ code: 0, report: { ok: true, journal: { ok: true, entries: 3 } } });
    const reopened = QuorumStore.open(dir, { user: 'joan', device: 'd', clock: testClock() });
    expect(reopened.status()).toMatchObject({ journal: { ok: true, entries: 3 } });
    expect(listRecords(reopened.data, 'partnership')[0].name).toBe('Saved after it was let go');
    reopened.close();
  });

  it('completes the journal at the next start when no later save came', async () => {
    const store = QuorumStore.open(dir, { user: 'joan', device: 'd', clock: testClock() });
    await loadExample(store);
    fault.on = { call: 'openSync', code: 'EPERM', path: /journal\.jsonl$/, once: true };
    await rename(store, 'Saved while the journal was held');
    store.close();
    // quorum check beside it reads the missing entry from the store, and calls nothing altered.
    expect(await checkReport()).toMatchObject({ code: 0, report: { journal: { ok: true, entries: 2 } } });
    const reopened = QuorumStore.open(dir, { user: 'joan', device: 'd', clock: testClock() });
    expect(reopened.status().notices.join(' ')).toMatch(/completed after an interruption/);
    reopened.close();
    expect(readFileSync(join(dir, 'journal.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
    expect(await checkReport()).toMatchObject({ code: 0, report: { journal: { ok: true, entries: 2 } } });
  });

  it('writes a line that reached the disk although its append reported a failure only once', async () => {
    const store = QuorumStore.open(dir, { user: 'joan', device: 'd', clock: testClock() });
    await loadExample(store);
    fault.on = { call: 'openSync', code: 'EIO', path: /journal\.jsonl$/, once: true };
    await rename(store, 'Two');
    // As if the line had gone out before the error came back (a failed fsync).
    const saved = savedStore(dir);
    appendFileSync(join(dir, 'journal.jsonl'), `${JSON.stringify(saved.journal.last)}\n`);
    await rename(store, 'Three');
    store.close();
    expect(readFileSync(join(dir, 'journal.jsonl'), 'utf8').trim().split('\n')).toHaveLength(3);
    expect(await checkReport()).toMatchObject({ code: 0, report: { journal: { ok: true, entries: 3 } } });
  });
});

describe('a data folder on a read-only drive or share', () => {
  it.each(['EROFS', 'EACCES'])('is refused for writing with what to do (%s), and can still be read', async (code) => {
    const store = QuorumStore.open(dir, { user: 'joan', device: 'd', clock: testClock() });
    await loadExample(store);
    store.close();
    fault.on = { call: 'openSync', code, path: /quorum\.lock$/ };
    const err = (() => {
      try {
        QuorumStore.open(dir, { user: 'joan', device: 'd', clock: testClock() });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err?.message).toMatch(code === 'EROFS' ? /^The data folder could not be opened for writing: the folder is read-only.*choose another data folder in Settings/ : /^The data folder could not be opened for writing because the file is locked or read-only \(EACCES\)/);
    const reader = QuorumStore.open(dir, { user: 'joan', device: 'd', clock: testClock(), mode: 'read' });
    expect(reader.status().state).toBe('ready');
    reader.close();
  });
});

describe('moving the data folder when a picture does not arrive', () => {
  it.each([
    ['silently', 'SILENT', /The move was stopped because 1 picture \(images\/report-[0-9a-f]{12}\.png\) did not arrive intact/],
    ['with an error', 'EIO', /The copy of your data in .* could not be written/],
  ])('stops the move when the pictures are lost %s, keeps the old folder and leaves the new one empty', async (_how, code, message) => {
    const { Session } = await import('../../main/services/session');
    const { saveImage } = await import('../../main/services/papers/imageFiles');
    const { TINY_PNG } = await import('../docxPackage');
    const session = new Session(join(dir, 'from'), () => {}, { clock: testClock() });
    await loadExample(session.store);
    const saved = saveImage(session.dataDir, TINY_PNG, 'report') as { path: string };
    const item = session.store.data.records['agendaItem:next-4'] as { id: string; rev: number };
    await session.store.run('paper:updateBody', { agendaItemId: item.id, body: `![Chart](${saved.path})`, expectedRev: item.rev });
    fault.on = { call: 'cpSync', code, path: /images$/ };
    expect(() => session.moveTo(join(dir, 'to'))).toThrow(message);
    fault.on = null;
    expect(session.dataDir).toBe(join(dir, 'from'));
    expect(readdirSync(join(dir, 'to'))).toEqual([]);
    session.close();
  });
});
