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
 * ToUnicode map, and written with the new numbers' glyphs from the same font, the line moved so
 * that it stays centred where it was (each glyph's advance from the CIDFont's widths, ISO 32000-1
 * §9.7.4.3, rounded up to Blink's layout unit of 1/64 as Blink places each piece). Undefined when
 * the footer is not found exactly so, or the font's subset lacks a figure: the caller prints the
 * pack as one document instead.
 */
const PIECE = /BT\s+\/([^\s/<>[\]()]+)\s+([\d.]+)\s+Tf\s+1 0 0 -1 ([-\d.]+) ([-\d.]+) Tm\s+(<[0-9A-Fa-f]*>\s*Tj(?:\s*[-\d.]+\s+0\s+Td\s*<[0-9A-Fa-f]*>\s*Tj)*)\s+ET/g;

const num = (n: number) => String(Math.round(n * 10_000) / 10_000);
/** Blink's layout unit: positions in the page are multiples of 1/64 of a CSS pixel. */
const unit = (n: number) => Math.ceil(n * 64 - 1e-6) / 64;

type Piece = { font: string; size: number; x: number; y: string; start: number; end: number; codes: string[]; advance: number };

/** The text objects of one run each, in stream order, read as they are asked for: the margin boxes come first. */
function* piecesIn(content: string, fontNamed: (name: string) => Font | undefined): Generator<Piece> {
  for (const m of content.matchAll(PIECE)) {
    const font = fontNamed(m[1]);
    if (!font) continue;
    const size = Number(m[2]);
    const width = (hex: string) => ((hex.toUpperCase().match(/.{4}/g) ?? []).reduce((s, code) => s + font.width(code), 0) / 1000) * size;
    // The piece's own advance: the moves between its runs (kerning included), then its last run's glyphs.
    const runs = [...m[5].matchAll(/(?:([-\d.]+)\s+0\s+Td\s*)?<([0-9A-Fa-f]*)>\s*Tj/g)];
    const moved = runs.reduce((s, r) => s + (r[1] ? Number(r[1]) : 0), 0);
    yield { font: m[1], size, x: Number(m[3]), y: m[4], start: m.index!, end: m.index! + m[0].length, codes: runs.flatMap((r) => r[2].toUpperCase().match(/.{4}/g) ?? []), advance: unit(moved + width(runs[runs.length - 1][2])) };
  }
}

export const withPageNumber = (content: string, fontNamed: (name: string) => Font | undefined, was: { page: number; of: number }, now: { page: number; of: number }): string | undefined => {
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
    const texts = ['Page ', String(now.page), ' of ', String(now.of)];
    const glyphs = texts.map((t, k) => (k % 2 === 0 ? run[k].codes : [...t].map((ch) => font.codeOf.get(ch))));
    if (glyphs.some((g) => g.some((code) => code === undefined))) return undefined;
    const advance = (codes: readonly string[]) => unit((codes.reduce((s, code) => s + font.width(code), 0) / 1000) * run[0].size);
    const widthWas = run.reduce((s, p) => s + p.advance, 0);
    const widthNow = glyphs.reduce((s, g) => s + advance(g as string[]), 0);
    let x = Math.round((run[0].x + (widthWas - widthNow) / 2) * 64) / 64;
    const written = glyphs.map((g) => {
      const piece = `BT\n/${run[0].font} ${run[0].size} Tf\n1 0 0 -1 ${num(x)} ${run[0].y} Tm\n<${g.join('')}> Tj\nET`;
      x += advance(g as string[]);
      return piece;
    });
    return content.slice(0, run[0].start) + written.join('\n') + content.slice(run[3].end);
  }
  return undefined;
};
