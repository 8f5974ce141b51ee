import { z } from 'zod';
import { isoDate, line, optionalLine, recordBase, recordId } from './common';

/**
 * Clearance (docs/ARCHITECTURE.md, clearance): the sign-offs a paper needs before it goes to the
 * board (finance, legal, a statutory partner's lead officer), set per board and per kind of paper.
 * Silence never counts: a clearance is recorded, by whom, when, on which text.
 */
export const PAPER_KINDS = ['decision', 'assurance', 'information', 'deep-dive'] as const;
export type PaperKind = (typeof PAPER_KINDS)[number];

export const clearanceRuleSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9-]{1,40}$/, 'Use lower-case letters, digits and hyphens'),
    /** "Finance", "Legal", "Police lead officer". */
    label: line(120),
    paperKinds: z.array(z.enum(PAPER_KINDS)).min(1, 'Choose the kinds of paper that need it').max(PAPER_KINDS.length),
    /** Who normally clears it, when one person does (asked for it, and clearing it themselves in team mode). */
    personId: recordId('person').optional(),
  })
  .strict();
export type ClearanceRule = z.infer<typeof clearanceRuleSchema>;

/** A board's own standards for its papers (shared/rules/paperStandards.ts has the defaults). */
export const paperStandardsSchema = z
  .object({
    maxPages: z.object({ decision: z.number().int().min(1).max(500), assurance: z.number().int().min(1).max(500), information: z.number().int().min(1).max(500), 'deep-dive': z.number().int().min(1).max(500) }).strict(),
    summaryMaxWords: z.number().int().min(20).max(2000),
    askedTo: z.boolean(),
    backgroundPapers: z.boolean(),
    /** The cover sheet says how children's views shaped the paper (a safeguarding partnership's default). */
    voiceOfChild: z.boolean().optional(),
  })
  .strict();

/** Write-once: one clearance of one paper, with the text it cleared (so a change that resets it can be shown). */
export const clearanceSchema = recordBase('clearance').extend({
  agendaItemId: recordId('agendaItem'),
  /** The board's rule it meets. */
  key: line(40),
  label: line(120),
  clearedBy: line(200),
  personId: recordId('person').optional(),
  on: isoDate,
  comment: optionalLine(2000),
  via: z.enum(['secretariat', 'own']),
  /** The request the clearer answered in team mode (their own clearance, given on the text they were sent). */
  requestId: recordId('clearanceRequest').optional(),
  /** The paper's fingerprint and words when cleared (cover sheet and report). */
  cleared: z.object({ fingerprint: z.string().regex(/^[0-9a-f]{8}$/), text: z.string().max(2_100_000) }).strict(),
});

/**
 * Write-once: the secretariat asks a named clearer to clear a paper in the app (team mode). It
 * carries the paper's words as they stood, so a clearer who reads only the partners' database
 * clears exactly what they were sent; a later change to the paper resets that clearance like any
 * other. Part 1 papers only: a Part 2 paper's text never leaves the Part 2 database.
 */
export const clearanceRequestSchema = recordBase('clearanceRequest').extend({
  agendaItemId: recordId('agendaItem'),
  key: line(40),
  label: line(120),
  personId: recordId('person'),
  /** The clearer's name as the directory has it (a partner's copy holds no directory of people). */
  personName: line(200),
  /** Where the paper goes, in words a clearer without the board's records can read. */
  board: line(200),
  title: line(300),
  meetingOn: isoDate,
  kind: z.enum(PAPER_KINDS),
  requestedOn: isoDate,
  /** The earlier request for the same clearance this one follows (the paper changed since). */
  replaces: recordId('clearanceRequest').optional(),
  paper: z.object({ fingerprint: z.string().regex(/^[0-9a-f]{8}$/), text: z.string().max(2_100_000) }).strict(),
});
