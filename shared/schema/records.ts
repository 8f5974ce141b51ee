import { z } from 'zod';
import { clockTime, isoDate, isoTimestamp, line, markdown, optionalLine, recordBase, recordId } from './common';
import { SCHEDULE_12A_PARAGRAPHS } from './schedule12a';
import { ITEM_PURPOSES } from './purposes';
import { DEEP_DIVE_STATUSES, EVIDENCE_KINDS, FORWARD_PLAN_KINDS, FORWARD_PLAN_STATUSES } from './plan';
import { interestReturnSchema, interestSchema, registerRoundSchema } from './interests';
import { clearanceRequestSchema, clearanceRuleSchema, clearanceSchema, paperStandardsSchema } from './clearance';
import { mailSettingsSchema, messageSchema } from './outbox';
export { PAPER_KINDS, type PaperKind, type ClearanceRule } from './clearance';
import { caseSchema, decisionReplySchema, decisionSchema, obligationSchema } from './statutory';
export { CASE_KINDS, DECISION_ROUTES, VOTES, type CaseKind } from './statutory';
export { DEEP_DIVE_STATUSES, EVIDENCE_KINDS, FORWARD_PLAN_KINDS, FORWARD_PLAN_STATUSES } from './plan';

// ---- The partnership and its people -------------------------------------------------------

export const partnershipSchema = recordBase('partnership').extend({
  name: line(200),
  area: optionalLine(200),
  /** File name of the logo inside the data folder's `images/`, with its alt text. */
  logo: z.object({ file: line(200), altText: line(300) }).optional(),
  colours: z.object({
    primary: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #1F4E79'),
    accent: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #1F4E79'),
  }),
  defaultVenue: optionalLine(300),
  contact: z.object({ name: optionalLine(200), email: optionalLine(200), phone: optionalLine(60) }),
  /** The partnership's own mail server for the outbox (the password is never stored here). */
  mail: mailSettingsSchema.optional(),
});

export const ORGANISATION_KINDS = ['council', 'police', 'health', 'education', 'voluntary', 'other'] as const;
export const organisationSchema = recordBase('organisation').extend({
  name: line(200),
  kind: z.enum(ORGANISATION_KINDS),
  /** No longer part of the partnership: kept on every past record, gone from pickers. */
  retiredOn: isoDate.optional(),
});

export const personSchema = recordBase('person').extend({
  name: line(200),
  jobTitle: optionalLine(200),
  organisationId: recordId('organisation'),
  email: optionalLine(200),
  phone: optionalLine(60).optional(),
  /** Left the partnership: kept on every past record (minutes, actions, seats), gone from pickers. */
  retiredOn: isoDate.optional(),
});

// ---- Boards and their terms of reference ---------------------------------------------------

export const BOARD_KINDS = ['childrens-trust', 'safeguarding-partnership', 'health-and-wellbeing', 'other'] as const;
/**
 * Which statutory rules apply. An HWB is a council committee (Local Government Act 1972 s.100B:
 * agenda 5 clear working days ahead, Schedule 12A exemptions, 28 days' notice of key decisions);
 * other partnership boards usually follow their own terms of reference.
 */
export const BOARD_RULES = ['council-committee', 'own-terms-of-reference'] as const;

export const STANDING_ITEM_KINDS = [
  'apologies',
  'declarations',
  'minutes',
  'action-log',
  'partner-updates',
  'forward-plan',
  'aob',
] as const;

export const boardSchema = recordBase('board').extend({
  name: line(200),
  shortName: line(40),
  kind: z.enum(BOARD_KINDS),
  rules: z.enum(BOARD_RULES),
  /** Standing items that open and close every agenda of this board, in order. */
  standingItems: z.array(z.object({ kind: z.enum(STANDING_ITEM_KINDS), title: line(200), durationMinutes: z.number().int().min(0).max(600) })).max(30),
  /** Stopped meeting: its history is kept; it drops out of the checks and the pickers. */
  closedOn: isoDate.optional(),
  /** The clearances a paper needs before it goes to this board, by kind of paper (none: no clearance asked). */
  clearanceRules: z.array(clearanceRuleSchema).max(20).optional(),
  /** The board's own standards for its papers; absent, the defaults from good practice. */
  paperStandards: paperStandardsSchema.optional(),
  /**
   * Whether a member with a possible interest in a Part 2 item is sent its papers: 'send' (the
   * member declares and the chair decides at the meeting) or 'withhold' (the papers are left out of
   * that member's pack). Absent: 'send'.
   */
  conflictPolicy: z.enum(['send', 'withhold']).optional(),
});

export const TOR_STATUSES = ['draft', 'approved', 'superseded'] as const;
export const torMemberSchema = z.object({
  key: line(64),
  role: line(200),
  organisationId: recordId('organisation'),
  personId: recordId('person').optional(),
  deputyAllowed: z.boolean(),
  voting: z.boolean(),
  /**
   * A statutory seat: one of the three safeguarding partners (Children Act 2004 s.16E; Working
   * Together to Safeguard Children 2023, chapter 2), or a member the Health and Social Care Act 2012
   * s.194 requires on a Health and Wellbeing Board. Attendance reports the meetings it was not filled.
   */
  statutory: z.boolean().optional(),
});
/**
 * A quorum rule as boards write it: "a third of members including the chair or vice-chair and
 * three agencies". Each part is optional; all the parts given must hold.
 */
export const quorumRuleSchema = z.object({
  minMembers: z.number().int().min(0).max(200).optional(),
  minFraction: z.number().min(0).max(1).optional(),
  requireChairOrVice: z.boolean(),
  minAgencies: z.number().int().min(0).max(50).optional(),
  text: optionalLine(500),
});
export const torSchema = recordBase('tor').extend({
  boardId: recordId('board'),
  version: z.number().int().min(1),
  status: z.enum(TOR_STATUSES),
  purpose: markdown,
  responsibilities: markdown,
  members: z.array(torMemberSchema).max(200),
  chairMemberKey: optionalLine(64).optional(),
  viceChairMemberKey: optionalLine(64).optional(),
  quorum: quorumRuleSchema,
  meetingsPerYear: z.number().int().min(1).max(52),
  deepDivesPerMeeting: z.number().int().min(0).max(10),
  paperDeadlineWorkingDays: z.number().int().min(0).max(60),
  reportsToBoardIds: z.array(recordId('board')).max(20),
  permissions: z.array(line(300)).max(30),
  /**
   * The board may decide between meetings by written resolution (a board under its own terms of
   * reference only: a council committee decides at a meeting, LGA 1972 s.101 and Schedule 12).
   */
  writtenResolutions: z.boolean().optional(),
  reviewDate: isoDate,
  approval: z.object({ date: isoDate, meetingId: recordId('meeting').optional(), minuteRef: optionalLine(100) }).optional(),
});

// ---- Protocols between boards -------------------------------------------------------------

export const PROTOCOL_STATUSES = ['draft', 'consultation', 'agreed', 'superseded'] as const;
export const protocolSchema = recordBase('protocol').extend({
  title: line(300),
  partyBoardIds: z.array(recordId('board')).min(2, 'A protocol is between two or more boards').max(10),
  reviewDate: isoDate,
});
export const protocolSectionSchema = z.object({
  key: line(64),
  number: line(20),
  heading: line(300),
  body: markdown,
});
export const protocolVersionSchema = recordBase('protocolVersion').extend({
  protocolId: recordId('protocol'),
  version: z.number().int().min(1),
  status: z.enum(PROTOCOL_STATUSES),
  changeSummary: optionalLine(2000),
  sections: z.array(protocolSectionSchema).max(500),
});
/** Write-once: a partner's comment on a section. Its outcome is a separate commentResponse. */
export const protocolCommentSchema = recordBase('protocolComment').extend({
  protocolVersionId: recordId('protocolVersion'),
  sectionKey: line(64),
  author: line(200),
  organisationId: recordId('organisation'),
  text: line(20_000),
  madeAt: isoTimestamp,
});
export const COMMENT_OUTCOMES = ['accepted', 'declined'] as const;
export const commentResponseSchema = recordBase('commentResponse').extend({
  commentId: recordId('protocolComment'),
  outcome: z.enum(COMMENT_OUTCOMES),
  response: line(20_000),
  respondedAt: isoTimestamp,
});
export const signOffSchema = recordBase('signOff').extend({
  protocolVersionId: recordId('protocolVersion'),
  boardId: recordId('board'),
  date: isoDate,
  meetingId: recordId('meeting').optional(),
  minuteRef: optionalLine(100),
});
export const circulationSchema = recordBase('circulation').extend({
  protocolVersionId: recordId('protocolVersion'),
  sentTo: line(300),
  sentOn: isoDate,
});

// ---- Deep dives and the forward plan ------------------------------------------------------

export const part2Schema = z.object({
  paragraph: z.union(SCHEDULE_12A_PARAGRAPHS.map((n) => z.literal(n))),
  reason: optionalLine(1000),
  publicTitle: optionalLine(300).optional(),
});
export const deepDiveSchema = recordBase('deepDive').extend({
  boardId: recordId('board'),
  theme: line(300),
  meetingId: recordId('meeting').optional(),
  leadPersonId: recordId('person').optional(),
  presenterIds: z.array(recordId('person')).max(20),
  whyNow: markdown,
  linesOfEnquiry: z.array(line(1000)).max(30),
  evidence: z
    .array(z.object({ description: line(500), kind: z.enum(EVIDENCE_KINDS), providedBy: optionalLine(200), due: isoDate.optional() }))
    .max(50),
  status: z.enum(DEEP_DIVE_STATUSES),
  outcomes: markdown,
  recommendations: z.array(line(2000)).max(50),
  followUpMeetingId: recordId('meeting').optional(),
  /**
   * A theme taken off a meeting where its item was in Part 2 keeps that item's exemption, so its
   * theme and reasons stay out of every public output while it waits unscheduled; it goes back onto
   * the item when the theme is placed again.
   */
  part2: part2Schema.optional(),
});

export const forwardPlanItemSchema = recordBase('forwardPlanItem').extend({
  boardId: recordId('board'),
  title: line(300),
  kind: z.enum(FORWARD_PLAN_KINDS),
  authorPersonId: recordId('person').optional(),
  meetingId: recordId('meeting').optional(),
  origin: optionalLine(500),
  status: z.enum(FORWARD_PLAN_STATUSES),
  deferredReason: optionalLine(1000),
  keyDecision: z.boolean(),
});

// ---- Meetings -----------------------------------------------------------------------------

export const MEETING_STATUSES = ['planned', 'agenda-published', 'held', 'minutes-approved', 'cancelled'] as const;
export const meetingSchema = recordBase('meeting').extend({
  boardId: recordId('board'),
  date: isoDate,
  startTime: clockTime,
  endTime: clockTime,
  venue: optionalLine(300),
  status: z.enum(MEETING_STATUSES),
  /** Where the draft minutes were approved: the next meeting and its minute reference. */
  minutesApproval: z.object({ meetingId: recordId('meeting'), minuteRef: optionalLine(100) }).optional(),
  /** Called off: kept in the history with why, out of the counts, the pickers and the packs. */
  cancellation: z.object({ reason: line(1000), on: isoDate }).optional(),
  /**
   * Corrections to minutes already approved: each agreed at a later meeting, with what changed and
   * why, and printed with the minutes. The approved text is otherwise frozen.
   */
  corrections: z
    .array(
      z.object({
        agendaItemId: recordId('agendaItem').optional(),
        change: line(2000),
        reason: line(2000),
        agreedAtMeetingId: recordId('meeting'),
        minuteRef: optionalLine(100),
        recordedOn: isoDate,
      }),
    )
    .max(200)
    .optional(),
});

export { ITEM_PURPOSES } from './purposes';
export { SCHEDULE_12A_PARAGRAPHS, SCHEDULE_12A_DESCRIPTIONS } from './schedule12a';
export const PAPER_STATUSES = ['not-needed', 'requested', 'received'] as const;
export const coverSheetSchema = z.object({
  reportOf: optionalLine(300),
  author: optionalLine(200),
  authorContact: optionalLine(200),
  executiveSummary: markdown,
  recommendations: z.array(line(2000)).max(30),
  implications: z.object({
    finance: optionalLine(5000),
    legal: optionalLine(5000),
    equalities: optionalLine(5000),
    risk: optionalLine(5000),
    /** How the views and experiences of children shaped the paper: a safeguarding partnership asks it of every paper. */
    voiceOfChild: optionalLine(5000).optional(),
  }),
  backgroundPapers: optionalLine(2000),
  classification: z.enum(['public', 'exempt']),
});
export const paperSchema = z.object({
  status: z.enum(PAPER_STATUSES),
  authorPersonId: recordId('person').optional(),
  receivedOn: isoDate.optional(),
  coverSheet: coverSheetSchema,
  body: markdown,
});
/**
 * Part 2 (Local Government Act 1972 s.100A(4)): the Schedule 12A paragraph, the reason, and the
 * title the public sees when the working title would itself disclose exempt information (it may
 * name a provider or a child).
 */
export const agendaItemSchema = recordBase('agendaItem').extend({
  meetingId: recordId('meeting'),
  /** A sortable key, not an array position, so two offline edits can both insert items. */
  order: z.string().regex(/^[0-9a-z]{1,32}$/, 'Order keys are lowercase base-36'),
  title: line(300),
  standing: z.enum(['apologies', 'declarations', 'minutes', 'action-log', 'partner-updates', 'forward-plan', 'aob']).optional(),
  purpose: z.enum(ITEM_PURPOSES),
  durationMinutes: z.number().int().min(0).max(600),
  /** A fixed start time, when the chair sets one; otherwise it follows from the one before. */
  fixedStart: clockTime.optional(),
  presenterIds: z.array(recordId('person')).max(20),
  paper: paperSchema.optional(),
  part2: part2Schema.optional(),
  forwardPlanItemId: recordId('forwardPlanItem').optional(),
  deepDiveId: recordId('deepDive').optional(),
  /** The item that reports decisions taken since the last meeting (its public or its Part 2 one); its paper is written from them. */
  decisionsReport: z.enum(['public', 'part2']).optional(),
  minutes: markdown,
  /**
   * The number and start time members were sent, fixed when the agenda is published (a whole pack
   * built, or the minutes approved) and never recomputed: the minutes cite "item 5", so an item
   * moved into Part 2 afterwards keeps every other item's number.
   */
  published: z.object({ number: z.number().int().min(1).max(999), start: clockTime }).strict().optional(),
});

export const ATTENDANCE_STATUSES = ['present', 'apologies', 'absent', 'in-attendance'] as const;
export const attendanceSchema = recordBase('attendance').extend({
  meetingId: recordId('meeting'),
  personId: recordId('person'),
  status: z.enum(ATTENDANCE_STATUSES),
  /** ToR member key this person fills; for a substitute, the absent member's key. */
  memberKey: optionalLine(64).optional(),
  /** "A attended in place of B": the person B. */
  inPlaceOfPersonId: recordId('person').optional(),
  /** Why a member was not there (apologies or absent), for the attendance record; never published. */
  absenceReason: optionalLine(300).optional(),
});
export const declarationSchema = recordBase('declaration').extend({
  meetingId: recordId('meeting'),
  agendaItemId: recordId('agendaItem').optional(),
  personId: recordId('person'),
  interest: line(2000),
});
export const resolutionSchema = recordBase('resolution').extend({
  meetingId: recordId('meeting'),
  agendaItemId: recordId('agendaItem'),
  number: z.number().int().min(1).max(99),
  text: line(5000),
});

export const ACTION_STATUSES = ['open', 'in-progress', 'done'] as const;
/**
 * Where an action came from, for the yearly report's account of what was done on each
 * recommendation (Working Together to Safeguard Children 2023, chapter 2: the yearly report
 * records the actions taken on reviews' recommendations). Absent: the meeting item that raised it.
 */
export const ACTION_SOURCE_KINDS = ['resolution', 'review', 'section11', 'deep-dive'] as const;
export const actionSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('resolution'), resolutionId: recordId('resolution') }).strict(),
  /** A recommendation of a rapid review or a local child safeguarding practice review (the case, by its reference). */
  z.object({ kind: z.literal('review'), caseId: recordId('case'), recommendation: line(1000) }).strict(),
  /** A finding of the section 11 audit (Children Act 2004 s.11), of one organisation or all. */
  z.object({ kind: z.literal('section11'), finding: line(1000), organisationId: recordId('organisation').optional() }).strict(),
  z.object({ kind: z.literal('deep-dive'), deepDiveId: recordId('deepDive'), recommendation: optionalLine(1000).optional() }).strict(),
]);
export const actionSchema = recordBase('action').extend({
  source: actionSourceSchema.optional(),
  /** The day an action not raised at a meeting was raised (a meeting's action dates from its meeting). */
  raisedOn: isoDate.optional(),
  meetingId: recordId('meeting').optional(),
  agendaItemId: recordId('agendaItem').optional(),
  boardId: recordId('board'),
  text: line(2000),
  ownerPersonId: recordId('person'),
  dueDate: isoDate,
  status: z.enum(ACTION_STATUSES),
  closedOn: isoDate.optional(),
});
/** Write-once: an update on an action, as the log prints it. */
export const actionUpdateSchema = recordBase('actionUpdate').extend({
  actionId: recordId('action'),
  text: line(5000),
  status: z.enum(ACTION_STATUSES),
  madeAt: isoTimestamp,
});

/**
 * Write-once: a pack that was built and saved, for the history on the Pack screen. When pre-flight
 * errors were overridden, the reason and the errors are kept here and in the journal.
 */
export const packBuildSchema = recordBase('packBuild').extend({
  meetingId: recordId('meeting'),
  variant: z.enum(['public', 'full']),
  fileName: line(300),
  /** Absent on packs built before PDF packs: those are Word. */
  format: z.enum(['docx', 'pdf']).optional(),
  /** A printout of these agenda items' papers only (a PDF), not the whole pack. */
  items: z.array(z.number().int().min(1).max(999)).max(200).optional(),
  /** One member's copy of the full pack (their possible interests on the cover; papers withheld under the board's conflicts policy). */
  forPersonId: recordId('person').optional(),
  /** Each paper the pack printed, its state and a fingerprint of its text: what members were sent (shared/pack/supplement.ts). */
  contents: z
    .array(
      z
        .object({
          agendaItemId: recordId('agendaItem'),
          number: z.number().int().min(1).max(999),
          state: z.enum(['received', 'to-follow']),
          fingerprint: z.string().regex(/^[0-9a-f]{8}$/),
          /** The item's deep-dive briefing rather than its paper. */
          part: z.enum(['briefing']).optional(),
        })
        .strict(),
    )
    .max(500)
    .optional(),
  /** A PDF pack's contents as laid out: each part's heading and the page it starts on (the Word pack's contents reuses them). */
  pages: z.array(z.object({ text: line(1000), page: z.number().int().min(1).max(100_000) }).strict()).max(1000).optional(),
  /** A supplement: the pack it adds to, and for each item why it came late (and the urgency reason under s.100B(4)(b)). */
  supplement: z
    .object({
      of: recordId('packBuild'),
      items: z.array(z.object({ number: z.number().int().min(1).max(999), kind: z.enum(['late', 'replaced']), lateReason: line(2000), urgency: line(2000).optional() }).strict()).min(1).max(200),
    })
    .strict()
    .optional(),
  filePath: line(4000),
  bytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'Expected a SHA-256 hex digest'),
  builtAt: isoTimestamp,
  warnings: z.number().int().min(0),
  override: z.object({ reason: line(2000), errors: z.array(line(2000)).max(500) }).optional(),
});

export const recordSchema = z.discriminatedUnion('type', [
  partnershipSchema,
  organisationSchema,
  personSchema,
  boardSchema,
  torSchema,
  protocolSchema,
  protocolVersionSchema,
  protocolCommentSchema,
  commentResponseSchema,
  signOffSchema,
  circulationSchema,
  deepDiveSchema,
  forwardPlanItemSchema,
  meetingSchema,
  agendaItemSchema,
  attendanceSchema,
  declarationSchema,
  resolutionSchema,
  actionSchema,
  actionUpdateSchema,
  packBuildSchema,
  obligationSchema,
  caseSchema,
  decisionSchema,
  decisionReplySchema,
  clearanceSchema,
  clearanceRequestSchema,
  messageSchema,
  interestSchema,
  registerRoundSchema,
  interestReturnSchema,
]);

export type QRecord = z.infer<typeof recordSchema>;
export type RecordOf<T extends QRecord['type']> = Extract<QRecord, { type: T }>;
export type Partnership = RecordOf<'partnership'>;
export type Organisation = RecordOf<'organisation'>;
export type Person = RecordOf<'person'>;
export type Board = RecordOf<'board'>;
export type TermsOfReference = RecordOf<'tor'>;
export type Protocol = RecordOf<'protocol'>;
export type ProtocolVersion = RecordOf<'protocolVersion'>;
export type Meeting = RecordOf<'meeting'>;
export type AgendaItem = RecordOf<'agendaItem'>;
export type Action = RecordOf<'action'>;
export type ActionUpdate = RecordOf<'actionUpdate'>;
export type Attendance = RecordOf<'attendance'>;
export type Declaration = RecordOf<'declaration'>;
export type Resolution = RecordOf<'resolution'>;
export type DeepDive = RecordOf<'deepDive'>;
export type ForwardPlanItem = RecordOf<'forwardPlanItem'>;
export type PackBuild = RecordOf<'packBuild'>;
export type Obligation = RecordOf<'obligation'>;
export type Case = RecordOf<'case'>;
export type Decision = RecordOf<'decision'>;
export type DecisionReply = RecordOf<'decisionReply'>;
export type Clearance = RecordOf<'clearance'>;
export type ClearanceRequest = RecordOf<'clearanceRequest'>;
export type Interest = RecordOf<'interest'>;
export type Message = RecordOf<'message'>;
