import { Badge, Button, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useQuery } from '../bridge';
import { ErrorBar } from '../components/ErrorBar';
import { formatUkDate, relativeDays } from '../format';

const useStyles = makeStyles({ muted: { color: tokens.colorNeutralForeground3 }, intro: { margin: '8px 0 16px' } });

/** Papers asked for and not yet in, across the boards' coming meetings: who owes what, by when. */
export const PapersScreen = ({ onOpenMeeting }: { onOpenMeeting: (meetingId: string) => void }) => {
  const styles = useStyles();
  const { state } = useQuery('papers:outstanding', {});
  const clearance = useQuery('papers:awaitingClearance', {});
  return (
    <>
      <Title1 as="h1" block>
        Papers outstanding
      </Title1>
      <Text as="p" block className={mergeClasses(styles.muted, styles.intro)}>
        Deadlines are counted in clear working days from each board’s terms of reference, leaving out weekends and England and Wales bank holidays.
      </Text>
      {state.status === 'loading' && <Spinner label="Loading papers…" />}
      {state.status === 'error' && <ErrorBar title="The papers could not be loaded" error={state.error} />}
      {state.status === 'ready' &&
        (state.value.length === 0 ? (
          <Text>Every paper asked for is in.</Text>
        ) : (
          <Table aria-label="Papers outstanding" size="small">
            <TableHeader>
              <TableRow>
                {/* Shares of the width, not fixed widths: on a laptop's window the paper's title keeps over a quarter of the table. */}
                <TableHeaderCell>Paper</TableHeaderCell>
                <TableHeaderCell style={{ width: '17%' }}>From</TableHeaderCell>
                <TableHeaderCell style={{ width: '21%' }}>Meeting</TableHeaderCell>
                <TableHeaderCell style={{ width: '18%' }}>Deadline</TableHeaderCell>
                <TableHeaderCell style={{ width: '12%' }}>Meeting page</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {state.value.map((p) => (
                <TableRow key={p.agendaItemId}>
                  <TableCell>{p.title}</TableCell>
                  <TableCell>{p.author}</TableCell>
                  <TableCell>
                    {p.boardName}, {formatUkDate(p.meetingDate)}
                  </TableCell>
                  <TableCell>
                    {formatUkDate(p.deadline)}{' '}
                    <Badge appearance="filled" color={p.state === 'late' ? 'danger' : p.daysLeft <= 5 ? 'warning' : 'informative'}>
                      {p.state === 'late' ? `Late, ${relativeDays(p.daysLeft)}` : `${p.daysLeft} day${p.daysLeft === 1 ? '' : 's'} left`}
                    </Badge>
                  </TableCell>
                  <TableCell>
                    <Button size="small" onClick={() => onOpenMeeting(p.meetingId)} aria-label={`Open meeting: ${p.title}`}>
                      Open meeting
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ))}
      {clearance.state.status === 'ready' && clearance.state.value.length > 0 && (
        <section aria-labelledby="papers-clearance" style={{ marginTop: '24px' }}>
          <Text as="h2" id="papers-clearance" size={500} weight="semibold" block>
            Waiting for clearance
          </Text>
          <Table aria-label="Papers waiting for clearance" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Paper</TableHeaderCell>
                <TableHeaderCell style={{ width: '21%' }}>Meeting</TableHeaderCell>
                <TableHeaderCell style={{ width: '28%' }}>Clearance</TableHeaderCell>
                <TableHeaderCell style={{ width: '12%' }}>Meeting page</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {clearance.state.value.map((p) => (
                <TableRow key={p.agendaItemId}>
                  <TableCell>{p.title}</TableCell>
                  <TableCell>
                    {p.boardName}, {formatUkDate(p.meetingDate)}
                  </TableCell>
                  <TableCell>
                    {p.waiting.map((w) => (
                      <Badge key={w.key} appearance="tint" color={w.state === 'reset' ? 'warning' : 'danger'} style={{ marginRight: '4px' }}>
                        {w.label}: {w.state === 'reset' ? 'reset by a change' : 'missing'}
                      </Badge>
                    ))}
                  </TableCell>
                  <TableCell>
                    <Button size="small" onClick={() => onOpenMeeting(p.meetingId)} aria-label={`Open meeting: ${p.title}`}>
                      Open meeting
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      )}
    </>
  );
};

