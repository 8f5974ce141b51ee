import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QuorumStore, type StoreOptions } from '../../main/services/store/store';
import { backupsToKeep } from '../../main/services/store/backups';
import { CHANGE_LOG_FILE, STORE_FILE } from '../../main/services/store/format';
import { acquireFolderLock, lockIsLive, machineBootId, processStartMark } from '../../main/services/store/lock';
import { listRecords } from '../../shared/data';
import { QuorumFailure } from '../../shared/result';
import { storeBytesOnDisk, storeOptionsAt, tempDir } from '../helpers';
import { loadExample } from '../../main/services/example';
import { WAIT } from '../waits';
import { secondOpener } from './killer';
import { steppedClock } from './steppedClock';

let dir: string;
let cleanup: () => void;
let clock: number;
const opts = (extra: Partial<StoreOptions> = {}): StoreOptions => storeOptionsAt(() => clock, extra);
const open = (extra: Partial<StoreOptions> = {}) => QuorumStore.open(dir, opts(extra));
const withExample = async () => {
  const s = open();
  await loadExample(s);
  return s;
};
const rename = (s: QuorumStore, name: string) => s.run('partnership:update', { ...details(s), name });
const details = (s: QuorumStore) => {
  const p = listRecords(s.data, 'partnership')[0];
  return { name: p.name, area: p.area, defaultVenue: p.defaultVenue, contact: p.contact, colours: p.colours };
};

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  clock = Date.parse('2026-11-23T09:00:00Z');
});
afterEach(() => cleanup());

describe('opening and writing', () => {
  it('starts empty, writes the example atomically and reads it back with a verified journal', async () => {
    const s = open();
    expect(s.status().state).toBe('empty');
    const outcome = await loadExample(s);
    expect(outcome.changes.length).toBeGreaterThan(90);
    s.close();
    expect(readdirSync(dir).sort()).toEqual(['journal.jsonl', 'quorum.json']);
    const again = open();
    expect(again.status()).toMatchObject({ state: 'ready', journal: { ok: true, entries: 1 } });
    expect(listRecords(again.data, 'board')).toHaveLength(3);
    again.close();
  });

  it('names the wrong field and writes nothing when a command gets bad input', async () => {
    const s = await withExample();
    const before = storeBytesOnDisk(dir);
    const err = await s.run('partnership:update', { ...details(s), name: '   ' }).catch((e) => e);
    expect(err).toBeInstanceOf(QuorumFailure);
    expect(err.message).toBe('Name: Fill this in');
    expect(err.fields).toEqual({ name: 'Fill this in' });
    const bad = await s.run('actions:addUpdate', { actionId: 'action:re-referrals', text: 'x', status: 'finished' }).catch((e) => e);
    expect(bad.message).toMatch(/^Status: /);
    expect(storeBytesOnDisk(dir).equals(before)).toBe(true);
    s.close();
  });

  it('stamps revisions and journals who changed which fields', async () => {
    const s = await withExample();
    const outcome = await rename(s, 'Eastmere Partnership');
    expect(outcome.changes).toEqual([{ id: 'partnership:main', op: 'update', fields: ['name'] }]);
    const p = listRecords(s.data, 'partnership')[0];
    expect(p).toMatchObject({ rev: 2, updatedBy: 'joan' });
    const [latest] = s.journalEntries(1);
    expect(latest).toMatchObject({ seq: 2, user: 'joan', device: 'laptop-1', command: 'partnership:update' });
    s.close();
  });

  it('refuses a stale edit (expected revision) so two windows cannot overwrite each other', async () => {
    const s = await withExample();
    await rename(s, 'First');
    const err = await s.run('partnership:update', { ...details(s), name: 'Second', expectedRev: 1 }).catch((e) => e);
    expect(err.code).toBe('conflict');
    s.close();
  });

  it('lets one writer at a time hold the folder; a reader may look alongside', async () => {
    const s = await withExample();
    expect(() => open()).toThrow(/already open in another Quorum/);
    const reader = open({ mode: 'read', journalCheck: 'full' });
    expect(reader.status().state).toBe('ready');
    await expect(loadExample(reader)).rejects.toThrow(/read-only/);
    reader.close();
    s.close();
    open().close();
  });
});

describe('a folder left in a state the user must recover from', () => {
  const writeLock = (holder: Record<string, unknown>) => writeFileSync(join(dir, 'quorum.lock'), JSON.stringify({ host: hostname(), since: '2026-11-20T08:00:00.000Z', ...holder }));
  let other: ChildProcess | undefined;
  afterEach(() => other?.kill('SIGKILL'));
  /** A live process that is not Quorum, as after a restart when the lock's PID is reused. */
  const unrelatedProcess = () => {
    other = spawn('sleep', ['30'], { stdio: 'ignore' });
    return other.pid!;
  };

  it('takes over a lock whose PID now belongs to another program, started after the lock was taken', () => {
    const pid = unrelatedProcess();
    writeLock({ pid, bootId: machineBootId(), processStart: '1' });
    const s = open();
    expect(s.status().state).toBe('empty');
    expect(JSON.parse(readFileSync(join(dir, 'quorum.lock'), 'utf8')).pid).toBe(process.pid);
    s.close();
  });

  it('takes over a lock written before the machine last restarted, whatever its PID', () => {
    writeLock({ pid: unrelatedProcess(), bootId: 'an-earlier-boot-of-this-machine' });
    open().close();
  });

  it('decides from the PID, the boot and the process start, never from the clock', () => {
    const machine = { bootId: 'boot-b', startOf: () => '500', alive: (pid: number) => pid === 42 };
    expect(lockIsLive({ pid: 42, bootId: 'boot-b', processStart: '500' }, machine)).toBe(true);
    // An older lock with only a boot time worked out from the clock: kept as live while its process runs.
    expect(lockIsLive({ pid: 42, bootedAt: '2020-01-01T00:00:00.000Z' }, machine)).toBe(true);
    expect(lockIsLive({ pid: 42, bootId: 'boot-a', processStart: '500' }, machine)).toBe(false);
    expect(lockIsLive({ pid: 42, bootId: 'boot-b', processStart: '499' }, machine)).toBe(false);
    expect(lockIsLive({ pid: 43 }, machine)).toBe(false);
    // Where the system gives no boot id (Windows), a live PID keeps the lock: refusing wrongly costs a click, taking over wrongly costs saves.
    expect(lockIsLive({ pid: 42, bootId: null }, { ...machine, bootId: null, startOf: () => null })).toBe(true);
  });

  it('refuses a live lock and says exactly how to clear it if no Quorum is running', () => {
    writeLock({ pid: process.pid, bootId: machineBootId(), processStart: processStartMark(process.pid) });
    expect(() => open()).toThrow(new RegExp(`open in another Quorum \\(process ${process.pid}, since 20 November 2026, 08:00\\).*delete the file ${join(dir, 'quorum.lock').replace(/[/.]/g, '\\$&')} and open the folder again`));
  });

  it('never takes over a lock written by another computer on a shared drive, and names that computer', () => {
    // Its PID means nothing here (here it is not running at all): only that computer can say it has gone.
    writeLock({ host: 'COUNCIL-PC-0417', pid: 999_999, bootId: 'another-machine' });
    expect(() => open()).toThrow(/This data folder is open in Quorum on the computer “COUNCIL-PC-0417”, since 20 November 2026, 08:00\. Only one computer may write to a data folder at a time: close Quorum there first\./);
    expect(JSON.parse(readFileSync(join(dir, 'quorum.lock'), 'utf8')).host).toBe('COUNCIL-PC-0417');
  });

  it('never removes a lock it did not write: a release after the lock was taken over leaves the new holder’s', () => {
    const release = acquireFolderLock(join(dir, 'quorum.lock'));
    // Another process took the folder over (say its clock made this one look stale to it).
    writeLock({ pid: unrelatedProcess(), bootId: machineBootId(), token: 'someone-else' });
    release();
    expect(JSON.parse(readFileSync(join(dir, 'quorum.lock'), 'utf8')).token).toBe('someone-else');
  });

  it('keeps one writer when a second process’s clock is stepped five minutes either way', async () => {
    const holder = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'lockChild.ts'), dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const said = await new Promise<string>((resolve, reject) => {
        let out = '';
        holder.stdout.on('data', (d: Buffer) => (out += d.toString()).includes('\n') && resolve(out.trim()));
        holder.on('exit', () => reject(new Error(`the holder exited: ${out}`)));
      });
      expect(said).toMatch(/^locked/);
      // libfaketime preloaded directly (steppedClock.ts): the faketime wrapper cannot run inside test:any-date's own.
      const clock = steppedClock();
      for (const step of ['+5m', '-5m']) {
        clock.step(step);
        expect(await secondOpener(dir, clock.env), step).toMatch(new RegExp(`^refused: This data folder is already open in another Quorum \\(process ${holder.pid}`));
      }
      // The holder's lock is untouched: nobody took it over or deleted it on the way out.
      expect(JSON.parse(readFileSync(join(dir, 'quorum.lock'), 'utf8')).pid).toBe(holder.pid);
    } finally {
      holder.kill('SIGKILL');
    }
  }, WAIT.processes);

  it('clears temporary files a kill left in the data folder, its backups and its pictures at the next start', async () => {
    const s = await withExample();
    await rename(s, 'Backed up');
    s.close();
    const left = [join(dir, '.quorum.json.4242.0a1b2c3d.tmp'), join(dir, 'backups', '.quorum-20261123T090000000Z-session.json.4242.deadbeef.tmp'), join(dir, 'images', '.chart-1.png.77.00ff00ff.tmp')];
    mkdirSync(join(dir, 'images'), { recursive: true });
    for (const f of left) writeFileSync(f, 'half');
    writeFileSync(join(dir, 'images', 'chart.png'), 'a picture the store refers to');
    open().close();
    for (const f of left) expect(existsSync(f), f).toBe(false);
    expect(existsSync(join(dir, 'images', 'chart.png'))).toBe(true);
    expect(s.backups()).toHaveLength(1);
  });
});

describe('backups', () => {
  it('backs up the validated store before the first write of a session, then hourly', async () => {
    const s = await withExample();
    expect(s.backups()).toHaveLength(0); // nothing to back up before the first store existed
    s.close();
    const s2 = open();
    await rename(s2, 'A');
    await rename(s2, 'B');
    expect(s2.backups().map((b) => b.reason)).toEqual(['session']);
    clock += 61 * 60_000;
    await rename(s2, 'C');
    expect(s2.backups().map((b) => b.reason)).toEqual(['hourly', 'session']);
    s2.close();
  });

  it('backs up before a command-line verb’s write only when the newest backup is an hour old', async () => {
    const s = await withExample();
    s.close();
    const app = open();
    await rename(app, 'A');
    app.close();
    expect(app.backups().map((b) => b.reason)).toEqual(['session']);
    // `quorum pack` run again a few minutes later: its save is not preceded by another copy of the store.
    clock += 10 * 60_000;
    const cli = open({ backupAtFirstWrite: 'hourly' });
    await rename(cli, 'B');
    cli.close();
    expect(cli.backups().map((b) => b.reason)).toEqual(['session']);
    clock += 61 * 60_000;
    const later = open({ backupAtFirstWrite: 'hourly' });
    await rename(later, 'C');
    expect(later.backups().map((b) => b.reason)).toEqual(['session', 'session']);
    later.close();
  });

  it('keeps three from today and one per earlier day, ten at most', () => {
    const day = (d: number, h: number) => ({ id: `b-${d}-${h}`, takenAt: `2026-11-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00.000Z`, bytes: 1, reason: 'x' });
    const list = [];
    for (let d = 23; d >= 5; d--) for (let h = 20; h >= 8; h -= 4) list.push(day(d, h));
    const keep = [...backupsToKeep(list, '2026-11-23T21:00:00.000Z')];
    expect(keep).toHaveLength(10);
    expect(keep.slice(0, 3)).toEqual(['b-23-20', 'b-23-16', 'b-23-12']);
    expect(keep.slice(3)).toEqual(['b-22-20', 'b-21-20', 'b-20-20', 'b-19-20', 'b-18-20', 'b-17-20', 'b-16-20']);
  });

  it('restores a backup after copying the current store, and the journal stays verified', async () => {
    const s = await withExample();
    s.close();
    const s2 = open();
    await rename(s2, 'Renamed');
    const [session] = s2.backups();
    await s2.restore(session.id);
    expect(listRecords(s2.data, 'partnership')[0].name).toBe('Eastmere Children and Families Partnership');
    expect(s2.backups().map((b) => b.reason)).toContain('before restore');
    const before = s2.backups().find((b) => b.reason === 'before restore')!;
    expect(readFileSync(join(dir, 'backups', before.id), 'utf8')).toContain('"Renamed"');
    s2.close();
    const s3 = open();
    expect(s3.status().journal).toMatchObject({ ok: true, entries: 3 });
    s3.close();
  });
});

describe('quarantine', () => {
  const cases: [string, string][] = [
    ['empty', ''],
    ['truncated JSON', '{"format":"quorum-store","schemaVersion":2,"rec'],
    ['not a Quorum store', '{"hello":"world"}'],
    ['schema-invalid', JSON.stringify({ format: 'quorum-store', schemaVersion: 2, savedAt: 'x', device: 'd', journal: { seq: 0, head: '0' }, records: { 'meeting:1': { id: 'meeting:1', type: 'meeting', date: '2026-02-31' } } })],
  ];
  it.each(cases)('sets aside a %s store byte for byte and offers the last good backup', async (_kind, bad) => {
    const s = await withExample();
    s.close();
    const s2 = open();
    await rename(s2, 'Good'); // takes a session backup of the good store
    s2.close(); // a clean close folds the change log into the store: nothing after the backup is left to replay
    writeFileSync(join(dir, 'quorum.json'), bad);

    clock += 1000;
    const s3 = open();
    const status = s3.status();
    expect(status.state).toBe('recovery-needed');
    expect(status.recovery!.quarantinedFile.startsWith(join(dir, 'quarantine'))).toBe(true);
    expect(readFileSync(status.recovery!.quarantinedFile, 'utf8')).toBe(bad);
    expect(existsSync(join(dir, 'quorum.json'))).toBe(false);
    expect(status.recovery!.backups).toHaveLength(1);

    await s3.restore(status.recovery!.backups[0].id);
    expect(s3.status().state).toBe('ready');
    expect(readFileSync(status.recovery!.quarantinedFile, 'utf8')).toBe(bad);
    s3.close();
  });

  /** The folder as a crash leaves it: twenty saves acknowledged since the session's backup, still in the change log. */
  const crashedAfterTwentySaves = async () => {
    const s = await withExample();
    s.close();
    const s2 = open();
    for (let i = 1; i <= 20; i++) await rename(s2, `Saved ${i}`);
    const crashed = join(dir, '..', `${dir.split('/').at(-1)}-crashed`);
    cpSync(dir, crashed, { recursive: true });
    rmSync(join(crashed, 'quorum.lock'), { force: true });
    s2.close();
    return crashed;
  };

  it('rebuilds a damaged store from its newest backup and every save since in the change log, losing none', async () => {
    const crashed = await crashedAfterTwentySaves();
    writeFileSync(join(crashed, 'quorum.json'), '{"format":"quorum-store","schemaVersion":2,"rec');
    const s = QuorumStore.open(crashed, opts());
    const status = s.status();
    expect(status.state).toBe('ready');
    expect(listRecords(s.data, 'partnership')[0].name).toBe('Saved 20');
    expect(status.journal).toMatchObject({ ok: true });
    expect(status.notices.join('\n')).toMatch(/Quorum rebuilt it from the backup taken 23 November 2026, 09:00 and the 20 saves made since, kept in the change log: nothing acknowledged was lost\. The damaged file is in .*quarantine/);
    s.close();
    rmSync(crashed, { recursive: true, force: true });
  });

  it('opens in recovery, never on the first-run screen, when quorum.json has been deleted but its history is there', async () => {
    const crashed = await crashedAfterTwentySaves();
    rmSync(join(crashed, 'quorum.json'));
    const rebuilt = QuorumStore.open(crashed, opts());
    expect(rebuilt.status().state).toBe('ready');
    expect(listRecords(rebuilt.data, 'partnership')[0].name).toBe('Saved 20');
    expect(rebuilt.status().notices.join('\n')).toMatch(/The store file quorum\.json is missing, but the folder holds its journal.*the 20 saves made since/);
    rebuilt.close();
    // Deleted after a clean close: no change log to replay, so the officer chooses a backup.
    rmSync(join(crashed, 'quorum.json'));
    const recovering = QuorumStore.open(crashed, opts());
    expect(recovering.status()).toMatchObject({ state: 'recovery-needed', recovery: { reason: expect.stringMatching(/quorum\.json is missing/), quarantinedFile: '' } });
    expect(recovering.status().recovery!.backups.length).toBeGreaterThan(0);
    recovering.close();
    rmSync(crashed, { recursive: true, force: true });
  });

  it('does not quarantine in read mode; it reports the problem instead', async () => {
    writeFileSync(join(dir, 'quorum.json'), '{oops');
    expect(() => open({ mode: 'read' })).toThrow(/not valid JSON/);
    expect(readFileSync(join(dir, 'quorum.json'), 'utf8')).toBe('{oops');
  });
});

describe('the audit journal', () => {
  it('detects an altered entry at load', async () => {
    const s = await withExample();
    await rename(s, 'Two');
    s.close();
    const file = join(dir, 'journal.jsonl');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"user":"joan"', '"user":"mallory"'));
    const s2 = open();
    expect(s2.status().journal).toMatchObject({ ok: false });
    expect(s2.status().journal.problem).toMatch(/altered at entry 1/);
    s2.close();
  });

  it('detects removed entries', async () => {
    const s = await withExample();
    await rename(s, 'Two');
    await rename(s, 'Three');
    s.close();
    const file = join(dir, 'journal.jsonl');
    writeFileSync(file, readFileSync(file, 'utf8').split('\n').slice(0, 1).join('\n') + '\n');
    const s2 = open();
    expect(s2.status().journal.problem).toMatch(/saved at entry 3 but the journal ends at entry 1/);
    s2.close();
  });

  it.each([
    ['cut short', (file: string) => writeFileSync(file, readFileSync(file, 'utf8').split('\n').slice(0, 1).join('\n') + '\n'), /missing entries 2 to 3/],
    ['deleted', (file: string) => rmSync(file), /missing entries 1 to 3/],
  ])('reports a journal %s at every later load, edits after it included', async (_how, damage, problem) => {
    const s = await withExample();
    await rename(s, 'Two');
    await rename(s, 'Three');
    s.close();
    damage(join(dir, 'journal.jsonl'));
    for (let load = 1; load <= 3; load++) {
      const again = open();
      expect(again.status().journal, `load ${load}`).toMatchObject({ ok: false, problem: expect.stringMatching(problem) });
      await rename(again, `Edited after load ${load}`);
      again.close();
      const reader = open({ mode: 'read', journalCheck: 'full' });
      expect(reader.status().journal.ok, `read after load ${load}`).toBe(false);
      reader.close();
    }
  });

  it('completes the entry of a save interrupted between the store and the journal, and drops a torn line', async () => {
    const s = await withExample();
    await rename(s, 'Two');
    s.close();
    const file = join(dir, 'journal.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, `${lines[0]}\n`);
    appendFileSync(file, '{"seq":2,"at":"2026'); // a crash mid-append
    const s2 = open();
    expect(s2.status().journal).toEqual({ ok: true, entries: 2 });
    expect(s2.status().notices.join(' ')).toMatch(/cut short/);
    expect(s2.status().notices.join(' ')).toMatch(/completed/);
    s2.close();
  });
});

describe('migrations', () => {
  it('upgrades a version 1 store, keeping the old file as a backup', () => {
    const fixture = readFileSync(join(import.meta.dirname, '../fixtures/store-v1.json'), 'utf8');
    writeFileSync(join(dir, 'quorum.json'), fixture);
    const s = open();
    const status = s.status();
    expect(status.state).toBe('ready');
    expect(status.notices.join(' ')).toMatch(/upgraded from schema version 1/);
    const p = listRecords(s.data, 'partnership')[0];
    expect(p).toMatchObject({ rev: 1, updatedBy: 'unknown (before version 2)', name: 'Westmoor Partnership' });
    const backup = s.backups().find((b) => b.reason === 'before upgrade')!;
    expect(readFileSync(join(dir, 'backups', backup.id), 'utf8')).toBe(fixture);
    expect(JSON.parse(readFileSync(join(dir, 'quorum.json'), 'utf8')).schemaVersion).toBe(2);
    expect(s.journalEntries(1)[0].command).toBe('store:migrate');
    s.close();
  });

  it('refuses a store from a newer Quorum without touching it', () => {
    const newer = JSON.stringify({ format: 'quorum-store', schemaVersion: 99, records: {} });
    writeFileSync(join(dir, 'quorum.json'), newer);
    expect(() => open()).toThrow(/newer Quorum/);
    expect(readFileSync(join(dir, 'quorum.json'), 'utf8')).toBe(newer);
  });
});

describe('undo for the last destructive act', () => {
  it('puts a removed agenda item back as it was, journaled, and only while nothing else has changed since', async () => {
    const s = await withExample();
    const item = listRecords(s.data, 'agendaItem').find((i) => i.meetingId === 'meeting:ct-next' && !i.standing && i.paper)!;
    // An edit is not offered for undo: it is corrected by editing again.
    await rename(s, 'Eastmere Partnership');
    expect(s.status().undo).toBeUndefined();

    const removed = await s.run('agenda:remove', { agendaItemId: item.id });
    expect(s.status().undo).toEqual({ seq: removed.seq, summary: removed.summary });
    expect(listRecords(s.data, 'agendaItem').some((i) => i.id === item.id)).toBe(false);

    const undone = await s.undo(removed.seq);
    const back = listRecords(s.data, 'agendaItem').find((i) => i.id === item.id)!;
    const { rev: _r, updatedAt: _u, updatedBy: _b, ...fields } = item;
    expect(back).toMatchObject(fields);
    expect(back.paper?.body).toBe(item.paper?.body);
    expect(back.rev).toBeGreaterThan(item.rev);
    expect(undone).toMatchObject({ command: 'app:undo', summary: `Undid: ${removed.summary}` });
    expect(s.status().undo).toBeUndefined();
    // Once undone, or once anything else has changed, it cannot be taken back again.
    await expect(s.undo(removed.seq)).rejects.toThrow(/can no longer be undone/);
    const again = await s.run('agenda:remove', { agendaItemId: item.id });
    await rename(s, 'Eastmere Children and Families Partnership');
    await expect(s.undo(again.seq)).rejects.toThrow(/only the last change can be, and something has changed since/);
    expect(listRecords(s.data, 'agendaItem').some((i) => i.id === item.id)).toBe(false);
    s.close();

    // The store on disk and its journal agree after an undo.
    const reopened = open();
    expect(reopened.status()).toMatchObject({ state: 'ready', journal: { ok: true } });
    expect(reopened.journalEntries(10).map((e) => e.command)).toContain('app:undo');
    reopened.close();
  });

  it('takes back a cancelled meeting and a withdrawn sign-off, restoring what they changed', async () => {
    const s = await withExample();
    const cancelled = await s.run('meetings:cancel', { meetingId: 'meeting:ct-third', reason: 'Clash with the budget council' });
    expect(listRecords(s.data, 'meeting').find((m) => m.id === 'meeting:ct-third')!.status).toBe('cancelled');
    await s.undo(cancelled.seq);
    const m = listRecords(s.data, 'meeting').find((x) => x.id === 'meeting:ct-third')!;
    expect(m.status).toBe('planned');
    expect(m.cancellation).toBeUndefined();

    // Every party signs, so the version is agreed; the last sign-off, withdrawn, is put back by Undo.
    for (const boardId of ['board:childrens-trust', 'board:safeguarding', 'board:hwb'] as const)
      await s.run('protocols:signOff', { protocolVersionId: 'protocolVersion:boards-v1', boardId, date: '2026-11-20', minuteRef: '', unansweredReason: 'The chair will answer them in the next version' });
    const signOff = listRecords(s.data, 'signOff').find((x) => x.boardId === 'board:hwb')!;
    const statuses = () => listRecords(s.data, 'protocolVersion').map((v) => `${v.id} ${v.status}`).sort();
    const agreedBefore = statuses();
    expect(agreedBefore).toEqual(['protocolVersion:boards-v1 agreed']);
    const withdrawn = await s.run('protocols:withdrawSignOff', { signOffId: signOff.id, reason: 'Recorded against the wrong meeting' });
    await s.undo(withdrawn.seq);
    expect(listRecords(s.data, 'signOff').find((x) => x.id === signOff.id)).toMatchObject({ boardId: signOff.boardId, date: signOff.date });
    expect(statuses()).toEqual(agreedBefore);
    s.close();
  });
});

describe('the journal mark: a load verifies the chain from the newest point a check has passed', () => {
  const tamperFirstEntry = () => {
    const file = join(dir, 'journal.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n');
    // Same length, so the bytes after it stay where the mark says they are.
    lines[0] = lines[0].replace('"user":"joan"', '"user":"jane"');
    writeFileSync(file, lines.join('\n'));
  };

  it('starts quickly from the mark, and the whole-chain check that follows still finds an entry altered before it', async () => {
    const s = await withExample();
    for (let i = 1; i <= 5; i++) await rename(s, `Name ${i}`);
    s.close();
    expect(JSON.parse(readFileSync(join(dir, 'quorum.json'), 'utf8')).journal.verified).toMatchObject({ seq: 5 });
    tamperFirstEntry();
    const again = open();
    // The entries from the mark on are intact, so the load itself is clean…
    expect(again.status().journal).toEqual({ ok: true, entries: 6 });
    // …and the check of every entry the app runs after each start reports the edit.
    const full = await again.checkJournalFully();
    expect(full).toMatchObject({ ok: false, problem: expect.stringMatching(/altered at entry 1/) });
    expect(again.status().journal.ok).toBe(false);
    again.close();
    const checker = open({ mode: 'read', journalCheck: 'full' });
    expect(checker.status().journal).toMatchObject({ ok: false, problem: expect.stringMatching(/altered at entry 1/) });
    checker.close();
  });

  it('reads every entry when the entry at the mark is not the one it names', async () => {
    const s = await withExample();
    await rename(s, 'Two');
    await rename(s, 'Three');
    s.close();
    const mark = JSON.parse(readFileSync(join(dir, 'quorum.json'), 'utf8')).journal.verified;
    expect(mark.seq).toBe(2);
    const file = join(dir, 'journal.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[1] = lines[1].replace('"user":"joan"', '"user":"mallory"');
    writeFileSync(file, lines.join('\n'));
    const again = open();
    expect(again.status().journal).toMatchObject({ ok: false, problem: expect.stringMatching(/altered at entry 2/) });
    again.close();
  });

  it('lists the newest entries from the end of the file, newest first, whatever the journal’s length', async () => {
    const s = await withExample();
    for (let i = 1; i <= 30; i++) await rename(s, `Name ${i}`);
    expect(s.journalEntries(3).map((e) => e.seq)).toEqual([31, 30, 29]);
    expect(s.journalEntries(100)).toHaveLength(31);
    appendFileSync(join(dir, 'journal.jsonl'), '{"seq":32,"at":"20'); // a torn line is not an entry
    expect(s.journalEntries(2).map((e) => e.seq)).toEqual([31, 30]);
    s.close();
  });
});

describe('tamper evidence covers what is printed', () => {
  it('finds a resolution’s words edited by hand in quorum.json, at quorum check and in the app’s full check, and nothing when Quorum wrote them', async () => {
    const s = await withExample();
    await s.run('resolutions:update', { resolutionId: 'resolution:held-5-1', text: 'The Board notes the findings of the deep dive into the front door.' });
    s.close();
    const { runCli } = await import('../helpers');
    expect((await runCli('check', '--data', dir)).code).toBe(0);
    const file = join(dir, 'quorum.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('The Board notes the findings of the deep dive into the front door.', 'The Board approves the closure of the front door.'));
    const check = await runCli('check', '--data', dir);
    expect(check.code).toBe(1);
    expect(check.out + check.err).toMatch(/A record was changed outside Quorum: the resolution “The Board approves the closure of the front door\.” \(resolution:held-5-1\) \(last written by journal entry 2\)/);
    const app = open();
    expect(app.status().journal.ok).toBe(true); // a start verifies from its mark; the full check after it finds it
    expect(await app.checkJournalFully()).toMatchObject({ ok: false, problem: expect.stringMatching(/changed outside Quorum: the resolution/) });
    app.close();
  });

  /** The store and its change log as they are now, to put back later. */
  const storeAsItIs = () => [STORE_FILE, CHANGE_LOG_FILE].map((name) => ({ name, bytes: existsSync(join(dir, name)) ? readFileSync(join(dir, name)) : null }));
  const putBack = (files: ReturnType<typeof storeAsItIs>) => {
    for (const { name, bytes } of files) if (bytes) writeFileSync(join(dir, name), bytes);
    else rmSync(join(dir, name), { force: true });
  };

  it('does not take a save made while quorum check reads, the store before it and the journal after, for an edit by hand', async () => {
    const s = await withExample();
    await rename(s, 'Harrowfield Partnership');
    s.close();
    const asRead = storeAsItIs();
    const app = open();
    await rename(app, 'Harrowfield Children and Families Partnership');
    // What a reader beside the running app can see: the store as it was, the journal one save on.
    putBack(asRead);
    try {
      const reader = open({ mode: 'read', journalCheck: 'full' });
      expect(reader.status().journal).toEqual({ ok: true, entries: expect.any(Number) });
      expect(listRecords(reader.data, 'partnership')[0].name).toBe('Harrowfield Partnership');
      reader.close();
      const { runCli } = await import('../helpers');
      const check = await runCli('check', '--data', dir);
      expect(check.out + check.err).not.toMatch(/changed outside Quorum/);
      expect(check.code).toBe(0);
    } finally {
      app.close();
    }
  });

  /** The store as it was one save ago put back beside its journal, with no Quorum open. */
  const olderCopyPutBack = async () => {
    const s = await withExample();
    s.close();
    const older = storeAsItIs();
    const app = open();
    await rename(app, 'Harrowfield Children and Families Partnership');
    app.close();
    putBack(older);
  };

  it('finds an older copy of quorum.json put back while no Quorum has the folder open, at quorum check as at the app’s start', async () => {
    await olderCopyPutBack();
    const { runCli } = await import('../helpers');
    const check = await runCli('check', '--data', dir);
    expect(check.code).toBe(1);
    expect(check.out).toMatch(/Journal: FAILED: The store is older than its journal: it was saved at entry 1 but the journal goes on to entry 2\. An older copy of quorum\.json may have been put back\./);
    const again = open();
    expect(again.status().journal).toMatchObject({ ok: false, problem: expect.stringMatching(/older than its journal/) });
    again.close();
  });

  it('finds an older copy of quorum.json put back beside a lock another computer left behind (its Quorum cannot be seen, but its store does not move)', async () => {
    await olderCopyPutBack();
    // Left by a crash on a computer sharing the drive: nothing there is saving.
    writeFileSync(join(dir, 'quorum.lock'), JSON.stringify({ host: 'COUNCIL-PC-0417', pid: 999_999, bootId: 'another-machine', since: '2026-11-20T08:00:00.000Z' }));
    const { runCli } = await import('../helpers');
    const started = performance.now();
    const check = await runCli('check', '--data', dir);
    expect(check.code).toBe(1);
    expect(check.out).toMatch(/Journal: FAILED: The store is older than its journal: it was saved at entry 1 but the journal goes on to entry 2\. An older copy of quorum\.json may have been put back\./);
    // It watched the store for a save in flight before saying so.
    expect(performance.now() - started).toBeGreaterThan(1500);
  });
});
