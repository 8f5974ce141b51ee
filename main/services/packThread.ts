import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PackProgress, WritePackInput } from '../../shared/pack/build';
import type { PackModel } from '../../shared/pack/model';
import type { Token } from 'marked';
import { QuorumFailure, type ErrorCode } from '../../shared/result';
import { nativeCompressor } from './nativeZip';

/**
 * The assembled pack and what writing it needs: the worker is never sent the store. `tokens`: the
 * pre-flight's reading of the pack's Markdown (text and marked's tokens), so the worker does not
 * read it again (copying the tokens across costs less than lexing them).
 */
export type PackJob = { model: PackModel; input: Omit<WritePackInput, 'onProgress' | 'compressor'>; tokens?: [string, readonly Token[]][] };
export type PackWorkerMessage =
  | { kind: 'progress'; done: number; total: number; label: string }
  | { kind: 'done'; bytes: Uint8Array }
  | { kind: 'failed'; message: string; code?: string };

/** Beside the bundled app.js, cli.js and their shared chunks (out/main/); absent when running from source (the unit tests). */
export const defaultPackWorker = (): string | null => {
  const file = fileURLToPath(new URL('./packWorker.js', import.meta.url));
  return existsSync(file) ? file : null;
};

/** A pack builder started ahead of its job, so its thread loads the Word writer while this one checks the pack. */
export type PackBuilder = {
  /** Where the pack is laid out: a worker thread (the app and the CLI), or this one (from source). */
  readonly thread: 'worker' | 'caller';
  build(job: PackJob, onProgress?: PackProgress): Promise<Uint8Array>;
  /** Stops the thread when no pack will be built after all (the pre-flight refused). */
  stop(): void;
};

/**
 * Starts the pack builder's thread now. Without a built worker (tests run from source) the pack
 * is built in this thread, yielding between parts, and the Word writer (docx) is loaded only then.
 */
export const startPackBuilder = (workerFile: string | null = defaultPackWorker()): PackBuilder => {
  if (!workerFile)
    return {
      thread: 'caller',
      build: (job, onProgress = () => {}) => import('../../shared/pack/build').then(({ writePack }) => writePack(job.model, { ...job.input, compressor: nativeCompressor, onProgress })).then((b) => b.bytes),
      stop: () => {},
    };
  const worker = new Worker(workerFile);
  let failure: QuorumFailure | undefined;
  let waiting: { resolve(bytes: Uint8Array): void; reject(err: QuorumFailure): void; onProgress: PackProgress } | undefined;
  let settled = false;
  let stopped = false;
  const settle = (result: Uint8Array | QuorumFailure) => {
    if (settled) return;
    settled = true;
    void worker.terminate();
    if (result instanceof QuorumFailure) {
      failure = result;
      waiting?.reject(result);
    } else waiting?.resolve(result);
  };
  worker.on('message', (m: PackWorkerMessage) => {
    if (m.kind === 'progress') waiting?.onProgress(m.done, m.total, m.label);
    else if (m.kind === 'done') settle(m.bytes);
    else settle(new QuorumFailure((m.code as ErrorCode) ?? 'internal', m.message));
  });
  worker.on('error', (err) => settle(new QuorumFailure('internal', `The pack builder stopped: ${err.message}`)));
  worker.on('exit', (code) => settle(new QuorumFailure('internal', `The pack builder stopped unexpectedly (exit ${code})`)));
  return {
    thread: 'worker',
    build: (job, onProgress = () => {}) =>
      new Promise<Uint8Array>((resolve, reject) => {
        if (failure) return reject(failure);
        if (stopped) return reject(new QuorumFailure('internal', 'The pack builder was stopped before it was given a pack'));
        if (settled || waiting) return reject(new QuorumFailure('internal', 'This pack builder has already been used'));
        waiting = { resolve, reject, onProgress };
        worker.postMessage(job);
      }),
    stop: () => {
      if (!settled) stopped = true;
      settled = true;
      void worker.terminate();
    },
  };
};

/** Builds the pack on a worker thread (started now), relaying its progress. */
export const buildPackOffThread = (job: PackJob, onProgress: PackProgress = () => {}, workerFile: string | null = defaultPackWorker()): Promise<Uint8Array> =>
  startPackBuilder(workerFile).build(job, onProgress);
