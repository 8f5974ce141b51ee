import { useState } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title1, makeStyles } from '@fluentui/react-components';
import type { StoreStatus } from '@shared/views';
import type { QuorumError } from '@shared/result';
import { bridge } from '../bridge';
import { FirstRun } from './FirstRun';
import { ErrorBar } from '../components/ErrorBar';
import { formatBytes, formatTimestamp } from '../format';

const useStyles = makeStyles({ page: { maxWidth: '880px', margin: '48px auto', padding: '0 24px', display: 'flex', flexDirection: 'column', gap: '16px' } });

/** Shown when the store was unreadable at load: it has been set aside; offer the last good backup. */
export const Recovery = ({ status }: { status: StoreStatus }) => {
  const styles = useStyles();
  const [error, setError] = useState<QuorumError | null>(null);
  const [startAgain, setStartAgain] = useState(false);
  const recovery = status.recovery!;
  if (startAgain) return <FirstRun dataDir={status.dataDir} />;
  const restore = async (backupId: string) => {
    const r = await bridge().store.recover({ backupId });
    if (!r.ok) setError(r.error);
  };
  return (
    <main className={styles.page}>
      <Title1 as="h1">Your data needs recovering</Title1>
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle>{recovery.quarantinedFile ? 'The store could not be read' : 'The store file is missing'}</MessageBarTitle>
          {recovery.reason}.{recovery.quarantinedFile ? ` The file has been kept unchanged at ${recovery.quarantinedFile}.` : ''}
        </MessageBarBody>
      </MessageBar>
      <ErrorBar title="The backup could not be restored" error={error} />
      {recovery.backups.length === 0 ? (
        <>
          <Text>There is no usable backup in this data folder. You can start again with the example or an empty store; the damaged file stays where it is.</Text>
          <div>
            <Button appearance="primary" onClick={() => setStartAgain(true)}>
              Start again
            </Button>
          </div>
        </>
      ) : (
        <>
          <Text>Restore the newest backup to carry on. Changes made after it was taken are not in it.</Text>
          <Table aria-label="Backups you can restore">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Taken</TableHeaderCell>
                <TableHeaderCell>Size</TableHeaderCell>
                <TableHeaderCell>Action</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {recovery.backups.map((b, i) => (
                <TableRow key={b.id}>
                  <TableCell>{formatTimestamp(b.takenAt)}</TableCell>
                  <TableCell>{formatBytes(b.bytes)}</TableCell>
                  <TableCell>
                    <Button appearance={i === 0 ? 'primary' : 'secondary'} onClick={() => restore(b.id)}>
                      Restore this backup
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </main>
  );
};
