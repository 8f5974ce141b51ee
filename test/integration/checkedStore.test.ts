import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QuorumStore, type StoreOptions } from '../../main/services/store/store';
import { CHECKED_FILE, digestOf, readChecked, rememberValid, STORE_BUILD } from '../../main/services/store/checked';
import { CHANGE_LOG_FILE, STORE_FILE } from '../../main/services/store/format';
import { loadExample } from '../../main/services/example';
import { getRecord } from '../../shared/data';
import { QuorumFailure } from '../../shared/result';
import { storeOptionsAt, tempDir } from '../helpers';

/**
 * A store this build found valid is not validated whole again at the next open, only what the
 * change log added since (main/services/store/checked.ts): these hold that to the guarantees of a
 * full validation. A store edited outside Quorum is still refused, whatever the note says.
 */
let dir: string;
let cleanup: () => void;
const clock = Date.parse('2026-11-23T09:00:00Z');
const opts = (extra: Partial<StoreOptions> = {}): StoreOptions => storeOptionsAt(() => clock, extra);
const open = (extra: Partial<StoreOptions> = {}) => QuorumStore.open(dir, opts(extra));
const storeFile = () => join(dir, STORE_FILE);
const refusal = (extra: Partial<StoreOptions>) => {
  try {
    open(extra).close();
  } catch (err) {
    return err as QuorumFailure;
  }
  return undefined;
};
/** The example, saved, then opened again to write: the open that notes the store as valid. */
const exampleNoted = async () => {
  const s = open();
  await loadExample(s);
  s.close();
  open().close();
  expect(readChecked(dir)?.snapshot).toBe(digestOf(readFileSync(storeFile())));
};
/** One save through the app's own command: the Safeguarding Partnership's next meeting moves to the Town Hall. */
const moveNextMeeting = async (s: QuorumStore) => {
  const meeting = getRecord(s.data, 'meeting', 'meeting:scp-next');
  await s.run('meetings:update', { meetingId: meeting.id, expectedRev: meeting.rev, date: meeting.date, startTime: meeting.startTime, endTime: meeting.endTime, status: meeting.status, venue: 'Eastmere Town Hall, Room 2' });
};
/** Edits the records of a store file or of change log lines (not the journal entries they carry), as a hand in a text editor would. */
const editRecords = (text: string, from: string | RegExp, to: string) => {
  const at = text.indexOf('"records":{');
  const edited = at < 0 ? text.replace(from, to) : text.slice(0, at) + text.slice(at).replace(from, to);
  expect(edited).not.toBe(text);
  return edited;
};
/** Sets the Safeguarding Partnership's next meeting to start at 25:99, which no schema allows. */
const breakStartTime = (text: string) => editRecords(text, /("id":"meeting:scp-next"[^}]*?"startTime":)"10:00"/, '$1"25:99"');

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

describe('a store found valid before', () => {
  it('is built with a fingerprint of the code that validates it', () => {
    expect(STORE_BUILD).toMatch(/^[0-9a-f]{32}$/);
  });

  it('opens with the same records as a full validation gives', async () => {
    await exampleNoted();
    const trusted = open({ mode: 'read' });
    const full = open({ mode: 'read', journalCheck: 'full' });
    expect(trusted.data.records).toEqual(full.data.records);
    expect(trusted.status()).toMatchObject({ state: 'ready' });
    trusted.close();
    full.close();
  });

  it('is refused when quorum.json was changed by hand since, as a full validation refuses it', async () => {
    await exampleNoted();
    writeFileSync(storeFile(), breakStartTime(readFileSync(storeFile(), 'utf8')));
    const err = refusal({ mode: 'read' });
    expect(err).toBeInstanceOf(QuorumFailure);
    expect(err!.message).toMatch(/does not match Quorum's record schema.*24-hour time/);
  });

  it('is not validated again while its bytes are those noted: the note is what spares the work', async () => {
    await exampleNoted();
    // A note forged for a broken file shows the open trusting the note, and a full check not.
    const broken = breakStartTime(readFileSync(storeFile(), 'utf8'));
    writeFileSync(storeFile(), broken);
    rememberValid(dir, { snapshot: digestOf(Buffer.from(broken)), log: { bytes: 0, sha256: digestOf(new Uint8Array(0)) } });
    const trusted = open({ mode: 'read' });
    expect(getRecord(trusted.data, 'meeting', 'meeting:scp-next').startTime).toBe('25:99');
    trusted.close();
    expect(refusal({ mode: 'read', journalCheck: 'full' })?.message).toMatch(/24-hour time/);
  });

  it('counts for nothing when another build of Quorum noted it', async () => {
    await exampleNoted();
    const broken = breakStartTime(readFileSync(storeFile(), 'utf8'));
    writeFileSync(storeFile(), broken);
    writeFileSync(join(dir, CHECKED_FILE), JSON.stringify({ build: 'another-build', snapshot: digestOf(Buffer.from(broken)), log: { bytes: 0, sha256: digestOf(new Uint8Array(0)) } }));
    expect(refusal({ mode: 'read' })?.message).toMatch(/24-hour time/);
  });

  it('still has every save the change log made since validated: one changed by hand is refused', async () => {
    await exampleNoted();
    const s = open({ foldAtClose: 'when-due' });
    await moveNextMeeting(s);
    s.close();
    const logFile = join(dir, CHANGE_LOG_FILE);
    const log = readFileSync(logFile, 'utf8');
    expect(log).toContain('Eastmere Town Hall, Room 2');
    // Saved as Quorum wrote it, the open reads the change; broken by hand, it is refused.
    const again = open({ mode: 'read' });
    expect(getRecord(again.data, 'meeting', 'meeting:scp-next').venue).toBe('Eastmere Town Hall, Room 2');
    again.close();
    writeFileSync(logFile, breakStartTime(log));
    expect(refusal({ mode: 'read' })?.message).toMatch(/24-hour time/);
  });

  it('is noted afresh with the log lines it validated, and a line noted is not validated again', async () => {
    await exampleNoted();
    const s = open({ foldAtClose: 'when-due' });
    await moveNextMeeting(s);
    s.close();
    open({ foldAtClose: 'when-due' }).close(); // validates the new line and notes it
    const logFile = join(dir, CHANGE_LOG_FILE);
    const log = readFileSync(logFile);
    const note = readChecked(dir)!;
    expect(note.log).toEqual({ bytes: log.length, sha256: digestOf(log) });
    // A line noted, then broken with the note forged to match, shows it is not validated again.
    const broken = Buffer.from(breakStartTime(log.toString('utf8')));
    writeFileSync(logFile, broken);
    rememberValid(dir, { snapshot: note.snapshot, log: { bytes: broken.length, sha256: digestOf(broken) } });
    const trusted = open({ mode: 'read' });
    expect(getRecord(trusted.data, 'meeting', 'meeting:scp-next').startTime).toBe('25:99');
    trusted.close();
    expect(refusal({ mode: 'read', journalCheck: 'full' })?.message).toMatch(/24-hour time/);
  });

  it('is not noted when validating it changes a record (a key the schema drops, spaces it trims), so it is validated at every open', async () => {
    const s = open();
    await loadExample(s);
    s.close();
    const saved = readFileSync(storeFile(), 'utf8');
    for (const edited of [editRecords(saved, '"id":"meeting:scp-next"', '"id":"meeting:scp-next","noteAddedByHand":"x"'), editRecords(saved, '"venue":"Eastmere Police Station, Conference Room"', '"venue":"Eastmere Police Station, Conference Room  "')]) {
      writeFileSync(storeFile(), edited);
      const again = open();
      expect(getRecord(again.data, 'meeting', 'meeting:scp-next')).toMatchObject({ venue: 'Eastmere Police Station, Conference Room' });
      expect(getRecord(again.data, 'meeting', 'meeting:scp-next')).not.toHaveProperty('noteAddedByHand');
      again.close();
      expect(existsSync(join(dir, CHECKED_FILE))).toBe(false);
    }
  });

  it('is not noted when a record the change log replaced is broken in quorum.json, though the log hides it', async () => {
    await exampleNoted();
    const s = open({ foldAtClose: 'when-due' });
    await moveNextMeeting(s);
    s.close();
    writeFileSync(storeFile(), breakStartTime(readFileSync(storeFile(), 'utf8')));
    // The log's newer copy of the meeting is valid, so the store opens; but were the log set aside, quorum.json's own copy would be read.
    const again = open({ foldAtClose: 'when-due' });
    expect(getRecord(again.data, 'meeting', 'meeting:scp-next').startTime).toBe('10:00');
    again.close();
    expect(readChecked(dir)?.snapshot).not.toBe(digestOf(readFileSync(storeFile())));
  });

  it('is noted by the app’s fold at close, so the next open (often quorum pack) need not validate it', async () => {
    const s = open();
    await loadExample(s);
    await moveNextMeeting(s);
    s.close();
    expect(readFileSync(join(dir, CHANGE_LOG_FILE)).length).toBe(0);
    expect(readChecked(dir)?.snapshot).toBe(digestOf(readFileSync(storeFile())));
    const again = open({ mode: 'read' });
    expect(getRecord(again.data, 'meeting', 'meeting:scp-next').venue).toBe('Eastmere Town Hall, Room 2');
    again.close();
  });

  it('is never noted by an open to read only', async () => {
    const s = open();
    await loadExample(s);
    s.close();
    open({ mode: 'read' }).close();
    expect(existsSync(join(dir, CHECKED_FILE))).toBe(false);
  });
});
