import { strFromU8, unzipSync } from 'fflate';
import { XMLValidator } from 'fast-xml-parser';
import type { ImageLibrary } from '../shared/pack/markdown/images';
import type { MarkdownContext } from '../shared/pack/markdown/context';
import { compressFiles, stampedPackage } from '../shared/pack/docx/prepared';
import { portableCompressor } from '../shared/zipPortable';
import { markdownToOoxml } from '../shared/pack/ooxml/body';
import { RawParts } from '../shared/pack/ooxml/raw';
import { numberingXml } from '../shared/pack/ooxml/numbering';
import { stylesXml } from '../shared/pack/ooxml/styles';
import { wordPackage } from '../shared/pack/ooxml/package';
import { buildExampleRecords } from '../shared/example';
import { buildGeneratedRecords } from '../shared/example/generate';
import type { StoreData } from '../shared/data';
import type { QRecord } from '../shared/schema/records';
import { TEST_NOW, TEST_TODAY } from './helpers';

/** A .docx read back: every part as text, for asserting on the OOXML Quorum wrote. */
export type DocxPackage = { parts: Record<string, string>; document: string; text: string };

export const readPackage = (bytes: Uint8Array): DocxPackage => {
  const files = unzipSync(bytes);
  const parts: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) parts[name] = name.match(/\.(xml|rels)$/) ? strFromU8(data) : `[binary ${data.length} bytes]`;
  const document = parts['word/document.xml'] ?? '';
  return { parts, document, text: visibleText(document) };
};

/** The words a reader sees: the w:t and w:delText runs, with paragraphs on new lines. */
export const visibleText = (xml: string): string =>
  xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:(t|delText)(?: [^>]*)?>([^<]*)<\/w:\1>/g)].map((m) => m[2]).join(''))
    .join('\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const badCharRef = (xml: string) =>
  [...xml.matchAll(/&#(x[0-9a-fA-F]+|\d+);/g)].some((m) => {
    const code = m[1].startsWith('x') ? parseInt(m[1].slice(1), 16) : Number(m[1]);
    return !(code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff));
  });

/**
 * Every XML part is well-formed and holds only characters XML 1.0 allows (what Word checks before
 * anything else; the validator alone does not check characters).
 */
export const xmlProblems = (pkg: Pick<DocxPackage, 'parts'>): string[] =>
  Object.entries(pkg.parts)
    .filter(([name]) => /\.(xml|rels)$/.test(name))
    .flatMap(([name, xml]) => {
      const problems: string[] = [];
      const verdict = XMLValidator.validate(xml);
      if (verdict !== true) problems.push(`${name}: ${verdict.err.msg} (line ${verdict.err.line})`);
      if (INVALID_CHAR.test(xml)) problems.push(`${name}: a character XML 1.0 forbids`);
      if (badCharRef(xml)) problems.push(`${name}: a character reference XML 1.0 forbids`);
      return problems;
    });

/** One Markdown body as a .docx of its own, written as the pack writes its papers (shared/pack/ooxml). */
export const markdownDocx = async (markdown: string, images: ImageLibrary = {}, headingBase = 1): Promise<Uint8Array> => {
  const raw = new RawParts();
  const ctx: MarkdownContext = { headingBase, images, maxImageWidth: 600, raw };
  const body = markdownToOoxml(markdown, ctx, raw)
    .map((b) => b.xml)
    .join('');
  const files = wordPackage({
    properties: { title: 'Paper', subject: '', creator: '', keywords: '', description: '' },
    body: `${body}<w:sectPr/>`,
    styles: stylesXml('#1F4E79'),
    numbering: numberingXml(raw),
    headers: [],
    footers: [],
    relationships: raw.relationships(),
    media: raw.media(),
  });
  return stampedPackage(compressFiles(files, portableCompressor), TEST_NOW, portableCompressor);
};

/** One Markdown body as a document of its own, for testing the mappers. */
export const markdownPackage = async (markdown: string, images: ImageLibrary = {}, headingBase = 1): Promise<DocxPackage> => readPackage(await markdownDocx(markdown, images, headingBase));

export const stamp = <R extends { id: string }>(r: R): QRecord =>
  ({ ...r, schemaVersion: 1, rev: 1, updatedAt: TEST_NOW, updatedBy: 'joan' }) as unknown as QRecord;

/** The example partnership as store data, dated around `today` (the pinned test date unless given). */
export const exampleData = (today = TEST_TODAY): StoreData => {
  const records: Record<string, QRecord> = {};
  for (const r of buildExampleRecords(today)) records[r.id] = stamp(r);
  return { records };
};

/** A busy partnership of `years` years (shared/example/generate.ts) as store data, for figures asserted exactly. */
export const generatedData = (years: number, today = TEST_TODAY): StoreData => {
  const records: Record<string, QRecord> = {};
  for (const r of buildGeneratedRecords(today, years)) records[r.id] = stamp(r);
  return { records };
};

/** A 2×1 PNG, the smallest real picture. */
export const TINY_PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR42mP8z8DwnwEIGBgAG/wC/6gZ3n8AAAAASUVORK5CYII=', 'base64'),
);
