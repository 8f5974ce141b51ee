import type { PackModel } from '../model';
import { formatUkDate } from '../../rules/dates';
import { ContentsPlace, Ooxml, paragraph, PartHeading, run } from '../ooxml/blocks';
import type { RawParts } from '../ooxml/raw';
import { xmlSafe } from '../markdown/text';
import { footerXml, headerXml, pageOfPages, sectionProperties, withSectionBreak, wordPackage, type PackageFiles } from '../ooxml/package';
import { stylesXml } from '../ooxml/styles';
import { numberingXml } from '../ooxml/numbering';
import { PORTRAIT_TEXT_WIDTH } from './page';

export type PackPart = { label: string; blocks: Ooxml[] };

/** A contents line as the PDF pack laid it out: a part's heading and the page it starts on. */
export type ContentsPage = { text: string; page: number };

const small = (content: string, pPr = '') => paragraph(content, `<w:pStyle w:val="QuorumSmall"/>${pPr}`);

/** "Children’s Trust Board · 15 December 2026 · Item 4" (docs/ARCHITECTURE.md, the board pack). */
const headerText = (model: PackModel, label: string) => xmlSafe([model.board.name, formatUkDate(model.meeting.date), label].filter(Boolean).join(' · '));

/** "Page 3 of 120 · Full pack: not for publication", centred. */
const footerParagraph = (model: PackModel) =>
  small(`${pageOfPages()}${run(model.variant === 'public' ? ' · Public pack' : ' · Full pack: not for publication')}`, '<w:jc w:val="center"/>');

/**
 * One line of the contents: the part's heading, linked to its bookmark, a dot leader to the right
 * margin, and a PAGEREF field to the bookmark (ECMA-376 Part 1 §17.16.5.45). A PAGEREF outside a
 * TOC field is a reference every reader lays out: Word updates it on opening (w:dirty,
 * w:updateFields) and LibreOffice computes it from its own layout, so the contents has its page
 * numbers without a PDF of it first (test/readback/packReadBack.test.ts). `page`, where the PDF
 * pack of this same pack was laid out, is the field's result until a reader updates it.
 */
const contentsLine = (text: string, id: number, page: number | undefined) =>
  paragraph(
    `<w:hyperlink w:history="1" w:anchor="_Toc${id}">${run(xmlSafe(text))}<w:r><w:tab/></w:r>` +
      `<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/><w:instrText xml:space="preserve">PAGEREF _Toc${id} \\h</w:instrText><w:fldChar w:fldCharType="separate"/>${page === undefined ? '' : `<w:t>${page}</w:t>`}<w:fldChar w:fldCharType="end"/></w:r></w:hyperlink>`,
    `<w:pStyle w:val="TOC1"/><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="${PORTRAIT_TEXT_WIDTH}"/></w:tabs>`,
  );

/**
 * The PDF pack's page numbers for the contents' lines, only when it listed the same headings in
 * the same order; otherwise none, and the fields are left for the reader to fill.
 */
const pagesFor = (headings: readonly string[], pages: readonly ContentsPage[] | undefined): (number | undefined)[] =>
  pages?.length === headings.length && pages.every((p, i) => p.text === xmlSafe(headings[i])) ? pages.map((p) => p.page) : [];

/** Stands where the contents' lines go until every part's heading is known: a control character no written text holds (xmlSafe). */
const CONTENTS_LINES = '\u0001contents\u0001';

/**
 * A part's blocks as sections: a wide table goes in a landscape section of its own, then the part
 * carries on in portrait.
 */
const sectionRuns = (blocks: readonly Ooxml[]) => {
  const runs: { landscape: boolean; blocks: Ooxml[] }[] = [];
  for (const b of blocks) {
    const last = runs.at(-1);
    if (last && last.landscape === b.landscape && !b.landscape) last.blocks.push(b);
    else runs.push({ landscape: b.landscape, blocks: [b] });
  }
  return runs.length ? runs : [{ landscape: false, blocks: [] }];
};

/**
 * The Word pack's parts, written as WordprocessingML text (shared/pack/ooxml/package.ts). Each part
 * of the pack is a section (w:sectPr) so its running header can name it; parts that read the same
 * share one header part, and the whole pack one footer. The contents lists every part's heading.
 */
export const packFiles = (model: PackModel, parts: readonly PackPart[], raw: RawParts, contentsPages?: readonly ContentsPage[]): PackageFiles => {
  const headers: { id: string; file: string; xml: string }[] = [];
  const headerIds = new Map<string, string>(); // header text → relationship id
  const headerFor = (label: string) => {
    const text = label ? headerText(model, label) : '';
    let id = headerIds.get(text);
    if (!id) {
      id = `rIdHeader${headers.length + 1}`;
      headerIds.set(text, id);
      // The cover carries no running header: an empty paragraph.
      headers.push({ id, file: `header${headers.length + 1}.xml`, xml: headerXml(text ? small(run(text)) : '<w:p/>') });
    }
    return id;
  };
  const footer = { id: 'rIdFooter1', file: 'footer1.xml', xml: footerXml(footerParagraph(model)) };

  const headings: string[] = [];
  const sections: string[] = [];
  for (const part of parts) {
    const headerId = headerFor(part.label);
    for (const r of sectionRuns(part.blocks)) {
      const body = r.blocks
        .map((b) => {
          if (b instanceof PartHeading) return b.bookmarked(headings.push(b.text));
          if (b instanceof ContentsPlace) return `${b.xml}${CONTENTS_LINES}`;
          return b.xml;
        })
        .join('');
      const first = sections.length === 0;
      sections.push(body, sectionProperties({ headerId, footerId: footer.id, continuous: first, landscape: r.landscape }));
    }
  }
  const pages = pagesFor(headings, contentsPages);
  const lines = headings.map((text, i) => contentsLine(text, i + 1, pages[i])).join('');
  // Every section but the last ends in its last paragraph; the last's properties close the body (CT_Body).
  let body = '';
  for (let i = 0; i < sections.length; i += 2) {
    const xml = sections[i].includes(CONTENTS_LINES) ? sections[i].replace(CONTENTS_LINES, lines) : sections[i];
    body += i + 2 < sections.length ? withSectionBreak(xml, sections[i + 1]) : xml + sections[i + 1];
  }

  return wordPackage({
    properties: {
      title: model.title,
      subject: `Board pack for the meeting of ${formatUkDate(model.meeting.date)}`,
      creator: model.partnership.name,
      description: model.variant === 'public' ? 'Public pack' : 'Full pack: contains exempt information',
      keywords: `${model.board.shortName}; board pack; ${model.variant}`,
    },
    body,
    styles: stylesXml(model.partnership.colours.primary),
    numbering: numberingXml(raw),
    headers,
    footers: [footer],
    relationships: raw.relationships(),
    media: raw.media(),
  });
};
