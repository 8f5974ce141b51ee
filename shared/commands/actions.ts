import { z } from 'zod';
import { line, recordId } from '../schema/common';
import { ACTION_STATUSES, type RecordOf } from '../schema/records';
import { getRecord } from '../data';
import { ChangeSet, defineCommand } from './context';

/** An update on an action is write-once; the action carries the latest status. */
export const addActionUpdate = defineCommand({
  name: 'action.addUpdate',
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
    return cs.result('action.addUpdate', `Updated action "${action.text.slice(0, 60)}"`);
  },
});
