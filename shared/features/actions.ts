import { z } from 'zod';
import { clip, quoted } from '../rules/words';
import { expectedRev, isoDate, line, noInput, optionalLine, recordId } from '../schema/common';
import { ACTION_STATUSES, actionSourceSchema, type RecordOf } from '../schema/records';
import { QuorumFailure } from '../result';
import { actionSourceWords, type ActionSource } from '../rules/actionSource';
import { caseTitle } from '../rules/obligations';
import { getRecord, listRecords, type StoreData } from '../data';
import { personName } from '../rules/people';
import { ChangeSet } from '../kernel/changeSet';
import { mutation, query } from '../kernel/operation';
import { formatUkDate } from '../rules/dates';
import { assertMinutesOpen } from '../rules/frozen';
import { askToConfirm } from '../rules/confirm';

import { ACTION_FILTER_STATUSES, actionLogView } from '../rules/actionLog';
import { compareCodes, compareEnglish } from '../rules/textOrder';

/** An update on an action is write-once; the action carries the latest status. */
export const addActionUpdate = mutation({
  name: 'actions:addUpdate',
  writes: ['actionUpdate', 'action'],
  input: z.object({ actionId: recordId('action'), text: line(5000), status: z.enum(ACTION_STATUSES) }),
  apply(data, input, ctx) {
    const action = getRecord(data, 'action', input.actionId);
    const cs = new ChangeSet(data, ctx);
    const now = ctx.now();
    cs.create<RecordOf<'actionUpdate'>>({
      id: ctx.newId('actionUpdate'),
      type: 'actionUpdate',
      actionId: action.id,
      text: input.text,
      status: input.status,
      madeAt: now,
    });
    const closedOn = input.status === 'done' ? ctx.today() : undefined;
    cs.update(action, { status: input.status, closedOn });
    return cs.result(`Updated action "${clip(action.text, 60)}"`);
  },
});

/** An action raised in the minutes of an item: what, who, by when. It joins the board's action log. */
export const raiseAction = mutation({
  name: 'actions:raise',
  writes: ['action'],
  input: z
    .object({
      agendaItemId: recordId('agendaItem'),
      text: line(2000),
      ownerPersonId: recordId('person'),
      dueDate: isoDate,
      /** The resolution it carries out, or the item's deep dive and the recommendation. */
      source: actionSourceSchema.optional(),
      confirmed: z.boolean().optional(),
    })
    .strict(),
  apply(data, { confirmed, ...input }, ctx) {
    const item = getRecord(data, 'agendaItem', input.agendaItemId);
    const meeting = assertMinutesOpen(data, item.meetingId);
    const owner = getRecord(data, 'person', input.ownerPersonId);
    if (input.source) checkSource(data, meeting.boardId, input.source, item);
    askToConfirm(confirmed, input.dueDate < meeting.date && `The action is due on ${formatUkDate(input.dueDate)}, before the meeting of ${formatUkDate(meeting.date)} that raised it. Check the date, or confirm it was due before the meeting.`, 'dueDate');
    const cs = new ChangeSet(data, ctx);
    cs.create<RecordOf<'action'>>({
      id: ctx.newId('action'),
      type: 'action',
      meetingId: meeting.id,
      agendaItemId: item.id,
      boardId: meeting.boardId,
      text: input.text,
      ownerPersonId: owner.id,
      dueDate: input.dueDate,
      status: 'open',
      ...(input.source ? { source: input.source } : {}),
    });
    return cs.result(`Action for ${owner.name} by ${formatUkDate(input.dueDate)}: ${clip(input.text, 120)}`);
  },
});

/**
 * That an action's source is the board's own: a resolution on the item that raises it, the board's
 * review (by its case), or its deep dive. Refused in the user's words otherwise.
 */
const checkSource = (data: StoreData, boardId: string, source: ActionSource, item?: RecordOf<'agendaItem'>) => {
  if (source.kind === 'resolution') {
    const r = getRecord(data, 'resolution', source.resolutionId, 'That resolution no longer exists');
    if (!item || r.agendaItemId !== item.id) throw new QuorumFailure('invalid-input', 'An action carries out a resolution of the item that raises it: choose one of this item’s resolutions.', { source: 'Another item’s resolution' });
  }
  if (source.kind === 'review' && getRecord(data, 'case', source.caseId, 'That review is no longer recorded').boardId !== boardId)
    throw new QuorumFailure('invalid-input', 'That review is another board’s: an action on its recommendations goes on that board’s log.', { source: 'Another board’s review' });
  if (source.kind === 'deep-dive' && getRecord(data, 'deepDive', source.deepDiveId, 'That deep dive no longer exists').boardId !== boardId)
    throw new QuorumFailure('invalid-input', 'That deep dive is another board’s.', { source: 'Another board’s deep dive' });
  if (source.kind === 'section11' && source.organisationId) getRecord(data, 'organisation', source.organisationId, 'That organisation is not in the directory');
};

/**
 * An action that did not come from a meeting item: on a review's recommendation, a section 11
 * audit finding, or a deep dive's. It joins the board's action log with where it came from.
 */
export const raiseActionFrom = mutation({
  name: 'actions:raiseFrom',
  writes: ['action'],
  input: z
    .object({ boardId: recordId('board'), source: actionSourceSchema, text: line(2000), ownerPersonId: recordId('person'), dueDate: isoDate, confirmed: z.boolean().optional() })
    .strict(),
  apply(data, { confirmed, ...input }, ctx) {
    const board = getRecord(data, 'board', input.boardId, 'That board no longer exists');
    const owner = getRecord(data, 'person', input.ownerPersonId);
    if (input.source.kind === 'resolution') throw new QuorumFailure('invalid-input', 'An action on a resolution is raised in the minutes of its item.', { source: 'Raise it in the minutes' });
    checkSource(data, board.id, input.source);
    askToConfirm(confirmed, input.dueDate < ctx.today() && `The action is due on ${formatUkDate(input.dueDate)}, which has passed. Check the date, or confirm it.`, 'dueDate');
    const cs = new ChangeSet(data, ctx);
    cs.create<RecordOf<'action'>>({ id: ctx.newId('action'), type: 'action', boardId: board.id, text: input.text, ownerPersonId: owner.id, dueDate: input.dueDate, status: 'open', source: input.source, raisedOn: ctx.today() });
    return cs.result(`Action for ${owner.name} by ${formatUkDate(input.dueDate)} (${actionSourceWords(data, { source: input.source })}): ${clip(input.text, 120)}`);
  },
});

/** Corrects an action's wording, owner or due date; progress goes through action.addUpdate. */
export const updateAction = mutation({
  name: 'actions:update',
  writes: ['action'],
  input: z
    .object({ actionId: recordId('action'), text: line(2000), ownerPersonId: recordId('person'), dueDate: isoDate, status: z.enum(ACTION_STATUSES), reason: optionalLine(500).optional(), expectedRev })
    .strict(),
  apply(data, { actionId, expectedRev, reason, ...patch }, ctx) {
    const action = getRecord(data, 'action', actionId);
    getRecord(data, 'person', patch.ownerPersonId);
    const cs = new ChangeSet(data, ctx);
    const closedOn = patch.status === 'done' ? (action.closedOn ?? ctx.today()) : undefined;
    cs.update(action, { ...patch, closedOn }, expectedRev);
    const what = [
      patch.text !== action.text ? 'wording' : '',
      patch.ownerPersonId !== action.ownerPersonId ? `owner to ${getRecord(data, 'person', patch.ownerPersonId).name}` : '',
      patch.dueDate !== action.dueDate ? `due date from ${formatUkDate(action.dueDate)} to ${formatUkDate(patch.dueDate)}` : '',
      patch.status !== action.status ? `status to ${patch.status}` : '',
    ].filter(Boolean);
    return cs.result(`Corrected action ${quoted(action.text)}${what.length ? `: ${what.join(', ')}` : ''}${reason ? ` because ${reason}` : ''}`);
  },
});

// Queries

/** Everyone who owns an action, for the Actions screen's owner filter (without fetching every action a second time). */
export const actionOwners = query({
  name: 'actions:owners',
  input: noInput,
  reads: ['action', 'person'],
  view: (data) => {
    const ids = new Set(listRecords(data, 'action').map((a) => a.ownerPersonId));
    return [...ids].map((id) => ({ id, name: personName(data, id), organisation: '' })).sort((a, b) => compareEnglish(a.name, b.name));
  },
});

/** The action log across the boards, filtered by board, owner or status. */
export const listActions = query({
  name: 'actions:list',
  input: z.object({ boardId: recordId('board').optional(), ownerPersonId: recordId('person').optional(), status: z.enum(ACTION_FILTER_STATUSES).optional() }).strict(),
  reads: ['action', 'actionUpdate', 'board', 'meeting', 'agendaItem', 'person', 'organisation', 'deepDive'],
  view: (data, filter, env) => actionLogView(data, env.today, filter),
});

/** What an action raised outside a meeting can come from, on a board: its reviews (by reference) and its deep dives. */
export const actionSources = query({
  name: 'actions:sources',
  input: z.object({ boardId: recordId('board') }).strict(),
  reads: ['case', 'deepDive', 'organisation'],
  view: (data, { boardId }) => ({
    reviews: listRecords(data, 'case')
      .filter((c) => c.boardId === boardId)
      .sort((a, b) => compareCodes(b.startsOn, a.startsOn))
      .map((c) => ({ id: c.id, title: caseTitle(c) })),
    deepDives: listRecords(data, 'deepDive')
      .filter((d) => d.boardId === boardId)
      .sort((a, b) => compareEnglish(a.theme, b.theme))
      .map((d) => ({ id: d.id, theme: d.theme })),
    organisations: listRecords(data, 'organisation')
      .filter((o) => !o.retiredOn)
      .sort((a, b) => compareEnglish(a.name, b.name))
      .map((o) => ({ id: o.id, name: o.name })),
  }),
});
