import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A wall clock that can be stepped while a process runs, as NTP or a VM host steps a real one:
 * Debian's libfaketime, preloaded, reads its offset from a file on every call (FAKETIME_NO_CACHE),
 * so `step('-5m')` moves the clock of every process started with `env` at once. Monotonic time is
 * left alone, as a real clock step leaves it.
 */
const LIBRARY = ['/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1', '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1', '/usr/lib/faketime/libfaketime.so.1'].find(existsSync);

export const steppedClock = () => {
  if (!LIBRARY) throw new Error('A stepped clock needs libfaketime: apt-get install -y --no-install-recommends faketime');
  const file = join(mkdtempSync(join(tmpdir(), 'quorum-clock-')), 'offset');
  const step = (offset: string) => writeFileSync(file, `${offset}\n`);
  step('+0');
  // A whole environment: this process's, less any faketime it runs under itself (npm run
  // test:any-date), whose own FAKETIME would win over the file, plus the stepped clock.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k, v]) => !/^FAKETIME/.test(k) && !(k === 'LD_PRELOAD' && /faketime/.test(v ?? ''))));
  return {
    env: { ...inherited, LD_PRELOAD: LIBRARY, FAKETIME_TIMESTAMP_FILE: file, FAKETIME_NO_CACHE: '1', FAKETIME_DONT_FAKE_MONOTONIC: '1' } as NodeJS.ProcessEnv,
    /** Steps the clock to `offset` from the true time: '+5m', '-5m', '+0'. */
    step,
  };
};
