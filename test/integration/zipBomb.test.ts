import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../main/services/dispatch';
import { createHandlers } from '../../main/services/handlers';
import { Session } from '../../main/services/session';
import { readReturnedCopy } from '../../shared/protocol/returnedCopy';
import { honestBomb, lyingBomb, overlappingBomb } from '../fixtures/zipBombs';
import { stubPlatform, tempDir, testClock, storeBytesOnDisk } from '../helpers';
import { loadExample } from '../../main/services/example';

/** Runs `work`, returning what it answered, how long it took and how far this process's memory grew. */
const measured = async <T>(work: () => Promise<T> | T) => {
  const rss = process.memoryUsage().rss;
  const t = performance.now();
  const value = await work();
  return { value, ms: performance.now() - t, grewMb: (process.memoryUsage().rss - rss) / 1024 / 1024 };
};

let close = () => {};
afterEach(() => close());

describe('a zip bomb sent as a Word paper or a returned copy', () => {
  const bombs = [
    ['a part of 200 MB of zeros in a file of 200 KB', () => honestBomb(200), /would take 200 MB once opened/],
    ['a part that declares 8 KB and inflates to 100 MB', () => lyingBomb(100, 'word/comments.xml'), /inflates to more than it declares/],
    ['3,000 parts sharing the same bytes', () => overlappingBomb(3000), /share the same bytes/],
  ] as const;

  it.each(bombs)('refuses %s as a paper within a second and 100 MB, storing nothing', async (_what, make, message) => {
    const t = tempDir();
    const session = new Session(join(t.dir, 'data'), () => {}, { clock: testClock() });
    close = () => (session.close(), t.cleanup());
    await loadExample(session.store);
    const file = join(t.dir, 'Quarterly report.docx');
    writeFileSync(file, make());
    const before = storeBytesOnDisk(join(t.dir, 'data'));
    const call = createDispatcher(createHandlers(session, stubPlatform({ chooseOpenFile: async () => file })));
    const { value, ms, grewMb } = await measured(() => call('paper:import', { agendaItemId: 'agendaItem:next-4', replace: true }));
    expect(value).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(message) } });
    expect((value as { error: { message: string } }).error.message).toMatch(/^Quarterly report\.docx was not opened: .*ask for the document to be saved again from Word/);
    expect(ms).toBeLessThan(1000);
    expect(grewMb).toBeLessThan(100);
    expect(storeBytesOnDisk(join(t.dir, 'data')).equals(before)).toBe(true);
  });

  it.each(bombs)('refuses %s as a returned copy within a second and 100 MB', async (_what, make, message) => {
    const bytes = make();
    const { value, ms, grewMb } = await measured(() => {
      try {
        readReturnedCopy(bytes);
        return null;
      } catch (err) {
        return err as Error;
      }
    });
    expect(value?.message).toMatch(message);
    expect(ms).toBeLessThan(1000);
    expect(grewMb).toBeLessThan(100);
  });

  it('does not inflate a part of a returned copy that it never reads', async () => {
    const bytes = lyingBomb(100, 'customXml/item9.bin');
    const { value, ms } = await measured(() => readReturnedCopy(bytes));
    expect(value.items).toEqual([]);
    expect(ms).toBeLessThan(1000);
  });
});
