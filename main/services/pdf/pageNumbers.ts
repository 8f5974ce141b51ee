import type { Font } from './contentsNumbers';

/**
 * "Page X of Y" at the foot of a page, written again with other numbers: for a pack printed as
 * several documents and joined (joinPrints.ts), where each document counted its own pages.
 *
 * Chromium (Skia) draws the margin box (`@bottom-center { content: "Page " counter(page) " of "
 * counter(pages) }`, shared/pack/html/document.ts) as one text object per piece, each placed by
 * its own `Tm` (`BT /F4 12 Tf 1 0 0 -1 359.90625 1089 Tm <0033…> Tj ET`): "Page ", the page,
 * " of ", the count; a piece with a kerned pair is shown in runs moved along by `Td` ("11":
 * `<0014> Tj 5.7832 0 Td <0014> Tj`). The pieces are found by what they read, through the font's
 * ToUnicode map, and written with the new numbers' glyphs from the same font, a pair kerned as
 * Blink kerned it in another footer of the pack, the line moved so that it stays centred where it
 * was (each glyph's advance from the CIDFont's widths, ISO 32000-1 §9.7.4.3, each piece rounded up
 * to Blink's layout unit of 1/64 as Blink places it). Undefined when the footer is not found
 * exactly so, or the font's subset lacks a figure: the caller prints the pack as one document
 * instead.
 */
const PIECE = /BT\s+\/([^\s/<>[\]()]+)\s+([\d.]+)\s+Tf\s+1 0 0 -1 ([-\d.]+) ([-\d.]+) Tm\s+(<[0-9A-Fa-f]*>\s*Tj(?:\s*[-\d.]+\s+0\s+Td\s*<[0-9A-Fa-f]*>\s*Tj)*)\s+ET/g;

const num = (n: number) => String(Math.round(n * 10_000) / 10_000);
/** Blink's layout unit: positions in the page are multiples of 1/64 of a CSS pixel. */
const unit = (n: number) => Math.ceil(n * 64 - 1e-6) / 64;

type Run = { move: number; codes: string[] };
type Piece = { font: string; size: number; x: number; y: string; start: number; end: number; runs: Run[]; codes: string[]; advance: number };

/** Kerning seen in the footers (Blink kerns "11"), by pair of characters, in thousandths of the font size. */
export type Kerning = Map<string, number>;

const widthOf = (font: Font, size: number, codes: readonly string[]) => (codes.reduce((s, code) => s + font.width(code), 0) / 1000) * size;

/** The text objects of one run each, in stream order, read as they are asked for: the margin boxes come first. */
function* piecesIn(content: string, fontNamed: (name: string) => Font | undefined): Generator<Piece> {
  for (const m of content.matchAll(PIECE)) {
    const font = fontNamed(m[1]);
    if (!font) continue;
    const size = Number(m[2]);
    const runs = [...m[5].matchAll(/(?:([-\d.]+)\s+0\s+Td\s*)?<([0-9A-Fa-f]*)>\s*Tj/g)].map((r) => ({ move: r[1] ? Number(r[1]) : 0, codes: r[2].toUpperCase().match(/.{4}/g) ?? [] }));
    // The piece's own advance: the moves between its runs (kerning included), then its last run's glyphs.
    const moved = runs.reduce((s, r) => s + r.move, 0);
    yield { font: m[1], size, x: Number(m[3]), y: m[4], start: m.index!, end: m.index! + m[0].length, runs, codes: runs.flatMap((r) => r.codes), advance: unit(moved + widthOf(font, size, runs[runs.length - 1].codes)) };
  }
}

/** A page's footer as printed: its four pieces, in their font. */
export type PageFooter = { pieces: Piece[]; font: Font };

/**
 * The footer reading "Page {page} of {of}" in a page's content, and the kerning its numbers show;
 * undefined when not found exactly so.
 */
export const pageFooter = (content: string, fontNamed: (name: string) => Font | undefined, was: { page: number; of: number }, kerning: Kerning): PageFooter | undefined => {
  const reads = ['Page ', String(was.page), ' of ', String(was.of)];
  const run: Piece[] = [];
  for (const piece of piecesIn(content, fontNamed)) {
    run.push(piece);
    if (run.length > reads.length) run.shift();
    if (run.length < reads.length) continue;
    const font = fontNamed(run[0].font)!;
    // The four pieces follow one another in the stream, on one line, in one font, and read the footer.
    if (run.some((p, k) => (k > 0 && (!/^\s*$/.test(content.slice(run[k - 1].end, p.start)) || p.font !== run[0].font || p.size !== run[0].size || p.y !== run[0].y)) || p.codes.map((c) => font.charOf.get(c) ?? '\uFFFD').join('') !== reads[k]))
      continue;
    // Each piece starts where the one before ended: a line laid out another way (letter spacing) is not ours to move.
    if (run.some((p, k) => k > 0 && Math.abs(p.x - (run[k - 1].x + run[k - 1].advance)) > 0.05)) return undefined;
    for (const p of run)
      for (let k = 1; k < p.runs.length; k++) {
        const before = p.runs[k - 1].codes;
        const pair = `${font.charOf.get(before[before.length - 1])}${font.charOf.get(p.runs[k].codes[0])}`;
        kerning.set(pair, ((p.runs[k].move - widthOf(font, p.size, before)) / p.size) * 1000);
      }
    return { pieces: [...run], font };
  }
  return undefined;
};

/**
 * The content with its footer reading "Page {page} of {of}" instead, the numbers kerned as Blink
 * kerned them elsewhere in the pack; undefined when the font's subset lacks a figure.
 */
export const withPageNumber = (content: string, footer: PageFooter, now: { page: number; of: number }, kerning: Kerning): string | undefined => {
  const { pieces, font } = footer;
  const { size } = pieces[0];
  const texts = ['Page ', String(now.page), ' of ', String(now.of)];
  // Each piece as runs of glyphs, a new run where a kerned pair moves the next glyph.
  const written: Run[][] = [];
  for (const [k, text] of texts.entries()) {
    if (k % 2 === 0) {
      written.push(pieces[k].runs);
      continue;
    }
    const runs: Run[] = [];
    let previous = '';
    for (const ch of text) {
      const code = font.codeOf.get(ch);
      if (code === undefined) return undefined;
      const kern = kerning.get(`${previous}${ch}`);
      const last = runs[runs.length - 1];
      if (!last || kern) runs.push({ move: last ? widthOf(font, size, last.codes) + ((kern ?? 0) / 1000) * size : 0, codes: [code] });
      else last.codes.push(code);
      previous = ch;
    }
    written.push(runs);
  }
  const advance = (runs: Run[]) => unit(runs.reduce((s, r) => s + r.move, 0) + widthOf(font, size, runs[runs.length - 1].codes));
  const widthWas = pieces.reduce((s, p) => s + p.advance, 0);
  const widthNow = written.reduce((s, runs) => s + advance(runs), 0);
  let x = Math.round((pieces[0].x + (widthWas - widthNow) / 2) * 64) / 64;
  const text = written.map((runs) => {
    const shown = runs.map((r, i) => `${i ? `${num(r.move)} 0 Td ` : ''}<${r.codes.join('')}> Tj`).join('\n');
    const piece = `BT\n/${pieces[0].font} ${pieces[0].size} Tf\n1 0 0 -1 ${num(x)} ${pieces[0].y} Tm\n${shown}\nET`;
    x += advance(runs);
    return piece;
  });
  return content.slice(0, pieces[0].start) + text.join('\n') + content.slice(pieces[3].end);
};
