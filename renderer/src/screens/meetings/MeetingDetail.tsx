import { useState } from 'react';
import { Badge, Button, Spinner, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { MeetingView } from '@shared/rules/meetingView';
import { useQuery } from '../../bridge';
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
          <Button onClick={() => setEditing(true)}>Edit details…</Button>
          <ExportMenu meetingId={m.id} boardId={m.boardId} />
        </div>
      </div>
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
    </article>
  );
};
