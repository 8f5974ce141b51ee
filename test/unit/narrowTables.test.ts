import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../shared/pack/html/markdown';
import { tablesForNarrowScreens } from '../../shared/publish/narrowTables';

/** The website's tables as a phone shows them (shared/publish/narrowTables.ts). */
describe('a website table on a narrow screen', () => {
  const paperTable = markdownToHtml('|  | 2025 | 2026 |\n| --- | --- | --- |\n| Referrals | 212 | 241 |\n| Audits & reviews | 14 | 9 |', { headingBase: 1, picture: () => undefined });

  it('labels each cell with its column’s heading and writes the table’s roles out', () => {
    const html = tablesForNarrowScreens(paperTable);
    expect(html).toMatch(/^<table class="stack" role="table">/);
    expect(html).toContain('<tr role="row"><td role="cell"></td><th scope="col" role="columnheader">2025</th>');
    expect(html).toContain('<th scope="col" role="columnheader">2025</th>');
    expect(html).toContain('<td role="cell" data-label="2025">212</td>');
    expect(html).toContain('<td role="cell" data-label="2026">9</td>');
    // The first column has no heading, so its cells carry no label to show.
    expect(html).toContain('<td role="cell">Audits &amp; reviews</td>');
  });

  it('never leaves a header cell empty', () => {
    expect(paperTable).toMatch(/<th scope="col"><\/th>/);
    expect(tablesForNarrowScreens(paperTable)).not.toMatch(/<th\b[^>]*>\s*<\/th>/);
  });

  it('leaves a table without a header row, and any other markup, as it was', () => {
    const facts = '<p>Before</p><table class="facts"><tbody><tr><th scope="row">Chair</th><td>Amira Haddad</td></tr></tbody></table>';
    expect(tablesForNarrowScreens(facts)).toBe(facts);
  });
});
