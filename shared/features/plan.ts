import { z } from 'zod';
import { clip } from '../rules/words';
import { expectedRev, isoDate, line, optionalLine, recordId } from '../schema/common';
import { DEEP_DIVE_STATUSES, deepDiveSchema, forwardPlanItemSchema, FORWARD_PLAN_STATUSES, type DeepDive, type Meeting, type RecordOf } from '../schema/records';
import { agendaItemsOf, getRecord, listRecords, recordsWhere, type StoreData } from '../data';
import { byAgendaOrder, CLOSING_STANDING } from '../rules/agenda';
import { deepDiveDraft } from '../rules/draftAgenda';
import { agendaItemFromDraft } from './meetings';
import { orderAt } from './agendaPlace';
import { QuorumFailure } from '../result';
import { formatUkDate } from '../rules/dates';
import { ChangeSet } from '../kernel/changeSet';
import { mutation, query, type CommandContext } from '../kernel/operation';
import { forwardPlanView, plannerView } from '../rules/planView';

const deepDiveFields = deepDiveSchema.pick({ theme: true, leadPersonId: true, presenterIds: true, whyNow: true, linesOfEnquiry: true, evidence: true, outcomes: true, recommendations: true, followUpMeetingId: true });

const checkMeetingOfBoard = (data: Parameters<typeof getRecord>[0], meetingId: string | undefined, boardId: string, what: string) => {
  if (!meetingId) return;
  const m = getRecord(data, 'meeting', meetingId);
  if (m.boardId !== boardId) throw new QuorumFailure('invalid-input', `The ${what} must be a meeting of the same board.`);
};

/** A deep-dive theme and its briefing: why now, lines of enquiry, evidence asked for, and afterwards the outcomes. */
export const saveDeepDive = mutation({
  name: 'dives:save',
  writes: ['deepDive'],
  input: deepDiveFields.extend({ deepDiveId: recordId('deepDive').optional(), boardId: recordId('board'), expectedRev }).strict(),
  apply(data, { deepDiveId, boardId, expectedRev, ...fields }, ctx) {
    const board = getRecord(data, 'board', boardId);
    checkMeetingOfBoard(data, fields.followUpMeetingId, board.id, 'follow-up meeting');
    for (const p of [...fields.presenterIds, ...(fields.leadPersonId ? [fields.leadPersonId] : [])]) getRecord(data, 'person', p);
    const cs = new ChangeSet(data, ctx);
    if (deepDiveId) {
      const d = getRecord(data, 'deepDive', deepDiveId);
      if (d.boardId !== board.id) throw new QuorumFailure('invalid-input', 'A deep dive stays with its board.');
      cs.update(d, fields, expectedRev);
      return cs.result(`Updated the deep dive “${clip(fields.theme, 100)}”`);
    }
    cs.create<RecordOf<'deepDive'>>({ id: ctx.newId('deepDive'), type: 'deepDive', boardId: board.id, status: 'proposed', ...fields });
    return cs.result(`Proposed a deep dive for the ${board.shortName}: “${clip(fields.theme, 100)}”`);
  },
});

/**
 * The plan drives the agenda: a theme scheduled for a meeting whose agenda is drafted gets its
 * agenda item there (an item already about the theme is linked instead), so its briefing is always
 * printed with an item on the agenda, never as an unlisted page.
 */
const putOnAgenda = (data: StoreData, cs: ChangeSet, d: DeepDive, meetingId: Meeting['id'], ctx: CommandContext): string => {
  const items = agendaItemsOf(data, meetingId).sort(byAgendaOrder);
  if (!items.length || items.some((i) => i.deepDiveId === d.id)) return '';
  const same = items.find((i) => !i.standing && !i.deepDiveId && i.title.toLowerCase().includes(d.theme.toLowerCase()));
  if (same) {
    cs.update(same, { deepDiveId: d.id });
    return `; linked to the agenda item “${clip(same.title, 80)}”`;
  }
  // A theme that kept a Part 2 exemption goes back into Part 2, after the public items.
  let at = d.part2 ? items.length : items.findIndex((i) => (CLOSING_STANDING as readonly string[]).includes(i.standing ?? '') || i.part2);
  if (at < 0) at = items.length;
  const draft = deepDiveDraft(data, d);
  const item = agendaItemFromDraft(ctx.newId('agendaItem'), meetingId, orderAt(cs, items, at), draft);
  cs.create<RecordOf<'agendaItem'>>({ ...item, ...(d.part2 ? { part2: d.part2, ...(item.paper ? { paper: { ...item.paper, coverSheet: { ...item.paper.coverSheet, classification: 'exempt' as const } } } : {}) } : {}) });
  return `; added “${clip(draft.title, 80)}” to that meeting’s agenda`;
};

/** Moving a theme away: its item at the old meeting goes too, unless it already has a paper or minutes (then it stays, unlinked, for the officer to decide). */
const takeOffAgenda = (data: StoreData, cs: ChangeSet, d: DeepDive): string => {
  const item = listRecords(data, 'agendaItem').find((i) => i.deepDiveId === d.id && i.meetingId === d.meetingId);
  if (!item) return '';
  if (item.paper?.body.trim() || item.minutes.trim()) {
    cs.update(item, { deepDiveId: undefined });
    return `; its item “${clip(item.title, 80)}” stays on the old agenda (it has a paper or minutes): remove it there if it is no longer needed`;
  }
  cs.remove(item.id);
  return `; removed its item from the old meeting’s agenda`;
};

/**
 * Places a theme at a meeting of its board (proposed → scheduled), or takes it back to the
 * unscheduled list. A theme already held stays where it was held.
 */
export const scheduleDeepDive = mutation({
  name: 'dives:schedule',
  writes: ['deepDive', 'agendaItem'],
  input: z.object({ deepDiveId: recordId('deepDive'), meetingId: recordId('meeting').nullable() }).strict(),
  apply(data, input, ctx) {
    const d = getRecord(data, 'deepDive', input.deepDiveId);
    if (['held', 'follow-up', 'closed'].includes(d.status)) throw new QuorumFailure('conflict', `“${d.theme}” has been held; it cannot be moved to another meeting.`);
    const cs = new ChangeSet(data, ctx);
    // Its exemption goes with the theme: kept on it while unscheduled, onto its new item when placed.
    const exempt = d.meetingId && d.meetingId !== input.meetingId ? recordsWhere(data, 'agendaItem', 'deepDiveId', d.id).find((i) => i.meetingId === d.meetingId && i.part2)?.part2 : undefined;
    const leaving = d.meetingId && d.meetingId !== input.meetingId ? takeOffAgenda(data, cs, d) : '';
    if (!input.meetingId) {
      cs.update(d, { meetingId: undefined, status: 'proposed', ...(exempt ? { part2: exempt } : {}) });
      return cs.result(`Took “${clip(d.theme, 100)}” back to the unscheduled themes${leaving}`);
    }
    const m = getRecord(data, 'meeting', input.meetingId);
    if (m.boardId !== d.boardId) throw new QuorumFailure('invalid-input', 'A deep dive can only be placed at a meeting of its own board.');
    if (m.status === 'held' || m.status === 'minutes-approved') throw new QuorumFailure('conflict', `The meeting of ${formatUkDate(m.date)} has already been held.`);
    if (m.status === 'cancelled') throw new QuorumFailure('conflict', `The meeting of ${formatUkDate(m.date)} is cancelled.`);
    const carried = exempt ?? d.part2;
    const placed = cs.update(d, { meetingId: m.id, status: d.status === 'proposed' ? 'scheduled' : d.status, part2: carried });
    const onAgenda = putOnAgenda(data, cs, placed, m.id, ctx);
    // Once an item at the new meeting holds the exemption, the item is where it is kept.
    if (carried && onAgenda.startsWith('; added')) cs.update(placed, { part2: undefined });
    return cs.result(`Scheduled the deep dive “${clip(d.theme, 100)}” for ${formatUkDate(m.date)}${onAgenda}${leaving}`);
  },
});

export const setDeepDiveStatus = mutation({
  name: 'dives:setStatus',
  writes: ['deepDive'],
  input: z.object({ deepDiveId: recordId('deepDive'), status: z.enum(DEEP_DIVE_STATUSES) }).strict(),
  apply(data, input, ctx) {
    const d = getRecord(data, 'deepDive', input.deepDiveId);
    if (input.status !== 'proposed' && input.status !== 'closed' && !d.meetingId) throw new QuorumFailure('invalid-input', 'Schedule the deep dive at a meeting first.');
    if (input.status === 'follow-up' && !d.followUpMeetingId) throw new QuorumFailure('invalid-input', 'Choose the later meeting where the follow-up comes back first.');
    const cs = new ChangeSet(data, ctx);
    cs.update(d, { status: input.status });
    return cs.result(`Marked the deep dive “${clip(d.theme, 100)}” as ${input.status.replace('-', ' ')}`);
  },
});

/** A follow-up action from a deep dive's recommendations, into the board's action log. */
export const raiseDeepDiveAction = mutation({
  name: 'dives:raiseAction',
  writes: ['action'],
  input: z.object({ deepDiveId: recordId('deepDive'), text: line(2000), ownerPersonId: recordId('person'), dueDate: isoDate }).strict(),
  apply(data, input, ctx) {
    const d = getRecord(data, 'deepDive', input.deepDiveId);
    const owner = getRecord(data, 'person', input.ownerPersonId);
    const item = listRecords(data, 'agendaItem').find((i) => i.deepDiveId === d.id);
    const cs = new ChangeSet(data, ctx);
    cs.create<RecordOf<'action'>>({
      id: ctx.newId('action'),
      type: 'action',
      boardId: d.boardId,
      ...(d.meetingId ? { meetingId: d.meetingId } : {}),
      ...(item ? { agendaItemId: item.id } : {}),
      text: input.text,
      ownerPersonId: owner.id,
      dueDate: input.dueDate,
      status: 'open',
    });
    return cs.result(`Follow-up action from the deep dive “${clip(d.theme, 80)}” for ${owner.name} by ${formatUkDate(input.dueDate)}`);
  },
});

/** An item on a board's forward plan: what, who writes it, for which meeting (or not yet placed), and where it came from. */
export const saveForwardPlanItem = mutation({
  name: 'plan:save',
  writes: ['forwardPlanItem'],
  // The record's own fields, as the schema defines them, plus which item and its revision.
  input: forwardPlanItemSchema
    .pick({ boardId: true, title: true, kind: true, authorPersonId: true, meetingId: true, origin: true, keyDecision: true })
    .extend({ forwardPlanItemId: recordId('forwardPlanItem').optional(), expectedRev })
    .strict(),
  apply(data, { forwardPlanItemId, expectedRev, ...fields }, ctx) {
    const board = getRecord(data, 'board', fields.boardId);
    checkMeetingOfBoard(data, fields.meetingId, board.id, 'target meeting');
    if (fields.authorPersonId) getRecord(data, 'person', fields.authorPersonId);
    const cs = new ChangeSet(data, ctx);
    if (forwardPlanItemId) {
      const f = getRecord(data, 'forwardPlanItem', forwardPlanItemId);
      cs.update(f, { ...fields, meetingId: fields.meetingId, authorPersonId: fields.authorPersonId }, expectedRev);
      return cs.result(`Updated “${clip(fields.title, 100)}” on the ${board.shortName}’s forward plan`);
    }
    cs.create<RecordOf<'forwardPlanItem'>>({ id: ctx.newId('forwardPlanItem'), type: 'forwardPlanItem', ...fields, status: 'planned', deferredReason: '' });
    return cs.result(`Added “${clip(fields.title, 100)}” to the ${board.shortName}’s forward plan`);
  },
});

/** planned → paper requested → received → on agenda, or deferred with the reason the board will read. */
export const setForwardPlanStatus = mutation({
  name: 'plan:setStatus',
  writes: ['forwardPlanItem'],
  input: z.object({ forwardPlanItemId: recordId('forwardPlanItem'), status: z.enum(FORWARD_PLAN_STATUSES), deferredReason: optionalLine(1000).optional() }).strict(),
  apply(data, input, ctx) {
    const f = getRecord(data, 'forwardPlanItem', input.forwardPlanItemId);
    if (input.status === 'deferred' && !input.deferredReason?.trim()) throw new QuorumFailure('invalid-input', 'Say why the item is deferred.', { deferredReason: 'Say why the item is deferred' });
    const cs = new ChangeSet(data, ctx);
    cs.update(f, { status: input.status, deferredReason: input.status === 'deferred' ? input.deferredReason!.trim() : '' });
    return cs.result(`“${clip(f.title, 100)}”: ${input.status.replace('-', ' ')}${input.status === 'deferred' ? ` (${input.deferredReason})` : ''}`);
  },
});

// Queries

/** The deep-dive planner of a board: its meetings over two years, the themes placed and not yet placed. */
export const getPlanner = query({
  name: 'dives:planner',
  input: z.object({ boardId: recordId('board') }).strict(),
  reads: ['deepDive', 'meeting', 'board', 'tor', 'person', 'action', 'agendaItem'],
  view(data, { boardId }, env) {
    getRecord(data, 'board', boardId, 'That board no longer exists');
    return plannerView(data, boardId, env.today, env.holidays);
  },
});

/** The forward plan across the boards, filtered by board, author or status. */
export const listForwardPlan = query({
  name: 'plan:list',
  input: z.object({ boardId: recordId('board').optional(), authorPersonId: recordId('person').optional(), status: z.enum(FORWARD_PLAN_STATUSES).optional() }).strict(),
  reads: ['forwardPlanItem', 'meeting', 'board', 'person', 'tor'],
  view: (data, filter, env) => forwardPlanView(data, env.holidays, filter),
});
