import { QuorumFailure } from '../shared/result';
import { afterEach } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandContext } from '../shared/kernel/operation';
import { applyCommand } from '../shared/operations/apply';
import type { MutationName } from '../shared/operations';
import type { StoreData } from '../shared/data';
import { headlessPlatform, type Platform } from '../main/services/platform';
import { fixedClock, ukDateOf, type Clock } from '../shared/clock';
import type { StoreOptions } from '../main/services/store/store';
import { StoreOnDisk } from '../main/services/store/adapter';
import { CHANGE_LOG_FILE, STORE_FILE, type StoreFile } from '../main/services/store/format';
import { WAIT } from './waits';

/**
 * The instant every test runs at, whatever the machine's clock says (docs/ARCHITECTURE.md, time is an input).
 * The example partnership is dated from it, so expected dates follow from it too; .ci/run runs the
 * suite again under faketime a year ahead and at 00:30 BST to prove nothing reads the real clock.
 */
export const TEST_NOW = '2026-11-23T09:00:00.000Z';
export const TEST_TODAY = TEST_NOW.slice(0, 10);
export const testClock = (): Clock => fixedClock(TEST_NOW);

/** A fixed clock and counting ids, so command results are exact. */
export const fixedContext = (now = TEST_NOW): CommandContext => {
  let n = 0;
  return { ...fixedClock(now), user: 'joan', newId: (type) => `${type}:t${++n}` as never };
};

/**
 * The store as it stands on disk, byte for byte: the snapshot (quorum.json) and the change log of
 * saves since (main/services/store/adapter.ts). A refused change leaves both exactly as they were.
 */
export const storeBytesOnDisk = (dataDir: string): Buffer => {
  const read = (name: string) => (existsSync(join(dataDir, name)) ? readFileSync(join(dataDir, name)) : Buffer.alloc(0));
  return Buffer.concat([read(STORE_FILE), Buffer.from('\n-- change log --\n'), read(CHANGE_LOG_FILE)]);
};

/** What the data folder holds as saved (the snapshot with its change log replayed), as another process would read it. */
export const savedStore = (dataDir: string): StoreFile => {
  const file = new StoreOnDisk(dataDir).read();
  if (!file) throw new Error(`No readable store in ${dataDir}`);
  return file;
};

export const tempDir = (prefix = 'quorum-'): { dir: string; cleanup: () => void } => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
};

/** A desktop with no dialogs answered: every choose* cancels unless the test overrides it. */
export const stubPlatform = (overrides: Partial<Platform> = {}): Platform => headlessPlatform('t', overrides);

/** Runs `quorum …` in-process on the test date (QUORUM_TODAY), capturing what it prints, as a terminal would show it. */
export const runCli = async (...argv: string[]) => {
  const { main } = await import('../main/cli/quorum');
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { log: (s) => out.push(s), error: (s) => err.push(s) }, { ...process.env, QUORUM_TODAY: TEST_TODAY });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

/**
 * An example partnership in its own temp folder per call (`quorum example`), removed after each
 * test: for tests that drive the CLI.
 */
export const useExampleFolders = () => {
  let cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanups) c();
    cleanups = [];
  });
  return {
    example: async (): Promise<string> => {
      const t = tempDir();
      cleanups.push(t.cleanup);
      const r = await runCli('example', '--data', t.dir);
      if (r.code !== 0) throw new Error(`quorum example failed: ${r.err}`);
      return t.dir;
    },
    temp: () => {
      const t = tempDir();
      cleanups.push(t.cleanup);
      return t.dir;
    },
    onCleanup: (f: () => void) => cleanups.push(f),
  };
};

/** Runs commands one after another on `data`, as the store would (validate, apply, check records). */
export const commandSession = (data: StoreData) => {
  const ctx = fixedContext();
  const state = { data };
  const run = (name: MutationName, input: unknown) => {
    const r = applyCommand(state.data, name, input, ctx);
    state.data = r.data;
    return r.journal;
  };
  return { state, run };
};

/** The refusal an operation gives (a QuorumFailure), for asserting its words; fails the test when it was not refused. */
export const refused = (f: () => unknown): QuorumFailure => {
  try {
    f();
  } catch (e) {
    if (e instanceof QuorumFailure) return e;
    throw e;
  }
  throw new Error('not refused');
};

/**
 * Resolves once `moment` is among the moments a test writes down as they happen (a dialog the
 * test holds open while the app works); fails, naming it and `during`, within half the test's time.
 */
export const untilMoment = async <M>(moments: readonly M[], moment: M, during: string): Promise<void> => {
  const deadline = performance.now() + WAIT.test / 2;
  while (!moments.includes(moment)) {
    if (performance.now() > deadline) throw new Error(`${during}: no "${String(moment)}"`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** A store opened by Joan on her laptop, at the time `at` gives (a test may move it), with any other options. */
export const storeOptionsAt = (at: () => number, extra: Partial<StoreOptions> = {}): StoreOptions => ({
  user: 'joan',
  device: 'laptop-1',
  clock: { now: () => new Date(at()).toISOString(), today: () => ukDateOf(at()) },
  ...extra,
});
