import type { PackModel } from '../../../shared/pack/model';
import type { ImageLibrary } from '../../../shared/pack/markdown/images';
import type { PackProgress } from '../../../shared/pack/build';
import { contentsPageId, packHtml } from '../../../shared/pack/html/document';
import { destinationPages, finishedPrint, headingTexts, numberedPrint } from './structure';
import { fillEmptyElements, type PdfPrinter, type PrintDocument } from './printer';
import { CONTENTS_PLACEHOLDER } from './contentsNumbers';
import { splitPackHtml } from './splitPack';
import { joinPrints } from './joinPrints';

/**
 * How much of the page (characters of HTML, some 170 pages) a document laid out beside another
 * must have. Each document costs a renderer, its own styles and fonts, and its share of the join:
 * measured on two cores, at ~300 pages (two documents of ~180) that was about 1 s more CPU for
 * 0.6 s less wait, more CPU than LibreOffice converting the Word pack takes, so a pack that long
 * prints whole; at ~1,000 pages the wait is 1.5–2 s shorter (`npm run bench`).
 */
const PIECE_SIZE = 400_000;

/**
 * The page printed once: in pieces side by side where the printer lays several out at once and
 * the pack is long enough (splitPack.ts, joinPrints.ts), else whole; whole too when the pieces
 * cannot be joined exactly.
 */
const printedOnce = async (html: string, pictures: PrintDocument['pictures'], printer: PdfPrinter, pieces: number, onJoining: () => void): Promise<Uint8Array> => {
  const parts = splitPackHtml(html, pieces);
  if (parts.length < 2) return printer.print({ html, pictures });
  const prints = await Promise.all(parts.map((p) => printer.print({ html: p.html, pictures })));
  onJoining();
  return (await joinPrints(prints, parts.map((p) => p.ids))) ?? printer.print({ html, pictures });
};

export type PdfPack = { bytes: Uint8Array; pages: Record<string, number>; contents: { id: string; text: string }[] };

/**
 * The PDF pack, laid out once: printed, tagged and with bookmarks, with a placeholder of fixed
 * width where each contents entry's page number goes; the printed file then says on which page
 * each part starts (the contents links to every part, so each is a named destination), and the
 * numbers are written over the placeholders in the contents' page content (contentsNumbers.ts).
 * A second layout cost the ~300-page pack about 1.5 s.
 *
 * Where the numbers cannot be written in exactly (a browser that writes its text in another
 * form), the pack is printed again with them in the page, and once more (at most twice) if a
 * part moved. docs/ARCHITECTURE.md, "The PDF pack".
 */
export const printPack = async (
  model: PackModel,
  images: ImageLibrary,
  printer: PdfPrinter,
  onProgress: PackProgress = () => {},
  opts: { items?: readonly number[]; /** Documents laid out side by side; by default one a core, as the pack's length allows. */ pieces?: number } = {},
): Promise<PdfPack> => {
  const total = 3;
  onProgress(0, total, 'Laying out the pages');
  if (opts.items) {
    // Some items' papers: no contents to number, so one printing.
    const { html, contents, pictures } = packHtml(model, images, {}, { items: opts.items, pictures: 'named' });
    const printed = await finishedPrint(await printer.print({ html, pictures }), headingTexts(html));
    onProgress(total, total, 'Saved as PDF');
    return { bytes: printed.bytes, pages: printed.pages, contents };
  }
  const { html, contents, pictures } = packHtml(model, images, {}, { pictures: 'named' });
  const headings = headingTexts(html);
  const placeholders = Object.fromEntries(contents.map((c) => [contentsPageId(c.id), CONTENTS_PLACEHOLDER]));
  const pieces = opts.pieces ?? Math.min(printer.concurrency ?? 1, Math.floor(html.length / PIECE_SIZE));
  const once = await printedOnce(fillEmptyElements(html, placeholders), pictures, printer, pieces, () => onProgress(1, total, 'Joining the pages laid out side by side'));
  onProgress(2, total, 'Numbering the contents');
  let printed = await numberedPrint(once, headings, contents);
  if (!printed) {
    let pages = await destinationPages(once);
    for (let round = 0; round < 3; round++) {
      if (round) onProgress(2, total, 'Numbering the contents again: a part moved');
      const numbers = Object.fromEntries(contents.map((c) => [contentsPageId(c.id), pages[c.id] ? String(pages[c.id]) : '']));
      const again: { bytes: Uint8Array; pages: Record<string, number> } = await finishedPrint(await printer.print({ html: fillEmptyElements(html, numbers), pictures }), headings);
      const moved = contents.some((c) => again.pages[c.id] !== pages[c.id]);
      pages = again.pages;
      printed = again;
      if (!moved) break;
    }
  }
  onProgress(total, total, 'Saved as PDF');
  return { bytes: printed!.bytes, pages: printed!.pages, contents };
};
