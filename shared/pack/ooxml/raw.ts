import { Paragraph, TextRun } from 'docx';
import type { Block, DocxBlock } from '../markdown/blocks';
import { escAttr } from './escape';
import { Ooxml } from './blocks';

const NUMBERING_LEVELS = 9;
const BULLET_GLYPHS = ['•', '◦', '▪'];
const NUMBER_FORMATS = ['decimal', 'lowerLetter', 'lowerRoman'];
/** Ids far above those docx gives its own numbering definitions, pictures and relationships. */
const FIRST_ABSTRACT_NUM = 9001;
const FIRST_NUM = 9001;
const FIRST_DRAWING = 100001;

/**
 * How docx writes a placeholder paragraph: one run of its marker text, and, when it is the last
 * paragraph of a section, the section's properties (w:sectPr) in its paragraph properties.
 */
const PLACEHOLDER = /<w:p>(?:<w:pPr>(<w:sectPr\b(?:(?!<\/w:sectPr>|<w:p[ >])[\s\S])*<\/w:sectPr>)<\/w:pPr>)?<w:r><w:t xml:space="preserve">(QUORUM-OOXML-\d+-END)<\/w:t><\/w:r><\/w:p>/g;

/**
 * The body with the section break its placeholder carried: in the body's last paragraph (w:sectPr
 * is the last of w:pPr's children, ECMA-376 §17.3.1.26), or, after a table, in an empty paragraph
 * of its own (a section ends with a paragraph).
 */
const withSectionBreak = (xml: string, sectPr: string): string => {
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

type Picture = { part: string; rId: string; data: Uint8Array };
type ListKind = { abstractNumId: number; bullets: boolean; start: number };

/**
 * What the paper bodies written straight as OOXML (shared/pack/ooxml/body.ts) need from the rest
 * of the package, gathered while they are written and put in after docx has compiled the document:
 * each body stands in the document as a placeholder paragraph until its XML replaces it; its lists
 * have their own numbering definitions (w:abstractNum) and instances (w:num); its links and
 * pictures their relationships; its pictures their media parts. docx keeps doing what it does well
 * (styles, sections, headers and footers, the package frame); the bulk of a pack is written as text.
 */
export class RawParts {
  private readonly bodies = new Map<string, string>();
  /** One numbering definition per kind of list: bullets, or numbers from a given start. */
  private readonly kinds = new Map<string, ListKind>();
  private readonly nums: { numId: number; kind: ListKind }[] = [];
  private readonly links = new Map<string, string>(); // target → rId
  private readonly pictures = new Map<string, Picture>(); // images/… path → part
  private drawing = FIRST_DRAWING;

  /** A paragraph that stands where `xml` goes; docx writes it as one run of its marker text. */
  private placeholder(xml: string): Paragraph {
    const marker = `QUORUM-OOXML-${this.bodies.size + 1}-END`;
    this.bodies.set(marker, xml);
    return new Paragraph({ children: [new TextRun(marker)] });
  }

  /**
   * The blocks as docx takes them: each stretch of consecutive OOXML blocks becomes one
   * placeholder paragraph, whose XML goes in after docx compiles (applyTo).
   */
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

  /** A list instance of its own (numbering restarts per list, as a reader expects): its w:numId. */
  bullets(): number {
    return this.instance('bullets', 1);
  }

  numbers(start: number): number {
    const from = Number.isInteger(start) && start >= 0 && start < 100_000 ? start : 1;
    return this.instance(`numbers-from-${from}`, from);
  }

  private instance(key: string, start: number): number {
    let kind = this.kinds.get(key);
    if (!kind) this.kinds.set(key, (kind = { abstractNumId: FIRST_ABSTRACT_NUM + this.kinds.size, bullets: key === 'bullets', start }));
    const numId = FIRST_NUM + this.nums.length;
    this.nums.push({ numId, kind });
    return numId;
  }

  /** The relationship id of an external link (one per distinct target). */
  link(target: string): string {
    let rId = this.links.get(target);
    if (!rId) this.links.set(target, (rId = `rIdQuorumLink${this.links.size + 1}`));
    return rId;
  }

  /** The relationship id of a picture (one media part per picture, however often it is shown). */
  picture(path: string, type: string, data: Uint8Array): string {
    let p = this.pictures.get(path);
    if (!p) {
      const name = path.replace(/^images\//, '').replace(/\.[^.]+$/, '');
      this.pictures.set(path, (p = { part: `media/quorum-${name}.${type}`, rId: `rIdQuorumPicture${this.pictures.size + 1}`, data }));
    }
    return p.rId;
  }

  /** A document-wide unique id for a drawing (wp:docPr). */
  nextDrawingId(): number {
    return this.drawing++;
  }

  private abstractNums(): string {
    return [...this.kinds.values()]
      .map(({ abstractNumId: id, bullets, start: from }) => {
        const levels = Array.from({ length: NUMBERING_LEVELS }, (_, level) => {
          const format = bullets ? 'bullet' : NUMBER_FORMATS[level % NUMBER_FORMATS.length];
          const text = bullets ? BULLET_GLYPHS[level % BULLET_GLYPHS.length] : `%${level + 1}.`;
          const start = level === 0 ? from : 1;
          return `<w:lvl w:ilvl="${level}" w:tentative="1"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${escAttr(text)}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="${360 * (level + 1)}" w:hanging="360"/></w:pPr></w:lvl>`;
        }).join('');
        return `<w:abstractNum w:abstractNumId="${id}" w15:restartNumberingAfterBreak="0"><w:multiLevelType w:val="hybridMultilevel"/>${levels}</w:abstractNum>`;
      })
      .join('');
  }

  private numElements(): string {
    return this.nums
      .map(({ numId, kind }) => {
        // Each level restarts in each list (as docx writes its own instances).
        const overrides = Array.from({ length: NUMBERING_LEVELS }, (_, level) => `<w:lvlOverride w:ilvl="${level}"><w:startOverride w:val="${level === 0 ? kind.start : 1}"/></w:lvlOverride>`).join('');
        return `<w:num w:numId="${numId}"><w:abstractNumId w:val="${kind.abstractNumId}"/>${overrides}</w:num>`;
      })
      .join('');
  }

  /**
   * Puts the bodies, numbering, relationships and media into docx's compiled parts (path → XML
   * text or bytes). Every placeholder must be found: a body left out of the pack would be a silent
   * loss, so a miss is an error.
   */
  applyTo(files: Map<string, string | Uint8Array>): void {
    if (this.bodies.size === 0) return;
    const placed = new Set<string>();
    // One pass over the document, whatever order the parts were built in.
    const document = String(files.get('word/document.xml')).replace(PLACEHOLDER, (whole: string, sectPr: string | undefined, marker: string) => {
      const xml = this.bodies.get(marker);
      if (xml === undefined) return whole;
      placed.add(marker);
      return sectPr ? withSectionBreak(xml, sectPr) : xml;
    });
    const missing = [...this.bodies.keys()].find((m) => !placed.has(m));
    if (missing) throw new Error(`A paper body could not be placed in the pack (${missing})`);
    files.set('word/document.xml', document);

    if (this.nums.length) {
      const numbering = String(files.get('word/numbering.xml'));
      // CT_Numbering: every w:abstractNum comes before the first w:num.
      const firstNum = numbering.indexOf('<w:num ');
      const at = firstNum === -1 ? numbering.indexOf('</w:numbering>') : firstNum;
      const end = numbering.indexOf('</w:numbering>');
      files.set('word/numbering.xml', `${numbering.slice(0, at)}${this.abstractNums()}${numbering.slice(at, end)}${this.numElements()}${numbering.slice(end)}`);
    }

    const rels: string[] = [];
    for (const [target, rId] of this.links)
      rels.push(`<Relationship Id="${rId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${escAttr(target)}" TargetMode="External"/>`);
    for (const p of this.pictures.values()) {
      rels.push(`<Relationship Id="${p.rId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="${p.part}"/>`);
      files.set(`word/${p.part}`, p.data);
    }
    if (rels.length) {
      const relsPath = 'word/_rels/document.xml.rels';
      const text = String(files.get(relsPath));
      files.set(relsPath, text.replace('</Relationships>', `${rels.join('')}</Relationships>`));
    }
  }
}
