import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session } from '../../main/services/session';
import { resolveDataDir } from '../../main/services/dataDir';
import { findRecord, listRecords } from '../../shared/data';
import { saveImage } from '../../main/services/papers/imageFiles';
import { runPreflight } from '../../main/services/packs';
import { TINY_PNG } from '../docxPackage';
import { TEST_TODAY, tempDir, testClock, storeBytesOnDisk } from '../helpers';
import { loadExample } from '../../main/services/example';

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
    await loadExample(session.store);
    // Saves since the store file was last written whole (they are in the change log) move too.
    await session.store.run('actions:addUpdate', { actionId: 'action:re-referrals', text: 'Saved just before the move', status: 'in-progress' });
    const target = join(to.dir, 'moved');
    const result = session.moveTo(target);
    expect(result).toMatchObject({ moved: true, dataDir: target });
    expect(session.dataDir).toBe(target);
    expect(session.store.status()).toMatchObject({ state: 'ready', journal: { ok: true, entries: 2 } });
    expect(listRecords(session.store.data, 'actionUpdate').map((u) => u.text)).toContain('Saved just before the move');
    expect(listRecords(session.store.data, 'board')).toHaveLength(3);
    expect(existsSync(join(from.dir, 'quorum.json'))).toBe(true);
    expect(existsSync(join(from.dir, 'quorum.lock'))).toBe(false); // the old folder is released
    expect(events).toEqual(['example:load', 'actions:addUpdate', 'settings:moveDataFolder']);
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
    await first.store.run('partnership:setUp', { name: 'Westmoor Partnership' });
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

  it('carries the pictures and backups with the store, and says what it moved', async () => {
    const from = tempDir();
    const to = tempDir();
    const session = new Session(from.dir, () => {}, { clock: testClock() });
    await withPicture(session);
    await session.store.run('actions:addUpdate', { actionId: 'action:re-referrals', text: 'A second save, after the session backup', status: 'in-progress' });
    const target = join(to.dir, 'moved');
    const result = session.moveTo(target);
    expect(result.message).toMatch(/the store, its journal, 1 backup and 1 picture\. Every picture the records use arrived intact\./);
    expect(readdirSync(join(target, 'images'))).toEqual(readdirSync(join(from.dir, 'images')));
    // The next pack finds the picture in the new folder: pre-flight reports nothing missing.
    const report = runPreflight(session.store, 'meeting:ct-next', 'public', TEST_TODAY);
    expect(report.problems.map((p) => p.message).join('\n')).not.toMatch(/picture|image/i);
    session.close();
    from.cleanup();
    to.cleanup();
  });

  it('refuses to restore a backup whose pictures have gone, and changes nothing', async () => {
    const t = tempDir();
    // A backup before every save, so the newest holds the paper with its picture.
    const session = new Session(t.dir, () => {}, { clock: testClock(), backupEveryMs: 0 });
    const picture = await withPicture(session);
    await session.store.run('actions:addUpdate', { actionId: 'action:re-referrals', text: 'Taken after the backup', status: 'in-progress' });
    const backup = session.store.backups().find((b) => readFileSync(join(t.dir, 'backups', b.id), 'utf8').includes(picture))!;
    rmSync(join(t.dir, picture));
    const before = storeBytesOnDisk(t.dir);
    await expect(session.store.restore(backup.id)).rejects.toThrow(/cannot be restored: 1 picture its papers use is no longer in the data folder’s images folder.*Nothing was changed/);
    expect(storeBytesOnDisk(t.dir).equals(before)).toBe(true);
    session.close();
    t.cleanup();
  });
});

/** The example with a picture in the next meeting's paper, as an imported Word paper leaves it. */
const withPicture = async (session: Session): Promise<string> => {
  await loadExample(session.store);
  const saved = saveImage(session.dataDir, TINY_PNG, 'progress-report');
  if (!('path' in saved)) throw new Error('the test picture was not kept');
  const item = findRecord(session.store.data, 'agendaItem', 'agendaItem:next-4')!;
  await session.store.run('paper:updateBody', { agendaItemId: item.id, body: `## Progress\n\n![Bar chart of progress](${saved.path})\n`, expectedRev: item.rev });
  return saved.path;
};

describe('the journal checked whole after each start', () => {
  it('tells the window when an entry before the store’s mark was altered, without holding up the start', async () => {
    const t = tempDir();
    const first = new Session(t.dir, () => {}, { clock: testClock() });
    await loadExample(first.store);
    for (const name of ['One', 'Two', 'Three']) {
      const p = listRecords(first.store.data, 'partnership')[0];
      await first.store.run('partnership:update', { name, area: p.area, defaultVenue: p.defaultVenue, contact: p.contact, colours: p.colours });
    }
    first.close();
    const file = join(t.dir, 'journal.jsonl');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"command":"example:load"', '"command":"example:lost"'));
    const events: string[] = [];
    const session = new Session(t.dir, (_e, p) => events.push('command' in p ? p.command : ''), { clock: testClock(), checkJournalInBackground: true });
    expect(session.store.status().journal.ok).toBe(true); // the load verified from the mark on
    await new Promise((r) => setTimeout(r, 50));
    expect(events).toContain('journal:check');
    expect(session.store.status().journal).toMatchObject({ ok: false, problem: expect.stringMatching(/altered at entry 1/) });
    session.close();
    t.cleanup();
  });
});
