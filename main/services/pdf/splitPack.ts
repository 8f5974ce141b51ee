/**
 * The pack's page cut into documents of whole parts, each printed in a renderer of its own and
 * joined after (joinPrints.ts): Blink lays a document out on one thread, so two documents on two
 * cores take about half the time of one (docs/ARCHITECTURE.md, "The PDF pack").
 *
 * Each part starts a page (`section.part { break-before: page }`), so a part lays out the same
 * pages whichever document it is in: only "Page X of Y" differs, and the join writes it. A link
 * to a part printed in another document (the contents' entries) keeps its target in the page as an
 * empty anchor before the first part, so Chromium writes the link; the part's own document gets an
 * empty link to it, so Chromium writes its named destination; the join keeps the part's.
 */
export type PackPrintPiece = {
  html: string;
  /** The ids of elements this piece holds: where a named destination of this piece is the real one. */
  ids: ReadonlySet<string>;
};

const PART = '<section class="part"';

const idsIn = (html: string): Set<string> => new Set([...html.matchAll(/ id="([^"<>]+)"/g)].map((m) => m[1]));
const targetsIn = (html: string): Set<string> => new Set([...html.matchAll(/ href="#([^"<>]+)"/g)].map((m) => m[1]));

/**
 * The page as `count` documents or fewer, of about the same length, none without a part; the first
 * holds at least the cover and the contents. One document (the page itself) when it has too few
 * parts to cut.
 */
export const splitPackHtml = (html: string, count: number): PackPrintPiece[] => {
  const first = html.indexOf(PART);
  const end = html.lastIndexOf('</body>');
  if (count < 2 || first < 0 || end < first) return [{ html, ids: idsIn(html) }];
  const head = html.slice(0, first);
  const tail = html.slice(end);
  const parts = html.slice(first, end).split(/(?=<section class="part")/);
  // The cover and the contents stay with the first part: the contents' numbers are written into the first document.
  const leading = Math.min(parts.length, 3);
  if (parts.length - leading < count - 1) return [{ html, ids: idsIn(html) }];
  const total = end - first;
  const groups: string[][] = [parts.slice(0, leading)];
  let done = groups[0].reduce((n, p) => n + p.length, 0);
  for (let i = leading; i < parts.length; i++) {
    const left = parts.length - i;
    const wanted = count - groups.length;
    // A new document starts where its share ends nearest (this part mostly past it), or when each left must have a part.
    if (wanted > 0 && (done + parts[i].length / 2 >= (total * groups.length) / count || left <= wanted)) groups.push([]);
    groups[groups.length - 1].push(parts[i]);
    done += parts[i].length;
  }
  const bodies = groups.map((g) => g.join(''));
  const owned = bodies.map(idsIn);
  const targets = bodies.map(targetsIn);
  return bodies.map((body, i) => {
    // A link here to a part in another document: Chromium writes the link only to an element it has.
    const elsewhere = [...targets[i]].filter((id) => !owned[i].has(id) && owned.some((ids) => ids.has(id)));
    // A part here that a link in another document points to: Chromium writes a named destination only for an element a link here points to.
    const linkedFromElsewhere = [...owned[i]].filter((id) => !targets[i].has(id) && targets.some((t, k) => k !== i && t.has(id)));
    // Both take no room, on the first part's page (a change of named page would break the page), and are hidden from the tags.
    const page = /^<section class="part" style="page: ([\w-]+)"/.exec(body)?.[1];
    const anchors =
      elsewhere.length || linkedFromElsewhere.length
        ? `<div aria-hidden="true" style="${page ? `page: ${page}; ` : ''}height: 0; overflow: hidden">${elsewhere.map((id) => `<span id="${id}"></span>`).join('')}${linkedFromElsewhere.map((id) => `<a href="#${id}"></a>`).join('')}</div>`
        : '';
    return { html: `${head}${anchors}${body}${tail}`, ids: owned[i] };
  });
};
