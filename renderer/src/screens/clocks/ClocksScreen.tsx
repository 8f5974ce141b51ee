import { useState } from 'react';
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
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
  Title1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { DueObligation } from '@shared/rules/obligations';
import type { ChannelResult } from '@shared/contract';
import type { QuorumError } from '@shared/result';
import { call, useQuery } from '../../bridge';
import { ErrorBar } from '../../components/ErrorBar';
import { Part } from '../../components/Part';
import { FormDialog } from '../../components/FormDialog';
import { PersonSelect } from '../../components/PersonSelect';
import { formatUkDate } from '../../format';
import { chosenId } from '../../ids';
import { WordExportButton } from '../governance/WordExportButton';

/**
 * Statutory clocks (docs/ARCHITECTURE.md, statutory clocks): what each board must do by when,
 * with the rule and its source; the cases whose clocks run; decisions between meetings, by the
 * route the board's rules allow.
 */

type View = ChannelResult<'clocks:view'>;
type BoardView = View['boards'][number];
type CaseView = View['cases'][number];
type DecisionView = View['decisions'][number];

const useStyles = makeStyles({
  bar: { display: 'flex', gap: '12px', flexWrap: 'wrap', alignItems: 'end', margin: '16px 0' },
  muted: { color: tokens.colorNeutralForeground3 },
  section: { marginTop: '28px' },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: '12px' },
});

const STATUS_BADGE: Record<DueObligation['status'], { color: 'danger' | 'warning' | 'success' | 'informative' | 'subtle'; label: string }> = {
  overdue: { color: 'danger', label: 'Overdue' },
  due: { color: 'warning', label: 'Due' },
  met: { color: 'success', label: 'Met' },
  'not-set': { color: 'informative', label: 'Date needed' },
  'not-applicable': { color: 'subtle', label: 'Not applicable' },
};


export const ClocksScreen = () => {
  const styles = useStyles();
  const view = useQuery('clocks:view', {});
  const [boardId, setBoardId] = useState('');
  const [showMet, setShowMet] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [dialog, setDialog] = useState<
    | { kind: 'case' }
    | { kind: 'decision'; caseId?: string; boardId?: string }
    | { kind: 'done'; obligation: DueObligation }
    | { kind: 'rule'; board: BoardView; key: string }
    | { kind: 'reply'; decision: DecisionView }
    | null
  >(null);
  const closeWith = (summary?: string | null) => {
    setDialog(null);
    if (summary) setNotice(summary);
  };
  if (view.state.status === 'loading') return <Spinner label="Loading the statutory clocks…" />;
  if (view.state.status === 'error') return <ErrorBar title="The statutory clocks could not be loaded" error={view.state.error} />;
  const v = view.state.value;
  const boards = v.boards.filter((b) => !boardId || b.id === boardId);
  const shown = v.obligations.filter((o) => (!boardId || o.boardId === boardId) && (showMet || (o.status !== 'met' && o.status !== 'not-applicable')));
  const nameOf = (id: string) => v.people.find((p) => p.id === id)?.name ?? 'Unknown';
  const fixOutcome = async (d: DecisionView) => {
    const r = await call('decisions:close', { decisionId: d.id as never });
    setNotice(r.ok ? r.value.summary : r.error.message);
  };
  return (
    <>
      <Title1 as="h1" block>
        Statutory clocks
      </Title1>
      <Text block className={styles.muted}>
        What each board must do by when, counted in England’s working days, with the rule and where it comes from. Decisions that cannot wait for a meeting are taken here by the route the board’s rules allow, and reported to the next meeting.
      </Text>
      <div className={styles.bar}>
        <Field label="Board">
          <Select value={boardId} onChange={(_e, d) => setBoardId(d.value)}>
            <option value="">All boards</option>
            {v.boards.map((b) => (
              <option key={b.id} value={b.id}>
                {b.shortName}
              </option>
            ))}
          </Select>
        </Field>
        <Checkbox checked={showMet} onChange={(_e, d) => setShowMet(Boolean(d.checked))} label="Show what is met or not applicable" />
        <Button disabled={!v.boards.some((b) => b.caseKinds.length)} onClick={() => setDialog({ kind: 'case' })}>
          Open a case…
        </Button>
        <Button disabled={!v.boards.length} onClick={() => setDialog({ kind: 'decision', boardId: boardId || undefined })}>
          Take a decision between meetings…
        </Button>
      </div>
      {!v.boards.length && <Text block>Add a board first (People and boards): its obligations follow from its kind and its rules.</Text>}
      {notice && (
        <Text role="status" block>
          {notice}
        </Text>
      )}

      <Part id="clocks-due" title="Due and overdue">
        {shown.length === 0 ? (
          <Text block>Nothing is due.</Text>
        ) : (
          <Table aria-label="Statutory clocks" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell style={{ width: '150px' }}>Due</TableHeaderCell>
                <TableHeaderCell>What, and the rule</TableHeaderCell>
                <TableHeaderCell style={{ width: '120px' }}>Status</TableHeaderCell>
                <TableHeaderCell style={{ width: '170px' }}>Record</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map((o) => (
                <TableRow key={o.id}>
                  <TableCell>{o.dueOn ? formatUkDate(o.dueOn) : '—'}</TableCell>
                  <TableCell>
                    <Text block weight="semibold">
                      {o.caseReference ? `${o.caseReference}: ` : ''}
                      {o.title}
                      {o.meetingDate ? ` (meeting of ${formatUkDate(o.meetingDate)})` : ''}
                    </Text>
                    <Text block size={200}>
                      {o.board}. {o.rule}
                    </Text>
                    <Text block size={200} className={styles.muted}>
                      Source: {o.source}
                    </Text>
                    {o.decision && (
                      <Text block size={200} role="note">
                        {o.decision.words}
                      </Text>
                    )}
                  </TableCell>
                  <TableCell>
                    <Badge appearance="filled" color={STATUS_BADGE[o.status].color}>
                      {STATUS_BADGE[o.status].label}
                    </Badge>
                  </TableCell>
                  <TableCell>
                    {o.status !== 'met' && o.status !== 'not-applicable' && (
                      <Button size="small" onClick={() => setDialog({ kind: 'done', obligation: o })} aria-label={`Record done: ${o.caseReference ? `${o.caseReference} ` : ''}${o.title}`}>
                        Record done…
                      </Button>
                    )}{' '}
                    {o.decision && o.decision.route !== 'meeting' && o.decision.route !== 'none' && (
                      <Button size="small" appearance="primary" onClick={() => setDialog({ kind: 'decision', caseId: o.caseId, boardId: o.boardId })} aria-label={`Decide between meetings: ${o.title}`}>
                        Decide…
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Part>

      <Part id="clocks-cases" title="Cases">
        <Text block size={200} className={styles.muted}>
          A case is known by its reference only: never a child’s name.
        </Text>
        {v.cases.filter((c) => !boardId || c.boardId === boardId).length === 0 ? (
          <Text block>No cases.</Text>
        ) : (
          <Table aria-label="Case register" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell style={{ width: '160px' }}>Reference</TableHeaderCell>
                <TableHeaderCell>Kind and steps</TableHeaderCell>
                <TableHeaderCell style={{ width: '150px' }}>Started</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {v.cases
                .filter((c) => !boardId || c.boardId === boardId)
                .map((c: CaseView) => (
                  <TableRow key={c.id}>
                    <TableCell>{c.reference}</TableCell>
                    <TableCell>
                      <Text block>{c.kindLabel}{c.closedOn ? ` (closed ${formatUkDate(c.closedOn)})` : ''}</Text>
                      {c.steps.map((s) => (
                        <Text block size={200} key={s.key}>
                          {s.title}: {s.doneOn ? `done ${formatUkDate(s.doneOn)}` : `due ${formatUkDate(s.dueOn)}`}
                        </Text>
                      ))}
                    </TableCell>
                    <TableCell>{formatUkDate(c.startsOn)}</TableCell>
                  </TableRow>
                ))}
            </TableBody>
          </Table>
        )}
      </Part>

      <Part id="clocks-decisions" title="Decisions between meetings">
        <div className={styles.bar}>
          <WordExportButton label="Export the decisions (CSV, public)…" call={() => call('exports:decisions', { boardId: chosenId('board', boardId), variant: 'public' })} />
          <WordExportButton label="Full, with Part 2…" call={() => call('exports:decisions', { boardId: chosenId('board', boardId), variant: 'full' })} />
        </div>
        {v.decisions.filter((d) => !boardId || d.boardId === boardId).length === 0 ? (
          <Text block>None taken.</Text>
        ) : (
          <Table aria-label="Decisions between meetings" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Decision</TableHeaderCell>
                <TableHeaderCell style={{ width: '220px' }}>Reported to</TableHeaderCell>
                <TableHeaderCell style={{ width: '200px' }}>Record</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {v.decisions
                .filter((d) => !boardId || d.boardId === boardId)
                .map((d) => (
                  <TableRow key={d.id}>
                    <TableCell>
                      <Text block weight="semibold">
                        {d.title}
                        {d.part2 ? ' (Part 2)' : ''}
                      </Text>
                      <Text block size={200}>{d.how}</Text>
                      {d.replies.length > 0 && (
                        <Text block size={200} className={styles.muted}>
                          Replies: {d.replies.map((r) => `${nameOf(r.personId)} ${r.vote} (${formatUkDate(r.receivedOn)})`).join('; ')}
                        </Text>
                      )}
                    </TableCell>
                    <TableCell>{d.reportedTo ? `The meeting of ${formatUkDate(d.reportedTo)}` : d.written && !d.written.outcome ? 'When the window closes' : 'The next meeting planned'}</TableCell>
                    <TableCell>
                      {d.written && !d.written.outcome && (
                        <Button size="small" onClick={() => setDialog({ kind: 'reply', decision: d })} aria-label={`Record a reply: ${d.title}`}>
                          Record a reply…
                        </Button>
                      )}{' '}
                      {d.written?.canClose && (
                        <Button size="small" appearance="primary" onClick={() => void fixOutcome(d)} aria-label={`Fix the outcome: ${d.title}`}>
                          Fix the outcome
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
            </TableBody>
          </Table>
        )}
      </Part>

      <Part id="clocks-rules" title="Each board’s rules">
        {boards.map((b) => (
          <div key={b.id} className={styles.section}>
            <Text as="h3" weight="semibold" block>
              {b.name}
            </Text>
            <Text block size={200}>
              Between meetings: {b.route.words}
            </Text>
            <Table aria-label={`${b.shortName}: obligations`} size="small">
              <TableBody>
                {b.settings.map((s) => (
                  <TableRow key={s.key}>
                    <TableCell>
                      <Text block>{s.title}</Text>
                      <Text block size={200} className={styles.muted}>
                        {s.rule} ({s.source})
                        {s.ownFigure !== null ? ` This board: ${s.ownFigure}.` : ''}
                        {s.notApplicable ? ` Not applicable: ${s.notApplicable}` : ''}
                      </Text>
                    </TableCell>
                    <TableCell style={{ width: '170px' }}>
                      <Button size="small" appearance="subtle" onClick={() => setDialog({ kind: 'rule', board: b, key: s.key })} aria-label={`Set the board’s own rule: ${s.title}`}>
                        Set this board’s rule…
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        ))}
      </Part>

      {dialog?.kind === 'case' && <OpenCaseDialog view={v} onClose={closeWith} />}
      {dialog?.kind === 'done' && <RecordDoneDialog obligation={dialog.obligation} today={v.today} onClose={closeWith} />}
      {dialog?.kind === 'rule' && <BoardRuleDialog board={dialog.board} settingKey={dialog.key} onClose={closeWith} />}
      {dialog?.kind === 'decision' && <DecisionDialog view={v} boardId={dialog.boardId} caseId={dialog.caseId} onClose={closeWith} />}
      {dialog?.kind === 'reply' && <ReplyDialog view={v} decision={dialog.decision} onClose={closeWith} />}
    </>
  );
};

const OpenCaseDialog = ({ view, onClose }: { view: View; onClose: (summary?: string) => void }) => {
  const boards = view.boards.filter((b) => b.caseKinds.length);
  const [form, setForm] = useState({ boardId: (boards[0]?.id ?? '') as string, kind: boards[0]?.caseKinds[0] ?? 'serious-incident-notification', startsOn: view.today, reference: '' });
  const [error, setError] = useState<QuorumError | null>(null);
  const save = async ({ confirmed }: { confirmed: boolean }) => {
    const r = await call('cases:open', { boardId: form.boardId as never, kind: form.kind as never, startsOn: form.startsOn, ...(form.reference.trim() ? { reference: form.reference.trim() } : {}), ...(confirmed ? { confirmed } : {}) });
    if (r.ok) onClose(r.value.summary);
    else setError(r.error);
  };
  return (
    <FormDialog title="Open a case" errorTitle="The case was not opened" error={error} saveLabel="Open the case" onSave={save} onClose={() => onClose()} saveDisabled={!form.boardId || !form.startsOn}>
      <Text block weight="semibold" role="note">
        Never write a child’s name here. A case is known by its reference only, in Quorum and in every paper it prints.
      </Text>
      <Field label="Board">
        <Select value={form.boardId} onChange={(_e, d) => setForm((f) => ({ ...f, boardId: d.value }))}>
          {boards.map((b) => (
            <option key={b.id} value={b.id}>
              {b.shortName}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Kind of case">
        <Select value={form.kind} onChange={(_e, d) => setForm((f) => ({ ...f, kind: d.value as typeof f.kind }))}>
          <option value="serious-incident-notification">Serious incident notification</option>
          <option value="local-practice-review">Local child safeguarding practice review</option>
        </Select>
      </Field>
      <Field label={form.kind === 'serious-incident-notification' ? 'Date the partnership became aware of the incident' : 'Date the partners decided to hold the review'} required validationMessage={error?.fields?.startsOn}>
        <Input type="date" value={form.startsOn} onChange={(_e, d) => setForm((f) => ({ ...f, startsOn: d.value }))} />
      </Field>
      <Field label="Case reference (optional)" hint="Your own reference, e.g. SIN 24/07; left blank, Quorum gives the next one (SIN-2024-01)." validationMessage={error?.fields?.reference}>
        <Input value={form.reference} onChange={(_e, d) => setForm((f) => ({ ...f, reference: d.value }))} />
      </Field>
    </FormDialog>
  );
};

const RecordDoneDialog = ({ obligation: o, today, onClose }: { obligation: DueObligation; today: string; onClose: (summary?: string) => void }) => {
  const [on, setOn] = useState(today);
  const [error, setError] = useState<QuorumError | null>(null);
  const save = async ({ confirmed }: { confirmed: boolean }) => {
    const extra = confirmed ? { confirmed } : {};
    const r = o.caseId
      ? await call('cases:step', { caseId: o.caseId, key: o.key, on, ...extra })
      : await call('obligations:met', { boardId: o.boardId, key: o.key, on, ...(o.meetingId ? { meetingId: o.meetingId } : {}), ...(o.title.includes(': ') && o.key === 'hwb.better-care-fund' ? { note: o.title.slice(o.title.indexOf(': ') + 2) } : {}), ...extra });
    if (r.ok) onClose(r.value.summary);
    else setError(r.error);
  };
  return (
    <FormDialog title="Record it done" errorTitle="It was not recorded" error={error} saveLabel="Record" onSave={save} onClose={() => onClose()} saveDisabled={!on}>
      <Text block>
        {o.caseReference ? `${o.caseReference}: ` : ''}
        {o.title}
      </Text>
      <Field label="Done on" required validationMessage={error?.fields?.on}>
        <Input type="date" value={on} onChange={(_e, d) => setOn(d.value)} />
      </Field>
    </FormDialog>
  );
};

const BoardRuleDialog = ({ board, settingKey, onClose }: { board: BoardView; settingKey: string; onClose: (summary?: string) => void }) => {
  const s = board.settings.find((x) => x.key === settingKey)!;
  const [figure, setFigure] = useState(s.ownFigure === null ? '' : String(s.ownFigure));
  const [notApplicable, setNotApplicable] = useState(s.notApplicable);
  const [dates, setDates] = useState(s.dueDates.map((d) => `${d.on} ${d.what}`).join('\n'));
  const [error, setError] = useState<QuorumError | null>(null);
  const save = async () => {
    const dueDates = s.clock === 'dated' ? dates.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => ({ on: l.slice(0, 10), what: l.slice(10).trim() || 'Return' })) : undefined;
    const r = await call('obligations:set', { boardId: board.id as never, key: s.key, figure: figure.trim() ? Number(figure) : null, notApplicable, ...(dueDates ? { dueDates } : {}) });
    if (r.ok) onClose(r.value.summary);
    else setError(r.error);
  };
  return (
    <FormDialog title={`${board.shortName}: ${s.title}`} errorTitle="The rule was not saved" error={error} saveLabel="Save the rule" onSave={save} onClose={() => onClose()}>
      <Text block>
        {s.rule} ({s.source})
      </Text>
      {s.clock !== 'dated' && (
        <Field
          label={`This board’s own figure (${s.unit.replace(/-/g, ' ').replace(' before', '')})`}
          hint={s.statutory ? `The law sets ${s.templateFigure}: a stricter figure only. Blank keeps the statutory figure.` : `The default is ${s.templateFigure}; blank keeps it.`}
          validationMessage={error?.fields?.figure}
        >
          <Input type="number" value={figure} onChange={(_e, d) => setFigure(d.value)} />
        </Field>
      )}
      {s.clock === 'dated' && (
        <Field label="This year’s dates, one a line: the date then what is due" hint="e.g. 2025-03-31 BCF plan; 2025-07-18 Q1 return">
          <Textarea value={dates} onChange={(_e, d) => setDates(d.value)} rows={4} />
        </Field>
      )}
      <Field label="Not applicable to this board, because (blank if it applies)" validationMessage={error?.fields?.notApplicable}>
        <Input value={notApplicable} onChange={(_e, d) => setNotApplicable(d.value)} />
      </Field>
    </FormDialog>
  );
};

/** A decision between meetings, by the one route the chosen board's rules allow. */
const DecisionDialog = ({ view, boardId, caseId, onClose }: { view: View; boardId?: string; caseId?: string; onClose: (summary?: string) => void }) => {
  const [chosen, setChosen] = useState(boardId ?? view.boards[0]?.id ?? '');
  const board = view.boards.find((b) => b.id === chosen);
  const caseRef = view.cases.find((c) => c.id === caseId)?.reference;
  const [form, setForm] = useState({
    title: caseRef ? `Rapid review ${caseRef}: decision on a local child safeguarding practice review` : '',
    text: '',
    keyDecision: false,
    officerPersonId: '',
    reasons: '',
    chairPersonId: board?.chairPersonId ?? '',
    chairRole: 'Chair of the board',
    consultedOn: view.today,
    takenOn: view.today,
    specialAgreedBy: '',
    specialOn: view.today,
    voters: board?.votingPersonIds ?? [],
    opensOn: view.today,
    closesOn: '',
    reminderOn: '',
  });
  const [error, setError] = useState<QuorumError | null>(null);
  const set = (key: keyof typeof form) => (_e: unknown, d: { value: string }) => setForm((f) => ({ ...f, [key]: d.value }));
  const pick = (id: string) => {
    const b = view.boards.find((x) => x.id === id);
    setChosen(id);
    setForm((f) => ({ ...f, chairPersonId: b?.chairPersonId ?? '', voters: b?.votingPersonIds ?? [] }));
  };
  const route = board?.route.route;
  const save = async () => {
    const common = { boardId: chosen as never, title: form.title, text: form.text, keyDecision: form.keyDecision, ...(caseId ? { caseId: caseId as never } : {}) };
    const r =
      route === 'urgent-officer'
        ? await call('decisions:urgent', {
            ...common,
            officerPersonId: chosenId('person', form.officerPersonId)!,
            reasons: form.reasons,
            consulted: form.chairPersonId ? [{ personId: chosenId('person', form.chairPersonId)!, on: form.consultedOn, role: form.chairRole }] : [],
            takenOn: form.takenOn,
            ...(form.keyDecision && form.specialAgreedBy.trim() ? { specialUrgency: { agreedBy: form.specialAgreedBy, on: form.specialOn } } : {}),
          })
        : await call('decisions:propose', { ...common, voterPersonIds: form.voters as never, opensOn: form.opensOn, closesOn: form.closesOn, reminderDates: form.reminderOn ? [form.reminderOn] : [] });
    if (r.ok) onClose(r.value.summary);
    else setError(r.error);
  };
  const people = view.people;
  return (
    <FormDialog
      title="Take a decision between meetings"
      errorTitle="The decision was not recorded"
      error={error}
      saveLabel={route === 'written-resolution' ? 'Send the written resolution' : 'Record the urgent decision'}
      onSave={save}
      onClose={() => onClose()}
      saveDisabled={!board || route === 'none' || !form.title.trim() || !form.text.trim() || (route === 'written-resolution' && !form.closesOn)}
      saveHint={route === 'none' ? 'This board’s terms of reference allow no decision between meetings' : 'Fill in the title, the decision and the dates'}
      maxWidth="760px"
    >
      <Field label="Board">
        <Select value={chosen} onChange={(_e, d) => pick(d.value)}>
          {view.boards.map((b) => (
            <option key={b.id} value={b.id}>
              {b.shortName}
            </option>
          ))}
        </Select>
      </Field>
      {board && (
        <Text block role="note">
          {board.route.words}
        </Text>
      )}
      {caseRef && <Text block>For case {caseRef}: when it is taken, the case’s decision step is recorded as met.</Text>}
      <Field label="Title" required validationMessage={error?.fields?.title}>
        <Input value={form.title} onChange={set('title')} />
      </Field>
      <Field label="The decision" required validationMessage={error?.fields?.text}>
        <Textarea value={form.text} onChange={set('text')} rows={3} />
      </Field>
      <Checkbox checked={form.keyDecision} onChange={(_e, d) => setForm((f) => ({ ...f, keyDecision: Boolean(d.checked) }))} label="A key decision" />
      {route === 'urgent-officer' && (
        <>
          <Field label="Officer taking the decision" required validationMessage={error?.fields?.officerPersonId}>
            <PersonSelect canAdd={false} people={people} value={form.officerPersonId} onChange={(officerPersonId) => setForm((f) => ({ ...f, officerPersonId }))} />
          </Field>
          <Field label="Why it cannot wait for the next meeting" required validationMessage={error?.fields?.reasons}>
            <Textarea value={form.reasons} onChange={set('reasons')} rows={2} />
          </Field>
          <Field label="Consulted (the chair)" required validationMessage={error?.fields?.consulted}>
            <PersonSelect canAdd={false} people={people} value={form.chairPersonId} onChange={(chairPersonId) => setForm((f) => ({ ...f, chairPersonId }))} />
          </Field>
          <Field label="Consulted on">
            <Input type="date" value={form.consultedOn} onChange={set('consultedOn')} />
          </Field>
          <Field label="Decision taken on" validationMessage={error?.fields?.takenOn}>
            <Input type="date" value={form.takenOn} onChange={set('takenOn')} />
          </Field>
          {form.keyDecision && (
            <>
              <Field label="Special urgency agreed by (2012 Regulations reg 11)" required validationMessage={error?.fields?.specialUrgency} hint="e.g. Chair of the Health Scrutiny Committee">
                <Input value={form.specialAgreedBy} onChange={set('specialAgreedBy')} />
              </Field>
              <Field label="Agreed on">
                <Input type="date" value={form.specialOn} onChange={set('specialOn')} />
              </Field>
            </>
          )}
        </>
      )}
      {route === 'written-resolution' && (
        <>
          <fieldset>
            <legend>Voting members who vote</legend>
            {(board?.votingPersonIds ?? []).map((id) => (
              <Checkbox
                key={id}
                label={people.find((p) => p.id === id)?.name ?? id}
                checked={form.voters.includes(id)}
                onChange={(_e, d) => setForm((f) => ({ ...f, voters: d.checked ? [...f.voters, id] : f.voters.filter((x) => x !== id) }))}
              />
            ))}
            {!board?.votingPersonIds.length && <Text>The terms of reference name no voting members with a person: add them there first.</Text>}
          </fieldset>
          <Field label="Replies open on" validationMessage={error?.fields?.opensOn}>
            <Input type="date" value={form.opensOn} onChange={set('opensOn')} />
          </Field>
          <Field label="Replies close on" required validationMessage={error?.fields?.closesOn}>
            <Input type="date" value={form.closesOn} onChange={set('closesOn')} />
          </Field>
          <Field label="Reminder on (optional)" validationMessage={error?.fields?.reminderDates}>
            <Input type="date" value={form.reminderOn} onChange={set('reminderOn')} />
          </Field>
        </>
      )}
    </FormDialog>
  );
};

const ReplyDialog = ({ view, decision, onClose }: { view: View; decision: DecisionView; onClose: (summary?: string) => void }) => {
  const waiting = (decision.written?.voters ?? []).filter((id) => !decision.replies.some((r) => r.personId === id));
  const [form, setForm] = useState({ personId: (waiting[0] ?? '') as string, vote: 'for', receivedOn: view.today, comment: '' });
  const [error, setError] = useState<QuorumError | null>(null);
  const save = async () => {
    const r = await call('decisions:reply', { decisionId: decision.id as never, personId: form.personId as never, vote: form.vote as never, receivedOn: form.receivedOn, ...(form.comment.trim() ? { comment: form.comment } : {}) });
    if (r.ok) onClose(r.value.summary);
    else setError(r.error);
  };
  return (
    <FormDialog title="Record a reply" errorTitle="The reply was not recorded" error={error} saveLabel="Record the reply" onSave={save} onClose={() => onClose()} saveDisabled={!form.personId}>
      <Text block>{decision.title}</Text>
      <Field label="From" validationMessage={error?.fields?.personId}>
        <Select value={form.personId} onChange={(_e, d) => setForm((f) => ({ ...f, personId: d.value }))}>
          {waiting.map((id) => (
            <option key={id} value={id}>
              {view.people.find((p) => p.id === id)?.name ?? id}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Vote">
        <Select value={form.vote} onChange={(_e, d) => setForm((f) => ({ ...f, vote: d.value }))}>
          <option value="for">For</option>
          <option value="against">Against</option>
          <option value="abstain">Abstain</option>
        </Select>
      </Field>
      <Field label="Received on" validationMessage={error?.fields?.receivedOn}>
        <Input type="date" value={form.receivedOn} onChange={(_e, d) => setForm((f) => ({ ...f, receivedOn: d.value }))} />
      </Field>
      <Field label="Comment (optional)">
        <Input value={form.comment} onChange={(_e, d) => setForm((f) => ({ ...f, comment: d.value }))} />
      </Field>
    </FormDialog>
  );
};
