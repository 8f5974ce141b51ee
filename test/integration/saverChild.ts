/**
 * Child process for the crash test: loads the example, then adds action updates as fast as it
 * can, printing "ack N" only after each save has returned. The parent kills it at random.
 */
import { hostname } from 'node:os';
import { QuorumStore } from '../../main/services/store/store';
import { loadExample } from '../../main/services/example';

const dir = process.argv[2];
const start = Number(process.argv[3] ?? 0);
const store = QuorumStore.open(dir, { user: 'crash-test', device: hostname(), backupEveryMs: 50 });
if (store.status().state === 'empty') await loadExample(store);
for (let i = start; ; i++) {
  await store.run('actions:addUpdate', { actionId: 'action:re-referrals', text: `update ${i}`, status: 'in-progress' });
  process.stdout.write(`ack ${i}\n`);
}
