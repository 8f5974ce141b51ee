import { useState } from 'react';
import { Badge, Button, Field, Input, MessageBar, MessageBarBody, Select, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Add16Regular } from '@fluentui/react-icons';
import type { ChannelResult } from '@shared/contract';
import type { QuorumError } from '@shared/result';
import { call, useQuery } from '../../bridge';
import { ErrorBar } from '../../components/ErrorBar';
import { FormDialog } from '../../components/FormDialog';
import { formatUkDate } from '../../format';
import { WordExportButton } from '../governance/WordExportButton';
import { DataTable } from '../../components/DataTable';
import { AddInterestDialog, INTEREST_KIND_OPTIONS } from '../../components/AddInterestDialog';

/**
 * The register of interests (docs/ARCHITECTURE.md, the register of interests): each board member's
 * entries as they stood on a day, sensitive ones marked and kept off the public register (Localism
 * Act 2011 s.32); register an interest, end one, export the register to Word.
 */
type View = ChannelResult<'interests:register'>;
type Entry = View['entries'][number];

const KIND_LABEL = Object.fromEntries(INTEREST_KIND_OPTIONS.map((k) => [k.value, k.label.replace(/ \(.*\)$/, '')])) as Record<Entry['kind'], string>;

const useStyles = makeStyles({
  bar: { display: 'flex', gap: '12px', flexWrap: 'wrap', alignItems: 'end', margin: '16px 0' },
  muted: { color: tokens.colorNeutralForeground3 },
  member: { marginTop: '20px' },
});

export const InterestsRegister = () => {
  const styles = useStyles();
  const [on, setOn] = useState('');
  const [audience, setAudience] = useState<'full' | 'public'>('full');
  const [adding, setAdding] = useState<string | null>(null);
  const [ending, setEnding] = useState<Entry | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const view = useQuery('interests:register', { ...(/^\d{4}-\d{2}-\d{2}$/.test(on) ? { on } : {}), public: audience === 'public' });
  if (view.state.status === 'loading') return <Spinner label="Loading the register…" />;
  if (view.state.status === 'error') return <ErrorBar title="The register could not be loaded" error={view.state.error} />;
  const v = view.state.value;
  const done = (summary?: string) => {
    setAdding(null);
    setEnding(null);
    if (summary) setNotice(summary);
  };
  const others = [...new Set(v.entries.map((e) => e.personId))].filter((id) => !v.members.some((m) => m.personId === id));
  const rows = [...v.members, ...others.map((personId) => ({ personId, name: v.entries.find((e) => e.personId === personId)!.person, organisation: '', seats: [] as string[], entries: 0 }))];
  return (
    <div>
      <div className={styles.bar}>
        <Field label="As at">
          <Input type="date" value={on || v.on} onChange={(_e, d) => setOn(d.value)} />
        </Field>
        <Field label="Show">
          <Select value={audience} onChange={(_e, d) => setAudience(d.value as 'full' | 'public')}>
            <option value="full">Full register, with sensitive interests (not for publication)</option>
            <option value="public">Public register, as the website shows it</option>
          </Select>
        </Field>
        <Button appearance="primary" icon={<Add16Regular />} onClick={() => setAdding('')}>
          Register an interest…
        </Button>
        <WordExportButton label="Export to Word…" call={() => call('exports:register', { on: v.on, variant: audience })} />
      </div>
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <Text block size={200} className={styles.muted}>
        A sensitive interest is one whose publication could lead to violence or intimidation: it stays in the register, and the public register says only that the member holds one (Localism Act 2011
        s.32).
      </Text>
      <RegisterUpdates />
      {rows.length === 0 && <Text block>No one holds a seat on a board on {formatUkDate(v.on)}. Add members to a board’s terms of reference first (Terms of reference).</Text>}
      {rows.map((m) => {
        const mine = v.entries.filter((e) => e.personId === m.personId);
        const withheld = v.sensitiveHeld[m.personId] ?? 0;
        const headingId = `register-${m.personId.replace(/[^a-z0-9]/gi, '-')}`;
        return (
          <section key={m.personId} className={styles.member} aria-labelledby={headingId}>
            <Text as="h2" id={headingId} size={400} weight="semibold" block>
              {m.name}
              {m.organisation ? `, ${m.organisation}` : ''}
            </Text>
            {m.seats.length > 0 && (
              <Text block size={200} className={styles.muted}>
                {m.seats.join('; ')}
              </Text>
            )}
            {mine.length === 0 && !withheld && <Text block>No interests registered.</Text>}
            {withheld > 0 && <Text block>Holds {withheld === 1 ? 'a sensitive interest' : `${withheld} sensitive interests`}: details withheld (Localism Act 2011 s.32).</Text>}
            {mine.length > 0 && (
              <Table aria-label={`Interests registered by ${m.name}`} size="small">
                <TableHeader>
                  <TableRow>
                    {['Kind', 'Interest', 'Body', 'Value', 'From', 'To', ''].map((h, i) => (
                      <TableHeaderCell key={i}>{h}</TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {mine.map((e) => (
                    <TableRow key={e.id}>
                      <TableCell>{KIND_LABEL[e.kind]}</TableCell>
                      <TableCell>
                        {e.description} {e.sensitive && <Badge color="warning">Sensitive: not published</Badge>}
                      </TableCell>
                      <TableCell>{e.body}</TableCell>
                      <TableCell>{e.valuePounds === null ? '' : `£${e.valuePounds}`}</TableCell>
                      <TableCell>{formatUkDate(e.from)}</TableCell>
                      <TableCell>{e.to ? formatUkDate(e.to) : ''}</TableCell>
                      <TableCell>
                        {!e.to && (
                          <Button size="small" onClick={() => setEnding(e)} aria-label={`End ${m.name}’s interest: ${e.description}`}>
                            End…
                          </Button>
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
            <Button size="small" appearance="subtle" icon={<Add16Regular />} onClick={() => setAdding(m.personId)} aria-label={`Register an interest for ${m.name}`}>
              Register an interest
            </Button>
          </section>
        );
      })}
      {adding !== null && <AddInterestDialog initial={{ personId: adding, from: v.today }} onClose={done} />}
      {ending && <EndInterestDialog entry={ending} today={v.today} onClose={done} />}
    </div>
  );
};

const EndInterestDialog = ({ entry, today, onClose }: { entry: Entry; today: string; onClose: (summary?: string) => void }) => {
  const [to, setTo] = useState(today);
  const [error, setError] = useState<QuorumError | null>(null);
  const save = async () => {
    const r = await call('interests:end', { interestId: entry.id, to, expectedRev: entry.rev });
    if (r.ok) onClose(r.value.summary);
    else setError(r.error);
  };
  return (
    <FormDialog title={`End: ${entry.description}`} errorTitle="The interest was not ended" error={error} saveLabel="End the interest" onSave={save} onClose={() => onClose()} saveDisabled={!to}>
      <Text block>{entry.person}’s interest stays in the register’s history; from the day after, it is no longer held.</Text>
      <Field label="Last day held" required>
        <Input type="date" value={to} onChange={(_e, d) => setTo(d.value)} />
      </Field>
    </FormDialog>
  );
};

const UPDATE_BADGE = { confirmed: { color: 'success', label: 'Confirmed' }, due: { color: 'warning', label: 'Due' }, overdue: { color: 'danger', label: 'Overdue' } } as const;

/**
 * The annual update and new members' registers (shared/rules/interests.ts registerUpdates): who
 * has confirmed, who is due or overdue; the outbox sends the requests and reminders to those with an
 * e-mail address, and the rest are listed to send by hand.
 */
const RegisterUpdates = () => {
  const styles = useStyles();
  const view = useQuery('interests:updates', {});
  const [starting, setStarting] = useState(false);
  const [confirming, setConfirming] = useState<{ personId: string; name: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (view.state.status !== 'ready') return null;
  const v = view.state.value;
  const done = (summary?: string) => {
    setStarting(false);
    setConfirming(null);
    if (summary) setNotice(summary);
  };
  const byHand = v.updates.filter((u) => u.state !== 'confirmed' && !u.email);
  return (
    <section aria-labelledby="register-updates" className={styles.member}>
      <Text as="h2" id="register-updates" size={500} weight="semibold" block>
        Updates of the register
      </Text>
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <Text block size={200} className={styles.muted}>
        Each member confirms their entries within 28 days of the annual update opening, and a new member within 28 days of joining ({v.source}). The outbox sends each request, a reminder a week before
        and a chaser the day after.
      </Text>
      {v.round ? <Text block>The annual update opened on {formatUkDate(v.round)}.</Text> : <Text block>No annual update has been started in Quorum yet.</Text>}
      <Button onClick={() => setStarting(true)}>Start the annual update…</Button>
      {v.updates.length > 0 && (
        <DataTable
          label="Updates of the register"
          headers={['Member', 'Update', 'Opened', 'Due', 'State', '']}
          rows={v.updates.map((u) => ({
            key: u.personId,
            cells: [
              u.name,
              u.kind === 'new-member' ? 'New member' : 'Annual',
              formatUkDate(u.opensOn),
              formatUkDate(u.dueOn),
              <Badge key="state" color={UPDATE_BADGE[u.state].color}>
                {u.state === 'confirmed' && u.confirmedOn ? `Confirmed ${formatUkDate(u.confirmedOn)}` : UPDATE_BADGE[u.state].label}
              </Badge>,
              u.state === 'confirmed' ? (
                ''
              ) : (
                <Button key="confirm" size="small" onClick={() => setConfirming(u)} aria-label={`Record ${u.name}’s confirmation`}>
                  Record confirmation…
                </Button>
              ),
            ],
          }))}
        />
      )}
      {byHand.length > 0 && (
        <MessageBar intent="info">
          <MessageBarBody>
            To send yourself (no e-mail address in People and boards): {byHand.map((u) => `${u.name}, by ${formatUkDate(u.dueOn)}`).join('; ')}.
          </MessageBarBody>
        </MessageBar>
      )}
      {starting && <StartRoundDialog today={v.today} onClose={done} />}
      {confirming && <ConfirmDialog member={confirming} today={v.today} onClose={done} />}
    </section>
  );
};

const StartRoundDialog = ({ today, onClose }: { today: string; onClose: (summary?: string) => void }) => {
  const [opensOn, setOpensOn] = useState(today);
  const [error, setError] = useState<QuorumError | null>(null);
  const save = async () => {
    const r = await call('interests:startRound', { opensOn });
    if (r.ok) onClose(r.value.summary);
    else setError(r.error);
  };
  return (
    <FormDialog title="Start the annual update of the register" errorTitle="The update was not started" error={error} saveLabel="Start the update" onSave={save} onClose={() => onClose()} saveDisabled={!opensOn}>
      <Text block>Each member is sent their entries as held, to confirm or correct within 28 days; the messages wait in the outbox for you to review and send.</Text>
      <Field label="Opens on" required>
        <Input type="date" value={opensOn} onChange={(_e, d) => setOpensOn(d.value)} />
      </Field>
    </FormDialog>
  );
};

const ConfirmDialog = ({ member, today, onClose }: { member: { personId: string; name: string }; today: string; onClose: (summary?: string) => void }) => {
  const [on, setOn] = useState(today);
  const [note, setNote] = useState('');
  const [error, setError] = useState<QuorumError | null>(null);
  const save = async () => {
    const r = await call('interests:confirm', { personId: member.personId as `person:${string}`, on, note: note.trim() });
    if (r.ok) onClose(r.value.summary);
    else setError(r.error);
  };
  return (
    <FormDialog title={`${member.name} confirmed their register`} errorTitle="The confirmation was not recorded" error={error} saveLabel="Record confirmation" onSave={save} onClose={() => onClose()} saveDisabled={!on}>
      <Text block>Add or end their entries first, as they told you; then record that they confirmed the register complete and correct.</Text>
      <Field label="Confirmed on" required>
        <Input type="date" value={on} onChange={(_e, d) => setOn(d.value)} />
      </Field>
      <Field label="How" hint="For example: signed form, or their e-mail of 3 April">
        <Input value={note} onChange={(_e, d) => setNote(d.value)} />
      </Field>
    </FormDialog>
  );
};
