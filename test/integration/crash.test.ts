import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { QuorumStore } from '../../main/services/store/store';
import { listRecords } from '../../shared/data';
import { tempDir } from '../helpers';

const child = resolve(import.meta.dirname, 'saverChild.ts');

/** Runs the saver until killed after `killAfterMs`; returns the acknowledged update numbers. */
const runAndKill = (dir: string, start: number, killAfterMs: number): Promise<number[]> =>
  new Promise((done, failed) => {
    const acks: number[] = [];
    const p = spawn(process.execPath, ['--import', 'tsx', child, dir, String(start)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buffer = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    p.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const l of lines) if (l.startsWith('ack ')) acks.push(Number(l.slice(4)));
      // Start the clock at the first save, so the kill lands among saves, not during start-up.
      timer ??= setTimeout(() => p.kill('SIGKILL'), killAfterMs);
    });
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') failed(new Error(`saver exited by itself: ${stderr}`));
      else done(acks);
    });
  });

describe('a writer killed at random during saves', () => {
  it('leaves a store that loads with every acknowledged write (200+ saves)', { timeout: 180_000 }, async () => {
    const { dir, cleanup } = tempDir('quorum-crash-');
    try {
      const acked: number[] = [];
      let kills = 0;
      while (acked.length < 200 || kills < 25) {
        const start = acked.length ? Math.max(...acked) + 1 : 0;
        acked.push(...(await runAndKill(dir, start, 5 + Math.floor(Math.random() * 120))));
        kills++;
        const store = QuorumStore.open(dir, { user: 'check', device: hostname(), mode: 'read' });
        const status = store.status();
        expect(status.state).toBe('ready');
        expect(status.journal.ok, status.journal.problem).toBe(true);
        const texts = new Set(listRecords(store.data, 'actionUpdate').map((u) => u.text));
        const lost = acked.filter((n) => !texts.has(`update ${n}`));
        expect(lost, `lost after kill ${kills}`).toEqual([]);
        store.close();
      }
      // Reopen for writing: the dead writer's lock is taken over and the journal reconciled.
      const store = QuorumStore.open(dir, { user: 'check', device: hostname() });
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

  it('survives the same on a generated megabyte store (the short version of npm run soak)', { timeout: 180_000 }, async () => {
    const { dir, cleanup } = tempDir('quorum-crash-big-');
    try {
      const seed = QuorumStore.open(dir, { user: 'soak', device: hostname() });
      await seed.run('example.generate', { years: 2, seed: 7 });
      seed.close();
      expect(statSync(join(dir, 'quorum.json')).size).toBeGreaterThan(900_000);
      const acked: number[] = [];
      for (let kill = 1; kill <= 10; kill++) {
        const start = acked.length ? Math.max(...acked) + 1 : 0;
        acked.push(...(await runAndKill(dir, start, 5 + Math.floor(Math.random() * 150))));
        const store = QuorumStore.open(dir, { user: 'check', device: hostname(), mode: 'read' });
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
});
