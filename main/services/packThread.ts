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
export type PackJob = {
  model: PackModel;
  input: Omit<WritePackInput, 'onProgress' | 'compressor'>;
  tokens?: [string, readonly Token[]][];
  /** What the pack was assembled from (packKey): a kept builder that laid out the same ahead of time stamps that. */
  key?: string;
};
/** What the worker is asked: to build a pack, or to lay one out ahead of Build. */
export type PackWorkerRequest = { kind: 'build'; job: PackJob } | { kind: 'prepare'; key: string; job: PackJob };
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
        worker.postMessage({ kind: 'build', job } satisfies PackWorkerRequest);
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

/**
 * The app's pack builder, kept running between builds: a worker thread that has loaded the Word
 * writer and keeps the papers it has read, so a pack built again after a change reads only the
 * paper that changed. `prepare` gives it the pack to lay out while the officer reads the
 * pre-flight; `builder` is a PackBuilder for one build on it. A worker that stops (a
 * build that failed badly) is started afresh for the next build. Without a built worker (tests
 * from source) each build runs on this thread, as startPackBuilder(null).
 */
export type KeptPackBuilder = {
  /** Lays the pack out ahead of Build, all but its build time; a build with the same key only stamps and zips it. */
  prepare(key: string, job: Omit<PackJob, 'key' | 'input'> & { input: Omit<PackJob['input'], 'builtAt'> }): void;
  builder(): PackBuilder;
  close(): void;
};

export const keptPackBuilder = (workerFile: string | null = defaultPackWorker()): KeptPackBuilder => {
  if (!workerFile) return { prepare: () => {}, builder: () => startPackBuilder(null), close: () => {} };
  let worker: Worker | undefined;
  /** Texts the running worker has been given, so each is sent (and read) once. */
  let given = new Set<string>();
  let givenChars = 0;
  let current: { resolve(bytes: Uint8Array): void; reject(err: QuorumFailure): void; onProgress: PackProgress } | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const running = (): Worker => {
    if (worker) return worker;
    const started = new Worker(workerFile);
    started.unref(); // an idle builder does not keep the process alive
    started.on('message', (m: PackWorkerMessage) => {
      if (m.kind === 'progress') current?.onProgress(m.done, m.total, m.label);
      else if (m.kind === 'done') current?.resolve(m.bytes);
      else current?.reject(new QuorumFailure((m.code as ErrorCode) ?? 'internal', m.message));
    });
    const lost = (why: string) => {
      if (worker === started) {
        worker = undefined;
        given = new Set();
        givenChars = 0;
      }
      current?.reject(new QuorumFailure('internal', why));
    };
    started.on('error', (err) => lost(`The pack builder stopped: ${err.message}`));
    started.on('exit', (code) => lost(`The pack builder stopped unexpectedly (exit ${code})`));
    worker = started;
    return started;
  };
  const newTexts = (texts: Iterable<string>): string[] => {
    const out: string[] = [];
    for (const text of texts) {
      if (given.has(text)) continue;
      // As the worker's own store of read Markdown forgets the oldest, so does this list (lex.ts).
      if (givenChars + text.length > 8_000_000) {
        given = new Set();
        givenChars = 0;
      }
      given.add(text);
      givenChars += text.length;
      out.push(text);
    }
    return out;
  };
  return {
    prepare(key, job) {
      const fresh = new Set(newTexts(job.tokens?.map(([text]) => text) ?? []));
      const request: PackWorkerRequest = { kind: 'prepare', key, job: { ...job, input: { ...job.input, builtAt: '' }, tokens: job.tokens?.filter(([text]) => fresh.has(text)) } };
      running().postMessage(request);
    },
    builder() {
      running(); // started now, if it is not running, while the caller checks the pack
      let used = false;
      return {
        thread: 'worker',
        build(job, onProgress = () => {}) {
          if (used) return Promise.reject(new QuorumFailure('internal', 'This pack builder has already been used'));
          used = true;
          const run = () =>
            new Promise<Uint8Array>((resolve, reject) => {
              const w = running();
              // Tokens only for texts the worker has not been given: it keeps what it read before.
              const fresh = new Set(newTexts(job.tokens?.map(([text]) => text) ?? []));
              current = { resolve, reject, onProgress };
              w.ref(); // a build in flight keeps the process alive
              w.postMessage({ kind: 'build', job: { ...job, tokens: job.tokens?.filter(([text]) => fresh.has(text)) } } satisfies PackWorkerRequest);
            }).finally(() => {
              current = undefined;
              worker?.unref();
            });
          const result = queue.then(run, run);
          queue = result.catch(() => undefined);
          return result;
        },
        stop: () => {},
      };
    },
    close() {
      void worker?.terminate();
      worker = undefined;
    },
  };
};
