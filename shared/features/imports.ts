import { z } from 'zod';
import { recordId } from '../schema/common';
import type { Board, Organisation, Person, RecordOf, TermsOfReference } from '../schema/records';
import { getRecord, listRecords, type StoreData } from '../data';
import { QuorumFailure } from '../result';
import { ChangeSet } from '../kernel/changeSet';
import { effect, mutation, query, type CommandContext } from '../kernel/operation';
import { noInput } from '../schema/common';
import { describeProblem, sameName, sheetTableSchema, type RowProblem, type SheetTable } from '../imports/table';
import { draftOf, peopleImportInput, planPeopleImport, rulesForKind, seatInDraft, type PeopleImportPlan, type SheetBoard } from '../imports/people';
import { DEFAULT_STANDING_ITEMS } from '../rules/boards';
import { actionsImportInput, planActionsImport } from '../imports/actions';
import { meetingsImportInput, planMeetingsImport } from '../imports/meetings';
import { describeSeatProblem, planTorImport, torImportInput } from '../imports/tor';
import { firstTorFields } from '../rules/torDraft';

/**
 * Bringing a secretariat's existing material in (docs/ARCHITECTURE.md, start from empty). Every import is a
 * preview (a query: what will be added, matched or refused, nothing written) and the same input
 * confirmed (a mutation: one journal entry). The file itself is read in main, which hands the
 * rows or the document's text here; `quorum import` and the app share both halves.
 */

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A refused row stops the import unless the officer chose to leave such rows out: nothing half-imported by surprise. */
const stopOnRefusals = (refused: RowProblem[], sourceFile: string, leaveOut: boolean) => {
  if (!refused.length || leaveOut) return;
  const shown = refused.slice(0, 5).map(describeProblem).join('\n');
  throw new QuorumFailure(
    'invalid-input',
    `Nothing was imported: ${plural(refused.length, 'row')} of ${sourceFile} cannot be brought in.\n${shown}${refused.length > 5 ? `\n…and ${refused.length - 5} more` : ''}\nCorrect the sheet and import it again, or choose to leave those rows out.`,
  );
};

const peopleInput = z.object({ table: sheetTableSchema, ...peopleImportInput }).strict();

export const previewPeopleImport = query({
  name: 'imports:previewPeople',
  input: peopleInput,
  reads: ['person', 'organisation', 'board', 'tor', 'partnership'],
  view: (data, { table, ...decisions }): PeopleImportPlan => planPeopleImport(data, table, decisions),
});

/**
 * Seats gathered per board, written once as that board's draft ToR (a new draft when only an
 * approved one exists). A seat the sheet marks "(Chair)" or "(Vice-chair)" becomes the draft's
 * chair or vice-chair where the draft has none yet: the officer's own choice in the draft stands.
 */
const seatWriter = (data: StoreData, ctx: CommandContext) => {
  type Pending = { base?: TermsOfReference; members: TermsOfReference['members']; chair?: string; viceChair?: string };
  const pending = new Map<Board['id'], Pending>();
  return {
    seat(board: Board, seat: Parameters<typeof seatInDraft>[2]) {
      const entry: Pending = pending.get(board.id) ?? { base: draftOf(data, board.id), members: draftOf(data, board.id)?.members ?? [] };
      entry.members = seatInDraft(entry, ctx.today(), seat);
      const key = entry.members.find((m) => sameName(m.role, seat.role))?.key;
      if (key && seat.chairs === 'chair') entry.chair ??= key;
      if (key && seat.chairs === 'vice-chair') entry.viceChair ??= key;
      pending.set(board.id, entry);
    },
    write(cs: ChangeSet) {
      for (const [boardId, { base, members, chair, viceChair }] of pending) {
        const chairs = {
          ...(chair && !base?.chairMemberKey ? { chairMemberKey: chair } : {}),
          ...(viceChair && !base?.viceChairMemberKey ? { viceChairMemberKey: viceChair } : {}),
        };
        if (base?.status === 'draft') cs.update(base, { members, ...chairs });
        else {
          const version = Math.max(0, ...listRecords(data, 'tor').filter((t) => t.boardId === boardId).map((t) => t.version)) + 1;
          const fields = base ? { ...base, approval: undefined } : { ...firstTorFields(ctx.today()) };
          const { id: _id, rev: _rev, updatedAt: _u, updatedBy: _b, schemaVersion: _s, approval: _a, ...rest } = fields as TermsOfReference;
          cs.create<TermsOfReference>({ ...(rest as RecordOf<'tor'>), id: ctx.newId('tor'), type: 'tor', boardId, version, status: 'draft', members, ...chairs } as RecordOf<'tor'>);
        }
      }
      return pending.size;
    },
  };
};

/** A board name the officer has not yet decided on stops the import, named once however many rows carry it. */
const stopOnUndecidedBoards = (boards: SheetBoard[], sourceFile: string) => {
  const undecided = boards.filter((b) => b.outcome === 'needs a decision');
  if (!undecided.length) return;
  const lines = undecided.map((b) => `“${b.sheetName}” (${b.rows.length === 1 ? 'row' : 'rows'} ${b.rows.join(', ')}): ${b.didYouMean ? `did you mean ${b.didYouMean.name}?` : 'not a board of the partnership yet'}`);
  throw new QuorumFailure(
    'invalid-input',
    `Nothing was imported: ${sourceFile} names ${plural(undecided.length, 'board')} Quorum needs a decision on.\n${lines.join('\n')}\nFor each, choose the board it means, add it as a new board, or leave its seats out.`,
  );
};

export const importPeople = mutation({
  name: 'imports:people',
  writes: ['person', 'organisation', 'tor', 'board'],
  input: peopleInput,
  apply(data, { table, ...decisions }, ctx) {
    const preview = planPeopleImport(data, table, decisions);
    stopOnUndecidedBoards(preview.boards, table.sourceFile);
    stopOnRefusals(preview.refused, table.sourceFile, decisions.leaveOutRefused);
    if (!preview.add.length && !preview.update.length && !preview.seats.some((s) => s.filled !== 'already in seat'))
      throw new QuorumFailure('conflict', `Nothing to import: ${preview.match.length ? `everyone in ${table.sourceFile} is already in the partnership, as the sheet has them` : `${table.sourceFile} has no one who can be brought in`}.`);
    const cs = new ChangeSet(data, ctx);
    const seats = seatWriter(data, ctx);
    const plan = planPeopleImport(data, table, decisions, {
      createOrganisation: (name, kind) => cs.create<Organisation>({ id: ctx.newId('organisation'), type: 'organisation', name, kind }).id,
      createPerson: (p) => cs.create<Person>({ id: ctx.newId('person'), type: 'person', ...p }).id,
      updatePerson: (person, patch) => void cs.update(person, patch),
      createBoard: ({ name, shortName, kind }) => {
        const twin = listRecords(data, 'board').find((b) => !b.closedOn && (sameName(b.name, name) || sameName(b.shortName, shortName)));
        if (twin) throw new QuorumFailure('conflict', `The partnership already has ${twin.name} (${twin.shortName}); choose it for “${name}” rather than adding it again.`);
        return cs.create<Board>({ id: ctx.newId('board'), type: 'board', name, shortName, kind, rules: rulesForKind(kind), standingItems: DEFAULT_STANDING_ITEMS });
      },
      seat: seats.seat,
    });
    const boards = seats.write(cs);
    const orgs = plan.newOrganisations.filter((o) => o.added).length;
    const newBoards = plan.boards.filter((b) => b.outcome === 'new board').length;
    const parts = [
      `${plural(plan.add.length, 'person', 'people')} added`,
      plan.update.length ? `${plan.update.length} updated` : '',
      plan.match.length ? `${plan.match.length} already in Quorum` : '',
      orgs ? `${plural(orgs, 'organisation')} added` : '',
      newBoards ? `${plural(newBoards, 'board')} added` : '',
      plan.seats.length ? `${plural(plan.seats.length, 'seat')} in the draft terms of reference of ${plural(boards, 'board')}` : '',
      plan.refused.length ? `${plural(plan.refused.length, 'row')} left out` : '',
    ].filter(Boolean);
    return cs.result(`Imported people from ${table.sourceFile}: ${parts.join(', ')}`);
  },
});

// Meetings: the year's dates, from a list or a rule

const meetingsInput = z.object({ boardId: recordId('board'), ...meetingsImportInput }).strict();

export const previewMeetingsImport = query({
  name: 'imports:previewMeetings',
  input: meetingsInput,
  reads: ['board', 'meeting', 'tor'],
  view: (data, input, env) => planMeetingsImport(data, input, env.holidays),
});

export const importMeetings = mutation({
  name: 'imports:meetings',
  writes: ['meeting'],
  input: meetingsInput,
  apply(data, input, ctx) {
    const board = getRecord(data, 'board', input.boardId, 'That board no longer exists');
    // Deadlines do not change what is written, so the plan here needs no bank holidays.
    const plan = planMeetingsImport(data, input, new Set());
    if (plan.refused.length) throw new QuorumFailure('invalid-input', `Nothing was planned: ${plan.refused.map((p) => `line ${p.row}: ${p.message}`).slice(0, 5).join('; ')}.`);
    const fresh = plan.meetings.filter((m) => !m.alreadyPlanned);
    if (!fresh.length) throw new QuorumFailure('conflict', `Nothing to plan: the ${board.shortName} already meets on ${plan.meetings.length === 1 ? 'that date' : 'all those dates'}.`);
    const cs = new ChangeSet(data, ctx);
    for (const m of fresh) cs.create<RecordOf<'meeting'>>({ id: ctx.newId('meeting'), type: 'meeting', boardId: board.id, date: m.date, startTime: m.startTime, endTime: m.endTime, venue: m.venue, status: 'planned' });
    return cs.result(`Planned ${plural(fresh.length, 'meeting')} of the ${board.shortName} (${fresh[0].label}${fresh.length > 1 ? ` to ${fresh.at(-1)!.label}` : ''})`);
  },
});

// Actions: an existing action log

const actionsInput = z.object({ boardId: recordId('board'), table: sheetTableSchema, ...actionsImportInput }).strict();

export const previewActionsImport = query({
  name: 'imports:previewActions',
  input: actionsInput,
  reads: ['board', 'meeting', 'person', 'action'],
  view: (data, input, env) => planActionsImport(data, input, env.today),
});

export const importActions = mutation({
  name: 'imports:actions',
  writes: ['action'],
  input: actionsInput,
  apply(data, input, ctx) {
    const board = getRecord(data, 'board', input.boardId, 'That board no longer exists');
    const plan = planActionsImport(data, input, ctx.today());
    stopOnRefusals(plan.refused, input.table.sourceFile, input.leaveOutRefused);
    if (!plan.add.length) throw new QuorumFailure('conflict', `Nothing to import: ${input.table.sourceFile} has no open action that is not already on the ${board.shortName}’s log.`);
    const cs = new ChangeSet(data, ctx);
    for (const a of plan.add)
      cs.create<RecordOf<'action'>>({ id: ctx.newId('action'), type: 'action', boardId: board.id, ...(a.meetingId ? { meetingId: a.meetingId } : {}), text: a.text, ownerPersonId: a.ownerPersonId, dueDate: a.dueDate, status: a.status });
    return cs.result(`Imported ${plural(plan.add.length, 'open action')} onto the ${board.shortName}’s log from ${input.table.sourceFile}${plan.refused.length ? ` (${plural(plan.refused.length, 'row')} left out)` : ''}`);
  },
});

// Terms of reference: an existing Word document

const torInput = z.object({ boardId: recordId('board'), ...torImportInput }).strict();

export const previewTorImport = query({
  name: 'imports:previewTor',
  input: torInput,
  reads: ['board', 'tor', 'person', 'organisation'],
  view: (data, input, env) => planTorImport(data, input, env.today, draftOf(data, input.boardId)),
});

/**
 * Terms of reference from Word, onto the board's draft where it has one (the one a people sheet
 * started, say), else as a new draft from the version in force, else as its first draft. The
 * draft keeps the people already in its seats; it is never refused for being there.
 */
export const importTor = mutation({
  name: 'imports:tor',
  writes: ['tor', 'person'],
  input: torInput,
  answer: (outcome) => ({ summary: outcome.summary, torId: outcome.changes.find((c) => c.id.startsWith('tor:'))!.id as TermsOfReference['id'] }),
  apply(data, input, ctx) {
    const board = getRecord(data, 'board', input.boardId, 'That board no longer exists');
    if (board.closedOn) throw new QuorumFailure('conflict', `The ${board.shortName} was closed on ${board.closedOn}; reopen it on the People and boards screen to change its terms of reference.`);
    const base = draftOf(data, board.id);
    const plan = planTorImport(data, input, ctx.today(), base);
    if (plan.undecided.length)
      throw new QuorumFailure(
        'invalid-input',
        `Nothing was imported: ${plural(plan.undecided.length, plan.membershipFrom === 'list' ? 'seat' : 'membership row')} of ${plan.membershipFrom === 'list' ? `${input.sourceFile}’s membership list` : input.sourceFile} ${plan.undecided.length === 1 ? 'needs' : 'need'} a decision.\n${plan.undecided
          .slice(0, 5)
          .map((p) => describeSeatProblem(plan, p))
          .join('\n')}`,
      );
    const cs = new ChangeSet(data, ctx);
    const ids = new Map<number, Person['id']>();
    for (const p of plan.newPeople) ids.set(p.row, cs.create<Person>({ id: ctx.newId('person'), type: 'person', name: p.name, jobTitle: p.jobTitle, organisationId: p.organisationId, email: '' }).id);
    const members = plan.draft.members.map((m) => {
      const row = plan.seatRows[m.key];
      const personId = m.personId ?? (row !== undefined ? ids.get(row) : undefined);
      return { ...m, ...(personId ? { personId } : {}) };
    });
    const people = plan.newPeople.length ? `, ${plural(plan.newPeople.length, 'person', 'people')} added` : '';
    if (base?.status === 'draft') {
      cs.update(base, { ...plan.draft, members });
      const seats = plan.merge!.seats;
      const count = (o: string) => seats.filter((s) => s.outcome === o).length;
      const said = [count('confirmed') ? `${count('confirmed')} confirmed` : '', count('changed') ? `${count('changed')} changed` : '', count('added') ? `${count('added')} added` : '', count('kept from the draft') ? `${count('kept from the draft')} kept from the draft` : ''].filter(Boolean).join(', ');
      return cs.result(`Imported ${input.sourceFile} into the ${board.shortName}’s draft terms of reference (version ${base.version}): seats ${said || 'unchanged'}${people}`);
    }
    const version = Math.max(0, ...listRecords(data, 'tor').filter((t) => t.boardId === board.id).map((t) => t.version)) + 1;
    cs.create<TermsOfReference>({ ...plan.draft, members, id: ctx.newId('tor'), type: 'tor', boardId: board.id, version, status: 'draft' } as RecordOf<'tor'>);
    return cs.result(`Imported the ${board.shortName}’s terms of reference from ${input.sourceFile} as draft version ${version}${base ? `, starting from version ${base.version}` : ''}: ${plural(members.length, 'seat')}${people}`);
  },
});

// Choosing the file: main opens the dialog and reads it; nothing is stored until the import is confirmed.

type NotChosen = { chosen: false; reason: string };

export const chooseSheet = effect<{ chosen: true; table: SheetTable } | NotChosen>()({
  name: 'imports:chooseSheet',
  input: z.object({ purpose: z.enum(['people', 'actions']) }).strict(),
});

export const chooseTorDocument = effect<{ chosen: true; sourceFile: string; markdown: string; notes: string[] } | NotChosen>()({
  name: 'imports:chooseTor',
  input: noInput,
});
