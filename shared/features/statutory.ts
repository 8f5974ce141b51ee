import { z } from 'zod';
import { expectedRev, isoDate, line, noInput, optionalLine, recordId } from '../schema/common';
import { CASE_KINDS, VOTES, part2Schema, type Case, type Decision, type Obligation, type RecordOf } from '../schema/records';
import { findRecord, getRecord, listRecords, type StoreData } from '../data';
import { QuorumFailure } from '../result';
import { askToConfirm } from '../rules/confirm';
import { formatUkDate } from '../rules/dates';
import { currentTor } from '../rules/boards';
import { clip } from '../rules/words';
import { betweenMeetingsRoute, caseStepDue, caseTitle, figureFor, figureWords, obligationsOf, settingOf } from '../rules/obligations';
import { caseSteps, CASE_KIND_LABELS, templatesFor, type ObligationTemplate } from '../rules/obligationTemplates';
import { DECISIONS_ITEM_TITLE, decidedOn, repliesTo, routeWords, writtenOutcome } from '../rules/decisions';
import { ChangeSet } from '../kernel/changeSet';
import { mutation, query, type CommandContext } from '../kernel/operation';
import { reportingMeeting, syncDecisionItems } from './decisionItems';
import { compareCodes, compareEnglish } from '../rules/textOrder';

/**
 * Statutory clocks (docs/ARCHITECTURE.md, statutory clocks): a board's obligations and its own
 * figures for them, cases whose clocks start on a date, and decisions between meetings by the
 * route the board's rules allow, each reported to the next meeting.
 */

const boardOf = (data: StoreData, id: string) => getRecord(data, 'board', id, 'That board no longer exists');

const templateForBoard = (data: StoreData, boardId: string, key: string): ObligationTemplate => {
  const board = boardOf(data, boardId);
  const t = templatesFor(board).find((x) => x.key === key);
  if (!t) throw new QuorumFailure('invalid-input', `The ${board.shortName} carries no obligation “${key}”.`, { key: 'Not an obligation of this board' });
  return t;
};

/** Units counted forward from a start (fewer is stricter); notices counted back from a meeting (more is stricter). */
const STRICTER_IS_MORE = new Set<ObligationTemplate['unit']>(['clear-working-days-before', 'clear-days-before', 'days-before']);

const saveSetting = (data: StoreData, cs: ChangeSet, boardId: Obligation['boardId'], key: string, patch: Partial<Pick<Obligation, 'figure' | 'notApplicable' | 'dueDates' | 'met'>>, ctx: CommandContext, rev?: number) => {
  const current = settingOf(data, boardId, key);
  if (current) return cs.update(current, patch, rev);
  return cs.create<Obligation>({ id: ctx.newId('obligation'), type: 'obligation', boardId, key, met: [], ...patch });
};

/** A board's own figure for an obligation: stricter than a statutory one, or its own timetable; not applicable (with why); this year's dates. */
export const setObligation = mutation({
  name: 'obligations:set',
  writes: ['obligation'],
  input: z
    .object({
      boardId: recordId('board'),
      key: line(80),
      figure: z.number().int().min(1).max(400).nullable().optional(),
      notApplicable: optionalLine(1000).optional(),
      dueDates: z.array(z.object({ on: isoDate, what: line(300) }).strict()).max(50).optional(),
      expectedRev,
    })
    .strict(),
  apply(data, { boardId, key, figure, notApplicable, dueDates, expectedRev }, ctx) {
    const board = boardOf(data, boardId);
    const t = templateForBoard(data, boardId, key);
    if (figure != null && t.statutory && t.figure > 0) {
      const looser = STRICTER_IS_MORE.has(t.unit) ? figure < t.figure : figure > t.figure;
      if (looser)
        throw new QuorumFailure(
          'invalid-input',
          `${t.title}: the law sets ${figureWords(t.figure, t.unit)} (${t.source}). A board may set a stricter figure, never a looser one.`,
          { figure: `${STRICTER_IS_MORE.has(t.unit) ? 'At least' : 'At most'} ${figureWords(t.figure, t.unit)}` },
        );
    }
    if (dueDates && t.clock.kind !== 'dated') throw new QuorumFailure('invalid-input', `${t.title} is counted by Quorum; dates are entered only for duties set each year.`);
    const cs = new ChangeSet(data, ctx);
    saveSetting(data, cs, board.id, key, { ...(figure !== undefined ? { figure: figure ?? undefined } : {}), ...(notApplicable !== undefined ? { notApplicable: notApplicable || undefined } : {}), ...(dueDates ? { dueDates } : {}) }, ctx, expectedRev);
    const said = notApplicable ? 'not applicable' : figure ? figureWords(figure, t.unit) : figure === null ? `back to ${figureWords(t.figure, t.unit)}` : 'dates saved';
    return cs.result(`${board.shortName}: ${t.title}: ${said}`);
  },
});

/** Records that a standing obligation was met on a date (a report published, a notice given for a meeting). */
export const recordObligationMet = mutation({
  name: 'obligations:met',
  writes: ['obligation'],
  input: z.object({ boardId: recordId('board'), key: line(80), on: isoDate, meetingId: recordId('meeting').optional(), note: optionalLine(500).optional(), confirmed: z.boolean().optional() }).strict(),
  apply(data, { boardId, key, on, meetingId, note, confirmed }, ctx) {
    const board = boardOf(data, boardId);
    const t = templateForBoard(data, boardId, key);
    if (t.clock.kind === 'case-step') throw new QuorumFailure('invalid-input', `${t.title} is a step of a case: record it on the case.`);
    if (t.clock.kind === 'meeting-notice' && !meetingId) throw new QuorumFailure('invalid-input', `Say which meeting the notice was for.`, { meetingId: 'Choose the meeting' });
    if (meetingId && getRecord(data, 'meeting', meetingId).boardId !== board.id) throw new QuorumFailure('invalid-input', 'The meeting must be one of this board’s.');
    askToConfirm(confirmed, on > ctx.today() && `${formatUkDate(on)} is still to come. Record it once it is done, or confirm the date.`, 'on');
    const current = settingOf(data, board.id, key);
    const cs = new ChangeSet(data, ctx);
    const met = [...(current?.met ?? []).filter((m) => !(meetingId && m.meetingId === meetingId) && !(note && t.clock.kind === 'dated' && m.note === note)), { on, ...(meetingId ? { meetingId } : {}), ...(note ? { note } : {}) }];
    saveSetting(data, cs, board.id, key, { met }, ctx);
    return cs.result(`${board.shortName}: ${t.title}${note ? ` (${clip(note, 80)})` : ''} met on ${formatUkDate(on)}`);
  },
});

// ---- Cases ------------------------------------------------------------------------------------

const REFERENCE_PREFIX: Record<Case['kind'], string> = { 'serious-incident-notification': 'SIN', 'local-practice-review': 'LCSPR' };

/** The next reference of a kind in a year: SIN-2024-03. A case is known by its reference only. */
const nextReference = (data: StoreData, kind: Case['kind'], startsOn: string) => {
  const stem = `${REFERENCE_PREFIX[kind]}-${startsOn.slice(0, 4)}-`;
  const taken = listRecords(data, 'case').map((c) => c.reference).filter((r) => r.startsWith(stem)).map((r) => Number(r.slice(stem.length)) || 0);
  return `${stem}${String(Math.max(0, ...taken) + 1).padStart(2, '0')}`;
};

/**
 * Opens a case on the date that starts its clock (`quorum call cases:open '{"boardId":…,"kind":
 * "serious-incident-notification","startsOn":"2024-12-13"}'`). The reference is the partnership's
 * own, or the next free one; a case never holds a child's name.
 */
export const openCase = mutation({
  name: 'cases:open',
  answer: (outcome) => ({ summary: outcome.summary, caseId: outcome.changes.find((c) => c.id.startsWith('case:'))!.id as Case['id'] }),
  writes: ['case'],
  input: z.object({ boardId: recordId('board'), kind: z.enum(CASE_KINDS), startsOn: isoDate, reference: optionalLine(60).optional(), confirmed: z.boolean().optional() }).strict(),
  apply(data, { boardId, kind, startsOn, reference, confirmed }, ctx) {
    const board = boardOf(data, boardId);
    if (!templatesFor(board).some((t) => t.clock.kind === 'case-step' && t.clock.caseKind === kind))
      throw new QuorumFailure('invalid-input', `A ${CASE_KIND_LABELS[kind].toLowerCase()} belongs to a safeguarding children partnership (Working Together to Safeguard Children 2023, chapter 5); the ${board.shortName} is not one.`, { kind: 'Not a case this board runs' });
    askToConfirm(confirmed, startsOn > ctx.today() && `${formatUkDate(startsOn)} is still to come: the clock starts on the day the partnership became aware or decided. Check the date, or confirm it.`, 'startsOn');
    const ref = reference?.trim() || nextReference(data, kind, startsOn);
    if (listRecords(data, 'case').some((c) => c.reference.toLowerCase() === ref.toLowerCase()))
      throw new QuorumFailure('conflict', `Another case already has the reference ${ref}.`, { reference: 'Already used' });
    const cs = new ChangeSet(data, ctx);
    const c = cs.create<Case>({ id: ctx.newId('case'), type: 'case', boardId: board.id, kind, reference: ref, startsOn, steps: [] });
    return cs.result(`Opened ${caseTitle(c)} for the ${board.shortName}, from ${formatUkDate(startsOn)}`);
  },
});

const stepOf = (c: Case, key: string): ObligationTemplate => {
  const t = caseSteps(c.kind).find((s) => s.key === key);
  if (!t) throw new QuorumFailure('invalid-input', `“${key}” is not a step of a ${CASE_KIND_LABELS[c.kind].toLowerCase()}.`, { key: 'Not a step of this case' });
  return t;
};

const markStep = (cs: ChangeSet, c: Case, key: string, on: string) => cs.update(c, { steps: [...c.steps.filter((s) => s.key !== key), { key, on }] });

/** Records a step of a case done on a date (the notification sent, the rapid review completed); the next step counts from it. */
export const recordCaseStep = mutation({
  name: 'cases:step',
  writes: ['case'],
  input: z.object({ caseId: recordId('case'), key: line(80), on: isoDate, confirmed: z.boolean().optional() }).strict(),
  apply(data, { caseId, key, on, confirmed }, ctx) {
    const c = getRecord(data, 'case', caseId, 'That case no longer exists');
    const t = stepOf(c, key);
    if (c.closedOn) throw new QuorumFailure('conflict', `${caseTitle(c)} was closed on ${formatUkDate(c.closedOn)}.`);
    if (on < c.startsOn) throw new QuorumFailure('invalid-input', `${formatUkDate(on)} is before the case started (${formatUkDate(c.startsOn)}).`, { on: 'Before the case started' });
    askToConfirm(confirmed, on > ctx.today() && `${formatUkDate(on)} is still to come. Record a step once it is done, or confirm the date.`, 'on');
    const cs = new ChangeSet(data, ctx);
    markStep(cs, c, key, on);
    return cs.result(`${c.reference}: ${t.title} on ${formatUkDate(on)}`);
  },
});

export const closeCase = mutation({
  name: 'cases:close',
  undoable: true,
  writes: ['case'],
  input: z.object({ caseId: recordId('case'), on: isoDate }).strict(),
  apply(data, { caseId, on }, ctx) {
    const c = getRecord(data, 'case', caseId, 'That case no longer exists');
    if (on < c.startsOn) throw new QuorumFailure('invalid-input', `${formatUkDate(on)} is before the case started.`, { on: 'Before the case started' });
    const cs = new ChangeSet(data, ctx);
    cs.update(c, { closedOn: on });
    return cs.result(`Closed ${caseTitle(c)} on ${formatUkDate(on)}`);
  },
});

// ---- Decisions between meetings ----------------------------------------------------------------

/** Reports a decision to the board's next meeting: links it, and rewrites that meeting's decisions items. */
const reportDecision = (data: StoreData, cs: ChangeSet, decision: Decision, on: string, ctx: CommandContext): string => {
  const meeting = reportingMeeting(data, decision.boardId, on);
  if (!meeting) return '. No meeting of the board is planned yet: it will be reported to the next one planned';
  const linked = cs.update(decision, { reportedToMeetingId: meeting.id });
  const before = listRecords(data, 'decision').filter((d) => d.reportedToMeetingId === meeting.id && d.id !== decision.id && (d.urgent || d.written?.outcome));
  syncDecisionItems(data, cs, meeting.id, [...before, linked], ctx, before);
  return `; reported to the meeting of ${formatUkDate(meeting.date)} under “${DECISIONS_ITEM_TITLE}”`;
};

/** A decision for a case meets the case's next step the board decides (the rapid review's decision on a local review). */
const meetCaseStep = (data: StoreData, cs: ChangeSet, caseId: Case['id'] | undefined, on: string): string => {
  if (!caseId) return '';
  const c = getRecord(data, 'case', caseId, 'That case no longer exists');
  const step = caseSteps(c.kind).find((t) => t.boardDecision && !c.steps.some((s) => s.key === t.key));
  if (!step) return '';
  markStep(cs, c, step.key, on);
  return `; ${c.reference}: ${step.title.toLowerCase()} recorded on ${formatUkDate(on)}`;
};

const decisionFields = {
  boardId: recordId('board'),
  title: line(300),
  text: line(5000),
  caseId: recordId('case').optional(),
  keyDecision: z.boolean().default(false),
  part2: part2Schema.optional(),
};

const checkCase = (data: StoreData, boardId: string, caseId?: Case['id']) => {
  if (caseId && getRecord(data, 'case', caseId, 'That case no longer exists').boardId !== boardId) throw new QuorumFailure('invalid-input', 'The case must be one of this board’s.');
};

/**
 * An urgent decision between meetings of a council committee: taken by a named officer in
 * consultation with the chair, with the reasons it could not wait; a key decision without 28 clear
 * days' notice also needs the special-urgency agreement (2012 Regulations reg 11). Reported to the
 * next meeting.
 */
export const takeUrgentDecision = mutation({
  name: 'decisions:urgent',
  answer: (outcome) => ({ summary: outcome.summary, decisionId: outcome.changes.find((c) => c.id.startsWith('decision:'))!.id as Decision['id'] }),
  writes: ['decision', 'agendaItem', 'case'],
  input: z
    .object({
      ...decisionFields,
      officerPersonId: recordId('person'),
      reasons: line(3000),
      consulted: z.array(z.object({ personId: recordId('person'), on: isoDate, role: line(200) }).strict()).min(1, 'Name who was consulted: the chair at least').max(10),
      specialUrgency: z.object({ agreedBy: line(300), on: isoDate }).strict().optional(),
      takenOn: isoDate,
    })
    .strict(),
  apply(data, input, ctx) {
    const board = boardOf(data, input.boardId);
    if (board.rules !== 'council-committee') {
      const route = betweenMeetingsRoute(data, board);
      throw new QuorumFailure('invalid-input', `The ${board.shortName} follows its own terms of reference, not the council's urgency procedure. ${route.words}`, { route: 'Not this board’s route' });
    }
    checkCase(data, board.id, input.caseId);
    getRecord(data, 'person', input.officerPersonId, 'The officer taking the decision is not in the directory');
    for (const c of input.consulted) {
      getRecord(data, 'person', c.personId, 'Someone consulted is not in the directory');
      if (c.on > input.takenOn) throw new QuorumFailure('invalid-input', 'The consultation comes before the decision: check its date.', { consulted: 'After the decision' });
    }
    const tor = currentTor(data, board.id, input.takenOn);
    const leaders = [tor?.chairMemberKey, tor?.viceChairMemberKey].map((k) => tor?.members.find((m) => m.key === k)?.personId).filter(Boolean);
    if (leaders.length && !input.consulted.some((c) => leaders.includes(c.personId)))
      throw new QuorumFailure('invalid-input', 'An urgent decision is taken in consultation with the chair (or, in their absence, the vice-chair): the chair named in the terms of reference is not among those consulted.', { consulted: 'Consult the chair' });
    if (input.keyDecision && !input.specialUrgency)
      throw new QuorumFailure(
        'invalid-input',
        "A key decision taken without 28 clear days' notice needs the agreement of the chair of the relevant overview and scrutiny committee (or, failing that, the chair or vice-chair of the council) that it is urgent and cannot reasonably be deferred (2012 Regulations reg 11). Record who agreed and when.",
        { specialUrgency: 'Needed for a key decision' },
      );
    if (input.takenOn > ctx.today()) throw new QuorumFailure('invalid-input', `${formatUkDate(input.takenOn)} is still to come: record the decision once it is taken.`, { takenOn: 'Still to come' });
    const cs = new ChangeSet(data, ctx);
    const { officerPersonId, reasons, consulted, specialUrgency, takenOn, boardId, title, text, caseId, keyDecision, part2 } = input;
    const d = cs.create<Decision>({
      id: ctx.newId('decision'),
      type: 'decision',
      boardId,
      route: 'urgent-officer',
      title,
      text,
      keyDecision,
      ...(caseId ? { caseId } : {}),
      ...(part2 ? { part2 } : {}),
      urgent: { officerPersonId, reasons, consulted, ...(specialUrgency ? { specialUrgency } : {}), takenOn },
    });
    const reported = reportDecision(data, cs, d, takenOn, ctx);
    const step = meetCaseStep(data, cs, caseId, takenOn);
    return cs.result(`Recorded the urgent decision “${clip(title, 100)}” of ${formatUkDate(takenOn)}${step}${reported}`);
  },
});

/**
 * A written resolution, where the board's own terms of reference allow one: sent to voting members
 * with a window for replies and reminders. Never for a council committee, which decides only at a
 * meeting.
 */
export const proposeWrittenResolution = mutation({
  name: 'decisions:propose',
  answer: (outcome) => ({ summary: outcome.summary, decisionId: outcome.changes.find((c) => c.id.startsWith('decision:'))!.id as Decision['id'] }),
  writes: ['decision'],
  input: z
    .object({ ...decisionFields, voterPersonIds: z.array(recordId('person')).min(1, 'Choose who votes').max(200), opensOn: isoDate, closesOn: isoDate, reminderDates: z.array(isoDate).max(10).default([]) })
    .strict(),
  apply(data, input, ctx) {
    const board = boardOf(data, input.boardId);
    const route = betweenMeetingsRoute(data, board);
    if (route.route !== 'written-resolution') throw new QuorumFailure('invalid-input', route.words, { route: 'Not a route this board may use' });
    checkCase(data, board.id, input.caseId);
    const tor = currentTor(data, board.id, input.opensOn);
    const voting = new Set((tor?.members ?? []).filter((m) => m.voting && m.personId).map((m) => m.personId!));
    const strangers = input.voterPersonIds.filter((p) => !voting.has(p));
    if (strangers.length) throw new QuorumFailure('invalid-input', `Only voting members of the terms of reference vote on a written resolution; ${strangers.length === 1 ? 'one chosen is not' : `${strangers.length} chosen are not`}.`, { voterPersonIds: 'Voting members only' });
    if (input.closesOn < input.opensOn) throw new QuorumFailure('invalid-input', 'The window closes before it opens.', { closesOn: 'Before it opens' });
    if (input.opensOn < ctx.today()) throw new QuorumFailure('invalid-input', `${formatUkDate(input.opensOn)} has passed: a written resolution opens today or later.`, { opensOn: 'In the past' });
    for (const r of input.reminderDates)
      if (r < input.opensOn || r > input.closesOn) throw new QuorumFailure('invalid-input', `The reminder on ${formatUkDate(r)} falls outside the window.`, { reminderDates: 'Inside the window' });
    const cs = new ChangeSet(data, ctx);
    const { boardId, title, text, caseId, keyDecision, part2, voterPersonIds, opensOn, closesOn, reminderDates } = input;
    cs.create<Decision>({
      id: ctx.newId('decision'),
      type: 'decision',
      boardId,
      route: 'written-resolution',
      title,
      text,
      keyDecision,
      ...(caseId ? { caseId } : {}),
      ...(part2 ? { part2 } : {}),
      written: { voterPersonIds: [...new Set(voterPersonIds)], opensOn, closesOn, reminderDates: [...new Set(reminderDates)].sort() },
    });
    return cs.result(`Sent the written resolution “${clip(title, 100)}” to ${new Set(voterPersonIds).size} voting members: replies by ${formatUkDate(closesOn)}`);
  },
});

/** One voter's reply, as it arrived (typed in from an e-mail, or the partner's own in team mode). Write-once; only inside the window. */
export const recordReply = mutation({
  name: 'decisions:reply',
  writes: ['decisionReply'],
  input: z.object({ decisionId: recordId('decision'), personId: recordId('person'), vote: z.enum(VOTES), receivedOn: isoDate.optional(), comment: optionalLine(2000).optional(), via: z.enum(['secretariat', 'own']).default('secretariat') }).strict(),
  apply(data, given, ctx) {
    // A reply given in the app by the voter themselves arrives today.
    const input = { ...given, receivedOn: given.receivedOn ?? ctx.today() };
    const d = getRecord(data, 'decision', input.decisionId, 'That decision no longer exists');
    const w = d.written;
    if (!w) throw new QuorumFailure('invalid-input', 'Only a written resolution takes replies.');
    if (w.outcome) throw new QuorumFailure('conflict', `The outcome was fixed when the window closed (${formatUkDate(w.closesOn)}): no reply can be added.`);
    // A partner's own reply is made on the partners' copy, which holds no directory of people: the sign-in vouches for who they are.
    const found = findRecord(data, 'person', input.personId);
    if (!found && input.via !== 'own') throw new QuorumFailure('not-found', 'That person is not in the directory');
    const person = { id: input.personId, name: found?.name ?? 'You' };
    if (!w.voterPersonIds.includes(person.id)) throw new QuorumFailure('invalid-input', `${person.name} ${found ? 'is' : 'are'} not one of the voters on this resolution.`, { personId: 'Not a voter' });
    if (input.receivedOn < w.opensOn || input.receivedOn > w.closesOn)
      throw new QuorumFailure('invalid-input', `The window for replies ran from ${formatUkDate(w.opensOn)} to ${formatUkDate(w.closesOn)}; a reply on ${formatUkDate(input.receivedOn)} does not count.`, { receivedOn: 'Outside the window' });
    if (input.receivedOn > ctx.today()) throw new QuorumFailure('invalid-input', `${formatUkDate(input.receivedOn)} is still to come.`, { receivedOn: 'Still to come' });
    if (repliesTo(data, d.id).some((r) => r.personId === person.id)) throw new QuorumFailure('conflict', `${person.name === 'You' ? 'You have' : `${person.name} has`} already replied; a reply is recorded once.`, { personId: 'Already replied' });
    const cs = new ChangeSet(data, ctx);
    cs.create<RecordOf<'decisionReply'>>({ id: ctx.newId('decisionReply'), type: 'decisionReply', decisionId: d.id, personId: person.id, vote: input.vote, receivedOn: input.receivedOn, via: input.via, ...(input.comment ? { comment: input.comment } : {}) });
    return cs.result(`${person.name} replied ${input.vote === 'abstain' ? 'abstaining' : input.vote} on “${clip(d.title, 80)}”`);
  },
});

/** Fixes a written resolution's outcome once its window has closed: the ToR's quorum on the replies, then the majority; reported to the next meeting. */
export const closeWrittenResolution = mutation({
  name: 'decisions:close',
  writes: ['decision', 'agendaItem', 'case'],
  input: z.object({ decisionId: recordId('decision') }).strict(),
  apply(data, { decisionId }, ctx) {
    const d = getRecord(data, 'decision', decisionId, 'That decision no longer exists');
    const w = d.written;
    if (!w) throw new QuorumFailure('invalid-input', 'Only a written resolution has a window to close.');
    if (w.outcome) throw new QuorumFailure('conflict', `The outcome was fixed on ${formatUkDate(w.outcome.fixedAt.slice(0, 10))}: ${w.outcome.summary}`);
    if (ctx.today() <= w.closesOn) throw new QuorumFailure('conflict', `The window is open until the end of ${formatUkDate(w.closesOn)}; the outcome is fixed after it closes.`);
    const outcome = writtenOutcome(currentTor(data, d.boardId, w.closesOn), d, repliesTo(data, d.id));
    const cs = new ChangeSet(data, ctx);
    const fixed = cs.update(d, { written: { ...w, outcome: { result: outcome.result, summary: outcome.summary, fixedAt: ctx.now() } } });
    const step = outcome.result === 'carried' ? meetCaseStep(data, cs, d.caseId, w.closesOn) : '';
    const reported = reportDecision(data, cs, fixed, w.closesOn, ctx);
    return cs.result(`“${clip(d.title, 100)}”: ${outcome.summary}${step}${reported}`);
  },
});

// ---- Queries ------------------------------------------------------------------------------------

/** What is due, overdue and met, for one board or all: the list `quorum obligations` prints. */
export const listObligations = query({
  name: 'obligations:list',
  input: z.object({ boardId: recordId('board').optional() }).strict(),
  reads: ['board', 'tor', 'meeting', 'agendaItem', 'forwardPlanItem', 'packBuild', 'obligation', 'case'],
  view: (data, { boardId }, env) => obligationsOf(data, env.today, env.holidays, boardId),
});

/** The Statutory clocks screen: each board's obligations and own figures, its cases and its decisions between meetings. */
export const clocksView = query({
  name: 'clocks:view',
  input: noInput,
  reads: ['board', 'tor', 'meeting', 'agendaItem', 'forwardPlanItem', 'packBuild', 'obligation', 'case', 'decision', 'decisionReply', 'person', 'organisation'],
  view(data, _input, env) {
    const orgName = (id: string) => data.records[id]?.type === 'organisation' ? (data.records[id] as { name: string }).name : '';
    const people = listRecords(data, 'person').filter((p) => !p.retiredOn).sort((a, b) => compareEnglish(a.name, b.name)).map((p) => ({ id: p.id, name: p.name, organisation: orgName(p.organisationId), jobTitle: p.jobTitle }));
    const boards = listRecords(data, 'board')
      .filter((b) => !b.closedOn)
      .sort((a, b) => compareEnglish(a.name, b.name))
      .map((b) => {
        const tor = currentTor(data, b.id, env.today);
        const leaders = [tor?.chairMemberKey, tor?.viceChairMemberKey].map((k) => tor?.members.find((m) => m.key === k)?.personId);
        return {
          id: b.id,
          name: b.name,
          shortName: b.shortName,
          kind: b.kind,
          rules: b.rules,
          route: betweenMeetingsRoute(data, b),
          chairPersonId: leaders[0] ?? null,
          votingPersonIds: (tor?.members ?? []).filter((m) => m.voting && m.personId).map((m) => m.personId!),
          caseKinds: CASE_KINDS.filter((k) => templatesFor(b).some((t) => t.clock.kind === 'case-step' && t.clock.caseKind === k)),
          settings: templatesFor(b).map((t) => {
            const own = settingOf(data, b.id, t.key);
            return { key: t.key, title: t.title, rule: t.rule, source: t.source, unit: t.unit, statutory: t.statutory, clock: t.clock.kind, templateFigure: t.figure, figure: figureFor(data, b, t), ownFigure: own?.figure ?? null, notApplicable: own?.notApplicable ?? '', dueDates: own?.dueDates ?? [], rev: own?.rev ?? null };
          }),
        };
      });
    const cases = listRecords(data, 'case')
      .sort((a, b) => compareCodes(b.startsOn, a.startsOn))
      .map((c) => {
        const board = getRecord(data, 'board', c.boardId);
        return {
          id: c.id,
          boardId: c.boardId,
          reference: c.reference,
          kind: c.kind,
          kindLabel: CASE_KIND_LABELS[c.kind],
          startsOn: c.startsOn,
          closedOn: c.closedOn ?? null,
          steps: caseSteps(c.kind).map((t) => ({ key: t.key, title: t.title, dueOn: caseStepDue(data, board, c, t.key, env.holidays), doneOn: c.steps.find((s) => s.key === t.key)?.on ?? null, source: t.source })),
        };
      });
    const decisions = listRecords(data, 'decision')
      .sort((a, b) => compareCodes(decidedOn(b) ?? b.written?.closesOn ?? '', decidedOn(a) ?? a.written?.closesOn ?? ''))
      .map((d) => {
        const replies = repliesTo(data, d.id);
        const meeting = d.reportedToMeetingId ? data.records[d.reportedToMeetingId] : undefined;
        return {
          id: d.id,
          boardId: d.boardId,
          title: d.title,
          text: d.text,
          route: d.route,
          keyDecision: d.keyDecision,
          part2: Boolean(d.part2),
          how: routeWords(data, d),
          written: d.written
            ? { opensOn: d.written.opensOn, closesOn: d.written.closesOn, reminderDates: d.written.reminderDates, voters: d.written.voterPersonIds, outcome: d.written.outcome ?? null, canClose: !d.written.outcome && env.today > d.written.closesOn }
            : null,
          replies: replies.map((r) => ({ personId: r.personId, vote: r.vote, receivedOn: r.receivedOn, comment: r.comment ?? '' })),
          reportedTo: meeting?.type === 'meeting' ? meeting.date : null,
        };
      });
    return { today: env.today, boards, people, cases, decisions, obligations: obligationsOf(data, env.today, env.holidays) };
  },
});

export const caseRegister = query({
  name: 'cases:list',
  input: z.object({ boardId: recordId('board').optional() }).strict(),
  reads: ['case', 'board', 'obligation', 'tor'],
  view: (data, { boardId }, env) =>
    listRecords(data, 'case')
      .filter((c) => !boardId || c.boardId === boardId)
      .map((c) => ({ id: c.id, reference: c.reference, kind: c.kind, startsOn: c.startsOn, closedOn: c.closedOn ?? null, steps: caseSteps(c.kind).map((t) => ({ key: t.key, dueOn: caseStepDue(data, getRecord(data, 'board', c.boardId), c, t.key, env.holidays), doneOn: c.steps.find((s) => s.key === t.key)?.on ?? null })) })),
});


/**
 * The written resolutions a voter is asked to answer (a partner reviewer's own screen in team mode),
 * open or closed, with their own reply. On a partner's copy only the resolutions sent to partners are held.
 */
export const resolutionsFor = query({
  name: 'decisions:mine',
  input: z.object({ personId: recordId('person') }).strict(),
  reads: ['decision', 'decisionReply', 'board'],
  view: (data, { personId }, env) =>
    listRecords(data, 'decision')
      .filter((d) => d.written?.voterPersonIds.includes(personId))
      .sort((a, b) => compareCodes(b.written!.closesOn, a.written!.closesOn))
      .map((d) => {
        const mine = repliesTo(data, d.id).find((r) => r.personId === personId);
        const board = data.records[d.boardId];
        return {
          id: d.id,
          board: board?.type === 'board' ? board.name : '',
          title: d.title,
          text: d.text,
          opensOn: d.written!.opensOn,
          closesOn: d.written!.closesOn,
          open: !d.written!.outcome && env.today >= d.written!.opensOn && env.today <= d.written!.closesOn,
          outcome: d.written!.outcome?.summary ?? null,
          myReply: mine ? { vote: mine.vote, receivedOn: mine.receivedOn, comment: mine.comment ?? '' } : null,
        };
      }),
});
