import { Badge, Button, Card, CardHeader, Spinner, Text, Title1, Title3, makeStyles, tokens } from '@fluentui/react-components';
import type { BoardSummary, ProtocolSummary } from '@shared/rules/dashboard';
import { useQuery } from '../bridge';
import { ErrorBar } from '../components/ErrorBar';
import { formatUkDate, relativeDays } from '../format';
import type { Destination } from '../navigation';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(360px, 1fr))', gap: '16px', marginTop: '16px' },
  card: { padding: '16px' },
  lines: { display: 'flex', flexDirection: 'column', gap: '8px', margin: 0, padding: 0, listStyle: 'none' },
  line: { display: 'flex', justifyContent: 'space-between', gap: '12px', alignItems: 'baseline' },
  ruled: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: '8px' },
  muted: { color: tokens.colorNeutralForeground3 },
  section: { marginTop: '32px' },
});

const deadlineBadge = (days: number, outstanding: number, requested: number) => {
  if (requested === 0) return <Badge appearance="tint" color="informative">No papers requested yet</Badge>;
  if (outstanding === 0) return <Badge appearance="tint" color="success">All papers in</Badge>;
  if (days < 0) return <Badge appearance="filled" color="danger">Deadline passed</Badge>;
  if (days <= 5) return <Badge appearance="filled" color="warning">Deadline soon</Badge>;
  return <Badge appearance="tint" color="informative">On time</Badge>;
};

const BoardCard = ({ board }: { board: BoardSummary }) => {
  const styles = useStyles();
  const m = board.nextMeeting;
  return (
    <Card className={styles.card} aria-labelledby={`${board.boardId}-title`}>
      <CardHeader header={<Text as="h2" id={`${board.boardId}-title`} weight="semibold" size={500}>{board.name}</Text>} />
      <ul className={styles.lines}>
        {m ? (
          <>
            <li className={styles.line} data-testid="next-meeting">
              <Text>Next meeting</Text>
              <Text weight="semibold">
                {formatUkDate(m.date, true)}, {m.startTime}
              </Text>
            </li>
            <li className={styles.line}>
              <Text className={styles.muted}>Venue</Text>
              <Text>{m.venue || 'Not set'}</Text>
            </li>
            <li className={styles.line} data-testid="paper-deadline">
              <Text>
                Paper deadline ({m.clearWorkingDays} clear working days)
              </Text>
              <Text>
                {formatUkDate(m.paperDeadline)} ({relativeDays(m.daysToPaperDeadline)}) {deadlineBadge(m.daysToPaperDeadline, m.papersOutstanding.length, m.papersRequested)}
              </Text>
            </li>
            <li className={styles.line}>
              <Text>Papers outstanding</Text>
              <Text weight="semibold">{m.papersOutstanding.length}</Text>
            </li>
            {m.papersOutstanding.map((p) => (
              <li key={p.agendaItemId} className={styles.line}>
                <Text className={styles.muted}>· {p.title}</Text>
                <Text className={styles.muted}>{p.author}</Text>
              </li>
            ))}
            {m.deepDivesExpected > 0 && (
              <li className={styles.line}>
                <Text>Deep dive</Text>
                {m.deepDiveThemes.length > 0 ? (
                  <Text>{m.deepDiveThemes.join('; ')}</Text>
                ) : (
                  <Badge appearance="filled" color="warning">None scheduled ({m.deepDivesExpected} expected)</Badge>
                )}
              </li>
            )}
          </>
        ) : (
          <li className={styles.line}>
            <Text>No meeting is planned.</Text>
          </li>
        )}
        <li className={`${styles.line} ${styles.ruled}`} data-testid="actions">
          <Text>Actions open</Text>
          <Text>
            {board.openActions}
            {board.overdueActions > 0 ? (
              <>
                {' '}
                <Badge appearance="filled" color="danger">{board.overdueActions} overdue</Badge>
              </>
            ) : null}
          </Text>
        </li>
        {board.torReview && (
          <li className={styles.line}>
            <Text>Terms of reference review</Text>
            <Text>
              {formatUkDate(board.torReview.date)}{' '}
              {board.torReview.daysUntil <= 60 && (
                <Badge appearance="filled" color={board.torReview.daysUntil < 0 ? 'danger' : 'warning'}>
                  {board.torReview.daysUntil < 0 ? 'Overdue' : `Due ${relativeDays(board.torReview.daysUntil)}`}
                </Badge>
              )}
            </Text>
          </li>
        )}
      </ul>
    </Card>
  );
};

const ProtocolCard = ({ p }: { p: ProtocolSummary }) => {
  const styles = useStyles();
  return (
    <Card className={styles.card}>
      <CardHeader header={<Text as="h3" weight="semibold">{p.title}</Text>} />
      <ul className={styles.lines}>
        <li className={styles.line}>
          <Text>Status</Text>
          <Text>
            Version {p.version}: <Badge appearance="tint" color={p.status === 'agreed' ? 'success' : 'informative'}>{p.status}</Badge>
          </Text>
        </li>
        <li className={styles.line}>
          <Text>Signed off</Text>
          <Text>
            {p.signedBy} of {p.parties} boards
          </Text>
        </li>
        <li className={styles.line}>
          <Text>Comments awaiting a response</Text>
          <Text>{p.openComments}</Text>
        </li>
        <li className={styles.line}>
          <Text>Review date</Text>
          <Text>
            {formatUkDate(p.reviewDate)}{' '}
            {p.reviewDaysUntil <= 60 && (
              <Badge appearance="filled" color={p.reviewDaysUntil < 0 ? 'danger' : 'warning'}>
                {p.reviewDaysUntil < 0 ? 'Overdue' : `Due ${relativeDays(p.reviewDaysUntil)}`}
              </Badge>
            )}
          </Text>
        </li>
      </ul>
    </Card>
  );
};

/**
 * A partnership started empty: what to set up, in order, each step a link to where it is done
 * (every step can be done later too).
 */
const SetUpSteps = ({ onNavigate }: { onNavigate: (to: Destination) => void }) => {
  const { state } = useQuery('people:directory', {});
  const boards = useQuery('boards:all', {});
  const partnership = useQuery('partnership:get', {});
  if (state.status !== 'ready' || boards.state.status !== 'ready') return <Spinner label="Loading…" />;
  const organisations = state.value.organisations.filter((o) => !o.retiredOn).length;
  const people = state.value.people.filter((p) => !p.retiredOn).length;
  const open = boards.state.value.filter((b) => !b.closedOn);
  const withTor = open.filter((b) => b.hasApprovedTermsOfReference).length;
  const drafts = open.filter((b) => b.hasTermsOfReference && !b.hasApprovedTermsOfReference).length;
  const meeting = open.filter((b) => b.meetings > 0).length;
  // Once every board has approved terms of reference and its meetings, the boards' cards say the rest.
  if (open.length > 0 && withTor === open.length && meeting === open.length) return null;
  const details = partnership.state.status === 'ready' ? partnership.state.value : null;
  const steps: { label: string; done: string; to: Destination; action: string }[] = [
    { label: 'The partnership: its area, contact and logo for the pack cover', done: [details?.area ? 'area set' : 'no area', details?.contact.name ? 'contact set' : 'no contact', details?.logo ? 'logo set' : 'no logo'].join(', '), to: { area: 'settings' }, action: 'Add the details' },
    { label: 'The partner organisations', done: `${organisations} added`, to: { area: 'people', tab: 'organisations' }, action: 'Add organisations' },
    { label: 'The people: members, deputies, paper authors (add them one by one, or import a spreadsheet)', done: `${people} added`, to: { area: 'people', tab: 'people' }, action: 'Add people' },
    { label: 'The boards', done: `${open.length} added`, to: { area: 'people', tab: 'boards' }, action: 'Add boards' },
    { label: 'Each board’s terms of reference (write them, or import them from Word), approved', done: `${withTor} of ${open.length} ${open.length === 1 ? 'board' : 'boards'} approved${drafts ? `, ${drafts} in draft` : ''}`, to: { area: 'tor' }, action: 'Write terms of reference' },
    { label: 'The year’s meetings (from a list of dates or the board’s rule)', done: `${meeting} of ${open.length} ${open.length === 1 ? 'board' : 'boards'} with meetings`, to: { area: 'meetings' }, action: 'Add meetings' },
  ];
  return (
    <section aria-label="Set up your partnership">
      <Title3 as="h2" block>
        Set up your partnership
      </Title3>
      <Text as="p" block>
        Quorum works from your own boards and people. Each step can be done now or later, from its screen.
      </Text>
      <ol>
        {steps.map((s) => (
          <li key={s.label} style={{ marginBottom: '8px' }}>
            <Text weight="semibold">{s.label}</Text> <Text>({s.done})</Text>{' '}
            <Button size="small" onClick={() => onNavigate(s.to)}>
              {s.action}
            </Button>
          </li>
        ))}
      </ol>
    </section>
  );
};

export const Dashboard = ({ onNavigate }: { onNavigate: (to: Destination) => void }) => {
  const styles = useStyles();
  const { state } = useQuery('dashboard:get', {});
  if (state.status === 'loading') return <Spinner label="Loading the dashboard…" />;
  if (state.status === 'error') return <ErrorBar title="The dashboard could not be loaded" error={state.error} />;
  const dash = state.value;
  return (
    <>
      <Title1 as="h1" block>
        {dash.partnershipName || 'Dashboard'}
      </Title1>
      <Text as="p" block className={styles.muted}>
        Today is {formatUkDate(dash.today, true)}.
      </Text>
      <SetUpSteps onNavigate={onNavigate} />
      {dash.boards.length === 0 ? null : (
        <section className={styles.grid} aria-label="Boards">
          {dash.boards.map((b) => (
            <BoardCard key={b.boardId} board={b} />
          ))}
        </section>
      )}
      {dash.boards.length > 0 && (
        <section className={styles.section} aria-labelledby="clocks-heading">
          <Text as="h2" id="clocks-heading" size={600} weight="semibold">
            Statutory clocks
          </Text>
          {dash.clocks.length === 0 ? (
            <Text as="p" block>
              Nothing statutory is overdue or due in the next four weeks.
            </Text>
          ) : (
            <ul aria-label="Statutory clocks due">
              {dash.clocks.map((o) => (
                <li key={o.id}>
                  <Text weight={o.status === 'overdue' ? 'semibold' : 'regular'}>
                    {o.board}: {o.message}.
                  </Text>{' '}
                  <Text className={styles.muted}>
                    ({o.source}){o.decision ? ` ${o.decision.words}` : ''}
                  </Text>
                </li>
              ))}
            </ul>
          )}
          {dash.clocksToSet > 0 && (
            <Text as="p" block className={styles.muted}>
              {dash.clocksToSet === 1 ? 'One duty waits' : `${dash.clocksToSet} duties wait`} for the date it was last done before Quorum can count to the next.
            </Text>
          )}
          <Button onClick={() => onNavigate({ area: 'clocks' })}>Open the statutory clocks</Button>
        </section>
      )}
      {dash.planFindings.length > 0 && (
        <section className={styles.section} aria-labelledby="checks-heading">
          <Text as="h2" id="checks-heading" size={600} weight="semibold">
            Checks against the terms of reference
          </Text>
          <ul aria-label="Checks">
            {dash.planFindings.map((f) => (
              <li key={`${f.kind}-${f.meetingId ?? ''}-${f.deepDiveId ?? ''}-${f.forwardPlanItemId ?? ''}-${f.boardId}`}>
                <Text>{f.message}</Text>
              </li>
            ))}
          </ul>
        </section>
      )}
      {dash.protocols.length > 0 && (
        <section className={styles.section} aria-labelledby="protocols-heading">
          <Text as="h2" id="protocols-heading" size={600} weight="semibold">
            Protocols between the boards
          </Text>
          <div className={styles.grid}>
            {dash.protocols.map((p) => (
              <ProtocolCard key={p.protocolId} p={p} />
            ))}
          </div>
        </section>
      )}
    </>
  );
};
