import { z } from 'zod';
import { expectedRev, isoDate, optionalLine, recordId } from '../schema/common';
import { torSchema, type RecordOf, type TermsOfReference } from '../schema/records';
import { getRecord, listRecords, recordsWhere } from '../data';
import { QuorumFailure } from '../result';
import { approvalAtUnheldMeeting, askToConfirm } from '../rules/confirm';
import { formatUkDate } from '../rules/dates';
import { ChangeSet } from '../kernel/changeSet';
import { mutation, query } from '../kernel/operation';
import { boardMeetings } from '../rules/boards';
import type { TorView } from '../views';
import { compareEnglish } from '../rules/textOrder';

/** What the secretariat edits in a ToR; version, status and approval follow from the lifecycle. */
export const torFields = torSchema.pick({
  purpose: true,
  responsibilities: true,
  members: true,
  chairMemberKey: true,
  viceChairMemberKey: true,
  quorum: true,
  meetingsPerYear: true,
  deepDivesPerMeeting: true,
  paperDeadlineWorkingDays: true,
  reportsToBoardIds: true,
  permissions: true,
  writtenResolutions: true,
  reviewDate: true,
});

const versionsOf = (data: Parameters<typeof getRecord>[0], boardId: string) => recordsWhere(data, 'tor', 'boardId', boardId).sort((a, b) => a.version - b.version);

const checkMembers = (fields: z.output<typeof torFields>) => {
  const keys = new Set<string>();
  for (const m of fields.members) {
    if (keys.has(m.key)) throw new QuorumFailure('invalid-input', `Two members share the key “${m.key}”; each seat needs its own.`);
    keys.add(m.key);
  }
  for (const [role, key] of [['chair', fields.chairMemberKey], ['vice-chair', fields.viceChairMemberKey]] as const)
    if (key && !keys.has(key)) throw new QuorumFailure('invalid-input', `The ${role} must be one of the members.`);
};

/**
 * Saves the board's terms of reference as a draft. A draft is edited in place; editing an approved
 * (or superseded) version starts a new draft version from the edited text, so what the board
 * approved is never changed after the event.
 */
export const saveTorDraft = mutation({
  name: 'tor:saveDraft',
  writes: ['tor'],
  input: torFields.extend({ boardId: recordId('board'), basedOnId: recordId('tor').optional(), expectedRev }).strict(),
  apply(data, { boardId, basedOnId, expectedRev, ...fields }, ctx) {
    const board = getRecord(data, 'board', boardId);
    checkMembers(fields);
    for (const id of fields.reportsToBoardIds) getRecord(data, 'board', id);
    const versions = versionsOf(data, board.id);
    const draft = versions.find((t) => t.status === 'draft');
    const base = basedOnId ? getRecord(data, 'tor', basedOnId) : undefined;
    const cs = new ChangeSet(data, ctx);
    if (base?.status === 'draft' || (!base && draft)) {
      const target = base ?? draft!;
      cs.update(target, fields, expectedRev);
      return cs.result(`Saved the draft terms of reference of the ${board.shortName} (version ${target.version})`);
    }
    if (draft) throw new QuorumFailure('conflict', `The ${board.shortName} already has a draft (version ${draft.version}); edit that one.`);
    const version = (versions.at(-1)?.version ?? 0) + 1;
    cs.create<TermsOfReference>({ id: ctx.newId('tor'), type: 'tor', boardId: board.id, version, status: 'draft', ...fields } as RecordOf<'tor'>);
    return cs.result(`Started version ${version} of the ${board.shortName}’s terms of reference as a draft`);
  },
});

/** The board approves a draft (date, meeting, minute); the version it replaces is superseded. */
export const approveTor = mutation({
  name: 'tor:approve',
  writes: ['tor'],
  input: z.object({ torId: recordId('tor'), date: isoDate, meetingId: recordId('meeting').optional(), minuteRef: optionalLine(100), confirmed: z.boolean().optional() }).strict(),
  apply(data, { confirmed, ...input }, ctx) {
    const tor = getRecord(data, 'tor', input.torId);
    if (tor.status !== 'draft') throw new QuorumFailure('conflict', `Version ${tor.version} is ${tor.status}; only a draft can be approved.`);
    const atMeeting = input.meetingId ? getRecord(data, 'meeting', input.meetingId) : undefined;
    if (atMeeting && atMeeting.boardId !== tor.boardId) throw new QuorumFailure('invalid-input', 'The approving meeting must be a meeting of the same board.');
    askToConfirm(confirmed, atMeeting && approvalAtUnheldMeeting(`Version ${tor.version} would be approved`, atMeeting, ctx.today()), 'meetingId');
    const board = getRecord(data, 'board', tor.boardId);
    const cs = new ChangeSet(data, ctx);
    for (const old of versionsOf(data, tor.boardId).filter((t) => t.status === 'approved')) cs.update(old, { status: 'superseded' });
    cs.update(tor, { status: 'approved', approval: { date: input.date, ...(input.meetingId ? { meetingId: input.meetingId } : {}), minuteRef: input.minuteRef } });
    return cs.result(`Approved version ${tor.version} of the ${board.shortName}’s terms of reference on ${formatUkDate(input.date)}${input.minuteRef ? ` (minute ${input.minuteRef})` : ''}`);
  },
});

/** Throws away a draft that will not go forward; approved versions are never deleted. */
export const discardTorDraft = mutation({
  name: 'tor:discardDraft',
  undoable: true,
  writes: ['tor'],
  input: z.object({ torId: recordId('tor') }).strict(),
  apply(data, input, ctx) {
    const tor = getRecord(data, 'tor', input.torId);
    if (tor.status !== 'draft') throw new QuorumFailure('conflict', 'Only a draft can be discarded; approved versions are kept as the record.');
    const cs = new ChangeSet(data, ctx);
    cs.remove(tor.id);
    return cs.result(`Discarded draft version ${tor.version} of the ${getRecord(data, 'board', tor.boardId).shortName}’s terms of reference`);
  },
});

// Queries

/** A board's terms of reference, every version (newest first), with what the editor picks from. */
export const getTor = query({
  name: 'tor:get',
  input: z.object({ boardId: recordId('board') }).strict(),
  reads: ['tor', 'board', 'person', 'organisation', 'meeting'],
  view(data, { boardId }, env): TorView {
    const board = getRecord(data, 'board', boardId, 'That board no longer exists');
    const byName = <T extends { name: string }>(xs: T[]) => xs.sort((a, b) => compareEnglish(a.name, b.name));
    return {
      today: env.today,
      board: { id: board.id, name: board.name, shortName: board.shortName },
      versions: versionsOf(data, board.id).sort((a, b) => b.version - a.version),
      people: byName(listRecords(data, 'person').filter((p) => !p.retiredOn).map((p) => ({ id: p.id, name: p.name, organisationId: p.organisationId }))),
      organisations: byName(listRecords(data, 'organisation').filter((o) => !o.retiredOn).map((o) => ({ id: o.id, name: o.name }))),
      boards: listRecords(data, 'board').filter((b) => b.id !== board.id && !b.closedOn).map((b) => ({ id: b.id, name: b.name })),
      meetings: boardMeetings(data, board.id).map((m) => ({ id: m.id, date: m.date })),
    };
  },
});
