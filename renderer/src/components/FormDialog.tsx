import { useId, useRef, useState, type ReactNode } from 'react';
import { newSubmitKey, withSubmitKey } from '../bridge';
import { ReturnFocus } from './ReturnFocus';
import { Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { QuorumError } from '@shared/result';
import { ErrorBar } from './ErrorBar';
import { useInFlight } from './useChange';
import { ChangeScope } from './ChangeScope';

const useStyles = makeStyles({ content: { display: 'flex', flexDirection: 'column', gap: '12px' }, hint: { color: tokens.colorNeutralForeground2, alignSelf: 'center' } });

/**
 * A modal form: title, what went wrong (if anything), the fields, then Save and Cancel. Escape or
 * Cancel closes it without saving; a failed save keeps it open with the message and every field.
 * While a save is in flight the fields and Save are disabled and a second click does nothing. Enter
 * saves a single-field form; focus returns to the control that opened the dialog.
 */
export const FormDialog = (props: {
  title: ReactNode;
  errorTitle: string;
  error: QuorumError | null;
  saveLabel: string;
  /** `confirmed`: the officer ticked that a date the operation questioned (needs-confirmation) is right. */
  onSave: (opts: { confirmed: boolean }) => unknown;
  onClose: () => void;
  saveDisabled?: boolean;
  /** Why Save cannot run yet, shown beside it (and read with it) while it is disabled. */
  saveHint?: string;
  cancelLabel?: string;
  maxWidth?: string;
  children: ReactNode;
}) => {
  const styles = useStyles();
  const { pending, run } = useInFlight();
  const [confirmed, setConfirmed] = useState(false);
  const asked = props.error?.code === 'needs-confirmation';
  // One key for this form's submits: a submit that reaches main twice is saved once.
  const submitKey = useRef(newSubmitKey());
  const save = () => void run(async () => withSubmitKey(submitKey.current, () => props.onSave({ confirmed: asked && confirmed })));
  const hintId = useId();
  const hint = props.saveDisabled && props.saveHint ? props.saveHint : undefined;
  return (
    <Dialog open modalType="modal" onOpenChange={(_e, d) => !d.open && props.onClose()}>
      <DialogSurface aria-describedby={undefined} style={props.maxWidth ? { maxWidth: props.maxWidth } : undefined}>
        <ReturnFocus />
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent className={styles.content}>
            <ErrorBar title={asked ? 'Please check' : props.errorTitle} error={props.error} />
            {asked && <Checkbox checked={confirmed} onChange={(_e, d) => setConfirmed(Boolean(d.checked))} label="I have checked: it is right as it is" />}
            {/* A form, so Enter in a dialog with a single field saves it (HTML implicit submission); with more fields it does not. */}
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (!props.saveDisabled && !pending) save();
              }}
            >
              <ChangeScope pending={pending}>
                <div className={styles.content}>{props.children}</div>
              </ChangeScope>
            </form>
          </DialogContent>
          <DialogActions>
            {hint && (
              <Text id={hintId} className={styles.hint}>
                {hint}
              </Text>
            )}
            <Button appearance="primary" disabled={props.saveDisabled || pending || (asked && !confirmed)} onClick={save} aria-describedby={hint ? hintId : undefined}>
              {asked && confirmed ? `${props.saveLabel} as it is` : props.saveLabel}
            </Button>
            <Button onClick={props.onClose}>{props.cancelLabel ?? 'Cancel'}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
};
