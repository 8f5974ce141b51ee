import { useState } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { StoreStatus } from '@shared/views';
import { bridge } from '../bridge';

const useStyles = makeStyles({
  bar: { position: 'sticky', top: '-24px', zIndex: 1, marginBottom: '12px', boxShadow: tokens.shadow4 },
});

/**
 * Undo for the last destructive act (a removal, a cancellation, a withdrawal), offered at the top of
 * every screen while it is still the last change: the store says which (StoreStatus.undo). Taking
 * it back is itself journaled.
 */
export const UndoBar = ({ undo }: { undo: StoreStatus['undo'] }) => {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const takeBack = async () => {
    if (!undo || busy) return;
    setBusy(true);
    const r = await bridge().app.undo({ seq: undo.seq });
    setBusy(false);
    setSaid(r.ok ? { intent: 'success', text: `Undone: ${undo.summary}` } : { intent: 'error', text: r.error.message });
  };
  if (undo)
    return (
      <MessageBar intent="info" className={styles.bar} aria-label="Undo the last change">
        <MessageBarBody>{undo.summary}</MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" size="small" disabled={busy} onClick={takeBack} aria-label={`Undo: ${undo.summary}`}>
            Undo
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  if (said)
    return (
      <MessageBar intent={said.intent} className={styles.bar}>
        <MessageBarBody>
          <Text role="status">{said.text}</Text>
        </MessageBarBody>
        <MessageBarActions>
          <Button size="small" appearance="transparent" onClick={() => setSaid(null)}>
            Dismiss
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  return null;
};
