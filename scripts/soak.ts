/**
 * npm run soak [-- --kills 1000 --sizes 1,5,25]
 * Crash survival at scale: a writer saving as fast as it can is killed at random moments, over and
 * over, on stores of about 1, 5 and 25 MB. After every kill the store must load, its journal must
 * verify, and every save the writer acknowledged must be there. Prints a table; exits 1 on any loss.
 */
import { execFileSync } from 'node:child_process';
import { runAndKill } from '../test/integration/killer';
import { markdownTable } from './table';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir, hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { QuorumStore } from '../main/services/store/store';
import { listRecords } from '../shared/data';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { kills: { type: 'string', default: '1000' }, sizes: { type: 'string', default: '1,5,25' } } });
const sizes = values.sizes!.split(',').map(Number);
const killsPerSize = Math.ceil(Number(values.kills) / sizes.length);

const rows: string[][] = [];
let failures = 0;
for (const mb of sizes) {
  const dir = join(mkdtempSync(join(tmpdir(), 'quorum-soak-')), 'data');
  // About 0.46 MB of records a year of the generated partnership.
  execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/gen.ts'), '--years', String(Math.max(1, Math.round(mb / 0.46))), '--out', dir], { stdio: 'pipe', cwd: root });
  const bytes = statSync(join(dir, 'quorum.json')).size;
  const acked: number[] = [];
  let unparsable = 0;
  let lost = 0;
  const started = performance.now();
  for (let kill = 1; kill <= killsPerSize; kill++) {
    const start = acked.length ? Math.max(...acked) + 1 : 0;
    acked.push(...(await runAndKill(dir, start, 5 + Math.floor(Math.random() * 150))));
    const store = QuorumStore.open(dir, { user: 'soak', device: hostname(), mode: 'read' });
    const status = store.status();
    if (status.state !== 'ready' || !status.journal.ok) unparsable++;
    const texts = new Set(listRecords(store.data, 'actionUpdate').map((u) => u.text));
    lost = acked.filter((n) => !texts.has(`update ${n}`)).length;
    store.close();
    if (kill % 50 === 0) process.stderr.write(`  ${mb} MB: ${kill}/${killsPerSize} kills, ${acked.length} saves acknowledged, ${unparsable} unparsable, ${lost} lost\n`);
  }
  if (unparsable || lost) failures++;
  rows.push([`${(bytes / 1024 / 1024).toFixed(1)} MB`, String(killsPerSize), String(acked.length), String(unparsable), String(lost), `${Math.round((performance.now() - started) / 1000)} s`]);
  process.stderr.write(`  ${rows.at(-1)!.join(' · ')}\n`);
  rmSync(resolve(dir, '..'), { recursive: true, force: true });
}
const head = ['Store', 'Kills', 'Saves acknowledged', 'Unparsable stores', 'Acknowledged saves lost', 'Time'];
console.log(`\n${markdownTable(head, rows)}`);
process.exit(failures ? 1 : 0);
