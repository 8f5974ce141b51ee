import { HeadingLevel, type Paragraph, type Table, type TableOfContents } from 'docx';
import { Lexer, type Token } from 'marked';
import type { Ooxml } from '../ooxml/blocks';

/** What docx itself lays out. */
export type DocxBlock = Paragraph | Table | TableOfContents;
/** A block of a document: a docx object, or WordprocessingML written as text (shared/pack/ooxml/blocks.ts). */
export type Block = DocxBlock | Ooxml;

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
export const headingLevel = (level: number) => HEADINGS[Math.min(Math.max(level, 1), 6) - 1];

/** How much recently read Markdown (in characters) keeps its tokens: a ~1,000-page pack is about 3 million. */
const LEXED_KEPT_CHARS = 8_000_000;
const lexed = new Map<string, Token[]>();
let lexedChars = 0;

/**
 * Markdown as the store keeps it, read with GitHub's dialect (tables, task lists, strikethrough).
 * Each text is read once and its tokens shared: the pre-flight and the build walk the same tokens
 * (the pack's papers are lexed once, not twice), and a pre-flight asked again after a save reads
 * only the paper that changed. The most recently read texts are kept, up to LEXED_KEPT_CHARS.
 * The tokens are shared, so nothing that walks them may change them.
 */
export const lexMarkdown = (markdown: string): readonly Token[] => {
  const known = lexed.get(markdown);
  if (known) {
    // Map order is insertion order: moved to the end, it is the last to be forgotten.
    lexed.delete(markdown);
    lexed.set(markdown, known);
    return known;
  }
  const tokens = new Lexer({ gfm: true, breaks: false }).lex(markdown);
  if (markdown.length > LEXED_KEPT_CHARS) return tokens;
  lexed.set(markdown, tokens);
  lexedChars += markdown.length;
  for (const oldest of lexed.keys()) {
    if (lexedChars <= LEXED_KEPT_CHARS) break;
    lexed.delete(oldest);
    lexedChars -= oldest.length;
  }
  return tokens;
};

