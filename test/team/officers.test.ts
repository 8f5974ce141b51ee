import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import PouchDB from 'pouchdb';
import type { TeamStore } from '../../main/services/team/teamStore';
import { EXEMPT_TEXT } from '../../shared/team/placement';
import { preflight } from '../../shared/pack/preflight';
import { TINY_PNG } from '../docxPackage';
import { startTeam, teamRecords, type Team } from './teamFixture';
import { WAIT } from '../waits';

/**
 * Several officers and a partner on one partnership, each with their own replica, against a real
 * CouchDB-protocol server (pouchdb-server) the test starts. "Offline" is simply not syncing: each
 * store works on its replica alone until it syncs.
 */
let team: Team;
let ann: TeamStore, bob: TeamStore, cat: TeamStore;
let secrets: string[];
const PICTURE = `chart-${createHash('sha256').update(TINY_PNG).digest('hex').slice(0, 12)}.png`;

const item = (s: TeamStore, id: string) => {
  const r = s.data.records[id];
  if (r?.type !== 'agendaItem') throw new Error(`${id} is not an agenda item here`);
  return r;
};
const meeting = (s: TeamStore, id: string) => {
  const r = s.data.records[id];
  if (r?.type !== 'meeting') throw new Error(`${id} is not a meeting here`);
  return r;
};
const syncAll = async (...stores: TeamStore[]) => {
  // Twice round: what the last one sent reaches the first.
  for (let round = 0; round < 2; round++) for (const s of stores) await s.syncOnce();
};

beforeAll(async () => {
  team = await startTeam();
  ann = await team.open('ann');
  const seeded = teamRecords();
  secrets = seeded.secrets;
  // A picture only a Part 2 paper shows: it must stay in the Part 2 database too.
  mkdirSync(join(team.folder('ann'), 'images'), { recursive: true });
  writeFileSync(join(team.folder('ann'), 'images', PICTURE), TINY_PNG);
  const records = seeded.records.map((r) =>
    r.id === 'agendaItem:next-2' && r.type === 'agendaItem' && r.paper ? { ...r, paper: { ...r.paper, body: `${r.paper.body}\n\n![Chart ZQXPICTUREQZX](images/${PICTURE})` } } : r,
  );
  secrets.push('ZQXPICTUREQZX');
  await ann.seed('example:load', 'Set up Westbury', records);
  await ann.syncOnce();
  bob = await team.open('bob');
  cat = await team.open('cat');
  await bob.syncOnce();
  await cat.syncOnce();
}, WAIT.processes);
afterAll(async () => {
  await team?.stop();
});

describe('officers on one partnership', () => {
  it('clones the partnership to each officer', () => {
    expect(Object.keys(bob.data.records).sort()).toEqual(Object.keys(ann.data.records).sort());
    expect(item(bob, 'agendaItem:next-0').title).toBe('Item title next 0');
    expect(bob.syncStatus()).toMatchObject({ state: 'synced', waiting: 0 });
  });

  it('replicates offline edits made on two machines both ways', async () => {
    await ann.run('minutes:update', { agendaItemId: 'agendaItem:held-0', minutes: 'Ann minuted item 0 offline.' });
    await bob.run('minutes:update', { agendaItemId: 'agendaItem:held-1', minutes: 'Bob minuted item 1 offline.' });
    expect(ann.syncStatus().waiting).toBeGreaterThan(0);
    await syncAll(ann, bob, cat);
    for (const s of [ann, bob, cat]) {
      expect(item(s, 'agendaItem:held-0').minutes).toBe('Ann minuted item 0 offline.');
      expect(item(s, 'agendaItem:held-1').minutes).toBe('Bob minuted item 1 offline.');
    }
    expect(ann.syncStatus()).toMatchObject({ state: 'synced', waiting: 0 });
  });

  it('merges a clash over different fields by itself, and journals it', async () => {
    const m = meeting(ann, 'meeting:next');
    await ann.run('meetings:update', { meetingId: m.id, date: m.date, startTime: m.startTime, endTime: m.endTime, venue: 'Council Chamber', status: m.status });
    await bob.run('meetings:update', { meetingId: m.id, date: m.date, startTime: '10:00', endTime: m.endTime, venue: m.venue, status: m.status });
    await syncAll(ann, bob, cat);
    for (const s of [ann, bob, cat]) expect(meeting(s, 'meeting:next')).toMatchObject({ venue: 'Council Chamber', startTime: '10:00' });
    expect([...ann.needsDecision(), ...bob.needsDecision()]).toEqual([]);
    const merges = [...ann.journalEntries(50), ...bob.journalEntries(50)].filter((e) => e.command === 'team:merge');
    expect(merges.length).toBeGreaterThan(0);
    expect(merges[0].summary).toMatch(/Kept both officers’ changes to meeting:next/);
  });

  it('puts a clash over the same minute in Needs decision on both machines, and the decision reaches everyone', async () => {
    await ann.run('minutes:update', { agendaItemId: 'agendaItem:held-1', minutes: 'The board agreed the plan for next year.' });
    await bob.run('minutes:update', { agendaItemId: 'agendaItem:held-1', minutes: 'The board noted the plan for next year.' });
    await syncAll(ann, bob);
    const onAnn = ann.needsDecision();
    const onBob = bob.needsDecision();
    expect(onAnn.map((d) => d.id)).toEqual(['agendaItem:held-1']);
    expect(onBob.map((d) => d.id)).toEqual(['agendaItem:held-1']);
    const clash = onAnn[0].fields.find((f) => f.field === 'minutes')!;
    expect(clash.versions.map((v) => v.text).sort()).toEqual(['The board agreed the plan for next year.', 'The board noted the plan for next year.']);
    expect(clash.versions.map((v) => v.by).sort()).toEqual(['ann', 'bob']);
    expect(clash.diff.filter((d) => d.change !== 'same').map((d) => d.text.trim()).sort()).toEqual(['agreed', 'noted']);
    expect(ann.undecided.has('agendaItem:held-1')).toBe(true);
    // Meanwhile the minutes cannot be approved, nor the next pack built, and the pre-flight says why.
    await expect(ann.run('minutes:approve', { meetingId: 'meeting:held', atAgendaItemId: 'agendaItem:next-0' })).rejects.toThrow(/cannot be approved yet: the minute of “Item title held 1” waits in Needs decision/);
    const report = preflight(ann.data, 'meeting:next', 'full', '2026-11-23', new Set(), () => true);
    expect(report.problems.filter((p) => p.code === 'needs-decision').map((p) => p.message)).toEqual([expect.stringMatching(/minutes of the last meeting, item 2: two officers changed them differently/)]);
    const bobs = clash.versions.find((v) => v.by === 'bob')!;
    await ann.decide(onAnn[0].key, { keep: bobs.rev });
    expect(ann.needsDecision()).toEqual([]);
    await syncAll(ann, bob, cat);
    expect(bob.needsDecision()).toEqual([]);
    for (const s of [ann, bob, cat]) expect(item(s, 'agendaItem:held-1').minutes).toBe('The board noted the plan for next year.');
    expect(ann.journalEntries(20).some((e) => e.command === 'team:decide')).toBe(true);
  });

  it('lets an officer combine both versions in their own words', async () => {
    await ann.run('minutes:update', { agendaItemId: 'agendaItem:held-0', minutes: 'Version from Ann.' });
    await bob.run('minutes:update', { agendaItemId: 'agendaItem:held-0', minutes: 'Version from Bob.' });
    await syncAll(ann, bob);
    const [clash] = bob.needsDecision();
    await bob.decide(clash.key, { combined: { minutes: 'Combined: Ann’s and Bob’s.' } });
    await syncAll(bob, ann, cat);
    for (const s of [ann, bob, cat]) expect(item(s, 'agendaItem:held-0').minutes).toBe('Combined: Ann’s and Bob’s.');
    expect(ann.needsDecision()).toEqual([]);
  });
});

describe('Part 2 in team mode', () => {
  it('never gives an officer without Part 2 clearance any Part 2 text, in any document or attachment they replicated', async () => {
    await ann.run('minutes:update', { agendaItemId: 'agendaItem:held-2', minutes: 'ZQXLATEMINUTEQZX the exempt discussion.' });
    secrets.push('ZQXLATEMINUTEQZX');
    await syncAll(ann, cat, bob);
    // Cat's laptop, shut down: every document and attachment in the replica, then every byte of its files.
    await cat.close();
    const seen: string[] = [];
    const replicaRoot = join(team.folder('cat'), 'replica');
    expect(readdirSync(replicaRoot).sort()).toEqual(['board', 'partners']);
    for (const name of readdirSync(replicaRoot)) {
      const db = new PouchDB(join(replicaRoot, name));
      const all = await db.allDocs({ include_docs: true, attachments: true, conflicts: true });
      for (const row of all.rows) {
        seen.push(JSON.stringify(row.doc));
        for (const rev of (row.doc as { _conflicts?: string[] })?._conflicts ?? []) seen.push(JSON.stringify(await db.get(row.id, { rev })));
      }
      await db.close();
    }
    // And every byte of the replica's files on disk.
    const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
    for (const f of files(replicaRoot)) seen.push(readFileSync(f).toString('latin1'));
    const everything = seen.join('\n');
    expect(everything.length).toBeGreaterThan(1000);
    for (const s of secrets) expect(everything, s).not.toContain(s);
    expect(everything).not.toContain(Buffer.from(TINY_PNG).toString('base64'));
    cat = await team.open('cat');
    expect(item(cat, 'agendaItem:held-2')).toMatchObject({ title: 'Public title held 2', minutes: EXEMPT_TEXT, part2: { paragraph: 3 } });
    // A cleared officer has it all, picture included.
    expect(item(bob, 'agendaItem:held-2').minutes).toBe('ZQXLATEMINUTEQZX the exempt discussion.');
    expect(readFileSync(join(team.folder('bob'), 'images', PICTURE))).toEqual(Buffer.from(TINY_PNG));
  });

  it('refuses an uncleared officer’s change to Part 2 text, and lets them change the rest', async () => {
    await expect(cat.run('minutes:update', { agendaItemId: 'agendaItem:held-2', minutes: 'Cat writes over it' })).rejects.toThrow(/only by an officer cleared for it/);
    await cat.run('minutes:update', { agendaItemId: 'agendaItem:held-0', minutes: 'Cat’s open minute.' });
    await syncAll(cat, ann);
    expect(item(ann, 'agendaItem:held-0').minutes).toBe('Cat’s open minute.');
    expect(item(ann, 'agendaItem:held-2').minutes).toBe('ZQXLATEMINUTEQZX the exempt discussion.');
  });

  it('moves an item’s text out of the Part 2 database when it leaves Part 2', async () => {
    await expect(cat.run('agenda:setPartTwo', { agendaItemId: 'agendaItem:next-2', part2: null })).rejects.toThrow(/Only an officer cleared for Part 2/);
    await ann.run('agenda:setPartTwo', { agendaItemId: 'agendaItem:next-2', part2: null });
    await syncAll(ann, cat);
    expect(item(cat, 'agendaItem:next-2').paper?.body).toContain('ZQXBODY');
    expect(item(cat, 'agendaItem:next-2').part2).toBeUndefined();
    // And back in: the text leaves the board database again (its newest revision).
    await ann.run('agenda:setPartTwo', { agendaItemId: 'agendaItem:next-2', part2: { paragraph: 1, reason: 'Names a child' } });
    await syncAll(ann, cat, bob);
    expect(item(cat, 'agendaItem:next-2').paper?.body).toBe(EXEMPT_TEXT);
    // Cat's copy no longer holds the revision in which the text was open.
    const board = (cat as unknown as { replicas: Map<string, { local: PouchDB.Database }> }).replicas.get('board')!.local;
    const { _revs_info: history } = (await board.get('agendaItem:next-2', { revs_info: true } as never)) as unknown as { _revs_info: { rev: string; status: string }[] };
    expect(history.slice(1).filter((h) => h.status === 'available')).toEqual([]);
    expect(item(bob, 'agendaItem:next-2').paper?.body).toContain('ZQXBODY');
  });
});

describe('changes the record no longer allows', () => {
  it('keeps approved minutes as approved, and an officer’s edit made meanwhile in their Not applied list', async () => {
    await syncAll(ann, bob);
    await ann.run('minutes:approve', { meetingId: 'meeting:held', atAgendaItemId: 'agendaItem:next-0', minuteRef: '12/26', confirmed: true });
    // Bob, offline, has not heard: he polishes a minute of the approved meeting.
    await bob.run('minutes:update', { agendaItemId: 'agendaItem:held-1', minutes: 'Bob’s late polish of the minute.' });
    await syncAll(ann, bob, cat);
    for (const s of [ann, bob, cat]) expect(item(s, 'agendaItem:held-1').minutes).toBe('The board noted the plan for next year.');
    expect(meeting(bob, 'meeting:held').status).toBe('minutes-approved');
    const lost = bob.notAppliedChanges();
    expect(lost, JSON.stringify(lost, null, 1)).toHaveLength(1);
    expect(lost[0]).toMatchObject({ id: 'agendaItem:held-1', reason: expect.stringMatching(/These minutes were approved .* the approved text stands/) });
    expect(lost[0].text).toContain('Bob’s late polish of the minute.');
    expect(ann.notAppliedChanges()).toEqual([]);
    expect(bob.needsDecision()).toEqual([]);
  });
});

describe('a partner reviewer', () => {
  it('sees only the protocols sent to partners, and adds comments the secretariat receives', async () => {
    const pri = await team.open('pri');
    await pri.syncOnce();
    const types = new Set(Object.values(pri.data.records).map((r) => r.type));
    expect([...types].sort()).toEqual(['board', 'circulation', 'organisation', 'partnership', 'protocol', 'protocolVersion']);
    expect(readdirSync(join(team.folder('pri'), 'replica'))).toEqual(['partners']);
    expect(pri.data.records['protocol:p']).toBeDefined();
    expect(pri.data.records['protocol:draft']).toBeUndefined();
    expect(pri.data.records['protocolVersion:d1']).toBeUndefined();
    expect(ann.data.records['protocolVersion:d1']).toBeDefined();
    await pri.run('protocols:comment', { protocolVersionId: 'protocolVersion:p1', sectionKey: 's1', author: 'Priya Partner', organisationId: 'organisation:c', text: 'Please name the police lead.' });
    await expect(pri.run('minutes:update', { agendaItemId: 'agendaItem:held-0', minutes: 'x' })).rejects.toThrow(/partner reviewer can comment/);
    await pri.syncOnce();
    await ann.syncOnce();
    const comments = Object.values(ann.data.records).filter((r) => r.type === 'protocolComment');
    expect(comments.map((c) => c.type === 'protocolComment' && c.text)).toContain('Please name the police lead.');
    await pri.close();
  });

  it('cannot change a comment once made or the journal: the server refuses, and the words are kept in Not applied', async () => {
    const pri = await team.open('pri');
    await pri.syncOnce();
    await pri.close();
    // A tampered copy of the app: it writes straight into its replica.
    const local = new PouchDB(join(team.folder('pri'), 'replica', 'partners'));
    const theirs = (await local.allDocs({ include_docs: true })).rows.find((r) => (r.doc as { type?: string })?.type === 'protocolComment')!;
    const doc = theirs.doc as unknown as Record<string, unknown> & { _id: string; record: Record<string, unknown> };
    await local.put({ ...doc, by: 'pri', record: { ...doc.record, text: 'Rewritten by someone else' } });
    const journal = (await local.get('journal:pri-laptop:000000001')) as Record<string, unknown> & { _id: string };
    await local.put({ ...journal, by: 'pri', entry: { ...(journal.entry as object), summary: 'Nothing happened' } });
    await local.close();
    const again = await team.open('pri');
    await again.syncOnce();
    await again.settleAll();
    const refused = again.notAppliedChanges();
    expect(refused.map((n) => n.id).sort()).toEqual([theirs.id, journal._id].sort());
    expect(refused.find((n) => n.id === theirs.id)!.text).toContain('Rewritten by someone else');
    expect(again.data.records[theirs.id]).toMatchObject({ text: 'Please name the police lead.' });
    await ann.syncOnce();
    expect(ann.data.records[theirs.id]).toMatchObject({ text: 'Please name the police lead.' });
    await again.close();
  });
});
