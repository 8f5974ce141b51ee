import { useState } from 'react';
import { Badge, Button, Checkbox, Field, Input, MessageBar, MessageBarActions, MessageBarBody, Radio, RadioGroup, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { QuorumError } from '@shared/result';
import { FormDialog } from '../../components/FormDialog';
import type { AgendaItemView, MeetingView } from '@shared/rules/meetingView';
import { ItemOptions } from './ItemOptions';
import { bridge, call, useQuery } from '../../bridge';
import { ChangeScope } from '../../components/ChangeScope';
import { ErrorBar } from '../../components/ErrorBar';
import { MarkdownField } from '../../components/MarkdownField';
import { MarkdownView } from '../../components/MarkdownView';
import { PersonSelect } from '../../components/PersonSelect';
import { PartTwoFields, type PartTwoChoice } from '../../components/PartTwoDialog';
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
const ItemMinutes = ({ view, item, act, frozen }: { view: MeetingView; item: AgendaItemView; act: Act; /** Approved: shown as the record, with nothing to type into or save. */ frozen: boolean }) => {
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
  const [approving, setApproving] = useState(false);
  // Due before the meeting that raises it: probably a slip, said as it is typed and confirmed before it is saved.
  const dueEarly = Boolean(action.dueDate) && action.dueDate < view.meeting.date;
  const [earlyConfirmed, setEarlyConfirmed] = useState(false);
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
            <Button size="small" onClick={() => setApproving(true)}>
              Record them as approved…
            </Button>
          ) : (
            <Badge appearance="tint" color={previous.status === 'minutes-approved' ? 'success' : 'informative'}>
              {previous.status === 'minutes-approved' ? 'Approved' : 'Not yet held'}
            </Badge>
          )}
        </Text>
      )}
      {frozen ? (
        <div role="region" aria-label={`Minutes of ${label}`}>
          {item.minutes.trim() ? <MarkdownView markdown={item.minutes} headingBase={3} /> : <Text className={styles.muted}>No minute was recorded.</Text>}
        </div>
      ) : (
        <MarkdownField key={editorVersion} label={`Minutes of ${label}`} value={minutes} onChange={setMinutes} />
      )}
      {!frozen && (
      <div className={styles.row}>
        <Button appearance="primary" size="small" disabled={!dirty} onClick={() => act(() => bridge().minutes.update({ agendaItemId: item.id, minutes, expectedRev: item.rev }))} aria-label={`Save minute for item ${item.number}`}>
          Save minute
        </Button>
        {dirty && <Text className={styles.muted}>Not saved yet</Text>}
      </div>
      )}

      {rewording && <RewordDialog resolution={rewording} itemNumber={item.number} onClose={() => setRewording(null)} />}
      <Text weight="semibold">It was resolved that:</Text>
      {item.resolutions.length === 0 ? (
        <Text className={styles.muted}>No resolutions.</Text>
      ) : (
        <ol className={styles.list} aria-label={`Resolutions on item ${item.number}`}>
          {item.resolutions.map((r) => (
            <li key={r.id}>
              {r.text}{' '}
              {!frozen && (
                <>
                  <Button size="small" appearance="subtle" onClick={() => setRewording(r)} aria-label={`Reword resolution ${r.number} on item ${item.number}`}>
                    Reword…
                  </Button>
                  <Button size="small" appearance="subtle" onClick={() => act(() => bridge().resolutions.remove({ resolutionId: r.id }))} aria-label={`Remove resolution ${r.number} on item ${item.number}`}>
                    Remove
                  </Button>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {!frozen && (
      <div className={styles.row}>
        <Field label={`New resolution on item ${item.number}`} style={{ flex: 1, minWidth: '320px' }}>
          <Input value={resolution} onChange={(_e, d) => setResolution(d.value)} placeholder="e.g. The Board notes the progress made." />
        </Field>
        <Button disabled={!resolution.trim()} onClick={async () => (await act(() => bridge().resolutions.add({ agendaItemId: item.id, text: resolution }))) && setResolution('')}>
          Add resolution
        </Button>
      </div>
      )}

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
      {approving && previous && <ApproveMinutesDialog previous={previous} meeting={view.meeting} itemId={item.id} itemNumber={item.number} onClose={() => setApproving(false)} />}
      {!frozen && (
      <div className={styles.row}>
        <Field label={`New action on item ${item.number}`} style={{ flex: 1, minWidth: '260px' }}>
          <Input value={action.text} onChange={(_e, d) => setAction((x) => ({ ...x, text: d.value }))} />
        </Field>
        <Field label="Owner">
          <PersonSelect people={view.people} value={action.ownerPersonId} onChange={(ownerPersonId) => setAction((x) => ({ ...x, ownerPersonId }))} />
        </Field>
        <Field label="Due" validationState={dueEarly ? 'warning' : 'none'} validationMessage={dueEarly ? `Before this meeting (${formatUkDate(view.meeting.date)})` : undefined}>
          <Input
            type="date"
            value={action.dueDate}
            onChange={(_e, d) => {
              setAction((x) => ({ ...x, dueDate: d.value }));
              setEarlyConfirmed(false);
            }}
          />
        </Field>
        {dueEarly && <Checkbox checked={earlyConfirmed} onChange={(_e, d) => setEarlyConfirmed(Boolean(d.checked))} label="It was due before the meeting" />}
        <Button
          disabled={!action.text.trim() || !action.ownerPersonId || !action.dueDate || (dueEarly && !earlyConfirmed)}
          onClick={async () => {
            const ok = await act(() => bridge().actions.raise({ agendaItemId: item.id, text: action.text, ownerPersonId: chosenId('person', action.ownerPersonId)!, dueDate: action.dueDate, ...(dueEarly ? { confirmed: earlyConfirmed } : {}) }));
            if (ok) {
              setAction({ text: '', ownerPersonId: '', dueDate: '' });
              setEarlyConfirmed(false);
            }
          }}
        >
          Raise action
        </Button>
      </div>
      )}
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
        <ItemMinutes key={item.id} view={view} item={item} act={act} frozen={frozen} />
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
  const [what, setWhat] = useState<'minute' | 'item' | 'resolution' | 'attendance'>('minute');
  const [title, setTitle] = useState<string | null>(null);
  const [partTwo, setPartTwo] = useState<PartTwoChoice | null>(null);
  const shownPartTwo: PartTwoChoice = partTwo ?? { inPart2: Boolean(item.part2), paragraph: item.part2?.paragraph ?? 3, reason: item.part2?.reason ?? '', publicTitle: item.part2?.publicTitle ?? '' };
  const allResolutions = view.items.flatMap((i) => i.resolutions.map((r) => ({ ...r, itemNumber: i.number })));
  const [resolutionId, setResolutionId] = useState<string>(allResolutions[0]?.id ?? '');
  const resolution = allResolutions.find((r) => r.id === resolutionId);
  const [wording, setWording] = useState<string | null>(null);
  const [attendee, setAttendee] = useState<{ personId: string; status: AttendanceCorrection }>({ personId: '', status: 'present' });
  const recorded = view.roster.find((r) => r.personId === attendee.personId);
  const [error, setError] = useState<QuorumError | null>(null);
  const agreedAt = form.agreedAtMeetingId || later[0]?.id || '';
  // Choosing another item starts its corrections afresh.
  const itemField = (
    <Field label="Item">
      <Select
        value={itemId}
        onChange={(_e, d) => {
          setItemId(d.value as typeof itemId);
          setText(null);
          setTitle(null);
          setPartTwo(null);
        }}
      >
        <ItemOptions items={view.items} />
      </Select>
    </Field>
  );
  const set = (key: keyof typeof form) => (_e: unknown, d: { value: string }) => setForm((f) => ({ ...f, [key]: d.value }));
  const save = async () => {
    const r = await call('minutes:correct', {
      meetingId: view.meeting.id,
      ...(what === 'minute'
        ? { agendaItemId: item.id, ...(text !== null ? { minutes: text } : {}) }
        : what === 'item'
          ? { agendaItemId: item.id, ...(title !== null && title.trim() ? { title } : {}), ...(partTwo ? { part2: partTwo.inPart2 ? { paragraph: partTwo.paragraph, reason: partTwo.reason, publicTitle: partTwo.publicTitle } : null } : {}) }
          : what === 'resolution'
            ? { resolution: { resolutionId: chosenId('resolution', resolutionId)!, text: wording ?? resolution?.text ?? '' } }
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
          <Radio value="item" label="An item’s title or Part 2" />
          {allResolutions.length > 0 && <Radio value="resolution" label="A resolution’s wording" />}
          <Radio value="attendance" label="Who attended" />
        </RadioGroup>
      </Field>
      {what === 'resolution' && resolution ? (
        <>
          <Field label="Resolution">
            <Select
              value={resolutionId}
              onChange={(_e, d) => {
                setResolutionId(d.value);
                setWording(null);
              }}
            >
              {allResolutions.map((r) => (
                <option key={r.id} value={r.id}>
                  Item {r.itemNumber}, resolution {r.number}: {r.text.slice(0, 80)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={`Corrected wording of resolution ${resolution.number}`} required>
            <Input value={wording ?? resolution.text} onChange={(_e, d) => setWording(d.value)} />
          </Field>
        </>
      ) : what === 'item' ? (
        <>
          {itemField}
          <Field label={`Title of item ${item.number}`} hint="Its number stays as published.">
            <Input value={title ?? item.title} onChange={(_e, d) => setTitle(d.value)} />
          </Field>
          {!item.standing && <PartTwoFields title={item.title} value={shownPartTwo} onChange={setPartTwo} />}
        </>
      ) : what === 'attendance' ? (
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
          {itemField}
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

/** Approving the last meeting's minutes at this one: asked once, naming both meetings, with the minute reference. */
const ApproveMinutesDialog = ({ previous, meeting, itemId, itemNumber, onClose }: { previous: NonNullable<MeetingView['previousMeeting']>; meeting: MeetingView['meeting']; itemId: AgendaItemView['id']; itemNumber: number; onClose: () => void }) => {
  const [minuteRef, setMinuteRef] = useState('');
  const [error, setError] = useState<QuorumError | null>(null);
  const save = async ({ confirmed }: { confirmed: boolean }) => {
    const r = await call('minutes:approve', { meetingId: previous.id, atAgendaItemId: itemId, minuteRef, ...(confirmed ? { confirmed } : {}) });
    if (r.ok) onClose();
    else setError(r.error);
  };
  return (
    <FormDialog title={`Approve the minutes of ${formatUkDate(previous.date)}?`} errorTitle="The minutes were not approved" error={error} saveLabel="Approve the minutes" onSave={save} onClose={onClose}>
      <Text>
        The minutes of the meeting of {formatUkDate(previous.date)} will be recorded as approved at the meeting of {formatUkDate(meeting.date)}, item {itemNumber}. From then on they are the board’s record: they change only by a correction agreed at a later meeting.
      </Text>
      <Field label="Minute reference" hint="e.g. CT/24/2">
        <Input value={minuteRef} onChange={(_e, d) => setMinuteRef(d.value)} />
      </Field>
    </FormDialog>
  );
};
