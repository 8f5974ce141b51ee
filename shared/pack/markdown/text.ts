import { decodeHTML } from 'entities';

/**
 * Characters XML 1.0 forbids (C0 controls other than tab, newline and return; U+FFFE/FFFF; lone
 * surrogates). Word refuses a document that holds one, so every string bound for the package
 * passes through here (XML 1.0 §2.2, Char production).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const xmlSafe = (s: string): string => s.replace(XML_INVALID, '');

/** marked leaves entities as typed (`&amp;`): decode them, as a Markdown renderer would. */
export const decodeEntities = (s: string): string => xmlSafe(decodeHTML(s));

/** A `<br>` typed inside a table cell (turndown writes these) is a line break, not raw HTML. */
export const isLineBreakTag = (html: string): boolean => /^<br\s*\/?>$/i.test(html.trim());
