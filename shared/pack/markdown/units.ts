import type { Token, Tokens } from 'marked';
import { plainText } from './plain';
import { lexMarkdown } from './lex';

/**
 * A Markdown body as the units a reader sees one by one: paragraphs, headings, list items (with
 * their list) and table rows. A tracked copy compares two versions unit by unit; a returned copy's
 * text is compared with what was sent through them.
 */
export type Unit =
  | { kind: 'p'; text: string; tokens: Token[]; style?: string }
  | { kind: 'heading'; depth: number; text: string; tokens: Token[] }
  | { kind: 'li'; list: number; ordered: boolean; start: number; level: number; text: string; tokens: Token[] }
  | { kind: 'row'; table: number; header: boolean; cells: string[]; cellTokens: Token[][]; text: string };

export const unitsOf = (markdown: string): Unit[] => {
  const out: Unit[] = [];
  let lists = 0;
  let tables = 0;
  const list = (l: Tokens.List, level: number, id: number) => {
    for (const item of l.items) {
      const own = item.tokens.filter((t) => t.type !== 'list' && t.type !== 'checkbox');
      const inline = own.flatMap((t) => ((t as { tokens?: Token[] }).tokens ?? [t]));
      out.push({ kind: 'li', list: id, ordered: l.ordered, start: typeof l.start === 'number' ? l.start : 1, level, text: plainText(inline), tokens: inline });
      for (const nested of item.tokens.filter((t): t is Tokens.List => t.type === 'list')) list(nested, Math.min(level + 1, 8), ++lists);
    }
  };
  const walk = (tokens: readonly Token[], style?: string) => {
    for (const t of tokens) {
      if (t.type === 'heading') out.push({ kind: 'heading', depth: (t as Tokens.Heading).depth, text: plainText(t.tokens), tokens: t.tokens ?? [] });
      else if (t.type === 'paragraph' || t.type === 'text') out.push({ kind: 'p', text: plainText((t as Tokens.Paragraph).tokens ?? [t]), tokens: (t as Tokens.Paragraph).tokens ?? [t], ...(style ? { style } : {}) });
      else if (t.type === 'list') list(t as Tokens.List, 0, ++lists);
      else if (t.type === 'blockquote') walk((t as Tokens.Blockquote).tokens, 'Quote');
      else if (t.type === 'code') out.push({ kind: 'p', text: (t as Tokens.Code).text, tokens: [], style: 'QuorumCodeBlock' });
      else if (t.type === 'table') {
        const tb = t as Tokens.Table;
        const id = ++tables;
        for (const [header, row] of [[true, tb.header], ...tb.rows.map((r) => [false, r] as const)] as const) {
          const cells = row.map((c) => plainText(c.tokens));
          out.push({ kind: 'row', table: id, header, cells, cellTokens: row.map((c) => c.tokens), text: cells.join(' | ') });
        }
      }
    }
  };
  walk(lexMarkdown(markdown));
  return out.filter((u) => u.kind === 'row' || u.text.trim() !== '');
};


/** A body's text as a document shows it: each unit on its own line, a table row's cells apart. */
export const unitsText = (markdown: string): string => unitsOf(markdown).map((u) => (u.kind === 'row' ? u.cells.join(' ') : u.text)).join('\n');
