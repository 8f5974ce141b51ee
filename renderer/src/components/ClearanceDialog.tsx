import { useState } from 'react';
import { Badge, Button, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { AgendaLine } from '@shared/views';
import type { QuorumError } from '@shared/result';
import { call, useQuery } from '../bridge';
import { FormDialog } from './FormDialog';
import { formatUkDate } from '../format';
import { useTeamMode } from './Reviewer';

const useStyles = makeStyles({
  added: { backgroundColor: tokens.colorPaletteGreenBackground2 },
  removed: { backgroundColor: tokens.colorPaletteRedBackground2, textDecorationLine: 'line-through' },
  history: { margin: '4px 0 0', paddingLeft: '20px' },
});

const STATE_BADGE = { cleared: { color: 'success', text: 'cleared' }, reset: { color: 'warning', text: 'reset by a change' }, missing: { color: 'danger', text: 'missing' } } as const;

/** A paper's clearance state at a glance: one badge per clearance the board asks. */
export const ClearanceBadges = ({ line }: { line: Pick<AgendaLine, 'clearance'> }) =>
  line.clearance.needs.length === 0 ? null : (
    <span aria-label={line.clearance.summary} role="note">
      {line.clearance.needs.map((n) => (
        <Badge key={n.key} appearance="tint" color={STATE_BADGE[n.state].color} style={{ marginRight: '4px' }}>
          {n.label}: {STATE_BADGE[n.state].text}
        </Badge>
      ))}
    </span>
  );

/**
 * Records a clearance of a paper as it now stands (given by e-mail, typed in by the secretariat),
 * with the history: each clearance given, and for one a change reset, the words that changed.
 */
export const ClearanceDialog = ({ line, onClose }: { line: AgendaLine; onClose: (summary?: string) => void }) => {
  const styles = useStyles();
  const view = useQuery('clearances:item', { agendaItemId: line.id });
  const waiting = line.clearance.needs.filter((n) => n.state !== 'cleared');
  const [form, setForm] = useState({ key: waiting[0]?.key ?? line.clearance.needs[0]?.key ?? '', clearedBy: '', on: '', comment: '' });
  const [error, setError] = useState<QuorumError | null>(null);
  const teamMode = useTeamMode();
  const [sent, setSent] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  // Team mode: the named clearer reads the paper and clears it themselves (Papers to clear).
  const sendToClearer = async (key: string) => {
    setSending(true);
    const r = await call('clearances:request', { agendaItemId: line.id, key });
    setSending(false);
    if (r.ok) {
      setError(null);
      setSent(r.value.summary);
    } else setError(r.error);
  };
  const save = async () => {
    const r = await call('clearances:give', { agendaItemId: line.id, key: form.key, ...(form.clearedBy.trim() ? { clearedBy: form.clearedBy.trim() } : {}), ...(form.on ? { on: form.on } : {}), comment: form.comment });
    if (r.ok) onClose(r.value.summary);
    else setError(r.error);
  };
  const history = view.state.status === 'ready' ? view.state.value.history : [];
  const askable = teamMode && view.state.status === 'ready' ? view.state.value.needed.filter((n) => n.state !== 'cleared' && n.clearer) : [];
  return (
    <FormDialog title={`Clearance of item ${line.number}`} errorTitle="The clearance was not recorded" error={error} saveLabel="Record the clearance" onSave={save} onClose={() => onClose()} saveDisabled={!form.key} maxWidth="760px">
      <Text block>
        “{line.title}”: {line.clearance.summary}. A clearance holds on the text as it stands now; a later change to the cover sheet or the paper resets it.
      </Text>
      <Field label="Clearance" validationMessage={error?.fields?.key}>
        <Select value={form.key} onChange={(_e, d) => setForm((f) => ({ ...f, key: d.value }))}>
          {line.clearance.needs.map((n) => (
            <option key={n.key} value={n.key}>
              {n.label} ({STATE_BADGE[n.state].text})
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Cleared by" hint="Who gave it (blank: the board’s named clearer for it)." validationMessage={error?.fields?.clearedBy}>
        <Input value={form.clearedBy} onChange={(_e, d) => setForm((f) => ({ ...f, clearedBy: d.value }))} />
      </Field>
      <Field label="Given on (blank: today)" validationMessage={error?.fields?.on}>
        <Input type="date" value={form.on} onChange={(_e, d) => setForm((f) => ({ ...f, on: d.value }))} />
      </Field>
      <Field label="Their comment">
        <Input value={form.comment} onChange={(_e, d) => setForm((f) => ({ ...f, comment: d.value }))} />
      </Field>
      {askable.length > 0 && (
        <section aria-label="Send to the clearer">
          <Text weight="semibold" block>
            Or send it to be cleared in Quorum
          </Text>
          {sent && (
            <Text role="status" block>
              {sent}
            </Text>
          )}
          {askable.map((n) => (
            <Text block key={n.key}>
              {n.label}: {n.clearer}{' '}
              {n.sentOn ? (
                <>sent this text on {formatUkDate(n.sentOn)}; waiting for them.</>
              ) : (
                <Button size="small" disabled={sending} onClick={() => void sendToClearer(n.key)}>
                  Send to {n.clearer} to clear
                </Button>
              )}
            </Text>
          ))}
        </section>
      )}
      {history.length > 0 && (
        <section aria-label="Clearance history">
          <Text weight="semibold" block>
            History
          </Text>
          <ul className={styles.history}>
            {history.map((h, i) => (
              <li key={`${h.key}-${h.on}-${i}`}>
                <Text>
                  {h.label}: {h.clearedBy}, {formatUkDate(h.on)}
                  {h.comment ? ` (“${h.comment}”)` : ''}
                  {h.holds ? ': holds on the text as it stands' : ': no longer holds; changed since: '}
                </Text>
                {!h.holds && (
                  <Text size={200} block aria-label="What changed since it was cleared">
                    {h.changedSince
                      .filter((d, j, all) => d.change !== 'same' || (all[j - 1]?.change ?? 'same') !== 'same' || (all[j + 1]?.change ?? 'same') !== 'same')
                      .map((d, j) => (d.change === 'same' ? <span key={j}>{d.text.length > 80 ? ` … ${d.text.slice(-40)}` : d.text}</span> : <span key={j} className={d.change === 'added' ? styles.added : styles.removed}>{d.text}</span>))}
                  </Text>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </FormDialog>
  );
};
