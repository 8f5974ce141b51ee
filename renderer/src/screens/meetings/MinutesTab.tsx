import { useState } from 'react';
import { Badge, Button, Field, Input, MessageBar, MessageBarActions, MessageBarBody, Radio, RadioGroup, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { QuorumError } from '@shared/result';
import { FormDialog } from '../../components/FormDialog';
import type { AgendaItemView, MeetingView } from '@shared/rules/meetingView';
import { ItemOptions } from './ItemOptions';
import { bridge, call, useQuery } from '../../bridge';
import { ChangeScope } from '../../components/ChangeScope';
import { ErrorBar } from '../../components/ErrorBar';
import { MarkdownField } from '../../components/MarkdownField';
import { PersonSelect } from '../../components/PersonSelect';
import { formatUkDate } from '../../format';
import { useChange, type Act } from '../../components/useChange';
import { chosenId } from '../../ids';

const useStyles = makeStyles({
  item: { marginTop: '20px', padding: '16px', backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, display: 'flex', flexDirection: 'column', gap: '10px' },
  row: { display: 'flex', gap: '8px', alignItems: 'flex-end', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: '24px' },
});


/** One item's minute, its numbered resolutions and its actions, together as the meeting runs. */
const ItemMinutes = ({ view, item, act }: { view: MeetingView; item: AgendaItemView; act: Act }) => {
  const styles = useStyles();
  const [minutes, setMinutes] = useState(item.minutes);
  // The minute as last saved: when it changes (this officer's save, a restore), a draft that was
  // not being edited follows it, and the editor starts afresh. The resolution and action being
  // typed below are kept.
  const [saved, setSaved] = useState(item.minutes);
  const [editorVersion, setEditorVersion] = useState(0);
  if (item.minutes !== saved) {
    setSaved(item.minutes);
    setEditorVersion((v) => v + 1);
    if (minutes === saved) setMinutes(item.minutes);
  }
  const [resolution, setResolution] = useState('');
  const [rewording, setRewording] = useState<AgendaItemView['resolutions'][number] | null>(null);
  const [action, setAction] = useState({ text: '', ownerPersonId: '', dueDate: '' });
  const dirty = minutes !== item.minutes;
  const label = `item ${item.number}, ${item.title}`;
  const previous = view.previousMeeting;
  return (
    <section className={styles.item} aria-labelledby={`minute-${item.id}`}>
      <Text as="h3" id={`minute-${item.id}`} size={500} weight="semibold">
        {item.number}. {item.title} <Text className={styles.muted}>({item.start})</Text>
      </Text>
      {item.standing === 'minutes' && previous && (
        <Text>
          Minutes of {formatUkDate(previous.date)}:{' '}
          {previous.status === 'held' ? (
            <Button size="small" onClick={() => act(() => bridge().minutes.approve({ meetingId: previous.id, atAgendaItemId: item.id }))}>
              Record them as approved
            </Button>
          ) : (
            <Badge appearance="tint" color={previous.status === 'minutes-approved' ? 'success' : 'informative'}>
              {previous.status === 'minutes-approved' ? 'Approved' : 'Not yet held'}
            </Badge>
          )}
        </Text>
      )}
      <MarkdownField key={editorVersion} label={`Minutes of ${label}`} value={minutes} onChange={setMinutes} />
      <div className={styles.row}>
        <Button appearance="primary" size="small" disabled={!dirty} onClick={() => act(() => bridge().minutes.update({ agendaItemId: item.id, minutes, expectedRev: item.rev }))} aria-label={`Save minute for item ${item.number}`}>
          Save minute
        </Button>
        {dirty && <Text className={styles.muted}>Not saved yet</Text>}
      </div>

      {rewording && <RewordDialog resolution={rewording} itemNumber={item.number} onClose={() => setRewording(null)} />}
      <Text weight="semibold">It was resolved that:</Text>
      {item.resolutions.length === 0 ? (
        <Text className={styles.muted}>No resolutions.</Text>
      ) : (
        <ol className={styles.list} aria-label={`Resolutions on item ${item.number}`}>
          {item.resolutions.map((r) => (
            <li key={r.id}>
              {r.text}{' '}
              <Button size="small" appearance="subtle" onClick={() => setRewording(r)} aria-label={`Reword resolution ${r.number} on item ${item.number}`}>
                Reword…
              </Button>
              <Button size="small" appearance="subtle" onClick={() => act(() => bridge().resolutions.remove({ resolutionId: r.id }))} aria-label={`Remove resolution ${r.number} on item ${item.number}`}>
                Remove
              </Button>
            </li>
          ))}
        </ol>
      )}
      <div className={styles.row}>
        <Field label={`New resolution on item ${item.number}`} style={{ flex: 1, minWidth: '320px' }}>
          <Input value={resolution} onChange={(_e, d) => setResolution(d.value)} placeholder="e.g. The Board notes the progress made." />
        </Field>
        <Button disabled={!resolution.trim()} onClick={async () => (await act(() => bridge().resolutions.add({ agendaItemId: item.id, text: resolution }))) && setResolution('')}>
          Add resolution
        </Button>
      </div>

      <Text weight="semibold">Actions</Text>
      {item.actions.length === 0 ? (
        <Text className={styles.muted}>No actions.</Text>
      ) : (
        <ul className={styles.list} aria-label={`Actions on item ${item.number}`}>
          {item.actions.map((a) => (
            <li key={a.id}>
              {a.text}: {a.owner}, by {formatUkDate(a.dueDate)}
            </li>
          ))}
        </ul>
      )}
      <div className={styles.row}>
        <Field label={`New action on item ${item.number}`} style={{ flex: 1, minWidth: '260px' }}>
          <Input value={action.text} onChange={(_e, d) => setAction((x) => ({ ...x, text: d.value }))} />
        </Field>
        <Field label="Owner">
          <PersonSelect people={view.people} value={action.ownerPersonId} onChange={(ownerPersonId) => setAction((x) => ({ ...x, ownerPersonId }))} />
        </Field>
        <Field label="Due">
          <Input type="date" value={action.dueDate} onChange={(_e, d) => setAction((x) => ({ ...x, dueDate: d.value }))} />
        </Field>
        <Button
          disabled={!action.text.trim() || !action.ownerPersonId || !action.dueDate}
          onClick={async () => {
            const ok = await act(() => bridge().actions.raise({ agendaItemId: item.id, text: action.text, ownerPersonId: chosenId('person', action.ownerPersonId)!, dueDate: action.dueDate }));
            if (ok) setAction({ text: '', ownerPersonId: '', dueDate: '' });
          }}
        >
          Raise action
        </Button>
      </div>
    </section>
  );
};

export const MinutesTab = ({ view }: { view: MeetingView }) => {
  const { act, pending, error, notice, setNotice } = useChange();
  const [correcting, setCorrecting] = useState(false);
  const m = view.meeting;
  if (view.items.length === 0) return <Text>Draft the agenda first; the minutes follow its items.</Text>;
  const frozen = m.status === 'minutes-approved';
  return (
    <>
    {frozen && (
      <MessageBar intent="info">
        <MessageBarBody>These minutes are approved: they are the board’s record. A change is made as a correction agreed at a later meeting, and printed with the minutes.</MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => setCorrecting(true)}>Record a correction…</Button>
        </MessageBarActions>
      </MessageBar>
    )}
    {correcting && (
      <CorrectionDialog
        view={view}
        onClose={(summary) => {
          setCorrecting(false);
          if (summary) setNotice(summary);
        }}
      />
    )}
    <ChangeScope pending={pending} readOnly={frozen}>
      <ErrorBar title="The minutes were not changed" error={error} />
      {notice && !error && (
        <Text role="status" block>
          {notice}
        </Text>
      )}
      {(m.status === 'planned' || m.status === 'agenda-published') && (
        <MessageBar intent="info">
          <MessageBarBody>When the meeting has taken place, mark it as held: its minutes then go, as a draft, into the next meeting’s pack.</MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => act(() => bridge().meetings.update({ meetingId: m.id, date: m.date, startTime: m.startTime, endTime: m.endTime, venue: m.venue, status: 'held', expectedRev: m.rev }))}>Mark as held</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {view.items.map((item) => (
        <ItemMinutes key={item.id} view={view} item={item} act={act} />
      ))}
    </ChangeScope>
    </>
  );
};

const ATTENDANCE_CORRECTIONS = ['present', 'apologies', 'absent', 'in-attendance', 'not-there'] as const;
type AttendanceCorrection = (typeof ATTENDANCE_CORRECTIONS)[number];
const ATTENDANCE_WORDS = { present: 'Present', apologies: 'Apologies', absent: 'Absent', 'in-attendance': 'In attendance', 'not-there': 'Not at the meeting', 'not-recorded': 'Not recorded' } as const;

/** A correction to approved minutes: which item's minute, its corrected text, what changed and why, and the later meeting that agreed it. */
const CorrectionDialog = ({ view, onClose }: { view: MeetingView; onClose: (summary: string | null) => void }) => {
  const styles = useStyles();
  const meetings = useQuery('meetings:list', {});
  const later = meetings.state.status === 'ready' ? meetings.state.value.filter((x) => x.boardId === view.meeting.boardId && x.date > view.meeting.date) : [];
  const [itemId, setItemId] = useState(view.items.find((i) => !i.standing)?.id ?? view.items[0].id);
  const item = view.items.find((i) => i.id === itemId)!;
  const [text, setText] = useState<string | null>(null);
  const [form, setForm] = useState({ change: '', reason: '', agreedAtMeetingId: '', minuteRef: '' });
  // What the correction puts right: an item's minute, or who attended (attendance is frozen too).
  const [what, setWhat] = useState<'minute' | 'attendance'>('minute');
  const [attendee, setAttendee] = useState<{ personId: string; status: AttendanceCorrection }>({ personId: '', status: 'present' });
  const recorded = view.roster.find((r) => r.personId === attendee.personId);
  const [error, setError] = useState<QuorumError | null>(null);
  const agreedAt = form.agreedAtMeetingId || later[0]?.id || '';
  const set = (key: keyof typeof form) => (_e: unknown, d: { value: string }) => setForm((f) => ({ ...f, [key]: d.value }));
  const save = async () => {
    const r = await call('minutes:correct', {
      meetingId: view.meeting.id,
      ...(what === 'minute'
        ? { agendaItemId: item.id, ...(text !== null ? { minutes: text } : {}) }
        : { attendance: { personId: chosenId('person', attendee.personId)!, status: attendee.status } }),
      change: form.change,
      reason: form.reason,
      agreedAtMeetingId: chosenId('meeting', agreedAt)!,
      minuteRef: form.minuteRef,
    });
    if (r.ok) onClose(r.value.summary);
    else setError(r.error);
  };
  return (
    <FormDialog title={`Correct the approved minutes of ${formatUkDate(view.meeting.date)}`} errorTitle="The correction was not recorded" error={error} saveLabel="Record the correction" onSave={save} onClose={() => onClose(null)} saveDisabled={!agreedAt || !form.change.trim() || !form.reason.trim() || (what === 'attendance' && !attendee.personId)} maxWidth="820px">
      <Field label="What it puts right">
        <RadioGroup layout="horizontal" value={what} onChange={(_e, d) => setWhat(d.value as typeof what)}>
          <Radio value="minute" label="An item’s minute" />
          <Radio value="attendance" label="Who attended" />
        </RadioGroup>
      </Field>
      {what === 'attendance' ? (
        <div className={styles.row}>
          <Field label="Person" required hint={recorded ? `Recorded now as: ${ATTENDANCE_WORDS[recorded.status]}${recorded.memberKey ? ` (${recorded.role})` : ''}.` : attendee.personId ? 'Not recorded at this meeting now.' : undefined}>
            <PersonSelect people={view.people} value={attendee.personId} onChange={(personId) => setAttendee((a) => ({ ...a, personId }))} />
          </Field>
          <Field label="As agreed">
            <Select value={attendee.status} onChange={(_e, d) => setAttendee((a) => ({ ...a, status: d.value as AttendanceCorrection }))}>
              {ATTENDANCE_CORRECTIONS.map((s) => (
                <option key={s} value={s}>
                  {ATTENDANCE_WORDS[s]}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      ) : (
        <>
          <Field label="Item">
            <Select
              value={itemId}
              onChange={(_e, d) => {
                setItemId(d.value as typeof itemId);
                setText(null);
              }}
            >
              <ItemOptions items={view.items} />
            </Select>
          </Field>
          <MarkdownField key={item.id} label={`Corrected minute of item ${item.number}`} value={text ?? item.minutes} onChange={setText} />
        </>
      )}
      <Field label="What changed" required validationMessage={error?.fields?.change} hint="e.g. “Paragraph 2: the audit covered 40 cases, not 14.”">
        <Input value={form.change} onChange={set('change')} />
      </Field>
      <Field label="Why" required validationMessage={error?.fields?.reason}>
        <Input value={form.reason} onChange={set('reason')} />
      </Field>
      <Field label="Agreed at the meeting of" required validationMessage={error?.fields?.agreedAtMeetingId ?? (meetings.state.status === 'ready' && later.length === 0 ? 'A correction is agreed at a later meeting: plan the next meeting first' : undefined)}>
        <Select value={agreedAt} onChange={set('agreedAtMeetingId')}>
          {later.map((x) => (
            <option key={x.id} value={x.id}>
              {formatUkDate(x.date)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Minute reference">
        <Input value={form.minuteRef} onChange={set('minuteRef')} />
      </Field>
    </FormDialog>
  );
};

/** A resolution put into the words the board agreed (before the minutes are approved; after, through a correction). */
const RewordDialog = ({ resolution, itemNumber, onClose }: { resolution: AgendaItemView['resolutions'][number]; itemNumber: number; onClose: () => void }) => {
  const [text, setText] = useState(resolution.text);
  const [error, setError] = useState<QuorumError | null>(null);
  const save = async () => {
    const r = await call('resolutions:update', { resolutionId: resolution.id, text, expectedRev: resolution.rev });
    if (r.ok) onClose();
    else setError(r.error);
  };
  return (
    <FormDialog title={`Reword resolution ${resolution.number} on item ${itemNumber}`} errorTitle="The resolution was not changed" error={error} saveLabel="Save the wording" onSave={save} onClose={onClose} saveDisabled={!text.trim() || text === resolution.text}>
      <Field label="Resolution" required validationMessage={error?.fields?.text}>
        <Input value={text} onChange={(_e, d) => setText(d.value)} />
      </Field>
    </FormDialog>
  );
};
