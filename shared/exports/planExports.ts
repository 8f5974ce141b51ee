import { getRecord, listRecords, recordsWhere, type StoreData } from '../data';
import { dataTable, heading, notice, para } from '../pack/docx/blocks';
import { packageDocument } from '../pack/docx/package';
import { PORTRAIT_TEXT_PX } from '../pack/docx/page';
import type { Block } from '../pack/markdown/blocks';
import type { MarkdownContext } from '../pack/markdown/context';
import { ListNumbering } from '../pack/markdown/numbering';
import { formatUkDate, type HolidaySet } from '../rules/dates';
import { personName } from '../rules/people';
import { forwardPlanView } from '../rules/planView';
import { exportDocument, type ExportSpec } from './document';
import { DEEP_DIVE_STATUS_LABEL, FORWARD_PLAN_STATUS_LABEL } from '../rules/labels';

export const PLAN_EXPORTS = ['deep-dives', 'forward-plan'] as const;
export type PlanExport = (typeof PLAN_EXPORTS)[number];

const context = (): MarkdownContext => ({ headingBase: 1, images: {}, lists: new ListNumbering(), maxImageWidth: PORTRAIT_TEXT_PX, wideTables: new WeakSet() });
const house = (data: StoreData) => {
  const p = listRecords(data, 'partnership')[0];
  return { author: p?.name ?? '', primaryColour: p?.colours.primary ?? '#1F4E79' };
};

/** Each board's deep dives in meeting order: theme, meeting, lead, why now, lines of enquiry, status; then the themes not yet placed. */
const deepDivesSpec = (data: StoreData, boardId: string | undefined, today: string): ExportSpec => {
  const boards = listRecords(data, 'board').filter((b) => !boardId || b.id === boardId).sort((a, b) => a.name.localeCompare(b.name));
  const blocks: Block[] = [heading(1, 'Deep-dive schedule'), para(`As at ${formatUkDate(today)}.`, { italics: true })];
  for (const board of boards) {
    const dives = recordsWhere(data, 'deepDive', 'boardId', board.id);
    const placed = dives
      .filter((d) => d.meetingId)
      .map((d) => ({ d, date: getRecord(data, 'meeting', d.meetingId!).date }))
      .sort((a, b) => a.date.localeCompare(b.date));
    const unplaced = dives.filter((d) => !d.meetingId && d.status !== 'closed');
    blocks.push(heading(2, board.name));
    if (placed.length === 0) blocks.push(para('No deep dives are scheduled.'));
    else
      blocks.push(
        dataTable(
          ['Meeting', 'Theme', 'Lead', 'Why now', 'Key lines of enquiry', 'Status'],
          placed.map(({ d, date }) => [formatUkDate(date), d.theme, personName(data, d.leadPersonId) || 'Not set', d.whyNow.replace(/\s+/g, ' ').slice(0, 400), d.linesOfEnquiry.join('; '), DEEP_DIVE_STATUS_LABEL[d.status]]),
          [1.4, 2, 1.4, 2.4, 2.6, 1.2],
        ),
      );
    if (unplaced.length) blocks.push(notice(`Not yet scheduled: ${unplaced.map((d) => d.theme).join('; ')}.`));
  }
  return { title: 'Deep-dive schedule', subject: 'Deep-dive schedule', ...house(data), header: 'Deep-dive schedule', footer: 'Deep-dive schedule', landscape: true, blocks };
};

/** The forward plan: each board's items by meeting, with author, kind, paper deadline and status. */
const forwardPlanSpec = (data: StoreData, boardId: string | undefined, today: string, holidays: HolidaySet): ExportSpec => {
  const rows = forwardPlanView(data, holidays, boardId ? { boardId } : {});
  const boards = [...new Set(rows.map((r) => r.board))];
  const blocks: Block[] = [heading(1, 'Forward plan'), para(`As at ${formatUkDate(today)}.`, { italics: true })];
  for (const board of boards) {
    blocks.push(heading(2, board));
    blocks.push(
      dataTable(
        ['Meeting', 'Item', 'Kind', 'Author', 'Paper deadline', 'Status'],
        rows
          .filter((r) => r.board === board)
          .map((r) => [
            r.meetingDate ? formatUkDate(r.meetingDate) : 'Not yet placed',
            `${r.title}${r.origin ? ` (${r.origin})` : ''}${r.keyDecisionNoticeBy ? `. Key decision: notice by ${formatUkDate(r.keyDecisionNoticeBy)}` : r.keyDecision ? '. Key decision' : ''}`,
            r.kind.replace('-', ' '),
            r.author || 'Not known',
            r.paperDeadline ? formatUkDate(r.paperDeadline) : '',
            r.status === 'deferred' ? `Deferred: ${r.deferredReason}` : FORWARD_PLAN_STATUS_LABEL[r.status],
          ]),
        [1.4, 3.4, 1.2, 1.6, 1.4, 1.6],
      ),
    );
  }
  if (rows.length === 0) blocks.push(para('The forward plan is empty.'));
  return { title: 'Forward plan', subject: 'Forward plan', ...house(data), header: 'Forward plan', footer: 'Forward plan', landscape: true, blocks };
};

export const buildPlanExport = async (data: StoreData, req: { what: PlanExport; boardId?: string; today: string; holidays: HolidaySet; builtAt: string }) => {
  if (req.boardId) getRecord(data, 'board', req.boardId);
  const spec = req.what === 'deep-dives' ? deepDivesSpec(data, req.boardId, req.today) : forwardPlanSpec(data, req.boardId, req.today, req.holidays);
  return { bytes: await packageDocument(exportDocument(spec, context()), req.builtAt), title: spec.title };
};
