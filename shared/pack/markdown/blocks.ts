import { HeadingLevel, type Paragraph, type Table, type TableOfContents } from 'docx';
import type { Ooxml } from '../ooxml/blocks';

/** What docx itself lays out. */
export type DocxBlock = Paragraph | Table | TableOfContents;
/** A block of a document: a docx object, or WordprocessingML written as text (shared/pack/ooxml/blocks.ts). */
export type Block = DocxBlock | Ooxml;

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
export const headingLevel = (level: number) => HEADINGS[Math.min(Math.max(level, 1), 6) - 1];
