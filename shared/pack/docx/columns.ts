/**
 * Column widths sized from what the cells hold, so a table uses its page (portrait or landscape)
 * and no word is split inside itself ("Overdu|e"): every column is at least as wide as its longest
 * word; the room left goes to the columns with the most text. Widths are in twips (1/20 pt).
 *
 * Text is measured with Arial's advance widths (the house font, style.ts), grouped into a few
 * classes; an estimate, so each column keeps a little slack.
 */

/** Arial advance widths in thousandths of an em, by character class (Arial's hmtx table, rounded). */
const NARROW = 300;
const WIDE = 850;
const CAPITAL = 680;
const DIGIT = 556;
const OTHER = 540;
/** The advance of each ASCII character; beyond ASCII only the curly single quotes are narrow. */
const ASCII_ADVANCE = Uint16Array.from({ length: 128 }, (_, code) => {
  const ch = String.fromCharCode(code);
  if ("fijlrtI.,;:!|'()[]/ -".includes(ch)) return NARROW;
  if ('mwMW@%'.includes(ch)) return WIDE;
  if (ch >= 'A' && ch <= 'Z') return CAPITAL;
  if (ch >= '0' && ch <= '9') return DIGIT;
  return OTHER;
});
const advance = (code: number): number => (code < 128 ? ASCII_ADVANCE[code] : code === 0x2018 || code === 0x2019 ? NARROW : OTHER);
/** The characters `\s` matches (ECMA-262 WhiteSpace and LineTerminator), which part words. */
const isSpace = (code: number): boolean =>
  code === 32 || (code >= 9 && code <= 13) || (code >= 0x80 && (code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff));

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

const scaled = (advances: number, bold: boolean): number => Math.ceil((advances / 1000) * EM * (bold ? BOLD : 1));

/** A text's width in twips on one line, a character (a code point) at a time. */
export const textWidth = (text: string, bold = false): number => scaled(measure(text).line, bold);

/** A cell's longest word and longest line, in twips: the least and the most its column could want. */
export const cellExtent = (text: string, bold: boolean): { word: number; line: number } => {
  const m = measure(text);
  return { word: scaled(m.word, bold), line: scaled(m.line, bold) };
};

/**
 * The sum of advances of a text's longest word (parted by white space) and of its longest line
 * (parted by line breaks), in one pass with no strings made: a ~300-page pack sizes about 8,600 cells.
 */
const measure = (text: string): { word: number; line: number } => {
  let word = 0;
  let line = 0;
  let longestWord = 0;
  let longestLine = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      if (line > longestLine) longestLine = line;
      line = 0;
    } else {
      // A character beyond the Basic Multilingual Plane is one advance, not two.
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
      line += advance(code);
    }
    if (isSpace(code)) {
      if (word > longestWord) longestWord = word;
      word = 0;
    } else word += advance(code);
  }
  return { word: Math.max(word, longestWord), line: Math.max(line, longestLine) };
};

/** What a cell holds, as far as sizing goes: its text and whether it is bold, or unknown (rich content). */
export type CellText = { text: string; bold: boolean } | null;

export const fitColumns = (header: readonly string[], rows: readonly (readonly CellText[])[], total: number): number[] => {
  const n = header.length;
  const headerExtents = header.map((h) => cellExtent(h, true));
  const min = headerExtents.map((e) => e.word);
  const pref = headerExtents.map((e) => e.line);
  for (const row of rows)
    for (let i = 0; i < n; i++) {
      const c = row[i];
      if (!c) continue;
      const e = cellExtent(c.text, c.bold);
      min[i] = Math.max(min[i], e.word);
      pref[i] = Math.max(pref[i], e.line);
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
