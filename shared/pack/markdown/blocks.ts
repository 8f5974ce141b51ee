import { HeadingLevel, type Paragraph, type Table, type TableOfContents } from 'docx';
import { Lexer, type Token } from 'marked';

export type Block = Paragraph | Table | TableOfContents;

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
export const headingLevel = (level: number) => HEADINGS[Math.min(Math.max(level, 1), 6) - 1];

/** Markdown as the store keeps it, read with GitHub's dialect (tables, task lists, strikethrough). */
export const lexMarkdown = (markdown: string): Token[] => new Lexer({ gfm: true, breaks: false }).lex(markdown);

