import { z } from 'zod';
import { recordId } from '../schema/common';
import { effect } from '../kernel/operation';
import { PACK_VARIANTS } from '../pack/model';
import { WORD_EXPORTS } from '../exports/kinds';
import type { ExportOutcome } from '../views';

/** Word and calendar files through the system save dialog (main/services/effects.ts writes them). */
export const exportWord = effect<ExportOutcome>()({
  name: 'exports:word',
  input: z.object({ kind: z.enum(WORD_EXPORTS), meetingId: recordId('meeting'), variant: z.enum(PACK_VARIANTS) }).strict(),
});
export const exportCalendar = effect<ExportOutcome>()({ name: 'exports:calendar', input: z.object({ boardId: recordId('board').optional() }).strict() });
export const exportGovernance = effect<ExportOutcome>()({
  name: 'exports:governance',
  input: z.discriminatedUnion('what', [
    z.object({ what: z.literal('tor'), id: recordId('tor') }).strict(),
    z.object({ what: z.literal('protocol'), id: recordId('protocolVersion'), trackedChanges: z.boolean().optional() }).strict(),
  ]),
});
export const exportPlan = effect<ExportOutcome>()({
  name: 'exports:plan',
  input: z.object({ what: z.enum(['deep-dives', 'forward-plan']), boardId: recordId('board').optional(), variant: z.enum(['public', 'full']).default('public') }).strict(),
});
/** Decisions taken between meetings as CSV (public: Part 2 by its public title only). */
export const exportDecisions = effect<ExportOutcome>()({
  name: 'exports:decisions',
  input: z.object({ boardId: recordId('board').optional(), variant: z.enum(['public', 'full']).default('public') }).strict(),
});
