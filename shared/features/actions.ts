import { z } from 'zod';
import { clip } from '../rules/words';
import { line, noInput, recordId } from '../schema/common';
import { ACTION_STATUSES, type RecordOf } from '../schema/records';
import { getRecord, listRecords } from '../data';
import { personName } from '../rules/people';
import { ChangeSet } from '../kernel/changeSet';
import { mutation, query } from '../kernel/operation';
import { ACTION_FILTER_STATUSES, actionLogView } from '../rules/actionLog';

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

// Queries

/** Everyone who owns an action, for the Actions screen's owner filter (without fetching every action a second time). */
export const actionOwners = query({
  name: 'actions:owners',
  input: noInput,
  reads: ['action', 'person'],
  view: (data) => {
    const ids = new Set(listRecords(data, 'action').map((a) => a.ownerPersonId));
    return [...ids].map((id) => ({ id, name: personName(data, id), organisation: '' })).sort((a, b) => a.name.localeCompare(b.name));
  },
});

/** The action log across the boards, filtered by board, owner or status. */
export const listActions = query({
  name: 'actions:list',
  input: z.object({ boardId: recordId('board').optional(), ownerPersonId: recordId('person').optional(), status: z.enum(ACTION_FILTER_STATUSES).optional() }).strict(),
  reads: ['action', 'actionUpdate', 'board', 'meeting', 'agendaItem', 'person', 'organisation', 'deepDive'],
  view: (data, filter, env) => actionLogView(data, env.today, filter),
});
