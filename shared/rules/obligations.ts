import type { Board, Case, Meeting, Obligation } from '../schema/records';
import { getRecord, listRecords, recordsWhere, type StoreData } from '../data';
import { ukDateOf } from '../clock';
import { addDays, daysBetween, formatUkDate, isWorkingDay, paperDeadline, type HolidaySet } from './dates';
import { boardMeetings, currentTor } from './boards';
import { caseSteps, CASE_KIND_LABELS, templateOf, templatesFor, type ObligationTemplate } from './obligationTemplates';
import { compareCodes, compareEnglish } from './textOrder';

/**
 * Statutory clocks (docs/ARCHITECTURE.md, statutory clocks): every due date a board's obligations
 * and open cases give, counted in England's working days, with what is met, and for a duty the
 * board itself must decide, the latest meeting that can take it — or, where none falls before the
 * deadline, the lawful route between meetings. Pure: the dashboard, the forward plan,
 * `quorum obligations` and `quorum check` all read this one list.
 */

/** The date `n` working days after `from` (from itself not counted): a notification on Friday 20 December 2024 plus 15 is Wednesday 15 January 2025. */
export const addWorkingDays = (from: string, n: number, holidays: HolidaySet): string => {
  let d = from;
  let counted = 0;
  while (counted < n) {
    d = addDays(d, 1);
    if (isWorkingDay(d, holidays)) counted++;
  }
  return d;
};

/** The last day for a notice with `n` clear days before `meetingDate`: neither the notice's day nor the meeting's counts. */
export const clearDaysBefore = (meetingDate: string, n: number): string => addDays(meetingDate, -(n + 1));

/** The same day `n` months on; the month's last day where it is shorter (31 August + 6 months is 28 February). */
export const addMonths = (iso: string, n: number): string => {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
};

export type ObligationStatus = 'due' | 'overdue' | 'met' | 'not-set' | 'not-applicable';

/** How a decision due by a date can lawfully be taken. */
export type DecisionRoute =
  | { route: 'meeting'; meetingId: Meeting['id']; meetingDate: string; words: string }
  | { route: 'urgent-officer' | 'written-resolution' | 'none'; words: string };

export type DueObligation = {
  /** Stable across refetches: the board, the obligation, and its case, meeting or dated return. */
  id: string;
  boardId: Board['id'];
  board: string;
  key: string;
  title: string;
  /** The rule as the board applies it (a stricter local figure says so), with its source. */
  rule: string;
  source: string;
  figure: number;
  unit: ObligationTemplate['unit'];
  /** A case's reference (never a child's name), for a case's step. */
  caseId?: Case['id'];
  caseReference?: string;
  /** The meeting a notice is for. */
  meetingId?: Meeting['id'];
  meetingDate?: string;
  /** ISO; null when the board has yet to say when it was last met (or enter this year's dates). */
  dueOn: string | null;
  status: ObligationStatus;
  metOn?: string;
  lastMetOn?: string;
  /** Calendar days from today to the due date (negative when overdue). */
  daysLeft?: number;
  /** For a duty the board decides, not yet met: which meeting can take it, or the route between meetings. */
  decision?: DecisionRoute;
  /** What to do, in the user's words. */
  message: string;
};

export const settingOf = (data: StoreData, boardId: Board['id'], key: string): Obligation | undefined =>
  recordsWhere(data, 'obligation', 'boardId', boardId)
    .filter((o) => o.key === key)
    .sort((a, b) => compareCodes(b.updatedAt, a.updatedAt))[0];

const UNIT_WORDS: Record<ObligationTemplate['unit'], [string, string]> = {
  'working-days': ['working day', 'working days'],
  'clear-working-days-before': ['clear working day', 'clear working days'],
  'clear-days-before': ['clear day', 'clear days'],
  'days-before': ['day', 'days'],
  months: ['month', 'months'],
};
export const figureWords = (n: number, unit: ObligationTemplate['unit']) => `${n} ${UNIT_WORDS[unit][n === 1 ? 0 : 1]}`;

/** The figure a board applies: its own stricter (or, for a local timetable, different) figure, else the template's. */
export const figureFor = (data: StoreData, board: Board, t: ObligationTemplate): number => {
  const own = settingOf(data, board.id, t.key)?.figure;
  if (own !== undefined) return own;
  // The ToR's own paper deadline is the board's local rule for its papers, when stricter.
  if (t.key === 'council.papers') return Math.max(t.figure, currentTor(data, board.id)?.paperDeadlineWorkingDays ?? 0);
  return t.figure;
};

const ruleFor = (t: ObligationTemplate, figure: number) =>
  figure === t.figure ? t.rule : `${t.rule} This board's own rule: ${figureWords(figure, t.unit)}${t.statutory ? ' (stricter than the statutory figure)' : ''}.`;

/** How a board may decide between meetings: the council's urgency route, or written resolutions its ToR allows. */
export const betweenMeetingsRoute = (data: StoreData, board: Board): DecisionRoute => {
  if (board.rules === 'council-committee')
    return {
      route: 'urgent-officer',
      words:
        'A council committee decides only at a meeting (Local Government Act 1972 s.101 and Schedule 12, para 39), never by e-mail: take it as an urgent decision by a named officer in consultation with the chair, reported to the next meeting; a key decision also needs the special-urgency agreement (2012 Regulations reg 11).',
    };
  if (currentTor(data, board.id)?.writtenResolutions)
    return { route: 'written-resolution', words: 'The terms of reference allow written resolutions: send one to the voting members, with a window for replies; the quorum applies to the replies, and it is reported to the next meeting.' };
  return {
    route: 'none',
    words: 'The terms of reference allow no decision between meetings: call an extraordinary meeting, or amend the terms of reference to allow written resolutions.',
  };
};

/** The latest meeting on or before `dueOn` and not before today that can take a decision; or the route between meetings. */
export const decisionRouteBy = (data: StoreData, board: Board, dueOn: string, today: string): DecisionRoute => {
  const meeting = boardMeetings(data, board.id)
    .filter((m) => (m.status === 'planned' || m.status === 'agenda-published') && m.date >= today && m.date <= dueOn)
    .at(-1);
  if (meeting) return { route: 'meeting', meetingId: meeting.id, meetingDate: meeting.date, words: `The latest meeting that can take it is on ${formatUkDate(meeting.date)}.` };
  const between = betweenMeetingsRoute(data, board);
  return { ...between, words: `No meeting of the board falls before ${formatUkDate(dueOn)}. ${between.words}` };
};

const statusOf = (dueOn: string | null, metOn: string | undefined, today: string): ObligationStatus =>
  metOn ? 'met' : dueOn === null ? 'not-set' : dueOn < today ? 'overdue' : 'due';

const finish = (data: StoreData, board: Board, t: ObligationTemplate, figure: number, today: string, o: Omit<DueObligation, 'id' | 'boardId' | 'board' | 'key' | 'title' | 'rule' | 'source' | 'figure' | 'unit' | 'status' | 'message' | 'daysLeft'> & { message?: string }): DueObligation => {
  const status = statusOf(o.dueOn, o.metOn, today);
  const due = o.dueOn ? formatUkDate(o.dueOn, true) : '';
  const what = o.caseReference ? `${o.caseReference}: ${t.title}` : o.meetingDate ? `${t.title} for ${formatUkDate(o.meetingDate)}` : t.title;
  const message =
    o.message ??
    (status === 'met'
      ? `${what}: met on ${formatUkDate(o.metOn!)}`
      : status === 'not-set'
        ? `${what}: enter when it was last done, so Quorum can count to the next`
        : status === 'overdue'
          ? `${what}: overdue since ${due}`
          : `${what}: due by ${due}`);
  const decision = t.boardDecision && o.dueOn && status !== 'met' && o.dueOn >= today ? decisionRouteBy(data, board, o.dueOn, today) : undefined;
  return {
    id: [board.id, t.key, o.caseId ?? '', o.meetingId ?? '', t.title].join('|'),
    boardId: board.id,
    board: board.name,
    key: t.key,
    title: t.title,
    rule: ruleFor(t, figure),
    source: t.source,
    figure,
    unit: t.unit,
    ...o,
    status,
    message,
    ...(o.dueOn ? { daysLeft: daysBetween(today, o.dueOn) } : {}),
    ...(decision ? { decision } : {}),
  };
};

/** The due date of a step of a case: from the start, or from the step it follows (its done date, else its own due date). */
export const caseStepDue = (data: StoreData, board: Board, c: Case, key: string, holidays: HolidaySet): string => {
  const t = templateOf(key)!;
  const clock = t.clock as Extract<ObligationTemplate['clock'], { kind: 'case-step' }>;
  const from = clock.from === 'start' ? c.startsOn : (c.steps.find((s) => s.key === clock.from)?.on ?? caseStepDue(data, board, c, clock.from, holidays));
  const figure = figureFor(data, board, t);
  return t.unit === 'months' ? addMonths(from, figure) : addWorkingDays(from, figure, holidays);
};

const caseObligations = (data: StoreData, board: Board, today: string, holidays: HolidaySet): DueObligation[] =>
  recordsWhere(data, 'case', 'boardId', board.id)
    .filter((c) => !c.closedOn)
    .sort((a, b) => compareCodes(a.startsOn, b.startsOn) || compareEnglish(a.reference, b.reference))
    .flatMap((c) =>
      caseSteps(c.kind).map((t) =>
        finish(data, board, t, figureFor(data, board, t), today, {
          caseId: c.id,
          caseReference: c.reference,
          dueOn: caseStepDue(data, board, c, t.key, holidays),
          metOn: c.steps.find((s) => s.key === t.key)?.on,
        }),
      ),
    );

const lastMet = (o: Obligation | undefined) => o?.met.map((m) => m.on).sort().at(-1);

/** The next 31 March (or the template's day) on or after a date. */
const nextYearlyDate = (monthDay: string, onOrAfter: string): string => {
  const year = Number(onOrAfter.slice(0, 4));
  const thisYear = `${year}-${monthDay}`;
  return thisYear >= onOrAfter ? thisYear : `${year + 1}-${monthDay}`;
};

const standingObligation = (data: StoreData, board: Board, t: ObligationTemplate, today: string): DueObligation[] => {
  const setting = settingOf(data, board.id, t.key);
  const figure = figureFor(data, board, t);
  const last = lastMet(setting);
  switch (t.clock.kind) {
    case 'recurring':
      return [finish(data, board, t, figure, today, { dueOn: last ? addMonths(last, figure) : null, lastMetOn: last })];
    case 'yearly-by': {
      // Met this cycle when done in the twelve months before the coming due date.
      const due = nextYearlyDate(t.clock.monthDay, last ? addDays(last, 1) : today);
      const dueOn = last && due < today ? nextYearlyDate(t.clock.monthDay, today) : due;
      return [finish(data, board, t, figure, today, { dueOn, lastMetOn: last })];
    }
    case 'before': {
      const target = templateOf(t.clock.obligation)!;
      const targetLast = lastMet(settingOf(data, board.id, target.key));
      const targetDue = targetLast ? addMonths(targetLast, figureFor(data, board, target)) : null;
      // Met for this cycle when opened after the last assessment was published.
      const metOn = last && targetLast && last > targetLast ? last : undefined;
      return [finish(data, board, t, figure, today, { dueOn: targetDue ? addDays(targetDue, -figure) : null, metOn, lastMetOn: last })];
    }
    case 'dated': {
      const dates = setting?.dueDates ?? [];
      if (!dates.length) return [finish(data, board, t, figure, today, { dueOn: null, message: `${t.title}: enter this year's dates from the national requirements` })];
      return dates.map((d) => {
        const metOn = setting?.met.find((m) => m.note === d.what && m.on)?.on;
        return finish(data, board, { ...t, title: `${t.title}: ${d.what}` }, figure, today, { dueOn: d.on, metOn });
      });
    }
    default:
      return [];
  }
};

/** Whether a meeting has a private part, or takes a key decision on its agenda or its forward plan. */
const meetingNeeds = (data: StoreData, m: Meeting, applies: 'every-meeting' | 'private-meeting' | 'key-decision'): boolean => {
  if (applies === 'every-meeting') return true;
  if (applies === 'private-meeting') return recordsWhere(data, 'agendaItem', 'meetingId', m.id).some((i) => i.part2);
  return recordsWhere(data, 'forwardPlanItem', 'meetingId', m.id).some((f) => f.keyDecision && f.status !== 'deferred');
};

/** Papers published: a whole pack built (public or full) on or before the deadline, or a date the secretariat recorded. */
const noticeMet = (data: StoreData, board: Board, t: ObligationTemplate, m: Meeting): string | undefined => {
  const recorded = settingOf(data, board.id, t.key)?.met.find((x) => x.meetingId === m.id)?.on;
  if (recorded || t.key !== 'council.papers') return recorded;
  return recordsWhere(data, 'packBuild', 'meetingId', m.id)
    .filter((p) => !p.items && !p.supplement)
    .map((p) => ukDateOf(p.builtAt))
    .sort()[0];
};

const meetingObligations = (data: StoreData, board: Board, t: ObligationTemplate, today: string, holidays: HolidaySet): DueObligation[] => {
  if (t.clock.kind !== 'meeting-notice') return [];
  const applies = t.clock.applies;
  const figure = figureFor(data, board, t);
  return boardMeetings(data, board.id)
    .filter((m) => m.date >= today && (m.status === 'planned' || m.status === 'agenda-published'))
    .filter((m) => meetingNeeds(data, m, applies))
    .map((m) =>
      finish(data, board, t, figure, today, {
        meetingId: m.id,
        meetingDate: m.date,
        dueOn: t.unit === 'clear-working-days-before' ? paperDeadline(m.date, figure, holidays) : clearDaysBefore(m.date, figure),
        metOn: noticeMet(data, board, t, m),
      }),
    );
};

/** Every obligation of a board (or all boards that meet), in due-date order; those not applicable listed last. */
export const obligationsOf = (data: StoreData, today: string, holidays: HolidaySet, boardId?: Board['id']): DueObligation[] => {
  const boards = boardId ? [getRecord(data, 'board', boardId)] : listRecords(data, 'board').filter((b) => !b.closedOn);
  const out: DueObligation[] = [];
  for (const board of boards.sort((a, b) => compareEnglish(a.name, b.name))) {
    out.push(...caseObligations(data, board, today, holidays));
    for (const t of templatesFor(board)) {
      if (t.clock.kind === 'case-step') continue;
      const off = settingOf(data, board.id, t.key)?.notApplicable;
      if (off) {
        out.push({ ...finish(data, board, t, figureFor(data, board, t), today, { dueOn: null }), status: 'not-applicable', message: `${t.title}: not applicable to this board (${off})` });
        continue;
      }
      out.push(...(t.clock.kind === 'meeting-notice' ? meetingObligations(data, board, t, today, holidays) : standingObligation(data, board, t, today)));
    }
  }
  const rank = (o: DueObligation) => (o.status === 'not-applicable' ? 'z' : o.dueOn === null ? 'y' : o.dueOn);
  return out.sort((a, b) => compareCodes(rank(a), rank(b)));
};

/** The case's title for a register: its kind and reference, nothing about the child. */
export const caseTitle = (c: Pick<Case, 'kind' | 'reference'>) => `${CASE_KIND_LABELS[c.kind]} ${c.reference}`;
