import { parentPort } from 'node:worker_threads';
import { writePack } from '../../shared/pack/build';
import type { PackJob, PackWorkerMessage } from './packThread';
import { nativeCompressor } from './nativeZip';
import { keepTokens } from '../../shared/pack/markdown/lex';

/**
 * The pack builder on its own thread (built to out/main/packWorker.js): the Electron main
 * process keeps answering the window, and the CLI keeps printing progress, while a large
 * pack is laid out and zipped.
 */
const port = parentPort;
if (!port) throw new Error('packWorker must run as a worker thread');
port.once('message', async (job: PackJob) => {
  const send = (m: PackWorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
  try {
    keepTokens(job.tokens ?? []);
    const { bytes } = await writePack(job.model, { ...job.input, compressor: nativeCompressor, onProgress: (done, total, label) => send({ kind: 'progress', done, total, label }) });
    const copy = bytes.slice(); // a buffer of its own, so it can be transferred rather than copied
    send({ kind: 'done', bytes: copy }, [copy.buffer as ArrayBuffer]);
  } catch (err) {
    send({ kind: 'failed', message: (err as Error).message, code: (err as { code?: string }).code });
  }
});
