import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamStore } from '../../main/services/team/teamStore';
import { startTeam, teamRecords, type Team } from './teamFixture';
import { WAIT } from '../waits';

/**
 * kill -9 during replication loses nothing acknowledged: an officer's app saving and syncing at
 * full speed is killed at random moments; each time, every save it acknowledged is in its replica
 * when it starts again, and reaches another officer once it syncs.
 */
let team: Team;
const child = resolve(import.meta.dirname, 'replicaChild.ts');

const runUntilKilled = (dir: string, start: number, killAfterMs: number) =>
  new Promise<number[]>((done, failed) => {
    const acks: number[] = [];
    let stderr = '';
    let buffer = '';
    const p = spawn(process.execPath, ['--import', 'tsx', child, dir, team.server.url, String(start)], { stdio: ['ignore', 'pipe', 'pipe'] });
    p.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const l of lines) if (l.startsWith('ack ')) acks.push(Number(l.slice(4)));
    });
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let killed = false;
    p.on('exit', (_code, signal) => (killed && signal === 'SIGKILL' ? done(acks) : failed(new Error(`the officer's app stopped by itself: ${stderr}`))));
    // Kill a while after the first acknowledged save, so replication is running.
    const timer = setInterval(() => {
      if (acks.length === 0) return;
      clearInterval(timer);
      setTimeout(() => {
        killed = true;
        p.kill('SIGKILL');
      }, killAfterMs);
    }, 20);
  });

const updatesIn = (s: TeamStore) =>
  new Set(Object.values(s.data.records).flatMap((r) => (r.type === 'actionUpdate' && r.text.startsWith('kill test update ') ? [Number(r.text.slice('kill test update '.length))] : [])));

beforeAll(async () => {
  team = await startTeam();
  const ann = await team.open('ann');
  await ann.seed('example:load', 'Set up Westbury', teamRecords().records);
  await ann.syncOnce();
  await ann.close();
}, WAIT.processes);
afterAll(async () => {
  await team?.stop();
});

describe('kill -9 during replication', () => {
  it('loses no acknowledged save, locally or on its way to the server', async () => {
    const acked: number[] = [];
    for (const [round, killAfterMs] of [150, 400, 50, 700, 250].entries()) {
      const acks = await runUntilKilled(team.folder('ann'), round * 100_000, killAfterMs);
      expect(acks.length, `round ${round} saved something`).toBeGreaterThan(0);
      acked.push(...acks);
    }
    const ann = await team.open('ann');
    const local = updatesIn(ann);
    expect(acked.filter((n) => !local.has(n))).toEqual([]);
    await ann.syncOnce();
    const bob = await team.open('bob');
    await bob.syncOnce();
    const received = updatesIn(bob);
    expect(acked.filter((n) => !received.has(n))).toEqual([]);
    // Each device's journal chain is unbroken: one entry per save, numbered without gaps.
    const seqs = ann.journalEntries(100_000).filter((e) => e.device === 'ann-laptop').map((e) => e.seq).sort((a, b) => a - b);
    expect(seqs.filter((s, i) => s !== i + 1).slice(0, 5), String(seqs.slice(0, 12))).toEqual([]);
    expect(ann.status().journal).toMatchObject({ ok: true });
    expect(bob.status().journal).toMatchObject({ ok: true });
    console.log(`kill -9 during sync: ${acked.length} acknowledged saves over 5 kills, all present after restart and on another officer's machine`);
  }, WAIT.processes);
});
