import type { StoreData } from '../data';
import { assemblePack, type PackModel, type PackVariant } from './model';
import type { ImageLibrary } from './markdown/images';
import type { MarkdownContext } from './markdown/context';
import { PORTRAIT_TEXT_PX } from './docx/page';
import { packPlan } from './parts/plan';
import { toWord } from './docx/word';
import { packFiles, type ContentsPage, type PackPart } from './docx/document';
import { compressFiles, stampedPackage, type PreparedPackage } from './docx/prepared';
import { RawParts } from './ooxml/raw';
import type { Compressor } from '../zipWriter';

export type PackProgress = (done: number, total: number, label: string) => void;

export type BuildPackInput = {
  meetingId: string;
  variant: PackVariant;
  /** ISO date the pack is built on: overdue actions and RAG are worked out from it. */
  today: string;
  /** ISO timestamp written into the document properties. */
  builtAt: string;
  /** Images the pack may show, by `images/…` path (see `packImagePaths`). */
  images: ImageLibrary;
  onProgress?: PackProgress;
  /** How the package is zipped: main passes Node's zlib (main/services/nativeZip.ts); without one, fflate (shared/zipPortable.ts), loaded only then. */
  compressor?: Compressor;
  /** The pages the PDF pack of this same pack laid each part on, for the contents (docx/contentsPages.ts). */
  contentsPages?: readonly ContentsPage[];
};

export type BuiltPack = { bytes: Uint8Array; model: PackModel };

/**
 * Records in, .docx bytes out: no file system, so the app, the CLI and the tests build the same
 * pack. Progress is reported per part, then for packaging.
 */
export const buildPack = async (data: StoreData, input: BuildPackInput): Promise<BuiltPack> => writePack(assemblePack(data, input.meetingId, input.variant, input.today), input);

/** What writing an assembled pack needs besides its model. */
export type WritePackInput = Pick<BuildPackInput, 'builtAt' | 'images' | 'onProgress' | 'compressor' | 'contentsPages'>;

/**
 * Lays out and zips a pack already assembled (`assemblePack`): what the worker thread is sent,
 * so it gets the meeting's pack, not the whole store (at forty years, 18 MB to copy across).
 */
export const writePack = async (model: PackModel, input: WritePackInput): Promise<BuiltPack> => {
  const compressor = await compressorFor(input);
  const prepared = await preparePack(model, { ...input, compressor });
  const bytes = stampedPackage(prepared, input.builtAt, compressor);
  input.onProgress?.(packSteps(model), packSteps(model), 'Saved as Word');
  return { bytes, model };
};

/** The steps a build reports progress in: a part each, then packaging. */
export const packSteps = (model: PackModel) => packPlan(model).length + 1;

/**
 * A pack laid out and compressed, all but its build time (stampedPackage): what writePack does
 * before the stamp, and what the app's pack builder does ahead of Build (packThread.ts).
 */
export const preparePack = async (model: PackModel, input: Omit<WritePackInput, 'builtAt'>): Promise<PreparedPackage> => {
  const progress = input.onProgress ?? (() => {});
  // The whole pack is written as OOXML text; `raw` gathers its lists, links and pictures (shared/pack/ooxml).
  const ctx: MarkdownContext = { headingBase: 1, images: input.images, maxImageWidth: PORTRAIT_TEXT_PX, raw: new RawParts() };
  const planned = packPlan(model);
  const total = planned.length + 1;
  const built: PackPart[] = [];
  for (const [i, part] of planned.entries()) {
    const blocks = part.make();
    // The contents page is a section of its own, so its running header names the pack, not the agenda after it.
    if (blocks[0]?.kind === 'contents') built.push({ label: model.packLabel, blocks: toWord(blocks.splice(0, 1), { ctx, model }) });
    built.push({ label: part.cover ? '' : part.label, blocks: toWord(blocks, { ctx, model }) });
    progress(i + 1, total, part.label);
    await Promise.resolve(); // let a waiting progress message or cancel get through
  }
  return compressFiles(packFiles(model, built, ctx.raw, input.contentsPages), await compressorFor(input));
};

/** The compressor handed in, or fflate's: loaded only when none is, so a pack built in main never loads fflate. */
const compressorFor = async (input: Pick<WritePackInput, 'compressor'>): Promise<Compressor> => input.compressor ?? (await import('../zipPortable')).portableCompressor;
