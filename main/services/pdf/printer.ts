import { availableParallelism } from 'node:os';

/**
 * Prints one HTML document to PDF in a browser engine: Electron's own Chromium in the app
 * (main/electron/pdfPrinter.ts), Chromium driven over the DevTools protocol in the CLI and the
 * tests (chromiumPrinter.ts). The printer runs no script in the page and fetches nothing from
 * outside: pictures come with the document (`pictures`, each named once however often the page
 * shows it, so a chart repeated in many papers is decoded once). A print is tagged (headings,
 * lists, tables and alt text for screen readers) and carries an outline (bookmarks) from its
 * headings. The pack is printed once, its contents' page numbers written in afterwards
 * (pdfPack.ts; docs/ARCHITECTURE.md, "The PDF pack").
 */
export type PrintPicture = { mime: string; bytes: Uint8Array };
export type PrintDocument = {
  html: string;
  /** Pictures the page names by a relative URL, `pictures/1.png`: the key is that URL. */
  pictures?: ReadonlyMap<string, PrintPicture>;
};

export type PdfPrinter = {
  /** Prints a document; several may be printing at once. */
  print(doc: PrintDocument): Promise<Uint8Array>;
  /** How many documents it lays out side by side to advantage (one a core; 1 when absent). */
  concurrency?: number;
  close(): Promise<void>;
};

/** Documents printed at once at most: each is a renderer of its own, with the memory that takes. */
const MOST_AT_ONCE = 4;

/** How many documents a printer lays out side by side to advantage: one a core, up to MOST_AT_ONCE. */
export const printsAtOnce = (): number => Math.max(1, Math.min(MOST_AT_ONCE, availableParallelism()));

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The document's HTML with each empty element whose id is a key of `texts` given that text: the
 * contents' page-number placeholders. An id not found, or an element not empty, is an error: the
 * printout would silently lack it.
 */
export const fillEmptyElements = (html: string, texts: Readonly<Record<string, string>>): string => {
  const left = new Set(Object.keys(texts));
  const out = html.replace(/ id="([^"<>]+)"><\//g, (whole, id: string) => {
    if (!left.delete(id)) return whole;
    return ` id="${id}">${escapeText(texts[id])}</`;
  });
  if (left.size) throw new Error(`The page has no empty element with id ${[...left][0]} to fill`);
  return out;
};
