import { afterEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandContext } from '../shared/commands/context';
import { applyCommand } from '../shared/commands/apply';
import type { StoreData } from '../shared/data';
import type { Platform } from '../main/services/platform';

/** A fixed clock and counting ids, so command results are exact. */
export const fixedContext = (now = '2026-11-23T09:00:00.000Z'): CommandContext => {
  let n = 0;
  return { now: () => now, user: 'joan', newId: (type) => `${type}:t${++n}` as never };
};

export const tempDir = (prefix = 'quorum-'): { dir: string; cleanup: () => void } => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
};

/** A desktop with no dialogs answered: every choose* cancels unless the test overrides it. */
export const stubPlatform = (overrides: Partial<Platform> = {}): Platform => ({
  appVersion: 't',
  chooseFolder: async () => null,
  openExternal: async () => {},
  rememberDataDir: () => {},
  chooseSaveFile: async () => null,
  chooseOpenFile: async () => null,
  openPath: async () => {},
  showInFolder: () => {},
  ...overrides,
});

/** Runs `quorum …` in-process, capturing what it prints, as a terminal would show it. */
export const runCli = async (...argv: string[]) => {
  const { main } = await import('../main/cli/quorum');
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { log: (s) => out.push(s), error: (s) => err.push(s) });
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
  const run = (name: string, input: unknown) => {
    const r = applyCommand(state.data, name, input, ctx);
    state.data = r.data;
    return r.journal;
  };
  return { state, run };
};
