import { z } from 'zod';
import { clip } from '../rules/words';
import { expectedRev, isoDate, line, markdown, recordId } from '../schema/common';
import { packBuildSchema, type AgendaItem, type Meeting, type RecordOf } from '../schema/records';
import { findRecord, getRecord, recordsWhere, type StoreData } from '../data';
import { agendaToPublish } from '../rules/agenda';
import { formatUkDate } from '../rules/dates';
import { ChangeSet } from '../kernel/changeSet';
import { clearancesReset } from '../rules/clearance';
import { effect, internalMutation, query } from '../kernel/operation';
import { PACK_VARIANTS } from '../pack/model';
import { preflight } from '../pack/preflight';
import { supplementCandidates } from '../pack/supplement';
import type { PackBuildOutcome, PaperImportOutcome, SitePublishOutcome } from '../views';
import { compareCodes } from '../rules/textOrder';
import { coverSheetFromPaper, fillCoverSheet, filledInWords } from '../imports/coverSheetFromPaper';

/** Records a saved pack in the history; an override of pre-flight errors is journaled with its reason. */
export const recordPackBuild = internalMutation({
  name: 'pack:recordBuild',
  writes: ['packBuild', 'agendaItem', 'meeting'],
  input: packBuildSchema.pick({ meetingId: true, variant: true, fileName: true, format: true, items: true, forPersonId: true, contents: true, pages: true, supplement: true, filePath: true, bytes: true, sha256: true, warnings: true, override: true }).strict(),
  apply(data, input, ctx) {
    const meeting = getRecord(data, 'meeting', input.meetingId);
    const board = getRecord(data, 'board', meeting.boardId);
    const cs = new ChangeSet(data, ctx);
    cs.create<RecordOf<'packBuild'>>({ id: ctx.newId('packBuild'), type: 'packBuild', ...input, builtAt: ctx.now() });
    // A whole pack publishes the agenda: its numbers and times are fixed as members received them.
    if (!input.items && !input.supplement && meeting.status !== 'minutes-approved') {
      publishAgenda(data, cs, meeting);
      if (meeting.status === 'planned') cs.update(meeting, { status: 'agenda-published' });
    }
    const forWhom = input.forPersonId ? `${findRecord(data, 'person', input.forPersonId)?.name ?? 'a member'}’s copy of the ` : '';
    const kind = input.supplement ? `supplement (item${input.supplement.items.length === 1 ? '' : 's'} ${input.supplement.items.map((i) => i.number).join(', ')}) ` : input.items ? `printout of item${input.items.length === 1 ? '' : 's'} ${input.items.join(', ')} ` : 'pack ';
    const what = `Built ${forWhom ? forWhom : 'the '}${input.variant} ${input.format === 'pdf' ? 'PDF ' : ''}${kind}for ${board.shortName}, ${formatUkDate(meeting.date)}: ${input.fileName} (SHA-256 ${input.sha256.slice(0, 12)}…)`;
    const of = input.supplement ? findRecord(data, 'packBuild', input.supplement.of) : undefined;
    const supplementing = of ? `, supplementing ${of.fileName}` : '';
    const override = input.override ? `; overrode ${input.override.errors.length} pre-flight error(s) because: ${input.override.reason}` : '';
    return cs.result(what + supplementing + override);
  },
});

/** Stores each item's number and start time as they stand, for the items not yet fixed (rules/agenda.ts). */
export const publishAgenda = (data: StoreData, cs: ChangeSet, meeting: Meeting) => {
  for (const { item, published } of agendaToPublish(recordsWhere(data, 'agendaItem', 'meetingId', meeting.id), meeting.startTime)) cs.update(item, { published });
};

/** A cover sheet with nothing filled in yet, public until someone says otherwise. */
export const emptyCoverSheet = (): NonNullable<AgendaItem['paper']>['coverSheet'] => ({
  reportOf: '',
  author: '',
  authorContact: '',
  executiveSummary: '',
  recommendations: [],
  implications: { finance: '', legal: '', equalities: '', risk: '' },
  backgroundPapers: '',
  classification: 'public',
});

/** A paper imported from Word or Markdown becomes the item's paper body, received today. */
export const importPaper = internalMutation({
  name: 'paper:receiveImported',
  writes: ['agendaItem'],
  input: z
    .object({
      agendaItemId: recordId('agendaItem'),
      body: markdown.refine((s) => s.trim().length > 0, 'The file has no text to import'),
      sourceFile: line(300),
      receivedOn: isoDate.optional(),
      expectedRev,
    })
    .strict(),
  apply(data, input, ctx) {
    const item = getRecord(data, 'agendaItem', input.agendaItemId);
    const cs = new ChangeSet(data, ctx);
    const paper = item.paper ?? { status: 'requested' as const, coverSheet: emptyCoverSheet(), body: '' };
    // A paper on the council's report template says its recommendations, summary and implications itself: they fill the cover sheet's empty fields.
    const { cover, filled } = fillCoverSheet(paper.coverSheet, coverSheetFromPaper(input.body));
    const next = cs.update(item, { paper: { ...paper, coverSheet: cover, status: 'received', body: input.body, receivedOn: input.receivedOn ?? ctx.today() } }, input.expectedRev);
    const fromPaper = filled.length ? `; the cover sheet’s ${filledInWords(filled)} taken from the paper, for you to check` : '';
    return cs.result(`Imported the paper for “${clip(item.title, 80)}” from ${input.sourceFile}${fromPaper}${clearancesReset(data, item, next)}`);
  },
});

// Queries

const meetingAndVariant = z.object({ meetingId: recordId('meeting'), variant: z.enum(PACK_VARIANTS) }).strict();

/** What would stop or mar the pack: papers missing or late, cover sheets, Part 2, accessibility. */
export const checkPack = query({
  name: 'pack:preflight',
  input: meetingAndVariant,
  reads: 'all',
  // The officer reads the pre-flight before pressing Build: the pack builder reads the papers meanwhile.
  prepares: 'pack:build',
  view: (data, { meetingId, variant }, env) => preflight(data, meetingId, variant, env.today, env.holidays, env.hasImage),
});

/**
 * What a supplement to the last pack saved would hold: the papers since received or changed, and
 * whether the board's council rules ask for a reason for urgency; null when no pack has been saved.
 */
export const supplementPlanQuery = query({
  name: 'pack:supplementItems',
  input: meetingAndVariant,
  reads: 'all',
  view: (data, { meetingId, variant }, env) => {
    if (!recordsWhere(data, 'packBuild', 'meetingId', meetingId).some((b) => b.variant === variant && !b.items && !b.supplement && b.contents)) return null;
    const { base, items } = supplementCandidates(data, meetingId, variant, env.today);
    const board = getRecord(data, 'board', getRecord(data, 'meeting', meetingId).boardId);
    return { base: { id: base.id, fileName: base.fileName, builtAt: base.builtAt }, items, urgencyNeeded: board.rules === 'council-committee' };
  },
});

/** Every pack saved for a meeting, newest first. */
export const packHistory = query({
  name: 'pack:history',
  input: z.object({ meetingId: recordId('meeting') }).strict(),
  reads: ['packBuild'],
  view: (data, { meetingId }) => recordsWhere(data, 'packBuild', 'meetingId', meetingId).sort((a, b) => compareCodes(b.builtAt, a.builtAt)),
});

// Effects (main/services/effects.ts)

/** Pre-flight, the save dialog, the worker, the file and the history: the pack in one click. */
export const buildPack = effect<PackBuildOutcome>()({
  name: 'pack:build',
  input: meetingAndVariant
    .extend({
      overrideReason: z.string().trim().max(2000).optional(),
      taskId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
      format: z.enum(['docx', 'pdf']).optional(),
      /** Only these agenda items' papers, as a PDF of their own. */
      items: z.array(z.number().int().min(1).max(999)).min(1).max(200).optional(),
      /** One member's copy of the full pack: their possible interests on the cover, and the board's conflicts policy applied. */
      forPersonId: recordId('person').optional(),
      /** A supplement to the last pack saved: why each late or changed paper is late (and urgent, under council rules). */
      supplement: z.record(recordId('agendaItem'), z.object({ lateReason: line(2000), urgency: line(2000).optional() }).strict()).optional(),
    })
    .strict(),
});
/**
 * The folder dialog, then the public website written into the folder chosen: each board's meetings,
 * agendas, public papers, approved minutes, decisions, action logs and forward plan, with each
 * meeting's public PDF pack; only what changed is written. `since`: meetings from this date.
 */
export const publishWebsite = effect<SitePublishOutcome>()({
  name: 'pack:publish',
  input: z.object({ taskId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/), since: isoDate.optional(), boardId: recordId('board').optional() }).strict(),
});
export const openPack = effect<{ opened: boolean }>()({ name: 'pack:open', input: z.object({ packBuildId: recordId('packBuild') }).strict() });
export const showPackInFolder = effect<{ shown: boolean }>()({ name: 'pack:showInFolder', input: z.object({ packBuildId: recordId('packBuild') }).strict() });
/**
 * The system open dialog for a .docx or .md paper; `replace` confirms overwriting a paper already
 * received. A Word paper still holding tracked changes or comments comes back asking what to do
 * with them; `reviewMarks` answers for the file just chosen (accept them all, or keep them showing).
 */
export const importPaperFile = effect<PaperImportOutcome>()({
  name: 'paper:import',
  input: z.object({ agendaItemId: recordId('agendaItem'), replace: z.boolean().optional(), reviewMarks: z.enum(['accept', 'keep']).optional() }).strict(),
});
