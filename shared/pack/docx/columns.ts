/**
 * Column widths sized from what the cells hold, so a table uses its page (portrait or landscape)
 * and no word is split inside itself ("Overdu|e"): every column is at least as wide as its longest
 * word; the room left goes to the columns with the most text. Widths are in twips (1/20 pt).
 *
 * Text is measured with Arial's advance widths (the house font, style.ts), grouped into a few
 * classes; an estimate, so each column keeps a little slack.
 */

/** Arial advance widths in thousandths of an em, by character class (Arial's hmtx table, rounded). */
const NARROW = new Set([...'fijlrtI.,;:!|\'’‘()[]/ -']);
const WIDE = new Set([...'mwMW@%']);
const CAPITAL = /[A-Z]/;
const DIGIT = /[0-9]/;
const advance = (ch: string): number => {
  if (NARROW.has(ch)) return 300;
  if (WIDE.has(ch)) return 850;
  if (CAPITAL.test(ch)) return 680;
  if (DIGIT.test(ch)) return 556;
  return 540;
};

/** The document's body size (style.ts: 22 half-points, 11 pt) in twips per em. */
const EM = 220;
/** Word's default cell margins (w:tblCellMar, 0.08 inch a side) and a little slack for the estimate. */
const CELL_PADDING = 2 * 108 + 60;
/** Bold runs (header rows) are wider. */
const BOLD = 1.08;
/** A column whose longest value is this narrow (about 16 characters) is kept to one line if it can be. */
const SHORT = 2400;
/** The share of the width the columns of running text keep before short values are kept to one line. */
const LONG_SHARE = 0.5;
/** No column narrower than a few characters, so even an empty one can take a short word. */
const MIN_COLUMN = 500;

export const textWidth = (text: string, bold = false): number => {
  let sum = 0;
  for (const ch of text) sum += advance(ch);
  return Math.ceil(((sum / 1000) * EM) * (bold ? BOLD : 1));
};

const longestWord = (text: string, bold: boolean) => Math.max(0, ...text.split(/\s+/).map((w) => textWidth(w, bold)));
const longestLine = (text: string, bold: boolean) => Math.max(0, ...text.split('\n').map((l) => textWidth(l, bold)));

/** What a cell holds, as far as sizing goes: its text and whether it is bold, or unknown (rich content). */
export type CellText = { text: string; bold: boolean } | null;

export const fitColumns = (header: readonly string[], rows: readonly (readonly CellText[])[], total: number): number[] => {
  const n = header.length;
  const min = header.map((h) => longestWord(h, true));
  const pref = header.map((h) => longestLine(h, true));
  for (const row of rows)
    for (let i = 0; i < n; i++) {
      const c = row[i];
      if (!c) continue;
      min[i] = Math.max(min[i], longestWord(c.text, c.bold));
      pref[i] = Math.max(pref[i], longestLine(c.text, c.bold));
    }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const byWord = min.map((m) => Math.max(m + CELL_PADDING, MIN_COLUMN));
  // A long text wraps: its column asks for at most half the width, the rest is shared out below.
  const wanted = pref.map((p, i) => Math.max(byWord[i], Math.min(p + CELL_PADDING, total / 2)));
  // Short values (a date, a name, a status) stay on one line when the page allows, as long as the
  // columns of running text keep most of the width (else an action would wrap every two words).
  const isShort = wanted.map((w) => w <= SHORT);
  const unwrapped = wanted.map((w, i) => (isShort[i] ? w : byWord[i]));
  const forText = total - sum(unwrapped.filter((_, i) => isShort[i]));
  const hasText = isShort.some((x) => !x);
  const least = sum(unwrapped) <= total && (!hasText || forText >= LONG_SHARE * total) ? unwrapped : byWord;
  let widths: number[];
  if (sum(wanted) <= total) {
    // Everything fits on one line: spread the spare room in proportion, so the table spans the page.
    const scale = total / sum(wanted);
    widths = wanted.map((w) => w * scale);
  } else if (sum(least) <= total) {
    // Every word fits; the columns with more text to wrap get more of the room beyond that.
    const spare = total - sum(least);
    const need = pref.map((p, i) => Math.max(0, p + CELL_PADDING - least[i]));
    const needed = sum(need) || 1;
    widths = least.map((l, i) => l + (spare * need[i]) / needed);
  } else {
    // Too many long words for the page: shrink evenly (Word then breaks the longest words).
    const scale = total / sum(least);
    widths = least.map((l) => l * scale);
  }
  const rounded = widths.map((w) => Math.floor(w));
  rounded[n - 1] += total - sum(rounded);
  return rounded;
};
