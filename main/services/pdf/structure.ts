import { decodeHTML } from 'entities';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { readPdfObjects, type PdfObjects } from './pdfObjects';
import { contentsNumbersIn } from './contentsNumbers';

/** A name or a string's text: a name tree's key, a bookmark's title. */
export const nameOf = (o: PDFObject | undefined): string | undefined => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : o instanceof PDFName ? o.decodeText() : undefined);

/**
 * The page (from 1) each named destination of a PDF points at. Chromium writes one for every
 * element a link in the document points to (`<a href="#id">`), so after a first printing this
 * says on which page each part of the pack starts. Reads both the catalog's /Dests dictionary
 * (PDF 1.1) and the /Names /Dests name tree (PDF 1.2, ISO 32000-1 §12.3.2.3).
 */
export const destinationPages = async (pdf: Uint8Array): Promise<Record<string, number>> => destinationsIn(await readPdfObjects(pdf));

const destinationsIn = (doc: PdfObjects): Record<string, number> => {
  const pageOf = new Map(doc.pageRefs().map((ref, i) => [ref, i + 1]));
  const out: Record<string, number> = {};
  const resolve = doc.lookup;
  const record = (name: string | undefined, dest: PDFObject | undefined) => {
    let d = resolve(dest);
    if (d instanceof PDFDict) d = resolve(d.get(PDFName.of('D')));
    if (!name || !(d instanceof PDFArray)) return;
    const page = d.get(0);
    const n = page instanceof PDFRef ? pageOf.get(page.toString()) : undefined;
    if (n) out[name] = n;
  };
  const dests = resolve(doc.catalog.get(PDFName.of('Dests')));
  if (dests instanceof PDFDict) for (const [key, value] of dests.entries()) record(key.decodeText(), value);
  const names = resolve(doc.catalog.get(PDFName.of('Names')));
  const tree = names instanceof PDFDict ? resolve(names.get(PDFName.of('Dests'))) : undefined;
  const walk = (node: PDFObject | undefined, depth: number) => {
    if (!(node instanceof PDFDict) || depth > 32) return;
    const pairs = resolve(node.get(PDFName.of('Names')));
    if (pairs instanceof PDFArray) for (let i = 0; i + 1 < pairs.size(); i += 2) record(nameOf(resolve(pairs.get(i))), pairs.get(i + 1));
    const kids = resolve(node.get(PDFName.of('Kids')));
    if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i++) walk(resolve(kids.get(i)), depth + 1);
  };
  walk(tree, 0);
  return out;
};

/** The PDF's outline (bookmarks): each entry's title and depth, in order. */
export const outlineTitles = async (pdf: Uint8Array): Promise<{ title: string; depth: number }[]> => {
  const doc = await readPdfObjects(pdf);
  const resolve = doc.lookup;
  const out: { title: string; depth: number }[] = [];
  const walk = (first: PDFObject | undefined, depth: number) => {
    let node = resolve(first);
    let guard = 0;
    while (node instanceof PDFDict && guard++ < 100_000) {
      out.push({ title: nameOf(resolve(node.get(PDFName.of('Title')))) ?? '', depth });
      walk(node.get(PDFName.of('First')), depth + 1);
      node = resolve(node.get(PDFName.of('Next')));
    }
  };
  const outlines = resolve(doc.catalog.get(PDFName.of('Outlines')));
  if (outlines instanceof PDFDict) walk(outlines.get(PDFName.of('First')), 0);
  return out;
};

/** The text of every heading in an HTML document, in document order (tags dropped, entities decoded). */
export const headingTexts = (html: string): string[] =>
  [...html.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => decodeHTML(m[2].replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim());

const bare = (s: string) => s.replace(/\s+/g, '');

/**
 * Chromium writes each bookmark's title from the laid-out heading and drops the space where the
 * heading wraps ("Improvement plan: progressreport"). The titles are put back from the headings'
 * own text: each bookmark is matched, in order, to the next heading with the same letters.
 */
export const withHeadingTitles = async (pdf: Uint8Array, headings: readonly string[]): Promise<Uint8Array> => {
  const doc = await readPdfObjects(pdf);
  return doc.update(headingTitlesIn(doc, headings));
};

/** The outline items whose titles are put back, each with its new dictionary. */
const headingTitlesIn = (doc: PdfObjects, headings: readonly string[]): Map<PDFRef, PDFDict> => {
  const changed = new Map<PDFRef, PDFDict>();
  let next = 0;
  const walk = (first: PDFObject | undefined) => {
    let ref = first;
    let node = doc.lookup(ref);
    let guard = 0;
    while (node instanceof PDFDict && guard++ < 100_000) {
      const title = nameOf(doc.lookup(node.get(PDFName.of('Title')))) ?? '';
      const at = headings.findIndex((h, i) => i >= next && bare(h) === bare(title));
      if (at >= 0) {
        next = at + 1;
        if (headings[at] !== title && ref instanceof PDFRef) {
          node.set(PDFName.of('Title'), PDFHexString.fromText(headings[at]));
          changed.set(ref, node);
        }
      }
      walk(node.get(PDFName.of('First')));
      ref = node.get(PDFName.of('Next'));
      node = doc.lookup(ref);
    }
  };
  const outlines = doc.lookup(doc.catalog.get(PDFName.of('Outlines')));
  if (outlines instanceof PDFDict) walk(outlines.get(PDFName.of('First')));
  return changed;
};

/**
 * A printed pack's last steps, from one reading of the file: where each named destination is
 * (to check the contents' numbers against), and the bookmarks' titles put back from the headings.
 */
export const finishedPrint = async (pdf: Uint8Array, headings: readonly string[]): Promise<{ bytes: Uint8Array; pages: Record<string, number> }> => {
  const doc = await readPdfObjects(pdf);
  const pages = destinationsIn(doc);
  return { bytes: await doc.update(headingTitlesIn(doc, headings)), pages };
};

/**
 * A pack printed once with placeholders for its contents' page numbers, finished from one reading
 * of the file: where each part starts, those numbers written over the placeholders
 * (contentsNumbersIn), and the bookmarks' titles put back. Undefined when the numbers could not be
 * written exactly: the caller prints the pack again with them in the page.
 */
export const numberedPrint = async (pdf: Uint8Array, headings: readonly string[], contents: readonly { id: string }[]): Promise<{ bytes: Uint8Array; pages: Record<string, number> } | undefined> => {
  const doc = await readPdfObjects(pdf);
  const pages = destinationsIn(doc);
  const starts = contents.map((c) => pages[c.id]).filter((p): p is number => p !== undefined);
  const numbers = contentsNumbersIn(
    doc,
    contents.map((c) => (pages[c.id] ? String(pages[c.id]) : '')),
    starts.length ? Math.min(...starts) : 0,
  );
  if (!numbers) return undefined;
  return { bytes: await doc.update(new Map([...headingTitlesIn(doc, headings), ...numbers])), pages };
};
