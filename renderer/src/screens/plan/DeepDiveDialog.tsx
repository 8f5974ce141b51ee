import { useState } from 'react';
import { Button, Field, Input, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { Add16Regular, Delete16Regular } from '@fluentui/react-icons';
import type { DeepDiveCard, PlannerView } from '@shared/rules/planView';
import { DEEP_DIVE_STATUSES, EVIDENCE_KINDS } from '@shared/schema/plan';
import type { QuorumError } from '@shared/result';
import { bridge } from '../../bridge';
import { FormDialog } from '../../components/FormDialog';
import { MarkdownField } from '../../components/MarkdownField';
import { PersonSelect } from '../../components/PersonSelect';
import { formatUkDate } from '../../format';
import { DEEP_DIVE_STATUS_LABEL } from '@shared/rules/labels';
import { chosenId, chosenIds } from '../../ids';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '12px 16px' },
  evidence: { display: 'grid', gridTemplateColumns: '2fr 1fr 1.2fr 1fr auto', gap: '8px', alignItems: 'end' },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Evidence = DeepDiveCard['evidence'][number];
const EVIDENCE_LABEL: Record<Evidence['kind'], string> = { data: 'Data', audit: 'Audit', 'case-files': 'Case files', 'voice-of-the-child': 'Voice of the child', other: 'Other' };
const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);

/** A theme and its briefing (why now, lines of enquiry, evidence asked for), and after the meeting its outcomes and follow-up. */
export const DeepDiveDialog = ({ view, dive, onClose }: { view: PlannerView; dive: DeepDiveCard | null; onClose: (summary: string | null) => void }) => {
  const styles = useStyles();
  const [theme, setTheme] = useState(dive?.theme ?? '');
  const [lead, setLead] = useState(dive?.leadPersonId ?? '');
  const [presenters, setPresenters] = useState<string[]>(dive?.presenterIds ?? []);
  const [whyNow, setWhyNow] = useState(dive?.whyNow ?? '');
  const [kloes, setKloes] = useState((dive?.linesOfEnquiry ?? []).join('\n'));
  const [evidence, setEvidence] = useState<Evidence[]>(dive?.evidence ?? []);
  const [outcomes, setOutcomes] = useState(dive?.outcomes ?? '');
  const [recommendations, setRecommendations] = useState((dive?.recommendations ?? []).join('\n'));
  const [followUp, setFollowUp] = useState(dive?.followUpMeetingId ?? '');
  const [status, setStatus] = useState(dive?.status ?? 'proposed');
  const [action, setAction] = useState({ text: '', owner: '', due: '' });
  const [error, setError] = useState<QuorumError | null>(null);
  const setEv = (i: number, patch: Partial<Evidence>) => setEvidence((xs) => xs.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const save = async () => {
    setError(null);
    const r = await bridge().dives.save({
      ...(dive ? { deepDiveId: dive.id, expectedRev: dive.rev } : {}),
      boardId: view.board.id,
      theme,
      leadPersonId: chosenId('person', lead),
      presenterIds: chosenIds('person', presenters),
      whyNow,
      linesOfEnquiry: lines(kloes),
      evidence: evidence.map((e) => ({ ...e, due: e.due || undefined })),
      outcomes,
      recommendations: lines(recommendations),
      followUpMeetingId: chosenId('meeting', followUp),
    });
    if (!r.ok) return setError(r.error);
    if (dive && status !== dive.status) {
      const s = await bridge().dives.setStatus({ deepDiveId: dive.id, status });
      if (!s.ok) return setError(s.error);
    }
    onClose(r.value.summary);
  };
  const raise = async () => {
    if (!dive) return;
    setError(null);
    const r = await bridge().dives.raiseAction({ deepDiveId: dive.id, text: action.text, ownerPersonId: chosenId('person', action.owner)!, dueDate: action.due });
    if (r.ok) setAction({ text: '', owner: '', due: '' });
    else setError(r.error);
  };
  const people = view.people.map((p) => ({ ...p, organisation: '' }));
  return (
    <FormDialog title={dive ? `Deep dive: ${dive.theme}` : 'Propose a deep-dive theme'} errorTitle="The deep dive was not saved" error={error} saveLabel="Save" onSave={save} onClose={() => onClose(null)} maxWidth="960px">
      <Field label="Theme" required validationMessage={error?.fields?.theme}>
        <Input value={theme} onChange={(_e, d) => setTheme(d.value)} placeholder="e.g. Children missing education" />
      </Field>
      <div className={styles.grid}>
        <Field label="Lead">
          <PersonSelect people={people} value={lead} onChange={setLead} placeholder="Not yet known" />
        </Field>
        {[0, 1, 2].map((i) => (
          <Field key={i} label={i === 0 ? 'Presenter' : `Presenter ${i + 1} (optional)`}>
            <PersonSelect people={people} value={presenters[i] ?? ''} onChange={(v) => setPresenters((p) => Object.assign([...p], { [i]: v }))} placeholder="No one" />
          </Field>
        ))}
      </div>
      <Field label="Why now (e.g. an inspection finding)">
        <MarkdownField label="Why now" value={whyNow} onChange={setWhyNow} />
      </Field>
      <Field label="Key lines of enquiry (one per line)">
        <Textarea value={kloes} onChange={(_e, d) => setKloes(d.value)} rows={3} resize="vertical" />
      </Field>
      <Text weight="semibold">Evidence asked for</Text>
      {evidence.map((e, i) => (
        <div key={i} className={styles.evidence} role="group" aria-label={`Evidence ${i + 1}`}>
          <Field label="What">
            <Input value={e.description} onChange={(_e, d) => setEv(i, { description: d.value })} />
          </Field>
          <Field label="Kind">
            <Select value={e.kind} onChange={(_e, d) => setEv(i, { kind: d.value as Evidence['kind'] })}>
              {EVIDENCE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {EVIDENCE_LABEL[k]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Provided by">
            <Input value={e.providedBy} onChange={(_e, d) => setEv(i, { providedBy: d.value })} />
          </Field>
          <Field label="By">
            <Input type="date" value={e.due ?? ''} onChange={(_e, d) => setEv(i, { due: d.value || undefined })} />
          </Field>
          <Button appearance="subtle" icon={<Delete16Regular />} aria-label={`Remove evidence ${i + 1}`} onClick={() => setEvidence((xs) => xs.filter((_x, j) => j !== i))} />
        </div>
      ))}
      <div>
        <Button icon={<Add16Regular />} onClick={() => setEvidence((xs) => [...xs, { description: '', kind: 'data', providedBy: '' }])}>
          Ask for evidence
        </Button>
      </div>
      {dive && (
        <>
          <div className={styles.grid}>
            <Field label="Status">
              <Select value={status} onChange={(_e, d) => setStatus(d.value as DeepDiveCard['status'])}>
                {DEEP_DIVE_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {DEEP_DIVE_STATUS_LABEL[s]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Follow-up comes back at">
              <Select value={followUp} onChange={(_e, d) => setFollowUp(d.value)}>
                <option value="">No follow-up set</option>
                {view.allMeetings.map((m) => (
                  <option key={m.id} value={m.id}>
                    {formatUkDate(m.date)}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <Field label="Outcomes">
            <MarkdownField label="Outcomes" value={outcomes} onChange={setOutcomes} />
          </Field>
          <Field label="Recommendations (one per line)">
            <Textarea value={recommendations} onChange={(_e, d) => setRecommendations(d.value)} rows={3} resize="vertical" />
          </Field>
          <Text weight="semibold">Follow-up action (into the action log)</Text>
          <div className={styles.evidence}>
            <Field label="Action">
              <Input value={action.text} onChange={(_e, d) => setAction((a) => ({ ...a, text: d.value }))} />
            </Field>
            <Field label="Owner">
              <PersonSelect people={people} value={action.owner} onChange={(owner) => setAction((a) => ({ ...a, owner }))} />
            </Field>
            <Field label="Due">
              <Input type="date" value={action.due} onChange={(_e, d) => setAction((a) => ({ ...a, due: d.value }))} />
            </Field>
            <span />
            <Button disabled={!action.text.trim() || !action.owner || !action.due} onClick={raise}>
              Raise action
            </Button>
          </div>
        </>
      )}
    </FormDialog>
  );
};
