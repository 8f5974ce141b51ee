import { describe, expect, it } from 'vitest';
import { allDocuments } from '../../../shared/search/documents';
import { generatePartTwo } from '../../fixtures/partTwo';
import { exampleData } from '../../docxPackage';

describe('what search indexes, Part 1 and Part 2 apart', () => {
  it('never puts a word of Part 2 text into a Part 1 document, and keeps every one of them in a Part 2 document', () => {
    const { data, secrets } = generatePartTwo({ open: 2, exempt: 2, paragraph: 3, markdownish: 'Intro', publicTitle: true });
    const docs = allDocuments(data);
    const open = docs.filter((d) => d.part === 1).map((d) => `${d.title}\n${d.text}`).join('\n');
    const exempt = docs.filter((d) => d.part === 2).map((d) => `${d.title}\n${d.text}`).join('\n');
    expect(secrets.length).toBeGreaterThan(20);
    expect(secrets.filter((s) => open.includes(s))).toEqual([]);
    // Words the placeholders stand for are found by a cleared officer; corrections and declarations are not among what search covers.
    expect(secrets.filter((s) => !exempt.includes(s) && !/CORRECTION|DECLARATION/.test(s))).toEqual([]);
    // A Part 2 item is still found by its public title in Part 1.
    expect(docs.filter((d) => d.part === 1 && d.kind === 'paper').map((d) => d.title)).toContain('Public title next 2');
  });

  it('gives each kind of record the user searches a document, with its board, meeting and date', () => {
    const data = exampleData();
    const docs = allDocuments(data);
    const kinds = new Set(docs.map((d) => d.kind));
    for (const k of ['paper', 'minutes', 'resolution', 'action', 'tor', 'protocol', 'comment', 'deepDive', 'plan', 'person', 'organisation']) expect(kinds).toContain(k);
    const resolution = docs.find((d) => d.kind === 'resolution')!;
    expect(resolution).toMatchObject({ part: 1, boardId: expect.stringMatching(/^board:/), meetingId: expect.stringMatching(/^meeting:/), date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });
});
