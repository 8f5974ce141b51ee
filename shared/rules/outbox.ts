import type { AgendaItem, Meeting, Person } from '../schema/records';
import { findRecord, listRecords, recordsWhere, type StoreData } from '../data';
import { addDays, formatUkDate, isWorkingDay, type HolidaySet } from './dates';
import { boardMeetings, currentTor } from './boards';
import { numberedAgenda } from './agenda';
import { clearDaysFor, meetingPaperDeadline } from './papers';
import { clearanceStates, paperFingerprint } from './clearance';
import { titleIn } from './confidential';
import { NEW_MEMBER_SOURCE, registerOn, registerUpdates } from './interests';

/**
 * The messages Quorum writes (docs/ARCHITECTURE.md, the outbox), as they fall due: paper requests
 * about six weeks before a meeting, a reminder before the paper deadline, a chaser after it,
 * clearance requests, reminders to action owners. Pure: each message has a stable key, so one sent
 * (recorded) is never written again. A Part 2 item is named only by its public title: no exempt
 * words go into any e-mail.
 */

import { OUTBOX_KINDS } from '../schema/outbox';
import { compareCodes, compareEnglish } from './textOrder';
export type MessageKind = (typeof OUTBOX_KINDS)[number];

/** How far ahead a paper is asked for: six weeks before the meeting (the forward plan's horizon). */
export const REQUEST_DAYS_AHEAD = 42;
/** A reminder this many working days before the paper deadline. */
export const REMINDER_WORKING_DAYS = 3;
/** Action owners are reminded this many days before an action falls due. */
export const ACTION_REMINDER_DAYS = 7;

export type Recipient = { personId?: Person['id']; name: string; email: string };
export type DueMessage = {
  key: string;
  kind: MessageKind;
  /** The day it should go: today or earlier means it is due now. */
  dueOn: string;
  to: Recipient[];
  subject: string;
  body: string;
  /** The records it is about (the agenda item, the action). */
  about: string[];
  /** Why it cannot be sent as it stands (no e-mail address for the recipient). */
  problem?: string;
};

const workingDaysBefore = (date: string, n: number, holidays: HolidaySet): string => {
  let d = date;
  let counted = 0;
  while (counted < n) {
    d = addDays(d, -1);
    if (isWorkingDay(d, holidays)) counted++;
  }
  return d;
};

const recipient = (data: StoreData, personId?: Person['id'], fallbackName?: string): Recipient | undefined => {
  const p = personId ? findRecord(data, 'person', personId) : undefined;
  if (p) return { personId: p.id, name: p.name, email: p.email.trim() };
  return fallbackName ? { name: fallbackName, email: '' } : undefined;
};

const signOff = (data: StoreData) => {
  const partnership = listRecords(data, 'partnership')[0];
  const contact = partnership?.contact;
  return [contact?.name, partnership?.name, contact?.email, contact?.phone].filter((x) => x && x.trim()).join('\n');
};

const withProblem = (m: Omit<DueMessage, 'problem'>): DueMessage => {
  const missing = m.to.filter((r) => !r.email);
  return missing.length ? { ...m, problem: `No e-mail address for ${missing.map((r) => r.name).join(', ')}: add it in People and boards` } : m;
};

const paperMessages = (data: StoreData, meeting: Meeting, item: AgendaItem, today: string, holidays: HolidaySet): DueMessage[] => {
  const paper = item.paper;
  if (!paper || paper.status === 'not-needed' || item.standing || item.decisionsReport) return [];
  const board = findRecord(data, 'board', meeting.boardId)!;
  const author = recipient(data, paper.authorPersonId, paper.coverSheet.author || undefined);
  const deadline = meetingPaperDeadline(data, meeting, holidays);
  const clearDays = clearDaysFor(data, meeting);
  const title = titleIn(item, 'public');
  const when = `${board.name}, ${formatUkDate(meeting.date, true)}`;
  const deadlineWords = `${formatUkDate(deadline, true)} (${clearDays} clear working days before the meeting, as the board's terms of reference require)`;
  const out: DueMessage[] = [];
  const received = paper.status === 'received' && paper.body.trim().length > 0;
  if (author && !received) {
    const base = { to: [author], about: [item.id] };
    out.push(
      withProblem({
        ...base,
        key: `paper-request:${item.id}`,
        kind: 'paper-request',
        dueOn: addDays(meeting.date, -REQUEST_DAYS_AHEAD),
        subject: `Paper requested: ${title} (${when})`,
        body: `Dear ${author.name},\n\nThe ${board.name} meets on ${formatUkDate(meeting.date, true)}. Please send your paper "${title}" by ${deadlineWords}, with its cover sheet: an executive summary, what the board is asked to do, and the finance, legal, equalities and risk implications.\n\nThank you,\n${signOff(data)}`,
      }),
      withProblem({
        ...base,
        key: `paper-reminder:${item.id}`,
        kind: 'paper-reminder',
        dueOn: workingDaysBefore(deadline, REMINDER_WORKING_DAYS, holidays),
        subject: `Reminder: paper due ${formatUkDate(deadline)}: ${title}`,
        body: `Dear ${author.name},\n\nA reminder that your paper "${title}" for the ${when} meeting is due by ${deadlineWords}.\n\nThank you,\n${signOff(data)}`,
      }),
      withProblem({
        ...base,
        key: `paper-chaser:${item.id}`,
        kind: 'paper-chaser',
        dueOn: addDays(deadline, 1),
        subject: `Paper overdue: ${title} (${when})`,
        body: `Dear ${author.name},\n\nYour paper "${title}" for the ${when} meeting was due by ${deadlineWords}, and has not yet reached us. Please send it today, or tell us when it will come so the chair can decide whether it goes as a late paper.\n\nThank you,\n${signOff(data)}`,
      }),
    );
  }
  if (received) {
    for (const c of clearanceStates(data, board, item)) {
      if (c.state === 'cleared') continue;
      const rule = board.clearanceRules?.find((r) => r.key === c.key);
      const clearer = recipient(data, rule?.personId);
      if (!clearer) continue;
      // Keyed by the text's fingerprint: a paper changed after a clearance asks again.
      const fingerprint = paperFingerprint(item);
      const inApp = recordsWhere(data, 'clearanceRequest', 'agendaItemId', item.id).some((r) => r.key === c.key && r.personId === clearer.personId && r.paper.fingerprint === fingerprint);
      const how = inApp ? 'It is waiting for you in Quorum, under Papers to clear; or reply to this e-mail to clear it' : 'Reply to this e-mail to clear it';
      out.push(
        withProblem({
          key: `clearance-request:${item.id}:${c.key}:${fingerprint}`,
          kind: 'clearance-request',
          dueOn: paper.receivedOn && paper.receivedOn > today ? paper.receivedOn : today,
          to: [clearer],
          about: [item.id],
          subject: `${c.label} clearance requested: ${title} (${when})`,
          body: `Dear ${clearer.name},\n\nPlease give your ${c.label.toLowerCase()} clearance for the paper "${title}" for the ${when} meeting${c.state === 'reset' ? ': its text has changed since you last cleared it' : ''}. The papers go out by ${formatUkDate(deadline, true)}. ${how}, with any comment for the board.\n\nThank you,\n${signOff(data)}`,
        }),
      );
    }
  }
  return out;
};

/** Every message due on or before `horizon` (default: today) that has not been sent, soonest first. */
export const messagesDue = (data: StoreData, today: string, holidays: HolidaySet, sentKeys: ReadonlySet<string>, horizon = today): DueMessage[] => {
  const out: DueMessage[] = [];
  for (const board of listRecords(data, 'board').filter((b) => !b.closedOn))
    for (const meeting of boardMeetings(data, board.id).filter((m) => m.date > today && (m.status === 'planned' || m.status === 'agenda-published')))
      for (const item of recordsWhere(data, 'agendaItem', 'meetingId', meeting.id)) out.push(...paperMessages(data, meeting, item, today, holidays));
  // The pack's circulation notice: to every member in the terms of reference, once a whole pack is saved.
  for (const build of listRecords(data, 'packBuild').filter((b) => !b.items && !b.supplement)) {
    const meeting = findRecord(data, 'meeting', build.meetingId);
    if (!meeting || meeting.date < today || meeting.status === 'cancelled') continue;
    const board = findRecord(data, 'board', meeting.boardId);
    const tor = currentTor(data, meeting.boardId, meeting.date);
    const members = [...new Map((tor?.members ?? []).flatMap((m) => (m.personId ? [recipient(data, m.personId)] : [])).filter((r): r is Recipient => Boolean(r)).map((r) => [r.personId, r])).values()];
    if (!board || !members.length) continue;
    const items = numberedAgenda(recordsWhere(data, 'agendaItem', 'meetingId', meeting.id)).map(({ item, number }) => `${number}. ${titleIn(item, 'public')}`);
    out.push(
      withProblem({
        key: `circulation-notice:${meeting.id}:${build.variant}`,
        kind: 'circulation-notice',
        dueOn: build.builtAt.slice(0, 10),
        to: members,
        about: [meeting.id, build.id],
        subject: `Papers for the ${board.name}, ${formatUkDate(meeting.date, true)}`,
        body: `Dear members,\n\nThe ${build.variant === 'full' ? 'full pack (with the Part 2 papers, for members only)' : 'papers'} for the ${board.name} on ${formatUkDate(meeting.date, true)} at ${meeting.startTime}${meeting.venue ? `, ${meeting.venue}` : ''} are published: ${build.fileName}.\n\nAgenda:\n${items.join('\n')}\n\n${signOff(data)}`,
      }),
    );
  }
  // Written resolutions: sent to each voter when the window opens, and a reminder on each reminder date to those yet to reply.
  for (const d of listRecords(data, 'decision').filter((x) => x.written && !x.written.outcome && today <= x.written.closesOn)) {
    const w = d.written!;
    const board = findRecord(data, 'board', d.boardId);
    const replied = new Set(recordsWhere(data, 'decisionReply', 'decisionId', d.id).map((r) => r.personId));
    const title = d.part2 ? (d.part2.publicTitle?.trim() || `An exempt matter (Schedule 12A, paragraph ${d.part2.paragraph})`) : d.title;
    const words = d.part2 ? 'The resolution concerns exempt information: the secretariat will send you its text separately.' : `The resolution:\n\n${d.text}`;
    for (const personId of w.voterPersonIds) {
      const voter = recipient(data, personId);
      if (!voter) continue;
      const ask = `Please reply FOR, AGAINST or ABSTAIN by ${formatUkDate(w.closesOn, true)}. The quorum of the terms of reference applies to the replies, and the outcome is reported to the next meeting.`;
      out.push(withProblem({ key: `resolution:${d.id}:${personId}`, kind: 'resolution', dueOn: w.opensOn, to: [voter], about: [d.id], subject: `Written resolution${board ? ` of the ${board.shortName}` : ''}: ${title}`, body: `Dear ${voter.name},\n\n${words}\n\n${ask}\n\n${signOff(data)}` }));
      if (replied.has(personId)) continue;
      for (const on of w.reminderDates)
        out.push(withProblem({ key: `resolution-reminder:${d.id}:${personId}:${on}`, kind: 'resolution-reminder', dueOn: on, to: [voter], about: [d.id], subject: `Reminder: written resolution${board ? ` of the ${board.shortName}` : ''}: ${title}`, body: `Dear ${voter.name},\n\nWe have not yet had your reply to the written resolution "${title}". ${ask}\n\n${signOff(data)}` }));
    }
  }
  for (const action of listRecords(data, 'action').filter((a) => a.status !== 'done')) {
    const owner = recipient(data, action.ownerPersonId);
    if (!owner) continue;
    const board = findRecord(data, 'board', action.boardId);
    const item = action.agendaItemId ? findRecord(data, 'agendaItem', action.agendaItemId) : undefined;
    // An action of a Part 2 item is named by its item's public title only.
    const what = item?.part2 ? `an action from "${titleIn(item, 'public')}"` : `"${action.text}"`;
    out.push(
      withProblem({
        key: `action-reminder:${action.id}:${action.dueDate}`,
        kind: 'action-reminder',
        dueOn: addDays(action.dueDate, -ACTION_REMINDER_DAYS),
        to: [owner],
        about: [action.id],
        // Words as of the day it goes: a reminder not sent before the due date goes as an overdue notice.
        ...(action.dueDate < today
          ? {
              subject: `Action overdue since ${formatUkDate(action.dueDate)}${board ? `: ${board.shortName}` : ''}`,
              body: `Dear ${owner.name},\n\nThe ${board?.name ?? 'board'}'s action log has ${what} for you, which was due by ${formatUkDate(action.dueDate, true)} and is now overdue. Please send an update for the log, and if it needs more time, a new date for the board to agree.\n\nThank you,\n${signOff(data)}`,
            }
          : {
              subject: `Action due ${formatUkDate(action.dueDate)}${board ? `: ${board.shortName}` : ''}`,
              body: `Dear ${owner.name},\n\nThe ${board?.name ?? 'board'}'s action log has ${what} for you, due by ${formatUkDate(action.dueDate, true)}. Please send an update for the log before then.\n\nThank you,\n${signOff(data)}`,
            }),
      }),
    );
  }
  out.push(...registerMessages(data, today));
  // Soonest first; on a day, in the order of the cycle, then by subject: the same order on every machine (ids are random).
  return out.filter((m) => !sentKeys.has(m.key) && m.dueOn <= horizon).sort((a, b) => compareCodes(a.dueOn, b.dueOn) || OUTBOX_KINDS.indexOf(a.kind) - OUTBOX_KINDS.indexOf(b.kind) || compareEnglish(a.subject, b.subject) || compareCodes(a.key, b.key));
};

/** A week before the 28 days are up, a member who has not confirmed is reminded. */
export const REGISTER_REMINDER_DAYS = 7;

/**
 * The register's update (shared/rules/interests.ts registerUpdates): a request to each member with
 * their entries as held, filled in for them to confirm or correct; a reminder a week before the 28
 * days are up and a chaser the day after, until they confirm. A sensitive entry is named only as
 * one: its words stay in Quorum (Localism Act 2011 s.32).
 */
const registerMessages = (data: StoreData, today: string): DueMessage[] =>
  registerUpdates(data, today)
    .filter((u) => u.state !== 'confirmed')
    .flatMap((u) => {
      const to = recipient(data, u.personId);
      if (!to) return [];
      const entries = registerOn(data, today, { public: false, personId: u.personId });
      const lines = entries.map((e) => (e.sensitive ? '- A sensitive interest (its details are held by the secretariat, not written here)' : `- ${e.description}${e.body ? ` (${e.body})` : ''}, since ${formatUkDate(e.from)}${e.valuePounds !== undefined ? `, £${e.valuePounds}` : ''}`));
      const held = lines.length ? `The register holds for you:\n${lines.join('\n')}` : 'The register holds no interests for you.';
      const why = u.kind === 'new-member' ? `As a new member of the partnership's boards, please register your interests within 28 days of joining (${NEW_MEMBER_SOURCE})` : 'It is time for the annual update of the register of interests';
      const ask = `Please reply by ${formatUkDate(u.dueOn, true)} to confirm that it is complete and correct, or tell us what has changed: new interests (organisations and roles, employment, land, gifts and hospitality with their value) and any that have ended, with their dates. If publishing an interest could lead to violence or intimidation, say so: it will be kept off the public register (Localism Act 2011 s.32).`;
      const base = { to: [to], about: [u.personId] };
      return [
        withProblem({ ...base, key: `interests-request:${u.personId}:${u.opensOn}`, kind: 'interests-request' as const, dueOn: u.opensOn, subject: `Your register of interests: ${u.kind === 'new-member' ? 'as a new member' : 'annual update'}, by ${formatUkDate(u.dueOn)}`, body: `Dear ${to.name},\n\n${why}.\n\n${held}\n\n${ask}\n\nThank you,\n${signOff(data)}` }),
        withProblem({ ...base, key: `interests-reminder:${u.personId}:${u.opensOn}`, kind: 'interests-reminder' as const, dueOn: addDays(u.dueOn, -REGISTER_REMINDER_DAYS), subject: `Reminder: your register of interests, by ${formatUkDate(u.dueOn)}`, body: `Dear ${to.name},\n\nWe have not yet had your confirmation of the register of interests.\n\n${held}\n\n${ask}\n\nThank you,\n${signOff(data)}` }),
        withProblem({ ...base, key: `interests-overdue:${u.personId}:${u.opensOn}`, kind: 'interests-reminder' as const, dueOn: addDays(u.dueOn, 1), subject: `Overdue: your register of interests, due ${formatUkDate(u.dueOn)}`, body: `Dear ${to.name},\n\nYour confirmation of the register of interests was due by ${formatUkDate(u.dueOn, true)}. Please send it today.\n\n${held}\n\n${ask}\n\nThank you,\n${signOff(data)}` }),
      ];
    });
