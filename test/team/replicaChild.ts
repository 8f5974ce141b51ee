/**
 * Child process for the kill -9 test: an officer's app with live sync running, adding action
 * updates as fast as it can and printing "ack N" only after each save has returned. The parent
 * kills it with SIGKILL while replication is under way.
 */
import { TeamStore } from '../../main/services/team/teamStore';

const [dir, url, start] = process.argv.slice(2);
const store = await TeamStore.open({ dataDir: dir, remote: { url, user: 'ann', password: 'ann-Password-1' }, partnership: 'westbury', device: 'ann-laptop', roles: ['secretariat', 'part2'] });
store.startSync();
for (let i = Number(start); ; i++) {
  await store.run('actions:addUpdate', { actionId: 'action:held-0', text: `kill test update ${i}`, status: 'in-progress' });
  process.stdout.write(`ack ${i}\n`);
}
