import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';
import { createDocument, type DomDocument, type DomElement } from '@mixmark-io/domino';

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
        // domino's typings leave removeAttribute out; the DOM method is there.
        (cell as DomElement & { removeAttribute(name: string): void }).removeAttribute('colspan');
        (cell as DomElement & { removeAttribute(name: string): void }).removeAttribute('rowspan');
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
  td.use(gfm);
  // Added after gfm so they take precedence (turndown tries the newest rule first).
  td.addRule('table', {
    // A blank line before and after every table, so two tables in a row stay two, and the
    // paragraph after a table is not read as one more row of it (GFM).
    filter: 'table',
    replacement: (content) => `\n\n${content.trim()}\n\n`,
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
      return prefix + body.replace(/\n/g, `\n${' '.repeat(prefix.length)}`) + (el.nextSibling ? '\n' : '');
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
export const htmlToMarkdown = (html: string): HtmlConversion => {
  const doc = createDocument(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`, true);
  const notes: string[] = [];
  const contents = dropWordContents(doc);
  if (contents) notes.push(`The paper’s own table of contents (${contents} line${contents === 1 ? '' : 's'}) was left out; the pack has its own.`);
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
