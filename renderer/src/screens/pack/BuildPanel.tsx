import { useState } from 'react';
import { ReturnFocus } from '../../components/ReturnFocus';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Textarea,
  makeStyles,
} from '@fluentui/react-components';
import { DocumentArrowDown20Regular, DocumentPdf20Regular } from '@fluentui/react-icons';
import type { PackBuildOutcome } from '@shared/views';
import type { PackVariant } from '@shared/pack/model';
import type { PreflightReport } from '@shared/pack/preflight';
import type { QuorumError } from '@shared/result';
import { bridge, useQuery } from '../../bridge';
import { PersonSelect } from '../../components/PersonSelect';
import { ErrorBar } from '../../components/ErrorBar';
import { TaskProgress, useTaskProgress } from '../../components/TaskProgress';
import { formatBytes } from '../../format';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: '12px', maxWidth: '720px' },
  buttons: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
});

type PackFormat = 'docx' | 'pdf';
type Saved = Extract<PackBuildOutcome, { saved: true }>;

/**
 * Build → (override reason when pre-flight has errors) → the system save dialog → progress →
 * Open / Show in folder. The history below lists every pack saved. Keyed by meeting and variant,
 * so choosing another starts afresh.
 */
export const BuildPanel = ({ meetingId, variant, report, onBuilt, latestBuildId }: { meetingId: string; variant: PackVariant; report: PreflightReport; onBuilt: () => void; latestBuildId: string | null }) => {
  const styles = useStyles();
  /** The format asked for while the override reason is asked for. */
  const [asking, setAsking] = useState<{ format: PackFormat; forPersonId?: string } | null>(null);
  /** A member whose own copy of the full pack is to be built (their possible interests on its cover). */
  const [member, setMember] = useState('');
  const people = useQuery('people:list', variant === 'full' ? {} : null);
  const [reason, setReason] = useState('');
  const { progress, busy: building, track } = useTaskProgress('pack');
  const [saved, setSaved] = useState<Saved | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<QuorumError | null>(null);

  const build = async (format: PackFormat, overrideReason?: string, forPersonId?: string) => {
    setAsking(null);
    setSaved(null);
    setNotice(null);
    setError(null);
    const r = await track('Waiting for you to choose where to save…', (taskId) => bridge().pack.build({ meetingId, variant, taskId, format, ...(overrideReason ? { overrideReason } : {}), ...(forPersonId ? { forPersonId: forPersonId as `person:${string}` } : {}) }));
    if (!r.ok) setError(r.error);
    else if (!r.value.saved) setNotice(r.value.reason);
    else {
      setSaved(r.value);
      setReason('');
      onBuilt();
    }
  };

  const act = async (what: 'open' | 'showInFolder') => {
    if (!latestBuildId) return;
    const r = what === 'open' ? await bridge().pack.open({ packBuildId: latestBuildId }) : await bridge().pack.showInFolder({ packBuildId: latestBuildId });
    if (!r.ok) setError(r.error);
  };

  const label = variant === 'public' ? 'Build the public pack…' : 'Build the full pack…';
  const start = (format: PackFormat, forPersonId?: string) => (report.errors > 0 ? setAsking({ format, ...(forPersonId ? { forPersonId } : {}) }) : build(format, undefined, forPersonId));
  return (
    <div className={styles.panel}>
      <div className={styles.buttons}>
        <Button appearance="primary" icon={<DocumentArrowDown20Regular />} disabled={building} onClick={() => start('docx')}>
          {label}
        </Button>
        <Button icon={<DocumentPdf20Regular />} disabled={building} onClick={() => start('pdf')}>
          {variant === 'public' ? 'Save the public pack as PDF…' : 'Save the full pack as PDF…'}
        </Button>
      </div>
      {variant === 'full' && (
        <div className={styles.buttons}>
          <Field label="A member’s own copy" hint="Their possible interests, from the register, on its cover; the board’s conflicts policy decides whether the Part 2 papers of those items go with it.">
            <PersonSelect people={people.state.status === 'ready' && people.state.value ? people.state.value : []} value={member} onChange={setMember} canAdd={false} placeholder="Choose a member" />
          </Field>
          <Button disabled={building || !member} onClick={() => start('docx', member)}>
            Build their copy…
          </Button>
        </div>
      )}
      <TaskProgress what="Building the pack" progress={progress} />
      <ErrorBar title="The pack was not built" error={error} />
      {notice && (
        <MessageBar intent="info">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {saved && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Pack saved</MessageBarTitle>
            {saved.file} ({formatBytes(saved.bytes)}){saved.overridden ? `, built despite ${saved.errors} pre-flight error${saved.errors === 1 ? '' : 's'}` : ''}.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => act('open')}>Open</Button>
            <Button onClick={() => act('showInFolder')}>Show in folder</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <Dialog open={asking !== null} modalType="alert" onOpenChange={(_e, d) => !d.open && setAsking(null)}>
        <DialogSurface>
          <ReturnFocus />
          <DialogBody>
            <DialogTitle>
              Build despite {report.errors} pre-flight error{report.errors === 1 ? '' : 's'}?
            </DialogTitle>
            <DialogContent>
              <Field label="Reason for building anyway" required hint="Recorded in the audit journal and the pack history, e.g. “Papers 5 and 6 to follow; agreed with the chair”.">
                <Textarea value={reason} onChange={(_e, d) => setReason(d.value.slice(0, 2000))} rows={3} resize="vertical" />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" disabled={!reason.trim()} onClick={() => asking && build(asking.format, reason.trim(), asking.forPersonId)}>
                Build anyway
              </Button>
              <Button onClick={() => setAsking(null)}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
};
