import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PackProgress, WritePackInput } from '../../shared/pack/build';
import type { PackModel } from '../../shared/pack/model';
import { QuorumFailure, type ErrorCode } from '../../shared/result';
import { nativeCompressor } from './nativeZip';

/** The assembled pack and what writing it needs: the worker is never sent the store. */
export type PackJob = { model: PackModel; input: Omit<WritePackInput, 'onProgress' | 'compressor'> };
export type PackWorkerMessage =
  | { kind: 'progress'; done: number; total: number; label: string }
  | { kind: 'done'; bytes: Uint8Array }
  | { kind: 'failed'; message: string; code?: string };

/** Beside the bundled app.js, cli.js and their shared chunks (out/main/); absent when running from source (the unit tests). */
export const defaultPackWorker = (): string | null => {
  const file = fileURLToPath(new URL('./packWorker.js', import.meta.url));
  return existsSync(file) ? file : null;
};

/**
 * Builds the pack on a worker thread, relaying its progress. Without a built worker (tests run
 * from source) it builds in this thread, yielding between parts.
 */
export const buildPackOffThread = (job: PackJob, onProgress: PackProgress = () => {}, workerFile: string | null = defaultPackWorker()): Promise<Uint8Array> => {
  // In this thread only when running from source; the Word writer (docx) is then loaded here, not at every start.
  if (!workerFile) return import('../../shared/pack/build').then(({ writePack }) => writePack(job.model, { ...job.input, compressor: nativeCompressor, onProgress })).then((b) => b.bytes);
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile);
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
      void worker.terminate();
    };
    worker.on('message', (m: PackWorkerMessage) => {
      if (m.kind === 'progress') onProgress(m.done, m.total, m.label);
      else if (m.kind === 'done') settle(() => resolve(m.bytes));
      else settle(() => reject(new QuorumFailure((m.code as ErrorCode) ?? 'internal', m.message)));
    });
    worker.on('error', (err) => settle(() => reject(new QuorumFailure('internal', `The pack builder stopped: ${err.message}`))));
    worker.on('exit', (code) => settle(() => reject(new QuorumFailure('internal', `The pack builder stopped unexpectedly (exit ${code})`))));
    worker.postMessage(job);
  });
};
