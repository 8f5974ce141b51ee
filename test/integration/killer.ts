import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const child = resolve(import.meta.dirname, 'saverChild.ts');

/**
 * Runs the saver (saverChild.ts) on `dir` from update `start` until it is killed with SIGKILL
 * `killAfterMs` after its first acknowledged save; returns the update numbers it acknowledged.
 */
export const runAndKill = (dir: string, start: number, killAfterMs: number): Promise<number[]> =>
  new Promise((done, failed) => {
    const acks: number[] = [];
    const p = spawn(process.execPath, ['--import', 'tsx', child, dir, String(start)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buffer = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    p.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const l of lines) if (l.startsWith('ack ')) acks.push(Number(l.slice(4)));
      // Start the clock at the first save, so the kill lands among saves, not during start-up.
      timer ??= setTimeout(() => p.kill('SIGKILL'), killAfterMs);
    });
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') failed(new Error(`the saver exited by itself: ${stderr}`));
      else done(acks);
    });
  });
