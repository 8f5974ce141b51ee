import { Packer, type Document } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Zips the document, then sets what docx leaves out of docProps/core.xml: the language (dc:language,
 * which accessibility checkers read alongside w:lang) and the build time, so the package records
 * when the pack was made rather than when the zip was written.
 */
export const packageDocument = async (doc: Document, builtAt: string): Promise<Uint8Array> => {
  const bytes = await Packer.pack(doc, 'uint8array');
  const files = unzipSync(bytes);
  const core = strFromU8(files['docProps/core.xml']);
  const stamp = escapeXml(builtAt);
  const patched = core
    .replace(/<dcterms:created([^>]*)>[^<]*<\/dcterms:created>/, `<dcterms:created$1>${stamp}</dcterms:created>`)
    .replace(/<dcterms:modified([^>]*)>[^<]*<\/dcterms:modified>/, `<dcterms:modified$1>${stamp}</dcterms:modified>`)
    .replace('</cp:coreProperties>', '<dc:language>en-GB</dc:language></cp:coreProperties>');
  files['docProps/core.xml'] = strToU8(patched);
  // [Content_Types].xml first, as Office writes it; fixed times keep a rebuild byte-identical.
  const ordered: Zippable = {};
  const names = Object.keys(files).sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : 0));
  for (const name of names) ordered[name] = [files[name], { mtime: new Date('2000-01-01T00:00:00Z') }];
  return zipSync(ordered, { level: 6 });
};
