import { compressPart, zipCompressed, type CompressedPart, type Compressor } from '../../zipWriter';
import type { PackageFiles } from '../ooxml/package';
import { escAttr } from '../ooxml/escape';

/** Pictures are compressed already; deflating them again costs time for nothing. */
const STORED = /\.(png|jpe?g|gif|bmp)$/i;

/**
 * The package's parts compressed, all but the one that records when the document was made
 * (docProps/core.xml), which `stamped` writes: a pack laid out ahead of time (while the officer
 * reads the pre-flight) is stamped and zipped when Build is pressed, and is then the very file a
 * build at that moment writes.
 */
export type PreparedPackage = { parts: CompressedPart[]; core: string; coreAt: number };

/**
 * Compresses every part but docProps/core.xml, in the order given ([Content_Types].xml first, as
 * Office writes it). `compressor`: Node's native zlib from main; fflate elsewhere (shared/zipWriter.ts).
 */
export const compressFiles = (files: PackageFiles, compressor: Compressor): PreparedPackage => {
  const names = [...files.keys()].sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : 0));
  const parts: CompressedPart[] = [];
  let coreAt = -1;
  for (const name of names) {
    if (name === 'docProps/core.xml') {
      coreAt = parts.length;
      continue;
    }
    const data = files.get(name)!;
    parts.push(compressPart({ name, data: typeof data === 'string' ? compressor.encodeText(data) : new Uint8Array(data), store: STORED.test(name) }, compressor));
  }
  return { parts, core: String(files.get('docProps/core.xml') ?? ''), coreAt };
};

/** The package zipped, with the build time as when the document was made (dcterms:created and dcterms:modified), not when the zip was written. */
export const stampedPackage = (prepared: PreparedPackage, builtAt: string, compressor: Compressor): Uint8Array => {
  const stamp = escAttr(builtAt);
  const core = prepared.core
    .replace(/<dcterms:created([^>]*)>[^<]*<\/dcterms:created>/, `<dcterms:created$1>${stamp}</dcterms:created>`)
    .replace(/<dcterms:modified([^>]*)>[^<]*<\/dcterms:modified>/, `<dcterms:modified$1>${stamp}</dcterms:modified>`);
  const parts = [...prepared.parts];
  if (prepared.coreAt >= 0) parts.splice(prepared.coreAt, 0, compressPart({ name: 'docProps/core.xml', data: compressor.encodeText(core) }, compressor));
  return zipCompressed(parts);
};
