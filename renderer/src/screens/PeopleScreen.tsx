import { useState } from 'react';
import { Badge, Button, Checkbox, Field, Input, Select, Spinner, Tab, TabList, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title1, makeStyles, tokens } from '@fluentui/react-components';
import type { DirectoryOrganisation, DirectoryPerson } from '@shared/views';
import { BOARD_RULES, ORGANISATION_KINDS } from '@shared/schema/records';
import { BOARD_KIND_LABEL, ORGANISATION_KIND_LABEL, PAPER_KIND_LABEL } from '@shared/rules/labels';
import { PAPER_KINDS } from '@shared/schema/clearance';
import { PersonSelect } from '../components/PersonSelect';
import type { QuorumError, Result } from '@shared/result';
import type { ChannelResult, Done } from '@shared/contract';
import { call, useQuery } from '../bridge';
import { ErrorBar } from '../components/ErrorBar';
import { FormDialog } from '../components/FormDialog';
import { useChange } from '../components/useChange';
import { formatUkDate } from '../format';
import { PersonDialog } from '../components/PersonDialog';
import type { PeopleTab } from '../navigation';
import { useChosenFile } from '../components/imports/useChosenFile';
import { BoardKindSelect } from '../components/BoardKindSelect';
import { ImportPeopleDialog } from '../components/imports/ImportPeopleDialog';

const useStyles = makeStyles({
  bar: { display: 'flex', gap: '12px', alignItems: 'center', margin: '12px 0' },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: '8px' },
});

const BOARD_RULES_LABEL: Record<(typeof BOARD_RULES)[number], string> = {
  'council-committee': 'Council committee: access-to-information rules apply (5 clear days, Schedule 12A)',
  'own-terms-of-reference': 'Its own terms of reference',
};


/** The partnership's people, organisations and boards: set up from empty, corrected, and retired when they leave. */
export const PeopleScreen = ({ tab: initialTab = 'people' }: { tab?: PeopleTab }) => {
  const [tab, setTab] = useState<PeopleTab>(initialTab);
  const { act, pending, error, notice, setNotice } = useChange();
  return (
    <>
      <Title1 as="h1" block>
        People and boards
      </Title1>
      <TabList selectedValue={tab} onTabSelect={(_e, d) => setTab(d.value as PeopleTab)}>
        <Tab value="people">People</Tab>
        <Tab value="organisations">Organisations</Tab>
        <Tab value="boards">Boards</Tab>
      </TabList>
      <ErrorBar title="That was not changed" error={error} />
      {notice && !error && (
        <Text role="status" block>
          {notice}
        </Text>
      )}
      {tab === 'people' && <PeopleTab act={act} pending={pending} onImported={setNotice} />}
      {tab === 'organisations' && <OrganisationsTab act={act} pending={pending} />}
      {tab === 'boards' && <BoardsTab act={act} pending={pending} />}
    </>
  );
};

type Act = ReturnType<typeof useChange>['act'];

/** A row's "Edit…" and its leave/restore (close/reopen for a board) button, disabled while a change is in flight. */
const RowActions = ({ name, pending, onEdit, away, awayLabel, backLabel, onToggle }: { name: string; pending: boolean; onEdit: () => void; away: boolean; awayLabel: [string, string]; backLabel: string; onToggle: () => void }) => {
  const styles = useStyles();
  return (
    <div className={styles.actions}>
      <Button size="small" disabled={pending} onClick={onEdit} aria-label={`Edit ${name}`}>
        Edit…
      </Button>
      <Button size="small" disabled={pending} onClick={onToggle} aria-label={`${away ? backLabel : awayLabel[0]} ${name}`}>
        {away ? backLabel : awayLabel[1]}
      </Button>
    </div>
  );
};
type Props = { act: Act; pending: boolean };

/** Saves a form's change and closes the dialog, or keeps it open with what was wrong. */
const useSave = (onClose: () => void) => {
  const [error, setError] = useState<QuorumError | null>(null);
  const save = async (r: Promise<Result<Done>>) => {
    const result = await r;
    if (result.ok) onClose();
    else setError(result.error);
  };
  return { error, save };
};

const PeopleTab = ({ act, pending, onImported }: Props & { onImported: (summary: string) => void }) => {
  const styles = useStyles();
  const { state } = useQuery('people:directory', {});
  const [editing, setEditing] = useState<DirectoryPerson | 'new' | null>(null);
  const sheet = useChosenFile(() => call('imports:chooseSheet', { purpose: 'people' }));
  if (state.status === 'loading') return <Spinner label="Loading people…" />;
  if (state.status === 'error') return <ErrorBar title="The people could not be loaded" error={state.error} />;
  const { people, organisations } = state.value;
  const current = organisations.filter((o) => !o.retiredOn);
  return (
    <>
      <div className={styles.bar}>
        <Button appearance="primary" disabled={current.length === 0} onClick={() => setEditing('new')}>
          Add a person…
        </Button>
        <Button disabled={pending || sheet.pending} onClick={sheet.open}>
          Import from a spreadsheet…
        </Button>
        {current.length === 0 && <Text className={styles.muted}>Add the partner organisations first (everyone belongs to one), or import people and their organisations from a spreadsheet.</Text>}
      </div>
      <ErrorBar title="The spreadsheet was not imported" error={sheet.error} />
      {people.length === 0 ? (
        <Text block>No people yet. Add the board members, their deputies and the officers who write papers.</Text>
      ) : (
        <Table aria-label="People" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Job title</TableHeaderCell>
              <TableHeaderCell>Organisation</TableHeaderCell>
              <TableHeaderCell>Email</TableHeaderCell>
              <TableHeaderCell style={{ width: '230px' }}>Change</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {people.map((p) => (
              <TableRow key={p.id}>
                <TableCell>
                  {p.name} {p.retiredOn && <Badge appearance="outline">Left {formatUkDate(p.retiredOn)}</Badge>}
                </TableCell>
                <TableCell>{p.jobTitle}</TableCell>
                <TableCell>{p.organisation}</TableCell>
                <TableCell>{p.email}</TableCell>
                <TableCell>
                  <RowActions name={p.name} pending={pending} onEdit={() => setEditing(p)} away={Boolean(p.retiredOn)} awayLabel={['Mark as left:', 'Mark as left']} backLabel="Restore" onToggle={() => act(() => call('people:retire', { personId: p.id, retired: !p.retiredOn }))} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {editing && <PersonDialog person={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {sheet.file && (
        <ImportPeopleDialog
          table={sheet.file.table}
          onClose={(summary) => {
            sheet.close();
            if (summary) onImported(summary);
          }}
        />
      )}
    </>
  );
};

const OrganisationsTab = ({ act, pending }: Props) => {
  const styles = useStyles();
  const { state } = useQuery('people:directory', {});
  const [editing, setEditing] = useState<DirectoryOrganisation | 'new' | null>(null);
  if (state.status === 'loading') return <Spinner label="Loading organisations…" />;
  if (state.status === 'error') return <ErrorBar title="The organisations could not be loaded" error={state.error} />;
  const { organisations } = state.value;
  return (
    <>
      <div className={styles.bar}>
        <Button appearance="primary" onClick={() => setEditing('new')}>
          Add an organisation…
        </Button>
      </div>
      {organisations.length === 0 ? (
        <Text block>No organisations yet. Add the council, health, police, schools and voluntary sector partners.</Text>
      ) : (
        <Table aria-label="Organisations" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Organisation</TableHeaderCell>
              <TableHeaderCell>Kind</TableHeaderCell>
              <TableHeaderCell>People</TableHeaderCell>
              <TableHeaderCell style={{ width: '230px' }}>Change</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {organisations.map((o) => (
              <TableRow key={o.id}>
                <TableCell>
                  {o.name} {o.retiredOn && <Badge appearance="outline">Left {formatUkDate(o.retiredOn)}</Badge>}
                </TableCell>
                <TableCell>{ORGANISATION_KIND_LABEL[o.kind]}</TableCell>
                <TableCell>{o.people}</TableCell>
                <TableCell>
                  <RowActions name={o.name} pending={pending} onEdit={() => setEditing(o)} away={Boolean(o.retiredOn)} awayLabel={['Mark as left:', 'Mark as left']} backLabel="Restore" onToggle={() => act(() => call('organisations:retire', { organisationId: o.id, retired: !o.retiredOn }))} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {editing && <OrganisationDialog organisation={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
};

const OrganisationDialog = ({ organisation, onClose }: { organisation: DirectoryOrganisation | null; onClose: () => void }) => {
  const [form, setForm] = useState({ name: organisation?.name ?? '', kind: organisation?.kind ?? ('council' as DirectoryOrganisation['kind']) });
  const { error, save } = useSave(onClose);
  const submit = () => (organisation ? save(call('organisations:update', { organisationId: organisation.id, ...form, expectedRev: organisation.rev })) : save(call('organisations:add', form)));
  return (
    <FormDialog title={organisation ? `Edit ${organisation.name}` : 'Add an organisation'} errorTitle="The organisation was not saved" error={error} saveLabel={organisation ? 'Save' : 'Add organisation'} onSave={submit} onClose={onClose}>
      <Field label="Name" required validationMessage={error?.fields?.name}>
        <Input value={form.name} onChange={(_e, d) => setForm((f) => ({ ...f, name: d.value }))} placeholder="e.g. Northshire Police" />
      </Field>
      <Field label="Kind" required>
        <Select value={form.kind} onChange={(_e, d) => setForm((f) => ({ ...f, kind: d.value as DirectoryOrganisation['kind'] }))}>
          {ORGANISATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {ORGANISATION_KIND_LABEL[k]}
            </option>
          ))}
        </Select>
      </Field>
    </FormDialog>
  );
};

type BoardRow = ChannelResult<'boards:all'>[number];

const BoardsTab = ({ act, pending }: Props) => {
  const styles = useStyles();
  const { state } = useQuery('boards:all', {});
  const [editing, setEditing] = useState<BoardRow | 'new' | null>(null);
  const [clearances, setClearances] = useState<BoardRow | null>(null);
  const [standards, setStandards] = useState<BoardRow | null>(null);
  const [policy, setPolicy] = useState<BoardRow | null>(null);
  if (state.status === 'loading') return <Spinner label="Loading boards…" />;
  if (state.status === 'error') return <ErrorBar title="The boards could not be loaded" error={state.error} />;
  return (
    <>
      <div className={styles.bar}>
        <Button appearance="primary" onClick={() => setEditing('new')}>
          Add a board…
        </Button>
      </div>
      {state.value.length === 0 ? (
        <Text block>No boards yet. Add the Children’s Trust, the Safeguarding Children Partnership, the Health and Wellbeing Board, or any other board the partnership runs.</Text>
      ) : (
        <Table aria-label="Boards" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Board</TableHeaderCell>
              <TableHeaderCell>Kind</TableHeaderCell>
              <TableHeaderCell>Terms of reference</TableHeaderCell>
              <TableHeaderCell>Meetings</TableHeaderCell>
              <TableHeaderCell style={{ width: '230px' }}>Change</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {state.value.map((b) => (
              <TableRow key={b.id}>
                <TableCell>
                  {b.name} {b.closedOn && <Badge appearance="outline">Closed {formatUkDate(b.closedOn)}</Badge>}
                </TableCell>
                <TableCell>{BOARD_KIND_LABEL[b.kind]}</TableCell>
                <TableCell>{b.hasTermsOfReference ? 'Yes' : 'Not yet: write them on the Terms of reference screen'}</TableCell>
                <TableCell>{b.meetings}</TableCell>
                <TableCell>
                  <RowActions name={b.name} pending={pending} onEdit={() => setEditing(b)} away={Boolean(b.closedOn)} awayLabel={['Close', 'Close']} backLabel="Reopen" onToggle={() => act(() => call('boards:close', { boardId: b.id, closed: !b.closedOn }))} />{' '}
                  <Button size="small" disabled={pending} onClick={() => setClearances(b)} aria-label={`Clearances papers need: ${b.name}`}>
                    Clearances…
                  </Button>{' '}
                  <Button size="small" disabled={pending} onClick={() => setStandards(b)} aria-label={`Paper standards: ${b.name}`}>
                    Paper standards…
                  </Button>{' '}
                  <Button size="small" disabled={pending} onClick={() => setPolicy(b)} aria-label={`Conflicts of interest: ${b.name}`}>
                    Conflicts…
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {editing && <BoardDialog board={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {clearances && <ClearanceRulesDialog board={clearances} onClose={() => setClearances(null)} />}
      {standards && <PaperStandardsDialog board={standards} onClose={() => setStandards(null)} />}
      {policy && <ConflictPolicyDialog board={policy} onClose={() => setPolicy(null)} />}
    </>
  );
};

/** Which clearances a paper needs before it goes to this board, by kind of paper; silence never counts. */
const ClearanceRulesDialog = ({ board, onClose }: { board: BoardRow; onClose: () => void }) => {
  const people = useQuery('people:list', {});
  const [rules, setRules] = useState(board.clearanceRules.map((r) => ({ ...r, personId: (r.personId ?? '') as string })));
  const { error, save } = useSave(onClose);
  const keyOf = (label: string, i: number) => label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || `clearance-${i + 1}`;
  const submit = () =>
    save(call('boards:setClearances', { boardId: board.id, expectedRev: board.rev, rules: rules.map((r, i) => ({ key: r.key || keyOf(r.label, i), label: r.label, paperKinds: r.paperKinds, ...(r.personId ? { personId: r.personId as never } : {}) })) }));
  const set = (i: number, patch: Partial<(typeof rules)[number]>) => setRules((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <FormDialog title={`Clearances papers need: ${board.shortName}`} errorTitle="The clearances were not saved" error={error} saveLabel="Save clearances" onSave={submit} onClose={onClose} maxWidth="820px" saveDisabled={rules.some((r) => !r.label.trim() || r.paperKinds.length === 0)} saveHint="Name each clearance and tick the kinds of paper that need it">
      <Text block>Each paper of a kind ticked must be cleared before the pack goes out; a later change to its text resets the clearance.</Text>
      {rules.map((r, i) => (
        <div key={i} role="group" aria-label={`Clearance ${i + 1}`} style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '8px', borderTop: '1px solid #ddd', paddingTop: '8px' }}>
          <Field label="Clearance" required>
            <Input value={r.label} onChange={(_e, d) => set(i, { label: d.value })} placeholder="e.g. Finance" />
          </Field>
          <Field label="Usually cleared by (optional)">
            <PersonSelect canAdd={false} people={people.state.status === 'ready' ? people.state.value : []} value={r.personId} onChange={(personId) => set(i, { personId })} placeholder="Anyone" />
          </Field>
          <div role="group" aria-label="Papers that need it">
            {PAPER_KINDS.map((k) => (
              <Checkbox key={k} label={PAPER_KIND_LABEL[k]} checked={r.paperKinds.includes(k)} onChange={(_e, d) => set(i, { paperKinds: d.checked ? [...r.paperKinds, k] : r.paperKinds.filter((x) => x !== k) })} />
            ))}
          </div>
          <div>
            <Button size="small" onClick={() => setRules((rs) => rs.filter((_x, j) => j !== i))} aria-label={`Remove the clearance ${r.label || i + 1}`}>
              Remove
            </Button>
          </div>
        </div>
      ))}
      <Button onClick={() => setRules((rs) => [...rs, { key: '', label: '', paperKinds: ['decision'], personId: '' }])}>Add a clearance</Button>
    </FormDialog>
  );
};

/** What the board asks of its papers: pages by kind, the summary's length, what recommendations and cover sheets must say. */
/** Whether a member who may have an interest in a Part 2 item is sent its papers in their own copy of the pack. */
const ConflictPolicyDialog = ({ board, onClose }: { board: BoardRow; onClose: () => void }) => {
  const [policy, setPolicy] = useState(board.conflictPolicy);
  const { error, save } = useSave(onClose);
  return (
    <FormDialog title={`Conflicts of interest: ${board.shortName}`} errorTitle="The policy was not saved" error={error} saveLabel="Save the policy" onSave={() => save(call('boards:setConflictPolicy', { boardId: board.id, policy, expectedRev: board.rev }))} onClose={onClose}>
      <Text block>Quorum reads each agenda against the register of interests, and tells a member on the cover of their own copy of the pack which items they may have an interest in.</Text>
      <Field label="A member who may have an interest in a Part 2 item">
        <Select value={policy} onChange={(_e, d) => setPolicy(d.value as typeof policy)}>
          <option value="send">is sent its papers, and declares at the meeting (the chair decides whether they take part)</option>
          <option value="withhold">is not sent its papers in their own copy of the pack</option>
        </Select>
      </Field>
    </FormDialog>
  );
};

const PaperStandardsDialog = ({ board, onClose }: { board: BoardRow; onClose: () => void }) => {
  const [st, setSt] = useState(board.paperStandards);
  const { error, save } = useSave(onClose);
  const page = (k: keyof typeof st.maxPages) => (
    <Field key={k} label={`${PAPER_KIND_LABEL[k]} papers: at most (pages)`} validationMessage={error?.fields?.[`standards.maxPages.${k}`]}>
      <Input type="number" value={String(st.maxPages[k])} onChange={(_e, d) => setSt((s) => ({ ...s, maxPages: { ...s.maxPages, [k]: Number(d.value) || 0 } }))} />
    </Field>
  );
  return (
    <FormDialog title={`Paper standards: ${board.shortName}`} errorTitle="The paper standards were not saved" error={error} saveLabel="Save standards" onSave={() => save(call('boards:setPaperStandards', { boardId: board.id, standards: st, expectedRev: board.rev }))} onClose={onClose}>
      <Text block>Pre-flight checks each paper against these, and shows the reading the pack asks of each member. A page is about 500 words.</Text>
      {PAPER_KINDS.map((k) => page(k))}
      <Field label="Executive summary: at most (words)" validationMessage={error?.fields?.['standards.summaryMaxWords']}>
        <Input type="number" value={String(st.summaryMaxWords)} onChange={(_e, d) => setSt((s) => ({ ...s, summaryMaxWords: Number(d.value) || 0 }))} />
      </Field>
      <Checkbox checked={st.askedTo} onChange={(_e, d) => setSt((s) => ({ ...s, askedTo: Boolean(d.checked) }))} label="A decision paper’s recommendation says what the board is asked to do" />
      <Checkbox checked={st.backgroundPapers} onChange={(_e, d) => setSt((s) => ({ ...s, backgroundPapers: Boolean(d.checked) }))} label="Background papers are listed (Local Government Act 1972 s.100D for a council committee)" />
      <Checkbox checked={Boolean(st.voiceOfChild)} onChange={(_e, d) => setSt((s) => ({ ...s, voiceOfChild: Boolean(d.checked) }))} label="The cover sheet says how children’s views shaped the paper (the voice of the child)" />
    </FormDialog>
  );
};

const BoardDialog = ({ board, onClose }: { board: BoardRow | null; onClose: () => void }) => {
  const [form, setForm] = useState({ name: board?.name ?? '', shortName: board?.shortName ?? '', kind: board?.kind ?? ('childrens-trust' as BoardRow['kind']), rules: board?.rules ?? ('own-terms-of-reference' as BoardRow['rules']) });
  const { error, save } = useSave(onClose);
  const submit = () => (board ? save(call('boards:update', { boardId: board.id, ...form, expectedRev: board.rev })) : save(call('boards:add', form)));
  return (
    <FormDialog title={board ? `Edit ${board.name}` : 'Add a board'} errorTitle="The board was not saved" error={error} saveLabel={board ? 'Save' : 'Add board'} onSave={submit} onClose={onClose}>
      <Field label="Name" required validationMessage={error?.fields?.name}>
        <Input value={form.name} onChange={(_e, d) => setForm((f) => ({ ...f, name: d.value }))} placeholder="e.g. Westmoor Safeguarding Children Partnership" />
      </Field>
      <Field label="Short name" required hint="Used in headers, lists and file names" validationMessage={error?.fields?.shortName}>
        <Input value={form.shortName} onChange={(_e, d) => setForm((f) => ({ ...f, shortName: d.value }))} placeholder="e.g. Safeguarding Partnership" />
      </Field>
      <Field label="Kind" required>
        <BoardKindSelect value={form.kind} onChange={(kind) => setForm((f) => ({ ...f, kind }))} />
      </Field>
      <Field label="Rules for papers and Part 2" required>
        <Select value={form.rules} onChange={(_e, d) => setForm((f) => ({ ...f, rules: d.value as BoardRow['rules'] }))}>
          {BOARD_RULES.map((r) => (
            <option key={r} value={r}>
              {BOARD_RULES_LABEL[r]}
            </option>
          ))}
        </Select>
      </Field>
    </FormDialog>
  );
};
