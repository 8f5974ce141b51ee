/**
 * Child process for the crash test: loads the example, then adds action updates as fast as it
 * can, printing "ack N" only after each save has returned, folding the change log into the
 * snapshot every few saves. The parent kills it at random.
 */
import { hostname } from 'node:os';
import { QuorumStore } from '../../main/services/store/store';
import { loadExample } from '../../main/services/example';

const dir = process.argv[2];
const start = Number(process.argv[3] ?? 0);
// Checkpoints every 7 saves, so kills land in them too (writing the snapshot, emptying the log).
const store = QuorumStore.open(dir, { user: 'crash-test', device: hostname(), backupEveryMs: 50, checkpointEvery: 7 });
if (store.status().state === 'empty') await loadExample(store);
for (let i = start; ; i++) {
  await store.run('actions:addUpdate', { actionId: 'action:re-referrals', text: `update ${i}`, status: 'in-progress' });
  process.stdout.write(`ack ${i}\n`);
}
