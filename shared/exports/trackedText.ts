import { DeletedTextRun, InsertedTextRun, Paragraph, TextRun, type ParagraphChild } from 'docx';
import { Lexer, type Token, type Tokens } from 'marked';
import { plainText } from '../pack/markdown/inline';
import { xmlSafe } from '../pack/markdown/text';
import type { DiffPart } from '../rules/protocolDiff';

/**
 * A Markdown body as the plain paragraphs a reviewer reads (lists as "• …" or "1. …", headings as
 * their text), one per blank-line break, so a word diff of two bodies lines up with Word's paragraphs.
 */
export const readableText = (markdown: string): string => {
  const out: string[] = [];
  const walk = (tokens: Token[]) => {
    for (const t of tokens) {
      if (t.type === 'list') {
        const l = t as Tokens.List;
        l.items.forEach((item, i) => out.push(`${l.ordered ? `${(typeof l.start === 'number' ? l.start : 1) + i}.` : '•'} ${plainText(item.tokens.flatMap((c) => ((c as { tokens?: Token[] }).tokens ?? [c])))}`));
      } else if (t.type === 'blockquote') walk((t as Tokens.Blockquote).tokens);
      else if (t.type === 'table') {
        const tb = t as Tokens.Table;
        out.push(tb.header.map((c) => plainText(c.tokens)).join(' | '));
        for (const r of tb.rows) out.push(r.map((c) => plainText(c.tokens)).join(' | '));
      } else if (t.type === 'code') out.push((t as Tokens.Code).text);
      else if (t.type !== 'space' && t.type !== 'hr' && t.type !== 'html') out.push(plainText((t as { tokens?: Token[] }).tokens ?? [t]));
    }
  };
  walk(new Lexer().lex(markdown));
  return out.filter((p) => p.trim()).join('\n\n');
};

export type Revision = { author: string; date: string; nextId: () => number };

/**
 * Diff parts as Word paragraphs with real revisions: w:ins and w:del runs (ECMA-376 §17.13.5) that
 * Word lists in its Review pane and a partner can accept or reject one by one.
 */
export const trackedParagraphs = (parts: readonly DiffPart[], rev: Revision, style?: string): Paragraph[] => {
  const paragraphs: ParagraphChild[][] = [[]];
  for (const part of parts) {
    const pieces = part.text.split(/\n\n+/);
    pieces.forEach((piece, i) => {
      if (i > 0) paragraphs.push([]);
      if (!piece) return;
      const text = xmlSafe(piece.replace(/\n/g, ' '));
      const run =
        part.kind === 'same'
          ? new TextRun(text)
          : part.kind === 'ins'
            ? new InsertedTextRun({ text, id: rev.nextId(), author: rev.author, date: rev.date })
            : new DeletedTextRun({ text, id: rev.nextId(), author: rev.author, date: rev.date });
      paragraphs.at(-1)!.push(run);
    });
  }
  return paragraphs.filter((children) => children.length > 0).map((children) => new Paragraph({ children, ...(style ? { style } : {}) }));
};
