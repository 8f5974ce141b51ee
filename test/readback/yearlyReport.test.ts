import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outlineTitles } from '../../main/services/pdf/structure';
import { readWithPandoc } from '../pandoc';
import { runCli, useExampleFolders } from '../helpers';
import { WAIT } from '../waits';

/**
 * The yearly report as a partnership sends it round: the Word draft read back by pandoc, the PDF
 * laid out by Chromium with a bookmark for each section (quorum export yearly-report).
 */
const { example } = useExampleFolders();

describe('the yearly report drafted as Word and PDF', () => {
  it('writes the safeguarding partnership’s draft: each Working Together section a heading pandoc reads, the partners in a table, and a PDF with a bookmark per section', async () => {
    const dir = await example();
    const word = join(dir, 'report.docx');
    const r = await runCli('export', 'yearly-report', '--data', dir, '--board', 'board:safeguarding', '--from', '2025-12-01', '--to', '2026-11-30', '--out', word);
    expect(r.code, r.err).toBe(0);
    const read = readWithPandoc(word);
    const sections = [
      'The safeguarding arrangements and the relevant agencies',
      'Attendance and representation of the safeguarding partners',
      'Decisions of the year',
      'Rapid reviews and child safeguarding practice reviews',
      'Actions and what changed',
      'Deep dives',
      'Children’s and families’ voices',
      'Priorities for the coming year',
    ];
    for (const s of sections) expect(read.headings).toContain(s);
    expect(read.cells).toEqual(expect.arrayContaining(['Safeguarding partner: police', 'Northshire Police', 'DCI Mark Ellery']));

    const pdf = join(dir, 'report.pdf');
    const p = await runCli('export', 'yearly-report', '--data', dir, '--board', 'board:safeguarding', '--from', '2025-12-01', '--to', '2026-11-30', '--out', pdf, '--json');
    expect(p.code, p.err).toBe(0);
    const outline = (await outlineTitles(readFileSync(pdf))).map((o) => o.title);
    for (const s of sections) expect(outline).toContain(s);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Children Act 2004 s.16G');
    expect(text).toContain('To write:');
  }, WAIT.readBack);

  it('drafts the Health and Wellbeing Board’s annual summary, without the safeguarding sections', async () => {
    const dir = await example();
    const word = join(dir, 'summary.docx');
    expect((await runCli('export', 'yearly-report', '--data', dir, '--board', 'board:hwb', '--from', '2025-12-01', '--to', '2026-11-30', '--out', word)).code).toBe(0);
    const read = readWithPandoc(word);
    expect(read.headings[0]).toBe('Eastmere Health and Wellbeing Board: annual summary, 1 December 2025 to 30 November 2026');
    expect(read.headings).toContain('Membership');
    expect(read.headings).toContain('Statutory duties');
    expect(read.headings).not.toContain('Rapid reviews and child safeguarding practice reviews');
  }, WAIT.readBack);
});
