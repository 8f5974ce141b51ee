import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const child = resolve(import.meta.dirname, 'saverChild.ts');

export type Saver = {
  /** Update numbers the saver acknowledged, in order. */
  acks: number[];
  /** Resolves at its first acknowledged save. */
  firstSave: Promise<void>;
  /** Kills it with SIGKILL (as a crash would) and resolves with what it acknowledged. */
  kill(): Promise<number[]>;
};

/**
 * Starts the saver (saverChild.ts) on `dir` from update `start`: it saves as fast as it can until
 * killed. `env` is its whole environment (a clock of its own, say: see steppedClock.ts).
 */
export const startSaver = (dir: string, start: number, env: NodeJS.ProcessEnv = process.env): Saver => {
  const acks: number[] = [];
  const p = spawn(process.execPath, ['--import', 'tsx', child, dir, String(start)], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let buffer = '';
  let stderr = '';
  let saved!: () => void;
  const firstSave = new Promise<void>((r) => (saved = r));
  let killed = false;
  const exited = new Promise<number[]>((done, failed) =>
    p.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL' || !killed) failed(new Error(`the saver exited by itself: ${stderr}`));
      else done(acks);
    }),
  );
  p.stdout.on('data', (d: Buffer) => {
    buffer += d.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const l of lines) if (l.startsWith('ack ')) acks.push(Number(l.slice(4)));
    if (acks.length) saved();
  });
  p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return {
    acks,
    firstSave: Promise.race([firstSave, exited.then(() => undefined)]),
    kill: () => {
      killed = true;
      p.kill('SIGKILL');
      return exited;
    },
  };
};

/**
 * Runs the saver on `dir` from update `start` until it is killed with SIGKILL `killAfterMs` after
 * its first acknowledged save (so the kill lands among saves, not during start-up); returns the
 * update numbers it acknowledged. `whileSaving` runs after the first save, before the wait: the
 * saver goes on saving meanwhile.
 */
export const runAndKill = async (dir: string, start: number, killAfterMs: number, options: { env?: NodeJS.ProcessEnv; whileSaving?: () => Promise<void> } = {}): Promise<number[]> => {
  const saver = startSaver(dir, start, options.env);
  await saver.firstSave;
  try {
    await options.whileSaving?.();
    await new Promise((r) => setTimeout(r, killAfterMs));
  } finally {
    await saver.kill();
  }
  return saver.acks;
};

/**
 * Tries to open `dir` for writing from a second process (lockChild.ts), as a second copy of the
 * app would: resolves with what it said ("refused: …", or "locked …" if it got in, after which it
 * is killed so it holds nothing).
 */
export const secondOpener = (dir: string, env: NodeJS.ProcessEnv = process.env): Promise<string> =>
  new Promise((done, failed) => {
    const p = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'lockChild.ts'), dir], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!out.includes('\n')) return;
      if (out.startsWith('locked')) p.kill('SIGKILL');
      done(out.trim());
    });
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('exit', () => (out.includes('\n') ? undefined : failed(new Error(`the second opener said nothing: ${err}`))));
  });
