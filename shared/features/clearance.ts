import { z } from 'zod';
import { expectedRev, isoDate, line, optionalLine, recordId } from '../schema/common';
import { clearanceRuleSchema, paperStandardsSchema } from '../schema/clearance';
import type { AgendaItem, Clearance, ClearanceRequest, RecordOf } from '../schema/records';
import { findRecord, getRecord, listRecords, recordsWhere, type StoreData } from '../data';
import { QuorumFailure } from '../result';
import { formatUkDate } from '../rules/dates';
import { clip } from '../rules/words';
import { clearancesOf, clearanceStates, clearedText, paperFingerprint, PAPER_KIND_LABEL, paperKindOf, rulesFor } from '../rules/clearance';
import { wordDiff } from '../team/conflicts';
import { ChangeSet } from '../kernel/changeSet';
import { mutation, query } from '../kernel/operation';
import { compareCodes, compareEnglish } from '../rules/textOrder';

/**
 * Clearance (docs/ARCHITECTURE.md, clearance): a board's rules for who must clear which kind of
 * paper, and each clearance given, on the text as it then stood.
 */

/** The clearances a board asks of its papers, by kind (decision, assurance, information, deep dive). */
export const setClearanceRules = mutation({
  name: 'boards:setClearances',
  writes: ['board'],
  input: z.object({ boardId: recordId('board'), rules: z.array(clearanceRuleSchema).max(20), expectedRev }).strict(),
  apply(data, { boardId, rules, expectedRev }, ctx) {
    const board = getRecord(data, 'board', boardId, 'That board no longer exists');
    const keys = new Set<string>();
    for (const r of rules) {
      if (keys.has(r.key)) throw new QuorumFailure('invalid-input', `Two clearances share the key “${r.key}”; each needs its own.`, { rules: 'Keys must differ' });
      keys.add(r.key);
      if (r.personId) getRecord(data, 'person', r.personId, `The clearer for ${r.label} is not in the directory`);
    }
    const cs = new ChangeSet(data, ctx);
    cs.update(board, { clearanceRules: rules }, expectedRev);
    return cs.result(
      rules.length
        ? `${board.shortName}: papers need ${rules.map((r) => `${r.label} (${r.paperKinds.map((k) => PAPER_KIND_LABEL[k].toLowerCase()).join(', ')})`).join('; ')} clearance`
        : `${board.shortName}: papers need no clearance`,
    );
  },
});

/** The board's own standards for its papers (page limits by kind, summary length, what a recommendation must say); null goes back to the defaults. */
export const setPaperStandards = mutation({
  name: 'boards:setPaperStandards',
  writes: ['board'],
  input: z.object({ boardId: recordId('board'), standards: paperStandardsSchema.nullable(), expectedRev }).strict(),
  apply(data, { boardId, standards, expectedRev }, ctx) {
    const board = getRecord(data, 'board', boardId, 'That board no longer exists');
    const cs = new ChangeSet(data, ctx);
    cs.update(board, { paperStandards: standards ?? undefined }, expectedRev);
    return cs.result(
      standards
        ? `${board.shortName}: decision papers at most ${standards.maxPages.decision} pages, assurance ${standards.maxPages.assurance}, information ${standards.maxPages.information}, deep dives ${standards.maxPages['deep-dive']}; summaries at most ${standards.summaryMaxWords} words`
        : `${board.shortName}: paper standards back to the defaults`,
    );
  },
});

/** The paper and the board's rule a clearance is of; refused when the board asks no such clearance, or there is no text yet. */
const paperToClear = (data: StoreData, agendaItemId: AgendaItem['id'], key: string) => {
  const item = getRecord(data, 'agendaItem', agendaItemId, 'That agenda item no longer exists');
  const meeting = getRecord(data, 'meeting', item.meetingId);
  const board = getRecord(data, 'board', meeting.boardId);
  const rule = rulesFor(board, item).find((r) => r.key === key);
  if (!rule) throw new QuorumFailure('invalid-input', `The ${board.shortName} asks no “${key}” clearance of a ${PAPER_KIND_LABEL[paperKindOf(item)].toLowerCase()} paper.`, { key: 'Not a clearance this paper needs' });
  if (!item.paper || item.paper.status !== 'received' || !item.paper.body.trim()) throw new QuorumFailure('conflict', `“${clip(item.title, 80)}” has no paper received yet: there is no text to clear.`);
  return { item, meeting, board, rule };
};

/**
 * Records a clearance of a paper as it now stands: given in the app by the secretariat (from an
 * e-mail) or by the clearer themselves. Write-once; a later change to the paper's text resets it.
 */
export const giveClearance = mutation({
  name: 'clearances:give',
  writes: ['clearance'],
  input: z
    .object({
      agendaItemId: recordId('agendaItem'),
      key: line(40),
      on: isoDate.optional(),
      clearedBy: optionalLine(200).optional(),
      personId: recordId('person').optional(),
      comment: optionalLine(2000).default(''),
      via: z.enum(['secretariat', 'own']).default('secretariat'),
    })
    .strict(),
  apply(data, input, ctx) {
    const { item, rule } = paperToClear(data, input.agendaItemId, input.key);
    const on = input.on ?? ctx.today();
    if (on > ctx.today()) throw new QuorumFailure('invalid-input', `${formatUkDate(on)} is still to come: record a clearance once it is given.`, { on: 'Still to come' });
    const personId = input.personId ?? rule.personId;
    const person = personId ? findRecord(data, 'person', personId) : undefined;
    const clearedBy = input.clearedBy?.trim() || person?.name;
    if (!clearedBy) throw new QuorumFailure('invalid-input', `Say who gave the ${rule.label.toLowerCase()} clearance: silence is never clearance.`, { clearedBy: 'Who cleared it' });
    const cs = new ChangeSet(data, ctx);
    cs.create<Clearance>({
      id: ctx.newId('clearance'),
      type: 'clearance',
      agendaItemId: item.id,
      key: rule.key,
      label: rule.label,
      clearedBy,
      ...(person ? { personId: person.id } : {}),
      on,
      comment: input.comment,
      via: input.via,
      cleared: { fingerprint: paperFingerprint(item), text: clearedText(item) },
    } as RecordOf<'clearance'>);
    return cs.result(`${rule.label} clearance of “${clip(item.title, 80)}” given by ${clearedBy} on ${formatUkDate(on)}`);
  },
});

/** A paper's clearances: each the board asks, whether it holds, and the history with what changed since each was given. */
export const paperClearances = query({
  name: 'clearances:item',
  input: z.object({ agendaItemId: recordId('agendaItem') }).strict(),
  reads: ['agendaItem', 'clearance', 'clearanceRequest', 'board', 'meeting', 'person'],
  view(data, { agendaItemId }) {
    const item = getRecord(data, 'agendaItem', agendaItemId, 'That agenda item no longer exists');
    const board = getRecord(data, 'board', getRecord(data, 'meeting', item.meetingId).boardId);
    const now = paperFingerprint(item);
    const text = clearedText(item);
    const requests = latestRequests(recordsWhere(data, 'clearanceRequest', 'agendaItemId', item.id));
    const rules = rulesFor(board, item);
    return {
      kind: PAPER_KIND_LABEL[paperKindOf(item)],
      needed: clearanceStates(data, board, item).map((s) => {
        const personId = rules.find((r) => r.key === s.key)?.personId;
        const sent = requests.find((r) => r.key === s.key && r.personId === personId && r.paper.fingerprint === now);
        // The named clearer, and whether this text has been sent to them to clear in the app (team mode).
        return { ...s, clearer: personId ? (findRecord(data, 'person', personId)?.name ?? null) : null, sentOn: sent?.requestedOn ?? null };
      }),
      history: clearancesOf(data, item.id)
        .reverse()
        .map((c) => ({ key: c.key, label: c.label, clearedBy: c.clearedBy, on: c.on, comment: c.comment, via: c.via, holds: c.cleared.fingerprint === now, changedSince: c.cleared.fingerprint === now ? [] : wordDiff(c.cleared.text, text) })),
    };
  },
});

/** Of some requests, those no later request follows: the text each clearer was last sent. */
const latestRequests = (requests: ClearanceRequest[]): ClearanceRequest[] => {
  const followed = new Set(requests.flatMap((r) => (r.replaces ? [r.replaces] : [])));
  return requests.filter((r) => !followed.has(r.id));
};

/**
 * Sends a paper to its named clearer in the app (team mode): a write-once copy of the words to
 * clear, in the partners' database, so a clearer who reads nothing else (a partner's lead officer)
 * can read it and clear it in their own name. Part 1 papers only.
 */
export const requestClearance = mutation({
  name: 'clearances:request',
  writes: ['clearanceRequest'],
  input: z.object({ agendaItemId: recordId('agendaItem'), key: line(40), personId: recordId('person').optional() }).strict(),
  apply(data, input, ctx) {
    const { item, meeting, board, rule } = paperToClear(data, input.agendaItemId, input.key);
    // Part 2 text stays in the Part 2 database (LGA 1972 s.100A(4), Schedule 12A): never copied to partners.
    if (item.part2)
      throw new QuorumFailure('forbidden', `Item ${clip(item.title, 80)} is Part 2 business (Schedule 12A paragraph ${item.part2.paragraph}): its text is never copied to the partners’ database. Record the ${rule.label.toLowerCase()} clearance from the clearer’s e-mail instead.`);
    const personId = input.personId ?? rule.personId;
    if (!personId) throw new QuorumFailure('invalid-input', `The ${board.shortName} names no clearer for ${rule.label.toLowerCase()}: name one in its clearances (People, Boards, Clearances…) or choose who to ask.`, { personId: 'Who to ask' });
    const person = getRecord(data, 'person', personId, 'The clearer is not in the directory');
    const fingerprint = paperFingerprint(item);
    const earlier = latestRequests(recordsWhere(data, 'clearanceRequest', 'agendaItemId', item.id).filter((r) => r.key === rule.key && r.personId === person.id))[0];
    const asked = earlier?.paper.fingerprint === fingerprint ? earlier : undefined;
    if (asked) throw new QuorumFailure('conflict', `${person.name} was sent this text to clear on ${formatUkDate(asked.requestedOn)}; it has not changed since.`);
    if (clearanceStates(data, board, item).find((c) => c.key === rule.key)?.state === 'cleared')
      throw new QuorumFailure('conflict', `The ${rule.label.toLowerCase()} clearance already holds on “${clip(item.title, 80)}” as it stands.`);
    const cs = new ChangeSet(data, ctx);
    cs.create<ClearanceRequest>({
      id: ctx.newId('clearanceRequest'),
      type: 'clearanceRequest',
      agendaItemId: item.id,
      key: rule.key,
      label: rule.label,
      personId: person.id,
      personName: person.name,
      board: board.name,
      title: item.title,
      meetingOn: meeting.date,
      kind: paperKindOf(item),
      requestedOn: ctx.today(),
      ...(earlier ? { replaces: earlier.id } : {}),
      paper: { fingerprint, text: clearedText(item) },
    } as RecordOf<'clearanceRequest'>);
    return cs.result(`Sent “${clip(item.title, 80)}” to ${person.name} for ${rule.label.toLowerCase()} clearance in Quorum`);
  },
});

/**
 * A clearer's own clearance of a paper sent to them (team mode), given on the words they were sent.
 * Works on a copy that holds only the partners' database: the request carries all it needs, and
 * the sign-in vouches for who they are (the server refuses a clearance in anyone else's name).
 */
export const giveOwnClearance = mutation({
  name: 'clearances:giveOwn',
  writes: ['clearance'],
  input: z.object({ requestId: recordId('clearanceRequest'), personId: recordId('person'), comment: optionalLine(2000).default('') }).strict(),
  apply(data, input, ctx) {
    const request = getRecord(data, 'clearanceRequest', input.requestId, 'That request for clearance is not on this computer');
    if (request.personId !== input.personId) throw new QuorumFailure('forbidden', `This paper was sent to someone else to clear: a clearer clears a paper sent to them, in their own name only.`);
    const newer = listRecords(data, 'clearanceRequest').find((r) => r.replaces === request.id);
    if (newer) throw new QuorumFailure('conflict', `A changed version of “${clip(request.title, 80)}” was sent to you on ${formatUkDate(newer.requestedOn)}: clear that one.`);
    if (recordsWhere(data, 'clearance', 'requestId', request.id).some((c) => c.personId === input.personId))
      throw new QuorumFailure('conflict', `You have already cleared “${clip(request.title, 80)}” as it was sent to you.`);
    const person = findRecord(data, 'person', input.personId);
    const cs = new ChangeSet(data, ctx);
    cs.create<Clearance>({
      id: ctx.newId('clearance'),
      type: 'clearance',
      agendaItemId: request.agendaItemId,
      key: request.key,
      label: request.label,
      // A partner's copy holds no directory of people: the name the request was addressed to.
      clearedBy: person?.name ?? request.personName,
      personId: input.personId,
      on: ctx.today(),
      comment: input.comment,
      via: 'own',
      requestId: request.id,
      cleared: request.paper,
    } as RecordOf<'clearance'>);
    return cs.result(`${request.label} clearance of “${clip(request.title, 80)}” given by ${person?.name ?? request.personName} on ${formatUkDate(ctx.today())}`);
  },
});

/**
 * The papers sent to one clearer (their own screen in team mode): the latest text of each, and
 * whether they have cleared it. Newest first.
 */
export const clearancesFor = query({
  name: 'clearances:mine',
  input: z.object({ personId: recordId('person') }).strict(),
  reads: ['clearanceRequest', 'clearance'],
  view(data, { personId }) {
    const mine = listRecords(data, 'clearanceRequest').filter((r) => r.personId === personId);
    return latestRequests(mine)
      .sort((a, b) => compareCodes(b.requestedOn, a.requestedOn) || compareCodes(a.meetingOn, b.meetingOn) || compareEnglish(a.title, b.title))
      .map((r) => {
        const given = recordsWhere(data, 'clearance', 'requestId', r.id).find((c) => c.personId === personId);
        return {
          id: r.id,
          board: r.board,
          title: r.title,
          label: r.label,
          kind: PAPER_KIND_LABEL[r.kind],
          meetingOn: r.meetingOn,
          requestedOn: r.requestedOn,
          text: r.paper.text,
          changedSinceEarlier: Boolean(r.replaces),
          cleared: given ? { on: given.on, comment: given.comment } : null,
        };
      });
  },
});
