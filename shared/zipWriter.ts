/**
 * How a zip's parts are compressed: raw DEFLATE (RFC 1951) and the CRC-32 every entry carries.
 * main hands in Node's native zlib (main/services/nativeZip.ts, several times faster); anywhere
 * else fflate does the work (shared/zipPortable.ts). Always handed in, so that a `quorum pack`
 * never loads fflate, which main does not use to write.
 */
export type Compressor = {
  deflateRaw(data: Uint8Array): Uint8Array;
  crc32(data: Uint8Array): number;
  /** A part's XML as UTF-8: Node's Buffer.from in main (a 300-page pack's text, with its curly quotes and dashes, in about half TextEncoder's time). */
  encodeText(text: string): Uint8Array;
};

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export const crc32 = (data: Uint8Array): number => {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};


/** 1 January 2000, 00:00 in MS-DOS form: fixed, so a rebuild of the same pack is byte-identical. */
const DOS_TIME = 0;
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
const encoder = new TextEncoder();

export type ZipPart = { name: string; data: Uint8Array; store?: boolean };

/** A part compressed and checksummed, ready to be written into a zip (and kept, to be written again). */
export type CompressedPart = { name: Uint8Array; crc: number; size: number; method: 0 | 8; body: Uint8Array };

/** Deflates a part once (or stores it, for data that is compressed already, such as PNG and JPEG). */
export const compressPart = (part: ZipPart, compressor: Compressor): CompressedPart => ({
  name: encoder.encode(part.name),
  crc: compressor.crc32(part.data),
  size: part.data.length,
  method: part.store ? 0 : 8,
  body: part.store ? part.data : compressor.deflateRaw(part.data),
});

/**
 * Writes a zip file in one pass (APPNOTE.TXT 4.3): each part deflated once (or stored), in the
 * order given, with UTF-8 names.
 */
export const writeZip = (parts: readonly ZipPart[], compressor: Compressor): Uint8Array => zipCompressed(parts.map((p) => compressPart(p, compressor)));

/** Writes parts already compressed (compressPart) as a zip, in the order given. */
export const zipCompressed = (parts: readonly CompressedPart[]): Uint8Array => {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const { name, crc, size, method, body } of parts) {
    if (offset > 0xffffffff || body.length > 0xffffffff) throw new Error('The document is too large for a zip without ZIP64');
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true);
    lv.setUint16(8, method, true);
    lv.setUint16(10, DOS_TIME, true);
    lv.setUint16(12, DOS_DATE, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const entry = new Uint8Array(46 + name.length);
    const cv = new DataView(entry.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, method, true);
    cv.setUint16(12, DOS_TIME, true);
    cv.setUint16(14, DOS_DATE, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, body.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    entry.set(name, 46);
    chunks.push(local, body);
    central.push(entry);
    offset += local.length + body.length;
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, parts.length, true);
  ev.setUint16(10, parts.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + end.length);
  let at = 0;
  for (const c of [...chunks, ...central, end]) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};
