import { useState } from 'react';
import { Select, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { QuorumError } from '@shared/result';
import { formatUkDate } from '@shared/rules/dates';
import { quorumInWords } from '@shared/rules/quorumWords';
import { seatWithChair } from '@shared/imports/seatRole';
import { call, useQuery } from '../../bridge';
import { chosenId } from '../../ids';
import { FormDialog } from '../FormDialog';
import { PreviewList } from './PreviewList';

const USE_LABEL = {
  title: 'Title (not kept)',
  purpose: 'Purpose',
  responsibilities: 'Responsibilities',
  membership: 'Membership (its seats are read below)',
  quorum: 'Quorum',
  meetings: 'How often it meets',
  papers: 'Papers',
  review: 'Review date',
  kept: 'Kept at the end of the responsibilities, for you to place',
} as const;

type Decision = { row: number; organisationId?: `organisation:${string}`; leaveOut?: boolean; vacant?: boolean };
export type TorDocument = { sourceFile: string; markdown: string; notes: string[] };

/**
 * A board's terms of reference from Word: each heading's section shown with where it will go, each
 * membership row with the seat and person it becomes, and the rows Quorum could not match listed
 * for a decision (choose the organisation, or leave the seat out). It lands as a draft.
 */
export const ImportTorDialog = ({ board, document, onClose }: { board: { id: `board:${string}`; shortName: string }; document: TorDocument; onClose: (summary?: string) => void }) => {
  const [decisions, setDecisions] = useState<Record<number, Decision>>({});
  const [error, setError] = useState<QuorumError | null>(null);
  const input = { boardId: board.id, sourceFile: document.sourceFile, markdown: document.markdown, seats: Object.values(decisions) };
  const { state } = useQuery('imports:previewTor', input);
  const directory = useQuery('people:directory', {});
  const organisations = directory.state.status === 'ready' ? directory.state.value.organisations.filter((o) => !o.retiredOn) : [];
  const plan = state.status === 'ready' ? state.value : null;
  const submit = async () => {
    const r = await call('imports:tor', input);
    if (r.ok) onClose(r.value.summary);
    else setError(r.error);
  };
  const decide = (row: number, value: string) =>
    setDecisions((d) => ({ ...d, [row]: value === 'leave-out' ? { row, leaveOut: true } : value ? { row, organisationId: chosenId('organisation', value) } : { row } }));
  return (
    <FormDialog
      title={`Import the ${board.shortName}’s terms of reference from ${document.sourceFile}`}
      errorTitle="Nothing was imported"
      error={error ?? (state.status === 'error' ? state.error : null)}
      saveLabel={plan?.merge?.base.status === 'draft' ? `Import into draft version ${plan.merge.base.version}` : 'Import as a draft'}
      saveDisabled={!plan || plan.undecided.length > 0}
      saveHint={plan && plan.undecided.length > 0 ? `Decide the ${plan.undecided.length === 1 ? 'seat' : `${plan.undecided.length} seats`} marked above first.` : undefined}
      onSave={submit}
      onClose={() => onClose()}
      maxWidth="860px"
    >
      {state.status === 'loading' && <Spinner size="tiny" label="Reading the document…" />}
      {plan && (
        <>
          <Text as="p" block>
            {plan.merge
              ? plan.merge.base.status === 'draft'
                ? `It goes into draft version ${plan.merge.base.version}: the seats already filled keep their people. Check it, then the board approves it. Nothing is saved until you import.`
                : `It becomes a new draft, starting from version ${plan.merge.base.version} in force: the seats already filled keep their people. Nothing is saved until you import.`
              : 'It becomes a draft: check it, then the board approves it. Nothing is saved until you import.'}
          </Text>
          {plan.merge && (
            <>
              <PreviewList title="What the document adds to the draft" items={plan.merge.sections.filter((x) => x.outcome !== 'unchanged').map((x) => `${x.part}: ${x.outcome}`)} />
              <PreviewList title="Rule figures the document changes" items={plan.merge.figures.map((f) => `${f.part}: ${f.from} → ${f.to}`)} />
              <PreviewList title="Seats" items={plan.merge.seats.map((x) => `${x.role}: ${x.outcome}${x.detail ? ` (${x.detail})` : ''}`)} />
            </>
          )}
          <PreviewList title="Sections" items={plan.sections.map((s) => `${s.heading}: ${[s.use, ...(s.also ?? [])].map((u, i) => (i ? USE_LABEL[u].toLowerCase() : USE_LABEL[u])).join(' and ')}`)} />
          {plan.seats.length > 0 && (
            <Table aria-label="Membership" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{plan.membershipFrom === 'list' ? 'Item' : 'Row'}</TableHeaderCell>
                  <TableHeaderCell>Seat</TableHeaderCell>
                  <TableHeaderCell>Organisation</TableHeaderCell>
                  <TableHeaderCell>Person</TableHeaderCell>
                  <TableHeaderCell>Voting</TableHeaderCell>
                  <TableHeaderCell>Becomes</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {plan.seats.map((s) => (
                  <TableRow key={s.row}>
                    <TableCell>{s.row}</TableCell>
                    <TableCell>{seatWithChair(s.role, s.chairs)}</TableCell>
                    <TableCell>
                      {s.organisation || (s.outcome === 'needs a decision' ? 'None named' : '')}
                      {s.outcome === 'needs a decision' ? (s.organisation ? ` (not in the partnership${s.didYouMean ? `; did you mean ${s.didYouMean}?` : ''})` : '') : s.note ? (s.organisation ? ` (${s.note})` : s.note) : ''}
                    </TableCell>
                    {/* Into a draft, a seat the document names nobody for keeps the draft's person (the Seats list above says who). */}
                    <TableCell>{s.name || (plan.merge ? 'Not named' : 'Vacant')}</TableCell>
                    <TableCell>{s.voting ? 'Yes' : 'No'}</TableCell>
                    <TableCell>
                      {s.outcome === 'needs a decision' || decisions[s.row] ? (
                        <Select
                          aria-label={`Decision for ${s.role}`}
                          value={decisions[s.row]?.leaveOut ? 'leave-out' : (decisions[s.row]?.organisationId ?? '')}
                          onChange={(_e, d) => decide(s.row, d.value)}
                        >
                          <option value="">Choose…</option>
                          {organisations.map((o) => (
                            <option key={o.id} value={o.id}>
                              Seat of {o.name}
                            </option>
                          ))}
                          <option value="leave-out">Leave this seat out</option>
                        </Select>
                      ) : s.outcome === 'new person' || (s.outcome === 'vacant' && decisions[s.row]?.vacant) ? (
                        // Someone the partnership does not have yet: added only if the officer agrees.
                        <Select
                          aria-label={`Person for ${s.role}`}
                          value={decisions[s.row]?.vacant ? 'vacant' : 'add'}
                          onChange={(_e, d) => setDecisions((all) => ({ ...all, [s.row]: d.value === 'vacant' ? { row: s.row, vacant: true } : { row: s.row } }))}
                        >
                          <option value="add">Add {s.name} as a new person</option>
                          <option value="vacant">Leave the seat vacant</option>
                        </Select>
                      ) : (
                        { matched: 'Seat, person matched', 'new person': 'Seat, person added', vacant: plan.merge ? 'Seat' : 'Seat, vacant', 'left out': 'Left out', 'needs a decision': '' }[s.outcome]
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <Text block>
            Quorum: {quorumInWords(plan.draft.quorum).replace(/\.$/, '') || 'not stated'}. Meets {plan.draft.meetingsPerYear} times a year; papers {plan.draft.paperDeadlineWorkingDays} clear working days ahead; review by {formatUkDate(plan.draft.reviewDate)}.
          </Text>
          <PreviewList title="To check" items={[...document.notes, ...plan.notes]} />
        </>
      )}
    </FormDialog>
  );
};
