import { strFromU8 } from 'fflate';
import { attr, kids, parseXml, tagOf, type XNode } from '../../../shared/ooxml';

/**
 * The numbers Word shows on numbered paragraphs, which mammoth does not carry: it starts every
 * list at 1, so a list interrupted by a paragraph (one w:numId, counting on) or one set to start
 * at 3 would be renumbered, and a numbered heading ("2.1 Findings") loses its number.
 *
 * Read from word/numbering.xml (w:abstractNum levels: w:start, w:numFmt, w:lvlText; w:num with
 * w:lvlOverride/w:startOverride), word/styles.xml (a style's w:numPr, as "List Number" has) and
 * word/document.xml, counting as Word does (ECMA-376 Part 1, §17.9): one counter per abstract
 * list, a level's counter reset when a higher level is used.
 */
export type NumberedParagraph = {
  /** The paragraph's text, to find it again in mammoth's HTML. */
  text: string;
  level: number;
  /** False for bullets. */
  ordered: boolean;
  /** The item's own count at its level (3 for the third item). */
  number: number;
  /** What Word prints before the text ("2.1", "b)", "iv."), from w:lvlText. */
  label: string;
};

const child = (n: XNode, tag: string) => kids(n).find((k) => tagOf(k) === tag);
const children = (n: XNode, tag: string) => kids(n).filter((k) => tagOf(k) === tag);
const all = (nodes: XNode[], tag: string, out: XNode[] = []): XNode[] => {
  for (const n of nodes) {
    if (tagOf(n) === tag) out.push(n);
    else all(kids(n), tag, out);
  }
  return out;
};
const textOf = (nodes: XNode[]): string =>
  nodes
    .map((n) => {
      const tag = tagOf(n);
      if (tag === 'w:t') return kids(n).map((c) => String(c['#text'] ?? '')).join('');
      if (tag === 'w:tab') return ' ';
      // Deleted text is not shown; neither is a field's code.
      if (tag === 'w:del' || tag === 'w:instrText' || tag === 'w:pPr' || tag === 'w:rPr') return '';
      return textOf(kids(n));
    })
    .join('');

type Level = { start: number; format: string; text: string };

const ROMAN: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
const roman = (n: number) => ROMAN.reduce((acc, [v, s]) => { let out = acc; while (n >= v) { out += s; n -= v; } return out; }, '');
const letters = (n: number) => {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
  return s;
};
/** A count in a level's w:numFmt; formats Quorum does not spell out fall back to decimal. */
export const formatted = (n: number, format: string) => {
  switch (format) {
    case 'lowerLetter': return letters(n);
    case 'upperLetter': return letters(n).toUpperCase();
    case 'lowerRoman': return roman(n);
    case 'upperRoman': return roman(n).toUpperCase();
    case 'bullet': case 'none': return '';
    default: return String(n);
  }
};

/** Where each outermost paragraph (w:p) starts and ends; one inside a text box is part of the one around it. */
const paragraphRanges = (xml: string): [number, number][] => {
  const out: [number, number][] = [];
  const tag = /<(\/?)w:p(?=[\s>/])[^>]*?(\/?)>/g;
  let depth = 0;
  let start = 0;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    if (m[2]) continue;
    if (m[1]) {
      if (depth > 0 && --depth === 0) out.push([start, m.index + m[0].length]);
    } else if (depth++ === 0) start = m.index;
  }
  return out;
};

export const numberedParagraphs = (files: Record<string, Uint8Array>, documentXml = files['word/document.xml'] ? strFromU8(files['word/document.xml']) : ''): NumberedParagraph[] => {
  const xml = (name: string) => (files[name] ? parseXml(strFromU8(files[name])) : []);
  const abstracts = new Map<string, Map<number, Level>>();
  for (const a of all(xml('word/numbering.xml'), 'w:abstractNum')) {
    const levels = new Map<number, Level>();
    for (const l of children(a, 'w:lvl')) {
      const start = child(l, 'w:start');
      levels.set(Number(attr(l, 'w:ilvl')) || 0, {
        start: start ? Number(attr(start, 'w:val')) : 1,
        format: attr(child(l, 'w:numFmt') ?? {}, 'w:val') || 'decimal',
        text: attr(child(l, 'w:lvlText') ?? {}, 'w:val'),
      });
    }
    abstracts.set(attr(a, 'w:abstractNumId'), levels);
  }
  const nums = new Map<string, { abstractId: string; overrides: Map<number, number> }>();
  for (const n of all(xml('word/numbering.xml'), 'w:num')) {
    const overrides = new Map<number, number>();
    for (const o of children(n, 'w:lvlOverride')) {
      const s = child(o, 'w:startOverride');
      if (s) overrides.set(Number(attr(o, 'w:ilvl')) || 0, Number(attr(s, 'w:val')));
    }
    nums.set(attr(n, 'w:numId'), { abstractId: attr(child(n, 'w:abstractNumId') ?? {}, 'w:val'), overrides });
  }
  const numPrOf = (pPr: XNode | undefined) => {
    const numPr = pPr ? child(pPr, 'w:numPr') : undefined;
    if (!numPr) return undefined;
    return { numId: attr(child(numPr, 'w:numId') ?? {}, 'w:val'), level: Number(attr(child(numPr, 'w:ilvl') ?? {}, 'w:val')) || 0 };
  };
  const styleNumbering = new Map<string, { numId: string; level: number }>();
  for (const s of all(xml('word/styles.xml'), 'w:style')) {
    const numPr = numPrOf(child(s, 'w:pPr'));
    if (numPr?.numId) styleNumbering.set(attr(s, 'w:styleId'), numPr);
  }

  const counters = new Map<string, number[]>();
  const started = new Set<string>();
  const out: NumberedParagraph[] = [];
  if (!nums.size) return [];
  const numberedStyle = new RegExp(`<w:pStyle w:val="(${[...styleNumbering.keys()].map((k) => k.replace(/[^\w-]/g, '\\$&')).join('|') || '(?!)'})"`);
  for (const range of paragraphRanges(documentXml)) {
    const source = documentXml.slice(range[0], range[1]);
    // Only a paragraph that is numbered, by itself or its style, is parsed: a long paper is not held as a tree.
    if (!source.includes('<w:numPr>') && !numberedStyle.test(source)) continue;
    const p = parseXml(source)[0];
    if (!p || tagOf(p) !== 'w:p') continue;
    const pPr = child(p, 'w:pPr');
    const style = pPr ? attr(child(pPr, 'w:pStyle') ?? {}, 'w:val') : '';
    const own = numPrOf(pPr);
    const fromStyle = styleNumbering.get(style);
    const numId = own?.numId || fromStyle?.numId;
    if (!numId || numId === '0') continue;
    const level = own ? own.level : (fromStyle?.level ?? 0);
    const num = nums.get(numId);
    const levels = num ? abstracts.get(num.abstractId) : undefined;
    if (!num || !levels) continue;
    const counter = counters.get(num.abstractId) ?? [];
    counters.set(num.abstractId, counter);
    // A list instance that restarts (w:startOverride) does so where it is first used.
    if (!started.has(numId)) {
      started.add(numId);
      for (const [l, value] of num.overrides) counter[l] = value - 1;
    }
    const at = levels.get(level) ?? { start: 1, format: 'decimal', text: `%${level + 1}.` };
    counter[level] = (counter[level] ?? at.start - 1) + 1;
    counter.length = level + 1; // a deeper level starts again under a new item
    const label = at.text.replace(/%(\d)/g, (_m, k: string) => {
      const l = Number(k) - 1;
      return formatted(counter[l] ?? levels.get(l)?.start ?? 1, levels.get(l)?.format ?? 'decimal');
    });
    out.push({ text: textOf(kids(p)).trim(), level, ordered: at.format !== 'bullet' && at.format !== 'none', number: counter[level], label });
  }
  return out;
};

/** Tracked changes and comments left in a paper (w:ins, w:del, w:commentReference), and by whom. */
export type ReviewMarks = { insertions: number; deletions: number; comments: number; authors: string[] };

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decoded = (s: string) => s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (XML_ENTITIES[e] ?? m)));

/** Counted from the tags alone, so asking about a long paper does not build it in memory. */
export const reviewMarksIn = (files: Record<string, Uint8Array>, documentXml = files['word/document.xml'] ? strFromU8(files['word/document.xml']) : ''): ReviewMarks => {
  const authors = new Set<string>();
  const count = (tag: string) => {
    let found = 0;
    for (const m of documentXml.matchAll(new RegExp(`<${tag}(?=[\\s>/])([^>]*)>`, 'g'))) {
      found++;
      const a = /w:author="([^"]*)"/.exec(m[1]);
      if (a?.[1]) authors.add(decoded(a[1]));
    }
    return found;
  };
  const insertions = count('w:ins') + count('w:moveTo');
  const deletions = count('w:del') + count('w:moveFrom');
  const comments = (documentXml.match(/<w:commentReference\b/g) ?? []).length;
  if (comments && files['word/comments.xml'])
    for (const m of strFromU8(files['word/comments.xml']).matchAll(/<w:comment(?=[\s>])[^>]*?w:author="([^"]*)"/g)) if (m[1]) authors.add(decoded(m[1]));
  return { insertions, deletions, comments, authors: [...authors].sort() };
};

/** What to do with tracked changes and comments left in a paper: Word's Accept All, or keep them showing. */
export type ReviewMarksChoice = 'accept' | 'keep';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Every run inside gets w:strike (ECMA-376 §17.3.2.37): deleted text shown struck through. */
const struck = (runs: string) =>
  runs
    .replace(/<w:rPr>/g, '<w:rPr><w:strike/>')
    .replace(/<w:r(\s[^>]*)?>(?!<w:rPr>)/g, (_m, attrs: string | undefined) => `<w:r${attrs ?? ''}><w:rPr><w:strike/></w:rPr>`)
    .replace(/<w:delText\b/g, '<w:t')
    .replace(/<\/w:delText>/g, '</w:t>');

/**
 * The paper's document.xml with its review marks settled before it is read. `accept`: what Word's
 * Accept All gives (insertions and moved-to text stay; deletions and moved-from text go; comments
 * are left out). `keep`: deletions and moved-from text stay, struck through, and each comment is
 * written where it was made as "[Comment, author: text]", so nothing the reviewers wrote is lost.
 */
export const settleReviewMarks = (documentXml: string, commentsXml: string | undefined, choice: ReviewMarksChoice): string => {
  const deletion = /<w:(del|moveFrom)\b(?:[^>]*[^/])?>([\s\S]*?)<\/w:\1>/g;
  if (choice === 'accept') return documentXml.replace(deletion, '');
  const comments = new Map<string, { author: string; text: string }>();
  if (commentsXml)
    for (const c of all(parseXml(commentsXml), 'w:comment'))
      comments.set(attr(c, 'w:id'), { author: attr(c, 'w:author') || 'a reviewer', text: textOf(kids(c)).trim() });
  return documentXml
    .replace(deletion, (_m, _tag: string, inner: string) => struck(inner))
    .replace(/<w:commentReference w:id="([^"]+)"\s*\/>/g, (_m, id: string) => {
      const c = comments.get(id);
      return c ? `<w:t xml:space="preserve"> [Comment, ${escapeXml(c.author)}: ${escapeXml(c.text)}]</w:t>` : '';
    });
};

/** "3 tracked changes and 1 comment (by Amira Haddad, Priya Nair)". */
export const describeReviewMarks = (marks: ReviewMarks): string => {
  const changes = marks.insertions + marks.deletions;
  const parts = [changes ? `${changes} tracked change${changes === 1 ? '' : 's'}` : '', marks.comments ? `${marks.comments} comment${marks.comments === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ');
  return `${parts}${marks.authors.length ? ` (by ${marks.authors.slice(0, 4).join(', ')}${marks.authors.length > 4 ? ' and others' : ''})` : ''}`;
};

/** What fillTableGrid changed, by table (numbered in the order Word shows them, nested tables counted). */
export type TableGridChanges = { skippedColumns: number[]; hiddenMergedText: number[] };

const EMPTY_CELL = '<w:tc><w:p/></w:tc>';

/**
 * Rows that begin or end with skipped grid columns (w:trPr/w:gridBefore, w:gridAfter, ECMA-376
 * §17.4.14 and §17.4.15) hold fewer w:tc than the grid, and a reader that only counts cells (mammoth)
 * shifts every value after the gap into the wrong column. Each skipped column becomes an empty cell,
 * so a value stays under its own heading. A cell that continues a vertical merge (w:vMerge without
 * "restart", §17.4.84) but still holds text of its own would have that text dropped; it is kept as a
 * cell of its own instead. A scan over the tags, not a parse, so a long paper is read once.
 */
export const fillTableGrid = (documentXml: string): { xml: string; changes: TableGridChanges } => {
  const changes: TableGridChanges = { skippedColumns: [], hiddenMergedText: [] };
  if (!/<w:(gridBefore|gridAfter|vMerge)\b/.test(documentXml)) return { xml: documentXml, changes };
  const edits: { at: number; remove: number; insert: string }[] = [];
  const tables: number[] = [];
  const rows: { table: number; after: number }[] = [];
  const cells: { table: number; hasText: boolean; continues?: [number, number] }[] = [];
  let tableCount = 0;
  const note = (list: number[], table: number) => list.at(-1) !== table && !list.includes(table) && list.push(table);
  const tag = /<(\/?)w:(tbl|tr|tc|gridBefore|gridAfter|vMerge|t)\b([^>]*?)(\/?)>/g;
  for (let m = tag.exec(documentXml); m; m = tag.exec(documentXml)) {
    const [whole, closing, name, attrs, selfClosing] = m;
    const val = /w:val="([^"]*)"/.exec(attrs)?.[1];
    if (name === 'tbl' && !selfClosing) {
      if (closing) tables.pop();
      else tables.push(++tableCount);
    } else if (name === 'tr' && !selfClosing) {
      if (!closing) rows.push({ table: tables.at(-1) ?? 0, after: 0 });
      else {
        const row = rows.pop();
        if (row?.after) edits.push({ at: m.index, remove: 0, insert: EMPTY_CELL.repeat(row.after) });
      }
    } else if (name === 'gridBefore' || name === 'gridAfter') {
      const n = Math.min(63, Math.max(0, Number(val) || 0)); // the grid has at most 63 columns in Word
      const row = rows.at(-1);
      if (!n || !row) continue;
      note(changes.skippedColumns, row.table);
      if (name === 'gridAfter') row.after = n;
      else {
        const end = documentXml.indexOf('</w:trPr>', m.index);
        if (end >= 0) edits.push({ at: end + '</w:trPr>'.length, remove: 0, insert: EMPTY_CELL.repeat(n) });
      }
    } else if (name === 'tc' && !selfClosing) {
      if (!closing) cells.push({ table: tables.at(-1) ?? 0, hasText: false });
      else {
        const cell = cells.pop();
        if (cell?.continues && cell.hasText) {
          edits.push({ at: cell.continues[0], remove: cell.continues[1] - cell.continues[0], insert: '' });
          note(changes.hiddenMergedText, cell.table);
        }
      }
    } else if (name === 'vMerge' && selfClosing && (val === undefined || val === 'continue')) {
      const cell = cells.at(-1);
      if (cell) cell.continues = [m.index, m.index + whole.length];
    } else if (name === 't' && !closing && !selfClosing) {
      const text = documentXml.slice(m.index + whole.length, documentXml.indexOf('<', m.index + whole.length));
      if (text.trim()) for (const c of cells) c.hasText = true;
    }
  }
  if (!edits.length) return { xml: documentXml, changes };
  edits.sort((a, b) => a.at - b.at);
  let out = '';
  let from = 0;
  for (const e of edits) {
    out += documentXml.slice(from, e.at) + e.insert;
    from = e.at + e.remove;
  }
  return { xml: out + documentXml.slice(from), changes };
};

/**
 * A drop cap is a paragraph of its own holding the first letter, framed beside the next
 * (w:framePr/@w:dropCap, ECMA-376 §17.3.1.11), so a reader that ignores frames prints "T" and then
 * "he board met". Its runs are moved to the start of the paragraph it belongs to: "The board met".
 */
export const joinDropCaps = (documentXml: string): string =>
  documentXml.includes('w:dropCap=')
    ? documentXml.replace(
        /<w:p\b[^>]*><w:pPr>(?:(?!<\/w:pPr>)[\s\S])*?<w:framePr\b[^>]*\bw:dropCap="(?:drop|margin)"[^>]*\/>(?:(?!<\/w:pPr>)[\s\S])*<\/w:pPr>((?:(?!<\/w:p>|<w:p\b)[\s\S])*)<\/w:p>\s*(<w:p\b[^>]*>(?:<w:pPr>(?:(?!<\/w:pPr>)[\s\S])*<\/w:pPr>)?)/g,
        (_m, letter: string, next: string) => `${next}${letter}`,
      )
    : documentXml;
