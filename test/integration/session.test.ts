import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session } from '../../main/services/session';
import { resolveDataDir } from '../../main/services/dataDir';
import { listRecords } from '../../shared/data';
import { tempDir, testClock } from '../helpers';

describe('the data folder', () => {
  it('defaults to Quorum in the user-data folder; QUORUM_DATA_DIR and the Settings choice override it', () => {
    expect(resolveDataDir({ env: {}, userDataDir: '/home/joan/.config/Quorum' })).toBe('/home/joan/.config/Quorum/Quorum');
    expect(resolveDataDir({ env: {}, preferred: '/srv/moved', userDataDir: '/u' })).toBe('/srv/moved');
    expect(resolveDataDir({ env: { QUORUM_DATA_DIR: '/tmp/q' }, preferred: '/srv/moved', userDataDir: '/u' })).toBe('/tmp/q');
  });

  it('moves to an empty folder with the journal and backups, announces it, and leaves the old copy', async () => {
    const from = tempDir();
    const to = tempDir();
    const events: string[] = [];
    const session = new Session(from.dir, (_e, p) => events.push('command' in p ? p.command : ''), { clock: testClock() });
    await session.store.run('example.load', {});
    const target = join(to.dir, 'moved');
    const result = session.moveTo(target);
    expect(result).toMatchObject({ moved: true, dataDir: target });
    expect(session.dataDir).toBe(target);
    expect(session.store.status()).toMatchObject({ state: 'ready', journal: { ok: true, entries: 1 } });
    expect(listRecords(session.store.data, 'board')).toHaveLength(3);
    expect(existsSync(join(from.dir, 'quorum.json'))).toBe(true);
    expect(existsSync(join(from.dir, 'quorum.lock'))).toBe(false); // the old folder is released
    expect(events).toEqual(['example.load', 'settings.moveDataFolder']);
    session.close();
    from.cleanup();
    to.cleanup();
  });

  it('refuses a folder holding other files, and opens one that already holds a store', async () => {
    const a = tempDir();
    const b = tempDir();
    const other = tempDir();
    writeFileSync(join(other.dir, 'minutes.docx'), 'x');
    const first = new Session(b.dir, () => {}, { clock: testClock() });
    await first.store.run('partnership.setUp', { name: 'Westmoor Partnership' });
    first.close();
    const session = new Session(a.dir, () => {}, { clock: testClock() });
    expect(() => session.moveTo(other.dir)).toThrow(/Choose an empty folder/);
    expect(session.dataDir).toBe(a.dir);
    const result = session.moveTo(b.dir);
    expect(result.message).toMatch(/Opened the Quorum store already in/);
    expect(listRecords(session.store.data, 'partnership')[0].name).toBe('Westmoor Partnership');
    session.close();
    [a, b, other].forEach((t) => t.cleanup());
  });
});
