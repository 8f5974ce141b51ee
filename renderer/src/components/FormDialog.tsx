import type { ReactNode } from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles } from '@fluentui/react-components';
import type { QuorumError } from '@shared/result';
import { ErrorBar } from './ErrorBar';

const useStyles = makeStyles({ content: { display: 'flex', flexDirection: 'column', gap: '12px' } });

/**
 * A modal form: title, what went wrong (if anything), the fields, then Save and Cancel. Escape or
 * Cancel closes it without saving; a failed save keeps it open with the message and every field.
 */
export const FormDialog = (props: {
  title: ReactNode;
  errorTitle: string;
  error: QuorumError | null;
  saveLabel: string;
  onSave: () => void;
  onClose: () => void;
  saveDisabled?: boolean;
  cancelLabel?: string;
  maxWidth?: string;
  children: ReactNode;
}) => {
  const styles = useStyles();
  return (
    <Dialog open modalType="modal" onOpenChange={(_e, d) => !d.open && props.onClose()}>
      <DialogSurface aria-describedby={undefined} style={props.maxWidth ? { maxWidth: props.maxWidth } : undefined}>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent className={styles.content}>
            <ErrorBar title={props.errorTitle} error={props.error} />
            {props.children}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={props.saveDisabled} onClick={props.onSave}>
              {props.saveLabel}
            </Button>
            <Button onClick={props.onClose}>{props.cancelLabel ?? 'Cancel'}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
};
