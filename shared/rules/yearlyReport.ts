import type { Action, Board } from '../schema/records';
import { findRecord, getRecord, listRecords, recordsWhere, type StoreData } from '../data';
import type { AttendanceRecord } from '../views';
import { attendanceRecord, isStatutorySeat, meetingsHeldIn } from './attendanceRecord';
import { currentTor } from './boards';
import { deepDivePart2, publicTitleOf } from './confidential';
import { formatUkDate, type HolidaySet } from './dates';
import { decidedOn } from './decisions';
import { caseStepDue, caseTitle } from './obligations';
import { caseSteps, templatesFor } from './obligationTemplates';
import { personName } from './people';
import { actionDeepDiveId, actionSourceKind, actionSourceWords, type ActionSourceKind } from './actionSource';
import { numberedAgenda, meetingItems } from './agenda';
import { compareCodes, compareEnglish } from './textOrder';

/**
 * The yearly report drafted from the records (docs/ARCHITECTURE.md, the yearly report): for a
 * safeguarding partnership the contents Working Together to Safeguard Children 2023 (chapter 2)
 * sets for the report the partners must publish every 12 months (Children Act 2004 s.16G); for a
 * Health and Wellbeing Board its annual summary. Every figure is counted here, from the records,
 * with where it came from; the officer writes the narrative around them.
 *
 * `public`: the published draft. Part 2 items and decisions count, but their words and their
 * actions' words stay out (Local Government Act 1972 Schedule 12A); a case is only ever its
 * reference (Working Together 2023, chapter 5: no child is identified).
 */
export type ReportAudience = 'public' | 'full';

export type ReportAction = {
  text: string;
  owner: string;
  sourceKind: ActionSourceKind;
  source: string;
  raisedOn: string | null;
  dueDate: string;
  status: Action['status'];
  closedOn: string | null;
  latestUpdate: string;
};

export type YearlyReport = {
  board: Pick<Board, 'id' | 'name' | 'shortName' | 'kind'>;
  from: string;
  to: string;
  audience: ReportAudience;
  arrangements: {
    torVersion: number | null;
    approvedOn: string | null;
    statutory: { role: string; organisation: string; person: string }[];
    agencies: { organisation: string; seats: string[] }[];
    source: string;
  };
  attendance: AttendanceRecord;
  resolutions: { date: string; item: number; title: string; number: number; text: string; part2: boolean }[];
  decisionsBetween: { on: string; title: string; route: string; outcome: string; part2: boolean }[];
  reviews: { reference: string; title: string; startsOn: string; closedOn: string | null; steps: { title: string; dueOn: string; doneOn: string | null; onTime: boolean | null; source: string }[] }[];
  actions: ReportAction[];
  /** Actions whose words stay out of the public draft (a Part 2 item's), counted. */
  actionsWithheld: number;
  deepDives: { date: string; theme: string; outcomes: string; recommendations: string[]; actions: number; actionsDone: number }[];
  obligations: { title: string; source: string; metOn: string[] }[];
  counts: {
    meetingsHeld: number;
    meetingsCancelled: number;
    resolutions: number;
    decisionsBetween: number;
    reviewsStarted: number;
    actionsRaised: number;
    actionsDone: number;
    actionsOpen: number;
    bySource: Record<ActionSourceKind, { raised: number; done: number }>;
    deepDives: number;
  };
};

const within = (d: string | undefined | null, from: string, to: string): d is string => Boolean(d) && d! >= from && d! <= to;

export const yearlyReport = (data: StoreData, req: { boardId: string; from: string; to: string; audience: ReportAudience; holidays: HolidaySet }): YearlyReport => {
  const board = getRecord(data, 'board', req.boardId, 'That board no longer exists');
  const { from, to, audience } = req;
  const pub = audience === 'public';
  const tor = currentTor(data, board.id, to);
  const orgName = (id: string) => findRecord(data, 'organisation', id)?.name ?? 'Unknown organisation';
  const held = meetingsHeldIn(data, { from, to, boardId: board.id });

  // The arrangements: the terms of reference in force at the year's end, statutory seats first.
  const statutory = (tor?.members ?? []).filter((m) => isStatutorySeat(board, tor!, m)).map((m) => ({ role: m.role, organisation: orgName(m.organisationId), person: m.personId ? personName(data, m.personId) : 'Vacant' }));
  const agencies = new Map<string, string[]>();
  for (const m of (tor?.members ?? []).filter((x) => !isStatutorySeat(board, tor!, x))) agencies.set(orgName(m.organisationId), [...(agencies.get(orgName(m.organisationId)) ?? []), m.role]);

  // Resolutions of the meetings held, by meeting and item number.
  const resolutions = held.flatMap((m) => {
    const numbers = new Map(numberedAgenda(meetingItems(data, m.id)).map(({ item, number }) => [item.id, { item, number }]));
    return recordsWhere(data, 'resolution', 'meetingId', m.id)
      .map((r) => ({ r, at: numbers.get(r.agendaItemId) }))
      .filter((x) => x.at)
      .sort((a, b) => a.at!.number - b.at!.number || a.r.number - b.r.number)
      .map(({ r, at }) => {
        const part2 = Boolean(at!.item.part2);
        return { date: m.date, item: at!.number, title: part2 && pub ? publicTitleOf(at!.item) : at!.item.title, number: r.number, text: part2 && pub ? 'Exempt information (Schedule 12A): not published.' : r.text, part2 };
      });
  });

  const decisionsBetween = recordsWhere(data, 'decision', 'boardId', board.id)
    .filter((d) => within(decidedOn(d), from, to))
    .sort((a, b) => compareCodes(decidedOn(a)!, decidedOn(b)!) || compareEnglish(a.title, b.title))
    .map((d) => {
      const exempt = Boolean(d.part2) && pub;
      return {
        on: decidedOn(d)!,
        title: exempt ? d.part2!.publicTitle?.trim() || `Exempt information (Schedule 12A, paragraph ${d.part2!.paragraph})` : d.title,
        route: d.route === 'urgent-officer' ? 'Urgent decision by an officer in consultation with the chair' : 'Written resolution',
        outcome: d.urgent ? 'Taken' : d.written?.outcome?.result === 'carried' ? 'Carried' : d.written?.outcome?.result === 'not-carried' ? 'Not carried' : 'Not quorate',
        part2: Boolean(d.part2),
      };
    });

  // Reviews: each case open at any point in the year, with each step's clock.
  const reviews = recordsWhere(data, 'case', 'boardId', board.id)
    .filter((c) => c.startsOn <= to && (!c.closedOn || c.closedOn >= from))
    .sort((a, b) => compareCodes(a.startsOn, b.startsOn) || compareEnglish(a.reference, b.reference))
    .map((c) => ({
      reference: c.reference,
      title: caseTitle(c),
      startsOn: c.startsOn,
      closedOn: c.closedOn ?? null,
      steps: caseSteps(c.kind).map((t) => {
        const dueOn = caseStepDue(data, board, c, t.key, req.holidays);
        const doneOn = c.steps.find((s) => s.key === t.key)?.on ?? null;
        return { title: t.title, dueOn, doneOn, onTime: doneOn ? doneOn <= dueOn : null, source: t.source };
      }),
    }));

  // Actions: raised in the year (at its meetings, or from a review, a section 11 finding or a deep dive), or closed in it.
  const exemptItem = (a: Action) => Boolean(a.agendaItemId && findRecord(data, 'agendaItem', a.agendaItemId)?.part2);
  const raisedOn = (a: Action) => (a.meetingId ? (findRecord(data, 'meeting', a.meetingId)?.date ?? null) : (a.raisedOn ?? null));
  const updates = listRecords(data, 'actionUpdate');
  const relevant = recordsWhere(data, 'action', 'boardId', board.id)
    // Open at some point in the year: raised by its end, and not closed before it began.
    .filter((a) => (raisedOn(a) ?? from) <= to && (a.status !== 'done' || (a.closedOn ?? '') >= from))
    .sort((a, b) => compareCodes(raisedOn(a) ?? a.dueDate, raisedOn(b) ?? b.dueDate) || compareCodes(a.dueDate, b.dueDate) || compareEnglish(a.text, b.text));
  const shown = pub ? relevant.filter((a) => !exemptItem(a)) : relevant;
  const actions: ReportAction[] = shown.map((a) => ({
    text: a.text,
    owner: personName(data, a.ownerPersonId),
    sourceKind: actionSourceKind(data, a),
    source: actionSourceWords(data, a),
    raisedOn: raisedOn(a),
    dueDate: a.dueDate,
    status: a.status,
    closedOn: a.closedOn ?? null,
    latestUpdate: updates.filter((u) => u.actionId === a.id).sort((x, y) => compareCodes(y.madeAt, x.madeAt))[0]?.text ?? '',
  }));
  const kinds: ActionSourceKind[] = ['meeting', 'resolution', 'review', 'section11', 'deep-dive'];
  const bySource = Object.fromEntries(kinds.map((k) => [k, { raised: 0, done: 0 }])) as YearlyReport['counts']['bySource'];
  for (const a of relevant) {
    const k = actionSourceKind(data, a);
    if (within(raisedOn(a), from, to)) bySource[k].raised++;
    if (a.status === 'done' && within(a.closedOn, from, to)) bySource[k].done++;
  }

  // Deep dives held at the year's meetings, and what came of them.
  const deepDives = held.flatMap((m) =>
    recordsWhere(data, 'deepDive', 'meetingId', m.id)
      .filter((d) => !(pub && deepDivePart2(data, d)))
      .sort((a, b) => compareEnglish(a.theme, b.theme))
      .map((d) => {
        const mine = recordsWhere(data, 'action', 'boardId', board.id).filter((a) => actionDeepDiveId(data, a) === d.id);
        return { date: m.date, theme: d.theme, outcomes: d.outcomes, recommendations: d.recommendations, actions: mine.length, actionsDone: mine.filter((a) => a.status === 'done').length };
      }),
  );

  // The board's own statutory duties met in the year (the HWB's JSNA, strategy, Better Care Fund; the SCP's yearly report and arrangements).
  const obligations = templatesFor(board)
    .filter((t) => t.clock.kind !== 'case-step' && t.clock.kind !== 'meeting-notice' && t.statutory)
    .map((t) => ({ title: t.title, source: t.source, metOn: (listRecords(data, 'obligation').find((o) => o.boardId === board.id && o.key === t.key)?.met ?? []).map((x) => x.on).filter((on) => within(on, from, to)).sort() }));

  const attendance = attendanceRecord(data, { from, to, boardId: board.id });
  return {
    board: { id: board.id, name: board.name, shortName: board.shortName, kind: board.kind },
    from,
    to,
    audience,
    arrangements: {
      torVersion: tor?.version ?? null,
      approvedOn: tor?.approval?.date ?? null,
      statutory,
      agencies: [...agencies].map(([organisation, seats]) => ({ organisation, seats })).sort((a, b) => compareEnglish(a.organisation, b.organisation)),
      source: tor ? `Terms of reference, version ${tor.version}${tor.approval ? `, approved ${formatUkDate(tor.approval.date)}` : ''}` : 'No terms of reference recorded',
    },
    attendance,
    resolutions,
    decisionsBetween,
    reviews,
    actions,
    actionsWithheld: relevant.length - shown.length,
    deepDives,
    obligations,
    counts: {
      meetingsHeld: attendance.meetingsHeld,
      meetingsCancelled: attendance.meetingsCancelled,
      resolutions: resolutions.length,
      decisionsBetween: decisionsBetween.length,
      reviewsStarted: reviews.filter((r) => within(r.startsOn, from, to)).length,
      actionsRaised: relevant.filter((a) => within(raisedOn(a), from, to)).length,
      actionsDone: relevant.filter((a) => a.status === 'done' && within(a.closedOn, from, to)).length,
      actionsOpen: relevant.filter((a) => a.status !== 'done').length,
      bySource,
      deepDives: deepDives.length,
    },
  };
};
