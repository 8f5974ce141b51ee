import type { PackModel } from '../../../shared/pack/model';
import type { ImageLibrary } from '../../../shared/pack/markdown/images';
import type { PackProgress } from '../../../shared/pack/build';
import { contentsPageId, packHtml } from '../../../shared/pack/html/document';
import { destinationPages, finishedPrint, headingTexts } from './structure';
import type { PdfPrinter } from './printer';

export type PdfPack = { bytes: Uint8Array; pages: Record<string, number>; contents: { id: string; text: string }[] };

/**
 * The PDF pack, laid out once in full: a draft (untagged, no bookmarks, about half a print's cost)
 * finds the page each part starts on (the contents links to every part, so each is a named
 * destination); the drafted page then gets those numbers in its contents and is printed, tagged
 * and with bookmarks, without loading it again. The numbers only fill a column of fixed width, so
 * the print keeps the draft's pages; the printed file's destinations are checked, and if any
 * moved the contents is filled again and reprinted (at most twice more).
 * docs/ARCHITECTURE.md, "The PDF pack".
 */
export const printPack = async (model: PackModel, images: ImageLibrary, printer: PdfPrinter, onProgress: PackProgress = () => {}, opts: { items?: readonly number[] } = {}): Promise<PdfPack> => {
  const total = 3;
  onProgress(0, total, 'Laying out the pages');
  if (opts.items) {
    // Some items' papers: no contents to number, so one printing.
    const { html, contents, pictures } = packHtml(model, images, {}, { ...opts, pictures: 'named' });
    const printed = await finishedPrint(await printer.print({ html, pictures }), headingTexts(html));
    onProgress(total, total, 'Saved as PDF');
    return { bytes: printed.bytes, pages: printed.pages, contents };
  }
  const { html, contents, pictures } = packHtml(model, images, {}, { pictures: 'named' });
  let pages = await destinationPages(await printer.draft({ html, pictures }));
  const headings = headingTexts(html);
  let printed: { bytes: Uint8Array; pages: Record<string, number> } | undefined;
  for (let round = 0; round < 3; round++) {
    // The print that follows is most of the time: it is named by what the officer waits for.
    onProgress(1, total, round ? 'Numbering the contents again: a part moved' : 'Numbering the contents');
    const numbers = Object.fromEntries(contents.map((c) => [contentsPageId(c.id), pages[c.id] ? String(pages[c.id]) : '']));
    const reprinted = await printer.reprint(numbers);
    onProgress(2, total, 'Bookmarks');
    printed = await finishedPrint(reprinted, headings);
    const moved = contents.some((c) => printed!.pages[c.id] !== pages[c.id]);
    pages = printed.pages;
    if (!moved) break;
  }
  onProgress(total, total, 'Saved as PDF');
  return { bytes: printed!.bytes, pages, contents };
};
