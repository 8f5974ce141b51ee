import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QuorumStore, type StoreOptions } from '../../main/services/store/store';
import { CHANGE_LOG_FILE, LOCK_FILE, STORE_FILE } from '../../main/services/store/format';
import { readLog } from '../../main/services/store/changeLog';
import { listRecords } from '../../shared/data';
import { savedStore, tempDir, testClock } from '../helpers';
import { loadExample } from '../../main/services/example';

/**
 * Saves that cost what they change: each save appends the records it changed to
 * quorum.changes.jsonl, and quorum.json is rewritten whole only now and then (a checkpoint).
 */
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('quorum-log-')));
afterEach(() => cleanup());

const open = (extra: Partial<StoreOptions> = {}) => QuorumStore.open(dir, { user: 'joan', device: 'laptop-1', clock: testClock(), ...extra });
const addUpdate = (s: QuorumStore, text: string) => s.run('actions:addUpdate', { actionId: 'action:re-referrals', text, status: 'in-progress' });
const updates = (s: QuorumStore) => listRecords(s.data, 'actionUpdate').map((u) => u.text);
const logPath = () => join(dir, CHANGE_LOG_FILE);
const snapshotPath = () => join(dir, STORE_FILE);
/** As if the app had been killed: nothing folded, nothing closed (a dead writer's lock is taken over; here it is simply gone). */
const crash = () => rmSync(join(dir, LOCK_FILE));

describe('a save', () => {
  it('appends only the records it changed, leaves quorum.json as it was, and is there when the store is next opened', async () => {
    const s = open();
    await loadExample(s);
    await addUpdate(s, 'The session backup is taken with this one');
    const snapshot = readFileSync(snapshotPath());
    await addUpdate(s, 'Referral figures checked with the data team');
    expect(readFileSync(snapshotPath()).equals(snapshot)).toBe(true);
    const last = readLog(logPath()).lines.at(-1)!;
    // The new update alone, not the whole store.
    expect(Object.values(last.put)).toEqual([expect.objectContaining({ type: 'actionUpdate', text: 'Referral figures checked with the data team' })]);
    expect(statSync(logPath()).size).toBeLessThan(snapshot.length / 20);
    // Another process reading the folder now (quorum check) sees the save.
    const beside = QuorumStore.open(dir, { user: 'check', device: 'x', clock: testClock(), mode: 'read' });
    expect(updates(beside)).toContain('Referral figures checked with the data team');
    expect(beside.status().journal).toMatchObject({ ok: true, entries: 3 });
    beside.close();
    s.close();
  });

  it('folds the log into quorum.json after a run of saves and when the store is closed', async () => {
    const s = open({ checkpointEvery: 5 });
    await loadExample(s);
    for (let i = 1; i <= 7; i++) await addUpdate(s, `Update ${i}`);
    await new Promise((r) => setTimeout(r, 20)); // the checkpoint runs after the fifth save is acknowledged
    // Five went into quorum.json; the two since are in the log.
    expect(readLog(logPath()).lines.map((l) => l.seq)).toEqual([7, 8]);
    expect(JSON.parse(readFileSync(snapshotPath(), 'utf8')).journal.seq).toBe(6);
    s.close();
    expect(statSync(logPath()).size).toBe(0);
    const file = JSON.parse(readFileSync(snapshotPath(), 'utf8'));
    expect(file.journal.seq).toBe(8);
    expect(Object.values(file.records).filter((r) => (r as { type: string }).type === 'actionUpdate').map((r) => (r as { text: string }).text)).toEqual(expect.arrayContaining(['Update 1', 'Update 7']));
  });

  it('stays in the log when a command-line verb closes the store, and is folded in once enough has gathered', async () => {
    const first = open();
    await loadExample(first);
    first.close();
    const before = readFileSync(snapshotPath());
    const cli = open({ foldAtClose: 'when-due', backupAtFirstWrite: 'hourly', checkpointEvery: 3 });
    await addUpdate(cli, 'Update 1');
    cli.close();
    // One save: quorum.json as it was, the save in the log, and there at the next open.
    expect(readFileSync(snapshotPath()).equals(before)).toBe(true);
    expect(readLog(logPath()).lines).toHaveLength(1);
    const again = open({ foldAtClose: 'when-due', backupAtFirstWrite: 'hourly', checkpointEvery: 3 });
    expect(updates(again)).toContain('Update 1');
    await addUpdate(again, 'Update 2');
    await addUpdate(again, 'Update 3');
    again.close();
    // Three saves gathered: folded, though this closer would leave a save or two.
    expect(statSync(logPath()).size).toBe(0);
    expect(Object.values(JSON.parse(readFileSync(snapshotPath(), 'utf8')).records).filter((r) => (r as { type: string }).type === 'actionUpdate').map((r) => (r as { text: string }).text)).toEqual(expect.arrayContaining(['Update 1', 'Update 3']));
  });

  it('is in every backup taken after it: the backup is of the whole store, not a stale quorum.json', async () => {
    let now = Date.parse('2026-11-23T09:00:00Z');
    const s = open({ clock: { now: () => new Date(now).toISOString(), today: () => '2026-11-23' }, backupEveryMs: 60_000 });
    await loadExample(s);
    await addUpdate(s, 'Before the hourly backup');
    now += 120_000;
    await addUpdate(s, 'Triggers a backup first');
    const newest = s.backups()[0];
    const backup = JSON.parse(readFileSync(join(dir, 'backups', newest.id), 'utf8'));
    const texts = Object.values(backup.records).map((r) => (r as { text?: string }).text);
    expect(texts).toContain('Before the hourly backup');
    expect(texts).not.toContain('Triggers a backup first');
    s.close();
  });
});

describe('after an interruption', () => {
  it('drops a log line cut short by a crash (never acknowledged) and keeps every save before it', async () => {
    const s = open();
    await loadExample(s);
    await addUpdate(s, 'Acknowledged one');
    await addUpdate(s, 'Acknowledged two');
    s.close();
    // As if the app had been killed writing a third save: the log holds a half line.
    const lines = readLog(logPath());
    expect(lines.lines).toHaveLength(0); // close folded the log
    const again = open();
    await addUpdate(again, 'Acknowledged three');
    const whole = readFileSync(logPath(), 'utf8');
    appendFileSync(logPath(), whole.slice(0, Math.floor(whole.length / 2)));
    crash();
    const after = QuorumStore.open(dir, { user: 'joan', device: 'laptop-1', clock: testClock() });
    expect(updates(after)).toEqual(expect.arrayContaining(['Acknowledged one', 'Acknowledged two', 'Acknowledged three']));
    expect(after.status()).toMatchObject({ state: 'ready', journal: { ok: true } });
    await addUpdate(after, 'After the restart');
    after.close();
    const reread = savedStore(dir);
    expect(Object.values(reread.records).filter((r) => r.type === 'actionUpdate')).toHaveLength(updates(again).length + 1);
  });

  it('sets aside, unread, a log that does not follow quorum.json (an older copy of quorum.json put back) and says so', async () => {
    const s = open();
    await loadExample(s);
    await addUpdate(s, 'Saved');
    s.close();
    const older = readFileSync(snapshotPath());
    const again = open();
    await addUpdate(again, 'In the log only');
    crash();
    // The log holds save 4; someone puts back a copy of quorum.json and a log from elsewhere.
    const s2 = readFileSync(logPath(), 'utf8');
    writeFileSync(snapshotPath(), older);
    const stale = JSON.parse(s2.trim());
    stale.seq = 9;
    writeFileSync(logPath(), `${JSON.stringify(stale)}\n`);
    const reopened = QuorumStore.open(dir, { user: 'joan', device: 'laptop-1', clock: testClock() });
    const status = reopened.status();
    expect(status.notices.join(' ')).toMatch(/change log beside the store was set aside, unread/);
    expect(updates(reopened)).not.toContain('In the log only');
    reopened.close();
    expect(readdirSync(join(dir, 'quarantine')).length).toBe(1);
    expect(existsSync(logPath()) ? readFileSync(logPath(), 'utf8') : '').toBe('');
  });

  it('offers the backups when a line in the middle of the log was damaged, and keeps the damaged files', async () => {
    const s = open();
    await loadExample(s);
    await addUpdate(s, 'One');
    await addUpdate(s, 'Two');
    await addUpdate(s, 'Three');
    crash();
    const text = readFileSync(logPath(), 'utf8').split('\n');
    text[1] = text[1].slice(0, 40);
    writeFileSync(logPath(), text.join('\n'));
    const reopened = QuorumStore.open(dir, { user: 'joan', device: 'laptop-1', clock: testClock() });
    const status = reopened.status();
    expect(status.state).toBe('recovery-needed');
    expect(status.recovery?.reason).toMatch(/change log \(quorum\.changes\.jsonl\) is damaged at line 2/);
    expect(status.recovery?.backups.length).toBeGreaterThan(0);
    expect(readdirSync(join(dir, 'quarantine')).length).toBe(2);
    reopened.close();
  });
});
