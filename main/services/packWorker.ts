import { parentPort } from 'node:worker_threads';
import { packSteps, preparePack, writePack } from '../../shared/pack/build';
import { stampedPackage, type PreparedPackage } from '../../shared/pack/docx/prepared';
import type { PackWorkerMessage, PackWorkerRequest } from './packThread';
import { nativeCompressor } from './nativeZip';
import { keepTokens } from '../../shared/pack/markdown/lex';

/**
 * The pack builder on its own thread (built to out/main/packWorker.js): the Electron main
 * process keeps answering the window, and the CLI keeps printing progress, while a large
 * pack is laid out and zipped. It builds the packs it is sent one after another; between them
 * it keeps the Markdown it has read (lexMarkdown), so the app's builder, kept running
 * (keptPackBuilder), reads a paper once however often the pack is built.
 */
const port = parentPort;
if (!port) throw new Error('packWorker must run as a worker thread');
const send = (m: PackWorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
let queue: Promise<void> = Promise.resolve();
/** The pack laid out ahead of Build (the latest asked for), and what it was laid out from. */
let prepared: { key: string; pack: PreparedPackage } | undefined;
/** A preparation asked for and not yet started: a newer one replaces it. */
let nextPreparation: Extract<PackWorkerRequest, { kind: 'prepare' }> | undefined;
port.on('message', (request: PackWorkerRequest) => {
  if (request.kind === 'prepare') {
    const waiting = nextPreparation;
    nextPreparation = request;
    if (waiting) return; // already queued: it will take the newest
  }
  queue = queue.then(async () => {
    if (request.kind === 'prepare') {
      const { key, job } = nextPreparation!;
      nextPreparation = undefined;
      if (prepared?.key === key) return;
      try {
        keepTokens(job.tokens ?? []);
        prepared = { key, pack: await preparePack(job.model, { ...job.input, compressor: nativeCompressor }) };
      } catch {
        prepared = undefined; // the build itself will say what is wrong
      }
      return;
    }
    const job = request.job;
    try {
      if (job.key && prepared?.key === job.key) {
        // Laid out already, from these same records: stamped with the build time and zipped.
        const copy = stampedPackage(prepared.pack, job.input.builtAt, nativeCompressor).slice();
        const steps = packSteps(job.model);
        send({ kind: 'progress', done: steps, total: steps, label: 'Saved as Word' });
        send({ kind: 'done', bytes: copy }, [copy.buffer as ArrayBuffer]);
        return;
      }
      keepTokens(job.tokens ?? []);
      const { bytes } = await writePack(job.model, { ...job.input, compressor: nativeCompressor, onProgress: (done, total, label) => send({ kind: 'progress', done, total, label }) });
      const copy = bytes.slice(); // a buffer of its own, so it can be transferred rather than copied
      send({ kind: 'done', bytes: copy }, [copy.buffer as ArrayBuffer]);
    } catch (err) {
      send({ kind: 'failed', message: (err as Error).message, code: (err as { code?: string }).code });
    }
  });
});
