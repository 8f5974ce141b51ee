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

/**
 * The names of HTML, SVG and MathML elements an author's text might hold as markup. Anything else
 * written in angle brackets ("Reply to <name> by <<deadline>>", "x<y>z") is the author's text, and
 * is printed as typed; markup is never printed, and never passed on as markup.
 */
const ELEMENTS = new Set(
  (
    'a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main map mark marquee menu meta meter nav noembed noframes noscript object ol optgroup option output p param picture plaintext pre progress q rp rt ruby s samp script search section select slot small source span strike strong style sub summary sup table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr xmp ' +
    'svg circle ellipse g line path polygon polyline rect text tspan use image foreignobject animate set defs symbol marker pattern mask clippath lineargradient radialgradient stop filter ' +
    'math mi mn mo ms mtext mrow mfrac msqrt mroot mglyph malignmark annotation semantics'
  ).split(' '),
);

/** Whether an inline HTML token is markup (a known element's tag, a comment, a declaration) rather than the author's text. */
export const isHtmlMarkup = (raw: string): boolean => {
  const t = raw.trim();
  if (/^<(!|\?)/.test(t)) return true;
  const name = /^<\/?([a-z][a-z0-9-]*)/i.exec(t)?.[1]?.toLowerCase();
  return name === undefined || ELEMENTS.has(name) || name.includes('-');
};

/**
 * A superscript or subscript tag as Word's import writes them (`<sup>`, `</sup>`, `<sub>`,
 * `</sub>`, nothing else): which it opens, or null for a closing tag; undefined for any other HTML.
 */
export const verticalTag = (raw: string): 'superscript' | 'subscript' | null | undefined => {
  const m = /^<(\/?)(sup|sub)>$/i.exec(raw.trim());
  if (!m) return undefined;
  if (m[1]) return null;
  return m[2].toLowerCase() === 'sup' ? 'superscript' : 'subscript';
};
/** The run marks for an opened superscript or subscript (w:vertAlign), or none once it closes. */
export const verticalMark = (v: 'superscript' | 'subscript' | null): { vertAlign?: 'superscript' | 'subscript' } => (v ? { vertAlign: v } : {});
