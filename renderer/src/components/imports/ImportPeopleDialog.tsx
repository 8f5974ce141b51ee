import { useState } from 'react';
import { Checkbox, Field, Input, Select, Spinner, Text } from '@fluentui/react-components';
import { BOARD_KINDS, ORGANISATION_KINDS } from '@shared/schema/records';
import { ORGANISATION_KIND_LABEL } from '@shared/rules/labels';
import { BoardKindSelect } from '../BoardKindSelect';
import type { SheetBoard } from '@shared/imports/people';
import type { SheetTable } from '@shared/imports/table';
import { seatWithChair } from '@shared/imports/seatRole';
import type { QuorumError } from '@shared/result';
import { call, useQuery } from '../../bridge';
import { FormDialog } from '../FormDialog';
import { ErrorBar } from '../ErrorBar';
import { PreviewList, RefusedRows } from './PreviewList';

type Kind = (typeof ORGANISATION_KINDS)[number];
type BoardKind = (typeof BOARD_KINDS)[number];
/** What the officer chose for a board name on the sheet: a board of the partnership, a new one, or its seats left out. */
type BoardDecision = { choice: '' | 'add' | 'leave-out' | `board:${string}`; name: string; shortName: string; kind: BoardKind };

/** A new board's name is proposed as the sheet gives it, and the officer can change it. */
const NewBoardFields = ({ entry, decision, set }: { entry: SheetBoard; decision: BoardDecision; set: (patch: Partial<BoardDecision>) => void }) => (
  <div style={{ display: 'flex', gap: '8px', flexWrap: 'wrap', marginLeft: '16px' }}>
    <Field label={`Name of the new board for “${entry.sheetName}”`} required validationMessage={decision.name.trim() ? undefined : 'Give the board a name'}>
      <Input value={decision.name} onChange={(_e, d) => set({ name: d.value })} />
    </Field>
    <Field label="Short name" required validationMessage={decision.shortName.trim() ? (decision.shortName.length > 40 ? 'Keep it under 40 characters' : undefined) : 'Give a short name'}>
      <Input value={decision.shortName} onChange={(_e, d) => set({ shortName: d.value })} />
    </Field>
    <Field label="Kind">
      <BoardKindSelect value={decision.kind} onChange={(kind) => set({ kind })} />
    </Field>
  </div>
);

/**
 * People and organisations from a membership spreadsheet: what will be added, updated, matched or
 * refused, decided before anything is written. An organisation the partnership does not have is
 * added only when ticked (a likely misspelling starts unticked).
 */
export const ImportPeopleDialog = ({ table, onClose }: { table: SheetTable; onClose: (summary?: string) => void }) => {
  // The officer's ticks; an organisation not yet decided is added unless it looks like a misspelling.
  const [decided, setDecided] = useState<Record<string, { add: boolean; kind: Kind }>>({});
  const [leaveOutRefused, setLeaveOutRefused] = useState(false);
  const [error, setError] = useState<QuorumError | null>(null);
  const [suggested, setSuggested] = useState<{ name: string; kind: Kind; didYouMean?: string }[]>([]);
  // Board names the sheet gives that are not (certainly) boards of the partnership, as first seen, and the officer's choice for each.
  const [sheetBoards, setSheetBoards] = useState<SheetBoard[] | null>(null);
  const [boardDecided, setBoardDecided] = useState<Record<string, BoardDecision>>({});
  const decisionOf = (o: { name: string; kind: Kind; didYouMean?: string }) => decided[o.name] ?? { add: !o.didYouMean, kind: o.kind };
  // A name no board resembles is added unless the officer says otherwise; one Quorum is unsure of waits for a choice.
  const boardDecisionOf = (b: SheetBoard): BoardDecision => boardDecided[b.sheetName] ?? { choice: b.didYouMean ? '' : 'add', ...b.proposed };
  const undecidedBoards = (sheetBoards ?? []).filter((b) => b.outcome !== 'matched');
  const newOrganisations = suggested.filter((o) => decisionOf(o).add).map((o) => ({ name: o.name, kind: decisionOf(o).kind }));
  const newBoards = undecidedBoards
    .filter((b) => boardDecisionOf(b).choice === 'add' && boardDecisionOf(b).name.trim() && boardDecisionOf(b).shortName.trim())
    .map((b) => ({ sheetName: b.sheetName, name: boardDecisionOf(b).name.trim(), shortName: boardDecisionOf(b).shortName.trim().slice(0, 40), kind: boardDecisionOf(b).kind }));
  const boardChoices = undecidedBoards.flatMap((b): { sheetName: string; leaveOut?: boolean; boardId?: `board:${string}` }[] => {
    const { choice } = boardDecisionOf(b);
    return choice === 'leave-out' ? [{ sheetName: b.sheetName, leaveOut: true }] : choice.startsWith('board:') ? [{ sheetName: b.sheetName, boardId: choice as `board:${string}` }] : [];
  });
  const input = { table, newOrganisations, leaveOutRefused, newBoards, boardChoices };
  const { state } = useQuery('imports:previewPeople', input);
  const boardsQuery = useQuery('boards:list', {});
  const openBoards = boardsQuery.state.status === 'ready' ? boardsQuery.state.value : [];
  const plan = state.status === 'ready' ? state.value : null;
  // The first preview names the organisations and boards the sheet brings; later ones reflect the choices.
  if (plan && suggested.length === 0 && plan.newOrganisations.length > 0) setSuggested(plan.newOrganisations.map(({ name, kind, didYouMean }) => ({ name, kind, ...(didYouMean ? { didYouMean } : {}) })));
  if (plan && sheetBoards === null) setSheetBoards(plan.boards);
  const ready = Boolean(plan) && plan!.newOrganisations.every((o) => o.added === decisionOf(o).add) && plan!.boards.every((b) => b.outcome !== 'needs a decision');
  const blocked = !plan || (plan.refused.length > 0 && !leaveOutRefused);
  const nothing = plan && !plan.add.length && !plan.update.length && !plan.seats.some((s) => s.filled !== 'already in seat');
  const waitingBoards = plan ? plan.boards.filter((b) => b.outcome === 'needs a decision').length : 0;
  const submit = async () => {
    const r = await call('imports:people', input);
    if (r.ok) onClose(r.value.summary);
    else setError(r.error);
  };
  return (
    <FormDialog
      title={`Import people from ${table.sourceFile}`}
      errorTitle="Nothing was imported"
      error={error ?? (state.status === 'error' ? state.error : null)}
      saveLabel={plan ? `Import ${plan.add.length} ${plan.add.length === 1 ? 'person' : 'people'}${plan.update.length ? ` and ${plan.update.length} update${plan.update.length === 1 ? '' : 's'}` : ''}` : 'Import'}
      saveDisabled={!ready || blocked || Boolean(nothing)}
      saveHint={
        waitingBoards
          ? `Choose what becomes of ${waitingBoards === 1 ? 'the board name' : `the ${waitingBoards} board names`} marked above first.`
          : plan && plan.refused.length > 0 && !leaveOutRefused
            ? `Leave out the ${plan.refused.length === 1 ? 'row' : `${plan.refused.length} rows`} that cannot be imported, or correct the sheet.`
            : nothing
              ? 'Everyone on the sheet is already in the partnership as the sheet has them.'
              : undefined
      }
      onSave={submit}
      onClose={() => onClose()}
      maxWidth="760px"
    >
      {state.status === 'loading' && <Spinner size="tiny" label="Checking the sheet against the partnership…" />}
      {plan && (
        <>
          <Text as="p" block>
            {plan.rows} rows{table.sheet ? ` on the sheet “${table.sheet}”` : ''}: {plan.add.length} to add, {plan.update.length} to update, {plan.match.length} already in Quorum, {plan.refused.length} that cannot be imported. Nothing is saved until you import.
          </Text>
          {plan.newOrganisations.length > 0 && (
            <section aria-label="Organisations not in the partnership">
              <Text weight="semibold">Organisations not in the partnership ({plan.newOrganisations.length})</Text>
              {plan.newOrganisations.map((o) => {
                const decision = decisionOf(suggested.find((s) => s.name === o.name) ?? o);
                const set = (patch: Partial<typeof decision>) => setDecided((all) => ({ ...all, [o.name]: { ...decision, ...patch } }));
                return (
                  <div key={o.name} style={{ display: 'flex', gap: '8px', alignItems: 'center' }}>
                    <Checkbox checked={decision.add} onChange={(_e, d) => set({ add: Boolean(d.checked) })} label={`Add ${o.name} as a new organisation${o.didYouMean ? ` (did you mean ${o.didYouMean}?)` : ''}, ${o.rows.length === 1 ? 'row' : 'rows'} ${o.rows.join(', ')}`} />
                    <Select aria-label={`Kind of ${o.name}`} value={decision.kind} disabled={!decision.add} onChange={(_e, d) => set({ kind: d.value as Kind })}>
                      {ORGANISATION_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {ORGANISATION_KIND_LABEL[k]}
                        </option>
                      ))}
                    </Select>
                  </div>
                );
              })}
            </section>
          )}
          {plan.boards.length > 0 && (
            <section aria-label="Boards on the sheet">
              <Text weight="semibold">Boards on the sheet ({plan.boards.length})</Text>
              <ul style={{ margin: '4px 0 8px', paddingLeft: '20px' }}>
                {plan.boards.map((b) => {
                  const rows = `${b.rows.length === 1 ? 'row' : 'rows'} ${b.rows.join(', ')}`;
                  const first = sheetBoards?.find((s) => s.sheetName === b.sheetName);
                  if (!first || first.outcome === 'matched')
                    return (
                      <li key={b.sheetName}>
                        “{b.sheetName}” ({rows}): {b.boardName}
                      </li>
                    );
                  const decision = boardDecisionOf(first);
                  const set = (patch: Partial<BoardDecision>) => setBoardDecided((all) => ({ ...all, [b.sheetName]: { ...decision, ...patch } }));
                  return (
                    <li key={b.sheetName}>
                      <Field label={`“${b.sheetName}” (${rows})${first.didYouMean ? `: did you mean ${first.didYouMean.name}?` : ': not a board of the partnership yet'}`} validationMessage={decision.choice ? undefined : 'Choose one'} validationState={decision.choice ? 'none' : 'warning'}>
                        <Select aria-label={`Board for “${b.sheetName}”`} value={decision.choice} onChange={(_e, d) => set({ choice: d.value as BoardDecision['choice'] })}>
                          <option value="">Choose…</option>
                          {first.didYouMean && <option value={first.didYouMean.id}>{first.didYouMean.name}</option>}
                          {openBoards
                            .filter((o) => o.id !== first.didYouMean?.id)
                            .map((o) => (
                              <option key={o.id} value={o.id}>
                                {o.name}
                              </option>
                            ))}
                          <option value="add">Add it as a new board</option>
                          <option value="leave-out">Import these people without their seats</option>
                        </Select>
                      </Field>
                      {decision.choice === 'add' && <NewBoardFields entry={first} decision={decision} set={set} />}
                    </li>
                  );
                })}
              </ul>
            </section>
          )}
          <PreviewList title="Will be added" items={plan.add.map((p) => `Row ${p.row}: ${[p.name, p.jobTitle, p.organisation, p.email].filter(Boolean).join(', ')}`)} />
          <PreviewList title="Will be updated" items={plan.update.map((p) => `Row ${p.row}: ${p.name}: ${p.changes.join('; ')}`)} />
          <PreviewList title="Already in Quorum" items={plan.match.map((p) => `Row ${p.row}: ${p.name}`)} />
          <PreviewList title="Seats on the boards’ draft terms of reference" items={plan.seats.map((s) => `Row ${s.row}: ${s.board}, ${seatWithChair(s.seat, s.chairs)}: ${s.person} (${s.filled}${s.deputyAllowed ? '' : ', no deputy'})`)} />
          <RefusedRows refused={plan.refused} />
          {plan.refused.length > 0 && (
            <Checkbox checked={leaveOutRefused} onChange={(_e, d) => setLeaveOutRefused(Boolean(d.checked))} label={`Leave out the ${plan.refused.length} row${plan.refused.length === 1 ? '' : 's'} that cannot be imported, and import the rest`} />
          )}
          {plan.ignoredColumns.length > 0 && <Text block>Columns not imported: {plan.ignoredColumns.join(', ')}.</Text>}
          {nothing && <ErrorBar title="Nothing to import" error={{ code: 'conflict', message: 'Everyone on this sheet is already in the partnership as the sheet has them.' }} />}
        </>
      )}
    </FormDialog>
  );
};
