import { Paragraph, TextRun } from 'docx';
import type { Block, DocxBlock } from '../markdown/blocks';
import { Ooxml } from '../ooxml/blocks';
import { RawParts } from '../ooxml/raw';
import { relationshipXml, withSectionBreak } from '../ooxml/package';

/**
 * How docx writes a placeholder paragraph: one run of its marker text, and, when it is the last
 * paragraph of a section, the section's properties (w:sectPr) in its paragraph properties.
 */
const PLACEHOLDER = /<w:p>(?:<w:pPr>(<w:sectPr\b(?:(?!<\/w:sectPr>|<w:p[ >])[\s\S])*<\/w:sectPr>)<\/w:pPr>)?<w:r><w:t xml:space="preserve">(QUORUM-OOXML-\d+-END)<\/w:t><\/w:r><\/w:p>/g;

/**
 * The body parts written as OOXML in a document docx lays out (the exports: terms of reference,
 * protocols with tracked changes, minutes, plans): each stretch of them stands in the document as
 * a placeholder paragraph until its XML replaces it once docx has compiled the parts, and their
 * numbering, links and pictures are added to docx's parts. The board pack needs none of this: it
 * is written as text whole (shared/pack/docx/document.ts).
 */
export class DocxRawParts extends RawParts {
  private readonly bodies = new Map<string, string>();

  /** A paragraph that stands where `xml` goes; docx writes it as one run of its marker text. */
  private placeholder(xml: string): Paragraph {
    const marker = `QUORUM-OOXML-${this.bodies.size + 1}-END`;
    this.bodies.set(marker, xml);
    return new Paragraph({ children: [new TextRun(marker)] });
  }

  /** The blocks as docx takes them: each stretch of consecutive OOXML blocks becomes one placeholder paragraph. */
  place(blocks: readonly Block[]): DocxBlock[] {
    const out: DocxBlock[] = [];
    let stretch: string[] = [];
    const flush = () => {
      if (stretch.length) out.push(this.placeholder(stretch.join('')));
      stretch = [];
    };
    for (const b of blocks) {
      if (b instanceof Ooxml) stretch.push(b.xml);
      else {
        flush();
        out.push(b);
      }
    }
    flush();
    return out;
  }

  /**
   * Puts the bodies, numbering, relationships and media into docx's compiled parts (path → XML
   * text or bytes). Every placeholder must be found: a body left out would be a silent loss, so a
   * miss is an error.
   */
  applyTo(files: Map<string, string | Uint8Array>): void {
    if (this.bodies.size === 0) return;
    const placed = new Set<string>();
    const document = String(files.get('word/document.xml')).replace(PLACEHOLDER, (whole: string, sectPr: string | undefined, marker: string) => {
      const xml = this.bodies.get(marker);
      if (xml === undefined) return whole;
      placed.add(marker);
      return sectPr ? withSectionBreak(xml, sectPr) : xml;
    });
    const missing = [...this.bodies.keys()].find((m) => !placed.has(m));
    if (missing) throw new Error(`A body could not be placed in the document (${missing})`);
    files.set('word/document.xml', document);

    if (this.hasLists) {
      const { abstract, instances } = this.numberingDefinitions();
      const numbering = String(files.get('word/numbering.xml'));
      // CT_Numbering: every w:abstractNum comes before the first w:num.
      const firstNum = numbering.indexOf('<w:num ');
      const at = firstNum === -1 ? numbering.indexOf('</w:numbering>') : firstNum;
      const end = numbering.indexOf('</w:numbering>');
      files.set('word/numbering.xml', `${numbering.slice(0, at)}${abstract}${numbering.slice(at, end)}${instances}${numbering.slice(end)}`);
    }

    const rels = this.relationships();
    for (const [part, data] of this.media()) files.set(`word/${part}`, data);
    if (rels.length) {
      const relsPath = 'word/_rels/document.xml.rels';
      files.set(relsPath, String(files.get(relsPath)).replace('</Relationships>', `${rels.map(relationshipXml).join('')}</Relationships>`));
    }
  }
}
