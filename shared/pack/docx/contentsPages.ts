import { escText } from '../ooxml/escape';

/** A contents line as the PDF pack laid it out: a part's heading and the page it starts on. */
export type ContentsPage = { text: string; page: number };

/** One contents entry as docx writes it: the linked heading text, then PAGEREF with an empty result. */
const ENTRY = /(<w:pStyle w:val="TOC1"\/>(?:(?!<\/w:p>)[\s\S])*?<w:t xml:space="preserve">)([^<]*)(<\/w:t>(?:(?!<\/w:p>)[\s\S])*?<w:fldChar w:fldCharType="separate"\/>)(<w:fldChar w:fldCharType="end"\/>)/g;

/**
 * Puts the PDF pack's page numbers into the Word pack's contents (the PAGEREF fields' results,
 * ECMA-376 §17.16.18), so a reader that does not update fields (LibreOffice, a preview) shows them
 * rather than empty dot leaders. Only when the contents lists the same headings in the same order
 * as the PDF did; otherwise the fields are left for Word to fill when it opens the pack.
 */
export const fillContentsPages = (documentXml: string, pages: readonly ContentsPage[]): string => {
  const found = [...documentXml.matchAll(ENTRY)].map((m) => m[2]);
  if (found.length === 0 || found.length !== pages.length || found.some((t, i) => t !== escText(pages[i].text))) return documentXml;
  let i = 0;
  return documentXml.replace(ENTRY, (_m, head: string, text: string, middle: string, end: string) => `${head}${text}${middle}<w:t>${pages[i++].page}</w:t>${end}`);
};

const CONTENTS_BLOCK = /<w:sdt><w:sdtPr>(?:(?!<\/w:sdtPr>)[\s\S])*<w:docPartGallery w:val="Table of Contents"\/>(?:(?!<\/w:sdtPr>)[\s\S])*<\/w:sdtPr><w:sdtContent>([\s\S]*?)<\/w:sdtContent><\/w:sdt>/;
const TOC_BEGIN = /<w:r><w:fldChar w:fldCharType="begin"[^>]*\/><w:instrText[^>]*>TOC [^<]*<\/w:instrText><w:fldChar w:fldCharType="separate"\/><\/w:r>/;
const TOC_END = /<w:p><w:r><w:fldChar w:fldCharType="end"\/><\/w:r><\/w:p>$/;

/**
 * The contents as lines of their own, each a link to its heading and a PAGEREF field to the
 * heading's bookmark (ECMA-376 §17.16.5.45), without the TOC field around them. A TOC field's
 * numbers are a cached result that only Word recomputes; a PAGEREF outside one is a reference
 * every reader lays out: Word updates it on opening (w:dirty, w:updateFields), and LibreOffice
 * computes it from its own layout, so the pack's contents has its page numbers without a PDF of
 * it first, each right for the reader showing it (test/readback/packReadBack.test.ts).
 */
export const contentsAsPageReferences = (documentXml: string): string =>
  documentXml.replace(CONTENTS_BLOCK, (whole, entries: string) => {
    const inner = entries.replace(TOC_BEGIN, '');
    return inner === entries || !TOC_END.test(inner) ? whole : inner.replace(TOC_END, '');
  });
