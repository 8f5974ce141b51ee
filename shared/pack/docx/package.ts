import { Packer, type Document } from 'docx';
import { compressPart, zipCompressed, type CompressedPart, type Compressor } from '../../zipWriter';
import type { RawParts } from '../ooxml/raw';
import { namePartsInEverySection, shareIdenticalHeadersAndFooters } from './sharedParts';
import { contentsAsPageReferences, fillContentsPages, type ContentsPage } from './contentsPages';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * docx's compiler: the document's parts before they are zipped (path → XML text or bytes). Packer
 * keeps it as a static member; reading it lets the pack be zipped once, by Quorum, rather than
 * zipped by docx, unzipped and zipped again (docx is pinned, so the member is where this expects).
 */
type Compiled = Map<string, string | Uint8Array>;
const compile = (doc: Document): Compiled => (Packer as unknown as { compiler: { compile(file: Document, prettify?: unknown, overrides?: unknown[]): Compiled } }).compiler.compile(doc, undefined, []);

const encoder = new TextEncoder();
/** Pictures are compressed already; deflating them again costs time for nothing. */
const STORED = /\.(png|jpe?g|gif|bmp)$/i;

/**
 * The package's parts compressed, all but the one that records when the pack was made
 * (docProps/core.xml), which `stamped` writes: a pack laid out ahead of time (while the officer
 * reads the pre-flight) is stamped and zipped when Build is pressed, and is then the very file a
 * build at that moment writes.
 */
export type PreparedPackage = { parts: CompressedPart[]; core: string; coreAt: number };

/**
 * Lays the document's parts out and compresses them, and sets what docx leaves out of
 * docProps/core.xml: the language (dc:language, which accessibility checkers read alongside
 * w:lang). `compressor`: Node's native zlib from main; fflate elsewhere. `raw`: what was written
 * straight as OOXML (the pack's paper bodies), put into docx's parts before they are zipped.
 */
export const prepareDocument = (doc: Document, compressor?: Compressor, raw?: RawParts, contentsPages?: readonly ContentsPage[]): PreparedPackage => {
  const files = compile(doc);
  raw?.applyTo(files);
  // The contents' numbers: each reader's own layout (PAGEREF), with a PDF's numbers as the cached result where there is one.
  const body = namePartsInEverySection(contentsAsPageReferences(String(files.get('word/document.xml'))));
  files.set('word/document.xml', contentsPages?.length ? fillContentsPages(body, contentsPages) : body);
  shareIdenticalHeadersAndFooters(files);
  const core = String(files.get('docProps/core.xml') ?? '').replace('</cp:coreProperties>', '<dc:language>en-GB</dc:language></cp:coreProperties>');
  // [Content_Types].xml first, as Office writes it; entries carry a fixed time, not the clock's.
  const names = [...files.keys()].sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : 0));
  const parts: CompressedPart[] = [];
  let coreAt = -1;
  for (const name of names) {
    if (name === 'docProps/core.xml') {
      coreAt = parts.length;
      continue;
    }
    const data = files.get(name)!;
    parts.push(compressPart({ name, data: typeof data === 'string' ? encoder.encode(data) : new Uint8Array(data), store: STORED.test(name) }, compressor));
  }
  return { parts, core, coreAt };
};

/** The package zipped, with the build time as when the pack was made (dcterms:created and dcterms:modified), not when the zip was written. */
export const stampedPackage = (prepared: PreparedPackage, builtAt: string, compressor?: Compressor): Uint8Array => {
  const stamp = escapeXml(builtAt);
  const core = prepared.core
    .replace(/<dcterms:created([^>]*)>[^<]*<\/dcterms:created>/, `<dcterms:created$1>${stamp}</dcterms:created>`)
    .replace(/<dcterms:modified([^>]*)>[^<]*<\/dcterms:modified>/, `<dcterms:modified$1>${stamp}</dcterms:modified>`);
  const parts = [...prepared.parts];
  if (prepared.coreAt >= 0) parts.splice(prepared.coreAt, 0, compressPart({ name: 'docProps/core.xml', data: encoder.encode(core) }, compressor));
  return zipCompressed(parts);
};

/** Zips the document once (prepareDocument, then stampedPackage). */
export const packageDocument = async (doc: Document, builtAt: string, compressor?: Compressor, raw?: RawParts, contentsPages?: readonly ContentsPage[]): Promise<Uint8Array> =>
  stampedPackage(prepareDocument(doc, compressor, raw, contentsPages), builtAt, compressor);
