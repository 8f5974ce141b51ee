import { Inflate, unzipSync } from 'fflate';
import { QuorumFailure } from './result';

/**
 * A .docx is a zip package (ECMA-376 Part 2, OPC). Before any part of a file from outside is
 * inflated (by mammoth or the XML reader), its central directory is read and judged here, and the
 * parts that will be read are inflated against a cap, so a "zip bomb" (a small file that inflates
 * to gigabytes: one highly compressed part, parts that lie about their size, or thousands of
 * entries pointing at the same bytes) is refused in well under a second and a few megabytes.
 */
export type ZipEntry = {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeader: number;
  /** Where its record in the central directory starts and ends. */
  central: [number, number];
};

export const ZIP_LIMITS = {
  /** No Word package comes near this many parts. */
  maxEntries: 5_000,
  /** Any one part once inflated: a paper's document.xml or its largest picture. */
  maxPartBytes: 64 * 1024 * 1024,
  /** All parts together once inflated. */
  maxTotalBytes: 256 * 1024 * 1024,
  /** Deflate at its best gives about 1,030:1; real XML gives 5–30:1. Only a part over a megabyte is judged by ratio. */
  maxRatio: 200,
} as const;

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

/** The program that wrote the package, and so the one the officer asks to save it again. */
export type OfficeApp = 'Word' | 'Excel';
const WHAT: Record<OfficeApp, string> = { Word: 'a Word document', Excel: 'an Excel workbook' };

const refuse = (fileName: string, app: OfficeApp, why: string) =>
  new QuorumFailure('invalid-input', `${fileName} was not opened: ${why}. It is not ${WHAT[app]} Quorum can read safely; ask for the ${app === 'Word' ? 'document' : 'workbook'} to be saved again from ${app}.`);

/** Where the end-of-central-directory record starts (APPNOTE 4.3.16): in the last 22 + 65,535 (comment) bytes. */
const endOfCentralDirectory = (bytes: Uint8Array, fileName: string, app: OfficeApp): number => {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) if (u32(bytes, i) === 0x06054b50) return i;
  throw refuse(fileName, app, 'it is not a complete zip package');
};

/** The entries of a zip's central directory (APPNOTE 4.3.12, 4.3.16), without inflating anything. */
export const listZipEntries = (bytes: Uint8Array, fileName = 'The file', app: OfficeApp = 'Word'): ZipEntry[] => {
  const eocd = endOfCentralDirectory(bytes, fileName, app);
  const count = u16(bytes, eocd + 10);
  const at = u32(bytes, eocd + 16);
  if (count === 0xffff || at === 0xffffffff) throw refuse(fileName, app, `it is a ZIP64 package, which ${app} does not write for files of this kind`);
  if (count > ZIP_LIMITS.maxEntries) throw refuse(fileName, app, `it holds ${count.toLocaleString('en-GB')} parts`);
  const entries: ZipEntry[] = [];
  let p = at;
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw refuse(fileName, app, 'its table of contents is damaged');
    const nameLength = u16(bytes, p + 28);
    const extra = u16(bytes, p + 30);
    const comment = u16(bytes, p + 32);
    entries.push({
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      method: u16(bytes, p + 10),
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      localHeader: u32(bytes, p + 42),
      central: [p, p + 46 + nameLength + extra + comment],
    });
    p += 46 + nameLength + extra + comment;
  }
  return entries;
};

/**
 * The same package with its parts stored in another order, copied byte for byte: nothing is
 * inflated, and each part keeps its local header, data and data descriptor (APPNOTE 4.3.6). `rank`
 * puts a part earlier when lower; parts of equal rank keep their order. Give it the entries
 * checkZipPackage judged (no two parts share bytes). For a reader that reads a package in one pass
 * as it is stored (exceljs's streaming reader: main/services/imports/sheet.ts).
 */
export const zipInOrder = (bytes: Uint8Array, entries: readonly ZipEntry[], rank: (name: string) => number): Uint8Array => {
  const eocd = endOfCentralDirectory(bytes, 'The file', 'Excel');
  const centralStart = u32(bytes, eocd + 16);
  // Each part runs from its local header to the next one's, or to the central directory.
  const stored = [...entries].sort((a, b) => a.localHeader - b.localHeader);
  const span = new Map(stored.map((e, i) => [e, [e.localHeader, i + 1 < stored.length ? stored[i + 1].localHeader : centralStart] as const]));
  const ordered = [...stored].sort((a, b) => rank(a.name) - rank(b.name) || a.localHeader - b.localHeader);
  const partsLength = centralStart - (stored[0]?.localHeader ?? centralStart);
  const centralLength = entries.reduce((n, e) => n + e.central[1] - e.central[0], 0);
  const out = new Uint8Array(partsLength + centralLength + (bytes.length - eocd));
  const view = new DataView(out.buffer);
  let at = 0;
  const newOffset = new Map<ZipEntry, number>();
  for (const e of ordered) {
    const [from, to] = span.get(e)!;
    newOffset.set(e, at);
    out.set(bytes.subarray(from, to), at);
    at += to - from;
  }
  const newCentral = at;
  for (const e of ordered) {
    out.set(bytes.subarray(e.central[0], e.central[1]), at);
    view.setUint32(at + 42, newOffset.get(e)!, true);
    at += e.central[1] - e.central[0];
  }
  out.set(bytes.subarray(eocd), at);
  view.setUint32(at + 12, centralLength, true);
  view.setUint32(at + 16, newCentral, true);
  return out;
};

/** Where an entry's compressed bytes start: after its local header (APPNOTE 4.3.7). */
const dataStart = (bytes: Uint8Array, e: ZipEntry, fileName: string, app: OfficeApp): number => {
  if (e.localHeader + 30 > bytes.length || u32(bytes, e.localHeader) !== 0x04034b50) throw refuse(fileName, app, `the part ${e.name} is damaged`);
  return e.localHeader + 30 + u16(bytes, e.localHeader + 26) + u16(bytes, e.localHeader + 28);
};

/** Inflates one part into nothing, counting, and stops the moment it outgrows what it declared. */
const actualSize = (bytes: Uint8Array, e: ZipEntry, start: number, fileName: string, app: OfficeApp): number => {
  if (e.method === 0) return e.compressedSize;
  if (e.method !== 8) throw refuse(fileName, app, `the part ${e.name} is compressed in a way ${app} does not use`);
  let total = 0;
  const limit = Math.min(e.size, ZIP_LIMITS.maxPartBytes);
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) throw refuse(fileName, app, `the part ${e.name} inflates to more than it declares`);
  });
  const end = Math.min(bytes.length, start + e.compressedSize);
  // Small steps: 2 KB of deflate can hold 2 MB, so no step inflates much before the count stops it.
  const step = 2048;
  try {
    for (let i = start; i < end; i += step) inflater.push(bytes.subarray(i, Math.min(end, i + step)), i + step >= end);
  } catch (err) {
    if (err instanceof QuorumFailure) throw err;
    throw refuse(fileName, app, `the part ${e.name} is damaged`);
  }
  return total;
};

/**
 * Judges a zip package against ZIP_LIMITS and checks the parts that will be read (`wanted`) by
 * inflating them against a cap. Returns the entries. Throws a QuorumFailure in the user's words.
 */
export const checkZipPackage = (bytes: Uint8Array, wanted: (name: string) => boolean, fileName = 'The file', app: OfficeApp = 'Word'): ZipEntry[] => {
  const entries = listZipEntries(bytes, fileName, app);
  let declared = 0;
  const ranges: [number, number][] = [];
  for (const e of entries) {
    declared += e.size;
    if (e.size > ZIP_LIMITS.maxPartBytes) throw refuse(fileName, app, `the part ${e.name} would take ${Math.round(e.size / 1024 / 1024)} MB once opened`);
    if (e.size > 1024 * 1024 && e.size > e.compressedSize * ZIP_LIMITS.maxRatio) throw refuse(fileName, app, `the part ${e.name} is compressed ${Math.round(e.size / Math.max(1, e.compressedSize))} to 1, as only a zip bomb is`);
    ranges.push([e.localHeader, e.localHeader + 30 + e.compressedSize]);
  }
  if (declared > ZIP_LIMITS.maxTotalBytes) throw refuse(fileName, app, `its parts would take ${Math.round(declared / 1024 / 1024)} MB once opened`);
  // Parts that share bytes (a non-recursive zip bomb) never occur in a package Word writes.
  ranges.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < ranges.length; i++) if (ranges[i][0] < ranges[i - 1][1]) throw refuse(fileName, app, 'several of its parts share the same bytes');
  let actual = 0;
  for (const e of entries) {
    if (!wanted(e.name)) continue;
    actual += actualSize(bytes, e, dataStart(bytes, e, fileName, app), fileName, app);
    if (actual > ZIP_LIMITS.maxTotalBytes) throw refuse(fileName, app, 'its parts inflate to more than they declare');
  }
  return entries;
};

/** Unzips only the parts wanted, after checkZipPackage has judged the file. */
export const unzipChecked = (bytes: Uint8Array, wanted: (name: string) => boolean, fileName = 'The file'): Record<string, Uint8Array> => {
  checkZipPackage(bytes, wanted, fileName);
  return unzipSync(bytes, { filter: (f) => wanted(f.name) });
};
