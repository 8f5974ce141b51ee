import { getRecord, listRecords, recordsWhere, type StoreData } from '../data';
import { heading, notice, para, table, type PackBlock } from '../pack/parts/blocks';
import { toWord } from '../pack/docx/word';
import { formatUkDate, type HolidaySet } from '../rules/dates';
import { personName } from '../rules/people';
import { forwardPlanView } from '../rules/planView';
import { exportBytes, exportContext, type ExportSpec } from './document';
import { DEEP_DIVE_STATUS_LABEL, FORWARD_PLAN_STATUS_LABEL } from '../rules/labels';
import { deepDivePart2, part2ItemOf, publicTitleOf } from '../rules/confidential';
import type { PackVariant } from '../pack/model';
import { compareCodes, compareEnglish } from '../rules/textOrder';

export const PLAN_EXPORTS = ['deep-dives', 'forward-plan'] as const;
/** A plan document's content in the pack's neutral terms: Word here, HTML on the published website. */
type PlanSpec = Omit<ExportSpec, 'blocks'> & { blocks: PackBlock[] };
export type PlanExport = (typeof PLAN_EXPORTS)[number];

const house = (data: StoreData) => {
  const p = listRecords(data, 'partnership')[0];
  return { author: p?.name ?? '', primaryColour: p?.colours.primary ?? '#1F4E79' };
};

/** Each board's deep dives in meeting order: theme, meeting, lead, why now, lines of enquiry, status; then the themes not yet placed. */
const EXEMPT = 'Exempt (Part 2): not for publication';
const variantFooter = (variant: PackVariant, what: string) => (variant === 'full' ? `${what}: full version, includes Part 2 (exempt) items. NOT FOR PUBLICATION` : `${what}: public version`);

const deepDivesSpec = (data: StoreData, boardId: string | undefined, today: string, variant: PackVariant): PlanSpec => {
  const boards = listRecords(data, 'board').filter((b) => !boardId || b.id === boardId).sort((a, b) => compareEnglish(a.name, b.name));
  const blocks: PackBlock[] = [heading(1, 'Deep-dive schedule'), para(`As at ${formatUkDate(today)}.`, { italics: true })];
  for (const board of boards) {
    const dives = recordsWhere(data, 'deepDive', 'boardId', board.id);
    const placed = dives
      .filter((d) => d.meetingId)
      .map((d) => ({ d, date: getRecord(data, 'meeting', d.meetingId!).date }))
      .sort((a, b) => compareCodes(a.date, b.date));
    const unplaced = dives.filter((d) => !d.meetingId && d.status !== 'closed');
    blocks.push(heading(2, board.name));
    if (placed.length === 0) blocks.push(para('No deep dives are scheduled.'));
    else
      blocks.push(
        table(
          ['Meeting', 'Theme', 'Lead', 'Why now', 'Key lines of enquiry', 'Status'],
          placed.map(({ d, date }) => {
            const exempt = deepDivePart2(data, d);
            // In public, a Part 2 deep dive shows only that it is exempt: its reasons and lines of enquiry stay out.
            if (exempt && variant === 'public') return [formatUkDate(date), `${exempt.publicTitle?.trim() || d.theme} (Part 2, Schedule 12A paragraph ${exempt.paragraph})`, personName(data, d.leadPersonId) || 'Not set', EXEMPT, '', DEEP_DIVE_STATUS_LABEL[d.status]];
            return [formatUkDate(date), `${d.theme}${exempt ? ` (Part 2, exempt: paragraph ${exempt.paragraph})` : ''}`, personName(data, d.leadPersonId) || 'Not set', d.whyNow.replace(/\s+/g, ' ').slice(0, 400), d.linesOfEnquiry.join('; '), DEEP_DIVE_STATUS_LABEL[d.status]];
          }),
          { landscape: true },
        ),
      );
    // A theme that kept a Part 2 exemption shows in public only by its public title, or not at all.
    const unplacedTitles = unplaced.flatMap((d) => {
      const exempt = deepDivePart2(data, d);
      if (!exempt || variant === 'full') return [`${d.theme}${exempt ? ` (Part 2, exempt: paragraph ${exempt.paragraph})` : ''}`];
      return exempt.publicTitle?.trim() ? [`${exempt.publicTitle.trim()} (Part 2, Schedule 12A paragraph ${exempt.paragraph})`] : [];
    });
    const withheld = unplaced.length - unplacedTitles.length;
    if (unplacedTitles.length || withheld)
      blocks.push(notice(`Not yet scheduled: ${[...unplacedTitles, ...(withheld ? [`${withheld === 1 ? 'one theme' : `${withheld} themes`} exempt under Schedule 12A`] : [])].join('; ')}.`));
  }
  return { title: 'Deep-dive schedule', subject: 'Deep-dive schedule', ...house(data), header: variant === 'full' ? 'Deep-dive schedule · NOT FOR PUBLICATION' : 'Deep-dive schedule', footer: variantFooter(variant, 'Deep-dive schedule'), landscape: true, blocks };
};

/** The forward plan: each board's items by meeting, with author, kind, paper deadline and status. */
const forwardPlanSpec = (data: StoreData, boardId: string | undefined, today: string, holidays: HolidaySet, variant: PackVariant): PlanSpec => {
  const rows = forwardPlanView(data, holidays, boardId ? { boardId } : {});
  const boards = [...new Set(rows.map((r) => r.board))];
  const blocks: PackBlock[] = [heading(1, 'Forward plan'), para(`As at ${formatUkDate(today)}.`, { italics: true })];
  for (const board of boards) {
    blocks.push(heading(2, board));
    blocks.push(
      table(
        ['Meeting', 'Item', 'Kind', 'Author', 'Paper deadline', 'Status'],
        rows
          .filter((r) => r.board === board)
          .map((r) => {
            const exempt = part2ItemOf(data, { forwardPlanItemId: r.id });
            const origin = r.origin && !(exempt && variant === 'public') ? ` (${r.origin})` : '';
            const mark = exempt ? (variant === 'public' ? `. ${EXEMPT}` : `. Part 2, exempt: paragraph ${exempt.part2!.paragraph}`) : '';
            return [
            r.meetingDate ? formatUkDate(r.meetingDate) : 'Not yet placed',
            `${exempt && variant === 'public' ? publicTitleOf(exempt) : r.title}${origin}${mark}${r.keyDecisionNoticeBy ? `. Key decision: notice by ${formatUkDate(r.keyDecisionNoticeBy)}` : r.keyDecision ? '. Key decision' : ''}`,
            r.kind.replace('-', ' '),
            r.author || 'Not known',
            r.paperDeadline ? formatUkDate(r.paperDeadline) : '',
            r.status === 'deferred' ? (exempt && variant === 'public' ? 'Deferred' : `Deferred: ${r.deferredReason}`) : FORWARD_PLAN_STATUS_LABEL[r.status],
            ];
          }),
        { landscape: true },
      ),
    );
  }
  if (rows.length === 0) blocks.push(para('The forward plan is empty.'));
  return { title: 'Forward plan', subject: 'Forward plan', ...house(data), header: variant === 'full' ? 'Forward plan · NOT FOR PUBLICATION' : 'Forward plan', footer: variantFooter(variant, 'Forward plan'), landscape: true, blocks };
};

/** Public unless the full version is asked for: Part 2 detail stays out of what may be published. */
export const buildPlanExport = async (data: StoreData, req: { what: PlanExport; boardId?: string; today: string; holidays: HolidaySet; builtAt: string; variant?: PackVariant }) => {
  if (req.boardId) getRecord(data, 'board', req.boardId);
  const variant = req.variant ?? 'public';
  const spec = planSpec(data, req.what, req.boardId, req.today, req.holidays, variant);
  const ctx = exportContext();
  return { bytes: await exportBytes({ ...spec, blocks: toWord(spec.blocks, { ctx }) }, ctx, req.builtAt), title: spec.title };
};

/** The deep-dive schedule or the forward plan, as content (the published website lays it out as HTML). */
export const planSpec = (data: StoreData, what: PlanExport, boardId: string | undefined, today: string, holidays: HolidaySet, variant: PackVariant): PlanSpec =>
  what === 'deep-dives' ? deepDivesSpec(data, boardId, today, variant) : forwardPlanSpec(data, boardId, today, holidays, variant);
