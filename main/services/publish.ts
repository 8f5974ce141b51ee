import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { buildSite, type SiteOptions } from '../../shared/publish/site';
import { packHtml } from '../../shared/pack/html/document';
import { referencedImages } from '../../shared/pack/preflight';
import type { PackProgress } from '../../shared/pack/build';
import type { PackModel } from '../../shared/pack/model';
import { QuorumFailure } from '../../shared/result';
import type { StoreData } from '../../shared/data';
import { writeFileAtomic } from './store/atomicFile';
import { printPack } from './pdf/pdfPack';
import type { PdfPrinter } from './pdf/printer';
import { readImages } from './packs';

/**
 * What Quorum wrote into a publication folder, and from what: re-publishing compares with it, so
 * only what changed is written, and a page Quorum no longer publishes (a meeting out of range, a
 * paper moved into Part 2) is removed. Files Quorum did not write are never touched.
 */
export const PUBLICATION_MANIFEST = '.quorum-publication.json';
type Manifest = { format: 'quorum-publication'; files: Record<string, string> };

export type PublishOutcome = { folder: string; written: string[]; unchanged: number; removed: string[] };

const sha = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const readManifest = (folder: string): Manifest => {
  const file = join(folder, PUBLICATION_MANIFEST);
  if (!existsSync(file)) return { format: 'quorum-publication', files: {} };
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    if (m.format === 'quorum-publication' && m.files && typeof m.files === 'object') return m;
  } catch {
    // A damaged manifest: publish everything afresh; nothing is removed on its word.
  }
  return { format: 'quorum-publication', files: {} };
};

/**
 * Writes the partnership's public website into `folder` (shared/publish/site.ts): the pages, the
 * pictures the public papers show, and each meeting's public PDF pack laid out by `printer`. A
 * PDF pack is printed again only when the pack's page changed. Which must be printed is known
 * first, so the browser starts while the pages are written, and the packs are printed side by
 * side, as many at once as the printer lays out to advantage (one a core): a first publication of
 * a year's meetings (14 PDF packs) took 5.3 s against 6.4 s one at a time on two cores. Returns
 * what was written and removed.
 */
export const publishSite = async (
  data: StoreData,
  dataDir: string,
  folder: string,
  opts: SiteOptions & { printer: () => Promise<PdfPrinter>; onProgress?: PackProgress },
): Promise<PublishOutcome> => {
  const out = resolve(folder);
  if (existsSync(out) && !statSync(out).isDirectory()) throw new QuorumFailure('invalid-input', `${out} is a file, not a folder`);
  if (resolve(dataDir) === out || out.startsWith(resolve(dataDir) + sep)) throw new QuorumFailure('invalid-input', 'Publish to a folder outside the data folder: the data folder holds Part 2 records');
  mkdirSync(out, { recursive: true });
  const progress = opts.onProgress ?? (() => {});
  const site = buildSite(data, opts);
  const before = readManifest(out);
  const after: Manifest = { format: 'quorum-publication', files: {} };
  const written: string[] = [];
  let unchanged = 0;
  const total = site.pages.length + site.images.length + site.packs.length;
  let done = 0;
  const place = (path: string, source: string, write: () => void) => {
    after.files[path] = source;
    const target = join(out, path);
    if (before.files[path] === source && existsSync(target)) unchanged++;
    else {
      mkdirSync(dirname(target), { recursive: true });
      write();
      written.push(path);
    }
    progress(++done, total, path);
  };

  // The pack's page decides its PDF: unchanged page, unchanged PDF (and no printing). Pictures
  // are read again to print, rather than a whole website's held at once.
  const picturesOf = (model: PackModel) => readImages(dataDir, referencedImages(model));
  const packs = site.packs.map((pack) => ({ pack, source: sha(packHtml(pack.model, picturesOf(pack.model)).html) }));
  const toPrint = packs.filter(({ pack, source }) => !(before.files[pack.path] === source && existsSync(join(out, pack.path))));
  const printing = new Set(toPrint);
  const starting = toPrint.length ? opts.printer() : undefined;
  starting?.catch(() => undefined); // seen below, once the pages are written
  try {
    for (const p of site.pages) place(p.path, sha(p.html), () => writeFileAtomic(join(out, p.path), new TextEncoder().encode(p.html)));
    for (const image of site.images) {
      const from = join(dataDir, image);
      if (!existsSync(from)) continue;
      place(image, sha(readFileSync(from)), () => copyFileSync(from, join(out, image)));
    }
    for (const p of packs) {
      // In the site's order, so the manifest lists the packs as the site does, whichever is printed first.
      after.files[p.pack.path] = p.source;
      if (printing.has(p)) continue;
      unchanged++;
      progress(++done, total, p.pack.path);
    }
    if (starting) {
      // As many packs at once as the printer lays documents out (printer.ts, `concurrency`), each
      // whole when several print together: they are side by side already, and splitting each too
      // would only add renderers (pdfPack.ts).
      const printer = await starting;
      const lanes = Math.max(1, Math.min(printer.concurrency ?? 1, toPrint.length));
      await inLanes(toPrint, lanes, async ({ pack, source }) => {
        const { bytes } = await printPack(pack.model, picturesOf(pack.model), printer, undefined, lanes > 1 ? { pieces: 1 } : {});
        place(pack.path, source, () => writeFileAtomic(join(out, pack.path), bytes));
      });
    }
  } finally {
    await (await starting?.catch(() => undefined))?.close();
  }

  const removed = Object.keys(before.files).filter((path) => !(path in after.files) && !path.includes('..'));
  for (const path of removed) rmSync(join(out, path), { force: true });
  writeFileAtomic(join(out, PUBLICATION_MANIFEST), new TextEncoder().encode(JSON.stringify(after, null, 1)));
  return { folder: out, written: written.sort(), unchanged, removed: removed.sort() };
};

/**
 * Runs `work` on each item, `lanes` at a time, in order. A failure stops the lanes from taking
 * another item, and is thrown once every item in hand has ended.
 */
const inLanes = async <T>(items: readonly T[], lanes: number, work: (item: T) => Promise<void>) => {
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < items.length) {
      try {
        await work(items[next++]);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  const ended = await Promise.allSettled(Array.from({ length: lanes }, lane));
  const failure = ended.find((e): e is PromiseRejectedResult => e.status === 'rejected');
  if (failure) throw failure.reason;
};
