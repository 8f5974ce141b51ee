import { useState } from 'react';
import { Checkbox, Select, Spinner, Text } from '@fluentui/react-components';
import { ORGANISATION_KINDS } from '@shared/schema/records';
import type { SheetTable } from '@shared/imports/table';
import type { QuorumError } from '@shared/result';
import { call, useQuery } from '../../bridge';
import { FormDialog } from '../FormDialog';
import { ErrorBar } from '../ErrorBar';
import { PreviewList, RefusedRows } from './PreviewList';

type Kind = (typeof ORGANISATION_KINDS)[number];
const KIND_LABEL: Record<Kind, string> = { council: 'Council', police: 'Police', health: 'Health', education: 'Education', voluntary: 'Voluntary sector', other: 'Other' };

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
  const decisionOf = (o: { name: string; kind: Kind; didYouMean?: string }) => decided[o.name] ?? { add: !o.didYouMean, kind: o.kind };
  const newOrganisations = suggested.filter((o) => decisionOf(o).add).map((o) => ({ name: o.name, kind: decisionOf(o).kind }));
  const { state } = useQuery('imports:previewPeople', { table, newOrganisations, leaveOutRefused });
  const plan = state.status === 'ready' ? state.value : null;
  // The first preview names the organisations the sheet brings; later ones reflect the ticks.
  if (plan && suggested.length === 0 && plan.newOrganisations.length > 0) setSuggested(plan.newOrganisations.map(({ name, kind, didYouMean }) => ({ name, kind, ...(didYouMean ? { didYouMean } : {}) })));
  const ready = Boolean(plan) && plan!.newOrganisations.every((o) => o.added === decisionOf(o).add);
  const blocked = !plan || (plan.refused.length > 0 && !leaveOutRefused);
  const nothing = plan && !plan.add.length && !plan.update.length && !plan.seats.some((s) => s.filled !== 'already in seat');
  const submit = async () => {
    const r = await call('imports:people', { table, newOrganisations, leaveOutRefused });
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
                          {KIND_LABEL[k]}
                        </option>
                      ))}
                    </Select>
                  </div>
                );
              })}
            </section>
          )}
          <PreviewList title="Will be added" items={plan.add.map((p) => `Row ${p.row}: ${[p.name, p.jobTitle, p.organisation, p.email].filter(Boolean).join(', ')}`)} />
          <PreviewList title="Will be updated" items={plan.update.map((p) => `Row ${p.row}: ${p.name}: ${p.changes.join('; ')}`)} />
          <PreviewList title="Already in Quorum" items={plan.match.map((p) => `Row ${p.row}: ${p.name}`)} />
          <PreviewList title="Seats on the boards’ draft terms of reference" items={plan.seats.map((s) => `Row ${s.row}: ${s.board}, ${s.seat}: ${s.person} (${s.filled}${s.deputyAllowed ? '' : ', no deputy'})`)} />
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
