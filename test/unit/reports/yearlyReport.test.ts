import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { generatedData } from '../../docxPackage';
import { listRecords } from '../../../shared/data';
import { recordSchema } from '../../../shared/schema/records';
import { yearlyReport } from '../../../shared/rules/yearlyReport';
import { yearlyReportSpec } from '../../../shared/exports/yearlyReportExport';
import { wordOfSpec } from '../../../shared/exports/document';
import { bankHolidays } from '../../../main/services/holidays';

/**
 * The yearly report drafted from a 10-year generated partnership (shared/example/generate.ts):
 * the safeguarding partnership's year from April 2025 to March 2026, and the Health and Wellbeing
 * Board's. Every figure is stated exactly, and the headline ones recounted from the records.
 */
const data = generatedData(10);
const YEAR = { from: '2025-04-01', to: '2026-03-31' };
const holidays = bankHolidays(2015, 2027);
const scp = (audience: 'public' | 'full' = 'public') => yearlyReport(data, { boardId: 'board:safeguarding', ...YEAR, audience, holidays });

describe('the yearly report, from 10 generated years', () => {
  it('every generated record is one the store accepts', () => {
    for (const r of Object.values(data.records)) expect(recordSchema.safeParse(r).success, r.id).toBe(true);
  });

  it('counts the safeguarding partnership’s year exactly: meetings, resolutions, reviews, actions by where they came from, deep dives', () => {
    const r = scp();
    expect(r.counts).toEqual({
      meetingsHeld: 4,
      meetingsCancelled: 1,
      resolutions: 48,
      decisionsBetween: 0,
      reviewsStarted: 2,
      actionsRaised: 21,
      actionsDone: 21,
      actionsOpen: 0,
      bySource: { meeting: { raised: 12, done: 12 }, resolution: { raised: 0, done: 0 }, review: { raised: 4, done: 4 }, section11: { raised: 1, done: 1 }, 'deep-dive': { raised: 4, done: 4 } },
      deepDives: 4,
    });
    // The same from the records by hand: the reviews begun in the year, and their actions.
    const cases = listRecords(data, 'case').filter((c) => c.boardId === 'board:safeguarding' && c.startsOn >= YEAR.from && c.startsOn <= YEAR.to);
    expect(cases.map((c) => c.reference).sort()).toEqual(['SIN-2025-34', 'SIN-2025-36']);
    expect(listRecords(data, 'action').filter((a) => a.source?.kind === 'review' && cases.some((c) => c.id === (a.source as { caseId: string }).caseId))).toHaveLength(4);
  });

  it('gives each review’s statutory clock in working days, bank holidays left out: notified within 5, the rapid review within 15', () => {
    // SIN-2025-34 began on Sunday 20 April 2025: Easter Monday and the early May bank holiday move both dates on.
    expect(scp().reviews.map((c) => [c.reference, c.steps.map((s) => `${s.dueOn} ${s.doneOn} ${s.onTime ? 'in time' : 'late'}`)])).toEqual([
      ['SIN-2025-34', ['2025-04-28 2025-04-23 in time', '2025-05-15 2025-05-15 in time']],
      ['SIN-2025-36', ['2025-11-07 2025-11-05 in time', '2025-11-26 2025-11-20 in time']],
    ]);
    // Without the bank holidays the same review would have been a day late.
    expect(yearlyReport(data, { boardId: 'board:safeguarding', ...YEAR, audience: 'public', holidays: new Set() }).reviews[0].steps[1]).toMatchObject({ dueOn: '2025-05-14', onTime: false });
  });

  it('names the three safeguarding partners and their attendance from the terms of reference and the meetings', () => {
    const r = scp();
    expect(r.arrangements.statutory.map((s) => `${s.role}: ${s.person}`)).toEqual(['Safeguarding partner: local authority: Sarah Whitcombe', 'Safeguarding partner: police: DCI Mark Ellery', 'Safeguarding partner: Integrated Care Board: Dr Priya Nair']);
    expect(r.attendance.seats.filter((s) => s.statutory).map((s) => `${s.key} ${s.present}+${s.bySubstitute}/${s.expected}`)).toEqual(['icb 3+0/4', 'la 4+0/4', 'police 1+1/4']);
  });

  it('the Health and Wellbeing Board’s annual summary: its year’s figures, and no safeguarding reviews', () => {
    const r = yearlyReport(data, { boardId: 'board:hwb', ...YEAR, audience: 'public', holidays });
    expect(r.counts).toMatchObject({ meetingsHeld: 4, meetingsCancelled: 2, resolutions: 48, actionsRaised: 17, actionsDone: 17, actionsOpen: 0, deepDives: 4 });
    expect(r.attendance.meetings.map((m) => m.date)).toEqual(['2025-06-10', '2025-08-26', '2025-11-18', '2026-02-17']);
    expect(r.reviews).toEqual([]);
    // Its yearly statutory duties, none recorded as met in the generated year; no per-meeting notices among them.
    expect(r.obligations.map((o) => o.title)).toEqual(['Pharmaceutical needs assessment published', 'Consultation on the draft pharmaceutical needs assessment opened', 'Better Care Fund plan and returns', 'Opinion on the integrated care board’s joint forward plan']);
    expect(r.counts.bySource.review).toEqual({ raised: 0, done: 0 });
    expect(r.counts.bySource.section11).toEqual({ raised: 1, done: 1 });
    expect(r.attendance.quorumByYear.reduce((n, y) => n + y.notQuorate, 0)).toBe(r.attendance.meetings.filter((m) => !m.quorate).length);
  });

  it('writes the Word draft with each figure and its source, and a “To write” where the narrative goes', async () => {
    const spec = yearlyReportSpec(data, { boardId: 'board:safeguarding', ...YEAR, audience: 'public', holidays, today: '2026-11-23' });
    const xml = strFromU8(unzipSync(await wordOfSpec(spec, '2026-11-23T09:00:00.000Z'))['word/document.xml']);
    const text = xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Eastmere Safeguarding Children Partnership: yearly report, 1 April 2025 to 31 March 2026');
    expect(text).toContain('Children Act 2004 s.16G; Working Together to Safeguard Children 2023, chapter 2 (yearly report)');
    expect(text).toContain('4 meetings held and 1 cancelled from 1 April 2025 to 31 March 2026');
    expect(text).toContain('21 actions raised in the year, 21 completed in it; 0 open at its end.');
    expect(text).toContain('Serious incident notification SIN-2025-34');
    expect(text).toContain('Source: the cases on the statutory clocks');
    expect((text.match(/To write:/g) ?? []).length).toBeGreaterThanOrEqual(6);
  });
});
