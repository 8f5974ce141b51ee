import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentAdd20Regular } from '@fluentui/react-icons';
import type { PackVariant } from '@shared/pack/model';
import type { QuorumError } from '@shared/result';
import { bridge, useQuery } from '../../bridge';
import { ErrorBar } from '../../components/ErrorBar';
import { ReturnFocus } from '../../components/ReturnFocus';
import { TaskProgress, useTaskProgress } from '../../components/TaskProgress';
import { formatTimestamp } from '../../format';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: '8px', maxWidth: '720px' },
  muted: { color: tokens.colorNeutralForeground3 },
  fields: { display: 'flex', flexDirection: 'column', gap: '12px' },
});

type Reasons = Record<string, { lateReason: string; urgency: string }>;

/**
 * A supplement to the pack already sent: only the papers since received or changed, each with why
 * it is late (and, under council rules, the chair's reason for urgency), its cover naming the pack
 * it adds to. Shown once a pack has been saved for the meeting.
 */
export const SupplementPanel = ({ meetingId, variant, onBuilt }: { meetingId: string; variant: PackVariant; onBuilt: () => void }) => {
  const styles = useStyles();
  const plan = useQuery('pack:supplementItems', { meetingId, variant });
  const { progress, busy, track } = useTaskProgress('supplement');
  const [open, setOpen] = useState(false);
  const [reasons, setReasons] = useState<Reasons>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<QuorumError | null>(null);
  if (plan.state.status !== 'ready' || !plan.state.value) return null;
  const { base, items, urgencyNeeded } = plan.state.value;
  const reason = (id: string) => reasons[id] ?? { lateReason: '', urgency: '' };
  const complete = items.every((i) => reason(i.agendaItemId).lateReason.trim() && (!urgencyNeeded || reason(i.agendaItemId).urgency.trim()));

  const build = async (format: 'docx' | 'pdf') => {
    setOpen(false);
    setSaved(null);
    setError(null);
    const supplement = Object.fromEntries(items.map((i) => [i.agendaItemId, { lateReason: reason(i.agendaItemId).lateReason.trim(), ...(urgencyNeeded ? { urgency: reason(i.agendaItemId).urgency.trim() } : {}) }]));
    const r = await track('Waiting for you to choose where to save…', (taskId) => bridge().pack.build({ meetingId, variant, taskId, format, supplement }));
    if (!r.ok) return setError(r.error);
    if (!r.value.saved) return setSaved(r.value.reason);
    setSaved(`Supplement saved: ${r.value.file}.`);
    setReasons({});
    plan.reload();
    onBuilt();
  };

  return (
    <div className={styles.panel}>
      <Text className={styles.muted}>
        {items.length === 0
          ? `Nothing has arrived or changed since ${base.fileName} was saved (${formatTimestamp(base.builtAt)}).`
          : `Since ${base.fileName} was saved (${formatTimestamp(base.builtAt)}): ${items.map((i) => `item ${i.number}${i.kind === 'replaced' ? ' (changed)' : ' (late)'}`).join(', ')}.`}
      </Text>
      <div>
        <Button icon={<DocumentAdd20Regular />} disabled={busy || items.length === 0} onClick={() => setOpen(true)}>
          Build a supplement…
        </Button>
      </div>
      <TaskProgress what="Building the supplement" progress={progress} />
      <ErrorBar title="The supplement was not built" error={error} />
      {saved && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>Supplement</MessageBarTitle>
            {saved}
          </MessageBarBody>
        </MessageBar>
      )}
      <Dialog open={open} onOpenChange={(_e, d) => setOpen(d.open)}>
        <DialogSurface>
          <ReturnFocus />
          <DialogBody>
            <DialogTitle>Supplement to {base.fileName}</DialogTitle>
            <DialogContent className={styles.fields}>
              {items.map((i) => (
                <div key={`${i.agendaItemId}${i.part ?? ''}`} className={styles.fields}>
                  <Field label={`Why item ${i.number} (${i.title}) is late`} required hint={i.part === 'briefing' ? (i.kind === 'replaced' ? 'The briefing has changed since the pack was sent.' : 'This briefing was not in the pack sent.') : i.kind === 'replaced' ? 'This paper replaces the version already sent.' : 'This paper was not in the pack sent.'}>
                    <Input value={reason(i.agendaItemId).lateReason} onChange={(_e, d) => setReasons({ ...reasons, [i.agendaItemId]: { ...reason(i.agendaItemId), lateReason: d.value.slice(0, 2000) } })} />
                  </Field>
                  {urgencyNeeded && (
                    <Field label={`The chair’s reason for urgency, item ${i.number}`} required hint="Local Government Act 1972, s.100B(4)(b): why it cannot wait for the next meeting.">
                      <Input value={reason(i.agendaItemId).urgency} onChange={(_e, d) => setReasons({ ...reasons, [i.agendaItemId]: { ...reason(i.agendaItemId), urgency: d.value.slice(0, 2000) } })} />
                    </Field>
                  )}
                </div>
              ))}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" disabled={!complete} onClick={() => build('docx')}>
                Save as Word…
              </Button>
              <Button disabled={!complete} onClick={() => build('pdf')}>
                Save as PDF…
              </Button>
              <Button onClick={() => setOpen(false)}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
};
