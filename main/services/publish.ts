import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { buildSite, type SiteOptions } from '../../shared/publish/site';
import { packHtml } from '../../shared/pack/html/document';
import { referencedImages } from '../../shared/pack/preflight';
import type { PackProgress } from '../../shared/pack/build';
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
 * PDF pack is printed again only when the pack's page changed. Returns what was written and removed.
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

  for (const p of site.pages) place(p.path, sha(p.html), () => writeFileAtomic(join(out, p.path), new TextEncoder().encode(p.html)));
  for (const image of site.images) {
    const from = join(dataDir, image);
    if (!existsSync(from)) continue;
    place(image, sha(readFileSync(from)), () => copyFileSync(from, join(out, image)));
  }
  let printer: PdfPrinter | undefined;
  try {
    for (const pack of site.packs) {
      const images = readImages(dataDir, referencedImages(pack.model));
      // The pack's page decides its PDF: unchanged page, unchanged PDF (and no printing).
      const source = sha(packHtml(pack.model, images).html);
      if (before.files[pack.path] === source && existsSync(join(out, pack.path))) {
        after.files[pack.path] = source;
        unchanged++;
        progress(++done, total, pack.path);
        continue;
      }
      printer ??= await opts.printer();
      const { bytes } = await printPack(pack.model, images, printer);
      place(pack.path, source, () => writeFileAtomic(join(out, pack.path), bytes));
    }
  } finally {
    await printer?.close();
  }

  const removed = Object.keys(before.files).filter((path) => !(path in after.files) && !path.includes('..'));
  for (const path of removed) rmSync(join(out, path), { force: true });
  writeFileAtomic(join(out, PUBLICATION_MANIFEST), new TextEncoder().encode(JSON.stringify(after, null, 1)));
  return { folder: out, written: written.sort(), unchanged, removed: removed.sort() };
};
