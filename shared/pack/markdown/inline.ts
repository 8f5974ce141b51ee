import { ExternalHyperlink, TextRun, type ParagraphChild } from 'docx';
import { pictureRun } from '../docx/picture';
import type { Token, Tokens } from 'marked';
import { checkLinkHref } from './links';
import { withoutRawText } from './rawText';
import { decodeEntities, isHtmlMarkup, isLineBreakTag, verticalMark, verticalTag, xmlSafe } from './text';
import { fitImage, loadImage } from './images';
import type { MarkdownContext } from './context';
import { plainText } from './plain';

export type Marks = { bold?: boolean; italics?: boolean; strike?: boolean; code?: boolean; vertAlign?: 'superscript' | 'subscript' };

/** A run's formatting as the docx library takes it (w:rPr): bold, italics, strike, raised or lowered, code. */
export const runFormatting = (marks: Marks) => ({
  bold: marks.bold,
  italics: marks.italics,
  strike: marks.strike,
  ...(marks.vertAlign === 'superscript' ? { superScript: true } : marks.vertAlign === 'subscript' ? { subScript: true } : {}),
  ...(marks.code ? { style: 'QuorumCode' } : {}),
});

const run = (text: string, marks: Marks): TextRun =>
  new TextRun({
    text,
    ...runFormatting(marks),
  });

/**
 * Inline Markdown to Word runs. Raw HTML is dropped (only a `<br>` becomes a break); links go out
 * only for http, https and mailto; images come only from the data folder, with their alt text.
 */
export const inlineRuns = (tokens: readonly Token[] | undefined, ctx: MarkdownContext, outer: Marks = {}): ParagraphChild[] => {
  let marks = outer;
  const out: ParagraphChild[] = [];
  for (const t of withoutRawText(tokens)) {
    switch (t.type) {
      case 'text':
        if ('tokens' in t && t.tokens?.length) out.push(...inlineRuns(t.tokens, ctx, marks));
        else out.push(run(decodeEntities(t.text), marks));
        break;
      case 'escape':
        out.push(run(decodeEntities(t.text), marks));
        break;
      case 'strong':
        out.push(...inlineRuns(t.tokens, ctx, { ...marks, bold: true }));
        break;
      case 'em':
        out.push(...inlineRuns(t.tokens, ctx, { ...marks, italics: true }));
        break;
      case 'del':
        out.push(...inlineRuns(t.tokens, ctx, { ...marks, strike: true }));
        break;
      case 'codespan':
        // CommonMark: entities are not decoded inside code spans.
        out.push(run(xmlSafe(t.text), { ...marks, code: true }));
        break;
      case 'br':
        out.push(new TextRun({ break: 1 }));
        break;
      case 'html':
        if (isLineBreakTag(t.text)) out.push(new TextRun({ break: 1 }));
        else if (verticalTag(t.raw) !== undefined) marks = { ...outer, ...verticalMark(verticalTag(t.raw)!) };
        else if (!isHtmlMarkup(t.raw)) out.push(run(xmlSafe(t.raw), marks));
        break;
      case 'link': {
        const link = checkLinkHref((t as Tokens.Link).href);
        const children = inlineRuns(t.tokens, ctx, marks).filter((c): c is TextRun => c instanceof TextRun);
        if (link && children.length > 0) {
          const text = plainText(t.tokens) || link;
          out.push(new ExternalHyperlink({ link, children: [new TextRun({ text, style: 'Hyperlink', bold: marks.bold, italics: marks.italics })] }));
        } else out.push(...inlineRuns(t.tokens, ctx, marks));
        break;
      }
      case 'image':
        out.push(imageRun(t as Tokens.Image, ctx, marks));
        break;
      default:
        if ('tokens' in t && Array.isArray(t.tokens)) out.push(...inlineRuns(t.tokens, ctx, marks));
        else if ('text' in t && typeof t.text === 'string') out.push(run(decodeEntities(t.text), marks));
    }
  }
  return out;
};

const imageRun = (t: Tokens.Image, ctx: MarkdownContext, marks: Marks): ParagraphChild => {
  const alt = decodeEntities(t.text).trim();
  const image = loadImage(ctx.images, t.href);
  if (!image) return run(`[Image not available${alt ? `: ${alt}` : ''}]`, { ...marks, italics: true });
  const size = fitImage(image.width, image.height, ctx.maxImageWidth);
  const title = t.title ? decodeEntities(t.title) : '';
  // wp:docPr descr is the alt text Word's accessibility checker and screen readers read.
  return pictureRun({ type: image.type, key: t.href, data: image.data, transformation: size, altText: { name: alt || 'Image', description: alt, title } });
};

/** A piece of inline text with its formatting and the link it is in: what a tracked copy compares, so a change of bold or a link is a change. */
export type Segment = { text: string; marks: Marks; link?: string; lineBreak?: boolean };

/**
 * Inline Markdown as formatted segments, read as inlineRuns reads it (the same links kept, the
 * same markup dropped); a picture is its alt text in brackets, as a tracked copy cannot track one.
 */
export const inlineSegments = (tokens: readonly Token[] | undefined, outer: Marks = {}, link?: string): Segment[] => {
  let marks = outer;
  const out: Segment[] = [];
  const text = (t: string) => t && out.push({ text: t, marks, ...(link ? { link } : {}) });
  for (const t of withoutRawText(tokens)) {
    switch (t.type) {
      case 'text':
        if ('tokens' in t && t.tokens?.length) out.push(...inlineSegments(t.tokens, marks, link));
        else text(decodeEntities(t.text));
        break;
      case 'escape':
        text(decodeEntities(t.text));
        break;
      case 'strong':
        out.push(...inlineSegments(t.tokens, { ...marks, bold: true }, link));
        break;
      case 'em':
        out.push(...inlineSegments(t.tokens, { ...marks, italics: true }, link));
        break;
      case 'del':
        out.push(...inlineSegments(t.tokens, { ...marks, strike: true }, link));
        break;
      case 'codespan':
        out.push({ text: xmlSafe(t.text), marks: { ...marks, code: true }, ...(link ? { link } : {}) });
        break;
      case 'br':
        out.push({ text: '\n', marks, lineBreak: true });
        break;
      case 'html':
        if (isLineBreakTag(t.text)) out.push({ text: '\n', marks, lineBreak: true });
        else if (verticalTag(t.raw) !== undefined) marks = { ...outer, ...verticalMark(verticalTag(t.raw)!) };
        else if (!isHtmlMarkup(t.raw)) text(xmlSafe(t.raw));
        break;
      case 'link': {
        const href = checkLinkHref((t as Tokens.Link).href);
        out.push(...inlineSegments(t.tokens, marks, href ?? link));
        break;
      }
      case 'image': {
        const alt = decodeEntities((t as Tokens.Image).text).trim();
        text(`[Picture${alt ? `: ${alt}` : ''}]`);
        break;
      }
      default:
        if ('tokens' in t && Array.isArray(t.tokens)) out.push(...inlineSegments(t.tokens, marks, link));
        else if ('text' in t && typeof t.text === 'string') text(decodeEntities(t.text));
    }
  }
  return out;
};
