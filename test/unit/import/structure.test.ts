import { describe, expect, it } from 'vitest';
import { docxToMarkdown } from '../../../main/services/papers/docx';
import { markdownToHtml } from '../../../shared/pack/html/markdown';
import { councilNumberedPaper, dropCapPaper, footnotesAndEndnotes, footnotesWithOddIds, linkedPicturePaper, reviewedPaper, skippedColumnsPaper } from '../../fixtures/papers';
import { tempDir } from '../../helpers';

/**
 * A Word paper's structure as its readers see it in Word (issue: nothing a paper says is lost):
 * the numbers papers cite, notes numbered as their references, and a table's values in their
 * columns. Checked on the HTML the PDF and website are printed from, as a member reads it.
 */
const imported = async (bytes: Buffer) => {
  const t = tempDir();
  try {
    return await docxToMarkdown(bytes, t.dir, 'paper', 'paper.docx');
  } finally {
    t.cleanup();
  }
};
const printed = (markdown: string) => markdownToHtml(markdown, { headingBase: 1, picture: () => undefined });
/** The paragraphs and list items as a reader sees them, numbers of ordered lists written in. */
const lines = (html: string) => {
  const out: string[] = [];
  const counters: number[] = [];
  for (const m of html.matchAll(/<ol(?: start="(\d+)")?>|<\/ol>|<(p|li|h\d)>([\s\S]*?)<\/\2>|<li>/g)) {
    if (m[0].startsWith('<ol')) counters.push(Number(m[1] ?? 1));
    else if (m[0] === '</ol>') counters.pop();
    else if (m[2] === 'li' || m[0] === '<li>') out.push(`${counters.length ? `${counters[counters.length - 1]++}. ` : '• '}${(m[3] ?? '').replace(/<[^>]+>/g, '').split('\n')[0].trim()}`);
    else out.push((m[3] ?? '').replace(/<[^>]+>/g, '').trim());
  }
  return out.filter(Boolean);
};

describe('the numbers a paper cites are kept', () => {
  it('keeps "1.1", "1.2.1" and "(a)" where the pack would print "a." or "1.", and a plain list stays a list', async () => {
    const { markdown, notes } = await imported(await councilNumberedPaper());
    const html = printed(markdown);
    expect(html).toMatch(/<h\d>1\. Purpose<\/h\d>/);
    expect(html).toMatch(/<h\d>2\. Background<\/h\d>/);
    const text = lines(html);
    expect(text).toEqual(
      expect.arrayContaining([
        '1.1 This report updates the board on the neglect audit.',
        '1.2 The audit read 40 cases.',
        '1.2.1 As set out in 1.1, chronologies were missing.',
        '(a) note the findings;',
        '(b) agree the action plan.',
        '2.1 The strategy began in 2024.',
        '2.2 It is reviewed each year.',
      ]),
    );
    // Never as a bullet holding a list, or renumbered from 1.
    expect(html).not.toMatch(/<ul>\s*<li>\s*<ol/);
    expect(text.join('\n')).not.toMatch(/^1\. This report|^a\. note/m);
    // Word's own "1) a)" list is what the pack prints anyway ("1." and "a."): it stays a list a screen reader announces.
    expect(html).toMatch(/<ol>\s*<li>Training for social workers\s*<ol>\s*<li>Two sessions in spring<\/li>\s*<\/ol>\s*<\/li>\s*<li>A new chronology template<\/li>\s*<\/ol>/);
    expect(notes.join(' ')).toMatch(/7 numbered paragraphs keep their Word numbers \(such as 1\.1 or \(a\)\)/);
  });
});

describe('notes are numbered as their references are', () => {
  it('starts the notes at 1 and keeps them in the order of [1], [2], [3], whatever ids the file gave them', async () => {
    const { markdown } = await imported(await footnotesWithOddIds());
    const text = lines(printed(markdown));
    expect(text).toEqual(['The audit found gaps.[1] Two partners replied late.[2]', 'See the third note.[3]', 'Notes', '1. Audit of March 2026.', '2. Police and health.', '3. Third note.']);
  });

  it('numbers footnotes and endnotes in one series, in the order their references come', async () => {
    const { markdown } = await imported(await footnotesAndEndnotes());
    expect(lines(printed(markdown))).toEqual([
      'The audit found gaps.[1] The duty is statutory.[2]',
      'Two partners replied late.[3]',
      'Notes',
      '1. Audit of March 2026.',
      '2. Working Together 2023, chapter 2.',
      '3. Police and health.',
    ]);
  });

  it('still numbers notes from 1 when the ids are already 1 and 2', async () => {
    const { markdown } = await imported(await reviewedPaper());
    expect(lines(printed(markdown))).toEqual(expect.arrayContaining(['1. Ofsted inspection report, 2025.', '2. Audit of 40 cases, autumn term.']));
  });
});

describe('a table keeps every value in its column', () => {
  it('fills skipped columns with empty cells, splits a cell merged both ways, keeps text from the lower part of a merge, and says so', async () => {
    const { markdown, notes } = await imported(await skippedColumnsPaper());
    const rows = [...printed(markdown).matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1].trim()));
    expect(rows).toEqual([
      ['Partner', 'Referrals', 'Audits'],
      ['', '212', '14'],
      ['Police', '98', ''],
      ['Health and education', '', '6'],
      ['(joint figure)', '', '9'],
    ]);
    expect(notes).toContain('Table 1 has rows that begin or end with columns left blank in Word; they are now empty cells, so each value stays in its own column.');
    expect(notes.join(' ')).toMatch(/Table 1 has a merged cell with text in its lower part, and that text is kept, in a cell of its own/);
    expect(markdown).toContain('Figures for 2025–26.');
  });
});

describe('a drop cap and a linked picture', () => {
  it('reads a drop cap as the first letter of its word', async () => {
    const { markdown } = await imported(await dropCapPaper());
    expect(lines(printed(markdown))).toEqual(['The board met on 12 January and agreed the plan.', 'A second paragraph.']);
  });

  it('says a paper whose only content is a linked picture has nothing to import, and how to keep the picture in it', async () => {
    await expect(imported(await linkedPicturePaper())).rejects.toThrow(
      'paper.docx holds only a picture linked from a file on the author’s computer (referrals-chart.png), not the picture itself, so there is nothing to import. In Word, choose File > Info > Edit Links to Files and tick “Save picture in document”',
    );
  });

  it('imports the text beside a linked picture and says the picture is not in the paper', async () => {
    const { markdown, notes } = await imported(await linkedPicturePaper(true));
    expect(markdown).toBe('Referrals rose this quarter.');
    expect(notes).toEqual([expect.stringMatching(/^A picture is linked from a file on the author’s computer \(referrals-chart\.png\) rather than kept in the paper, so it is not in the pack\./)]);
  });
});
