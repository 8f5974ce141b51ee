import { MARKDOWN_MAX } from '../../../shared/schema/common';
import { QuorumFailure } from '../../../shared/result';

/**
 * What a Word body may hold before it is handed to mammoth, which builds the whole document in
 * memory at about 4 KB a run: a file of 1.4 million one-letter runs (0.7 MB on disk) took 4 GB
 * and two minutes. Judged here in one pass over the tags (about a second for the largest part the
 * zip checks let through), so what Quorum cannot take is refused in seconds, in words, with
 * nothing written, and every import stays inside 512 MiB (test/readback/hostileImports.test.ts).
 */
export const WORD_LIMITS = {
  /** The text a paper may hold once converted (shared/schema/common.ts), about 600 pages. */
  maxTextChars: MARKDOWN_MAX,
  /**
   * Runs of text with their own formatting, after runs that differ only in Word's revision ids
   * (w:rsidR) are joined. A 100-page paper has 5,000 to 10,000.
   */
  maxRuns: 25_000,
  /** Paragraphs, table cells' included: a 300-page paper has about 8,000. */
  maxParagraphs: 16_000,
  /** Elements of any kind once the silent ones are out (a run with its formatting is 2 to 5): tabs, breaks and fields count too. */
  maxElements: 100_000,
  /** Tables inside tables' cells; Word's own menus make more than three rare. */
  maxTableDepth: 8,
  /** Elements inside elements: a paper is about 10 deep plus 6 a nested table. */
  maxDepth: 90,
} as const;

export type WordBodyCounts = { textChars: number; runs: number; paragraphs: number; elements: number; tableDepth: number; depth: number };

/** One pass over the tags: how much text, how many runs and paragraphs, how deep. */
export const countWordBody = (xml: string): WordBodyCounts => {
  const counts: WordBodyCounts = { textChars: 0, runs: 0, paragraphs: 0, elements: 0, tableDepth: 0, depth: 0 };
  let depth = 0;
  let tables = 0;
  const tag = /<(\/?)([A-Za-z][\w.:-]*)[^>]*?(\/?)>/g;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const [whole, closing, name, selfClosing] = m;
    if (closing) {
      depth--;
      if (name === 'w:tbl') tables--;
      continue;
    }
    counts.elements++;
    if (name === 'w:r') counts.runs++;
    else if (name === 'w:p') counts.paragraphs++;
    else if ((name === 'w:t' || name === 'w:delText') && !selfClosing) {
      const end = xml.indexOf('<', m.index + whole.length);
      const text = xml.slice(m.index + whole.length, end < 0 ? xml.length : end);
      counts.textChars += text.includes('&') ? text.replace(/&[^;]{1,10};/g, '.').length : text.length;
    }
    if (selfClosing) continue;
    if (name === 'w:tbl' && ++tables > counts.tableDepth) counts.tableDepth = tables;
    if (++depth > counts.depth) counts.depth = depth;
  }
  return counts;
};

const SIMPLE_RUN = /<w:r(?:\s[^>]*)?>(<w:rPr>(?:[^<]|<(?!\/w:rPr>))*<\/w:rPr>)?<w:t(?:\s[^>]*)?>([^<]*)<\/w:t><\/w:r>/g;

/**
 * Runs that stand next to each other with the same formatting joined into one (their text in one
 * w:t, ECMA-376 §17.3.2.25): Word splits a run wherever it was edited in another session (the
 * w:rsid attributes), and a converter can leave a run a letter, so the runs counted against the
 * limit are the ones a reader would tell apart.
 */
export const joinSameFormatRuns = (xml: string): string => {
  let out = '';
  let from = 0;
  let pending: { start: number; end: number; rPr: string; text: string; count: number } | undefined;
  const flush = () => {
    if (!pending) return;
    out += xml.slice(from, pending.start);
    out += pending.count > 1 ? `<w:r>${pending.rPr}<w:t xml:space="preserve">${pending.text}</w:t></w:r>` : xml.slice(pending.start, pending.end);
    from = pending.end;
    pending = undefined;
  };
  for (let m = SIMPLE_RUN.exec(xml); m; m = SIMPLE_RUN.exec(xml)) {
    const rPr = m[1] ?? '';
    if (pending && pending.end === m.index && pending.rPr === rPr) {
      pending.text += m[2];
      pending.end = m.index + m[0].length;
      pending.count++;
      continue;
    }
    flush();
    pending = { start: m.index, end: m.index + m[0].length, rPr, text: m[2], count: 1 };
  }
  flush();
  return from === 0 ? xml : out + xml.slice(from);
};

/**
 * Parts of a Word body that change nothing Quorum keeps: bookmarks (a pack has its own), spelling
 * marks, the last page break Word laid out, and run and paragraph properties the pack never reads
 * (language, font, size, colour, spacing, keep-with-next). mammoth builds each one at 1 to 4 KB
 * (150,000 bookmarks took 1.2 GB), so they are taken out before it reads the body. Bold, italics,
 * underline, strike, superscript and subscript, styles and numbering stay.
 */
const SILENT = /<w:(?:bookmarkStart|bookmarkEnd|proofErr|lastRenderedPageBreak|lang|sz|szCs|bCs|iCs|color|kern|noProof|rFonts|w|spacing|snapToGrid|widowControl|contextualSpacing|keepNext|keepLines|rtlGutter|autoSpaceDE|autoSpaceDN|adjustRightInd)(?=[\s/])[^>]*\/>/g;
export const withoutSilentParts = (xml: string): string => xml.replace(SILENT, '').replace(/<w:rPr><\/w:rPr>|<w:pPr><\/w:pPr>/g, '');

const n = (x: number) => x.toLocaleString('en-GB');
/** Characters on a page of a board paper (about 550 words, 11 pt on A4), for saying a limit in pages. */
const PAGE_CHARS = 3333;

/**
 * The Word body ready for mammoth (silent parts out, same-format runs joined), or a refusal that says which limit,
 * and what to do, for `what` ("paper", "terms of reference") holding up to `maxTextChars`.
 */
export const wordBodyWithinLimits = (documentXml: string, fileName: string, what: string, maxTextChars: number = WORD_LIMITS.maxTextChars): string => {
  const refuse = (why: string, todo: string) => new QuorumFailure('invalid-input', `${fileName} was not imported: ${why}. Nothing was changed. ${todo}`);
  const first = countWordBody(documentXml);
  if (first.textChars > maxTextChars)
    throw refuse(`it holds ${n(first.textChars)} characters of text, and one ${what} can hold up to ${n(maxTextChars)} (about ${n(Math.round(maxTextChars / PAGE_CHARS))} pages)`, `Split it into shorter documents, or check it is the file you meant to choose.`);
  if (first.tableDepth > WORD_LIMITS.maxTableDepth)
    throw refuse(`it has tables nested ${n(first.tableDepth)} deep (a table in a table’s cell, and so on), and Quorum reads up to ${WORD_LIMITS.maxTableDepth}`, `Open it in Word, move the inner tables out of the cells, save it and import it again.`);
  if (first.depth > WORD_LIMITS.maxDepth)
    throw refuse(`its parts are nested ${n(first.depth)} levels deep, and a Word document Quorum reads goes up to ${WORD_LIMITS.maxDepth}`, `Open it in Word, save it again as a Word Document (.docx) and import that.`);
  if (first.paragraphs > WORD_LIMITS.maxParagraphs)
    throw refuse(`it has ${n(first.paragraphs)} paragraphs, and one ${what} can have up to ${n(WORD_LIMITS.maxParagraphs)}`, `Split it into shorter documents, or check it is the file you meant to choose.`);
  const quiet = withoutSilentParts(documentXml);
  const joined = first.runs > 1000 ? joinSameFormatRuns(quiet) : quiet;
  const { runs, elements } = joined === documentXml ? first : countWordBody(joined);
  if (runs > WORD_LIMITS.maxRuns)
    throw refuse(
      `its text is in ${n(runs)} separately formatted pieces, and Quorum reads up to ${n(WORD_LIMITS.maxRuns)}`,
      `Open it in Word, select all and use Clear All Formatting (or paste it into a new document as text only), save it and import it again.`,
    );
  if (elements > WORD_LIMITS.maxElements)
    throw refuse(
      `it is made of ${n(elements)} parts (text, formatting, bookmarks, fields and the like), and Quorum reads up to ${n(WORD_LIMITS.maxElements)}`,
      `Open it in Word, save it again as a Word Document (.docx), or paste it into a new document as text only, and import that.`,
    );
  return joined;
};
