import { z } from 'zod';
import { isoDate, isoTimestamp, line, optionalLine, recordBase, recordId } from './common';
import { SCHEDULE_12A_PARAGRAPHS } from './schedule12a';

/**
 * Statutory clocks (docs/ARCHITECTURE.md, statutory clocks): a board's own settings for the
 * obligations its kind carries (shared/rules/obligationTemplates.ts), the cases whose clocks start
 * on a date, and decisions taken between meetings by a lawful route.
 */

/** The kinds of case a clock starts for: Working Together to Safeguard Children 2023, chapter 5. */
export const CASE_KINDS = ['serious-incident-notification', 'local-practice-review'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/**
 * One board's settings for one obligation: a stricter local figure, dates entered for the year
 * (the Better Care Fund's), and when it was last met. Absent, the template's figures apply.
 */
export const obligationSchema = recordBase('obligation').extend({
  boardId: recordId('board'),
  /** The template's key (`scp.yearly-report`, `sin.rapid-review`). */
  key: line(80),
  /** Working or clear days for a step or a notice; months between two for a recurring duty. */
  figure: z.number().int().min(1).max(400).optional(),
  /** Does not apply to this board, and why (the partnership's own decision, recorded). */
  notApplicable: optionalLine(1000).optional(),
  /** For duties whose dates are set each year from national requirements (the Better Care Fund). */
  dueDates: z.array(z.object({ on: isoDate, what: line(300) }).strict()).max(50).optional(),
  /** Each time it was met: the date, and for a meeting's notice the meeting. */
  met: z.array(z.object({ on: isoDate, meetingId: recordId('meeting').optional(), note: optionalLine(500).optional() }).strict()).max(500),
});

/**
 * A case with clocks: a serious incident notification, a local child safeguarding practice review.
 * It holds a reference, never a child's name (Working Together 2023: reviews are published without
 * identifying the child); the register shows only the reference.
 */
export const caseSchema = recordBase('case').extend({
  boardId: recordId('board'),
  kind: z.enum(CASE_KINDS),
  reference: line(60),
  /** The date that starts the clock: the day the partnership became aware, or decided to review. */
  startsOn: isoDate,
  /** Each step done, by the template's step key. */
  steps: z.array(z.object({ key: line(80), on: isoDate }).strict()).max(20),
  closedOn: isoDate.optional(),
});

export const DECISION_ROUTES = ['urgent-officer', 'written-resolution'] as const;
export const VOTES = ['for', 'against', 'abstain'] as const;

/**
 * A decision taken between meetings. Under council rules, an urgent decision by a named officer in
 * consultation with the chair (and, for a key decision, the special-urgency agreement of the 2012
 * Regulations reg 11); under a ToR that allows them, a written resolution with a window and the
 * ToR's quorum applied to the replies. Either way it is reported to the next meeting.
 */
export const decisionSchema = recordBase('decision').extend({
  boardId: recordId('board'),
  route: z.enum(DECISION_ROUTES),
  title: line(300),
  /** The decision as proposed and, once taken, as made. */
  text: line(5000),
  caseId: recordId('case').optional(),
  keyDecision: z.boolean(),
  part2: z.object({ paragraph: z.union(SCHEDULE_12A_PARAGRAPHS.map((n) => z.literal(n))), reason: optionalLine(1000), publicTitle: optionalLine(300).optional() }).strict().optional(),
  /** The urgent route: who took it, why it could not wait, who was consulted and when. */
  urgent: z
    .object({
      officerPersonId: recordId('person'),
      reasons: line(3000),
      consulted: z.array(z.object({ personId: recordId('person'), on: isoDate, role: line(200) }).strict()).min(1).max(10),
      /** A key decision taken without 28 days' notice: who agreed it could not reasonably be deferred. */
      specialUrgency: z.object({ agreedBy: line(300), on: isoDate }).strict().optional(),
      takenOn: isoDate,
    })
    .strict()
    .optional(),
  /** The written route: who may vote, the window, the reminders, and the outcome once closed. */
  written: z
    .object({
      voterPersonIds: z.array(recordId('person')).min(1).max(200),
      opensOn: isoDate,
      closesOn: isoDate,
      reminderDates: z.array(isoDate).max(10),
      outcome: z.object({ result: z.enum(['carried', 'not-carried', 'not-quorate']), summary: line(1000), fixedAt: isoTimestamp }).strict().optional(),
    })
    .strict()
    .optional(),
  /** The meeting whose "Decisions taken since the last meeting" item reports it. */
  reportedToMeetingId: recordId('meeting').optional(),
});

/** Write-once: one voter's reply to a written resolution, as it arrived. */
export const decisionReplySchema = recordBase('decisionReply').extend({
  decisionId: recordId('decision'),
  personId: recordId('person'),
  vote: z.enum(VOTES),
  receivedOn: isoDate,
  /** Typed in by the secretariat from an e-mail, or given by the partner in team mode. */
  via: z.enum(['secretariat', 'own']),
  comment: optionalLine(2000).optional(),
});
