/**
 * Prints one HTML document to PDF in a browser engine: Electron's own Chromium in the app
 * (main/electron/pdfPrinter.ts), Chromium driven by playwright-core in the CLI and the tests
 * (chromiumPrinter.ts). The printer runs no script in the page and fetches nothing from outside:
 * pictures come with the document (`pictures`, each named once however often the page shows it,
 * so a chart repeated in many papers is decoded once). A print is tagged (headings, lists, tables
 * and alt text for screen readers) and carries an outline (bookmarks) from its headings.
 *
 * Where a document must be laid out to learn something it then shows (the pack's contents, which
 * gives the page each part starts on), `draft` lays it out untagged, without bookmarks and with
 * nothing painted but its level 1 headings (asDraft): about a third of a print's cost
 * (docs/ARCHITECTURE.md, "The PDF pack"). `reprint` then prints the drafted document, all of it,
 * with some empty elements filled in, without loading it again.
 */
export type PrintPicture = { mime: string; bytes: Uint8Array };
export type PrintDocument = {
  html: string;
  /** Pictures the page names by a relative URL, `pictures/1.png`: the key is that URL. */
  pictures?: ReadonlyMap<string, PrintPicture>;
};

export type PdfPrinter = {
  print(doc: PrintDocument): Promise<Uint8Array>;
  /** The same layout as `print`, untagged and without an outline: to learn where each part falls. */
  draft(doc: PrintDocument): Promise<Uint8Array>;
  /** Prints the document last drafted, tagged and with its outline, with these empty elements (by id) given text first. */
  reprint(texts: Readonly<Record<string, string>>): Promise<Uint8Array>;
  close(): Promise<void>;
};

/**
 * A draft's page: every box keeps its place (a hidden box is laid out as a visible one, CSS 2.1
 * §11.2) but only the level 1 headings, which the contents links to, are painted, so Chromium
 * still writes a named destination for each, on its page, and little else.
 */
export const DRAFT_STYLE_ID = 'quorum-draft';
export const asDraft = (html: string): string => {
  const style = `<style id="${DRAFT_STYLE_ID}">body * { visibility: hidden !important; } h1[id] { visibility: visible !important; }</style>`;
  const head = html.indexOf('</head>');
  if (head < 0) throw new Error('A page to draft needs a head for the draft style');
  return `${html.slice(0, head)}${style}${html.slice(head)}`;
};

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The document's HTML with each empty element whose id is a key of `texts` given that text, as
 * `reprint` shows it (the app's printer reloads this; the CLI's sets the same text in the page).
 * An id not found, or an element not empty, is an error: the printout would silently lack it.
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
