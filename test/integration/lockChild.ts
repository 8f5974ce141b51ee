/**
 * Child process for the lock tests: opens the data folder as the app does and says whether it got
 * it ("locked", then holds it until killed) or was refused ("refused: …", then exits). Run under
 * faketime to show a clock step does not let a second writer in.
 */
import { hostname } from 'node:os';
import { QuorumStore } from '../../main/services/store/store';

const dir = process.argv[2];
try {
  const store = QuorumStore.open(dir, { user: 'lock-test', device: hostname() });
  process.stdout.write(`locked ${store.status().state}\n`);
  setInterval(() => {}, 60_000);
} catch (err) {
  process.stdout.write(`refused: ${(err as Error).message}\n`);
  process.exit(0);
}
