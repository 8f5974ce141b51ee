import type { ImageLibrary } from './images';
import type { RawParts } from '../ooxml/raw';

/** What converting one Markdown body needs to know about where it lands in the pack. */
export type MarkdownContext = {
  /** The heading level the body sits under: `#` becomes one level below it. */
  headingBase: number;
  images: ImageLibrary;
  /** Text width in pixels at 96 dpi, for fitting images. */
  maxImageWidth: number;
  /** Markdown is written straight as OOXML (shared/pack/ooxml/body.ts) and put into the document from here. */
  raw: RawParts;
};

/** A table with more columns than this reads better on a landscape page. */
export const WIDE_TABLE_COLUMNS = 6;
