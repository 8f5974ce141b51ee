import { z } from 'zod';
import { clip } from '../rules/words';
import { expectedRev, isoDate, isoTimestamp, line, optionalLine, recordId } from '../schema/common';
import { COMMENT_OUTCOMES, protocolSchema, protocolSectionSchema, type RecordOf } from '../schema/records';
import { findRecord, getRecord, listRecords, recordsWhere } from '../data';
import { QuorumFailure } from '../result';
import { approvalAtUnheldMeeting, askToConfirm } from '../rules/confirm';
import { formatUkDate } from '../rules/dates';
import { ChangeSet } from '../kernel/changeSet';
import { effect, internalMutation, mutation, query } from '../kernel/operation';
import { noInput } from '../schema/common';
import { protocolList, protocolView, versionsOfProtocol } from '../rules/protocolView';
import { diffVersions } from '../rules/protocolDiff';
import type { ReturnedCopyOutcome } from '../views';

const sectionsInput = z.array(protocolSectionSchema).min(1, 'A protocol needs at least one section').max(500);

const checkSections = (sections: z.output<typeof sectionsInput>) => {
  const keys = new Set<string>();
  const numbers = new Set<string>();
  for (const s of sections) {
    if (keys.has(s.key)) throw new QuorumFailure('invalid-input', `Two sections share the key “${s.key}”.`);
    if (numbers.has(s.number)) throw new QuorumFailure('invalid-input', `Two sections are numbered ${s.number}.`);
    keys.add(s.key);
    numbers.add(s.number);
  }
};

export const createProtocol = mutation({
  name: 'protocols:create',
  answer: (outcome) => ({ summary: outcome.summary, protocolId: outcome.changes[0].id as `protocol:${string}` }),
  writes: ['protocol', 'protocolVersion'],
  input: protocolSchema.pick({ title: true, partyBoardIds: true, reviewDate: true }).extend({ sections: sectionsInput }).strict(),
  apply(data, input, ctx) {
    for (const b of input.partyBoardIds) getRecord(data, 'board', b);
    checkSections(input.sections);
    const cs = new ChangeSet(data, ctx);
    const protocol = cs.create<RecordOf<'protocol'>>({ id: ctx.newId('protocol'), type: 'protocol', title: input.title, partyBoardIds: [...new Set(input.partyBoardIds)], reviewDate: input.reviewDate });
    cs.create<RecordOf<'protocolVersion'>>({ id: ctx.newId('protocolVersion'), type: 'protocolVersion', protocolId: protocol.id, version: 1, status: 'draft', changeSummary: 'First draft', sections: input.sections });
    return cs.result(`Started the protocol “${clip(input.title, 100)}” as a first draft`);
  },
});

export const updateProtocol = mutation({
  name: 'protocols:update',
  writes: ['protocol'],
  input: protocolSchema.pick({ title: true, partyBoardIds: true, reviewDate: true }).extend({ protocolId: recordId('protocol'), expectedRev }).strict(),
  apply(data, { protocolId, expectedRev, ...patch }, ctx) {
    const protocol = getRecord(data, 'protocol', protocolId);
    for (const b of patch.partyBoardIds) getRecord(data, 'board', b);
    const cs = new ChangeSet(data, ctx);
    cs.update(protocol, { ...patch, partyBoardIds: [...new Set(patch.partyBoardIds)] }, expectedRev);
    return cs.result(`Updated the details of the protocol “${clip(patch.title, 100)}”`);
  },
});

/**
 * Saves the protocol's text. The draft version is edited in place; once a version has gone out for
 * consultation or been agreed it is fixed, and editing starts the next version as a draft, with a
 * summary of what changed (the version history).
 */
export const saveProtocolDraft = mutation({
  name: 'protocols:saveDraft',
  writes: ['protocolVersion'],
  input: z.object({ protocolId: recordId('protocol'), sections: sectionsInput, changeSummary: optionalLine(2000), expectedRev }).strict(),
  apply(data, input, ctx) {
    const protocol = getRecord(data, 'protocol', input.protocolId);
    checkSections(input.sections);
    const versions = versionsOfProtocol(data, protocol.id);
    const latest = versions.at(-1);
    const cs = new ChangeSet(data, ctx);
    if (latest?.status === 'draft') {
      cs.update(latest, { sections: input.sections, changeSummary: input.changeSummary || latest.changeSummary }, input.expectedRev);
      return cs.result(`Saved draft version ${latest.version} of “${clip(protocol.title, 80)}”`);
    }
    if (!input.changeSummary.trim()) throw new QuorumFailure('invalid-input', 'Say what changed: a new version needs a change summary.', { changeSummary: 'Say what changed in this version' });
    const version = (latest?.version ?? 0) + 1;
    cs.create<RecordOf<'protocolVersion'>>({ id: ctx.newId('protocolVersion'), type: 'protocolVersion', protocolId: protocol.id, version, status: 'draft', changeSummary: input.changeSummary, sections: input.sections });
    return cs.result(`Started version ${version} of “${clip(protocol.title, 80)}”: ${clip(input.changeSummary, 200)}`);
  },
});

/** Sends a draft out to the partners: it is fixed from now on, and comments and sign-offs attach to it. */
export const startConsultation = mutation({
  name: 'protocols:startConsultation',
  writes: ['protocolVersion'],
  input: z.object({ protocolVersionId: recordId('protocolVersion') }).strict(),
  apply(data, input, ctx) {
    const v = getRecord(data, 'protocolVersion', input.protocolVersionId);
    if (v.status !== 'draft') throw new QuorumFailure('conflict', `Version ${v.version} is already ${v.status}.`);
    const cs = new ChangeSet(data, ctx);
    cs.update(v, { status: 'consultation' });
    return cs.result(`Put version ${v.version} of “${clip(getRecord(data, 'protocol', v.protocolId).title, 80)}” out to consultation`);
  },
});

/** A superseded version is the record of what was agreed then: comments go on the version in force or in consultation. */
const openForComment = (data: Parameters<typeof getRecord>[0], versionId: RecordOf<'protocolVersion'>['id']) => {
  const v = getRecord(data, 'protocolVersion', versionId);
  if (v.status === 'superseded') throw new QuorumFailure('conflict', `Version ${v.version} has been replaced by a later agreed version and stays as it was agreed; comment on the current version.`);
  return v;
};

/** A partner's comment on a section ("general" for the whole document); kept even after a response. */
export const addProtocolComment = mutation({
  name: 'protocols:comment',
  writes: ['protocolComment'],
  input: z
    .object({
      protocolVersionId: recordId('protocolVersion'),
      sectionKey: line(64),
      author: line(200),
      organisationId: recordId('organisation'),
      text: line(20_000),
      /** A comment the secretariat types in from a partner's letter or email: the day it was received (today when not given). */
      receivedOn: isoDate.optional(),
    })
    .strict(),
  apply(data, { receivedOn, ...input }, ctx) {
    const v = openForComment(data, input.protocolVersionId);
    if (receivedOn && receivedOn > ctx.today()) throw new QuorumFailure('invalid-input', `A comment cannot be received after today; ${formatUkDate(receivedOn)} is still to come.`, { receivedOn: 'Give the day it arrived' });
    getRecord(data, 'organisation', input.organisationId);
    if (input.sectionKey !== 'general' && !v.sections.some((s) => s.key === input.sectionKey)) throw new QuorumFailure('not-found', 'That section is not in this version of the protocol.');
    const cs = new ChangeSet(data, ctx);
    // Midday UTC is the same date in England in winter and summer, so the day received is the day every view shows.
    const madeAt = receivedOn && receivedOn !== ctx.today() ? `${receivedOn}T12:00:00.000Z` : ctx.now();
    cs.create<RecordOf<'protocolComment'>>({ id: ctx.newId('protocolComment'), type: 'protocolComment', ...input, madeAt });
    const where = input.sectionKey === 'general' ? 'the protocol as a whole' : `section ${v.sections.find((s) => s.key === input.sectionKey)!.number}`;
    return cs.result(`${input.author} commented on ${where} of version ${v.version}`);
  },
});

/** The secretariat's answer to a comment: accepted or declined, with the response the partner will read. */
export const respondToComment = mutation({
  name: 'protocols:respond',
  writes: ['commentResponse'],
  input: z.object({ commentId: recordId('protocolComment'), outcome: z.enum(COMMENT_OUTCOMES), response: line(20_000) }).strict(),
  apply(data, input, ctx) {
    const comment = getRecord(data, 'protocolComment', input.commentId);
    const existing = listRecords(data, 'commentResponse').find((r) => r.commentId === comment.id);
    const cs = new ChangeSet(data, ctx);
    if (existing) cs.update(existing, { outcome: input.outcome, response: input.response, respondedAt: ctx.now() });
    else cs.create<RecordOf<'commentResponse'>>({ id: ctx.newId('commentResponse'), type: 'commentResponse', commentId: comment.id, outcome: input.outcome, response: input.response, respondedAt: ctx.now() });
    return cs.result(`${input.outcome === 'accepted' ? 'Accepted' : 'Declined'} ${comment.author}’s comment: ${clip(input.response, 160)}`);
  },
});

/**
 * A party board signs the version off (date, meeting, minute). When every party board has signed,
 * the version becomes agreed and the agreed version before it is superseded; not before.
 */
export const signOffProtocol = mutation({
  name: 'protocols:signOff',
  writes: ['signOff', 'protocolVersion'],
  input: z
    .object({
      protocolVersionId: recordId('protocolVersion'),
      boardId: recordId('board'),
      date: isoDate,
      meetingId: recordId('meeting').optional(),
      minuteRef: optionalLine(100),
      /** Why the board signed off with partner comments still unanswered; required when there are any. */
      unansweredReason: optionalLine(1000).optional(),
      confirmed: z.boolean().optional(),
    })
    .strict(),
  apply(data, { confirmed, ...input }, ctx) {
    const v = getRecord(data, 'protocolVersion', input.protocolVersionId);
    const protocol = getRecord(data, 'protocol', v.protocolId);
    const board = getRecord(data, 'board', input.boardId);
    if (!protocol.partyBoardIds.includes(board.id)) throw new QuorumFailure('invalid-input', `The ${board.shortName} is not a party to this protocol.`);
    if (v.status !== 'consultation') throw new QuorumFailure('conflict', v.status === 'draft' ? 'Put the draft out to consultation before boards sign it off.' : `Version ${v.version} is ${v.status}; it cannot be signed off.`);
    const atMeeting = input.meetingId ? findRecord(data, 'meeting', input.meetingId) : undefined;
    if (input.meetingId && atMeeting?.boardId !== board.id) throw new QuorumFailure('invalid-input', `The meeting must be a meeting of the ${board.shortName}.`);
    askToConfirm(confirmed, atMeeting && approvalAtUnheldMeeting(`The ${board.shortName}’s sign-off would be recorded`, atMeeting, ctx.today()), 'meetingId');
    const signed = recordsWhere(data, 'signOff', 'protocolVersionId', v.id);
    if (signed.some((s) => s.boardId === board.id)) throw new QuorumFailure('conflict', `The ${board.shortName} has already signed version ${v.version} off.`);
    const answered = new Set(listRecords(data, 'commentResponse').map((r) => r.commentId));
    const unanswered = recordsWhere(data, 'protocolComment', 'protocolVersionId', v.id).filter((c) => !answered.has(c.id));
    if (unanswered.length && !input.unansweredReason?.trim())
      throw new QuorumFailure(
        'conflict',
        `${unanswered.length} partner comment${unanswered.length === 1 ? '' : 's'} on version ${v.version} ${unanswered.length === 1 ? 'has' : 'have'} no response yet (${[...new Set(unanswered.map((c) => c.author))].slice(0, 3).join(', ')}). Answer ${unanswered.length === 1 ? 'it' : 'them'} first, or record why the board signed off regardless.`,
        { unansweredReason: 'Say why the board signed off with comments unanswered' },
      );
    const cs = new ChangeSet(data, ctx);
    cs.create<RecordOf<'signOff'>>({ id: ctx.newId('signOff'), type: 'signOff', protocolVersionId: v.id, boardId: board.id, date: input.date, ...(input.meetingId ? { meetingId: input.meetingId } : {}), minuteRef: input.minuteRef });
    const all = new Set([...signed.map((s) => s.boardId), board.id]);
    const agreed = protocol.partyBoardIds.every((b) => all.has(b));
    if (agreed) {
      for (const old of versionsOfProtocol(data, protocol.id).filter((x) => x.status === 'agreed')) cs.update(old, { status: 'superseded' });
      cs.update(v, { status: 'agreed' });
    }
    const left = protocol.partyBoardIds.filter((b) => !all.has(b)).length;
    const regardless = unanswered.length ? ` with ${unanswered.length} comment${unanswered.length === 1 ? '' : 's'} unanswered, because ${input.unansweredReason}` : '';
    return cs.result(`The ${board.shortName} signed off version ${v.version} on ${formatUkDate(input.date)}${regardless}${agreed ? '; every party has signed, so it is agreed' : `; ${left} board${left === 1 ? '' : 's'} still to sign`}`);
  },
});

/**
 * A board's sign-off withdrawn (recorded in error, or the board rescinded it), with why, while the
 * version is still current. A version that this sign-off made agreed goes back to consultation, and
 * the version it replaced is in force again.
 */
export const withdrawSignOff = mutation({
  name: 'protocols:withdrawSignOff',
  undoable: true,
  writes: ['signOff', 'protocolVersion'],
  input: z.object({ signOffId: recordId('signOff'), reason: line(1000) }).strict(),
  apply(data, input, ctx) {
    const signOff = getRecord(data, 'signOff', input.signOffId, 'That sign-off is no longer recorded');
    const v = getRecord(data, 'protocolVersion', signOff.protocolVersionId);
    const board = getRecord(data, 'board', signOff.boardId);
    if (v.status === 'superseded') throw new QuorumFailure('conflict', `Version ${v.version} has been replaced by a later agreed version; its sign-offs are history and stay as they are.`);
    const cs = new ChangeSet(data, ctx);
    cs.remove(signOff.id);
    if (v.status === 'agreed') {
      cs.update(v, { status: 'consultation' });
      const replaced = versionsOfProtocol(data, v.protocolId)
        .filter((x) => x.status === 'superseded' && x.version < v.version)
        .sort((a, b) => b.version - a.version)[0];
      if (replaced) cs.update(replaced, { status: 'agreed' });
    }
    return cs.result(`Withdrew the ${board.shortName}’s sign-off of version ${v.version} (${formatUkDate(signOff.date)}) because ${input.reason}${v.status === 'agreed' ? '; the version is back in consultation' : ''}`);
  },
});

/** Who a version was sent to, and when: the circulation log. */
export const recordCirculation = mutation({
  name: 'protocols:recordCirculation',
  writes: ['circulation'],
  input: z.object({ protocolVersionId: recordId('protocolVersion'), sentTo: line(300), sentOn: isoDate }).strict(),
  apply(data, input, ctx) {
    const v = getRecord(data, 'protocolVersion', input.protocolVersionId);
    const cs = new ChangeSet(data, ctx);
    cs.create<RecordOf<'circulation'>>({ id: ctx.newId('circulation'), type: 'circulation', ...input });
    return cs.result(`Sent version ${v.version} to ${input.sentTo} on ${formatUkDate(input.sentOn)}`);
  },
});

/**
 * Comments and tracked changes read from a partner's returned Word copy (shared/protocol), added to
 * the version as review comments in one step, so the journal shows which file they came from.
 */
export const importReturnedComments = internalMutation({
  name: 'protocols:importComments',
  writes: ['protocolComment'],
  input: z
    .object({
      protocolVersionId: recordId('protocolVersion'),
      sourceFile: line(300),
      comments: z
        .array(z.object({ sectionKey: line(64), author: line(200), organisationId: recordId('organisation'), text: line(20_000), madeAt: isoTimestamp }).strict())
        .min(1, 'The copy has no comments or tracked changes to import')
        .max(2000),
    })
    .strict(),
  apply(data, input, ctx) {
    const v = openForComment(data, input.protocolVersionId);
    const cs = new ChangeSet(data, ctx);
    for (const c of input.comments) {
      getRecord(data, 'organisation', c.organisationId);
      if (c.sectionKey !== 'general' && !v.sections.some((s) => s.key === c.sectionKey)) throw new QuorumFailure('not-found', `Section ${c.sectionKey} is not in version ${v.version}.`);
      cs.create<RecordOf<'protocolComment'>>({ id: ctx.newId('protocolComment'), type: 'protocolComment', protocolVersionId: v.id, ...c });
    }
    const authors = [...new Set(input.comments.map((c) => c.author))];
    return cs.result(`Imported ${input.comments.length} comment${input.comments.length === 1 ? '' : 's'} on version ${v.version} from ${input.sourceFile} (${clip(authors.join(', '), 200)})`);
  },
});

// Queries

export const listProtocols = query({
  name: 'protocols:list',
  input: noInput,
  reads: ['protocol', 'protocolVersion', 'signOff', 'protocolComment', 'board'],
  view: (data) => protocolList(data),
});

/** A protocol with every version, its comments and answers, sign-offs and circulation. */
export const getProtocol = query({
  name: 'protocols:get',
  input: z.object({ protocolId: recordId('protocol') }).strict(),
  reads: ['protocol', 'protocolVersion', 'protocolComment', 'commentResponse', 'signOff', 'circulation', 'board', 'organisation', 'person', 'meeting'],
  view(data, { protocolId }, env) {
    getRecord(data, 'protocol', protocolId, 'That protocol no longer exists');
    return { ...protocolView(data, protocolId), today: env.today };
  },
});

/** Two versions compared section by section, with word diffs. */
export const compareProtocolVersions = query({
  name: 'protocols:compare',
  input: z.object({ fromVersionId: recordId('protocolVersion'), toVersionId: recordId('protocolVersion') }).strict(),
  reads: ['protocolVersion'],
  view(data, { fromVersionId, toVersionId }) {
    const from = getRecord(data, 'protocolVersion', fromVersionId, 'One of those versions no longer exists');
    const to = getRecord(data, 'protocolVersion', toVersionId, 'One of those versions no longer exists');
    if (from.protocolId !== to.protocolId) throw new QuorumFailure('invalid-input', 'Those versions belong to different protocols');
    return diffVersions(from, to);
  },
});

// Effects (main/services/effects.ts)

/** A partner's returned Word copy, chosen in the open dialog, read into review comments. */
export const importReturnedCopy = effect<ReturnedCopyOutcome>()({
  name: 'protocols:importReturned',
  input: z.object({ protocolVersionId: recordId('protocolVersion'), organisationId: recordId('organisation') }).strict(),
});
