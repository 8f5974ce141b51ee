import type { Token, Tokens } from 'marked';
import { lexMarkdown } from '../markdown/lex';
import { plainText } from '../markdown/plain';
import { withoutRawText } from '../markdown/rawText';
import { checkLinkHref } from '../markdown/links';
import { decodeEntities, isHtmlMarkup, isLineBreakTag, verticalMark, verticalTag, xmlSafe } from '../markdown/text';
import { fitImage, imagePath, loadImage } from '../markdown/images';
import { WIDE_TABLE_COLUMNS, type MarkdownContext } from '../markdown/context';
import { LANDSCAPE_TEXT_WIDTH, PORTRAIT_TEXT_WIDTH } from '../docx/page';
import { fitColumns } from '../docx/columns';
import type { RawParts } from './raw';
import { escText } from './escape';
import { drawingXml, listItemXml, Ooxml, paragraph, rPr, run, tableXml, type Marks } from './blocks';

/**
 * A paper's Markdown written straight as WordprocessingML (ECMA-376 Part 1, §17), the same
 * document a reader saw when it went through docx's object model (shared/pack/markdown/blocks.ts,
 * kept for the other documents Quorum writes): Word's own styles (Heading1…6, Quote, ListParagraph,
 * Hyperlink), lists numbered per list, GFM tables with a repeating header row (w:tblHeader),
 * pictures with their alt text (wp:docPr descr). A pack is mostly paper bodies, and building an
 * object per paragraph, run and property, then serialising it, was most of a pack's time.
 *
 * Returns the body as OOXML blocks: one per stretch of portrait content and one per wide table (a
 * landscape section of its own). `raw` gathers their numbering, links and pictures.
 */
export const markdownToOoxml = (markdown: string, ctx: MarkdownContext, raw: RawParts): Ooxml[] => {
  const w = new Writer(ctx, raw);
  for (const t of lexMarkdown(markdown)) w.block(t, { quote: false });
  return w.finish();
};

type Where = { quote: boolean };
const JC = { left: 'left', right: 'right', center: 'center' } as const;
const BREAK = '<w:r><w:br/></w:r>';

class Writer {
  private readonly out: Ooxml[] = [];
  private portrait: string[] = [];
  /** The open headings above the current point: each Markdown depth with the Word level it was given. */
  private readonly open: { depth: number; level: number }[] = [];

  constructor(
    private readonly ctx: MarkdownContext,
    private readonly raw: RawParts,
  ) {}

  finish(): Ooxml[] {
    this.flush();
    return this.out;
  }

  private flush() {
    if (this.portrait.length) this.out.push(new Ooxml(this.portrait.join('')));
    this.portrait = [];
  }

  private emit(xml: string) {
    this.portrait.push(xml);
  }

  block(t: Token, where: Where): void {
    switch (t.type) {
      case 'heading': {
        const text = plainText(t.tokens).trim();
        if (!text) return; // an empty heading is noise to a screen reader: leave it out
        const depth = (t as Tokens.Heading).depth;
        while (this.open.length && this.open[this.open.length - 1].depth >= depth) this.open.pop();
        // Nested by relative depth under the item's own heading, never skipping a level.
        const level = Math.min((this.open.at(-1)?.level ?? this.ctx.headingBase) + 1, 6);
        this.open.push({ depth, level });
        this.emit(paragraph(this.inline(t.tokens), `<w:pStyle w:val="Heading${level}"/>`));
        return;
      }
      case 'paragraph':
      case 'text':
        this.emit(paragraph('tokens' in t && t.tokens ? this.inline(t.tokens) : run(xmlSafe(t.text)), where.quote ? '<w:pStyle w:val="Quote"/>' : ''));
        return;
      case 'list':
        this.list(t as Tokens.List, 0, where);
        return;
      case 'table':
        this.table(t as Tokens.Table);
        return;
      case 'blockquote':
        for (const child of (t as Tokens.Blockquote).tokens) this.block(child, { quote: true });
        return;
      case 'code': {
        const lines = xmlSafe((t as Tokens.Code).text).split('\n');
        this.emit(paragraph(lines.map((l, i) => `<w:r>${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${escText(l)}</w:t></w:r>`).join(''), '<w:pStyle w:val="QuorumCodeBlock"/>'));
        return;
      }
      case 'hr':
        this.emit(paragraph('', '<w:pBdr><w:bottom w:val="single" w:color="999999" w:sz="6" w:space="1"/></w:pBdr>'));
        return;
      default:
      // 'html' (raw HTML is never passed into a pack), 'space', 'def' and anything unknown.
    }
  }

  private list(t: Tokens.List, level: number, where: Where): void {
    const numId = t.ordered ? this.raw.numbers(typeof t.start === 'number' ? t.start : 1) : this.raw.bullets();
    for (const item of t.items) {
      let first = true;
      const box = item.task ? run(item.checked ? '☒ ' : '☐ ') : '';
      for (const child of item.tokens) {
        if (child.type === 'checkbox') continue;
        if (child.type === 'list') {
          this.list(child as Tokens.List, Math.min(level + 1, 8), where);
          continue;
        }
        if (child.type === 'text' || child.type === 'paragraph') {
          const runs = 'tokens' in child && child.tokens ? this.inline(child.tokens) : run(xmlSafe(child.text));
          this.emit(first ? listItemXml(box + runs, numId, level) : paragraph(runs, `<w:ind w:left="${360 * (level + 1)}"/>`));
          first = false;
          continue;
        }
        this.block(child, where);
      }
      if (first) this.emit(listItemXml(box, numId, level));
    }
  }

  /** A GFM table: its first row is a repeating header row (w:tblHeader); cells are never merged. */
  private table(t: Tokens.Table): void {
    const columns = Math.max(t.header.length, 1);
    const wide = columns >= WIDE_TABLE_COLUMNS;
    const total = wide ? LANDSCAPE_TEXT_WIDTH : PORTRAIT_TEXT_WIDTH;
    const pad = (cells: Tokens.TableCell[]) => Array.from({ length: columns }, (_, i) => cells[i] ?? ({ text: '', tokens: [], header: false, align: null } as Tokens.TableCell));
    const widths = fitColumns(
      pad(t.header).map((c) => plainText(c.tokens)),
      t.rows.map((r) => pad(r).map((c) => ({ text: plainText(c.tokens), bold: false }))),
      total,
    );
    const xml = tableXml(widths, total, [
      pad(t.header).map((c, i) => ({ content: this.inline(c.tokens, { bold: true }), jc: t.align[i] ? JC[t.align[i]!] : undefined })),
      ...t.rows.map((r) => pad(r).map((c, i) => ({ content: this.inline(c.tokens), jc: t.align[i] ? JC[t.align[i]!] : undefined }))),
    ]);
    if (!wide) return this.emit(xml);
    // A wide table goes in a landscape section of its own (docx/document.ts sectionsFor).
    this.flush();
    this.out.push(new Ooxml(xml, true));
  }

  /**
   * Inline Markdown to runs. Raw HTML is dropped (only a `<br>` becomes a break); links go out only
   * for http, https and mailto; images come only from the data folder, with their alt text.
   */
  private inline(tokens: readonly Token[] | undefined, outer: Marks = {}): string {
    let out = '';
    // A superscript or subscript (m², CO₂) comes from Word as <sup>/<sub> around its text (main/services/papers/html.ts).
    let marks = outer;
    for (const t of withoutRawText(tokens)) {
      switch (t.type) {
        case 'text':
          out += 'tokens' in t && t.tokens?.length ? this.inline(t.tokens, marks) : run(decodeEntities(t.text), marks);
          break;
        case 'escape':
          out += run(decodeEntities(t.text), marks);
          break;
        case 'strong':
          out += this.inline(t.tokens, { ...marks, bold: true });
          break;
        case 'em':
          out += this.inline(t.tokens, { ...marks, italics: true });
          break;
        case 'del':
          out += this.inline(t.tokens, { ...marks, strike: true });
          break;
        case 'codespan':
          // CommonMark: entities are not decoded inside code spans.
          out += run(xmlSafe(t.text), { ...marks, code: true });
          break;
        case 'br':
          out += BREAK;
          break;
        case 'html':
          if (isLineBreakTag(t.text)) out += BREAK;
          else if (verticalTag(t.raw) !== undefined) marks = { ...outer, ...verticalMark(verticalTag(t.raw)!) };
          else if (!isHtmlMarkup(t.raw)) out += run(xmlSafe(t.raw), marks);
          break;
        case 'link': {
          const link = checkLinkHref((t as Tokens.Link).href);
          // As docx's builder had it: a link needs a run of text (a picture alone is not one).
          const hasText = /<w:r>(?!<w:drawing>)/.test(this.inline(t.tokens, marks));
          if (link && hasText) {
            const text = plainText(t.tokens) || link;
            out += `<w:hyperlink w:history="1" r:id="${this.raw.link(link)}"><w:r>${rPr({ bold: marks.bold, italics: marks.italics }, 'Hyperlink')}<w:t xml:space="preserve">${escText(text)}</w:t></w:r></w:hyperlink>`;
          } else out += this.inline(t.tokens, marks);
          break;
        }
        case 'image':
          out += this.picture(t as Tokens.Image, marks);
          break;
        default:
          if ('tokens' in t && Array.isArray(t.tokens)) out += this.inline(t.tokens, marks);
          else if ('text' in t && typeof t.text === 'string') out += run(decodeEntities(t.text), marks);
      }
    }
    return out;
  }

  private picture(t: Tokens.Image, marks: Marks): string {
    const alt = decodeEntities(t.text).trim();
    const image = loadImage(this.ctx.images, t.href);
    const path = imagePath(t.href);
    if (!image || !path) return run(`[Image not available${alt ? `: ${alt}` : ''}]`, { ...marks, italics: true });
    const { width, height } = fitImage(image.width, image.height, this.ctx.maxImageWidth);
    const title = t.title ? decodeEntities(t.title) : '';
    const rId = this.raw.picture(path, image.type, image.data);
    const id = this.raw.nextDrawingId();
    return drawingXml({ rId, id, width, height, name: alt || 'Image', descr: alt, title });
  }
}
