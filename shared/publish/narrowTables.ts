import { decodeEntities } from '../pack/markdown/text';

/**
 * The website's tables on a phone (390 px): a table of six columns cannot fit, and a page that
 * scrolls sideways loses its reader. Under 40rem each row becomes a block and each cell is shown
 * with its column's heading beside it ("Owner: Amira Haddad"), from the `data-label` written here
 * (style.css, `table.stack`). Because CSS `display` changes take a table's meaning away from some
 * screen readers, the roles are written out (WAI-ARIA 1.2 table, row, columnheader, cell). A
 * header cell with no text is written as an ordinary cell: an empty header names nothing.
 */
const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const textOf = (html: string) => decodeEntities(html.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();

const withoutEmptyHeaders = (html: string) => html.replace(/<th\b([^>]*)>(\s*)<\/th>/g, (_m, attrs: string, space: string) => `<td${attrs.replace(/\s+scope="[^"]*"/, '')}>${space}</td>`);

export const tablesForNarrowScreens = (html: string): string =>
  html.replace(/<table(\s[^>]*)?>([\s\S]*?)<\/table>/g, (whole, attrs: string | undefined, inner: string) => {
    const cleaned = withoutEmptyHeaders(inner);
    const head = /<thead>([\s\S]*?)<\/thead>/.exec(cleaned);
    if (!head) return `<table${attrs ?? ''}>${cleaned}</table>`;
    const headers = [...head[1].matchAll(/<t([hd])\b[^>]*>([\s\S]*?)<\/t\1>/g)].map((m) => textOf(m[2]));
    const rows = (part: string, label: boolean) =>
      part.replace(/<tr>([\s\S]*?)<\/tr>/g, (_r, cells: string) => {
        let column = 0;
        const marked = cells.replace(/<t([hd])\b([^>]*)>/g, (_c, kind: string, cellAttrs: string) => {
          const heading = headers[column++] ?? '';
          const role = kind === 'h' ? (label ? 'rowheader' : 'columnheader') : 'cell';
          return `<t${kind}${cellAttrs} role="${role}"${label && heading ? ` data-label="${attr(heading)}"` : ''}>`;
        });
        return `<tr role="row">${marked}</tr>`;
      });
    const body = cleaned
      .replace(/<thead>([\s\S]*?)<\/thead>/, (_m, h: string) => `<thead role="rowgroup">${rows(h, false)}</thead>`)
      .replace(/<tbody>([\s\S]*?)<\/tbody>/g, (_m, b: string) => `<tbody role="rowgroup">${rows(b, true)}</tbody>`);
    const classes = /class="([^"]*)"/.exec(attrs ?? '')?.[1];
    const rest = (attrs ?? '').replace(/\s*class="[^"]*"/, '');
    return whole.startsWith('<table') ? `<table class="${classes ? `${classes} ` : ''}stack" role="table"${rest}>${body}</table>` : whole;
  });
