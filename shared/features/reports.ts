import { z } from 'zod';
import { isoDate, recordId } from '../schema/common';
import { listRecords } from '../data';
import { QuorumFailure } from '../result';
import { query } from '../kernel/operation';
import { yearlyReport } from '../rules/yearlyReport';
import { addDays, lastReportYear } from '../rules/dates';
import { SCP_REPORT_SOURCE, HWB_REPORT_SOURCE } from '../exports/yearlyReportExport';
import { compareEnglish } from '../rules/textOrder';


/**
 * The yearly report's figures before it is drafted (docs/ARCHITECTURE.md, the yearly report): the
 * last whole year from April to March unless a period is asked for.
 */
export const yearlyFigures = query({
  name: 'reports:yearly',
  input: z.object({ boardId: recordId('board').optional(), from: isoDate.optional(), to: isoDate.optional() }).strict(),
  reads: ['board', 'meeting', 'attendance', 'tor', 'resolution', 'decision', 'case', 'action', 'actionUpdate', 'deepDive', 'obligation', 'agendaItem', 'person', 'organisation'],
  view(data, input, env) {
    const boards = listRecords(data, 'board').filter((b) => !b.closedOn).sort((a, b) => Number(b.kind === 'safeguarding-partnership') - Number(a.kind === 'safeguarding-partnership') || compareEnglish(a.name, b.name));
    const boardId = input.boardId ?? boards[0]?.id;
    const options = boards.map((b) => ({ id: b.id, name: b.name, kind: b.kind }));
    if (!boardId) return { boards: options, report: null };
    const year = lastReportYear(env.today);
    // A year from the day given, to the day given, or the last April to March.
    const from = input.from ?? (input.to ? addDays(`${Number(input.to.slice(0, 4)) - 1}${input.to.slice(4)}`, 1) : year.from);
    const to = input.to ?? (input.from ? addDays(`${Number(input.from.slice(0, 4)) + 1}${input.from.slice(4)}`, -1) : year.to);
    if (from > to) throw new QuorumFailure('invalid-input', 'The period ends before it begins.', { to: 'Before the start' });
    const r = yearlyReport(data, { boardId, from, to, audience: 'full', holidays: env.holidays });
    return {
      boards: options,
      report: { boardId, from, to, kind: r.board.kind, source: r.board.kind === 'safeguarding-partnership' ? SCP_REPORT_SOURCE : HWB_REPORT_SOURCE, counts: r.counts, statutory: r.arrangements.statutory, seats: r.attendance.seats.filter((s) => s.statutory), reviews: r.reviews.map((c) => ({ title: c.title, steps: c.steps })), quorumFailures: r.attendance.meetings.filter((m) => !m.quorate).length },
    };
  },
});
