import { deflateSync } from 'fflate';
import { crc32, type Compressor } from './zipWriter';

const textEncoder = new TextEncoder();

/** fflate's DEFLATE and TextEncoder: zipping where Node's zlib is not to hand (shared/zipWriter.ts, Compressor). */
export const portableCompressor: Compressor = { deflateRaw: (data) => deflateSync(data, { level: 6 }), crc32, encodeText: (text) => textEncoder.encode(text) };
