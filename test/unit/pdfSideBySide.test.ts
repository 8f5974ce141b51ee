import { describe, expect, it } from 'vitest';
import { splitPackHtml } from '../../main/services/pdf/splitPack';
import { renumbered } from '../../main/services/pdf/joinPrints';

const page = (parts: number) =>
  `<!DOCTYPE html><html><head><style>p{}</style></head><body>\n` +
  `<section class="part" style="page: cover" aria-label="Cover"><p>Cover</p></section>` +
  `<section class="part" style="page: contents" aria-label="Contents"><ol>${Array.from({ length: parts }, (_, i) => `<li><a href="#p${i}">Part ${i}</a></li>`).join('')}</ol></section>` +
  Array.from({ length: parts }, (_, i) => `<section class="part" style="page: part-${i}" aria-label="Part ${i}"><h1 id="p${i}">Part ${i}</h1><p>${'words '.repeat(50 + i * 40)}</p></section>`).join('') +
  `\n</body>\n</html>`;
const sections = (html: string) => [...html.matchAll(/<section class="part" style="page: ([\w-]+)"/g)].map((m) => m[1]);

describe('cutting the pack’s page into documents to lay out side by side', () => {
  it('cuts between whole parts, in order, each document with the page’s head, the cover and contents in the first', () => {
    const html = page(8);
    const pieces = splitPackHtml(html, 3);
    expect(pieces).toHaveLength(3);
    expect(pieces.flatMap((p) => sections(p.html))).toEqual(sections(html));
    expect(sections(pieces[0].html).slice(0, 2)).toEqual(['cover', 'contents']);
    for (const p of pieces) {
      expect(p.html.startsWith('<!DOCTYPE html><html><head><style>p{}</style></head><body>')).toBe(true);
      expect(p.html.endsWith('</body>\n</html>')).toBe(true);
    }
    // About the same length each: none more than twice another.
    const lengths = pieces.map((p) => p.html.length);
    expect(Math.max(...lengths) / Math.min(...lengths)).toBeLessThan(2);
  });

  it('keeps each link’s target: an empty anchor where the part is elsewhere, an empty link where a part is linked from elsewhere, hidden from the tags and on the first part’s page', () => {
    const [first, second] = splitPackHtml(page(6), 2);
    const inSecond = [...second.ids].filter((id) => /^p\d$/.test(id));
    expect(inSecond.length).toBeGreaterThan(0);
    const hidden = (html: string) => /<div aria-hidden="true" style="page: ([\w-]+); height: 0; overflow: hidden">(.*?)<\/div>/.exec(html);
    expect(hidden(first.html)?.[1]).toBe('cover');
    for (const id of inSecond) {
      expect(hidden(first.html)?.[2]).toContain(`<span id="${id}"></span>`);
      expect(hidden(second.html)?.[2]).toContain(`<a href="#${id}"></a>`);
      expect(first.ids.has(id)).toBe(false);
    }
    expect(hidden(second.html)?.[1]).toBe(sections(second.html)[0]);
  });

  it('leaves a page whole when one document is asked for, or it has too few parts to cut', () => {
    const html = page(2);
    expect(splitPackHtml(html, 1)).toEqual([{ html, ids: expect.any(Set) }]);
    expect(splitPackHtml(html, 4).map((p) => p.html)).toEqual([html]);
    expect(splitPackHtml('<p>No parts</p>', 2).map((p) => p.html)).toEqual(['<p>No parts</p>']);
  });
});

describe('renumbering a printed document’s objects to join it after another', () => {
  it('moves every reference and every key into the structure parent tree, and nothing inside a string', () => {
    const text = '<</Type /StructElem /P 12 0 R /K [3 0 R 4 0 R] /Alt (see 12 0 R \\) and \\(5 0 R\\)) /T <3132203020522> /StructParents 7 /Rect [0 1.5 0 R]>>';
    expect(renumbered(text, (n) => n + 100, 40)).toBe('<</Type /StructElem /P 112 0 R /K [103 0 R 104 0 R] /Alt (see 12 0 R \\) and \\(5 0 R\\)) /T <3132203020522> /StructParents 47 /Rect [0 1.5 0 R]>>');
  });
});
