import type { Board, CaseKind } from '../schema/records';

/**
 * The obligations each kind of board carries, as data (docs/ARCHITECTURE.md, statutory clocks).
 * Each names its source in the words the user sees; `rule` states the figure in words, and
 * test/unit/obligations.test.ts reads the figure back out of those words, so the clock and the
 * text can never disagree. A board may set a stricter figure for a statutory duty, never a looser
 * one; a figure the partnership sets itself (a local timetable) it may set either way.
 */

/** How a due date is counted. */
export type ObligationUnit =
  /** Working days after the start (England's weekends and bank holidays skipped). */
  | 'working-days'
  /** Clear working days before a meeting: neither the day of publication nor the meeting counts (LGA 1972 s.100B(3)). */
  | 'clear-working-days-before'
  /** Clear calendar days before a meeting (2012 Regulations reg 5 and reg 9: 28 clear days). */
  | 'clear-days-before'
  /** Calendar days before another obligation's due date (the PNA consultation's 60 days). */
  | 'days-before'
  | 'months';

export type ObligationClock =
  /** A step of a case, counted from the case's start or from another step. */
  | { kind: 'case-step'; caseKind: CaseKind; from: 'start' | string }
  /** Recurs: due a number of months after it was last met. */
  | { kind: 'recurring' }
  /** Due by a day of the year, every year (the ICB's joint forward plan, before the financial year). */
  | { kind: 'yearly-by'; monthDay: string }
  /** Runs before another obligation of the board falls due. */
  | { kind: 'before'; obligation: string }
  /** Dates entered each year from national requirements. */
  | { kind: 'dated' }
  /** Before each meeting: every meeting, one with a private part, or one taking a key decision. */
  | { kind: 'meeting-notice'; applies: 'every-meeting' | 'private-meeting' | 'key-decision' };

export type ObligationTemplate = {
  key: string;
  title: string;
  /** The rule in plain words, with the figure written as a number ("within 5 working days"). */
  rule: string;
  /** The Act, regulation or guidance and its section. */
  source: string;
  clock: ObligationClock;
  figure: number;
  unit: ObligationUnit;
  /** Set in law or statutory guidance: a board may make it stricter (fewer days), never looser. */
  statutory: boolean;
  /** Met by a decision of the board (so a meeting must take it, or a lawful route between meetings). */
  boardDecision: boolean;
  /** Which boards carry it. */
  appliesTo: { kinds?: readonly Board['kind'][]; rules?: Board['rules'] };
};

const WT = 'Working Together to Safeguard Children 2023';
const REGS_2012 = 'Local Authorities (Executive Arrangements) (Meetings and Access to Information) (England) Regulations 2012';
const SCP = { kinds: ['safeguarding-partnership'] } as const;
const HWB = { kinds: ['health-and-wellbeing'] } as const;
const COUNCIL = { rules: 'council-committee' } as const;

export const OBLIGATION_TEMPLATES: readonly ObligationTemplate[] = [
  // ---- Safeguarding Children Partnership: learning from serious incidents (WT 2023, chapter 5)
  {
    key: 'sin.notification',
    title: 'Serious incident notified to the Child Safeguarding Practice Review Panel',
    rule: 'The local authority notifies the Child Safeguarding Practice Review Panel within 5 working days of becoming aware of a serious child safeguarding incident.',
    source: `Children Act 2004 s.16C(1); ${WT}, chapter 5`,
    clock: { kind: 'case-step', caseKind: 'serious-incident-notification', from: 'start' },
    figure: 5,
    unit: 'working-days',
    statutory: true,
    boardDecision: false,
    appliesTo: SCP,
  },
  {
    key: 'sin.rapid-review',
    title: 'Rapid review completed and sent to the Panel, with the decision on a local review',
    rule: 'The safeguarding partners complete a rapid review, decide whether a local child safeguarding practice review is appropriate, and send it to the Panel within 15 working days of the notification.',
    source: `${WT}, chapter 5 (rapid reviews)`,
    clock: { kind: 'case-step', caseKind: 'serious-incident-notification', from: 'sin.notification' },
    figure: 15,
    unit: 'working-days',
    statutory: true,
    boardDecision: true,
    appliesTo: SCP,
  },
  {
    key: 'lcspr.started',
    title: 'Local child safeguarding practice review started (reviewer appointed, terms agreed)',
    rule: 'The partnership’s own timetable: the review starts within 20 working days of the decision to hold it.',
    source: `Local timetable set by the partnership under ${WT}, chapter 5 (local child safeguarding practice reviews)`,
    clock: { kind: 'case-step', caseKind: 'local-practice-review', from: 'start' },
    figure: 20,
    unit: 'working-days',
    statutory: false,
    boardDecision: false,
    appliesTo: SCP,
  },
  {
    key: 'lcspr.panel-told',
    title: 'Panel told of the review, its reviewer and its timetable',
    rule: 'The partnership’s own timetable: the Panel is told within 5 working days of the review starting.',
    source: `Local timetable set by the partnership under ${WT}, chapter 5`,
    clock: { kind: 'case-step', caseKind: 'local-practice-review', from: 'lcspr.started' },
    figure: 5,
    unit: 'working-days',
    statutory: false,
    boardDecision: false,
    appliesTo: SCP,
  },
  {
    key: 'lcspr.published',
    title: 'Final report agreed and published',
    rule: 'The partnership’s own timetable: the final report is published within 6 months of the decision to hold the review.',
    source: `Local timetable set by the partnership under ${WT}, chapter 5 (publication of reports)`,
    clock: { kind: 'case-step', caseKind: 'local-practice-review', from: 'start' },
    figure: 6,
    unit: 'months',
    statutory: false,
    boardDecision: true,
    appliesTo: SCP,
  },
  // ---- Safeguarding Children Partnership: the arrangements (WT 2023, chapter 2)
  {
    key: 'scp.yearly-report',
    title: 'Yearly report published',
    rule: 'The safeguarding partners publish a report on what they have done at least once in every 12 months.',
    source: `Children Act 2004 s.16G; ${WT}, chapter 2 (yearly report)`,
    clock: { kind: 'recurring' },
    figure: 12,
    unit: 'months',
    statutory: true,
    boardDecision: true,
    appliesTo: SCP,
  },
  {
    key: 'scp.arrangements-review',
    title: 'Published safeguarding arrangements reviewed',
    rule: 'The partnership reviews and republishes its multi-agency safeguarding arrangements every 12 months, unless it sets otherwise.',
    source: `Children Act 2004 s.16E and s.16F; ${WT}, chapter 2 (published arrangements)`,
    clock: { kind: 'recurring' },
    figure: 12,
    unit: 'months',
    statutory: false,
    boardDecision: true,
    appliesTo: SCP,
  },
  {
    key: 'scp.section-11',
    title: 'Section 11 audits of the agencies',
    rule: 'Each agency is audited against its section 11 duties every 24 months (2 years), unless the partnership sets otherwise.',
    source: `Children Act 2004 s.11; ${WT}, chapter 2`,
    clock: { kind: 'recurring' },
    figure: 24,
    unit: 'months',
    statutory: false,
    boardDecision: false,
    appliesTo: SCP,
  },
  {
    key: 'scp.independent-scrutiny',
    title: 'Independent scrutiny of the arrangements',
    rule: 'The arrangements are independently scrutinised, and the scrutiny reported, every 12 months, unless the partnership sets otherwise.',
    source: `${WT}, chapter 2 (independent scrutiny)`,
    clock: { kind: 'recurring' },
    figure: 12,
    unit: 'months',
    statutory: false,
    boardDecision: false,
    appliesTo: SCP,
  },
  // ---- Health and Wellbeing Board
  {
    key: 'hwb.pna',
    title: 'Pharmaceutical needs assessment published',
    rule: 'The board publishes a pharmaceutical needs assessment within 36 months (3 years) of the last one.',
    source: 'NHS (Pharmaceutical and Local Pharmaceutical Services) Regulations 2013 reg 6',
    clock: { kind: 'recurring' },
    figure: 36,
    unit: 'months',
    statutory: true,
    boardDecision: true,
    appliesTo: HWB,
  },
  {
    key: 'hwb.pna-consultation',
    title: 'Consultation on the draft pharmaceutical needs assessment opened',
    rule: 'The consultation on the draft assessment runs for at least 60 days, so it opens 60 days before the assessment is due.',
    source: 'NHS (Pharmaceutical and Local Pharmaceutical Services) Regulations 2013 reg 8',
    clock: { kind: 'before', obligation: 'hwb.pna' },
    figure: 60,
    unit: 'days-before',
    statutory: true,
    boardDecision: true,
    appliesTo: HWB,
  },
  {
    key: 'hwb.jsna',
    title: 'Joint strategic needs assessment refreshed',
    rule: 'The board refreshes the joint strategic needs assessment every 12 months, unless it sets its own cycle.',
    source: 'Local Government and Public Involvement in Health Act 2007 s.116, as amended by the Health and Social Care Act 2012',
    clock: { kind: 'recurring' },
    figure: 12,
    unit: 'months',
    statutory: false,
    boardDecision: true,
    appliesTo: HWB,
  },
  {
    key: 'hwb.strategy',
    title: 'Joint local health and wellbeing strategy refreshed',
    rule: 'The board refreshes the joint local health and wellbeing strategy every 60 months (5 years), unless it sets its own cycle.',
    source: 'Local Government and Public Involvement in Health Act 2007 s.116A, as amended by the Health and Care Act 2022',
    clock: { kind: 'recurring' },
    figure: 60,
    unit: 'months',
    statutory: false,
    boardDecision: true,
    appliesTo: HWB,
  },
  {
    key: 'hwb.better-care-fund',
    title: 'Better Care Fund plan and returns',
    rule: 'The board signs off the Better Care Fund plan and its returns by the dates the national requirements set each year: enter them here.',
    source: 'National Health Service Act 2006 s.223GA; the Better Care Fund policy framework and planning requirements for the year',
    clock: { kind: 'dated' },
    figure: 0,
    unit: 'days-before',
    statutory: true,
    boardDecision: true,
    appliesTo: HWB,
  },
  {
    key: 'hwb.joint-forward-plan',
    title: 'Opinion on the integrated care board’s joint forward plan',
    rule: 'The board gives its opinion on the integrated care board’s joint forward plan every 12 months, before the financial year starts on 1 April.',
    source: 'National Health Service Act 2006 s.14Z52, inserted by the Health and Care Act 2022 s.26',
    clock: { kind: 'yearly-by', monthDay: '03-31' },
    figure: 12,
    unit: 'months',
    statutory: true,
    boardDecision: true,
    appliesTo: HWB,
  },
  // ---- Every council committee (Local Government Act 1972 Part VA)
  {
    key: 'council.papers',
    title: 'Agenda and papers published',
    rule: 'The agenda and papers are open to the public at least 5 clear working days before the meeting.',
    source: 'Local Government Act 1972 s.100B(3) and s.100E',
    clock: { kind: 'meeting-notice', applies: 'every-meeting' },
    figure: 5,
    unit: 'clear-working-days-before',
    statutory: true,
    boardDecision: false,
    appliesTo: COUNCIL,
  },
  {
    key: 'council.private-notice',
    title: 'Notice of a meeting held partly in private',
    rule: 'Notice of the intention to hold a meeting or part of it in private is published at least 28 clear days before the meeting.',
    source: `${REGS_2012} reg 5(2); Local Government Act 1972 Schedule 12A`,
    clock: { kind: 'meeting-notice', applies: 'private-meeting' },
    figure: 28,
    unit: 'clear-days-before',
    statutory: true,
    boardDecision: false,
    appliesTo: COUNCIL,
  },
  {
    key: 'council.key-decision',
    title: 'Notice of a key decision',
    rule: 'Notice of a key decision is published at least 28 clear days before the meeting that takes it.',
    source: `${REGS_2012} reg 9(1)`,
    clock: { kind: 'meeting-notice', applies: 'key-decision' },
    figure: 28,
    unit: 'clear-days-before',
    statutory: true,
    boardDecision: false,
    appliesTo: COUNCIL,
  },
];

export const templateOf = (key: string): ObligationTemplate | undefined => OBLIGATION_TEMPLATES.find((t) => t.key === key);

/** The obligations a board carries: its kind's, and the council committee's when council rules apply. */
export const templatesFor = (board: Pick<Board, 'kind' | 'rules'>): ObligationTemplate[] =>
  OBLIGATION_TEMPLATES.filter((t) => (t.appliesTo.kinds ? t.appliesTo.kinds.includes(board.kind) : true) && (t.appliesTo.rules ? t.appliesTo.rules === board.rules : true));

/** The steps of a kind of case, in order. */
export const caseSteps = (kind: CaseKind): ObligationTemplate[] => OBLIGATION_TEMPLATES.filter((t) => t.clock.kind === 'case-step' && t.clock.caseKind === kind);

export const CASE_KIND_LABELS: Record<CaseKind, string> = {
  'serious-incident-notification': 'Serious incident notification',
  'local-practice-review': 'Local child safeguarding practice review',
};

/** What starts each kind of case's clock, for the form. */
export const CASE_START_LABELS: Record<CaseKind, string> = {
  'serious-incident-notification': 'Date the partnership became aware of the incident',
  'local-practice-review': 'Date the partners decided to hold the review',
};
