import { useState } from 'react';
import { Badge, Button, Checkbox, Field, Input, Select, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title1, makeStyles, tokens } from '@fluentui/react-components';
import type { BoardOption } from '@shared/views';
import type { ForwardPlanRow } from '@shared/rules/planView';
import { FORWARD_PLAN_KINDS, FORWARD_PLAN_STATUSES } from '@shared/schema/plan';
import type { QuorumError } from '@shared/result';
import { bridge, useQuery } from '../../bridge';
import { AddABoardFirst } from '../../components/FirstDo';
import { ErrorBar } from '../../components/ErrorBar';
import { FormDialog } from '../../components/FormDialog';
import { PersonSelect } from '../../components/PersonSelect';
import { formatUkDate } from '../../format';
import { WordExportButton } from '../governance/WordExportButton';
import { FORWARD_PLAN_STATUS_LABEL } from '@shared/rules/labels';
import { chosenId } from '../../ids';

const useStyles = makeStyles({
  filters: { display: 'flex', gap: '16px', flexWrap: 'wrap', margin: '16px 0', alignItems: 'flex-end' },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Status = ForwardPlanRow['status'];
type Kind = ForwardPlanRow['kind'];
const KIND_LABEL: Record<Kind, string> = { decision: 'Decision', assurance: 'Assurance', information: 'Information', 'deep-dive': 'Deep dive', standing: 'Standing item' };

const ItemDialog = ({ boards, people, row, onClose }: { boards: readonly BoardOption[]; people: { id: string; name: string; organisation: string }[]; row: ForwardPlanRow | null; onClose: (summary: string | null) => void }) => {
  const [f, setF] = useState({ boardId: (row?.boardId ?? boards[0]?.id ?? '') as string, title: row?.title ?? '', kind: (row?.kind ?? 'assurance') as Kind, authorPersonId: row?.authorPersonId ?? '', meetingId: row?.meetingId ?? '', origin: row?.origin ?? '', keyDecision: row?.keyDecision ?? false });
  const meetings = useQuery('meetings:list', {});
  const [error, setError] = useState<QuorumError | null>(null);
  const save = async () => {
    const r = await bridge().plan.save({
      ...(row ? { forwardPlanItemId: row.id, expectedRev: row.rev } : {}),
      boardId: chosenId('board', f.boardId)!,
      title: f.title,
      kind: f.kind,
      authorPersonId: chosenId('person', f.authorPersonId),
      meetingId: chosenId('meeting', f.meetingId),
      origin: f.origin,
      keyDecision: f.keyDecision,
    });
    if (r.ok) onClose(r.value.summary);
    else setError(r.error);
  };
  const boardMeetings = meetings.state.status === 'ready' ? meetings.state.value.filter((m) => m.boardId === f.boardId && (m.status === 'planned' || m.status === 'agenda-published' || m.id === f.meetingId)) : [];
  return (
    <FormDialog title={row ? 'Forward plan item' : 'Add to the forward plan'} errorTitle="The item was not saved" error={error} saveLabel="Save" onSave={save} onClose={() => onClose(null)}>
      <Field label="Board">
        <Select value={f.boardId} disabled={Boolean(row)} onChange={(_e, d) => setF((x) => ({ ...x, boardId: d.value, meetingId: '' }))}>
          {boards.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Title" required validationMessage={error?.fields?.title}>
        <Input value={f.title} onChange={(_e, d) => setF((x) => ({ ...x, title: d.value }))} />
      </Field>
      <Field label="Kind">
        <Select value={f.kind} onChange={(_e, d) => setF((x) => ({ ...x, kind: d.value as Kind }))}>
          {FORWARD_PLAN_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Author">
        <PersonSelect people={people} value={f.authorPersonId} onChange={(authorPersonId) => setF((x) => ({ ...x, authorPersonId }))} placeholder="Not yet known" />
      </Field>
      <Field label="Target meeting">
        <Select value={f.meetingId} onChange={(_e, d) => setF((x) => ({ ...x, meetingId: d.value }))}>
          <option value="">Not yet placed</option>
          {boardMeetings.map((m) => (
            <option key={m.id} value={m.id}>
              {formatUkDate(m.date)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Where it came from" hint="e.g. Update requested at the meeting of 8 February, item 6">
        <Input value={f.origin} onChange={(_e, d) => setF((x) => ({ ...x, origin: d.value }))} />
      </Field>
      <Checkbox checked={f.keyDecision} onChange={(_e, d) => setF((x) => ({ ...x, keyDecision: Boolean(d.checked) }))} label="Key decision (28 days’ notice where the board follows the council’s rules)" />
    </FormDialog>
  );
};

const DeferDialog = ({ row, onClose }: { row: ForwardPlanRow; onClose: (summary: string | null) => void }) => {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<QuorumError | null>(null);
  const save = async () => {
    const r = await bridge().plan.setStatus({ forwardPlanItemId: row.id, status: 'deferred', deferredReason: reason });
    if (r.ok) onClose(r.value.summary);
    else setError(r.error);
  };
  return (
    <FormDialog title={`Defer “${row.title}”`} errorTitle="The item was not deferred" error={error} saveLabel="Defer" onSave={save} onClose={() => onClose(null)} saveDisabled={!reason.trim()}>
      <Field label="Reason" required hint="The board reads this on the forward plan.">
        <Input value={reason} onChange={(_e, d) => setReason(d.value)} />
      </Field>
    </FormDialog>
  );
};

/** Every board's forward plan: what is coming, from whom, for which meeting, with its paper deadline and status. */
export const ForwardPlanScreen = () => {
  const styles = useStyles();
  const [filter, setFilter] = useState({ boardId: '', authorPersonId: '', status: '' as Status | '' });
  const rows = useQuery('plan:list', {
        boardId: chosenId('board', filter.boardId),
        authorPersonId: chosenId('person', filter.authorPersonId),
        ...(filter.status ? { status: filter.status } : {}),
      });
  const boards = useQuery('boards:list', {});
  const clocks = useQuery('obligations:list', { boardId: chosenId('board', filter.boardId) });
  const everyone = useQuery('plan:list', {});
  const people = useQuery('people:list', {});
  const [dialog, setDialog] = useState<{ kind: 'edit'; row: ForwardPlanRow | null } | { kind: 'defer'; row: ForwardPlanRow } | null>(null);
  const [error, setError] = useState<QuorumError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const authors = everyone.state.status === 'ready' ? [...new Map(everyone.state.value.filter((r) => r.authorPersonId).map((r) => [r.authorPersonId!, { id: r.authorPersonId!, name: r.author, organisation: '' }])).values()] : [];
  const allPeople = people.state.status === 'ready' ? people.state.value : [];
  const setStatus = async (row: ForwardPlanRow, status: Status) => {
    if (status === 'deferred') return setDialog({ kind: 'defer', row });
    setError(null);
    const r = await bridge().plan.setStatus({ forwardPlanItemId: row.id, status });
    if (r.ok) setNotice(r.value.summary);
    else setError(r.error);
  };
  return (
    <>
      <Title1 as="h1" block>
        Forward plan
      </Title1>
      <div className={styles.filters} role="search" aria-label="Filter the forward plan">
        <Field label="Board">
          <Select value={filter.boardId} onChange={(_e, d) => setFilter((f) => ({ ...f, boardId: d.value }))}>
            <option value="">All boards</option>
            {boards.state.status === 'ready' &&
              boards.state.value.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.shortName}
                </option>
              ))}
          </Select>
        </Field>
        <Field label="Author">
          <PersonSelect canAdd={false} people={authors} value={filter.authorPersonId} onChange={(authorPersonId) => setFilter((f) => ({ ...f, authorPersonId }))} placeholder="Anyone" />
        </Field>
        <Field label="Status">
          <Select value={filter.status} onChange={(_e, d) => setFilter((f) => ({ ...f, status: d.value as Status | '' }))}>
            <option value="">Any status</option>
            {FORWARD_PLAN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {FORWARD_PLAN_STATUS_LABEL[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Button onClick={() => setDialog({ kind: 'edit', row: null })} disabled={boards.state.status !== 'ready' || boards.state.value.length === 0}>
          Add to the forward plan…
        </Button>
        {boards.state.status === 'ready' && boards.state.value.length === 0 && <AddABoardFirst what="The forward plan" />}
        <WordExportButton label="Export to Word (public)…" call={() => bridge().exports.plan({ what: 'forward-plan', boardId: chosenId('board', filter.boardId), variant: 'public' })} />
        <WordExportButton label="Full version, with Part 2…" call={() => bridge().exports.plan({ what: 'forward-plan', boardId: chosenId('board', filter.boardId), variant: 'full' })} />
      </div>
      <ErrorBar title="The forward plan was not changed" error={error} />
      {notice && !error && (
        <Text role="status" block className={styles.muted}>
          {notice}
        </Text>
      )}
      {rows.state.status === 'loading' && <Spinner label="Loading the forward plan…" />}
      {rows.state.status === 'error' && <ErrorBar title="The forward plan could not be loaded" error={rows.state.error} />}
      {rows.state.status === 'ready' && (
        <Table aria-label="Forward plan" size="small">
          <TableHeader>
            <TableRow>
              {/* Shares of the width, not fixed widths: on a laptop's window the item itself keeps over a quarter of the table. */}
              <TableHeaderCell>Item</TableHeaderCell>
              <TableHeaderCell style={{ width: '13%' }}>Author</TableHeaderCell>
              <TableHeaderCell style={{ width: '14%' }}>Meeting</TableHeaderCell>
              <TableHeaderCell style={{ width: '12%' }}>Paper deadline</TableHeaderCell>
              <TableHeaderCell style={{ width: '16%' }}>Status</TableHeaderCell>
              <TableHeaderCell style={{ width: '8%' }}>Edit</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.state.value.map((r) => (
              <TableRow key={r.id}>
                <TableCell>
                  <Text weight="semibold" block>
                    {r.title}
                  </Text>
                  <Text size={200} className={styles.muted}>
                    {r.board} · {KIND_LABEL[r.kind]}
                    {r.origin ? ` · ${r.origin}` : ''}
                    {r.keyDecision ? ' · Key decision' : ''}
                    {r.keyDecisionNoticeBy ? `, notice by ${formatUkDate(r.keyDecisionNoticeBy)}` : ''}
                    {r.status === 'deferred' && r.deferredReason ? ` · Deferred: ${r.deferredReason}` : ''}
                  </Text>
                </TableCell>
                <TableCell>{r.author || 'Not known'}</TableCell>
                <TableCell>{r.meetingDate ? formatUkDate(r.meetingDate) : <Badge appearance="tint">Not yet placed</Badge>}</TableCell>
                <TableCell>{r.paperDeadline ? formatUkDate(r.paperDeadline) : ''}</TableCell>
                <TableCell>
                  <Select size="small" value={r.status} onChange={(_e, d) => setStatus(r, d.value as Status)} aria-label={`Status of “${r.title}”`}>
                    {FORWARD_PLAN_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {FORWARD_PLAN_STATUS_LABEL[s]}
                      </option>
                    ))}
                  </Select>
                </TableCell>
                <TableCell>
                  <Button size="small" onClick={() => setDialog({ kind: 'edit', row: r })} aria-label={`Edit “${r.title}”`}>
                    Edit…
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {clocks.state.status === 'ready' && (
        <section aria-labelledby="plan-clocks" style={{ marginTop: '24px' }}>
          <Text as="h2" id="plan-clocks" size={500} weight="semibold" block>
            Statutory deadlines in the plan
          </Text>
          {clocks.state.value.filter((o) => o.dueOn && (o.status === 'due' || o.status === 'overdue')).length === 0 ? (
            <Text block>No statutory deadline is counting down.</Text>
          ) : (
            <Table aria-label="Statutory deadlines" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell style={{ width: '150px' }}>Due</TableHeaderCell>
                  <TableHeaderCell>What</TableHeaderCell>
                  <TableHeaderCell>Which meeting takes it</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {clocks.state.value
                  .filter((o) => o.dueOn && (o.status === 'due' || o.status === 'overdue'))
                  .map((o) => (
                    <TableRow key={o.id}>
                      <TableCell>
                        {formatUkDate(o.dueOn!)}
                        {o.status === 'overdue' ? ' (overdue)' : ''}
                      </TableCell>
                      <TableCell>
                        <Text block>{o.message}</Text>
                        <Text size={200} className={styles.muted}>
                          {o.board} · {o.source}
                        </Text>
                      </TableCell>
                      <TableCell>{o.decision ? o.decision.words : o.meetingDate ? `Notice for the meeting of ${formatUkDate(o.meetingDate)}` : 'No board decision needed'}</TableCell>
                    </TableRow>
                  ))}
              </TableBody>
            </Table>
          )}
        </section>
      )}
      {dialog?.kind === 'edit' && boards.state.status === 'ready' && (
        <ItemDialog
          boards={boards.state.value}
          people={allPeople}
          row={dialog.row}
          onClose={(summary) => {
            setDialog(null);
            if (summary) setNotice(summary);
          }}
        />
      )}
      {dialog?.kind === 'defer' && (
        <DeferDialog
          row={dialog.row}
          onClose={(summary) => {
            setDialog(null);
            if (summary) setNotice(summary);
          }}
        />
      )}
    </>
  );
};
