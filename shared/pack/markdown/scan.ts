import type { Token, Tokens } from 'marked';
import { lexMarkdown } from './lex';
import { plainText } from './plain';
import { checkLinkHref, isVagueLinkText } from './links';
import { imagePath } from './images';
import { isLineBreakTag } from './text';

/** An accessibility or content fault found in one Markdown body, before any Word is written. */
export type MarkdownFinding = {
  kind: 'image-no-alt' | 'image-missing' | 'table-no-header' | 'heading-skipped' | 'heading-empty' | 'link-vague' | 'link-unsafe' | 'raw-html';
  detail: string;
};

const excerpt = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n)}…` : s);

/**
 * Walks the tokens the pack would render and reports what fails the Public Sector Bodies
 * Accessibility Regulations 2018 (WCAG 2.2 AA): 1.1.1 alt text, 1.3.1 table headers and heading
 * order, 2.4.4 link purpose. `hasImage` answers whether `images/…` exists in the data folder.
 */
export const scanMarkdown = (markdown: string, hasImage: (path: string) => boolean): MarkdownFinding[] => {
  const findings: MarkdownFinding[] = [];
  // A body may open at any level (papers often start at ##, under the item title); only later jumps count.
  let lastDepth: number | undefined;
  const inline = (tokens: readonly Token[] | undefined) => {
    for (const t of tokens ?? []) {
      if (t.type === 'image') {
        const img = t as Tokens.Image;
        if (!img.text.trim()) findings.push({ kind: 'image-no-alt', detail: `the image ${excerpt(img.href)} has no alt text` });
        const path = imagePath(img.href);
        if (!path || !hasImage(path)) findings.push({ kind: 'image-missing', detail: `the image ${excerpt(img.href)} is not in the data folder’s images` });
      } else if (t.type === 'link') {
        const link = t as Tokens.Link;
        const text = plainText(link.tokens);
        if (!checkLinkHref(link.href)) findings.push({ kind: 'link-unsafe', detail: `the link “${excerpt(text)}” (${excerpt(link.href, 40)}) is not a web or email address, so it will be plain text` });
        else if (isVagueLinkText(text)) findings.push({ kind: 'link-vague', detail: `the link text “${text}” does not say where it goes` });
        inline(link.tokens);
      } else if (t.type === 'html') {
        if (!isLineBreakTag(t.text)) findings.push({ kind: 'raw-html', detail: `HTML (${excerpt(t.text.trim(), 40)}) is left out of the pack` });
      } else if ('tokens' in t && Array.isArray(t.tokens)) inline(t.tokens);
    }
  };
  const walk = (tokens: readonly Token[]) => {
    for (const t of tokens) {
      switch (t.type) {
        case 'heading': {
          const h = t as Tokens.Heading;
          const text = plainText(h.tokens).trim();
          if (!text) findings.push({ kind: 'heading-empty', detail: 'an empty heading' });
          else if (lastDepth !== undefined && h.depth > lastDepth + 1)
            findings.push({ kind: 'heading-skipped', detail: `the heading “${excerpt(text)}” jumps from level ${lastDepth} to level ${h.depth}` });
          if (text) lastDepth = h.depth;
          inline(h.tokens);
          break;
        }
        case 'table': {
          const table = t as Tokens.Table;
          if (table.header.every((c) => !c.text.trim())) findings.push({ kind: 'table-no-header', detail: 'a table has an empty header row' });
          for (const c of table.header) inline(c.tokens);
          for (const r of table.rows) for (const c of r) inline(c.tokens);
          break;
        }
        case 'list':
          for (const item of (t as Tokens.List).items) walk(item.tokens);
          break;
        case 'blockquote':
          walk((t as Tokens.Blockquote).tokens);
          break;
        case 'html':
          if (t.text.trim()) findings.push({ kind: 'raw-html', detail: `HTML (${excerpt(t.text.trim(), 40)}) is left out of the pack` });
          break;
        default:
          if ('tokens' in t && Array.isArray(t.tokens)) inline(t.tokens);
      }
    }
  };
  walk(lexMarkdown(markdown));
  return findings;
};
