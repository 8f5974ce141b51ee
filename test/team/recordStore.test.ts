import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import PouchDB from 'pouchdb';
import { PouchRecords, type RecordDoc } from '../../main/services/records/pouchRecords';
import type { RecordStore } from '../../main/services/records/recordStore';
import type { QRecord } from '../../shared/schema/records';
import { stamp } from '../docxPackage';
import { TEST_NOW, tempDir } from '../helpers';

/**
 * The record store interface's contract, run against its implementation: a PouchDB replica on disk
 * (leveldown, as the app's main process opens it). A second implementation is added to this list.
 */
const implementations: { name: string; open(dir: string): RecordStore }[] = [
  { name: 'a PouchDB replica', open: (dir) => new PouchRecords(new PouchDB<RecordDoc>(join(dir, 'replica')), 'ann', () => TEST_NOW) },
];

const board = (name: string) => stamp({ id: 'board:b1', type: 'board', name, shortName: 'HWB', kind: 'health-and-wellbeing', rules: 'council-committee', standingItems: [] }) as QRecord;
const item = (id: string, meetingId: string) =>
  stamp({ id, type: 'agendaItem', meetingId, order: '001', title: `Item ${id}`, purpose: 'decision', durationMinutes: 10, presenterIds: [], minutes: '' }) as QRecord;
const update = stamp({ id: 'actionUpdate:u1', type: 'actionUpdate', actionId: 'action:a1', text: 'Done', status: 'done', madeAt: TEST_NOW }) as QRecord;
const picture = (content: string) => {
  const bytes = new TextEncoder().encode(content);
  return { name: `chart-${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}.png`, bytes };
};

describe.each(implementations)('the record store contract: $name', ({ open }) => {
  let t: ReturnType<typeof tempDir>;
  let store: RecordStore;
  beforeEach(() => {
    t = tempDir();
    store = open(t.dir);
  });
  afterEach(async () => {
    await store.close();
    t.cleanup();
  });

  it('puts a new record and gets it back with a revision and who wrote it', async () => {
    expect(await store.get('board:b1')).toBeUndefined();
    const rev = await store.put(board('Health and Wellbeing Board'), null);
    const got = await store.get('board:b1');
    expect(got).toMatchObject({ rev, record: { name: 'Health and Wellbeing Board', rev: 1, updatedBy: 'ann' } });
  });

  it('writes over the revision the writer read, and refuses a stale one without changing anything', async () => {
    const first = await store.put(board('First'), null);
    const second = await store.put(board('Second'), first);
    expect(second).not.toBe(first);
    await expect(store.put(board('Stale'), first)).rejects.toThrow(/changed by someone else since it was read/);
    await expect(store.put(board('Again'), null)).rejects.toThrow(/changed by someone else/);
    expect((await store.get('board:b1'))?.record).toMatchObject({ name: 'Second', rev: 2 });
    await expect(store.remove('board:b1', first)).rejects.toThrow(/changed by someone else/);
    await store.remove('board:b1', second);
    expect(await store.get('board:b1')).toBeUndefined();
  });

  it('refuses a record that breaks its schema, in the user’s words', async () => {
    await expect(store.put({ ...board('x'), name: '' } as QRecord, null)).rejects.toThrow(/Fill this in/);
    expect(await store.get('board:b1')).toBeUndefined();
  });

  it('never changes or removes a write-once record', async () => {
    const rev = await store.put(update, null);
    await expect(store.put({ ...update, text: 'Rewritten' } as QRecord, rev)).rejects.toThrow(/written once/);
    await expect(store.remove(update.id, rev)).rejects.toThrow(/written once/);
    expect((await store.get(update.id))?.record).toMatchObject({ text: 'Done' });
  });

  it('lists by type and by a field', async () => {
    await store.put(board('Board'), null);
    for (const [id, m] of [['agendaItem:i1', 'meeting:m1'], ['agendaItem:i2', 'meeting:m1'], ['agendaItem:i3', 'meeting:m2']]) await store.put(item(id, m), null);
    expect((await store.byType('agendaItem')).map((s) => s.record.id).sort()).toEqual(['agendaItem:i1', 'agendaItem:i2', 'agendaItem:i3']);
    expect((await store.where('agendaItem', 'meetingId', 'meeting:m1')).map((s) => s.record.id).sort()).toEqual(['agendaItem:i1', 'agendaItem:i2']);
    expect(await store.byType('meeting')).toEqual([]);
  });

  it('says what changed since a point, deletions included', async () => {
    const start = await store.changesSince('');
    const rev = await store.put(board('Board'), null);
    await store.put(item('agendaItem:i1', 'meeting:m1'), null);
    const after = await store.changesSince(start.last);
    expect(after.changes.map((c) => c.id).sort()).toEqual(['agendaItem:i1', 'board:b1']);
    await store.remove('board:b1', rev);
    const later = await store.changesSince(after.last);
    expect(later.changes).toEqual([{ id: 'board:b1', deleted: true }]);
    expect((await store.changesSince(later.last)).changes).toEqual([]);
  });

  it('keeps pictures by their content: the same picture twice is one, and a name that lies is refused', async () => {
    const chart = picture('a chart');
    await store.putPicture(chart.name, chart.bytes);
    await store.putPicture(chart.name, chart.bytes);
    expect(await store.getPicture(chart.name)).toEqual(chart.bytes);
    await expect(store.putPicture(chart.name, new TextEncoder().encode('other bytes'))).rejects.toThrow(/does not hold the content its name says/);
    expect(await store.getPicture(picture('never stored').name)).toBeUndefined();
  });
});
