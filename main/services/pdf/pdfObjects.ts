import { PDFArray, PDFContext, PDFDict, PDFDocument, PDFName, PDFNumber, PDFObjectParser, PDFRef, ParseSpeeds, type PDFObject } from 'pdf-lib';

/**
 * A printed PDF's objects, read as they are asked for. Chromium's PDFs (Skia) have a classic
 * cross-reference table (ISO 32000-1 §7.5.4), so the few objects the pack needs after printing —
 * the catalog, the page tree, the named destinations, the outline — are parsed from their offsets
 * and nothing else is: a 300-page tagged pack of 5 MB is read in milliseconds, where parsing it
 * whole took a second. Changes are written as an incremental update (§7.5.6): the printed bytes
 * stay as they are, and the changed objects follow them with a cross-reference section of their
 * own. A file of any other shape (a cross-reference stream, a damaged table) is parsed whole with
 * pdf-lib and saved whole, with the same results.
 */
export type PdfObjects = {
  catalog: PDFDict;
  lookup(o: PDFObject | undefined): PDFObject | undefined;
  /** Each page's object reference ("12 0 R"), in page order. */
  pageRefs(): string[];
  /** The file with these objects replaced. */
  update(changed: ReadonlyMap<PDFRef, PDFObject>): Promise<Uint8Array>;
  /** Where each object starts, for a file with a classic cross-reference table (joinPrints.ts). */
  table?: XrefTable;
};

const latin1 = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.max(0, Math.min(to, bytes.length) - from)).toString('latin1');

export type XrefTable = { offsets: Map<number, { offset: number; generation: number }>; trailer: PDFDict };

/** The cross-reference table and trailer the file's last `startxref` points at, with every earlier section it names (/Prev). */
export const readTable = (bytes: Uint8Array, context: PDFContext): XrefTable | undefined => {
  const tail = latin1(bytes, Math.max(0, bytes.length - 1024), bytes.length);
  const at = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!at) return undefined;
  const offsets: XrefTable['offsets'] = new Map();
  let trailer: PDFDict | undefined;
  let next: number | undefined = Number(at[1]);
  const seen = new Set<number>();
  while (next !== undefined) {
    if (seen.has(next) || next >= bytes.length) return undefined;
    seen.add(next);
    // The section: "xref", then subsections of "first count" and count 20-byte entries, then "trailer".
    const head = latin1(bytes, next, next + 64);
    if (!head.startsWith('xref')) return undefined;
    let pos: number = next + 4;
    for (;;) {
      const line = /^\s*(\d+) (\d+)\s*?\r?\n|^\s*trailer/.exec(latin1(bytes, pos, pos + 64));
      if (!line) return undefined;
      if (!line[1]) {
        pos += line[0].length;
        break;
      }
      const first = Number(line[1]);
      const count = Number(line[2]);
      pos += line[0].length;
      const entries = latin1(bytes, pos, pos + count * 20);
      for (let i = 0; i < count; i++) {
        const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(entries.slice(i * 20, i * 20 + 18));
        if (!entry) return undefined;
        if (entry[3] === 'n' && !offsets.has(first + i)) offsets.set(first + i, { offset: Number(entry[1]), generation: Number(entry[2]) });
      }
      pos += count * 20;
    }
    const dict: PDFObject = PDFObjectParser.forBytes(bytes.subarray(pos), context).parseObject();
    if (!(dict instanceof PDFDict)) return undefined;
    trailer ??= dict;
    const prev: PDFObject | undefined = dict.get(PDFName.of('Prev'));
    next = prev instanceof PDFNumber ? prev.asNumber() : undefined;
  }
  return trailer ? { offsets, trailer } : undefined;
};

const pagesInTree = (root: PDFObject | undefined, lookup: PdfObjects['lookup']): string[] => {
  const out: string[] = [];
  const walk = (node: PDFObject | undefined, ref: PDFObject | undefined, depth: number) => {
    const dict = lookup(node);
    if (!(dict instanceof PDFDict) || depth > 64) return;
    const kids = lookup(dict.get(PDFName.of('Kids')));
    if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i++) walk(kids.get(i), kids.get(i), depth + 1);
    else if (ref instanceof PDFRef) out.push(ref.toString());
  };
  walk(root, root, 0);
  return out;
};

/** The whole file through pdf-lib: for a PDF without a classic cross-reference table. */
const parsedWhole = async (bytes: Uint8Array): Promise<PdfObjects> => {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const lookup = (o: PDFObject | undefined) => (o instanceof PDFRef ? doc.context.lookup(o) : o);
  return {
    catalog: doc.catalog,
    lookup,
    pageRefs: () => doc.getPages().map((p) => p.ref.toString()),
    async update(changed) {
      for (const [ref, object] of changed) doc.context.assign(ref, object);
      return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
    },
  };
};

export const readPdfObjects = async (bytes: Uint8Array): Promise<PdfObjects> => {
  const context = PDFContext.create();
  let table: XrefTable | undefined;
  try {
    table = readTable(bytes, context);
  } catch {
    table = undefined;
  }
  if (!table) return parsedWhole(bytes);
  const { offsets, trailer } = table;
  const cache = new Map<number, PDFObject | undefined>();
  const object = (ref: PDFRef): PDFObject | undefined => {
    if (cache.has(ref.objectNumber)) return cache.get(ref.objectNumber);
    const where = offsets.get(ref.objectNumber);
    let found: PDFObject | undefined;
    if (where) {
      const head = /^\s*(\d+)\s+(\d+)\s+obj\b/.exec(latin1(bytes, where.offset, where.offset + 40));
      if (head && Number(head[1]) === ref.objectNumber) found = PDFObjectParser.forBytes(bytes.subarray(where.offset + head[0].length), context).parseObject();
    }
    cache.set(ref.objectNumber, found);
    return found;
  };
  const lookup = (o: PDFObject | undefined) => (o instanceof PDFRef ? object(o) : o);
  const catalog = lookup(trailer.get(PDFName.of('Root')));
  if (!(catalog instanceof PDFDict)) return parsedWhole(bytes);
  return {
    catalog,
    lookup,
    table,
    pageRefs: () => pagesInTree(catalog.get(PDFName.of('Pages')), lookup),
    async update(changed) {
      if (!changed.size) return bytes;
      const parts: string[] = [bytes[bytes.length - 1] === 0x0a ? '' : '\n'];
      let at = bytes.length + parts[0].length;
      const placed: { number: number; generation: number; offset: number }[] = [];
      for (const [ref, value] of [...changed].sort((a, b) => a[0].objectNumber - b[0].objectNumber)) {
        const text = `${ref.objectNumber} ${ref.generationNumber} obj\n${value.toString()}\nendobj\n`;
        placed.push({ number: ref.objectNumber, generation: ref.generationNumber, offset: at });
        parts.push(text);
        at += Buffer.byteLength(text, 'latin1');
      }
      const xrefAt = at;
      const lines = ['xref'];
      for (let i = 0; i < placed.length; ) {
        let j = i;
        while (j + 1 < placed.length && placed[j + 1].number === placed[j].number + 1) j++;
        lines.push(`${placed[i].number} ${j - i + 1}`);
        for (let k = i; k <= j; k++) lines.push(`${String(placed[k].offset).padStart(10, '0')} ${String(placed[k].generation).padStart(5, '0')} n\r`);
        i = j + 1;
      }
      const next = trailer.clone(context);
      next.delete(PDFName.of('XRefStm'));
      const previous = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(latin1(bytes, Math.max(0, bytes.length - 1024), bytes.length))![1];
      next.set(PDFName.of('Prev'), PDFNumber.of(Number(previous)));
      const size = Math.max(...placed.map((p) => p.number + 1), (trailer.get(PDFName.of('Size')) as PDFNumber | undefined)?.asNumber() ?? 0);
      next.set(PDFName.of('Size'), PDFNumber.of(size));
      parts.push(`${lines.join('\n')}\ntrailer\n${next.toString()}\nstartxref\n${xrefAt}\n%%EOF\n`);
      const added = Buffer.from(parts.join(''), 'latin1');
      const out = new Uint8Array(bytes.length + added.length);
      out.set(bytes, 0);
      out.set(added, bytes.length);
      return out;
    },
  };
};
