/**
 * npm run soak [-- --kills 1000 --years 2,10,40 --clock-step 5]
 * Crash survival at scale: a writer saving as fast as it can (folding its change log into
 * quorum.json every few saves) is killed at random moments, over and over, on stores of 2, 10
 * and 40 years of a busy partnership (about 1, 5 and 18 MB). After every kill the store must load,
 * its whole journal must verify, and every save the writer acknowledged must be there.
 *
 * The writer's wall clock is stepped while it saves, as NTP or a VM host steps a real one: by
 * --clock-step minutes forward or back, alternately (0 leaves the clock alone). Every fifth round
 * a second copy of Quorum, on the stepped clock, tries to open the folder while the writer holds
 * it, and must be refused: a second writer would overwrite acknowledged saves.
 * Prints a table; exits 1 on any loss or any second writer let in.
 */
import { execFileSync } from 'node:child_process';
import { runAndKill, secondOpener } from '../test/integration/killer';
import { steppedClock } from '../test/integration/steppedClock';
import { markdownTable } from './table';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir, hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { QuorumStore } from '../main/services/store/store';
import { listRecords } from '../shared/data';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { kills: { type: 'string', default: '1000' }, years: { type: 'string', default: '2,10,40' }, 'clock-step': { type: 'string', default: '5' } } });
const stepMinutes = Number(values['clock-step']);
const clock = stepMinutes ? steppedClock() : undefined;
// The offsets the writer's clock moves between: now, ahead, behind, and round again.
const offsets = ['+0', `+${stepMinutes}m`, `-${stepMinutes}m`];
const sizes = values.years!.split(',').map(Number);
const killsPerSize = Math.ceil(Number(values.kills) / sizes.length);

const rows: string[][] = [];
let failures = 0;
for (const years of sizes) {
  const dir = join(mkdtempSync(join(tmpdir(), 'quorum-soak-')), 'data');
  execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/gen.ts'), '--years', String(years), '--out', dir], { stdio: 'pipe', cwd: root });
  const bytes = statSync(join(dir, 'quorum.json')).size;
  const acked: number[] = [];
  let unparsable = 0;
  let lost = 0;
  let secondWriters = 0;
  let clockSteps = 0;
  const started = performance.now();
  for (let kill = 1; kill <= killsPerSize; kill++) {
    const start = acked.length ? Math.max(...acked) + 1 : 0;
    clock?.step(offsets[kill % 3]);
    const whileSaving = async () => {
      if (!clock) return;
      clock.step(offsets[(kill + 1) % 3]);
      clockSteps++;
      if (kill % 5 === 0 && !(await secondOpener(dir, clock.env)).startsWith('refused: This data folder is already open in another Quorum')) secondWriters++;
    };
    acked.push(...(await runAndKill(dir, start, 5 + Math.floor(Math.random() * 150), { env: clock?.env, whileSaving })));
    const store = QuorumStore.open(dir, { user: 'soak', device: hostname(), mode: 'read', journalCheck: 'full' });
    const status = store.status();
    if (status.state !== 'ready' || !status.journal.ok) unparsable++;
    const texts = new Set(listRecords(store.data, 'actionUpdate').map((u) => u.text));
    lost = acked.filter((n) => !texts.has(`update ${n}`)).length;
    store.close();
    if (kill % 50 === 0) process.stderr.write(`  ${years} years: ${kill}/${killsPerSize} kills, ${acked.length} saves acknowledged, ${unparsable} unparsable, ${lost} lost, ${secondWriters} second writers let in\n`);
  }
  if (unparsable || lost || secondWriters) failures++;
  rows.push([`${years} years, ${(bytes / 1024 / 1024).toFixed(1)} MB`, String(killsPerSize), String(clockSteps), String(acked.length), String(unparsable), String(lost), String(secondWriters), `${Math.round((performance.now() - started) / 1000)} s`]);
  process.stderr.write(`  ${rows.at(-1)!.join(' · ')}\n`);
  rmSync(resolve(dir, '..'), { recursive: true, force: true });
}
const head = ['Store', 'Kills', `Clock steps of ${stepMinutes} min while saving`, 'Saves acknowledged', 'Unparsable stores', 'Acknowledged saves lost', 'Second writers let in', 'Time'];
console.log(`\n${markdownTable(head, rows)}`);
process.exit(failures ? 1 : 0);
