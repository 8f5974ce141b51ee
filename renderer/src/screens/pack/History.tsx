import { useState } from 'react';
import { Badge, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { PackBuild } from '@shared/schema/records';
import type { QuorumError } from '@shared/result';
import { bridge } from '../../bridge';
import { ErrorBar } from '../../components/ErrorBar';
import { formatBytes, formatTimestamp } from '../../format';

const useStyles = makeStyles({
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: 'break-all' },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: '4px' },
});

/** Every pack saved for the meeting: when, which, where, how big, and its SHA-256 to prove which file went out. */
export const History = ({ builds }: { builds: readonly PackBuild[] }) => {
  const styles = useStyles();
  const [error, setError] = useState<QuorumError | null>(null);
  if (builds.length === 0) return <Text className={styles.muted}>No pack has been built for this meeting yet.</Text>;
  const act = async (what: 'open' | 'showInFolder', id: PackBuild['id']) => {
    setError(null);
    const r = what === 'open' ? await bridge().pack.open({ packBuildId: id }) : await bridge().pack.showInFolder({ packBuildId: id });
    if (!r.ok) setError(r.error);
  };
  return (
    <>
      <ErrorBar title="The pack could not be opened" error={error} />
      <Table aria-label="Built packs" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: '140px' }}>Built</TableHeaderCell>
            <TableHeaderCell style={{ width: '140px' }}>Pack</TableHeaderCell>
            <TableHeaderCell>File</TableHeaderCell>
            <TableHeaderCell style={{ width: '80px' }}>Size</TableHeaderCell>
            <TableHeaderCell style={{ width: '220px' }}>SHA-256</TableHeaderCell>
            <TableHeaderCell style={{ width: '210px' }}>Actions</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {builds.map((b) => (
            <TableRow key={b.id}>
              <TableCell>{formatTimestamp(b.builtAt)}</TableCell>
              <TableCell>
                <Badge appearance="tint" color={b.variant === 'full' ? 'important' : 'brand'}>
                  {b.variant === 'full' ? 'Full' : 'Public'}
                </Badge>{' '}
                <Badge appearance="outline" color="informative">
                  {b.format === 'pdf' ? 'PDF' : 'Word'}
                </Badge>
                {b.items && (
                  <>
                    <br />
                    <Text size={200}>{b.items.length === 1 ? `Item ${b.items[0]} only` : `Items ${b.items.join(', ')} only`}</Text>
                  </>
                )}
                {b.supplement && (
                  <>
                    <br />
                    <Badge appearance="tint" color="warning">
                      Supplement
                    </Badge>
                  </>
                )}
              </TableCell>
              <TableCell>
                <Text title={b.filePath}>{b.fileName}</Text>
                {b.supplement && (
                  <>
                    <br />
                    <Text size={200}>
                      Supplement to {builds.find((x) => x.id === b.supplement!.of)?.fileName ?? 'an earlier pack'}:{' '}
                      {b.supplement.items.map((i) => `item ${i.number} (${i.kind === 'replaced' ? 'replaces the version sent' : 'late'}: ${i.lateReason})`).join('; ')}
                    </Text>
                  </>
                )}
                {builds
                  .filter((x) => x.supplement?.of === b.id)
                  .map((x) => (
                    <span key={x.id}>
                      <br />
                      <Text size={200} className={styles.muted}>
                        Superseded for item{x.supplement!.items.length === 1 ? '' : 's'} {x.supplement!.items.map((i) => i.number).join(', ')} by {x.fileName}
                      </Text>
                    </span>
                  ))}
                {b.override && (
                  <>
                    <br />
                    <Text size={200} className={styles.muted}>
                      Built despite {b.override.errors.length} error{b.override.errors.length === 1 ? '' : 's'}: {b.override.reason}
                    </Text>
                  </>
                )}
              </TableCell>
              <TableCell>{formatBytes(b.bytes)}</TableCell>
              <TableCell>
                <span className={styles.mono}>{b.sha256}</span>
              </TableCell>
              <TableCell>
                <div className={styles.actions}>
                  <Button size="small" onClick={() => act('open', b.id)} aria-label={`Open ${b.fileName}`}>
                    Open
                  </Button>
                  <Button size="small" onClick={() => act('showInFolder', b.id)} aria-label={`Show in folder: ${b.fileName}`}>
                    Show in folder
                  </Button>
                </div>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
};
