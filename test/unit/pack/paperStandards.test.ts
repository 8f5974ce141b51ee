import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { recordsWhere } from '../../../shared/data';
import { preflight } from '../../../shared/pack/preflight';
import { checkStandards, defaultStandards, measurePaper, readingLoad, wordCount } from '../../../shared/rules/paperStandards';
import { exampleData } from '../../docxPackage';
import { commandSession, TEST_TODAY } from '../../helpers';

describe('paper standards', () => {
  it('counts the words a reader meets, not the markup', () => {
    expect(wordCount('## The plan\n\n- **Three** actions, costing £1.2m (see [the annex](annex.docx)).\n\n![Chart of referrals](images/a.png)')).toBe(9);
  });

  it('counts the words the word pattern finds, letter by letter, in every script and with every joiner', () => {
    const characters = fc.constantFrom(...'aZ9 .,’\'%£$/-é—ß\n\t'.split(''), 'Ж', '٣', '𝐀', '😀', '\ud83d', '[', ']', '(', ')', '!', '<', '>', '#', '*');
    fc.assert(
      fc.property(fc.array(characters, { maxLength: 60 }).map((cs) => cs.join('')), (markdown) => {
        const text = markdown.replace(/!\[[^\]]*\]\([^)]*\)/g, ' ').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<[^>]+>/g, ' ').replace(/[#*_`>|~-]+/g, ' ');
        expect(wordCount(markdown)).toBe(text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,%£$/-]*/gu)?.length ?? 0);
      }),
      { numRuns: 3000 },
    );
  });

  it('checks a received paper against the board’s limits and asks, in words that say what to change', () => {
    const s = commandSession(exampleData());
    const item = recordsWhere(s.state.data, 'agendaItem', 'meetingId', 'meeting:ct-next').find((i) => i.purpose === 'decision' && i.paper?.status === 'received' && !i.part2)!;
    const long = Array.from({ length: 5600 }, (_, i) => `word${i}`).join(' ');
    s.run('paper:updateBody', { agendaItemId: item.id, body: long });
    s.run('paper:updateCoverSheet', { agendaItemId: item.id, coverSheet: { ...item.paper!.coverSheet, executiveSummary: Array.from({ length: 230 }, () => 'summary').join(' '), recommendations: ['Note the progress made.'] } });
    const now = s.state.data.records[item.id] as typeof item;
    expect(measurePaper(now).pages).toBe(12);
    const council = checkStandards(now, defaultStandards({ rules: 'council-committee' }), 'Item 4 (Plan)');
    expect(council.map((f) => f.code)).toEqual(['paper-too-long', 'summary-too-long', ...(now.paper!.coverSheet.backgroundPapers.trim() ? [] : ['no-background-papers'])]);
    expect(council[0].message).toMatch(/about 12 pages \(5,\d{3} words\); the board's limit for decision papers is 10/);
    s.run('paper:updateCoverSheet', { agendaItemId: item.id, coverSheet: { ...now.paper!.coverSheet, recommendations: ['Circulate the plan to schools.'] } });
    const noAsk = checkStandards(s.state.data.records[item.id] as typeof item, defaultStandards({ rules: 'own-terms-of-reference' }), 'Item 4 (Plan)');
    expect(noAsk.map((f) => f.code)).toContain('not-asked-to');
    // Pre-flight shows each as a warning pointing at the paper, with the pack's reading load.
    const report = preflight(s.state.data, 'meeting:ct-next', 'full', TEST_TODAY, new Set(), () => true);
    expect(report.problems.filter((p) => p.fix.id === item.id && p.code === 'paper-too-long')).toEqual([expect.objectContaining({ severity: 'warning', fix: { area: 'paper', id: item.id } })]);
    expect(report.reading.words).toBeGreaterThan(5600);
    expect(report.reading.minutes).toBe(Math.ceil(report.reading.words / 200));
    expect(readingLoad([{ paper: undefined }])).toEqual({ words: 0, pages: 0, minutes: 0 });
  });

  it('applies the board’s own limits once it sets them, through the operation', () => {
    const s = commandSession(exampleData());
    const item = recordsWhere(s.state.data, 'agendaItem', 'meetingId', 'meeting:ct-next').find((i) => i.purpose === 'decision' && i.paper?.status === 'received' && !i.part2)!;
    s.run('paper:updateBody', { agendaItemId: item.id, body: Array.from({ length: 1800 }, (_, i) => `w${i}`).join(' ') });
    const tooLong = () => preflight(s.state.data, 'meeting:ct-next', 'full', TEST_TODAY, new Set(), () => true).problems.filter((p) => p.fix.id === item.id && p.code === 'paper-too-long');
    expect(tooLong()).toEqual([]);
    s.run('boards:setPaperStandards', { boardId: 'board:childrens-trust', standards: { maxPages: { decision: 2, assurance: 2, information: 2, 'deep-dive': 4 }, summaryMaxWords: 150, askedTo: true, backgroundPapers: false } });
    expect(tooLong().map((p) => p.message)).toEqual([expect.stringMatching(/the board's limit for decision papers is 2/)]);
    expect(() => s.run('boards:setPaperStandards', { boardId: 'board:childrens-trust', standards: { maxPages: { decision: 0, assurance: 2, information: 2, 'deep-dive': 4 }, summaryMaxWords: 150, askedTo: true, backgroundPapers: false } })).toThrow();
    s.run('boards:setPaperStandards', { boardId: 'board:childrens-trust', standards: null });
    expect(tooLong()).toEqual([]);
  });

  it('asks a safeguarding partnership’s papers for the voice of the child, and prints it on the cover sheet', async () => {
    const item = { ...recordsWhere(exampleData(), 'agendaItem', 'meetingId', 'meeting:ct-next').find((i) => i.purpose === 'decision' && i.paper?.status === 'received' && !i.part2)! };
    const scp = defaultStandards({ rules: 'own-terms-of-reference', kind: 'safeguarding-partnership' });
    expect(checkStandards(item, scp, 'Item 4 (Plan)').map((f) => f.code)).toContain('no-voice-of-child');
    expect(checkStandards(item, defaultStandards({ rules: 'own-terms-of-reference', kind: 'childrens-trust' }), 'Item 4 (Plan)').map((f) => f.code)).not.toContain('no-voice-of-child');
    const heard = { ...item, paper: { ...item.paper!, coverSheet: { ...item.paper!.coverSheet, implications: { ...item.paper!.coverSheet.implications, voiceOfChild: 'Twelve young people from the Children in Care Council shaped the plan.' } } } };
    expect(checkStandards(heard, scp, 'Item 4 (Plan)').map((f) => f.code)).not.toContain('no-voice-of-child');
    // Printed on the cover sheet in the pack, under the implications.
    const s = commandSession(exampleData());
    s.run('paper:updateCoverSheet', { agendaItemId: item.id, coverSheet: heard.paper.coverSheet });
    const { assemblePack } = await import('../../../shared/pack/model');
    const { paper } = await import('../../../shared/pack/parts/papers');
    const section = assemblePack(s.state.data, 'meeting:ct-next', 'full', TEST_TODAY).papers.find((p) => p.agendaItemId === item.id)!;
    expect(JSON.stringify(paper(section))).toMatch(/The voice of the child.*Twelve young people from the Children in Care Council shaped the plan\./);
  });
});
