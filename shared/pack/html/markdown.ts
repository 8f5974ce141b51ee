import type { Token, Tokens } from 'marked';
import { lexMarkdown } from '../markdown/lex';
import { plainText } from '../markdown/plain';
import { withoutRawText } from '../markdown/rawText';
import { checkLinkHref } from '../markdown/links';
import { decodeEntities, isHtmlMarkup, isLineBreakTag, verticalTag, xmlSafe } from '../markdown/text';
import { imagePath } from '../markdown/images';
import { WIDE_TABLE_COLUMNS } from '../markdown/context';
import { esc } from './escape';

/** Where a picture from the data folder is found: a data: URL (the PDF) or a relative file (the website). */
export type PictureSource = (path: string) => { src: string; width: number; height: number } | undefined;

export type HtmlMarkdownContext = {
  /** The heading level the body sits under: `#` becomes one level below it. */
  headingBase: number;
  picture: PictureSource;
  /** Wraps a table too wide for a portrait page (the PDF puts it on a landscape page). */
  wide?: (tableHtml: string) => string;
};

/**
 * Markdown kept in the store as HTML for the PDF and the published pages: the same reading as the
 * Word writer (shared/pack/ooxml/body.ts), from the same tokens. Headings nest under the item's
 * own heading and never skip a level; raw HTML is never passed through (only a `<br>` becomes a
 * break); links go out only for http, https and mailto; pictures come only from the data folder,
 * with their alt text; tables have a header row of column headers (WCAG 1.3.1).
 */
export const markdownToHtml = (markdown: string, ctx: HtmlMarkdownContext): string => {
  const open: { depth: number; level: number }[] = [];
  const out: string[] = [];
  const blocks = (tokens: readonly Token[], into: string[]) => {
    for (const t of tokens) into.push(block(t));
  };
  const block = (t: Token): string => {
    switch (t.type) {
      case 'heading': {
        const text = plainText(t.tokens).trim();
        if (!text) return '';
        const depth = (t as Tokens.Heading).depth;
        while (open.length && open[open.length - 1].depth >= depth) open.pop();
        const level = Math.min((open.at(-1)?.level ?? ctx.headingBase) + 1, 6);
        open.push({ depth, level });
        return `<h${level}>${inline(t.tokens)}</h${level}>`;
      }
      case 'paragraph':
        return `<p>${inline((t as Tokens.Paragraph).tokens)}</p>`;
      case 'text':
        return `<p>${'tokens' in t && t.tokens ? inline(t.tokens) : esc(decodeEntities(t.text))}</p>`;
      case 'list':
        return list(t as Tokens.List);
      case 'table':
        return table(t as Tokens.Table);
      case 'blockquote': {
        const inner: string[] = [];
        blocks((t as Tokens.Blockquote).tokens, inner);
        return `<blockquote>${inner.join('')}</blockquote>`;
      }
      case 'code':
        return `<pre><code>${esc((t as Tokens.Code).text)}</code></pre>`;
      case 'hr':
        return '<hr>';
      default:
        // 'html' (raw HTML is never passed into a pack), 'space', 'def' and anything unknown.
        return '';
    }
  };
  const list = (t: Tokens.List): string => {
    const items = t.items.map((item) => {
      const box = item.task ? (item.checked ? '☒ ' : '☐ ') : '';
      const parts = item.tokens
        .filter((c) => c.type !== 'checkbox')
        .map((c) => (c.type === 'text' ? ('tokens' in c && c.tokens ? inline(c.tokens) : esc(decodeEntities(c.text))) : block(c)));
      return `<li>${box}${parts.join('')}</li>`;
    });
    const start = t.ordered && typeof t.start === 'number' && t.start !== 1 ? ` start="${t.start}"` : '';
    return t.ordered ? `<ol${start}>${items.join('')}</ol>` : `<ul>${items.join('')}</ul>`;
  };
  const table = (t: Tokens.Table): string => {
    const columns = Math.max(t.header.length, 1);
    const align = (i: number) => (t.align[i] ? ` style="text-align:${t.align[i]}"` : '');
    const cells = (row: Tokens.TableCell[], tag: 'th' | 'td') =>
      Array.from({ length: columns }, (_, i) => `<${tag}${tag === 'th' ? ' scope="col"' : ''}${align(i)}>${row[i] ? inline(row[i].tokens) : ''}</${tag}>`).join('');
    const html = `<table><thead><tr>${cells(t.header, 'th')}</tr></thead><tbody>${t.rows.map((r) => `<tr>${cells(r, 'td')}</tr>`).join('')}</tbody></table>`;
    return columns >= WIDE_TABLE_COLUMNS && ctx.wide ? ctx.wide(html) : html;
  };
  const inline = (tokens: readonly Token[] | undefined): string => {
    let html = '';
    for (const t of withoutRawText(tokens)) {
      switch (t.type) {
        case 'text':
        case 'escape':
          html += 'tokens' in t && t.tokens?.length ? inline(t.tokens) : esc(decodeEntities(t.text));
          break;
        case 'strong':
          html += `<strong>${inline(t.tokens)}</strong>`;
          break;
        case 'em':
          html += `<em>${inline(t.tokens)}</em>`;
          break;
        case 'del':
          html += `<del>${inline(t.tokens)}</del>`;
          break;
        case 'codespan':
          // CommonMark: entities are not decoded inside code spans.
          html += `<code>${esc(xmlSafe(t.text))}</code>`;
          break;
        case 'br':
          html += '<br>';
          break;
        case 'html':
          if (isLineBreakTag(t.text)) html += '<br>';
          // Only the bare tags, never with attributes: a superscript or subscript as Word marked it.
          else if (verticalTag(t.raw) !== undefined) html += t.raw.trim().toLowerCase();
          else if (!isHtmlMarkup(t.raw)) html += esc(xmlSafe(t.raw));
          break;
        case 'link': {
          const href = checkLinkHref((t as Tokens.Link).href);
          html += href ? `<a href="${esc(href)}">${inline(t.tokens)}</a>` : inline(t.tokens);
          break;
        }
        case 'image': {
          const img = t as Tokens.Image;
          const alt = decodeEntities(img.text).trim();
          const path = imagePath(img.href);
          const found = path ? ctx.picture(path) : undefined;
          html += found
            ? `<img src="${esc(found.src)}" alt="${esc(alt)}" width="${found.width}" height="${found.height}">`
            : `<em>[Image not available${alt ? `: ${esc(alt)}` : ''}]</em>`;
          break;
        }
        default:
          if ('tokens' in t && Array.isArray(t.tokens)) html += inline(t.tokens);
          else if ('text' in t && typeof t.text === 'string') html += esc(decodeEntities(t.text));
      }
    }
    return html;
  };
  blocks(lexMarkdown(markdown), out);
  return out.join('');
};
