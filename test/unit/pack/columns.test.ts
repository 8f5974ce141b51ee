import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cellExtent, fitColumns, textWidth } from '../../../shared/pack/docx/columns';
import { LANDSCAPE_TEXT_WIDTH, PORTRAIT_TEXT_WIDTH } from '../../../shared/pack/docx/page';
import { buildWordExport } from '../../../shared/exports/meetingExports';
import { buildPlanExport } from '../../../shared/exports/planExports';
import { exampleData, readPackage } from '../../docxPackage';
import { TEST_TODAY } from '../../helpers';

const ACTION_LOG = ['Ref', 'Action', 'Owner', 'Raised', 'Due', 'Status', 'Latest update'];
const cell = (text: string, bold = false) => ({ text, bold });

/** The widths as the classes say them, a code point at a time (columns.ts's header), worked out plainly. */
const plainWidth = (text: string, bold: boolean) => {
  let sum = 0;
  for (const ch of text) sum += "fijlrtI.,;:!|'’‘()[]/ -".includes(ch) ? 300 : 'mwMW@%'.includes(ch) ? 850 : /[A-Z]/.test(ch) ? 680 : /[0-9]/.test(ch) ? 556 : 540;
  return Math.ceil((sum / 1000) * 220 * (bold ? 1.08 : 1));
};

describe('tables sized to their content', () => {
  it('measures a cell’s longest word and line as splitting it at white space and line breaks would, a code point at a time', () => {
    const characters = fc.constantFrom(...'aZ9 .mW’‘£—é\n\r\t\u00a0\u2003\u3000'.split(''), '😀', '\ud83d');
    fc.assert(
      fc.property(fc.array(characters, { maxLength: 40 }).map((cs) => cs.join('')), fc.boolean(), (text, bold) => {
        expect(cellExtent(text, bold)).toEqual({
          word: Math.max(0, ...text.split(/\s+/).map((w) => plainWidth(w, bold))),
          line: Math.max(0, ...text.split('\n').map((l) => plainWidth(l, bold))),
        });
      }),
      { numRuns: 2000 },
    );
    // Word-wide: "Overdue" in bold, the action log's status heading.
    expect(textWidth('Overdue', true)).toBe(plainWidth('Overdue', true));
  });

  it('gives every column at least its longest word, and spans the whole width', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.stringMatching(/^[A-Za-z0-9 ]{0,60}$/), { minLength: 7, maxLength: 7 }), { maxLength: 12 }),
        fc.constantFrom(PORTRAIT_TEXT_WIDTH, LANDSCAPE_TEXT_WIDTH),
        (rows, total) => {
          const widths = fitColumns(ACTION_LOG, rows.map((r) => r.map((t) => cell(t))), total);
          expect(widths.reduce((a, b) => a + b, 0)).toBe(total);
          const words = (i: number) => [ACTION_LOG[i], ...rows.map((r) => r[i])].flatMap((t) => t.split(/\s+/));
          const longest = widths.map((_, i) => Math.max(...words(i).map((w, k) => textWidth(w, k === 0))));
          // Room for every word whenever the page can hold them all.
          if (longest.reduce((a, b) => a + b + 276, 0) <= total) widths.forEach((w, i) => expect(w, `column ${ACTION_LOG[i]}`).toBeGreaterThanOrEqual(longest[i]));
        },
      ),
    );
  });

  it('keeps “Overdue” whole in the action log and gives the most room to the action and its update', () => {
    const rows = [['A1', 'Review the multi-agency neglect strategy with partners and report back on progress', 'Dr Leah Donnelly', '13 Oct 2026', '1 Dec 2026', 'Overdue', 'Draft circulated to partners; comments due by the end of the month']].map((r) =>
      r.map((t, i) => cell(t, i === 5)),
    );
    const widths = fitColumns(ACTION_LOG, rows, PORTRAIT_TEXT_WIDTH);
    expect(widths[5]).toBeGreaterThan(textWidth('Overdue', true));
    expect(widths[1]).toBe(Math.max(...widths));
    expect(widths[0]).toBeLessThan(widths[2]);
  });
});

describe('landscape exports use the landscape page', () => {
  const gridOf = (bytes: Uint8Array) =>
    [...readPackage(bytes).document.matchAll(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/g)].map((m) => [...m[1].matchAll(/w:w="(\d+)"/g)].reduce((a, g) => a + Number(g[1]), 0));

  it('spans the landscape text width in the action log, deep-dive schedule and forward plan', async () => {
    const data = exampleData(TEST_TODAY);
    const exports = [
      await buildWordExport(data, 'actions', { meetingId: 'meeting:ct-next', variant: 'public', today: TEST_TODAY, builtAt: `${TEST_TODAY}T09:00:00.000Z` }),
      await buildPlanExport(data, { what: 'deep-dives', today: TEST_TODAY, holidays: new Set(), builtAt: `${TEST_TODAY}T09:00:00.000Z` }),
      await buildPlanExport(data, { what: 'forward-plan', today: TEST_TODAY, holidays: new Set(), builtAt: `${TEST_TODAY}T09:00:00.000Z` }),
    ];
    for (const { bytes, title } of exports) {
      const grids = gridOf(bytes);
      expect(grids.length, title).toBeGreaterThan(0);
      for (const g of grids) expect(g, title).toBe(LANDSCAPE_TEXT_WIDTH);
      expect(readPackage(bytes).document, title).toMatch(/w:orient="landscape"/);
    }
  });
});
