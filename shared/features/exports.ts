import { z } from 'zod';
import { isoDate, recordId } from '../schema/common';
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
/** Attendance and representation over a period, as Word or CSV (full: with the reasons for absence, not for publication). */
export const exportAttendance = effect<ExportOutcome>()({
  name: 'exports:attendance',
  input: z
    .object({ from: isoDate, to: isoDate, boardId: recordId('board').optional(), format: z.enum(['docx', 'csv']), variant: z.enum(['public', 'full']).default('public') })
    .strict()
    .refine((p) => p.from <= p.to, { message: 'The period ends before it begins', path: ['to'] }),
});
/** The register of interests as it stood on a day, as Word (public: sensitive interests left out, Localism Act 2011 s.32). */
export const exportRegister = effect<ExportOutcome>()({
  name: 'exports:register',
  input: z.object({ on: isoDate.optional(), variant: z.enum(['public', 'full']).default('public') }).strict(),
});
/**
 * The yearly report (a safeguarding partnership's, Children Act 2004 s.16G) or a Health and
 * Wellbeing Board's annual summary, drafted from the records as Word or PDF; public by default.
 */
export const exportYearlyReport = effect<ExportOutcome>()({
  name: 'exports:yearlyReport',
  input: z
    .object({ boardId: recordId('board'), from: isoDate, to: isoDate, format: z.enum(['docx', 'pdf']), variant: z.enum(['public', 'full']).default('public'), taskId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/).optional() })
    .strict()
    .refine((p) => p.from <= p.to, { message: 'The period ends before it begins', path: ['to'] }),
});
