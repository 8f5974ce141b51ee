import { useState } from 'react';
import { Badge, Button, Spinner, Text, Title1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CalendarAdd20Regular } from '@fluentui/react-icons';
import type { MeetingSummary } from '@shared/views';
import { useQuery } from '../../bridge';
import { ErrorBar } from '../../components/ErrorBar';
import { formatUkDate } from '../../format';
import { MeetingDetail } from './MeetingDetail';
import { AddABoardFirst } from '../../components/FirstDo';
import { ImportMeetingsDialog } from '../../components/imports/ImportMeetingsDialog';
import { PlanMeetingDialog } from './PlanMeetingDialog';
import type { MeetingTab } from '../../navigation';
import { MEETING_STATUS_LABEL } from '@shared/rules/labels';

const useStyles = makeStyles({
  layout: { display: 'grid', gridTemplateColumns: '230px minmax(0, 1fr)', gap: '24px', alignItems: 'start', marginTop: '16px' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '4px' },
  board: { marginTop: '12px', color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightSemibold },
  entry: { width: '100%', justifyContent: 'space-between', textAlign: 'left', fontWeight: tokens.fontWeightRegular },
  current: { backgroundColor: tokens.colorBrandBackground2 },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
  earlier: { marginTop: '12px', textAlign: 'left', fontWeight: tokens.fontWeightRegular },
  // The status keeps its one line; the date beside it wraps instead.
  status: { flexShrink: 0, whiteSpace: 'nowrap' },
});

/**
 * The meetings the list shows: every one to come, and those of the twelve months before the next
 * meeting (or the last, when none is planned), plus a year more for each time the officer asks. Forty years of a partnership
 * is some 500 meetings; a list of them all is slow to draw and hard to find anything in. The chosen
 * meeting is always shown, however old.
 */
export const recentMeetings = (list: readonly MeetingSummary[], selectedId: string | null, earlierYears: number) => {
  const anchor = list.find((m) => m.isNext)?.date ?? list.at(-1)?.date;
  if (!anchor) return { shown: list, hidden: 0, before: undefined };
  const from = `${Number(anchor.slice(0, 4)) - 1 - earlierYears}${anchor.slice(4)}`;
  const shown = list.filter((m) => m.date >= from || m.id === selectedId);
  return { shown, hidden: list.length - shown.length, before: from };
};


/** Every board's meetings, next one first chosen; the chosen meeting's agenda, attendance and minutes beside. */
export const MeetingsScreen = ({ openMeetingId, openTab }: { openMeetingId?: string | null; openTab?: MeetingTab }) => {
  const styles = useStyles();
  const meetings = useQuery('meetings:list', {});
  const boards = useQuery('boards:list', {});
  const partnership = useQuery('partnership:get', {});
  const [chosen, setChosen] = useState<string | null>(openMeetingId ?? null);
  const [planning, setPlanning] = useState(false);
  const [planningYear, setPlanningYear] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  /** Years of earlier meetings the officer has asked to see, beyond the last twelve months. */
  const [earlierYears, setEarlierYears] = useState(0);
  const dashboard = useQuery('dashboard:get', planningYear ? {} : null);
  if (meetings.state.status === 'loading') return <Spinner label="Loading meetings…" />;
  if (meetings.state.status === 'error') return <ErrorBar title="The meetings could not be loaded" error={meetings.state.error} />;
  const list = meetings.state.value;
  const selected = chosen && list.some((m) => m.id === chosen) ? chosen : (list.find((m) => m.isNext)?.id ?? list.at(-1)?.id ?? null);
  const { shown, hidden, before } = recentMeetings(list, selected, earlierYears);
  const byBoard = new Map<string, MeetingSummary[]>();
  for (const m of shown) byBoard.set(m.boardName, [...(byBoard.get(m.boardName) ?? []), m]);
  return (
    <>
      <div className={styles.head}>
        <Title1 as="h1">Meetings</Title1>
        <Button icon={<CalendarAdd20Regular />} onClick={() => setPlanning(true)} disabled={boards.state.status !== 'ready' || boards.state.value.length === 0}>
          Plan a meeting…
        </Button>
        <Button onClick={() => setPlanningYear(true)} disabled={boards.state.status !== 'ready' || boards.state.value.length === 0}>
          Add the year’s meetings…
        </Button>
        {boards.state.status === 'ready' && boards.state.value.length === 0 && <AddABoardFirst what="Planning a meeting" />}
      </div>
      {notice && (
        <Text role="status" block>
          {notice}
        </Text>
      )}
      <div className={styles.layout}>
        <nav aria-label="Meetings by board">
          {[...byBoard.entries()].map(([board, ms]) => (
            <section key={board} aria-label={board}>
              <Text as="h2" block className={styles.board} size={300}>
                {board}
              </Text>
              <ul className={styles.list}>
                {ms.map((m) => (
                  <li key={m.id}>
                    <Button appearance="subtle" className={mergeClasses(styles.entry, m.id === selected && styles.current)} aria-current={m.id === selected ? 'page' : undefined} onClick={() => setChosen(m.id)}>
                      <span>{formatUkDate(m.date)}</span>
                      <Badge className={styles.status} appearance="tint" color={m.isNext ? 'brand' : m.status === 'planned' ? 'informative' : 'subtle'}>
                        {m.isNext ? 'Next' : MEETING_STATUS_LABEL[m.status]}
                      </Badge>
                    </Button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          {list.length === 0 && <Text>No meetings yet. Plan one to start.</Text>}
          {hidden > 0 && (
            <Button appearance="subtle" className={styles.earlier} onClick={() => setEarlierYears((n) => n + 1)}>
              Show the year before {formatUkDate(before!)} ({hidden} earlier meeting{hidden === 1 ? '' : 's'})
            </Button>
          )}
        </nav>
        <div>{selected && <MeetingDetail key={selected} meetingId={selected} initialTab={selected === openMeetingId ? openTab : undefined} />}</div>
      </div>
      {planningYear && boards.state.status === 'ready' && dashboard.state.status === 'ready' && dashboard.state.value && (
        <ImportMeetingsDialog
          boards={boards.state.value}
          today={dashboard.state.value.today}
          defaultVenue={partnership.state.status === 'ready' ? (partnership.state.value?.defaultVenue ?? '') : ''}
          onClose={(summary) => {
            setPlanningYear(false);
            if (summary) setNotice(summary);
          }}
        />
      )}
      {planning && boards.state.status === 'ready' && (
        <PlanMeetingDialog
          boards={boards.state.value}
          defaultVenue={partnership.state.status === 'ready' ? (partnership.state.value?.defaultVenue ?? '') : ''}
          onClose={(id) => {
            setPlanning(false);
            if (id) setChosen(id);
          }}
        />
      )}
    </>
  );
};
