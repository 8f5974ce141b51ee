import { escAttr, escText } from './escape';
import { PAGE } from '../docx/page';

/**
 * The frame of a WordprocessingML package written as text (ECMA-376 Part 1 §11; the package
 * conventions, Part 2): the main document's namespaces, the section properties, running headers
 * and footers, settings, document properties, relationships and content types. The board pack is
 * written with these whole (shared/pack/docx/document.ts): a pack is tens of thousands of
 * paragraphs already written as text, and its frame is a few fixed parts, so laying it out needs
 * no document object model and nothing to load before the first page.
 */

/** Parts by path: XML text, or bytes (pictures). */
export type PackageFiles = Map<string, string | Uint8Array>;

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/**
 * The namespaces of the main document, headers and footers: WordprocessingML, relationships, and
 * DrawingML's inline pictures (pictures declare a: and pic: where they are used). w14 and w15 are
 * declared for the numbering's w15:restartNumberingAfterBreak and ignorable for older readers
 * (mc:Ignorable, ECMA-376 Part 3).
 */
export const WORD_NAMESPACES =
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ' +
  'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" ' +
  'mc:Ignorable="w14 w15"';

export const documentXml = (body: string): string => `${DECLARATION}<w:document ${WORD_NAMESPACES}><w:body>${body}</w:body></w:document>`;

/** A running header or footer part (w:hdr, w:ftr) holding the given paragraphs. */
export const headerXml = (paragraphs: string): string => `${DECLARATION}<w:hdr ${WORD_NAMESPACES}>${paragraphs}</w:hdr>`;
export const footerXml = (paragraphs: string): string => `${DECLARATION}<w:ftr ${WORD_NAMESPACES}>${paragraphs}</w:ftr>`;

/** "Page X of Y": the PAGE and NUMPAGES fields (ECMA-376 Part 1 §17.16.5.43, §17.16.5.40), each a complex field. */
export const pageOfPages = (): string => {
  const field = (code: string) =>
    `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">${code}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
  return `<w:r><w:t xml:space="preserve">Page </w:t></w:r>${field('PAGE')}<w:r><w:t xml:space="preserve"> of </w:t></w:r>${field('NUMPAGES')}`;
};

export type SectionProperties = {
  headerId: string;
  footerId: string;
  /** The first section starts where the document does; every later one on a new page. */
  continuous: boolean;
  landscape: boolean;
};

/**
 * A section's properties (w:sectPr, §17.6.17), children in CT_SectPr's order: its header and
 * footer references, the break type, A4 page size (turned for landscape), 2 cm margins. Every
 * section names its header and footer, as Word writes them, so a section moved or deleted by hand
 * keeps its own.
 */
export const sectionProperties = (s: SectionProperties): string => {
  const [w, h] = s.landscape ? [PAGE.height, PAGE.width] : [PAGE.width, PAGE.height];
  return (
    `<w:sectPr><w:headerReference w:type="default" r:id="${s.headerId}"/><w:footerReference w:type="default" r:id="${s.footerId}"/>` +
    `<w:type w:val="${s.continuous ? 'continuous' : 'nextPage'}"/><w:pgSz w:w="${w}" w:h="${h}" w:orient="${s.landscape ? 'landscape' : 'portrait'}"/>` +
    `<w:pgMar w:top="${PAGE.margin}" w:right="${PAGE.margin}" w:bottom="${PAGE.margin}" w:left="${PAGE.margin}" w:header="567" w:footer="567" w:gutter="0"/>` +
    '<w:pgNumType/><w:docGrid w:linePitch="360"/></w:sectPr>'
  );
};

/**
 * A section's body with its properties: in the body's last paragraph (w:sectPr is the last of
 * w:pPr's children, §17.3.1.26), or, after a table, in an empty paragraph of its own (a section
 * ends with a paragraph).
 */
export const withSectionBreak = (xml: string, sectPr: string): string => {
  if (!xml.endsWith('</w:p>')) return `${xml}<w:p><w:pPr>${sectPr}</w:pPr></w:p>`;
  const start = xml.lastIndexOf('<w:p>');
  const head = xml.slice(0, start);
  const last = xml.slice(start);
  if (last.startsWith('<w:p><w:pPr>')) {
    const end = last.indexOf('</w:pPr>');
    return `${head}${last.slice(0, end)}${sectPr}${last.slice(end)}`;
  }
  return `${head}<w:p><w:pPr>${sectPr}</w:pPr>${last.slice('<w:p>'.length)}`;
};

/** Settings (§17.15.1.78): fields brought up to date on opening (the contents' page numbers, "Page X of Y"), Word 2013 layout. */
export const settingsXml = (): string =>
  `${DECLARATION}<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
  '<w:defaultTabStop w:val="720"/><w:updateFields w:val="true"/>' +
  '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>';

export type CoreProperties = { title: string; subject: string; creator: string; keywords: string; description: string };

/**
 * docProps/core.xml (Part 2 §11): title, subject, author, keywords and description, with the
 * language (dc:language, which accessibility checkers read alongside w:lang). The times are
 * stamped when the pack is zipped (docx/package.ts, stampedPackage).
 */
export const corePropertiesXml = (p: CoreProperties): string =>
  `${DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
  `<dc:title>${escText(p.title)}</dc:title><dc:subject>${escText(p.subject)}</dc:subject><dc:creator>${escText(p.creator)}</dc:creator>` +
  `<cp:keywords>${escText(p.keywords)}</cp:keywords><dc:description>${escText(p.description)}</dc:description><cp:lastModifiedBy>Quorum</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
  '<dcterms:created xsi:type="dcterms:W3CDTF"></dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF"></dcterms:modified><dc:language>en-GB</dc:language></cp:coreProperties>';

const appPropertiesXml = (): string =>
  `${DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Quorum</Application></Properties>`;

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

export type Relationship = { id: string; type: string; target: string; external?: boolean };

/** One relationship element (OPC Part 2, 9.3): a short type is one of WordprocessingML's own. */
export const relationshipXml = (r: Relationship): string =>
  `<Relationship Id="${r.id}" Type="${r.type.includes('/') ? r.type : `${REL}/${r.type}`}" Target="${escAttr(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`;

export const relationshipsXml = (rels: readonly Relationship[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.map(relationshipXml).join('') + '</Relationships>';

export type WordPackageInput = {
  properties: CoreProperties;
  /** The main document's body: paragraphs, tables and the last section's w:sectPr. */
  body: string;
  styles: string;
  numbering: string;
  /** Header and footer parts by file name under word/ (header1.xml, footer1.xml) with their relationship ids. */
  headers: readonly { id: string; file: string; xml: string }[];
  footers: readonly { id: string; file: string; xml: string }[];
  /** The document's other relationships: links and pictures. */
  relationships: readonly Relationship[];
  /** Media parts by path under word/ (media/…). */
  media: ReadonlyMap<string, Uint8Array>;
};

/** Every part of the package, [Content_Types].xml first as Office writes it. */
export const wordPackage = (p: WordPackageInput): PackageFiles => {
  const overrides: [string, string][] = [
    ['/word/document.xml', `${CT}.document.main+xml`],
    ['/word/styles.xml', `${CT}.styles+xml`],
    ['/word/numbering.xml', `${CT}.numbering+xml`],
    ['/word/settings.xml', `${CT}.settings+xml`],
    ...p.headers.map((h): [string, string] => [`/word/${h.file}`, `${CT}.header+xml`]),
    ...p.footers.map((f): [string, string] => [`/word/${f.file}`, `${CT}.footer+xml`]),
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
    ['/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml'],
  ];
  const defaults: [string, string][] = [
    ['rels', 'application/vnd.openxmlformats-package.relationships+xml'],
    ['xml', 'application/xml'],
    ['png', 'image/png'],
    ['jpeg', 'image/jpeg'],
    ['jpg', 'image/jpeg'],
    ['gif', 'image/gif'],
    ['bmp', 'image/bmp'],
  ];
  const types =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    defaults.map(([ext, type]) => `<Default Extension="${ext}" ContentType="${type}"/>`).join('') +
    overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join('') +
    '</Types>';
  const files: PackageFiles = new Map();
  files.set('[Content_Types].xml', types);
  files.set(
    '_rels/.rels',
    relationshipsXml([
      { id: 'rId1', type: REL + '/officeDocument', target: 'word/document.xml' },
      { id: 'rId2', type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', target: 'docProps/core.xml' },
      { id: 'rId3', type: REL + '/extended-properties', target: 'docProps/app.xml' },
    ]),
  );
  files.set('docProps/core.xml', corePropertiesXml(p.properties));
  files.set('docProps/app.xml', appPropertiesXml());
  files.set('word/document.xml', documentXml(p.body));
  files.set(
    'word/_rels/document.xml.rels',
    relationshipsXml([
      { id: 'rIdStyles', type: 'styles', target: 'styles.xml' },
      { id: 'rIdNumbering', type: 'numbering', target: 'numbering.xml' },
      { id: 'rIdSettings', type: 'settings', target: 'settings.xml' },
      ...p.headers.map((h) => ({ id: h.id, type: 'header', target: h.file })),
      ...p.footers.map((f) => ({ id: f.id, type: 'footer', target: f.file })),
      ...p.relationships,
    ]),
  );
  files.set('word/styles.xml', p.styles);
  files.set('word/numbering.xml', p.numbering);
  files.set('word/settings.xml', settingsXml());
  for (const h of [...p.headers, ...p.footers]) files.set(`word/${h.file}`, h.xml);
  for (const [path, data] of p.media) files.set(`word/${path}`, data);
  return files;
};
