import { chosenId } from '../ids';
import { useState } from 'react';
import {
  Badge,
  Button,
  Field,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  Input,
  Title1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ActionLogEntry } from '@shared/rules/actionLog';
import type { QuorumError } from '@shared/result';
import { bridge, call, useQuery } from '../bridge';
import { AddABoardFirst } from '../components/FirstDo';
import { useChosenFile } from '../components/imports/useChosenFile';
import { ImportActionsDialog } from '../components/imports/ImportActionsDialog';
import { ErrorBar } from '../components/ErrorBar';
import { FormDialog } from '../components/FormDialog';
import { PersonSelect } from '../components/PersonSelect';
import { formatUkDate } from '../format';
import { useVisibleRows } from '../components/useVisibleRows';

const useStyles = makeStyles({
  filters: { display: 'flex', gap: '16px', flexWrap: 'wrap', margin: '16px 0' },
  muted: { color: tokens.colorNeutralForeground3 },
});

const RAG_COLOUR = { red: 'danger', amber: 'warning', green: 'success' } as const;

const listOrFail = <T,>(value: readonly T[]): readonly T[] => {
  if (!Array.isArray(value)) throw new Error('The action log came back in a form this screen cannot show.');
  return value;
};
type StatusFilter = '' | 'open' | 'in-progress' | 'done' | 'overdue';

/** Every board's actions: filter by board, owner and status; overdue follows from the due date. */
export const ActionsScreen = () => {
  const styles = useStyles();
  const [filter, setFilter] = useState({ boardId: '', ownerPersonId: '', status: '' as StatusFilter });
  const actions = useQuery('actions:list', {
        boardId: chosenId('board', filter.boardId),
        ownerPersonId: chosenId('person', filter.ownerPersonId),
        ...(filter.status ? { status: filter.status } : {}),
      });
  const boards = useQuery('boards:list', {});
  const ownerList = useQuery('actions:owners', {});
  const [updating, setUpdating] = useState<ActionLogEntry | null>(null);
  const [correcting, setCorrecting] = useState<ActionLogEntry | null>(null);
  const [raising, setRaising] = useState(false);
  const sheet = useChosenFile(() => call('imports:chooseSheet', { purpose: 'actions' }));
  const [notice, setNotice] = useState<string | null>(null);
  const owners = ownerList.state.status === 'ready' ? ownerList.state.value : [];
  // An answer that is not a list is a fault in the view: the screen's error boundary says so.
  const shown = actions.state.status === 'ready' ? listOrFail(actions.state.value) : [];
  const { tableRef, rows: visibleRows, before, after, measure } = useVisibleRows(shown.length);
  return (
    <>
      <Title1 as="h1" block>
        Actions
      </Title1>
      <div className={styles.filters}>
        <Button disabled={sheet.pending || boards.state.status !== 'ready' || boards.state.value.length === 0} onClick={sheet.open}>
          Import an action log…
        </Button>
        <Button disabled={boards.state.status !== 'ready' || boards.state.value.length === 0} onClick={() => setRaising(true)}>
          Raise an action from a review or an audit…
        </Button>
        {boards.state.status === 'ready' && boards.state.value.length === 0 && <AddABoardFirst what="An action log" />}
      </div>
      <ErrorBar title="The action log was not imported" error={sheet.error} />
      {notice && (
        <Text role="status" block>
          {notice}
        </Text>
      )}
      {sheet.file && boards.state.status === 'ready' && (
        <ImportActionsDialog
          boards={boards.state.value}
          table={sheet.file.table}
          onClose={(summary) => {
            sheet.close();
            if (summary) setNotice(summary);
          }}
        />
      )}
      <div className={styles.filters} role="search" aria-label="Filter the actions">
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
        <Field label="Owner">
          <PersonSelect canAdd={false} people={owners} value={filter.ownerPersonId} onChange={(ownerPersonId) => setFilter((f) => ({ ...f, ownerPersonId }))} placeholder="Anyone" />
        </Field>
        <Field label="Status">
          <Select value={filter.status} onChange={(_e, d) => setFilter((f) => ({ ...f, status: d.value as StatusFilter }))}>
            <option value="">Any status</option>
            <option value="open">Open</option>
            <option value="in-progress">In progress</option>
            <option value="overdue">Overdue</option>
            <option value="done">Done</option>
          </Select>
        </Field>
      </div>
      {actions.state.status === 'loading' && <Spinner label="Loading actions…" />}
      {actions.state.status === 'error' && <ErrorBar title="The actions could not be loaded" error={actions.state.error} />}
      {actions.state.status === 'ready' &&
        (actions.state.value.length === 0 ? (
          <Text>No actions match.</Text>
        ) : (
          <Table aria-label="Action log" size="small" ref={tableRef} aria-rowcount={shown.length + 1}>
            <TableHeader>
              <TableRow aria-rowindex={1}>
                {/* Shares of the width, not fixed widths: on a laptop's window the action itself, the column read first, keeps over a quarter of the table. */}
                <TableHeaderCell>Action</TableHeaderCell>
                <TableHeaderCell style={{ width: '14%' }}>Owner</TableHeaderCell>
                <TableHeaderCell style={{ width: '16%' }}>Raised</TableHeaderCell>
                <TableHeaderCell style={{ width: '12%' }}>Due</TableHeaderCell>
                <TableHeaderCell style={{ width: '10%' }}>Status</TableHeaderCell>
                <TableHeaderCell style={{ width: '12%' }}>Change</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {before > 0 && <tr aria-hidden="true" style={{ height: before }} />}
              {visibleRows.map(({ index }) => ({ a: shown[index], index })).map(({ a, index }) => (
                <TableRow key={a.id} data-index={index} ref={measure} aria-rowindex={index + 2}>
                  <TableCell>
                    <Text block>{a.text}</Text>
                    {a.updates[0] && (
                      <Text size={200} className={styles.muted}>
                        Latest: {a.updates[0].text}
                      </Text>
                    )}
                  </TableCell>
                  <TableCell>{a.owner}</TableCell>
                  <TableCell>
                    {a.board}
                    {a.raisedAt ? `, ${formatUkDate(a.raisedAt)}` : ''}
                    {a.source && (
                      <Text block size={200} className={styles.muted}>
                        From: {a.source}
                      </Text>
                    )}
                  </TableCell>
                  <TableCell>{formatUkDate(a.dueDate)}</TableCell>
                  <TableCell>
                    <Badge appearance="filled" color={RAG_COLOUR[a.rag.colour]}>
                      {a.status === 'in-progress' && a.rag.label !== 'Overdue' ? 'In progress' : a.rag.label}
                    </Badge>
                  </TableCell>
                  <TableCell>
                    <Button size="small" onClick={() => setUpdating(a)} aria-label={`Update the action: ${a.text.slice(0, 60)}`}>
                      Update…
                    </Button>{' '}
                    <Button size="small" appearance="subtle" onClick={() => setCorrecting(a)} aria-label={`Correct the action: ${a.text.slice(0, 60)}`}>
                      Correct…
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
              {after > 0 && <tr aria-hidden="true" style={{ height: after }} />}
            </TableBody>
          </Table>
        ))}
      {updating && <ActionUpdateDialog action={updating} onClose={() => setUpdating(null)} />}
      {raising && boards.state.status === 'ready' && (
        <RaiseFromDialog
          boards={boards.state.value}
          onClose={(summary) => {
            setRaising(false);
            if (summary) setNotice(summary);
          }}
        />
      )}
      {correcting && (
        <ActionCorrectDialog
          action={correcting}
          onClose={(summary) => {
            setCorrecting(null);
            if (summary) setNotice(summary);
          }}
        />
      )}
    </>
  );
};

const ActionUpdateDialog = ({ action, onClose }: { action: ActionLogEntry; onClose: () => void }) => {
  const [status, setStatus] = useState<ActionLogEntry['status']>(action.status === 'open' ? 'in-progress' : action.status);
  const [text, setText] = useState('');
  const [error, setError] = useState<QuorumError | null>(null);
  const save = async () => {
    const r = await bridge().actions.addUpdate({ actionId: action.id, text, status });
    if (r.ok) onClose();
    else setError(r.error);
  };
  return (
    <FormDialog title="Update the action" errorTitle="The update was not saved" error={error} saveLabel="Save update" onSave={save} onClose={onClose} saveDisabled={!text.trim()}>
      <Text>
        {action.text} ({action.owner}, due {formatUkDate(action.dueDate)})
      </Text>
      <Field label="Status">
        <Select value={status} onChange={(_e, d) => setStatus(d.value as ActionLogEntry['status'])}>
          <option value="open">Open</option>
          <option value="in-progress">In progress</option>
          <option value="done">Done</option>
        </Select>
      </Field>
      <Field label="Update" required hint="Printed in the next pack’s action log.">
        <Textarea value={text} onChange={(_e, d) => setText(d.value)} rows={3} />
      </Field>
    </FormDialog>
  );
};

/** Puts an action right (its wording, owner or due date), with why; progress goes through Update. */
const ActionCorrectDialog = ({ action, onClose }: { action: ActionLogEntry; onClose: (summary?: string) => void }) => {
  const people = useQuery('people:list', {});
  const [form, setForm] = useState({ text: action.text, ownerPersonId: action.ownerPersonId as string, dueDate: action.dueDate, reason: '' });
  const [error, setError] = useState<QuorumError | null>(null);
  const set = (key: keyof typeof form) => (_e: unknown, d: { value: string }) => setForm((f) => ({ ...f, [key]: d.value }));
  const save = async () => {
    const r = await call('actions:update', { actionId: action.id, text: form.text, ownerPersonId: chosenId('person', form.ownerPersonId)!, dueDate: form.dueDate, status: action.status, reason: form.reason, expectedRev: action.rev });
    if (r.ok) onClose(r.value.summary);
    else setError(r.error);
  };
  return (
    <FormDialog title="Correct the action" errorTitle="The action was not corrected" error={error} saveLabel="Save the correction" onSave={save} onClose={() => onClose()} saveDisabled={!form.text.trim() || !form.dueDate}>
      <Field label="Action" required validationMessage={error?.fields?.text}>
        <Textarea value={form.text} onChange={set('text')} rows={3} />
      </Field>
      <Field label="Owner" required validationMessage={error?.fields?.ownerPersonId}>
        <PersonSelect people={people.state.status === 'ready' ? people.state.value : []} value={form.ownerPersonId} onChange={(ownerPersonId) => setForm((f) => ({ ...f, ownerPersonId }))} />
      </Field>
      <Field label="Due date" required validationMessage={error?.fields?.dueDate}>
        <Input type="date" value={form.dueDate} onChange={set('dueDate')} />
      </Field>
      <Field label="Why (kept in the audit journal)" validationMessage={error?.fields?.reason}>
        <Input value={form.reason} onChange={set('reason')} placeholder="e.g. The chair agreed more time at the meeting" />
      </Field>
    </FormDialog>
  );
};

/**
 * An action that did not come from a meeting item (actions:raiseFrom): on a review's
 * recommendation, a section 11 audit finding, or a deep dive's; the yearly report accounts for each.
 */
const RaiseFromDialog = ({ boards, onClose }: { boards: readonly { id: string; name: string }[]; onClose: (summary?: string) => void }) => {
  const people = useQuery('people:list', {});
  const [form, setForm] = useState({ boardId: boards[0]?.id ?? '', kind: 'review' as 'review' | 'section11' | 'deep-dive', of: '', recommendation: '', organisationId: '', text: '', ownerPersonId: '', dueDate: '' });
  const sources = useQuery('actions:sources', form.boardId ? { boardId: form.boardId as `board:${string}` } : null);
  const [error, setError] = useState<QuorumError | null>(null);
  const set = (key: keyof typeof form) => (_e: unknown, d: { value: string }) => setForm((f) => ({ ...f, [key]: d.value, ...(key === 'kind' || key === 'boardId' ? { of: '' } : {}) }));
  const src = sources.state.status === 'ready' && sources.state.value ? sources.state.value : { reviews: [], deepDives: [], organisations: [] };
  const source =
    form.kind === 'review'
      ? { kind: 'review' as const, caseId: form.of as `case:${string}`, recommendation: form.recommendation.trim() }
      : form.kind === 'section11'
        ? { kind: 'section11' as const, finding: form.recommendation.trim(), ...(form.organisationId ? { organisationId: form.organisationId as `organisation:${string}` } : {}) }
        : { kind: 'deep-dive' as const, deepDiveId: form.of as `deepDive:${string}`, recommendation: form.recommendation.trim() };
  const save = async ({ confirmed }: { confirmed: boolean }) => {
    const r = await call('actions:raiseFrom', { boardId: form.boardId as `board:${string}`, source, text: form.text.trim(), ownerPersonId: chosenId('person', form.ownerPersonId)!, dueDate: form.dueDate, ...(confirmed ? { confirmed } : {}) });
    if (r.ok) onClose(r.value.summary);
    else setError(r.error);
  };
  const needsOf = form.kind !== 'section11';
  const ready = form.boardId && form.text.trim() && form.ownerPersonId && form.dueDate && form.recommendation.trim() && (!needsOf || form.of);
  return (
    <FormDialog title="Raise an action from a review or an audit" errorTitle="The action was not raised" error={error} saveLabel="Raise the action" onSave={save} onClose={() => onClose()} saveDisabled={!ready} saveHint="Say where it came from, what, who and by when">
      <Field label="Board">
        <Select value={form.boardId} onChange={set('boardId')}>
          {boards.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="From">
        <Select value={form.kind} onChange={set('kind')}>
          <option value="review">A review’s recommendation (rapid review or practice review)</option>
          <option value="section11">A section 11 audit finding (Children Act 2004 s.11)</option>
          <option value="deep-dive">A deep dive’s recommendation</option>
        </Select>
      </Field>
      {form.kind === 'review' && (
        <Field label="Review" required hint={src.reviews.length ? undefined : 'No reviews are recorded for this board: open the case under Statutory clocks first.'}>
          <Select value={form.of} onChange={set('of')}>
            <option value="">Choose the review</option>
            {src.reviews.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {form.kind === 'deep-dive' && (
        <Field label="Deep dive" required>
          <Select value={form.of} onChange={set('of')}>
            <option value="">Choose the deep dive</option>
            {src.deepDives.map((d) => (
              <option key={d.id} value={d.id}>
                {d.theme}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {form.kind === 'section11' && (
        <Field label="Organisation" hint="Leave as all when the finding is for every agency">
          <Select value={form.organisationId} onChange={set('organisationId')}>
            <option value="">All agencies</option>
            {src.organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label={form.kind === 'section11' ? 'The finding' : 'The recommendation'} required hint="Never a child’s name: a review is known by its reference">
        <Textarea value={form.recommendation} onChange={set('recommendation')} rows={2} />
      </Field>
      <Field label="Action" required>
        <Textarea value={form.text} onChange={set('text')} rows={2} />
      </Field>
      <Field label="Owner" required>
        <PersonSelect people={people.state.status === 'ready' ? people.state.value : []} value={form.ownerPersonId} onChange={(ownerPersonId) => setForm((f) => ({ ...f, ownerPersonId }))} />
      </Field>
      <Field label="Due date" required>
        <Input type="date" value={form.dueDate} onChange={set('dueDate')} />
      </Field>
    </FormDialog>
  );
};
