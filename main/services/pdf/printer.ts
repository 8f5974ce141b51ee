/**
 * Prints one HTML document to PDF in a browser engine: Electron's own Chromium in the app
 * (main/electron/pdfPrinter.ts), Chromium driven by playwright-core in the CLI and the tests
 * (chromiumPrinter.ts). The document is self-contained (pictures inlined); the printer runs no
 * script in it and fetches nothing. The PDF is tagged (headings, lists, tables and alt text for
 * screen readers) and carries an outline (bookmarks) from its headings.
 */
export type PdfPrinter = {
  print(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
};
