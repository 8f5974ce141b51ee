import { Packer, type Document } from 'docx';
import type { PackageFiles } from '../ooxml/package';
import type { DocxRawParts } from './placement';
import { compressFiles, stampedPackage } from './prepared';
import { portableCompressor } from '../../zipPortable';

/**
 * docx's compiler: the document's parts before they are zipped (path → XML text or bytes). Packer
 * keeps it as a static member; reading it lets a document be zipped once, by Quorum, rather than
 * zipped by docx, unzipped and zipped again (docx is pinned, so the member is where this expects).
 */
const compile = (doc: Document): PackageFiles => (Packer as unknown as { compiler: { compile(file: Document, prettify?: unknown, overrides?: unknown[]): PackageFiles } }).compiler.compile(doc, undefined, []);

/**
 * A document docx lays out (the exports), zipped once: what was written straight as OOXML put in
 * its place (DocxRawParts), the house style's styles part (shared/pack/ooxml/styles.ts) in place of
 * docx's, the language docx leaves out of docProps/core.xml (dc:language, which accessibility
 * checkers read alongside w:lang), and the build time as when it was made.
 */
export const packageDocument = async (doc: Document, builtAt: string, raw: DocxRawParts, styles: string): Promise<Uint8Array> => {
  const files = compile(doc);
  raw.applyTo(files);
  files.set('word/styles.xml', styles);
  files.set('docProps/core.xml', String(files.get('docProps/core.xml') ?? '').replace('</cp:coreProperties>', '<dc:language>en-GB</dc:language></cp:coreProperties>'));
  return stampedPackage(compressFiles(files, portableCompressor), builtAt, portableCompressor);
};
