import type { Action } from '../schema/records';
import { addDays } from './dates';

/** Overdue is derived, never stored: not done and its due date has passed. */
export const isOverdue = (action: Pick<Action, 'status' | 'dueDate'>, today: string): boolean =>
  action.status !== 'done' && action.dueDate < today;

export type ActionRag = { colour: 'red' | 'amber' | 'green'; label: 'Overdue' | 'Due soon' | 'On track' | 'Done' };

/** RAG status with its words, because colour is never the only signal (PSBAR 2018, WCAG 1.4.1). */
export const actionRag = (action: Pick<Action, 'status' | 'dueDate'>, today: string, dueSoonDays = 14): ActionRag => {
  if (action.status === 'done') return { colour: 'green', label: 'Done' };
  if (isOverdue(action, today)) return { colour: 'red', label: 'Overdue' };
  const soon = addDays(today, dueSoonDays);
  return action.dueDate <= soon ? { colour: 'amber', label: 'Due soon' } : { colour: 'green', label: 'On track' };
};
