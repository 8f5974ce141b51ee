import { promisify } from 'node:util';
import { deflate as deflateCallback } from 'node:zlib';
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib';
import { nameOf } from './structure';
import { readPdfObjects, type PdfObjects } from './pdfObjects';
import { bytesOf, fontOf, type Font } from './contentsNumbers';
import { pageFooter, withPageNumber, type Kerning, type PageFooter } from './pageNumbers';

const deflate = promisify(deflateCallback);

/**
 * Documents printed side by side (splitPack.ts) joined into the one PDF a single print would
 * have given: the pages in order, one tag tree, one outline, the named destinations, "Page X of
 * Y" counted through the whole pack (docs/ARCHITECTURE.md, "The PDF pack").
 *
 * Chromium's PDFs have a classic cross-reference table (ISO 32000-1 §7.5.4), so each document's
 * objects are copied as they are, from their offsets: the first's keep their numbers, each next
 * document's are numbered on after the one before, its references (`12 0 R`) and its keys into
 * the structure parent tree (a page's /StructParents, an annotation's /StructParent, §14.7.4.4)
 * moved with them. Stream data is copied byte for byte. What holds the documents together is
 * written afresh in the first's objects: the page tree's root (§7.7.3), the structure tree root and
 * its Document element (§14.7.2), the parent tree, the ID tree, the named destinations (§12.3.2.3)
 * and the outline's root and the items where one document's outline meets the next (§12.3.3).
 * Each page's content stream gets its page number again (pageNumbers.ts).
 *
 * Undefined when a document is of another shape than Chromium's (a cross-reference stream, an
 * update appended, a parent tree of several nodes, a footer not found): the caller prints the pack
 * as one document.
 */
export const joinPrints = async (prints: readonly Uint8Array[], owned: readonly ReadonlySet<string>[]): Promise<Uint8Array | undefined> => {
  const docs: Printed[] = [];
  for (const bytes of prints) {
    const doc = await readPrinted(bytes);
    if (!doc) return undefined;
    docs.push(doc);
  }
  const first = docs[0];
  // Numbering: each document's objects after the one before; its keys in the parent tree likewise.
  let base = 0;
  let keys = 0;
  for (const doc of docs) {
    doc.base = base;
    doc.keyBase = keys;
    base += doc.size;
    keys += doc.nextKey;
  }
  const refOf = (doc: Printed, n: number): number => (doc === first ? n : (doc.joinsTo.get(n) ?? n + doc.base));
  const renumber = (doc: Printed, text: string) => (doc === first ? text : renumbered(text, (n) => refOf(doc, n), doc.keyBase));
  const textOf = (doc: Printed, o: PDFObject | undefined) => (o === undefined ? '' : renumber(doc, o.toString()));
  for (const doc of docs.slice(1))
    doc.joinsTo = new Map([
      [doc.pagesRoot, first.pagesRoot],
      [doc.structRoot, first.structRoot],
      [doc.documentElement, first.documentElement],
      ...(doc.outlines !== undefined && first.outlines !== undefined ? ([[doc.outlines, first.outlines]] as [number, number][]) : []),
    ]);

  const written = new Map<string, string | Uint8Array>(); // "doc:number" → the object's new body
  const dropped = new Set<string>();
  const key = (doc: Printed, n: number) => `${docs.indexOf(doc)}:${n}`;

  // The page tree: one root over every document's kids.
  const total = docs.reduce((n, d) => n + d.pageRefs.length, 0);
  written.set(key(first, first.pagesRoot), `<</Type /Pages\n/Count ${total}\n/Kids [${docs.map((d) => d.rootKids.map((k) => textOf(d, k)).join(' ')).join(' ')}]>>`);
  // The structure tree: one Document element holding every document's parts, one parent tree.
  written.set(key(first, first.structRoot), `${first.structRootDict.toString().replace(/\/ParentTreeNextKey \d+/, `/ParentTreeNextKey ${keys}`)}`);
  written.set(key(first, first.documentElement), withKey(first.documentDict, 'K', `[${docs.map((d) => d.documentKids.map((k) => textOf(d, k)).join(' ')).join(' ')}]`));
  written.set(key(first, first.parentTree), `<</Type /ParentTree\n/Nums [${docs.map((d) => d.parentNums.map(([k, v]) => `${k + d.keyBase} ${textOf(d, v)}`).join(' ')).join(' ')}]>>`);
  // The ID tree and the named destinations: a name is the document's that holds the element.
  const ownerFirst = <T>(pairs: { doc: Printed; name: string; value: T }[]) => {
    const chosen = new Map<string, { doc: Printed; value: T }>();
    for (const p of pairs) {
      const holds = owned[docs.indexOf(p.doc)]?.has(p.name);
      if (!chosen.has(p.name) || holds) chosen.set(p.name, p);
    }
    return chosen;
  };
  if (first.idTree !== undefined) {
    const ids = ownerFirst(docs.flatMap((doc) => doc.ids.map(([name, keyText, value]) => ({ doc, name, value: { keyText, value } }))));
    // A name tree's keys in order (§7.9.6); the ids are the page's own, ASCII.
    const sorted = [...ids].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    written.set(key(first, first.idTree), `<</Names [${sorted.map(([, { doc, value }]) => `${value.keyText} ${textOf(doc, value.value)}`).join(' ')}]>>`);
  }
  if (first.dests !== undefined) {
    const dests = ownerFirst(docs.flatMap((doc) => doc.destPairs.map(([name, value]) => ({ doc, name: name.decodeText(), value: { name, value } }))));
    written.set(key(first, first.dests), `<<${[...dests.values()].map(({ doc, value }) => `\n${value.name.toString()} ${textOf(doc, value.value)}`).join('')}>>`);
  }
  // The outline: each document's top level after the one before.
  const withOutline = docs.filter((d) => d.outlineFirst !== undefined);
  if (first.outlines !== undefined && withOutline.length) {
    const count = withOutline.reduce((n, d) => n + d.outlineCount, 0);
    const last = withOutline[withOutline.length - 1];
    written.set(key(first, first.outlines), `<</Type /Outlines\n/First ${refOf(withOutline[0], withOutline[0].outlineFirst!)} 0 R\n/Last ${refOf(last, last.outlineLast!)} 0 R\n/Count ${count}>>`);
    const extra = new Map<string, { doc: Printed; n: number; keys: string[] }>();
    const add = (doc: Printed, n: number, k: string) => {
      const at = key(doc, n);
      extra.set(at, { doc, n, keys: [...(extra.get(at)?.keys ?? []), k] });
    };
    for (let i = 1; i < withOutline.length; i++) {
      const [a, b] = [withOutline[i - 1], withOutline[i]];
      add(a, a.outlineLast!, `/Next ${refOf(b, b.outlineFirst!)} 0 R`);
      add(b, b.outlineFirst!, `/Prev ${refOf(a, a.outlineLast!)} 0 R`);
    }
    for (const [at, { doc, n, keys: added }] of extra) {
      const item = doc.objects.lookup(PDFRef.of(n));
      if (!(item instanceof PDFDict)) return undefined;
      written.set(at, textOf(doc, item).replace(/^<</, `<<${added.map((k) => `\n${k}`).join('')}`));
    }
  } else if (withOutline.some((d) => d !== first)) return undefined;
  // What only the first document's catalog, tree roots and outline needed, from each next one.
  for (const doc of docs.slice(1)) for (const n of doc.dropped) dropped.add(key(doc, n));

  // Each page's number, counted through the pack: every footer found first (and the kerning its
  // numbers show), then each written again and compressed on libuv's threads.
  const kerning: Kerning = new Map();
  const footers: { doc: Printed; contentsRef: PDFRef; stream: PDFRawStream; bytes: Buffer; footer: PageFooter & { within: number }; page: number }[] = [];
  for (const doc of docs) {
    for (let i = 0; i < doc.pageRefs.length; i++) {
      const pageDict = doc.objects.lookup(doc.pageRefs[i]);
      if (!(pageDict instanceof PDFDict)) return undefined;
      const contentsRef = pageDict.get(PDFName.of('Contents'));
      const stream = doc.objects.lookup(contentsRef);
      const bytes = bytesOf(stream);
      if (!(contentsRef instanceof PDFRef) || !(stream instanceof PDFRawStream) || !bytes) return undefined;
      const resources = doc.objects.lookup(pageDict.get(PDFName.of('Resources')));
      const fonts = resources instanceof PDFDict ? doc.objects.lookup(resources.get(PDFName.of('Font'))) : undefined;
      const fontNamed = (name: string): Font | undefined => {
        const ref = fonts instanceof PDFDict ? fonts.get(PDFName.of(name)) : undefined;
        return ref instanceof PDFRef ? doc.fontCache(ref.toString(), () => fontOf(doc.objects, ref)) : undefined;
      };
      const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const found = footerIn(all, (text) => pageFooter(text, fontNamed, { page: i + 1, of: doc.pageRefs.length }, kerning));
      if (!found) return undefined;
      footers.push({ doc, contentsRef, stream, bytes: found.bytes, footer: found.footer, page: footers.length + 1 });
    }
  }
  const fixes: Promise<void>[] = [];
  for (const { doc, contentsRef, stream, bytes, footer, page } of footers) {
    const head = withPageNumber(bytes.subarray(0, footer.within).toString('latin1'), footer, { page, of: total }, kerning);
    if (head === undefined) return undefined;
    const at = key(doc, contentsRef.objectNumber);
    const dict = stream.dict.clone();
    fixes.push(
      deflate(Buffer.concat([Buffer.from(head, 'latin1'), bytes.subarray(footer.within)])).then((packed) => {
        dict.set(PDFName.of('Filter'), PDFName.of('FlateDecode'));
        dict.set(PDFName.of('Length'), PDFNumber.of(packed.length));
        const streamHead = Buffer.from(`${textOf(doc, dict)}\nstream\n`, 'latin1');
        written.set(at, Buffer.concat([streamHead, packed, Buffer.from('\nendstream', 'latin1')]));
      }),
    );
  }
  await Promise.all(fixes);
  return writeJoined(docs, written, dropped, key, renumber, base);
};

/**
 * A page's footer, found in the start of its content (the margin boxes are drawn first), or in the
 * whole when not there; `within` is how much of the content was read as text.
 */
const footerIn = (all: Buffer, find: (text: string) => PageFooter | undefined): { bytes: Buffer; footer: PageFooter & { within: number } } | undefined => {
  const start = Math.min(all.length, 16_384);
  const inStart = find(all.subarray(0, start).toString('latin1'));
  if (inStart) return { bytes: all, footer: { ...inStart, within: start } };
  const inWhole = start < all.length ? find(all.toString('latin1')) : undefined;
  return inWhole ? { bytes: all, footer: { ...inWhole, within: all.length } } : undefined;
};

type Printed = {
  bytes: Uint8Array;
  objects: PdfObjects;
  /** Each object's number and where it starts, in file order, then where the table starts. */
  extents: { number: number; start: number; end: number }[];
  header: number;
  size: number;
  trailer: PDFDict;
  pagesRoot: number;
  rootKids: PDFObject[];
  pageRefs: PDFRef[];
  structRoot: number;
  structRootDict: PDFDict;
  documentElement: number;
  documentDict: PDFDict;
  documentKids: PDFObject[];
  parentTree: number;
  parentNums: [number, PDFObject][];
  nextKey: number;
  idTree?: number;
  /** The ID tree's pairs: the id, its key as written, the element. */
  ids: [string, string, PDFObject][];
  dests?: number;
  destPairs: [PDFName, PDFObject][];
  outlines?: number;
  outlineFirst?: number;
  outlineLast?: number;
  outlineCount: number;
  dropped: number[];
  base: number;
  keyBase: number;
  joinsTo: Map<number, number>;
  fontCache(ref: string, make: () => Font | undefined): Font | undefined;
};

const numberOf = (o: PDFObject | undefined): number | undefined => (o instanceof PDFRef && o.generationNumber === 0 ? o.objectNumber : undefined);
const arrayItems = (doc: PdfObjects, o: PDFObject | undefined): PDFObject[] | undefined => {
  const v = doc.lookup(o);
  return v instanceof PDFArray ? v.asArray() : v instanceof PDFRef || v instanceof PDFDict ? [o!] : undefined;
};
const keysOf = (d: PDFDict) => d.keys().map((k) => k.asString());
const onlyKeys = (d: PDFDict, allowed: string[]) => keysOf(d).every((k) => allowed.includes(k));

/** One printed document read for joining; undefined when it is not of the shape Chromium prints. */
const readPrinted = async (bytes: Uint8Array): Promise<Printed | undefined> => {
  const objects = await readPdfObjects(bytes);
  const table = objects.table;
  if (!table || table.trailer.has(PDFName.of('Prev')) || table.trailer.has(PDFName.of('Encrypt'))) return undefined;
  const latin = (from: number, to: number) => Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('latin1');
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(latin(Math.max(0, bytes.length - 1024), bytes.length))?.[1]);
  const sorted = [...table.offsets].filter(([, w]) => w.generation === 0).sort((a, b) => a[1].offset - b[1].offset);
  if (!sorted.length || sorted.length !== table.offsets.size) return undefined;
  const extents = sorted.map(([number, w], i) => ({ number, start: w.offset, end: i + 1 < sorted.length ? sorted[i + 1][1].offset : startxref }));
  if (extents.some((e) => !(e.end > e.start))) return undefined;
  const size = (table.trailer.get(PDFName.of('Size')) as PDFNumber | undefined)?.asNumber();
  const catalog = objects.catalog;
  const catalogNumber = numberOf(table.trailer.get(PDFName.of('Root')));
  const pagesRoot = numberOf(catalog.get(PDFName.of('Pages')));
  const structRoot = numberOf(catalog.get(PDFName.of('StructTreeRoot')));
  if (!size || catalogNumber === undefined || pagesRoot === undefined || structRoot === undefined || catalog.has(PDFName.of('Names')) || catalog.has(PDFName.of('AcroForm'))) return undefined;
  const root = objects.lookup(PDFRef.of(pagesRoot));
  const sRoot = objects.lookup(PDFRef.of(structRoot));
  if (!(root instanceof PDFDict) || !(sRoot instanceof PDFDict) || !onlyKeys(root, ['/Type', '/Count', '/Kids']) || !onlyKeys(sRoot, ['/Type', '/K', '/ParentTreeNextKey', '/ParentTree', '/IDTree'])) return undefined;
  const rootKids = arrayItems(objects, root.get(PDFName.of('Kids')));
  const documentElement = numberOf(sRoot.get(PDFName.of('K')));
  const parentTree = numberOf(sRoot.get(PDFName.of('ParentTree')));
  const nextKey = sRoot.get(PDFName.of('ParentTreeNextKey'));
  const documentDict = documentElement === undefined ? undefined : objects.lookup(PDFRef.of(documentElement));
  const parentDict = parentTree === undefined ? undefined : objects.lookup(PDFRef.of(parentTree));
  if (!rootKids || !(documentDict instanceof PDFDict) || !(parentDict instanceof PDFDict) || !(nextKey instanceof PDFNumber) || parentDict.has(PDFName.of('Kids'))) return undefined;
  const sType = documentDict.get(PDFName.of('S'));
  if (!(sType instanceof PDFName) || sType.asString() !== '/Document') return undefined;
  const documentKids = arrayItems(objects, documentDict.get(PDFName.of('K'))) ?? [];
  const nums = arrayItems(objects, parentDict.get(PDFName.of('Nums'))) ?? [];
  const parentNums: [number, PDFObject][] = [];
  for (let i = 0; i + 1 < nums.length; i += 2) {
    const k = nums[i];
    if (!(k instanceof PDFNumber)) return undefined;
    parentNums.push([k.asNumber(), nums[i + 1]]);
  }
  // The ID tree (§14.7.2): its pairs, from its root and its leaves.
  const idTree = numberOf(sRoot.get(PDFName.of('IDTree')));
  const ids: [string, string, PDFObject][] = [];
  const dropped = [catalogNumber, parentTree!, structRoot, documentElement!, pagesRoot];
  const info = numberOf(table.trailer.get(PDFName.of('Info')));
  if (info !== undefined) dropped.push(info);
  if (idTree !== undefined) {
    const walk = (n: number, depth: number): boolean => {
      const node = objects.lookup(PDFRef.of(n));
      if (!(node instanceof PDFDict) || depth > 8) return false;
      dropped.push(n);
      const pairs = arrayItems(objects, node.get(PDFName.of('Names')));
      if (pairs)
        for (let i = 0; i + 1 < pairs.length; i += 2) {
          const keyObject = objects.lookup(pairs[i]);
          const name = nameOf(keyObject);
          if (name === undefined) return false;
          ids.push([name, keyObject!.toString(), pairs[i + 1]]);
        }
      const kids = arrayItems(objects, node.get(PDFName.of('Kids')));
      return (kids ?? []).every((k) => numberOf(k) !== undefined && walk(numberOf(k)!, depth + 1));
    };
    if (!walk(idTree, 0)) return undefined;
  }
  const dests = numberOf(catalog.get(PDFName.of('Dests')));
  const destDict = dests === undefined ? undefined : objects.lookup(PDFRef.of(dests));
  if (dests !== undefined && !(destDict instanceof PDFDict)) return undefined;
  if (dests !== undefined) dropped.push(dests);
  const outlines = numberOf(catalog.get(PDFName.of('Outlines')));
  const outlineDict = outlines === undefined ? undefined : objects.lookup(PDFRef.of(outlines));
  if (outlines !== undefined && !(outlineDict instanceof PDFDict)) return undefined;
  if (outlines !== undefined) dropped.push(outlines);
  const count = outlineDict instanceof PDFDict ? outlineDict.get(PDFName.of('Count')) : undefined;
  const pageRefs = objects.pageRefs().map((r) => PDFRef.of(Number(r.split(' ')[0]), Number(r.split(' ')[1])));
  const fonts = new Map<string, Font | undefined>();
  return {
    bytes,
    objects,
    extents,
    header: extents[0].start,
    size,
    trailer: table.trailer,
    pagesRoot,
    rootKids,
    pageRefs,
    structRoot,
    structRootDict: sRoot,
    documentElement: documentElement!,
    documentDict,
    documentKids,
    parentTree: parentTree!,
    parentNums,
    nextKey: nextKey.asNumber(),
    idTree,
    ids,
    dests,
    destPairs: destDict instanceof PDFDict ? destDict.entries() : [],
    outlines,
    outlineFirst: outlineDict instanceof PDFDict ? numberOf(outlineDict.get(PDFName.of('First'))) : undefined,
    outlineLast: outlineDict instanceof PDFDict ? numberOf(outlineDict.get(PDFName.of('Last'))) : undefined,
    outlineCount: count instanceof PDFNumber ? count.asNumber() : 0,
    dropped,
    base: 0,
    keyBase: 0,
    joinsTo: new Map(),
    fontCache: (ref, make) => {
      if (!fonts.has(ref)) fonts.set(ref, make());
      return fonts.get(ref);
    },
  };
};

/** A dictionary's text with one key set to `value` (text). */
const withKey = (dict: PDFDict, name: string, value: string): string => {
  const others = dict
    .entries()
    .filter(([k]) => k.asString() !== `/${name}`)
    .map(([k, v]) => `\n${k.toString()} ${v.toString()}`)
    .join('');
  return `<<${others}\n/${name} ${value}>>`;
};

/** Past a literal string, hex string or comment starting at `at` (§7.3.4, §7.2.4), or undefined when none starts there. */
const skipped = (text: string, at: number): number | undefined => {
  const ch = text[at];
  if (ch === '(') {
    // A literal string: balanced parentheses, a backslash escaping the next character (§7.3.4.2).
    let depth = 0;
    let end = at;
    for (; end < text.length; end++) {
      const c = text[end];
      if (c === '\\') end++;
      else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) break;
    }
    return end + 1;
  }
  if (ch === '<' && text[at + 1] !== '<') return text.indexOf('>', at) + 1 || text.length;
  if (ch === '%') return text.indexOf('\n', at) + 1 || text.length;
  return undefined;
};

/** Where an object's stream keyword is (`N 0 obj <<…>> stream`), found past its dictionary's strings; undefined when it has none. */
const streamAt = (own: string): number | undefined => {
  let depth = 0;
  for (let i = own.indexOf('obj') + 3; i < own.length; ) {
    const past = skipped(own, i);
    if (past !== undefined) {
      i = past;
      continue;
    }
    if (own.startsWith('<<', i)) {
      depth++;
      i += 2;
    } else if (own.startsWith('>>', i)) {
      depth--;
      i += 2;
      if (depth === 0) return /^\s*stream\r?\n/.test(own.slice(i, i + 16)) ? i : undefined;
    } else i++;
  }
  return undefined;
};

/**
 * PDF text (a dictionary, an array: no stream data) with its object references renumbered and
 * its keys into the parent tree moved, outside strings: a title or an alternative text that
 * reads "12 0 R" stays as written.
 */
export const renumbered = (text: string, to: (n: number) => number, keyBase: number): string => {
  let out = '';
  let i = 0;
  const plain = (s: string) =>
    s.replace(/(?<![\d.+-])(\d+) (\d+) R\b/g, (_w, n: string, g: string) => `${to(Number(n))} ${g} R`).replace(/(\/StructParents?)(\s+)(\d+)\b/g, (_w, k: string, sp: string, n: string) => `${k}${sp}${Number(n) + keyBase}`);
  while (i < text.length) {
    const open = text.slice(i).search(/[(<%]/);
    if (open < 0) {
      out += plain(text.slice(i));
      break;
    }
    const at = i + open;
    out += plain(text.slice(i, at));
    const end = skipped(text, at) ?? at + 2; // `<<` opens a dictionary
    out += text.slice(at, end);
    i = end;
  }
  return out;
};

/** The joined file: every object in one body, then one cross-reference table (§7.5.4). */
const writeJoined = (
  docs: Printed[],
  written: Map<string, string | Uint8Array>,
  dropped: Set<string>,
  key: (doc: Printed, n: number) => string,
  renumber: (doc: Printed, text: string) => string,
  size: number,
): Uint8Array => {
  const chunks: Uint8Array[] = [];
  const offsets = new Array<number>(size).fill(-1);
  const first = docs[0];
  let at = 0;
  // Text is gathered and written as one buffer at the next stream: tens of thousands of small objects.
  let text: string[] = [];
  const flush = () => {
    if (!text.length) return;
    chunks.push(Buffer.from(text.join(''), 'latin1'));
    text = [];
  };
  const pushText = (s: string) => {
    text.push(s);
    at += s.length;
  };
  const push = (b: Uint8Array) => {
    flush();
    chunks.push(b);
    at += b.length;
  };
  push(first.bytes.subarray(0, first.header));
  for (const doc of docs) {
    for (const { number, start, end } of doc.extents) {
      const k = key(doc, number);
      if (dropped.has(k) && !written.has(k)) continue;
      const n = doc === first ? number : number + doc.base;
      offsets[n] = at;
      const body = written.get(k);
      if (body !== undefined) {
        pushText(`${n} 0 obj\n`);
        if (typeof body === 'string') pushText(body);
        else push(body);
        pushText('\nendobj\n');
        continue;
      }
      if (doc === first) {
        push(doc.bytes.subarray(start, end));
        continue;
      }
      // The object's own text (to its stream keyword, if it has one) renumbered; its stream data as it is.
      // Only the text before a stream is read: a page's content or a picture is copied unread.
      const own = Buffer.from(doc.bytes.buffer, doc.bytes.byteOffset + start, end - start);
      let data: number | undefined;
      if (own.lastIndexOf('endstream') >= Math.max(0, own.length - 64)) {
        const keyword = own.indexOf('stream');
        data = keyword < 0 ? undefined : (streamAt(own.subarray(0, keyword + 8).toString('latin1')) ?? streamAt(own.toString('latin1')));
      }
      pushText(renumber(doc, own.subarray(0, data ?? own.length).toString('latin1').replace(/^\s*\d+(\s+\d+\s+obj)/, `${n}$1`)));
      if (data !== undefined) push(own.subarray(data));
    }
  }
  flush();
  const xrefAt = at;
  const free = offsets.map((o, n) => (o < 0 ? n : -1)).filter((n) => n >= 0);
  const lines = [`xref\n0 ${size}\n`];
  for (let n = 0; n < size; n++) {
    if (offsets[n] >= 0) lines.push(`${String(offsets[n]).padStart(10, '0')} 00000 n\r\n`);
    else {
      // The free entries in a list, each naming the next (§7.5.4); object 0 heads it.
      const next = free[free.indexOf(n) + 1] ?? 0;
      lines.push(`${String(next).padStart(10, '0')} ${n === 0 ? '65535' : '00001'} f\r\n`);
    }
  }
  const trailer = first.trailer.clone();
  trailer.set(PDFName.of('Size'), PDFNumber.of(size));
  lines.push(`trailer\n${trailer.toString()}\nstartxref\n${xrefAt}\n%%EOF\n`);
  push(Buffer.from(lines.join(''), 'latin1'));
  return new Uint8Array(Buffer.concat(chunks));
};
