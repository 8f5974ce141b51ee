/** A4 with 2 cm margins, in twentieths of a point (twips), as UK councils print packs. */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: 1134,
} as const;
export const PORTRAIT_TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const LANDSCAPE_TEXT_WIDTH = PAGE.height - 2 * PAGE.margin;
/** Text width in pixels at 96 dpi (1 inch = 1440 twips = 96 px), for fitting images. */
export const PORTRAIT_TEXT_PX = Math.floor((PORTRAIT_TEXT_WIDTH / 1440) * 96);
