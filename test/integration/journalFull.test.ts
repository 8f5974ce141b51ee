import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * A disk that fills while the journal is written: the write takes part of the line and the rest
 * is refused. Injected into the real store's writes to journal.jsonl (and nothing else), through
 * node:fs, as a full disk does it: a short count, then ENOSPC.
 */
const disk = vi.hoisted(() => ({ full: false }));
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const writeSync = ((fd: number, buffer: Uint8Array, offset?: number, length?: number, position?: number) => {
    const journal = (() => {
      try {
        return fs.readlinkSync(`/proc/self/fd/${fd}`).endsWith('journal.jsonl');
      } catch {
        return false;
      }
    })();
    if (disk.full && journal && typeof buffer !== 'string') {
      const want = length ?? buffer.length - (offset ?? 0);
      if (want <= 1) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      // Half the line goes out; the disk then has no room for the rest.
      return fs.writeSync(fd, buffer, offset ?? 0, Math.floor(want / 2), position);
    }
    return (fs.writeSync as (...a: unknown[]) => number)(fd, buffer, offset, length, position);
  }) as typeof fs.writeSync;
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

const { QuorumStore } = await import('../../main/services/store/store');
const { loadExample } = await import('../../main/services/example');
const { readJournal } = await import('../../main/services/store/journal');
const { tempDir } = await import('../helpers');

let cleanup = () => {};
afterEach(() => {
  disk.full = false;
  cleanup();
});

describe('a full disk while the journal is written', () => {
  it('leaves no half line: the save stands, the journal is completed once there is room, and its notice then goes', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const store = QuorumStore.open(t.dir, { user: 'officer', device: 'laptop' });
    await loadExample(store);
    await store.run('actions:addUpdate', { actionId: 'action:re-referrals', text: 'before the disk filled', status: 'in-progress' });
    const journal = join(t.dir, 'journal.jsonl');
    const before = readFileSync(journal);

    disk.full = true;
    const saved = await store.run('actions:addUpdate', { actionId: 'action:re-referrals', text: 'while the disk was full', status: 'in-progress' });
    expect(saved.seq).toBe(readJournal(journal).head.seq + 1);
    // Not a byte of the half line is left behind.
    expect(readFileSync(journal).equals(before)).toBe(true);
    expect(readJournal(journal).check).toMatchObject({ ok: true });
    expect(store.status().notices).toContain('The journal could not be written; it will be completed at the next save or start.');

    disk.full = false;
    const after = await store.run('actions:addUpdate', { actionId: 'action:re-referrals', text: 'after room was made', status: 'in-progress' });
    const read = readJournal(journal);
    expect(read.check).toMatchObject({ ok: true });
    expect(read.head.seq).toBe(after.seq);
    expect(store.status().notices.filter((n) => n.startsWith('The journal could not be written'))).toEqual([]);
    store.close();

    // Reopened, the journal verifies to the last save.
    const again = QuorumStore.open(t.dir, { user: 'officer', device: 'laptop' });
    expect(again.status()).toMatchObject({ journal: { ok: true, entries: after.seq } });
    again.close();
  });
});
