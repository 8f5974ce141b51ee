/**
 * Team mode's speed (issue: Team mode on CouchDB), on localhost against pouchdb-server started
 * here: the first clone of ten years of records by a second officer (target ≤ 30 s), and how long
 * an edit by one officer takes to be visible in the other officer's copy with live sync running
 * (target ≤ 2 s). Run by `npm run bench`, or alone: `tsx scripts/benchTeam.ts [--years 10]`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { QuorumStore } from '../main/services/store/store';
import { TeamStore } from '../main/services/team/teamStore';
import { addTeamUser, initTeam } from '../main/services/team/server';
import type { NewRecord } from '../shared/data';
import { listRecords } from '../shared/data';
import { startCouchServer } from '../test/couchServer';
import { markdownTable } from './table';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const say = (line: string) => process.stderr.write(`  ${line}\n`);

export const benchTeam = async (opts: { root: string; scratch: string; years?: number; edits?: number }): Promise<string> => {
  const years = opts.years ?? 10;
  const data = join(opts.scratch, `team-generated-${years}`);
  execFileSync(process.execPath, ['--import', 'tsx', join(opts.root, 'scripts/gen.ts'), '--years', String(years), '--out', data], { stdio: 'inherit', cwd: opts.root });
  const solo = QuorumStore.open(data, { user: 'bench', device: 'bench', mode: 'read' });
  const records = Object.values(solo.data.records);
  solo.close();
  const server = await startCouchServer();
  try {
    const admin = { url: server.url, account: server.admin };
    await initTeam(admin, 'bench');
    for (const name of ['ann', 'bob']) await addTeamUser(admin, 'bench', { name, password: `${name}-Password-1`, roles: ['secretariat', 'part2'] });
    const open = (who: string) =>
      TeamStore.open({ dataDir: join(opts.scratch, `team-${who}`), remote: { url: server.url, user: who, password: `${who}-Password-1` }, partnership: 'bench', device: `${who}-laptop`, roles: ['secretariat', 'part2'] });

    say(`team: the first officer puts ${records.length} records (${years} years) on the server`);
    const ann = await open('ann');
    let t = performance.now();
    await ann.seed('team:promote', 'Bench partnership', records as unknown as NewRecord[]);
    const seeded = performance.now() - t;
    await ann.syncOnce();
    const promote = performance.now() - t;

    say('team: a second officer clones it');
    t = performance.now();
    const bob = await open('bob');
    await bob.syncOnce();
    const clone = performance.now() - t;
    const cloned = Object.keys(bob.data.records).length;
    if (cloned !== records.length) throw new Error(`The clone holds ${cloned} records, not ${records.length}`);
    const replicaBytes = (dir: string): number => {
      let n = 0;
      for (const f of execFileSync('find', [dir, '-type', 'f'], { encoding: 'utf8' }).split('\n').filter(Boolean)) n += statSync(f).size;
      return n;
    };
    const onDisk = replicaBytes(join(opts.scratch, 'team-bob', 'replica'));

    say('team: live edits from one officer to the other');
    ann.startSync();
    bob.startSync();
    const items = listRecords(ann.data, 'agendaItem').filter((i) => {
      const m = ann.data.records[i.meetingId];
      return m?.type === 'meeting' && m.status === 'held';
    });
    const waits: number[] = [];
    const edits = opts.edits ?? 15;
    for (let i = 0; i < edits; i++) {
      const item = items[i % items.length];
      const text = `Bench minute ${i}, ${performance.now()}`;
      await new Promise((r) => setTimeout(r, 300));
      t = performance.now();
      await ann.run('minutes:update', { agendaItemId: item.id, minutes: text });
      for (;;) {
        const there = bob.data.records[item.id];
        if (there?.type === 'agendaItem' && there.minutes === text) break;
        // Measured, not timed out: a busy machine may be slow; only an edit lost for ten minutes stops the bench.
        if (performance.now() - t > 600_000) throw new Error('An edit did not reach the other officer in ten minutes');
        await new Promise((r) => setTimeout(r, 5));
      }
      waits.push(performance.now() - t);
    }
    await ann.close();
    await bob.close();
    const p50 = pct(waits, 50);
    const worst = Math.max(...waits);
    return markdownTable(
      ['Measure', 'Figure', 'Target', ''],
      [
        [`First officer puts ${years} years (${records.length} records) on the server: into their replica, then pushed`, `${secs(seeded)} + ${secs(promote - seeded)}`, '', ''],
        [`Second officer's first clone of ${years} years (${cloned} records, ${(onDisk / 1024 / 1024).toFixed(0)} MB replica)`, secs(clone), '≤ 30 s', clone <= 30_000 ? 'met' : 'MISSED'],
        [`An edit visible to the other officer, live sync (${edits} edits: median, slowest)`, `${secs(p50)}, ${secs(worst)}`, '≤ 2 s', worst <= 2_000 ? 'met' : 'MISSED'],
      ],
    );
  } finally {
    await server.stop();
  }
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { years: { type: 'string', default: '10' } } });
  const root = resolve(import.meta.dirname, '..');
  const scratch = mkdtempSync(join(tmpdir(), 'quorum-bench-team-'));
  try {
    console.log('\nTeam mode on localhost (pouchdb-server):');
    console.log(await benchTeam({ root, scratch, years: Number(values.years) }));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
