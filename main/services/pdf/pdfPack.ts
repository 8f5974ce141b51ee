import type { PackModel } from '../../../shared/pack/model';
import type { ImageLibrary } from '../../../shared/pack/markdown/images';
import type { PackProgress } from '../../../shared/pack/build';
import { packHtml } from '../../../shared/pack/html/document';
import { destinationPages, headingTexts, withHeadingTitles } from './structure';
import type { PdfPrinter } from './printer';

export type PdfPack = { bytes: Uint8Array; pages: Record<string, number>; contents: { id: string; text: string }[] };

/**
 * The PDF pack: laid out once to find the page each part starts on (the contents links to every
 * part, so each is a named destination), then again with those numbers in its contents. The
 * numbers only fill a column of fixed width, so the second layout keeps the first one's pages;
 * if it did not, the layout is repeated with the new numbers (at most twice more).
 */
export const printPack = async (model: PackModel, images: ImageLibrary, printer: PdfPrinter, onProgress: PackProgress = () => {}, opts: { items?: readonly number[] } = {}): Promise<PdfPack> => {
  const total = 3;
  onProgress(0, total, 'Laying out the pages');
  if (opts.items) {
    // Some items' papers: no contents to number, so one printing.
    const { html, contents } = packHtml(model, images, {}, opts);
    const bytes = await withHeadingTitles(await printer.print(html), headingTexts(html));
    onProgress(total, total, 'Saved as PDF');
    return { bytes, pages: await destinationPages(bytes), contents };
  }
  const first = packHtml(model, images);
  let pages = await destinationPages(await printer.print(first.html));
  let bytes: Uint8Array = new Uint8Array();
  let html = first.html;
  for (let round = 0; round < 3; round++) {
    onProgress(1, total, 'Numbering the contents');
    html = packHtml(model, images, pages).html;
    bytes = await printer.print(html);
    const found = await destinationPages(bytes);
    const same = first.contents.every((c) => found[c.id] === pages[c.id]);
    pages = found;
    if (same) break;
  }
  onProgress(2, total, 'Bookmarks');
  bytes = await withHeadingTitles(bytes, headingTexts(html));
  onProgress(total, total, 'Saved as PDF');
  return { bytes, pages, contents: first.contents };
};
