import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { QuorumStore } from '../../main/services/store/store';
import { listRecords } from '../../shared/data';
import { tempDir, testClock } from '../helpers';
import { runAndKill, startSaver } from './killer';
import { checkStore } from '../../main/cli/check';
import { loadGenerated } from '../../main/services/example';
import { WAIT } from '../waits';

describe('a writer killed at random during saves', () => {
  it('leaves a store that loads with every acknowledged write (200+ saves)', { timeout: WAIT.processes }, async () => {
    const { dir, cleanup } = tempDir('quorum-crash-');
    try {
      const acked: number[] = [];
      let kills = 0;
      while (acked.length < 200 || kills < 25) {
        const start = acked.length ? Math.max(...acked) + 1 : 0;
        acked.push(...(await runAndKill(dir, start, 5 + Math.floor(Math.random() * 120))));
        kills++;
        const store = QuorumStore.open(dir, { user: 'check', device: hostname(), mode: 'read', clock: testClock() });
        const status = store.status();
        expect(status.state).toBe('ready');
        expect(status.journal.ok, status.journal.problem).toBe(true);
        const texts = new Set(listRecords(store.data, 'actionUpdate').map((u) => u.text));
        const lost = acked.filter((n) => !texts.has(`update ${n}`));
        expect(lost, `lost after kill ${kills}`).toEqual([]);
        store.close();
      }
      // Reopen for writing: the dead writer's lock is taken over and the journal reconciled.
      const store = QuorumStore.open(dir, { user: 'check', device: hostname(), clock: testClock() });
      expect(store.status().journal.ok).toBe(true);
      store.close();
      expect(kills).toBeGreaterThanOrEqual(25);
      // Temp files orphaned by kills mid-write are swept when a writer opens the folder.
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(existsSync(join(dir, 'quarantine'))).toBe(false);
    } finally {
      cleanup();
    }
  });

  it('survives the same on a generated megabyte store (the short version of npm run soak)', { timeout: WAIT.processes }, async () => {
    const { dir, cleanup } = tempDir('quorum-crash-big-');
    try {
      const seed = QuorumStore.open(dir, { user: 'soak', device: hostname(), clock: testClock() });
      await loadGenerated(seed, 2, 7);
      seed.close();
      expect(statSync(join(dir, 'quorum.json')).size).toBeGreaterThan(900_000);
      const acked: number[] = [];
      for (let kill = 1; kill <= 10; kill++) {
        const start = acked.length ? Math.max(...acked) + 1 : 0;
        acked.push(...(await runAndKill(dir, start, 5 + Math.floor(Math.random() * 150))));
        const store = QuorumStore.open(dir, { user: 'check', device: hostname(), mode: 'read', clock: testClock() });
        expect(store.status()).toMatchObject({ state: 'ready', journal: { ok: true } });
        const texts = new Set(listRecords(store.data, 'actionUpdate').map((u) => u.text));
        expect(acked.filter((n) => !texts.has(`update ${n}`)), `lost after kill ${kill}`).toEqual([]);
        store.close();
      }
      expect(acked.length).toBeGreaterThan(10);
    } finally {
      cleanup();
    }
  });

  /**
   * What `quorum check` does (open read-only, verify the store and journal, no lock taken), again
   * and again beside a saver until both have done `times`; `lockedAs`, once the saver has saved,
   * rewrites its lock as another holder writes it.
   */
  const checkBesideSaver = async (name: string, times: number, lockedAs?: Record<string, unknown>) => {
    const { dir, cleanup } = tempDir(name);
    const saver = startSaver(dir, 0);
    try {
      await saver.firstSave;
      if (lockedAs) writeFileSync(join(dir, 'quorum.lock'), JSON.stringify(lockedAs));
      let checks = 0;
      while (saver.acks.length < times || checks < times) {
        const store = QuorumStore.open(dir, { user: 'check', device: hostname(), mode: 'read', clock: testClock() });
        const report = checkStore(store, testClock().today());
        store.close();
        checks++;
        expect(report.journal.ok, `check ${checks} after ${saver.acks.length} saves: ${JSON.stringify(report.journal)}`).toBe(true);
        await new Promise((r) => setImmediate(r));
      }
      expect(saver.acks.length).toBeGreaterThanOrEqual(times);
    } finally {
      await saver.kill().catch(() => []);
      cleanup();
    }
  };

  it('never looks tampered with to quorum check reading beside it during 200 saves', { timeout: WAIT.processes }, () => checkBesideSaver('quorum-check-beside-', 200));

  it('never looks like an older copy put back to quorum check reading beside another computer’s saves (a shared drive: the writer’s process cannot be seen)', { timeout: WAIT.processes }, () =>
    // The writer's lock as another computer's Quorum writes it: this reader cannot see that process, only its saves.
    checkBesideSaver('quorum-check-beside-other-', 150, { host: 'COUNCIL-PC-0417', pid: 999_999, bootId: 'another-machine', since: '2026-11-20T08:00:00.000Z' }));
});
