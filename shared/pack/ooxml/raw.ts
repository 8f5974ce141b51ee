import { escAttr } from './escape';
import type { Relationship } from './package';

const NUMBERING_LEVELS = 9;
const BULLET_GLYPHS = ['•', '◦', '▪'];
const NUMBER_FORMATS = ['decimal', 'lowerLetter', 'lowerRoman'];
/** Ids far above those docx gives its own numbering definitions, pictures and relationships. */
const FIRST_ABSTRACT_NUM = 9001;
const FIRST_NUM = 9001;
const FIRST_DRAWING = 100001;

type Picture = { part: string; rId: string; data: Uint8Array };
type ListKind = { abstractNumId: number; bullets: boolean; start: number };

/**
 * What the pack's body, written straight as OOXML (shared/pack/ooxml/body.ts), needs from the rest
 * of the package, gathered while it is written: its lists have their own numbering definitions
 * (w:abstractNum) and instances (w:num); its links and pictures their relationships; its pictures
 * their media parts. The pack's writer puts them in its parts (shared/pack/docx/document.ts); the
 * exports docx lays out get them through placeholders (shared/pack/docx/placement.ts).
 */
export class RawParts {
  /** One numbering definition per kind of list: bullets, or numbers from a given start. */
  private readonly kinds = new Map<string, ListKind>();
  private readonly nums: { numId: number; kind: ListKind }[] = [];
  private readonly links = new Map<string, string>(); // target → rId
  private readonly pictures = new Map<string, Picture>(); // images/… path → part
  private drawing = FIRST_DRAWING;

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
    // Each level of a numbered list restarts in each list (w:startOverride, ECMA-376 Part 1
    // §17.9.26); a bullet counts nothing, so its instances need none (half a pack's lists, and
    // about 240 KB of a 300-page pack's numbering part).
    const restart = (start: number) => Array.from({ length: NUMBERING_LEVELS }, (_, level) => `<w:lvlOverride w:ilvl="${level}"><w:startOverride w:val="${level === 0 ? start : 1}"/></w:lvlOverride>`).join('');
    return this.nums.map(({ numId, kind }) => `<w:num w:numId="${numId}"><w:abstractNumId w:val="${kind.abstractNumId}"/>${kind.bullets ? '' : restart(kind.start)}</w:num>`).join('');
  }

  /** Whether any list was written (the numbering part then has definitions to add). */
  get hasLists(): boolean {
    return this.nums.length > 0;
  }

  /** The numbering definitions then the instances, as CT_Numbering orders them (every w:abstractNum before the first w:num). */
  numberingDefinitions(): { abstract: string; instances: string } {
    return { abstract: this.abstractNums(), instances: this.numElements() };
  }

  /** The relationships of the links and pictures written. */
  relationships(): Relationship[] {
    return [
      ...[...this.links].map(([target, id]): Relationship => ({ id, type: 'hyperlink', target, external: true })),
      ...[...this.pictures.values()].map((p): Relationship => ({ id: p.rId, type: 'image', target: p.part })),
    ];
  }

  /** The pictures' media parts, by path under word/. */
  media(): Map<string, Uint8Array> {
    return new Map([...this.pictures.values()].map((p) => [p.part, p.data]));
  }
}
