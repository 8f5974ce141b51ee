import { z } from 'zod';
import type { Channel, EventName } from './channels';
import type { Result } from './result';
import type { Dashboard } from './rules/dashboard';
import type { AgendaItem, Board, Meeting, PackBuild, Partnership, TermsOfReference } from './schema/records';
import { approveTor, discardTorDraft, saveTorDraft } from './commands/tor';
import { addProtocolComment, createProtocol, recordCirculation, respondToComment, saveProtocolDraft, signOffProtocol, startConsultation, updateProtocol } from './commands/protocols';
import type { ProtocolSummaryLine, ProtocolView } from './rules/protocolView';
import type { SectionDiff } from './rules/protocolDiff';
import type { ForwardPlanRow, PlannerView } from './rules/planView';
import { raiseDeepDiveAction, saveDeepDive, saveForwardPlanItem, scheduleDeepDive, setDeepDiveStatus, setForwardPlanStatus } from './commands/plan';
import { FORWARD_PLAN_STATUSES } from './schema/plan';
import { addAgendaItem, moveAgendaItem, removeAgendaItem, setPart2, setStandingItems, updateAgendaItem, updateCoverSheet, updatePaperBody } from './commands/agenda';
import { addDeclaration, removeAttendance, removeDeclaration, setAttendance } from './commands/attendance';
import { createMeeting, draftMeetingAgenda, updateMeeting } from './commands/meetings';
import { addResolution, approveMinutes, raiseAction, removeResolution, updateAction, updateMinutes, updateResolution } from './commands/minutes';
import { addActionUpdate } from './commands/actions';
import type { MeetingView } from './rules/meetingView';
import type { ActionLogEntry } from './rules/actionLog';
import { ACTION_FILTER_STATUSES } from './rules/actionLog';
import type { OutstandingPaper } from './rules/papers';
import type { PreflightReport } from './pack/preflight';
import { PACK_VARIANTS } from './pack/model';
import { WORD_EXPORTS } from './exports/kinds';
import type { RecordType } from './schema/common';
import { partnershipSchema } from './schema/records';
import { line, recordId } from './schema/common';

export type BackupInfo = { id: string; takenAt: string; bytes: number; reason: string };

export type JournalEntryView = {
  seq: number;
  at: string;
  user: string;
  command: string;
  summary: string;
  ids: string[];
};

export type JournalCheck = { ok: boolean; entries: number; problem?: string };

export type StoreStatus = {
  state: 'ready' | 'empty' | 'recovery-needed';
  dataDir: string;
  counts: Partial<Record<RecordType, number>>;
  journal: JournalCheck;
  /** Set when the store at load was corrupt, empty or invalid and has been quarantined. */
  recovery?: { reason: string; quarantinedFile: string; backups: BackupInfo[] };
  /** Messages from load that the user should see once (a migration ran, a journal was repaired). */
  notices: string[];
};

export type MeetingSummary = {
  id: Meeting['id'];
  boardId: string;
  boardName: string;
  date: string;
  startTime: string;
  venue: string;
  status: Meeting['status'];
  agendaItems: number;
  isNext: boolean;
};

/** A pack build from the app: saved (with its file, size and hash) or cancelled at the save dialog. */
export type PackBuildOutcome =
  | { saved: false; reason: string }
  | { saved: true; file: string; bytes: number; sha256: string; overridden: boolean; errors: number; warnings: number };

/** A paper imported onto an agenda item, or the open dialog cancelled. `notes` say what to check. */
export type PaperImportOutcome =
  | { imported: false; reason: string }
  | { imported: true; sourceFile: string; characters: number; images: number; notes: string[] };

/** One line of a meeting's agenda as the Pack screen shows it: no paper bodies (they can be megabytes). */
export type AgendaLine = {
  id: AgendaItem['id'];
  rev: number;
  number: number;
  title: string;
  purpose: AgendaItem['purpose'];
  standing: boolean;
  part2: AgendaItem['part2'] | null;
  paper: null | {
    status: NonNullable<AgendaItem['paper']>['status'];
    receivedOn: string | null;
    author: string | null;
    coverSheet: NonNullable<AgendaItem['paper']>['coverSheet'];
    bodyCharacters: number;
  };
};

/** What a change did, in the journal's words ("Added … to the agenda"), for the screen to confirm. */
export type Done = { summary: string };
export type BoardOption = { id: Board['id']; rev: number; name: string; shortName: string; standingItems: Board['standingItems'] };

/** A file exported through the save dialog, or the dialog cancelled. */
export type ExportOutcome = { saved: false; reason: string } | { saved: true; file: string; bytes: number };

/** A board's terms of reference, every version (newest first), with what the editor picks from. */
export type TorView = {
  /** Today in England, by the app's clock, for "review due in N days". */
  today: string;
  board: { id: Board['id']; name: string; shortName: string };
  versions: TermsOfReference[];
  people: { id: string; name: string; organisationId: string }[];
  organisations: { id: string; name: string }[];
  boards: { id: Board['id']; name: string }[];
  meetings: { id: string; date: string }[];
};

/** A partner's returned Word copy read into review comments, or the open dialog cancelled. */
export type ReturnedCopyOutcome =
  | { imported: false; reason: string }
  | { imported: true; sourceFile: string; comments: number; reports: string[]; authors: { author: string; organisation: string; count: number; known: boolean }[] };

export type AppInfo = { version: string; dataDir: string; user: string; platform: string };

const def = <I extends z.ZodType>(input: I) => ({
  returns: <R>() => ({ input, result: undefined as unknown as R }),
});

const noInput = z.object({}).strict();
const backupId = z.string().regex(/^[A-Za-z0-9._-]{1,120}\.json$/, 'Not a backup name');

export const partnershipDetailsInput = z
  .object({
    name: line(200),
    area: partnershipSchema.shape.area,
    defaultVenue: partnershipSchema.shape.defaultVenue,
    contact: partnershipSchema.shape.contact,
    colours: partnershipSchema.shape.colours,
    expectedRev: z.number().int().min(1).optional(),
  })
  .strict();

/** Every channel: its input schema and what it returns on success. */
export const contract = {
  'app:info': def(noInput).returns<AppInfo>(),
  'store:status': def(noInput).returns<StoreStatus>(),
  'store:start': def(
    z.discriminatedUnion('mode', [
      z.object({ mode: z.literal('example') }).strict(),
      z.object({ mode: z.literal('empty'), name: line(200) }).strict(),
    ]),
  ).returns<StoreStatus>(),
  'store:recover': def(z.object({ backupId }).strict()).returns<StoreStatus>(),
  'dashboard:get': def(noInput).returns<Dashboard>(),
  'partnership:get': def(noInput).returns<Partnership | null>(),
  'partnership:update': def(partnershipDetailsInput).returns<Partnership>(),
  'backups:list': def(noInput).returns<BackupInfo[]>(),
  'backups:restore': def(z.object({ backupId }).strict()).returns<StoreStatus>(),
  'journal:list': def(z.object({ limit: z.number().int().min(1).max(1000) }).strict()).returns<{
    check: JournalCheck;
    entries: JournalEntryView[];
  }>(),
  'settings:moveDataFolder': def(noInput).returns<{ moved: boolean; dataDir: string; message: string }>(),
  'shell:openExternal': def(z.object({ url: z.string().max(2000) }).strict()).returns<{ opened: boolean }>(),
  'meetings:list': def(noInput).returns<MeetingSummary[]>(),
  'pack:preflight': def(z.object({ meetingId: recordId('meeting'), variant: z.enum(PACK_VARIANTS) }).strict()).returns<PreflightReport>(),
  'pack:build': def(
    z.object({ meetingId: recordId('meeting'), variant: z.enum(PACK_VARIANTS), overrideReason: z.string().trim().max(2000).optional(), taskId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/) }).strict(),
  ).returns<PackBuildOutcome>(),
  'pack:history': def(z.object({ meetingId: recordId('meeting') }).strict()).returns<PackBuild[]>(),
  'pack:open': def(z.object({ packBuildId: recordId('packBuild') }).strict()).returns<{ opened: boolean }>(),
  'pack:showInFolder': def(z.object({ packBuildId: recordId('packBuild') }).strict()).returns<{ shown: boolean }>(),
  /** Opens the system file dialog for a .docx or .md paper; `replace` confirms overwriting a paper already received. */
  'paper:import': def(z.object({ agendaItemId: recordId('agendaItem'), replace: z.boolean().optional() }).strict()).returns<PaperImportOutcome>(),
  'paper:updateCoverSheet': def(updateCoverSheet.input).returns<AgendaLine>(),
  'agenda:list': def(z.object({ meetingId: recordId('meeting') }).strict()).returns<AgendaLine[]>(),
  'agenda:setPartTwo': def(setPart2.input).returns<AgendaLine>(),
  'agenda:draft': def(draftMeetingAgenda.input).returns<Done>(),
  'agenda:add': def(addAgendaItem.input).returns<Done>(),
  'agenda:update': def(updateAgendaItem.input).returns<Done>(),
  'agenda:move': def(moveAgendaItem.input).returns<Done>(),
  'agenda:remove': def(removeAgendaItem.input).returns<Done>(),
  'meetings:get': def(z.object({ meetingId: recordId('meeting') }).strict()).returns<MeetingView>(),
  'meetings:create': def(createMeeting.input).returns<Done & { meetingId: string }>(),
  'meetings:update': def(updateMeeting.input).returns<Done>(),
  'attendance:set': def(setAttendance.input).returns<Done>(),
  'attendance:remove': def(removeAttendance.input).returns<Done>(),
  'declarations:add': def(addDeclaration.input).returns<Done>(),
  'declarations:remove': def(removeDeclaration.input).returns<Done>(),
  'minutes:update': def(updateMinutes.input).returns<Done>(),
  'minutes:approve': def(approveMinutes.input).returns<Done>(),
  'resolutions:add': def(addResolution.input).returns<Done>(),
  'resolutions:update': def(updateResolution.input).returns<Done>(),
  'resolutions:remove': def(removeResolution.input).returns<Done>(),
  'actions:list': def(
    z.object({ boardId: recordId('board').optional(), ownerPersonId: recordId('person').optional(), status: z.enum(ACTION_FILTER_STATUSES).optional() }).strict(),
  ).returns<ActionLogEntry[]>(),
  'actions:raise': def(raiseAction.input).returns<Done>(),
  'actions:update': def(updateAction.input).returns<Done>(),
  'actions:addUpdate': def(addActionUpdate.input).returns<Done>(),
  'papers:outstanding': def(z.object({ boardId: recordId('board').optional() }).strict()).returns<OutstandingPaper[]>(),
  'boards:list': def(noInput).returns<BoardOption[]>(),
  'boards:setStandingItems': def(setStandingItems.input).returns<Done>(),
  'paper:updateBody': def(updatePaperBody.input).returns<Done>(),
  /** One paper's text, for editing (the agenda views leave bodies out: they can be megabytes). */
  'paper:get': def(z.object({ agendaItemId: recordId('agendaItem') }).strict()).returns<{ rev: number; body: string }>(),
  'exports:word': def(z.object({ kind: z.enum(WORD_EXPORTS), meetingId: recordId('meeting'), variant: z.enum(PACK_VARIANTS) }).strict()).returns<ExportOutcome>(),
  'tor:get': def(z.object({ boardId: recordId('board') }).strict()).returns<TorView>(),
  'tor:saveDraft': def(saveTorDraft.input).returns<Done>(),
  'tor:approve': def(approveTor.input).returns<Done>(),
  'tor:discardDraft': def(discardTorDraft.input).returns<Done>(),
  'protocols:list': def(noInput).returns<ProtocolSummaryLine[]>(),
  'protocols:get': def(z.object({ protocolId: recordId('protocol') }).strict()).returns<ProtocolView>(),
  'protocols:create': def(createProtocol.input).returns<Done & { protocolId: string }>(),
  'protocols:update': def(updateProtocol.input).returns<Done>(),
  'protocols:saveDraft': def(saveProtocolDraft.input).returns<Done>(),
  'protocols:startConsultation': def(startConsultation.input).returns<Done>(),
  'protocols:comment': def(addProtocolComment.input).returns<Done>(),
  'protocols:respond': def(respondToComment.input).returns<Done>(),
  'protocols:signOff': def(signOffProtocol.input).returns<Done>(),
  'protocols:recordCirculation': def(recordCirculation.input).returns<Done>(),
  'protocols:importReturned': def(z.object({ protocolVersionId: recordId('protocolVersion'), organisationId: recordId('organisation') }).strict()).returns<ReturnedCopyOutcome>(),
  'dives:planner': def(z.object({ boardId: recordId('board') }).strict()).returns<PlannerView>(),
  'dives:save': def(saveDeepDive.input).returns<Done>(),
  'dives:schedule': def(scheduleDeepDive.input).returns<Done>(),
  'dives:setStatus': def(setDeepDiveStatus.input).returns<Done>(),
  'dives:raiseAction': def(raiseDeepDiveAction.input).returns<Done>(),
  'plan:list': def(z.object({ boardId: recordId('board').optional(), authorPersonId: recordId('person').optional(), status: z.enum(FORWARD_PLAN_STATUSES).optional() }).strict()).returns<ForwardPlanRow[]>(),
  'plan:save': def(saveForwardPlanItem.input).returns<Done>(),
  'plan:setStatus': def(setForwardPlanStatus.input).returns<Done>(),
  'people:list': def(noInput).returns<{ id: string; name: string; organisation: string }[]>(),
  'protocols:compare': def(z.object({ fromVersionId: recordId('protocolVersion'), toVersionId: recordId('protocolVersion') }).strict()).returns<SectionDiff[]>(),
  'exports:governance': def(
    z.discriminatedUnion('what', [z.object({ what: z.literal('tor'), id: recordId('tor') }).strict(), z.object({ what: z.literal('protocol'), id: recordId('protocolVersion'), trackedChanges: z.boolean().optional() }).strict()]),
  ).returns<ExportOutcome>(),
  'exports:plan': def(z.object({ what: z.enum(['deep-dives', 'forward-plan']), boardId: recordId('board').optional() }).strict()).returns<ExportOutcome>(),
  'exports:calendar': def(z.object({ boardId: recordId('board').optional() }).strict()).returns<ExportOutcome>(),
} satisfies Record<Channel, { input: z.ZodType; result: unknown }>;

export const events = {
  'store:changed': z.object({ command: z.string(), ids: z.array(z.string()) }),
  'task:progress': z.object({ taskId: z.string(), label: z.string(), done: z.number(), total: z.number() }),
} satisfies Record<EventName, z.ZodType>;

export type Contract = typeof contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelArgs<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelResult<C extends Channel> = Contract[C]['result'];
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** What main implements: one handler per channel, or the build fails. */
export type Handlers = { [C in Channel]: (input: ChannelArgs<C>) => Promise<ChannelResult<C>> | ChannelResult<C> };

type Method<C extends Channel> = {} extends ChannelInput<C>
  ? (input?: ChannelInput<C>) => Promise<Result<ChannelResult<C>>>
  : (input: ChannelInput<C>) => Promise<Result<ChannelResult<C>>>;

/** `window.quorum`: `quorum.dashboard.get()`, `quorum.partnership.update({...})`, `quorum.on(...)`. */
export type QuorumBridge = {
  [A in Channel extends `${infer X}:${string}` ? X : never]: {
    [C in Extract<Channel, `${A}:${string}`> as C extends `${string}:${infer V}` ? V : never]: Method<C>;
  };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};
