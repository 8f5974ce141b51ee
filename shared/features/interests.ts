import { z } from 'zod';
import { expectedRev, isoDate, line, optionalLine, recordId } from '../schema/common';
import { INTEREST_KINDS } from '../schema/interests';
import type { RecordOf } from '../schema/records';
import { getRecord, listRecords } from '../data';
import { QuorumFailure } from '../result';
import { addDays, daysBetween, formatUkDate } from '../rules/dates';
import { clip } from '../rules/words';
import { NEW_MEMBER_SOURCE, REGISTER_DAYS, registerMembers, registerOn, registerUpdates, sensitiveCount } from '../rules/interests';
import { personName } from '../rules/people';
import { conflictFlags, declarationsNotInRegister } from '../rules/conflicts';
import { ChangeSet } from '../kernel/changeSet';
import { mutation, query } from '../kernel/operation';
import { compareCodes } from '../rules/textOrder';

/** The register of interests (docs/ARCHITECTURE.md, the register of interests): entries added, ended, and read as of a day. */

const KIND_WORDS: Record<(typeof INTEREST_KINDS)[number], string> = { organisation: 'an organisation', role: 'a role', employment: 'employment', land: 'land', gift: 'a gift', hospitality: 'hospitality' };

export const addInterest = mutation({
  name: 'interests:add',
  writes: ['interest'],
  input: z
    .object({
      personId: recordId('person'),
      kind: z.enum(INTEREST_KINDS),
      description: line(1000),
      body: optionalLine(300).default(''),
      valuePounds: z.number().min(0).max(1_000_000).optional(),
      from: isoDate,
      to: isoDate.optional(),
      sensitive: z.boolean().default(false),
    })
    .strict(),
  apply(data, input, ctx) {
    const person = getRecord(data, 'person', input.personId, 'That person is not in the directory');
    if (input.to && input.to < input.from) throw new QuorumFailure('invalid-input', `An interest cannot end (${formatUkDate(input.to)}) before it began (${formatUkDate(input.from)}).`, { to: 'Before it began' });
    if (input.from > ctx.today()) throw new QuorumFailure('invalid-input', `${formatUkDate(input.from)} is still to come: register an interest once it is held.`, { from: 'Still to come' });
    // Gifts and hospitality are registered with their value (the board's code of conduct sets the threshold).
    if ((input.kind === 'gift' || input.kind === 'hospitality') && input.valuePounds === undefined)
      throw new QuorumFailure('invalid-input', `Give the value of the ${input.kind === 'gift' ? 'gift' : 'hospitality'}, in pounds: the register records it.`, { valuePounds: 'Its value' });
    const cs = new ChangeSet(data, ctx);
    cs.create<RecordOf<'interest'>>({
      id: ctx.newId('interest'),
      type: 'interest',
      personId: person.id,
      kind: input.kind,
      description: input.description,
      body: input.body,
      ...(input.valuePounds !== undefined ? { valuePounds: input.valuePounds } : {}),
      from: input.from,
      ...(input.to ? { to: input.to } : {}),
      sensitive: input.sensitive,
    } as RecordOf<'interest'>);
    return cs.result(`Registered ${KIND_WORDS[input.kind]} for ${person.name}${input.sensitive ? ' (sensitive: kept off the public register)' : ''}: ${clip(input.description, 100)}`);
  },
});

export const endInterest = mutation({
  name: 'interests:end',
  writes: ['interest'],
  input: z.object({ interestId: recordId('interest'), to: isoDate, expectedRev }).strict(),
  apply(data, input, ctx) {
    const entry = getRecord(data, 'interest', input.interestId, 'That entry is no longer in the register');
    if (input.to < entry.from) throw new QuorumFailure('invalid-input', `An interest cannot end (${formatUkDate(input.to)}) before it began (${formatUkDate(entry.from)}).`, { to: 'Before it began' });
    const person = getRecord(data, 'person', entry.personId);
    const cs = new ChangeSet(data, ctx);
    cs.update(entry, { to: input.to }, input.expectedRev);
    return cs.result(`${person.name}'s interest ended on ${formatUkDate(input.to)}: ${clip(entry.description, 100)}`);
  },
});

/** The register as it stood on a day (today when none is given); `public` as the website shows it. */
export const listRegister = query({
  name: 'interests:register',
  input: z.object({ on: isoDate.optional(), personId: recordId('person').optional(), public: z.boolean().default(false) }).strict(),
  reads: ['interest', 'person', 'organisation', 'tor', 'board'],
  view(data, input, env) {
    const day = input.on ?? env.today;
    const entries = registerOn(data, day, { public: input.public, ...(input.personId ? { personId: input.personId } : {}) });
    const holders = [...new Set(registerOn(data, day, { public: false, ...(input.personId ? { personId: input.personId } : {}) }).filter((e) => e.sensitive).map((e) => e.personId))];
    return {
      on: day,
      today: env.today,
      entries: entries.map((e) => ({ id: e.id, rev: e.rev, personId: e.personId, person: personName(data, e.personId), kind: e.kind, description: e.description, body: e.body, valuePounds: e.valuePounds ?? null, from: e.from, to: e.to ?? null, sensitive: e.sensitive })),
      // The public register says a member holds sensitive interests, never what they are.
      sensitiveHeld: input.public ? Object.fromEntries(holders.map((p) => [p, sensitiveCount(data, day, p)])) : {},
      /** Everyone who sits on a board on the day: the register covers each of them, with or without entries. */
      members: registerMembers(data, day).map((m) => ({ ...m, entries: entries.filter((e) => e.personId === m.personId).length })),
    };
  },
});

/**
 * Whether a member who may have an interest in a Part 2 item is sent its papers (their own copy of
 * the full pack): 'send' (they declare and the chair decides at the meeting) or 'withhold'.
 */
export const setConflictPolicy = mutation({
  name: 'boards:setConflictPolicy',
  writes: ['board'],
  input: z.object({ boardId: recordId('board'), policy: z.enum(['send', 'withhold']), expectedRev }).strict(),
  apply(data, { boardId, policy, expectedRev: rev }, ctx) {
    const board = getRecord(data, 'board', boardId, 'That board no longer exists');
    const cs = new ChangeSet(data, ctx);
    cs.update(board, { conflictPolicy: policy }, rev);
    return cs.result(
      policy === 'withhold'
        ? `${board.shortName}: a member who may have an interest in a Part 2 item is not sent its papers`
        : `${board.shortName}: every member is sent every Part 2 paper; a member with an interest declares it at the meeting`,
    );
  },
});

/**
 * Before the meeting: each member's possible interests in its items, from the register; and the
 * declarations made at it that the register does not hold, each a prompt to update the register.
 */
export const meetingConflicts = query({
  name: 'interests:conflicts',
  input: z.object({ meetingId: recordId('meeting') }).strict(),
  reads: ['interest', 'agendaItem', 'attendance', 'declaration', 'tor', 'person', 'organisation', 'board', 'meeting', 'deepDive'],
  view(data, { meetingId }) {
    const meeting = getRecord(data, 'meeting', meetingId, 'That meeting no longer exists');
    const board = getRecord(data, 'board', meeting.boardId);
    return {
      policy: board.conflictPolicy ?? 'send',
      boardRev: board.rev,
      flags: conflictFlags(data, meetingId),
      notInRegister: declarationsNotInRegister(data, meetingId).map((d) => ({ id: d.id, personId: d.personId, name: personName(data, d.personId), interest: d.interest })),
    };
  },
});

/**
 * The annual update of the register, started on a day: each member is asked (through the outbox,
 * or on the list to send) to confirm their entries within 28 days.
 */
export const startRegisterRound = mutation({
  name: 'interests:startRound',
  writes: ['registerRound'],
  input: z.object({ opensOn: isoDate }).strict(),
  apply(data, input, ctx) {
    if (input.opensOn > ctx.today()) throw new QuorumFailure('invalid-input', `${formatUkDate(input.opensOn)} is still to come: start the update on the day the requests go out.`, { opensOn: 'Still to come' });
    const recent = listRecords(data, 'registerRound').find((r) => Math.abs(daysBetween(r.opensOn, input.opensOn)) < 180);
    if (recent) throw new QuorumFailure('conflict', `An update of the register opened on ${formatUkDate(recent.opensOn)}: the next is due about a year after it.`, { opensOn: 'Too soon after the last' });
    if (!registerMembers(data, input.opensOn).length) throw new QuorumFailure('invalid-input', 'No one holds a seat on a board yet: add members to a board’s terms of reference first.');
    const cs = new ChangeSet(data, ctx);
    cs.create<RecordOf<'registerRound'>>({ id: ctx.newId('registerRound'), type: 'registerRound', opensOn: input.opensOn } as RecordOf<'registerRound'>);
    return cs.result(`Started the annual update of the register of interests on ${formatUkDate(input.opensOn)}: each member is asked to confirm their entries by ${formatUkDate(addDays(input.opensOn, REGISTER_DAYS))}`);
  },
});

/** A member confirmed their register complete and correct (after any entries were added or ended). */
export const confirmRegister = mutation({
  name: 'interests:confirm',
  writes: ['interestReturn'],
  input: z.object({ personId: recordId('person'), on: isoDate, note: optionalLine(300).default('') }).strict(),
  apply(data, input, ctx) {
    const person = getRecord(data, 'person', input.personId, 'That person is not in the directory');
    if (input.on > ctx.today()) throw new QuorumFailure('invalid-input', `${formatUkDate(input.on)} is still to come: record a confirmation once it is given.`, { on: 'Still to come' });
    const cs = new ChangeSet(data, ctx);
    cs.create<RecordOf<'interestReturn'>>({ id: ctx.newId('interestReturn'), type: 'interestReturn', personId: person.id, confirmedOn: input.on, note: input.note } as RecordOf<'interestReturn'>);
    const held = registerOn(data, input.on, { public: false, personId: person.id }).length;
    return cs.result(`${person.name} confirmed their register on ${formatUkDate(input.on)}: ${held === 0 ? 'no interests' : held === 1 ? 'one entry' : `${held} entries`}`);
  },
});

/** Each member's update in the latest round, or as a new member: opened, due in 28 days, confirmed or not. */
export const listRegisterUpdates = query({
  name: 'interests:updates',
  input: z.object({}).strict(),
  reads: ['registerRound', 'interestReturn', 'tor', 'person', 'board', 'organisation'],
  view: (data, _input, env) => ({
    today: env.today,
    round: listRecords(data, 'registerRound').filter((r) => r.opensOn <= env.today).sort((a, b) => compareCodes(b.opensOn, a.opensOn))[0]?.opensOn ?? null,
    updates: registerUpdates(data, env.today),
    source: NEW_MEMBER_SOURCE,
  }),
});
