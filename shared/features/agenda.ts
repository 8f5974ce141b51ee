import { z } from 'zod';
import { clip, quoted } from '../rules/words';
import { clockTime, expectedRev, line, markdown, recordId } from '../schema/common';
import { boardSchema, coverSheetSchema, ITEM_PURPOSES, part2Schema, type AgendaItem, type RecordOf } from '../schema/records';
import { getRecord, listRecords, recordsWhere } from '../data';
import { byAgendaOrder, CLOSING_STANDING } from '../rules/agenda';
import { keyBetween } from '../rules/order';
import { QuorumFailure } from '../result';
import { ChangeSet } from '../kernel/changeSet';
import { clearancesReset } from '../rules/clearance';
import { mutation, query } from '../kernel/operation';
import { agendaLine, agendaLines } from '../rules/agendaLines';
import { outstandingPapers, papersAwaitingClearance } from '../rules/papers';
import { emptyCoverSheet } from './packs';
import { assertMinutesOpen } from '../rules/frozen';
import { orderAt } from './agendaPlace';

const short = (item: AgendaItem) => quoted(item.title);

/**
 * The cover sheet of an item's paper (report of, author, summary, recommendations, implications,
 * classification). An item that had no paper gets one, requested, so the cover can go first.
 */
export const updateCoverSheet = mutation({
  name: 'paper:updateCoverSheet',
  answer: (_outcome, data) => agendaLine(data, _outcome.changes[0].id),
  writes: ['agendaItem'],
  input: z.object({ agendaItemId: recordId('agendaItem'), coverSheet: coverSheetSchema, expectedRev }).strict(),
  apply(data, input, ctx) {
    const item = getRecord(data, 'agendaItem', input.agendaItemId);
    assertMinutesOpen(data, item.meetingId);
    const cs = new ChangeSet(data, ctx);
    const paper = item.paper ?? { status: 'requested' as const, coverSheet: emptyCoverSheet(), body: '' };
    const next = cs.update(item, { paper: { ...paper, coverSheet: input.coverSheet } }, input.expectedRev);
    return cs.result(`Updated the cover sheet of the paper for ${short(item)}${clearancesReset(data, item, next)}`);
  },
});

/**
 * Puts an item in Part 2 (the public excluded, Local Government Act 1972 s.100A(4)) under a
 * Schedule 12A paragraph, or brings it back into the public part.
 */
export const setPart2 = mutation({
  name: 'agenda:setPartTwo',
  answer: (_outcome, data) => agendaLine(data, _outcome.changes[0].id),
  writes: ['agendaItem'],
  input: z
    .object({
      agendaItemId: recordId('agendaItem'),
      part2: part2Schema.strict().nullable(),
      expectedRev,
    })
    .strict(),
  apply(data, input, ctx) {
    const item = getRecord(data, 'agendaItem', input.agendaItemId);
    assertMinutesOpen(data, item.meetingId);
    if (item.standing && input.part2) throw new QuorumFailure('invalid-input', `${short(item)} is a standing item and is always taken in public.`);
    // Keep Part 2 items after the public ones in the stored order too, so order keys and numbers agree.
    const others = itemsOf(data, item.meetingId).filter((i) => i.id !== item.id);
    const publicOthers = others.filter((i) => !i.part2);
    const firstPart2 = others.find((i) => i.part2);
    let order = item.order;
    if (input.part2 && !item.part2) order = keyBetween(others.at(-1)?.order, undefined);
    if (!input.part2 && item.part2) order = keyBetween(publicOthers.at(-1)?.order, firstPart2?.order);
    const cs = new ChangeSet(data, ctx);
    // The cover sheet's classification follows Part 2, so a Part 2 paper never says "Public".
    const paper = item.paper ? { ...item.paper, coverSheet: { ...item.paper.coverSheet, classification: input.part2 ? ('exempt' as const) : ('public' as const) } } : undefined;
    const part2 = input.part2 ? { paragraph: input.part2.paragraph, reason: input.part2.reason, ...(input.part2.publicTitle?.trim() ? { publicTitle: input.part2.publicTitle.trim() } : {}) } : undefined;
    cs.update(item, { part2, order, ...(paper ? { paper } : {}) }, input.expectedRev);
    const what = input.part2 ? `${item.part2 ? 'Kept' : 'Moved'} ${short(item)} ${item.part2 ? 'in' : 'into'} Part 2 under Schedule 12A paragraph ${input.part2.paragraph}${part2?.publicTitle ? `, shown in public as “${part2.publicTitle}”` : ''}` : `Moved ${short(item)} into the public part of the agenda`;
    return cs.result(what);
  },
});

const itemsOf = (data: Parameters<typeof getRecord>[0], meetingId: string) => recordsWhere(data, 'agendaItem', 'meetingId', meetingId).sort(byAgendaOrder);


/** A business item; without a place given it goes before the closing standing items (partner updates, forward plan, AOB). */
export const addAgendaItem = mutation({
  name: 'agenda:add',
  writes: ['agendaItem'],
  input: z
    .object({
      meetingId: recordId('meeting'),
      title: line(300),
      purpose: z.enum(ITEM_PURPOSES),
      durationMinutes: z.number().int().min(0).max(600),
      presenterIds: z.array(recordId('person')).max(20),
      paperRequested: z.boolean(),
      authorPersonId: recordId('person').optional(),
      afterItemId: recordId('agendaItem').optional(),
    })
    .strict(),
  apply(data, input, ctx) {
    const meeting = assertMinutesOpen(data, input.meetingId);
    const items = itemsOf(data, meeting.id);
    let index = items.findIndex((i) => (CLOSING_STANDING as readonly string[]).includes(i.standing ?? ''));
    if (input.afterItemId) {
      index = items.findIndex((i) => i.id === input.afterItemId) + 1;
      if (index === 0) throw new QuorumFailure('not-found', 'The item to add after is not on this agenda');
    }
    if (index < 0) index = items.length;
    const cs = new ChangeSet(data, ctx);
    const order = orderAt(cs, items, index);
    const author = input.authorPersonId ? getRecord(data, 'person', input.authorPersonId) : undefined;
    cs.create<RecordOf<'agendaItem'>>({
      id: ctx.newId('agendaItem'),
      type: 'agendaItem',
      meetingId: meeting.id,
      order,
      title: input.title,
      purpose: input.purpose,
      durationMinutes: input.durationMinutes,
      presenterIds: input.presenterIds,
      minutes: '',
      ...(input.paperRequested
        ? { paper: { status: 'requested' as const, ...(author ? { authorPersonId: author.id } : {}), coverSheet: { ...emptyCoverSheet(), author: author?.name ?? '', reportOf: author?.jobTitle ?? '' }, body: '' } }
        : {}),
    });
    return cs.result(`Added “${clip(input.title, 80)}” to the agenda`);
  },
});

/** Title, purpose, timing, presenters and whether a paper is asked for (and from whom). */
export const updateAgendaItem = mutation({
  name: 'agenda:update',
  writes: ['agendaItem'],
  input: z
    .object({
      agendaItemId: recordId('agendaItem'),
      title: line(300),
      purpose: z.enum(ITEM_PURPOSES),
      durationMinutes: z.number().int().min(0).max(600),
      /** A start the chair fixes ("15:50"); null lets it follow the item before. */
      fixedStart: clockTime.nullable(),
      presenterIds: z.array(recordId('person')).max(20),
      paperRequested: z.boolean(),
      authorPersonId: recordId('person').nullable(),
      expectedRev,
    })
    .strict(),
  apply(data, { agendaItemId, expectedRev, fixedStart, paperRequested, authorPersonId, ...patch }, ctx) {
    const item = getRecord(data, 'agendaItem', agendaItemId);
    assertMinutesOpen(data, item.meetingId);
    for (const p of patch.presenterIds) getRecord(data, 'person', p);
    const author = authorPersonId ? getRecord(data, 'person', authorPersonId) : undefined;
    let paper = item.paper;
    if (paperRequested) {
      const base = paper ?? { status: 'requested' as const, coverSheet: { ...emptyCoverSheet(), author: author?.name ?? '', reportOf: author?.jobTitle ?? '' }, body: '' };
      const status = base.status === 'not-needed' ? ('requested' as const) : base.status;
      const { authorPersonId: _old, ...rest } = base;
      paper = { ...rest, status, ...(author ? { authorPersonId: author.id } : {}) };
    } else if (paper) {
      if (paper.body.trim()) throw new QuorumFailure('conflict', `“${item.title}” has a paper received; it cannot be marked as needing none.`);
      paper = { ...paper, status: 'not-needed' };
    }
    const cs = new ChangeSet(data, ctx);
    cs.update(item, { ...patch, fixedStart: fixedStart ?? undefined, paper }, expectedRev);
    return cs.result(`Updated agenda item ${short(item)}`);
  },
});

/**
 * Moves an item to a position in its meeting's agenda (0 is first), by drag or by keyboard. Part 2
 * items are always taken last (Schedule 12A: the public are excluded for the rest of the meeting),
 * so a public item stays above them and a Part 2 item below the public ones.
 */
export const moveAgendaItem = mutation({
  name: 'agenda:move',
  writes: ['agendaItem'],
  input: z.object({ agendaItemId: recordId('agendaItem'), toIndex: z.number().int().min(0).max(500) }).strict(),
  apply(data, input, ctx) {
    const item = getRecord(data, 'agendaItem', input.agendaItemId);
    assertMinutesOpen(data, item.meetingId);
    const others = itemsOf(data, item.meetingId).filter((i) => i.id !== item.id);
    const publicCount = others.filter((i) => !i.part2).length;
    const at = item.part2 ? Math.min(Math.max(input.toIndex, publicCount), others.length) : Math.min(input.toIndex, publicCount);
    const cs = new ChangeSet(data, ctx);
    cs.update(item, { order: orderAt(cs, others, at) });
    return cs.result(`Moved ${short(item)} to position ${at + 1}`);
  },
});

/** Takes an item off the agenda, unless the meeting has already minuted it. */
export const removeAgendaItem = mutation({
  name: 'agenda:remove',
  undoable: true,
  writes: ['agendaItem', 'forwardPlanItem'],
  input: z.object({ agendaItemId: recordId('agendaItem') }).strict(),
  apply(data, input, ctx) {
    const item = getRecord(data, 'agendaItem', input.agendaItemId);
    assertMinutesOpen(data, item.meetingId);
    const minuted = item.minutes.trim() || listRecords(data, 'resolution').some((r) => r.agendaItemId === item.id) || listRecords(data, 'action').some((a) => a.agendaItemId === item.id);
    if (minuted) throw new QuorumFailure('conflict', `${short(item)} has minutes, resolutions or actions; it cannot be taken off the agenda.`);
    const cs = new ChangeSet(data, ctx);
    cs.remove(item.id);
    if (item.forwardPlanItemId) {
      const planned = listRecords(data, 'forwardPlanItem').find((f) => f.id === item.forwardPlanItemId);
      if (planned?.status === 'on-agenda') cs.update(planned, { status: 'planned' });
    }
    return cs.result(`Took ${short(item)} off the agenda`);
  },
});

/** The paper's text typed or pasted in Quorum (rather than imported); a non-empty body counts as received. */
export const updatePaperBody = mutation({
  name: 'paper:updateBody',
  writes: ['agendaItem'],
  input: z.object({ agendaItemId: recordId('agendaItem'), body: markdown, expectedRev }).strict(),
  apply(data, input, ctx) {
    const item = getRecord(data, 'agendaItem', input.agendaItemId);
    assertMinutesOpen(data, item.meetingId);
    const paper = item.paper ?? { status: 'requested' as const, coverSheet: emptyCoverSheet(), body: '' };
    const received = input.body.trim().length > 0;
    const status = received ? ('received' as const) : paper.status === 'received' ? ('requested' as const) : paper.status;
    const receivedOn = received ? (paper.receivedOn ?? ctx.today()) : undefined;
    const cs = new ChangeSet(data, ctx);
    const next = cs.update(item, { paper: { ...paper, body: input.body, status, receivedOn } }, input.expectedRev);
    return cs.result(received ? `Updated the paper for ${short(item)}${clearancesReset(data, item, next)}` : `Cleared the paper for ${short(item)}`);
  },
});

/** The standing items that open and close every agenda of a board, in order (editable per board). */
export const setStandingItems = mutation({
  name: 'boards:setStandingItems',
  writes: ['board'],
  input: z.object({ boardId: recordId('board'), standingItems: boardSchema.shape.standingItems, expectedRev }).strict(),
  apply(data, input, ctx) {
    const board = getRecord(data, 'board', input.boardId);
    const cs = new ChangeSet(data, ctx);
    cs.update(board, { standingItems: input.standingItems }, input.expectedRev);
    return cs.result(`Set the standing items of the ${board.shortName}: ${input.standingItems.map((s) => s.title).join('; ').slice(0, 300)}`);
  },
});

// Queries

/** A meeting's agenda as the Pack screen lists it: numbered as in the pack, no paper bodies. */
export const listAgenda = query({
  name: 'agenda:list',
  input: z.object({ meetingId: recordId('meeting') }).strict(),
  reads: ['agendaItem', 'meeting', 'person', 'board', 'clearance'],
  view: (data, { meetingId }) => agendaLines(data, meetingId),
});

/** One paper's text, for editing (the agenda views leave bodies out: they can be megabytes). */
export const getPaper = query({
  name: 'paper:get',
  input: z.object({ agendaItemId: recordId('agendaItem') }).strict(),
  reads: ['agendaItem'],
  view(data, { agendaItemId }) {
    const item = getRecord(data, 'agendaItem', agendaItemId, 'That agenda item no longer exists');
    return { rev: item.rev, body: item.paper?.body ?? '' };
  },
});

/** Papers asked for and not yet in, for meetings still to come. */
export const listOutstandingPapers = query({
  name: 'papers:outstanding',
  input: z.object({ boardId: recordId('board').optional() }).strict(),
  reads: ['agendaItem', 'meeting', 'board', 'person', 'tor'],
  view: (data, { boardId }, env) => outstandingPapers(data, env.today, env.holidays, boardId),
});

/** Papers in whose clearances do not all hold yet, for the Papers screen. */
export const papersAwaitingClearanceQuery = query({
  name: 'papers:awaitingClearance',
  input: z.object({}).strict(),
  reads: ['agendaItem', 'meeting', 'board', 'clearance'],
  view: (data, _input, env) => papersAwaitingClearance(data, env.today),
});
