import { chosenId } from '../../ids';
import { useState } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { MeetingView, RosterRow } from '@shared/rules/meetingView';
import type { QuorumError } from '@shared/result';
import { ItemOptions } from './ItemOptions';
import { bridge, useQuery, type Loadable } from '../../bridge';
import type { ChannelResult } from '@shared/contract';
import { AddInterestDialog } from '../../components/AddInterestDialog';
import { ChangeScope } from '../../components/ChangeScope';
import { ErrorBar } from '../../components/ErrorBar';
import { FormDialog } from '../../components/FormDialog';
import { PersonSelect } from '../../components/PersonSelect';
import { useChange } from '../../components/useChange';

const useStyles = makeStyles({
  section: { marginTop: '24px', display: 'flex', flexDirection: 'column', gap: '8px' },
  muted: { color: tokens.colorNeutralForeground3 },
  reasons: { margin: '4px 0 0', paddingLeft: '20px' },
  row: { display: 'flex', gap: '8px', alignItems: 'flex-end', flexWrap: 'wrap' },
  list: { margin: 0, paddingLeft: '20px' },
});

const STATUS_OPTIONS = [
  ['present', 'Present'],
  ['apologies', 'Apologies'],
  ['absent', 'Absent'],
] as const;

/** Who came: each member from the terms of reference, substitutes where allowed, others in attendance; quorum checked as you go. */
export const AttendanceTab = ({ view }: { view: MeetingView }) => {
  const styles = useStyles();
  const { act, pending, error } = useChange();
  const [substituting, setSubstituting] = useState<RosterRow | null>(null);
  const [guest, setGuest] = useState('');
  const [declaration, setDeclaration] = useState({ personId: '', agendaItemId: '', interest: '' });
  const meetingId = view.meeting.id;
  // One query for the notice at the top and the list below: one refetch after a change.
  const conflicts = useQuery('interests:conflicts', { meetingId });
  const members = view.roster.filter((r) => r.memberKey);
  const others = view.roster.filter((r) => !r.memberKey);
  const q = view.quorum;
  // Approved minutes are the board's record: attendance and declarations change only through a
  // correction recorded on the Minutes tab (agreed at a later meeting), never by editing here.
  const frozen = view.meeting.status === 'minutes-approved';

  return (
    <>
      {frozen && (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>The minutes of this meeting are approved</MessageBarTitle>
            Attendance and declarations are part of the approved record and cannot be changed here. If they are wrong, record a correction on the Minutes tab, with the later meeting that agreed it.
          </MessageBarBody>
        </MessageBar>
      )}
      <ChangeScope pending={pending} readOnly={frozen}>
        <ErrorBar title="The attendance was not recorded" error={error} />
        {q ? (
          <MessageBar intent={q.met ? 'success' : 'warning'} aria-live="polite">
            <MessageBarBody>
              <MessageBarTitle>{q.met ? 'Quorate' : 'Not quorate'}</MessageBarTitle>
              {q.summary.replace(/^(Not quorate|Quorate): /, '')} Rule: {view.quorumRule || 'as the terms of reference set out'}.
              {q.reasons.length > 0 && (
                <ul className={styles.reasons}>
                  {q.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              )}
            </MessageBarBody>
          </MessageBar>
        ) : (
          <MessageBar intent="info">
            <MessageBarBody>The board has no terms of reference, so there is no quorum rule to check.</MessageBarBody>
          </MessageBar>
        )}

        <InterestsNotice conflicts={conflicts.state} />
        <section className={styles.section} aria-labelledby="members-heading">
          <Text as="h3" id="members-heading" size={500} weight="semibold">
            Members
          </Text>
          <Table aria-label="Members" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Member</TableHeaderCell>
                <TableHeaderCell>Seat</TableHeaderCell>
                <TableHeaderCell style={{ width: '300px' }}>Attendance</TableHeaderCell>
                <TableHeaderCell style={{ width: '190px' }}>Substitute</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {members.map((m) => (
                <TableRow key={m.personId}>
                  <TableCell>
                    <Text weight="semibold">{m.name}</Text>
                    <br />
                    <Text size={200} className={styles.muted}>
                      {m.organisation}
                    </Text>
                  </TableCell>
                  <TableCell>{m.role}</TableCell>
                  <TableCell>
                    <RadioGroup
                      layout="horizontal"
                      aria-label={`Attendance of ${m.name}`}
                      value={m.status === 'not-recorded' ? '' : m.status}
                      onChange={(_e, d) => act(() => bridge().attendance.set({ meetingId, personId: m.personId, status: d.value as 'present' | 'apologies' | 'absent' }))}
                    >
                      {STATUS_OPTIONS.map(([v, l]) => (
                        <Radio key={v} value={v} label={l} />
                      ))}
                    </RadioGroup>
                    {(m.status === 'apologies' || m.status === 'absent') && (
                      <AbsenceReason key={`${m.personId}-${m.absenceReason}`} name={m.name} saved={m.absenceReason} onSave={(absenceReason) => act(() => bridge().attendance.set({ meetingId, personId: m.personId, status: m.status as 'apologies' | 'absent', absenceReason }))} />
                    )}
                  </TableCell>
                  <TableCell>
                    {m.substitute ? (
                      <>
                        <Text>{m.substitute.name} attended in place</Text>{' '}
                        <Button size="small" appearance="subtle" onClick={() => act(() => bridge().attendance.remove({ attendanceId: m.substitute!.attendanceId }))} aria-label={`Remove the substitute for ${m.name}`}>
                          Remove
                        </Button>
                      </>
                    ) : m.deputyAllowed ? (
                      <Button size="small" onClick={() => setSubstituting(m)} aria-label={`Record a substitute for ${m.name}`}>
                        Substitute…
                      </Button>
                    ) : (
                      <Text size={200} className={styles.muted}>
                        No deputy under the ToR
                      </Text>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>

        <section className={styles.section} aria-labelledby="others-heading">
          <Text as="h3" id="others-heading" size={500} weight="semibold">
            Also in attendance
          </Text>
          {others.length === 0 ? (
            <Text className={styles.muted}>No one else recorded.</Text>
          ) : (
            <ul className={styles.list}>
              {others.map((o) => (
                <li key={o.personId}>
                  {o.name}
                  {o.organisation ? `, ${o.organisation}` : ''}{' '}
                  <Button size="small" appearance="subtle" onClick={() => o.attendanceId && act(() => bridge().attendance.remove({ attendanceId: o.attendanceId }))} aria-label={`Remove ${o.name}`}>
                    Remove
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <div className={styles.row}>
            <Field label="Add someone in attendance" hint="Members of the board are recorded in the table above, so they are not offered here; nor is anyone already recorded.">
              <PersonSelect people={view.people.filter((p) => !view.roster.some((r) => r.personId === p.id))} value={guest} onChange={setGuest} />
            </Field>
            <Button
              disabled={!guest}
              onClick={async () => {
                if (await act(() => bridge().attendance.set({ meetingId, personId: chosenId('person', guest)!, status: 'in-attendance' }))) setGuest('');
              }}
            >
              Add
            </Button>
          </div>
        </section>

        <section className={styles.section} aria-labelledby="declarations-heading">
          <Text as="h3" id="declarations-heading" size={500} weight="semibold">
            Declarations of interest
          </Text>
          {view.declarations.length === 0 ? (
            <Text className={styles.muted}>None declared.</Text>
          ) : (
            <ul className={styles.list}>
              {view.declarations.map((d) => (
                <li key={d.id}>
                  {d.name}
                  {d.itemNumber ? ` (item ${d.itemNumber})` : ''}: {d.interest}{' '}
                  <Button size="small" appearance="subtle" onClick={() => act(() => bridge().declarations.remove({ declarationId: d.id }))} aria-label={`Remove the declaration by ${d.name}`}>
                    Remove
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <div className={styles.row}>
            <Field label="Declared by">
              <PersonSelect people={view.people} value={declaration.personId} onChange={(personId) => setDeclaration((d) => ({ ...d, personId }))} />
            </Field>
            <Field label="On item">
              <Select value={declaration.agendaItemId} onChange={(_e, d) => setDeclaration((x) => ({ ...x, agendaItemId: d.value }))}>
                <option value="">The meeting generally</option>
                <ItemOptions items={view.items} />
              </Select>
            </Field>
            <Field label="Interest" style={{ flex: 1, minWidth: '240px' }}>
              <Input value={declaration.interest} onChange={(_e, d) => setDeclaration((x) => ({ ...x, interest: d.value }))} />
            </Field>
            <Button
              disabled={!declaration.personId || !declaration.interest.trim()}
              onClick={async () => {
                const ok = await act(() =>
                  bridge().declarations.add({
                    meetingId,
                    personId: chosenId('person', declaration.personId)!,
                    interest: declaration.interest,
                    agendaItemId: chosenId('agendaItem', declaration.agendaItemId),
                  }),
                );
                if (ok) setDeclaration({ personId: '', agendaItemId: '', interest: '' });
              }}
            >
              Record declaration
            </Button>
          </div>
        </section>
        <PossibleInterests view={view} act={act} conflicts={conflicts.state} />
        {substituting && <SubstituteDialog view={view} member={substituting} onClose={() => setSubstituting(null)} />}
      </ChangeScope>
    </>
  );
};

const SubstituteDialog = ({ view, member, onClose }: { view: MeetingView; member: RosterRow; onClose: () => void }) => {
  const [personId, setPersonId] = useState('');
  // A member with a seat of their own, or someone already present, in attendance or sitting in for
  // another member, would leave a seat empty (or count twice) by substituting too.
  const taken = new Set(view.roster.flatMap((r) => [...(r.memberKey || r.status === 'present' || r.status === 'in-attendance' ? [r.personId] : []), ...(r.substitute ? [r.substitute.personId] : [])]));
  const [error, setError] = useState<QuorumError | null>(null);
  const save = async () => {
    const r = await bridge().attendance.set({ meetingId: view.meeting.id, personId: chosenId('person', personId)!, status: 'present', inPlaceOfPersonId: member.personId });
    if (r.ok) onClose();
    else setError(r.error);
  };
  return (
    <FormDialog title={`Substitute for ${member.name}`} errorTitle="The substitute was not recorded" error={error} saveLabel="Record substitute" onSave={save} onClose={onClose} saveDisabled={!personId}>
      <Text>
        The minutes will read “… attended in place of {member.name}”, and {member.name} is recorded as sending apologies.
      </Text>
      <Field label="Attended in their place" required hint="Not offered: members with a seat on this board (they attend in their own), and anyone already present, in attendance or standing in for another member.">
        <PersonSelect people={view.people.filter((p) => p.id !== member.personId && !taken.has(p.id))} value={personId} onChange={setPersonId} organisationFirst={member.organisation} />
      </Field>
    </FormDialog>
  );
};

/** Why a member was not there, saved when the field is left: for the attendance record, never published. */
const AbsenceReason = ({ name, saved, onSave }: { name: string; saved: string; onSave: (reason: string) => unknown }) => {
  const [reason, setReason] = useState(saved);
  return (
    <Input
      size="small"
      aria-label={`Reason ${name} was not there (not published)`}
      placeholder="Reason (not published)"
      value={reason}
      onChange={(_e, d) => setReason(d.value)}
      onBlur={() => reason.trim() !== saved && onSave(reason.trim())}
    />
  );
};

/** At the top of the tab: whose register names something on this agenda, before anyone scrolls. */
type Conflicts = Loadable<ChannelResult<'interests:conflicts'>>;

const InterestsNotice = ({ conflicts }: { conflicts: Conflicts }) => {
  if (conflicts.status !== 'ready' || conflicts.value.flags.length === 0) return null;
  const flags = conflicts.value.flags;
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        <MessageBarTitle>Possible interests</MessageBarTitle>
        The register of interests names {flags.length === 1 ? 'something' : `${flags.length} things`} on this agenda: {flags.map((f) => `${f.name} (item ${f.number})`).join('; ')}. <a href="#interests-heading">See Possible interests, from the register</a>.
      </MessageBarBody>
    </MessageBar>
  );
};

/**
 * What the register of interests says about this meeting's items (shared/rules/conflicts.ts):
 * each member's possible interests, to declare; and declarations made here that the register does
 * not hold, each a prompt to add it.
 */
const PossibleInterests = ({ view, act, conflicts }: { view: MeetingView; act: ReturnType<typeof useChange>['act']; conflicts: Conflicts }) => {
  const styles = useStyles();
  const [adding, setAdding] = useState<{ personId: string; description: string } | null>(null);
  if (conflicts.status !== 'ready') return null;
  const { flags, notInRegister, policy } = conflicts.value;
  const declared = (f: (typeof flags)[number]) => view.declarations.some((d) => d.personId === f.personId && d.agendaItemId === f.agendaItemId);
  return (
    <section className={styles.section} aria-labelledby="interests-heading">
      <Text as="h3" id="interests-heading" size={500} weight="semibold">
        Possible interests, from the register
      </Text>
      {flags.length === 0 ? (
        <Text className={styles.muted}>The register of interests names nothing on this agenda.</Text>
      ) : (
        <ul className={styles.list} aria-label="Possible interests">
          {flags.map((f) => (
            <li key={`${f.personId}-${f.agendaItemId}-${f.interestId}`}>
              <Text weight="semibold">{f.name}</Text>: item {f.number}, {f.title}. {f.matched}, named in {f.where}; the register: {f.interest}.
              {f.part2 && <> {policy === 'withhold' ? 'Under the board’s policy the item’s Part 2 papers are left out of their own copy of the pack.' : 'The board’s policy sends them the item’s Part 2 papers; they declare at the meeting.'}</>}{' '}
              {declared(f) ? (
                <Text className={styles.muted}>Declared.</Text>
              ) : (
                <Button size="small" onClick={() => act(() => bridge().declarations.add({ meetingId: view.meeting.id, personId: f.personId, agendaItemId: f.agendaItemId, interest: f.interest }))} aria-label={`Record ${f.name}’s declaration on item ${f.number}`}>
                  Record as declared
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {notInRegister.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Declared here, not in the register</MessageBarTitle>
            <ul className={styles.list}>
              {notInRegister.map((d) => (
                <li key={d.id}>
                  {d.name}: {d.interest}{' '}
                  <Button size="small" onClick={() => setAdding({ personId: d.personId, description: d.interest })} aria-label={`Add ${d.name}’s declaration to the register`}>
                    Add to the register…
                  </Button>
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {adding && <AddInterestDialog initial={{ ...adding, from: view.meeting.date }} onClose={() => setAdding(null)} />}
    </section>
  );
};
