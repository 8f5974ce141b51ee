import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';
import { createDocument, type DomDocument, type DomElement } from '@mixmark-io/domino';
import { NUMBER_FORMATS } from '../../../shared/pack/markdown/numbering';
import { formatted, type NumberedParagraph } from './wordParts';

/** What a conversion changed that the officer should check before the pack goes out. */
export type HtmlConversion = { markdown: string; notes: string[] };

export const UNSUPPORTED_IMAGE = 'unsupported:';

const SAFE_LINK = /^(https?:|mailto:)/i;
const elements = (root: DomElement, tag: string) => Array.from(root.querySelectorAll(tag));
const rowsOf = (table: DomElement) =>
  Array.from(table.children).flatMap((c) => (c.nodeName === 'TR' ? [c] : /^(THEAD|TBODY|TFOOT)$/.test(c.nodeName) ? Array.from(c.children).filter((r) => r.nodeName === 'TR') : []));

/**
 * Word marks a header row only when "Repeat as header row" is ticked, so most tables arrive with
 * none and GFM (and a screen reader) would lose them. The first row is taken as the header;
 * pre-flight still checks it has text.
 */
const promoteHeaderRows = (doc: DomDocument): number => {
  let promoted = 0;
  for (const table of elements(doc, 'table')) {
    const first = rowsOf(table)[0];
    if (!first || Array.from(first.children).every((c) => c.nodeName === 'TH')) continue;
    for (const cell of Array.from(first.children)) {
      if (cell.nodeName !== 'TD') continue;
      const th = doc.createElement('th');
      while (cell.firstChild) th.appendChild(cell.firstChild);
      first.replaceChild(th, cell);
    }
    const thead = doc.createElement('thead');
    first.parentNode!.removeChild(first);
    thead.appendChild(first);
    table.insertBefore(thead, table.firstChild);
    promoted++;
  }
  return promoted;
};

const outerTableOf = (el: DomElement): DomElement | null => {
  let outer: DomElement | null = null;
  for (let p = el.parentNode; p; p = p.parentNode) if (p.nodeName === 'TABLE') outer = p;
  return outer;
};

/**
 * A table inside a table's cell cannot be a GFM table (it would arrive as escaped pipes in one
 * cell). Each is lifted out to follow the table it was in, its values intact, and the officer told.
 */
const liftNestedTables = (doc: DomDocument): number => {
  let lifted = 0;
  for (const table of elements(doc, 'table')) {
    const outer = outerTableOf(table);
    if (!outer || outer.parentNode === null) continue;
    let after: DomElement = outer;
    // Any tables already lifted after this one stay in document order.
    while (after.nextElementSibling?.getAttribute('data-lifted') === 'yes') after = after.nextElementSibling;
    table.parentNode!.removeChild(table);
    table.setAttribute('data-lifted', 'yes');
    after.parentNode!.insertBefore(table, after.nextElementSibling);
    lifted++;
  }
  return lifted;
};

/**
 * GFM tables cannot span cells, and a merged cell read as one would shift every value after it
 * into the wrong column (and drop the last columns). So each merged cell (Word's w:gridSpan and
 * w:vMerge, arriving as colspan/rowspan) is split back into the grid it covered: the value stays
 * in the first cell, the others are left empty. Returns the numbers of the tables changed.
 */
const unmergeCells = (doc: DomDocument): number[] => {
  const changed: number[] = [];
  elements(doc, 'table').forEach((table, index) => {
    let merged = false;
    // Per column: how many more rows a cell above still covers.
    const covered: number[] = [];
    for (const row of rowsOf(table)) {
      const cells = Array.from(row.children).filter((c) => c.nodeName === 'TD' || c.nodeName === 'TH');
      const grid: DomElement[] = [];
      const blank = (like?: DomElement) => doc.createElement(like?.nodeName === 'TH' ? 'th' : 'td');
      let next = 0;
      while (next < cells.length || covered.slice(grid.length).some((n) => n > 0)) {
        const col = grid.length;
        if ((covered[col] ?? 0) > 0) {
          covered[col]--;
          grid.push(blank(cells[next]));
          merged = true;
          continue;
        }
        const cell = cells[next++];
        const across = Math.max(1, Number(cell.getAttribute('colspan')) || 1);
        const down = Math.max(1, Number(cell.getAttribute('rowspan')) || 1);
        cell.removeAttribute('colspan');
        cell.removeAttribute('rowspan');
        if (across > 1 || down > 1) merged = true;
        for (let k = 0; k < across; k++) {
          grid.push(k === 0 ? cell : blank(cell));
          covered[col + k] = down - 1;
        }
      }
      for (const c of cells) row.removeChild(c);
      for (const c of grid) row.appendChild(c);
    }
    if (merged) changed.push(index + 1);
  });
  return changed;
};

const normalised = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
/** A list item's own text, without the lists nested in it. */
const ownText = (li: DomElement) =>
  Array.from(li.childNodes)
    .filter((n) => n.nodeName !== 'OL' && n.nodeName !== 'UL')
    .map((n) => n.textContent ?? '')
    .join('');

/**
 * mammoth gives a list that starts below its first level (body paragraphs numbered "1.1" under a
 * numbered heading) as an unnumbered item holding the real list: "<ul><li><ol>…". The empty
 * wrapper is taken away, so the list is not printed as a bullet with a list inside it.
 */
const unwrapEmptyListItems = (doc: DomDocument) => {
  for (const list of Array.from(doc.querySelectorAll('ul, ol')).reverse()) {
    const items = Array.from(list.children);
    const empty = (li: DomElement) => li.nodeName === 'LI' && !normalised(ownText(li)) && Array.from(li.children).every((c) => c.nodeName === 'OL' || c.nodeName === 'UL');
    if (!items.length || !items.every(empty)) continue;
    for (const li of items) while (li.firstChild) list.parentNode!.insertBefore(li.firstChild, list);
    list.parentNode!.removeChild(list);
  }
};

/** How deep a list sits in other lists: the pack numbers depth 0 "1.", depth 1 "a.", depth 2 "i." (shared/pack/markdown/numbering.ts). */
const listDepth = (list: DomElement) => {
  let depth = 0;
  for (let p = list.parentNode; p; p = p.parentNode) if (p.nodeName === 'OL' || p.nodeName === 'UL') depth++;
  return depth;
};
/** "1.1", "(a)", "iv)" and "a." compared by their letters and digits alone: "1)" and "1." are the same number. */
const labelCore = (label: string) => label.replace(/[^\p{L}\p{N}]+/gu, '.').replace(/^\.|\.$/g, '').toLowerCase();

/**
 * A numbered list whose Word numbers the pack would print differently ("1.1, 1.2" where the pack
 * prints "a., b."; "(a), (b)" where it prints "1., 2.") keeps Word's numbers, since papers cite
 * them ("as set out in 1.2"): each item becomes a paragraph that begins with its number, in the
 * place the list was. Markdown cannot say how a list is numbered, only where it starts.
 */
const keepWordLabels = (doc: DomDocument, found: Map<DomElement, NumberedParagraph>): number => {
  let kept = 0;
  for (const ol of elements(doc, 'ol')) {
    if (!ol.parentNode) continue;
    const items = Array.from(ol.children).filter((c) => c.nodeName === 'LI');
    const labels = items.map((li) => found.get(li));
    if (!items.length || labels.some((n) => !n?.ordered || !n.label.trim())) continue;
    const start = Number(ol.getAttribute('start') ?? 1) || 1;
    const format = NUMBER_FORMATS[listDepth(ol) % NUMBER_FORMATS.length];
    if (labels.every((n, i) => labelCore(n!.label) === labelCore(formatted(start + i, format)))) continue;
    items.forEach((li, i) => {
      const p = doc.createElement('p');
      p.appendChild(doc.createTextNode(`${labels[i]!.label.trim()} `));
      // The item's own words (a <p> inside it gives its words); its nested lists follow the paragraph.
      for (const node of Array.from(li.childNodes)) {
        if (node.nodeName === 'OL' || node.nodeName === 'UL') break;
        if (node.nodeName === 'P') while (node.firstChild) p.appendChild(node.firstChild);
        else p.appendChild(node);
      }
      ol.parentNode!.insertBefore(p, ol);
      while (li.firstChild) ol.parentNode!.insertBefore(li.firstChild, ol);
      kept++;
    });
    ol.parentNode!.removeChild(ol);
  }
  return kept;
};

/**
 * Word's own numbers (wordParts.ts) put back: a list that continues after a paragraph, or
 * starts at 3, keeps its numbers; a numbered heading keeps its number ("2.1 Findings"); numbers
 * the pack would print differently are kept as text (keepWordLabels). mammoth's list items and
 * headings are matched to Word's numbered paragraphs in order, by their text.
 */
const applyWordNumbers = (doc: DomDocument, numbered: readonly NumberedParagraph[]): { continued: number; headings: number; labelled: number } => {
  unwrapEmptyListItems(doc);
  const found = new Map<DomElement, NumberedParagraph>();
  let from = 0;
  for (const el of Array.from(doc.querySelectorAll('li, h1, h2, h3, h4, h5, h6'))) {
    if (/^(foot|end)note-/.test(el.getAttribute('id') ?? '')) continue;
    const text = normalised(el.nodeName === 'LI' ? ownText(el) : el.textContent);
    for (let j = from; j < Math.min(numbered.length, from + 500); j++)
      if (normalised(numbered[j].text) === text) {
        found.set(el, numbered[j]);
        from = j + 1;
        break;
      }
  }
  let continued = 0;
  for (const ol of elements(doc, 'ol')) {
    const first = Array.from(ol.children).find((c) => c.nodeName === 'LI');
    const n = first ? found.get(first) : undefined;
    if (n?.ordered && n.number !== 1) {
      ol.setAttribute('start', String(n.number));
      continued++;
    }
  }
  let headings = 0;
  for (const [el, n] of found)
    if (/^H\d$/.test(el.nodeName) && n.ordered && n.label.trim()) {
      el.insertBefore(doc.createTextNode(`${n.label.trim()} `), el.firstChild);
      headings++;
    }
  return { continued, headings, labelled: numbered.length ? keepWordLabels(doc, found) : 0 };
};

/**
 * Footnotes and endnotes: mammoth gives the reference as "[1]" and the notes as a list at the end,
 * each with a "↑" link back. The back-links go (a printed pack cannot follow them) and the notes
 * list gets a "Notes" heading at the paper's top heading level. mammoth numbers the references
 * [1], [2]… in the order they appear, footnotes and endnotes in one series, and lists the notes in
 * that same order, so the list starts at 1 whatever w:id the source gave each note (Word's start at
 * 1, LibreOffice's at 2 after its two separators, pandoc's at 20).
 */
const tidyNotes = (doc: DomDocument): number => {
  for (const back of Array.from(doc.querySelectorAll('a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]'))) back.parentNode?.removeChild(back);
  const lists = elements(doc, 'ol').filter((ol) => Array.from(ol.children).some((li) => /^(foot|end)note-\d+$/.test(li.getAttribute('id') ?? '')));
  let count = 0;
  const top = [1, 2, 3, 4, 5, 6].find((n) => doc.querySelectorAll(`h${n}`).length > 0) ?? 2;
  for (const ol of lists) {
    ol.removeAttribute('start');
    count += ol.children.length;
    const heading = doc.createElement(`h${top}`);
    heading.appendChild(doc.createTextNode('Notes'));
    ol.parentNode?.insertBefore(heading, ol);
  }
  return count;
};

/** A paper's own contents list (paragraphs that are only a link to a `_Toc` bookmark); the pack has its own. */
const dropWordContents = (doc: DomDocument): number => {
  let dropped = 0;
  for (const p of elements(doc, 'p')) {
    const links = elements(p, 'a');
    if (links.length === 1 && /^#_Toc/i.test(links[0].getAttribute('href') ?? '') && links[0].textContent?.trim() === p.textContent?.trim()) {
      p.parentNode?.removeChild(p);
      dropped++;
    }
  }
  return dropped;
};

const converter = (): TurndownService => {
  const td = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', codeBlockStyle: 'fenced', emDelimiter: '*' });
  // Turndown escapes Markdown's own marks; these too must stay the text the author typed
  // (CommonMark: a backslash before any ASCII punctuation makes it literal): "<name>" is not an
  // HTML tag, "&amp;" not an entity, and "1) First" at a paragraph's start not a list Word never numbered.
  const markdownEscape = td.escape.bind(td);
  td.escape = (text: string) =>
    markdownEscape(text)
      .replace(/</g, '\\<')
      .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
      .replace(/^(\s*\d+)\)(?=\s|$)/gm, '$1\\)');
  td.use(gfm);
  // Added after gfm so they take precedence (turndown tries the newest rule first).
  td.addRule('table', {
    // A blank line before and after every table, so two tables in a row stay two, and the
    // paragraph after a table is not read as one more row of it (GFM).
    filter: 'table',
    replacement: (content) => `\n\n${content.trim()}\n\n`,
  });
  td.addRule('vertical', {
    // Superscript and subscript (m², 10⁶, CO₂) as the bare tags the pack's writers read (shared/pack/markdown/text.ts verticalTag).
    filter: ['sup', 'sub'] as TurndownService.Filter,
    // A note's reference stays "[1]" in the text, as the notes under "Notes" are numbered (tidyNotes).
    replacement: (content, node) =>
      content.trim() && !(node as unknown as DomElement).querySelectorAll('a[href^="#footnote-"], a[href^="#endnote-"]').length ? `<${node.nodeName.toLowerCase()}>${content}</${node.nodeName.toLowerCase()}>` : content,
  });
  td.addRule('strikethrough', {
    // GFM's two tildes, as people type them and Quorum's editor writes them.
    filter: ['del', 's', 'strike'] as TurndownService.Filter,
    replacement: (content) => (content.trim() ? `~~${content}~~` : content),
  });
  td.addRule('cellParagraphs', {
    // STACK-NOTES: mammoth wraps cell text in <p>, which would break the GFM row onto new lines.
    filter: (n) => n.nodeName === 'P' && /^(TD|TH)$/.test(n.parentNode?.nodeName ?? ''),
    replacement: (content, n) => ((n as unknown as DomElement).previousElementSibling ? '<br>' : '') + content.trim(),
  });
  td.addRule('cell', {
    filter: ['th', 'td'],
    replacement: (content, n) => {
      const first = (n as unknown as DomElement).previousElementSibling === null;
      const text = content.trim().replace(/\n+/g, '<br>').replace(/\|/g, '\\|');
      return `${first ? '| ' : ' '}${text} |`;
    },
  });
  td.addRule('compactListItem', {
    // "- item" and "1. item" as people type them (turndown pads markers to four columns).
    filter: 'li',
    replacement: (content, n) => {
      const el = n as unknown as DomElement & { nextSibling: unknown };
      const list = el.parentNode;
      const start = Number(list?.getAttribute('start') ?? 1) || 1;
      const prefix = list?.nodeName === 'OL' ? `${start + Array.prototype.indexOf.call(list.children, el)}. ` : '- ';
      const body = content.replace(/^\n+/, '').replace(/\n+$/, /\n$/.test(content) ? '\n' : '');
      return prefix + body.replace(/\n(?=[^\n])/g, `\n${' '.repeat(prefix.length)}`) + (el.nextSibling ? '\n' : '');
    },
  });
  td.addRule('image', {
    filter: 'img',
    replacement: (_c, n) => {
      const el = n as unknown as DomElement;
      const src = el.getAttribute('src') ?? '';
      const alt = (el.getAttribute('alt') ?? '').replace(/\s+/g, ' ').replace(/[[\]\\]/g, '\\$&').trim();
      if (src.startsWith('images/')) return `![${alt}](${src})`;
      const kind = src.startsWith(UNSUPPORTED_IMAGE) ? src.slice(UNSUPPORTED_IMAGE.length) : 'linked';
      return `*[Picture not imported (${kind})${alt ? `: ${alt}` : ''}]*`;
    },
  });
  td.addRule('safeLinks', {
    // Links the pack cannot carry (bookmarks, file:, javascript:) keep their text only.
    filter: (n) => n.nodeName === 'A' && !SAFE_LINK.test((n as unknown as DomElement).getAttribute('href') ?? ''),
    replacement: (content) => content,
  });
  return td;
};

/** HTML from mammoth (or any source) to the Markdown Quorum stores, with what changed on the way. */
export const htmlToMarkdown = (html: string, numbered: readonly NumberedParagraph[] = []): HtmlConversion => {
  const doc = createDocument(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`, true);
  const notes: string[] = [];
  const { labelled } = applyWordNumbers(doc, numbered);
  if (labelled)
    notes.push(`${labelled} numbered paragraph${labelled === 1 ? ' keeps its' : 's keep their'} Word number${labelled === 1 ? '' : 's'} (such as 1.1 or (a)) written at the start, as a pack list would number ${labelled === 1 ? 'it' : 'them'} differently and papers cite these numbers.`);
  const footnotes = tidyNotes(doc);
  if (footnotes) notes.push(`${footnotes} footnote${footnotes === 1 ? ' is' : 's are'} printed as numbered notes at the end of the paper, under “Notes”; the text keeps ${footnotes === 1 ? 'its reference' : 'their references'} ([1]).`);
  const contents = dropWordContents(doc);
  if (contents) notes.push(`The paper’s own table of contents (${contents} line${contents === 1 ? '' : 's'}) was left out; the pack has its own.`);
  const lifted = liftNestedTables(doc);
  if (lifted) notes.push(`${lifted} table${lifted === 1 ? ' was' : 's were'} inside another table’s cell, which a pack table cannot hold; ${lifted === 1 ? 'it now follows' : 'they now follow'} the table ${lifted === 1 ? 'it was' : 'they were'} in. Check the paper still reads correctly.`);
  const unmerged = unmergeCells(doc);
  if (unmerged.length)
    notes.push(
      `${unmerged.length === 1 ? `Table ${unmerged[0]} has` : `Tables ${unmerged.slice(0, -1).join(', ')} and ${unmerged.at(-1)} have`} merged cells, which a pack table cannot hold. They are now separate cells, each value in the first of the cells it covered, so every figure stays under its own heading. Check ${unmerged.length === 1 ? 'it reads' : 'they read'} correctly.`,
    );
  const promoted = promoteHeaderRows(doc);
  if (promoted) notes.push(`${promoted} table${promoted === 1 ? '' : 's'} had no header row marked in Word; the first row is used as the header. Check ${promoted === 1 ? 'it reads' : 'they read'} correctly.`);
  const markdown = converter()
    .turndown(doc.body as unknown as TurndownService.Node)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const missing = (markdown.match(/\*\[Picture not imported/g) ?? []).length;
  if (missing) notes.push(`${missing} picture${missing === 1 ? ' was' : 's were'} in a format a Word pack cannot hold (only PNG, JPEG, GIF and BMP); ${missing === 1 ? 'it is' : 'they are'} marked “Picture not imported”. Save ${missing === 1 ? 'it' : 'them'} as PNG in Word and import again.`);
  return { markdown, notes };
};
