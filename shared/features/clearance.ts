import { z } from 'zod';
import { expectedRev, isoDate, line, optionalLine, recordId } from '../schema/common';
import { clearanceRuleSchema, paperStandardsSchema } from '../schema/clearance';
import type { Clearance, RecordOf } from '../schema/records';
import { findRecord, getRecord } from '../data';
import { QuorumFailure } from '../result';
import { formatUkDate } from '../rules/dates';
import { clip } from '../rules/words';
import { clearancesOf, clearanceStates, clearedText, paperFingerprint, PAPER_KIND_LABEL, paperKindOf, rulesFor } from '../rules/clearance';
import { wordDiff } from '../team/conflicts';
import { ChangeSet } from '../kernel/changeSet';
import { mutation, query } from '../kernel/operation';

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
    const item = getRecord(data, 'agendaItem', input.agendaItemId, 'That agenda item no longer exists');
    const meeting = getRecord(data, 'meeting', item.meetingId);
    const board = getRecord(data, 'board', meeting.boardId);
    const rule = rulesFor(board, item).find((r) => r.key === input.key);
    if (!rule)
      throw new QuorumFailure('invalid-input', `The ${board.shortName} asks no “${input.key}” clearance of a ${PAPER_KIND_LABEL[paperKindOf(item)].toLowerCase()} paper.`, { key: 'Not a clearance this paper needs' });
    if (!item.paper || item.paper.status !== 'received' || !item.paper.body.trim()) throw new QuorumFailure('conflict', `“${clip(item.title, 80)}” has no paper received yet: there is no text to clear.`);
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
  reads: ['agendaItem', 'clearance', 'board', 'meeting'],
  view(data, { agendaItemId }) {
    const item = getRecord(data, 'agendaItem', agendaItemId, 'That agenda item no longer exists');
    const board = getRecord(data, 'board', getRecord(data, 'meeting', item.meetingId).boardId);
    const now = paperFingerprint(item);
    const text = clearedText(item);
    return {
      kind: PAPER_KIND_LABEL[paperKindOf(item)],
      needed: clearanceStates(data, board, item),
      history: clearancesOf(data, item.id)
        .reverse()
        .map((c) => ({ key: c.key, label: c.label, clearedBy: c.clearedBy, on: c.on, comment: c.comment, via: c.via, holds: c.cleared.fingerprint === now, changedSince: c.cleared.fingerprint === now ? [] : wordDiff(c.cleared.text, text) })),
    };
  },
});
