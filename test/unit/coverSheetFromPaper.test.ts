import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverSheetFromPaper, fillCoverSheet } from '../../shared/imports/coverSheetFromPaper';
import { emptyCoverSheet } from '../../shared/features/packs';
import { commandSession, runCli, savedStore, storeBytesOnDisk, useExampleFolders } from '../helpers';
import { exampleData } from '../docxPackage';
import { findRecord } from '../../shared/data';
import { PANDOC } from '../pandoc';

/** A paper on a council's report template: its cover sheet's parts as its own lines and sections. */
const TEMPLATE_PAPER = [
  '**Report of:** Director of Public Health',
  '**Contact officer:** Dr Ilse Marr, ilse.marr@northbrook.example',
  '# 1. Purpose of the report',
  'To agree the scope and timetable of the 2027 Joint Strategic Needs Assessment.',
  '# 2. Recommendations',
  'The Board is asked to:',
  '1. Approve the scope of the 2027 JSNA.\n2. Note the timetable.',
  '# 3. Background',
  'The JSNA is a statutory duty under section 116 of the Local Government and Public Involvement in Health Act 2007.',
  '# 4. Financial implications',
  'None beyond the existing public health grant.',
  '## 4.1 Staffing',
  'Met from the intelligence team.',
  '# 5. Legal implications',
  'The JSNA discharges the duty in section 116 of the 2007 Act.',
  '# 6. Background papers',
  'None.',
].join('\n\n');

describe('a paper on the report template fills its cover sheet', () => {
  it('reads the recommendations, summary, implications, background papers and the report’s lines, leaving the body as it was', () => {
    const found = coverSheetFromPaper(TEMPLATE_PAPER);
    expect(found).toEqual({
      reportOf: 'Director of Public Health',
      authorContact: 'Dr Ilse Marr, ilse.marr@northbrook.example',
      executiveSummary: 'To agree the scope and timetable of the 2027 Joint Strategic Needs Assessment.',
      recommendations: ['Approve the scope of the 2027 JSNA.', 'Note the timetable.'],
      implications: { finance: 'None beyond the existing public health grant. 4.1 Staffing: Met from the intelligence team.', legal: 'The JSNA discharges the duty in section 116 of the 2007 Act.' },
      backgroundPapers: 'None.',
    });
    // "Background" is the paper's context, not its background papers; a paper without the template's sections offers nothing.
    expect(coverSheetFromPaper('# Background\n\nReferrals rose.\n\nContact: the front door on 0300 123 4567.\n\n# Next steps\n\n- Audit again')).toEqual({});
    // Recommendations typed as paragraphs, the opening line left out.
    expect(coverSheetFromPaper('**Recommendations**\n\nThe Board is recommended to:\n\nEndorse the plan.\n\nAsk for a report in June.').recommendations).toEqual(['Endorse the plan.', 'Ask for a report in June.']);
  });

  it('fills only what the officer left empty, and says what it filled', () => {
    const typed = { ...emptyCoverSheet(), recommendations: ['Agree the JSNA chapters'], implications: { finance: '', legal: 'Checked by Legal Services', equalities: '', risk: '' } };
    const { cover, filled } = fillCoverSheet(typed, coverSheetFromPaper(TEMPLATE_PAPER));
    expect(cover.recommendations).toEqual(['Agree the JSNA chapters']);
    expect(cover.implications.legal).toBe('Checked by Legal Services');
    expect(cover.implications.finance).toMatch(/^None beyond/);
    expect(filled).toEqual(['report of', 'contact', 'executive summary', 'finance implications', 'background papers']);
  });
});

describe('paper:receiveImported', () => {
  it('fills the cover sheet’s empty fields from the paper and says so in the journal, keeping what the officer typed', () => {
    const s = commandSession(exampleData());
    const item = findRecord(s.state.data, 'agendaItem', 'agendaItem:next-5')!;
    s.run('paper:updateCoverSheet', { agendaItemId: item.id, coverSheet: { ...item.paper!.coverSheet, executiveSummary: 'Typed by the officer.' }, expectedRev: item.rev });
    const journal = s.run('paper:receiveImported', { agendaItemId: item.id, body: TEMPLATE_PAPER, sourceFile: 'JSNA.docx', expectedRev: item.rev + 1 });
    expect(journal.summary).toMatch(/from JSNA\.docx; the cover sheet’s contact, 2 recommendations, finance, legal implications and background papers taken from the paper, for you to check/);
    const cover = findRecord(s.state.data, 'agendaItem', item.id)!.paper!.coverSheet;
    expect(cover.executiveSummary).toBe('Typed by the officer.');
    // The example's cover sheet already says whose report it is: that stands too.
    expect(cover.reportOf).toBe(item.paper!.coverSheet.reportOf);
    expect(cover.reportOf).not.toBe('Director of Public Health');
    expect(cover.recommendations).toEqual(['Approve the scope of the 2027 JSNA.', 'Note the timetable.']);
  });
});

describe('quorum import paper on a partnership set up from empty', () => {
  const folders = useExampleFolders();

  it('takes a Word paper’s own recommendations and summary onto its cover sheet, so the pre-flight no longer says they are missing', async () => {
    if (!existsSync(PANDOC)) throw new Error('pandoc is needed for this test: apt-get install -y --no-install-recommends pandoc (or set QUORUM_PANDOC)');
    const dir = folders.temp();
    const call = async (channel: string, input: unknown) => {
      const r = await runCli('call', channel, '--data', dir, '--input', JSON.stringify(input));
      if (r.code !== 0) throw new Error(`${channel}: ${r.err}`);
      return JSON.parse(r.out);
    };
    expect((await runCli('init', '--data', dir, '--partnership', 'Northbrook Children and Families Partnership')).code).toBe(0);
    await call('boards:add', { name: 'Northbrook Health and Wellbeing Board', shortName: 'Health and Wellbeing Board', kind: 'health-and-wellbeing', rules: 'council-committee' });
    const dates = join(folders.temp(), 'dates.txt');
    writeFileSync(dates, 'Tuesday 19 January 2027 at 2pm\n');
    expect((await runCli('import', 'meetings', '--data', dir, dates, '--board', 'HWB', '--year', '2027')).code).toBe(0);
    const [meeting] = await call('meetings:list', {});
    await call('agenda:add', { meetingId: meeting.id, title: 'Joint Strategic Needs Assessment 2027', purpose: 'decision', durationMinutes: 30, presenterIds: [], paperRequested: true });
    const item = Object.values((savedStore(dir) as { records: Record<string, { type: string; id: string; title?: string }> }).records).find((r) => r.type === 'agendaItem' && r.title === 'Joint Strategic Needs Assessment 2027')!;
    const md = join(folders.temp(), 'paper.md');
    const docx = join(folders.temp(), 'JSNA 2027.docx');
    writeFileSync(md, TEMPLATE_PAPER);
    execFileSync(PANDOC, [md, '-o', docx]);

    const preflight = async () => (await runCli('pack', '--data', dir, '--meeting', 'next', '--board', 'HWB', '--variant', 'public', '--out', join(folders.temp(), 'pack.docx'), '--json')).out;
    const before = storeBytesOnDisk(dir);
    const dry = await runCli('import', 'paper', '--data', dir, '--item', item.id, docx, '--dry-run');
    expect(dry.out).toMatch(/cover sheet: report of, contact, executive summary, 2 recommendations, finance, legal implications and background papers would be taken from the paper's own sections/);
    expect(storeBytesOnDisk(dir).equals(before)).toBe(true);

    const imported = await runCli('import', 'paper', '--data', dir, '--item', item.id, docx);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toMatch(/cover sheet: .*2 recommendations.* taken from the paper's own sections, for you to check/);
    const { paper } = (savedStore(dir) as { records: Record<string, { paper: { coverSheet: unknown; body: string } }> }).records[item.id];
    expect(paper.coverSheet).toMatchObject({ reportOf: 'Director of Public Health', recommendations: ['Approve the scope of the 2027 JSNA.', 'Note the timetable.'], backgroundPapers: 'None.' });
    // The paper itself is as the author wrote it.
    expect(paper.body).toMatch(/# 2\\?\. Recommendations[\s\S]*1\. Approve the scope/);
    const report = await preflight();
    expect(report).not.toMatch(/no recommendations on its cover sheet|the cover sheet has no executive summary/);
    expect(report).toMatch(/the cover sheet names no author/);
  });
});
