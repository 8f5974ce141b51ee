import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { listRecords, type StoreData } from '../../shared/data';
import { QuorumFailure, type Result } from '../../shared/result';
import { describeProblem, nearest, sameName, type RowProblem } from '../../shared/imports/table';
import type { Channel, OperationArgs, OperationResult } from '../../shared/operations';
import { formatUkDate } from '../../shared/rules/dates';
import { quorumInWords } from '../../shared/rules/quorumWords';
import { parseClockTime } from '../../shared/imports/dates';
import { Session } from '../services/session';
import { STORE_FILE } from '../services/store/format';
import { paperReviewMarks } from '../services/papers';
import { EXIT, UsageError, type Out, type Subcommand, requireData } from './command';
import { IMPORT_WHAT, VERBS } from './verbs';
import { boardOption } from './boardOption';
import { seatWithChair } from '../../shared/imports/seatRole';
import { filledInWords } from '../../shared/imports/coverSheetFromPaper';

type What = (typeof IMPORT_WHAT)[number];

const list = (title: string, lines: string[]) => (lines.length ? [`${title}:`, ...lines.map((l) => `  ${l}`)] : []);
const refusedLines = (refused: RowProblem[]) => list(`Refused (${refused.length})`, refused.map(describeProblem));

/** The open board a verb imports into: `--board` is required here. */
const findBoard = (data: StoreData, given: unknown) => {
  if (typeof given !== 'string' || !given.trim()) throw new UsageError('--board ID is required (the board’s id, name or short name)');
  return boardOption(data, given, { open: true });
};

/**
 * `--seat-as "4=Westmoor Borough Council"`: the organisation of the seat on the preview's row or
 * item 4 (its id or name); "4=leave-out" leaves the seat out; "4=vacant" keeps the seat with nobody
 * in it, not adding the person the document names there (as the screen's "Leave the seat vacant").
 */
const seatChoice = (data: StoreData, given: string): { row: number; organisationId?: `organisation:${string}`; leaveOut?: boolean; vacant?: boolean } => {
  const at = given.indexOf('=');
  const row = Number(given.slice(0, Math.max(at, 0)).trim());
  if (at <= 0 || !Number.isInteger(row) || row < 1) throw new UsageError(`--seat-as takes "N=organisation", "N=leave-out" or "N=vacant", N being the seat’s row or item as the preview numbers it; “${given}” is not that`);
  const to = given.slice(at + 1).trim();
  if (/^leave[- ]out$/i.test(to)) return { row, leaveOut: true };
  if (/^vacant$/i.test(to)) return { row, vacant: true };
  const organisations = listRecords(data, 'organisation').filter((o) => !o.retiredOn);
  const organisation = organisations.find((o) => o.id === to || sameName(o.name, to));
  if (!organisation) {
    const guess = nearest(to, organisations.map((o) => o.name));
    throw new QuorumFailure('not-found', `--seat-as ${row}: there is no organisation “${to}” in the partnership${guess ? ` (did you mean ${guess}?)` : ''}; the organisations are: ${organisations.map((o) => o.name).join(', ') || 'none yet'}`);
  }
  return { row, organisationId: organisation.id };
};

/**
 * `quorum import people|meetings|actions|tor|paper`: the app's imports, headless. The file is read
 * as the app reads it, the preview is the app's preview (the same query through the same handler
 * table), and without `--dry-run` the same mutation writes it as one journal entry. A refused
 * row stops the import (exit 1) unless `--leave-out-refused` says to bring in the rest.
 */
export const importCommand = (): Subcommand => ({
  ...VERBS.import,
  async run(values, out, { positionals, clock }) {
    const dir = requireData(values);
    const [what, file, ...extra] = positionals as [What | undefined, string | undefined, ...string[]];
    if (!what || !(IMPORT_WHAT as readonly string[]).includes(what)) throw new UsageError(`say what to import: ${IMPORT_WHAT.join(', ')}`);
    if (!file || extra.length) throw new UsageError('give one file to import');
    const path = resolve(file);
    if (!existsSync(path)) throw new QuorumFailure('not-found', `${file} could not be found`);
    if (!existsSync(resolve(dir, STORE_FILE))) throw new QuorumFailure('not-found', `There is no Quorum store in ${dir} (no ${STORE_FILE}); create one with quorum init`);
    const dryRun = Boolean(values['dry-run']);
    const session = new Session(dir, () => {}, { clock, ...(dryRun ? { mode: 'read' as const } : {}) });
    // The handler table and the file readers are loaded only when an import runs.
    const [{ createDispatcher }, { createHandlers }, { headlessPlatform }, { readSheetFile }, { importPaperFile }] = await Promise.all([
      import('../services/dispatch'),
      import('../services/handlers'),
      import('../services/platform'),
      import('../services/imports/sheet'),
      import('../services/papers/importPaper'),
    ]);
    const dispatch = createDispatcher(createHandlers(session, headlessPlatform('cli')));
    const call = async <C extends Channel>(channel: C, input: OperationArgs<C>): Promise<OperationResult<C>> => {
      const result = (await dispatch(channel, input)) as Result<OperationResult<C>>;
      if (!result.ok) throw new QuorumFailure(result.error.code, result.error.message);
      return result.value;
    };
    const finish = async <C extends Channel>(preview: object, text: string[], blocked: boolean, channel: C, input: OperationArgs<C>): Promise<number> => {
      let summary: string | undefined;
      if (!dryRun && !blocked) summary = ((await call(channel, input)) as { summary: string }).summary;
      if (values.json) out.log(JSON.stringify({ imported: Boolean(summary), dryRun, ...(summary ? { summary } : {}), preview }, null, 2));
      else {
        for (const l of text) out.log(l);
        out.log(summary ? `${/^Imported\b/.test(summary) ? '' : 'Imported: '}${summary}.` : dryRun ? 'Dry run: nothing was written.' : 'Nothing was imported.');
      }
      return blocked ? EXIT.failed : EXIT.ok;
    };

    try {
      const data = session.ready().data;
      if (what === 'people') {
        const table = await readSheetFile(path);
        const given = (values['board-as'] as string[] | undefined) ?? [];
        const boardChoices = given.map((g) => {
          const at = g.lastIndexOf('=');
          if (at <= 0) throw new UsageError(`--board-as takes "Sheet name=board" (or "Sheet name=leave-out"); “${g}” has no =`);
          const sheetName = g.slice(0, at).trim();
          const to = g.slice(at + 1).trim();
          return /^leave[- ]out$/i.test(to) ? { sheetName, leaveOut: true } : { sheetName, boardId: findBoard(data, to).id };
        });
        const first = await call('imports:previewPeople', { table, newOrganisations: [], leaveOutRefused: false, newBoards: [], boardChoices });
        const newOrganisations = values['add-organisations'] ? first.newOrganisations.map((o) => ({ name: o.name, kind: o.kind })) : [];
        // --add-boards adds the names no board resembles; a name Quorum is unsure of still needs --board-as.
        const newBoards = values['add-boards'] ? first.boards.filter((b) => b.outcome === 'needs a decision' && !b.didYouMean).map((b) => ({ sheetName: b.sheetName, ...b.proposed })) : [];
        const leaveOutRefused = Boolean(values['leave-out-refused']);
        const input = { table, newOrganisations, leaveOutRefused, newBoards, boardChoices };
        const plan = newOrganisations.length || newBoards.length ? await call('imports:previewPeople', input) : first;
        const undecidedBoards = plan.boards.filter((b) => b.outcome === 'needs a decision');
        const text = [
          `${table.sourceFile}${table.sheet ? ` (sheet ${table.sheet})` : ''}: ${plan.rows} rows`,
          ...list(`Add (${plan.add.length})`, plan.add.map((p) => `row ${p.row}: ${[p.name, p.jobTitle, p.organisation].filter(Boolean).join(', ')}`)),
          ...list(`Update (${plan.update.length})`, plan.update.map((p) => `row ${p.row}: ${p.name} (${p.changes.join('; ')})`)),
          ...list(`Already in Quorum (${plan.match.length})`, plan.match.map((p) => `row ${p.row}: ${p.name}`)),
          ...list(
            `Organisations not in the partnership (${plan.newOrganisations.length})`,
            plan.newOrganisations.map((o) => `${o.name} (${o.kind}), ${o.rows.length === 1 ? 'row' : 'rows'} ${o.rows.join(', ')}: ${o.added ? 'added' : `not added${o.didYouMean ? `; did you mean ${o.didYouMean}?` : ''} (--add-organisations adds it)`}`),
          ),
          ...list(
            `Boards named (${plan.boards.length})`,
            plan.boards.map((b) => {
              const rows = `${b.rows.length === 1 ? 'row' : 'rows'} ${b.rows.join(', ')}`;
              if (b.outcome === 'matched' || b.outcome === 'chosen') return `“${b.sheetName}” (${rows}): ${b.boardName}`;
              if (b.outcome === 'new board') return `“${b.sheetName}” (${rows}): added as ${b.proposed.name} (${b.proposed.shortName}, ${b.proposed.kind})`;
              if (b.outcome === 'seats left out') return `“${b.sheetName}” (${rows}): seats left out`;
              return `“${b.sheetName}” (${rows}): needs a decision: ${b.didYouMean ? `did you mean ${b.didYouMean.name}? (--board-as "${b.sheetName}=${b.didYouMean.id}")` : `not a board of the partnership yet (--add-boards adds it as ${b.proposed.name})`}`;
            }),
          ),
          ...list(`Seats (${plan.seats.length})`, plan.seats.map((s) => `row ${s.row}: ${s.board}, ${seatWithChair(s.seat, s.chairs)}: ${s.person} (${s.filled})`)),
          ...refusedLines(plan.refused),
          ...(plan.ignoredColumns.length ? [`Columns not imported: ${plan.ignoredColumns.join(', ')}`] : []),
        ];
        return await finish(plan, text, (plan.refused.length > 0 && !leaveOutRefused) || undecidedBoards.length > 0, 'imports:people', input);
      }
      if (what === 'actions') {
        const board = findBoard(data, values.board);
        const table = await readSheetFile(path);
        const leaveOutRefused = Boolean(values['leave-out-refused']);
        const input = { boardId: board.id, table, leaveOutRefused };
        const plan = await call('imports:previewActions', input);
        const text = [
          `${table.sourceFile}: ${plan.rows} rows for the ${plan.board}’s action log`,
          ...list(`Add (${plan.add.length})`, plan.add.map((a) => `row ${a.row}: ${a.text.slice(0, 80)} (${a.owner}, due ${formatUkDate(a.dueDate)}${a.note ? `; ${a.note}` : ''})`)),
          ...list(`Already on the log (${plan.alreadyOnLog.length})`, plan.alreadyOnLog.map((a) => `row ${a.row}: ${a.text.slice(0, 80)}`)),
          ...list(`Done, left out (${plan.done.length})`, plan.done.map((a) => `row ${a.row}: ${a.text.slice(0, 80)}`)),
          ...refusedLines(plan.refused),
        ];
        return await finish(plan, text, plan.refused.length > 0 && !leaveOutRefused, 'imports:actions', input);
      }
      if (what === 'meetings') {
        const board = findBoard(data, values.board);
        const time = (v: unknown, fallback: string, name: string) => {
          if (typeof v !== 'string') return fallback;
          const t = parseClockTime(v);
          if (!t) throw new UsageError(`--${name} must be a time like 15:00`);
          return t;
        };
        const year = typeof values.year === 'string' ? Number(values.year) : Number(clock.today().slice(0, 4));
        if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError('--year must be a year like 2027');
        const input = { boardId: board.id, text: readFileSync(path, 'utf8'), year, startTime: time(values.start, '14:00', 'start'), endTime: time(values.end, '16:00', 'end'), venue: typeof values.venue === 'string' ? values.venue : '' };
        const plan = await call('imports:previewMeetings', input);
        const text = [
          `Meetings of the ${plan.board}:`,
          ...plan.meetings.map((m) => `  ${m.label}, ${m.startTime}–${m.endTime}: papers by ${formatUkDate(m.paperDeadline)}${m.alreadyPlanned ? ' (already planned)' : ''}${m.warning ? ` (note: ${m.warning})` : ''}`),
          ...list(`Refused (${plan.refused.length})`, plan.refused.map((p) => `line ${p.row}: ${p.message}`)),
        ];
        return await finish(plan, text, plan.refused.length > 0 || plan.meetings.every((m) => m.alreadyPlanned), 'imports:meetings', input);
      }
      if (what === 'tor') {
        const board = findBoard(data, values.board);
        const { readTorDocument } = await import('../services/imports/torDocument');
        const doc = await readTorDocument(path);
        const seatAs = ((values['seat-as'] as string[] | undefined) ?? []).map((g) => seatChoice(data, g));
        const first = await call('imports:previewTor', { boardId: board.id, sourceFile: doc.sourceFile, markdown: doc.markdown, seats: seatAs });
        const unknown = seatAs.find((s) => !first.seats.some((x) => x.row === s.row));
        if (unknown) throw new UsageError(`--seat-as ${unknown.row}: the document has no seat ${unknown.row}; its seats are ${first.membershipFrom === 'list' ? 'items' : 'rows'} ${first.seats.map((x) => x.row).join(', ') || '(none)'}`);
        const seats = [...seatAs, ...(values['leave-out-unmatched'] ? first.undecided.map((u) => ({ row: u.row, leaveOut: true })) : [])];
        const input = { boardId: board.id, sourceFile: doc.sourceFile, markdown: doc.markdown, seats };
        const plan = seats.length > seatAs.length ? await call('imports:previewTor', input) : first;
        // A seat from a membership table is its row; from a list, its item.
        const seatPlace = (row: number) => (plan.membershipFrom === 'list' ? `item ${row}` : `row ${row}`);
        const text = [
          `${doc.sourceFile}: terms of reference for the ${board.shortName}`,
          ...list('Sections', plan.sections.map((s) => `${s.heading}: ${s.use === 'kept' ? 'kept at the end of the responsibilities' : s.use}`)),
          ...list(
            `Seats (${plan.seats.length}${plan.membershipFrom === 'list' ? ', from the membership list' : ''})`,
            plan.seats.map((s) => `${seatPlace(s.row)}: ${[seatWithChair(s.role, s.chairs), s.organisation, s.name].filter(Boolean).join(', ')}: ${s.outcome}${s.note ? ` (${s.note})` : ''}`),
          ),
          ...(plan.merge
            ? [
                `Into ${plan.merge.base.status === 'draft' ? `draft version ${plan.merge.base.version}` : `a new draft from version ${plan.merge.base.version}`}; seats already filled keep their people`,
                ...list('Adds to the draft', plan.merge.sections.filter((x) => x.outcome !== 'unchanged').map((x) => `${x.part}: ${x.outcome}`)),
                ...list('Figures changed', plan.merge.figures.map((f) => `${f.part}: ${f.from} → ${f.to}`)),
                ...list('Seats', plan.merge.seats.map((x) => `${x.role}: ${x.outcome}${x.detail ? ` (${x.detail})` : ''}`)),
              ]
            : []),
          `Quorum: ${quorumInWords(plan.draft.quorum).replace(/\.$/, '') || '(not stated)'}; ${plan.draft.meetingsPerYear} meetings a year; papers ${plan.draft.paperDeadlineWorkingDays} clear working days ahead; review by ${formatUkDate(plan.draft.reviewDate)}`,
          ...list('Notes', [...doc.notes, ...plan.notes]),
          ...list(`Needs a decision (${plan.undecided.length}; --seat-as "N=ORGANISATION" gives seat N its organisation, --seat-as "N=leave-out" or --leave-out-unmatched leaves it out)`, plan.undecided.map((p) => (plan.membershipFrom === 'list' ? `${seatPlace(p.row)}: ${p.message}` : describeProblem(p)))),
        ];
        return await finish(plan, text, plan.undecided.length > 0, 'imports:tor', input);
      }
      // A paper onto an agenda item, as the app's "Import paper…".
      if (typeof values.item !== 'string') throw new UsageError('--item AGENDA_ITEM_ID is required');
      const marksChoice = values['review-marks'];
      if (marksChoice !== undefined && marksChoice !== 'accept' && marksChoice !== 'keep') throw new UsageError('--review-marks is accept or keep');
      const marks = marksChoice ? null : paperReviewMarks(path);
      if (marks) throw new QuorumFailure('conflict', `${basename(path)} still has ${marks}. Say what becomes of them: --review-marks accept (as Word’s Accept All; comments left out) or --review-marks keep (deletions struck through, comments in brackets).`);
      const outcome = await importPaperFile(session.ready(), session.clock.today(), { agendaItemId: values.item, file: path, replace: Boolean(values.replace), dryRun, reviewMarks: marksChoice });
      if (values.json) out.log(JSON.stringify({ ...outcome, dryRun }, null, 2));
      else {
        out.log(`${outcome.sourceFile} → “${outcome.title}”: ${outcome.characters.toLocaleString('en-GB')} characters, ${outcome.images} picture${outcome.images === 1 ? '' : 's'}`);
        for (const n of outcome.notes) out.log(`  note: ${n}`);
        if (outcome.coverFilled.length) out.log(`  cover sheet: ${filledInWords(outcome.coverFilled)} ${outcome.imported ? 'taken' : 'would be taken'} from the paper's own sections, for you to check`);
        out.log(outcome.imported ? 'Imported: the paper is received.' : 'Dry run: nothing was written.');
      }
      return EXIT.ok;
    } catch (err) {
      if (err instanceof QuorumFailure) return refused(out, values.json, err);
      throw err;
    } finally {
      session.close();
    }
  },
});

/** A file or plan the import will not take: exit 1 with the reasons (usage mistakes stay exit 2). */
const refused = (out: Out, json: unknown, err: QuorumFailure): number => {
  if (json) out.log(JSON.stringify({ imported: false, error: { code: err.code, message: err.message } }, null, 2));
  else out.error(`quorum import: ${err.message}`);
  return EXIT.failed;
};
