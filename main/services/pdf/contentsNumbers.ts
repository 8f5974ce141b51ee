import { deflateSync, inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib';
import type { PdfObjects } from './pdfObjects';

/**
 * What the pack's contents shows for each page number until the pages are known: four figures,
 * as wide as the widest number a pack has (up to 9,999 pages), in a column of fixed width, so
 * the number that replaces it changes no line and no page (shared/pack/html/document.ts).
 */
export const CONTENTS_PLACEHOLDER = '8888';

/** How many pages from the front are searched for the contents (a contents of 1,000 entries fills about 35). */
const PAGES_SEARCHED = 80;

export type Font = {
  /** Each character the font's subset can show, and its glyph's code (two bytes, Identity-H). */
  codeOf: Map<string, string>;
  charOf: Map<string, string>;
  /** Glyph widths in thousandths of the font size (the CIDFont's /W and /DW, ISO 32000-1 §9.7.4.3). */
  width(code: string): number;
};

export const bytesOf = (stream: PDFObject | undefined): Uint8Array | undefined => {
  if (!(stream instanceof PDFRawStream)) return undefined;
  const filter = stream.dict.get(PDFName.of('Filter'));
  if (filter === undefined) return stream.contents;
  if (filter instanceof PDFName && filter.asString() === '/FlateDecode' && !stream.dict.has(PDFName.of('DecodeParms'))) return new Uint8Array(inflateSync(stream.contents));
  return undefined;
};

/** A ToUnicode CMap's bfchar and bfrange entries (ISO 32000-1 §9.10.3), code → text. */
const toUnicode = (cmap: string): Map<string, string> => {
  const out = new Map<string, string>();
  const text = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) out.set(m[1].toUpperCase(), text(m[2]));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]+)>|\[([^\]]*)\])/g)) {
      const lo = parseInt(m[1], 16);
      const hi = parseInt(m[2], 16);
      const listed = m[4]?.match(/[0-9A-Fa-f]+/g);
      for (let c = lo; c <= hi && c - lo < 65_536; c++) {
        const code = c.toString(16).toUpperCase().padStart(m[1].length, '0');
        if (listed) {
          if (listed[c - lo]) out.set(code, text(listed[c - lo]));
        } else {
          const first = parseInt(m[3], 16);
          out.set(code, String.fromCharCode(first + (c - lo)));
        }
      }
    }
  return out;
};

export const fontOf = (doc: PdfObjects, font: PDFObject | undefined): Font | undefined => {
  const dict = doc.lookup(font);
  if (!(dict instanceof PDFDict)) return undefined;
  const subtype = dict.get(PDFName.of('Subtype'));
  const encoding = dict.get(PDFName.of('Encoding'));
  if (!(subtype instanceof PDFName) || subtype.asString() !== '/Type0' || !(encoding instanceof PDFName) || encoding.asString() !== '/Identity-H') return undefined;
  const cmap = bytesOf(doc.lookup(dict.get(PDFName.of('ToUnicode'))));
  const descendants = doc.lookup(dict.get(PDFName.of('DescendantFonts')));
  const cid = descendants instanceof PDFArray ? doc.lookup(descendants.get(0)) : undefined;
  if (!cmap || !(cid instanceof PDFDict)) return undefined;
  const charOf = toUnicode(Buffer.from(cmap).toString('latin1'));
  const codeOf = new Map<string, string>();
  for (const [code, ch] of charOf) if (code.length === 4 && !codeOf.has(ch)) codeOf.set(ch, code);
  const dw = doc.lookup(cid.get(PDFName.of('DW')));
  const widths = new Map<number, number>();
  const w = doc.lookup(cid.get(PDFName.of('W')));
  if (w instanceof PDFArray) {
    const items = w.asArray().map((o) => doc.lookup(o));
    for (let i = 0; i < items.length; ) {
      const first = items[i];
      const next = items[i + 1];
      if (!(first instanceof PDFNumber)) return undefined;
      if (next instanceof PDFArray) {
        next.asArray().forEach((v, k) => {
          const n = doc.lookup(v);
          if (n instanceof PDFNumber) widths.set(first.asNumber() + k, n.asNumber());
        });
        i += 2;
      } else {
        const last = items[i + 1];
        const width = items[i + 2];
        if (!(last instanceof PDFNumber) || !(width instanceof PDFNumber)) return undefined;
        for (let c = first.asNumber(); c <= last.asNumber() && c - first.asNumber() < 65_536; c++) widths.set(c, width.asNumber());
        i += 3;
      }
    }
  }
  const defaultWidth = dw instanceof PDFNumber ? dw.asNumber() : 1000;
  return { codeOf, charOf, width: (code) => widths.get(parseInt(code, 16)) ?? defaultWidth };
};

/**
 * A font chosen (`/F5 16 Tf`), or one run of glyphs as Chromium (Skia) writes it: placed by `Tm`,
 * then shown a glyph or several at a time, each next one moved along by `Td`
 * (`1 0 0 -1 x y Tm <001B> Tj 8.15 0 Td <001B> Tj …`).
 */
const SHOWING = /\/([^\s/<>[\]()]+)\s+([-\d.]+)\s+Tf\b|([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+Tm\s*(<[0-9A-Fa-f]*>\s*Tj(?:\s*[-\d.]+\s+[-\d.]+\s+Td\s*<[0-9A-Fa-f]*>\s*Tj)*)/g;

const num = (n: number) => String(Math.round(n * 10_000) / 10_000);

/**
 * The contents' page numbers written into a pack printed once with CONTENTS_PLACEHOLDER in their
 * place: each placeholder's glyphs, in the contents' order, are replaced by the number's glyphs
 * from the same embedded font, moved right by the difference in width so the number stays
 * right-aligned, inside the same marked content (so the tagged structure, the links and the
 * text a screen reader or a search reads are the number's). The pack is then laid out once,
 * not drafted and printed again (docs/ARCHITECTURE.md, "The PDF pack").
 *
 * The pages searched are those before the first part the contents lists (the cover and the
 * contents), and there must be exactly one placeholder there for each number: a run that reads
 * 8888 on the cover as well would leave the numbers in doubt.
 *
 * The changed page content streams, by reference, for an incremental update; undefined when
 * this cannot be done exactly — placeholders not found, or more of them than numbers, a font
 * whose subset lacks a figure the numbers need, a stream in another form — and the caller prints
 * again with the numbers in the page.
 */
export const contentsNumbersIn = (doc: PdfObjects, numbers: readonly string[], firstPartPage: number): Map<PDFRef, PDFObject> | undefined => {
  const changed = new Map<PDFRef, PDFObject>();
  let next = 0;
  const refs = doc.pageRefs().slice(0, Math.max(0, Math.min(PAGES_SEARCHED, firstPartPage - 1)));
  for (const pageRef of refs) {
    const page = doc.lookup(parseRef(pageRef));
    if (!(page instanceof PDFDict)) return undefined;
    const contentsRef = page.get(PDFName.of('Contents'));
    if (!(contentsRef instanceof PDFRef)) continue; // Chromium writes one stream a page; another shape holds no placeholder of ours
    const stream = doc.lookup(contentsRef);
    const bytes = bytesOf(stream);
    if (!bytes) continue;
    const resources = doc.lookup(page.get(PDFName.of('Resources')));
    const fontDict = resources instanceof PDFDict ? doc.lookup(resources.get(PDFName.of('Font'))) : undefined;
    const fonts = new Map<string, Font | undefined>();
    const font = (name: string) => {
      if (!fonts.has(name)) fonts.set(name, fontDict instanceof PDFDict ? fontOf(doc, fontDict.get(PDFName.of(name))) : undefined);
      return fonts.get(name);
    };
    const text = Buffer.from(bytes).toString('latin1');
    let current: { name: string; size: number } | undefined;
    let failed = false;
    let found = false;
    const rewritten = text.replace(SHOWING, (whole, name: string | undefined, size: string | undefined, a: string, b: string, c: string, d: string, e: string, f: string, run: string) => {
      if (name !== undefined) {
        current = { name, size: Number(size) };
        return whole;
      }
      const hex = [...run.matchAll(/<([0-9A-Fa-f]*)>/g)].map((m) => m[1]).join('');
      if (failed || !current || hex.length !== CONTENTS_PLACEHOLDER.length * 4) return whole;
      const face = font(current.name);
      const codes = hex.toUpperCase().match(/.{4}/g)!;
      if (!face || codes.map((code) => face.charOf.get(code)).join('') !== CONTENTS_PLACEHOLDER) return whole;
      if (next >= numbers.length) {
        failed = true; // one more than there are numbers
        return whole;
      }
      const digits = [...numbers[next]].map((ch) => face.codeOf.get(ch));
      if (digits.some((code) => code === undefined)) {
        failed = true;
        return whole;
      }
      next++;
      found = true;
      // Right-aligned: the number ends where the placeholder ended (its start moves along the text's x axis, Tm's a and b).
      const shift = ((codes.reduce((s, code) => s + face.width(code), 0) - digits.reduce((s, code) => s + face.width(code!), 0)) / 1000) * current.size;
      const x = Number(e) + shift * Number(a);
      const y = Number(f) + shift * Number(b);
      return `${a} ${b} ${c} ${d} ${num(x)} ${num(y)} Tm\n<${digits.join('')}> Tj`;
    });
    if (failed) return undefined;
    if (!found) continue;
    const original = stream as PDFRawStream;
    const dict = original.dict.clone();
    const packed = new Uint8Array(deflateSync(Buffer.from(rewritten, 'latin1')));
    dict.set(PDFName.of('Filter'), PDFName.of('FlateDecode'));
    dict.set(PDFName.of('Length'), PDFNumber.of(packed.length));
    changed.set(contentsRef, PDFRawStream.of(dict, packed));
  }
  return next === numbers.length ? changed : undefined;
};

const parseRef = (ref: string): PDFRef => {
  const [n, g] = ref.split(' ').map(Number);
  return PDFRef.of(n, g);
};
