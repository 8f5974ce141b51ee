import { z } from 'zod';
import { isoDate, line, markdown, recordId } from '../schema/common';
import { packBuildSchema, type AgendaItem, type RecordOf } from '../schema/records';
import { getRecord } from '../data';
import { formatUkDate } from '../rules/dates';
import { ChangeSet, defineCommand } from './context';

/** Records a saved pack in the history; an override of pre-flight errors is journaled with its reason. */
export const recordPackBuild = defineCommand({
  name: 'pack.recordBuild',
  input: packBuildSchema.pick({ meetingId: true, variant: true, fileName: true, filePath: true, bytes: true, sha256: true, warnings: true, override: true }).strict(),
  apply(data, input, ctx) {
    const meeting = getRecord(data, 'meeting', input.meetingId);
    const board = getRecord(data, 'board', meeting.boardId);
    const cs = new ChangeSet(data, ctx);
    cs.create<RecordOf<'packBuild'>>({ id: ctx.newId('packBuild'), type: 'packBuild', ...input, builtAt: ctx.now() });
    const what = `Built the ${input.variant} pack for ${board.shortName}, ${formatUkDate(meeting.date)}: ${input.fileName} (SHA-256 ${input.sha256.slice(0, 12)}…)`;
    const override = input.override ? `; overrode ${input.override.errors.length} pre-flight error(s) because: ${input.override.reason}` : '';
    return cs.result('pack.recordBuild', what + override);
  },
});

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
export const importPaper = defineCommand({
  name: 'paper.import',
  input: z
    .object({
      agendaItemId: recordId('agendaItem'),
      body: markdown.refine((s) => s.trim().length > 0, 'The file has no text to import'),
      sourceFile: line(300),
      receivedOn: isoDate.optional(),
      expectedRev: z.number().int().min(1).optional(),
    })
    .strict(),
  apply(data, input, ctx) {
    const item = getRecord(data, 'agendaItem', input.agendaItemId);
    const cs = new ChangeSet(data, ctx);
    const paper = item.paper ?? { status: 'requested' as const, coverSheet: emptyCoverSheet(), body: '' };
    cs.update(item, { paper: { ...paper, status: 'received', body: input.body, receivedOn: input.receivedOn ?? ctx.today() } }, input.expectedRev);
    return cs.result('paper.import', `Imported the paper for “${item.title.slice(0, 80)}” from ${input.sourceFile}`);
  },
});
