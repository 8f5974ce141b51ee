import { useState } from 'react';
import { Badge, Button, Field, Input, MessageBar, MessageBarActions, MessageBarBody, Spinner, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { QuorumError } from '@shared/result';
import { FormDialog } from '../../components/FormDialog';
import { useChange } from '../../components/useChange';
import type { MeetingView } from '@shared/rules/meetingView';
import { call, useQuery } from '../../bridge';
import { ErrorBar } from '../../components/ErrorBar';
import { formatUkDate } from '../../format';
import { AgendaTab } from './AgendaTab';
import { AttendanceTab } from './AttendanceTab';
import { MeetingDetailsDialog } from './MeetingDetailsDialog';
import { MinutesTab } from './MinutesTab';
import { ExportMenu } from './ExportMenu';
import { MEETING_STATUS_LABEL } from '@shared/rules/labels';

const useStyles = makeStyles({
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: '16px', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: '8px' },
  panel: { marginTop: '16px' },
});

const TABS = ['agenda', 'attendance', 'minutes'] as const;
type TabName = (typeof TABS)[number];
const TAB_LABEL: Record<TabName, string> = { agenda: 'Agenda', attendance: 'Attendance and quorum', minutes: 'Minutes' };

export const MeetingDetail = ({ meetingId, initialTab }: { meetingId: string; initialTab?: TabName }) => {
  const styles = useStyles();
  const { state } = useQuery('meetings:get', { meetingId });
  const [tab, setTab] = useState<TabName>(initialTab ?? 'agenda');
  const [editing, setEditing] = useState(false);
  const [calling, setCalling] = useState<'cancel' | 'delete' | null>(null);
  const { act, pending, error, notice } = useChange();
  if (state.status === 'loading') return <Spinner label="Loading the meeting…" />;
  if (state.status === 'error') return <ErrorBar title="The meeting could not be loaded" error={state.error} />;
  const view: MeetingView = state.value;
  const m = view.meeting;
  return (
    <article aria-labelledby="meeting-heading">
      <div className={styles.header}>
        <div>
          <Text as="h2" id="meeting-heading" size={700} weight="semibold" block>
            {view.boardName}
          </Text>
          <Text block>
            {formatUkDate(m.date, true)}, {m.startTime}–{m.endTime}
            {m.venue ? `, ${m.venue}` : ''}
          </Text>
          <Text block className={styles.muted}>
            Paper deadline {formatUkDate(view.paperDeadline)} ({view.clearDays} clear working days) ·{' '}
            <Badge appearance="tint">{MEETING_STATUS_LABEL[m.status]}</Badge>
          </Text>
        </div>
        <div className={styles.actions}>
          {m.status !== 'minutes-approved' && <Button onClick={() => setEditing(true)}>Edit details…</Button>}
          {(m.status === 'planned' || m.status === 'agenda-published') && <Button onClick={() => setCalling('cancel')}>Cancel the meeting…</Button>}
          {m.status !== 'held' && m.status !== 'minutes-approved' && <Button onClick={() => setCalling('delete')}>Delete…</Button>}
          <ExportMenu meetingId={m.id} boardId={m.boardId} />
        </div>
      </div>
      <ErrorBar title="The meeting was not changed" error={error} />
      {notice && !error && (
        <Text role="status" block>
          {notice}
        </Text>
      )}
      {m.status === 'cancelled' && (
        <MessageBar intent="warning">
          <MessageBarBody>
            Cancelled{m.cancellation ? ` on ${formatUkDate(m.cancellation.on)}: ${m.cancellation.reason}` : ''}. It is kept in the board’s history, and left out of the meetings a year, the paper chase and the packs.
          </MessageBarBody>
          <MessageBarActions>
            <Button disabled={pending} onClick={() => act(() => call('meetings:update', { meetingId: m.id, date: m.date, startTime: m.startTime, endTime: m.endTime, venue: m.venue, status: 'planned', expectedRev: m.rev }))}>
              Reinstate
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <TabList selectedValue={tab} onTabSelect={(_e, d) => setTab(d.value as TabName)} aria-label="Meeting">
        {TABS.map((t) => (
          <Tab key={t} value={t}>
            {TAB_LABEL[t]}
          </Tab>
        ))}
      </TabList>
      <div className={styles.panel} role="tabpanel" aria-label={TAB_LABEL[tab]}>
        {tab === 'agenda' && <AgendaTab view={view} />}
        {tab === 'attendance' && <AttendanceTab view={view} />}
        {tab === 'minutes' && <MinutesTab view={view} />}
      </div>
      {editing && <MeetingDetailsDialog meeting={m} onClose={() => setEditing(false)} />}
      {calling && <CallOffDialog view={view} mode={calling} onClose={() => setCalling(null)} />}
    </article>
  );
};

/** Cancelling (with why; kept in the history) or deleting a meeting planned by mistake (only while it has no business). */
const CallOffDialog = ({ view, mode, onClose }: { view: MeetingView; mode: 'cancel' | 'delete'; onClose: () => void }) => {
  const m = view.meeting;
  const [reason, setReason] = useState('');
  const [error, setError] = useState<QuorumError | null>(null);
  const when = `${view.boardName}, ${formatUkDate(m.date)}`;
  const save = async () => {
    const r = mode === 'cancel' ? await call('meetings:cancel', { meetingId: m.id, reason, expectedRev: m.rev }) : await call('meetings:delete', { meetingId: m.id });
    if (r.ok) onClose();
    else setError(r.error);
  };
  return mode === 'cancel' ? (
    <FormDialog title={`Cancel the meeting of ${when}`} errorTitle="The meeting was not cancelled" error={error} saveLabel="Cancel the meeting" cancelLabel="Keep it" onSave={save} onClose={onClose} saveDisabled={!reason.trim()}>
      <Text>It stays in the board’s history as cancelled, with the reason, and leaves the meetings a year, the paper chase and the packs.</Text>
      <Field label="Why it is cancelled" required validationMessage={error?.fields?.reason}>
        <Input value={reason} onChange={(_e, d) => setReason(d.value)} placeholder="e.g. Not quorate: three partners sent apologies" />
      </Field>
    </FormDialog>
  ) : (
    <FormDialog title={`Delete the meeting of ${when}`} errorTitle="The meeting was not deleted" error={error} saveLabel="Delete the meeting" cancelLabel="Keep it" onSave={save} onClose={onClose}>
      <Text>For a meeting planned by mistake. One with an agenda, attendance, actions or anything else recorded is cancelled instead, so its history is kept.</Text>
    </FormDialog>
  );
};
