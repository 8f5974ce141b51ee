import { useState } from 'react';
import { Button, Checkbox, Field, Input, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { Add16Regular, Delete16Regular } from '@fluentui/react-icons';
import type { TorView } from '@shared/views';
import type { TermsOfReference } from '@shared/schema/records';
import type { QuorumError } from '@shared/result';
import { bridge } from '../../bridge';
import { FormDialog } from '../../components/FormDialog';
import { MarkdownField } from '../../components/MarkdownField';
import { CountField } from '../../components/CountField';
import { chosenId } from '../../ids';
import { firstTorFields, memberKey } from '@shared/rules/torDraft';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: '12px 16px' },
  member: { display: 'grid', gridTemplateColumns: '1.4fr 1.2fr 1.2fr auto auto auto', gap: '8px', alignItems: 'end', padding: '8px 0', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  section: { display: 'flex', flexDirection: 'column', gap: '8px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Member = TermsOfReference['members'][number];
const FRACTIONS = [
  ['', 'No fraction'],
  ['0.25', 'A quarter of members'],
  ['0.3333333333333333', 'A third of members'],
  ['0.5', 'Half of members'],
  ['0.6666666666666666', 'Two thirds of members'],
] as const;
/**
 * Editing a board's terms of reference. Saving an approved version starts the next version as a
 * draft; the approved one stays in force (and unchanged) until the board approves the draft.
 */
const firstDraft = (view: TorView): TermsOfReference =>
  ({ id: undefined, rev: 0, version: 0, status: 'draft', boardId: view.board.id, ...firstTorFields(view.today), reviewDate: '' }) as unknown as TermsOfReference;

export const TorEditor = ({ view, base: given, onClose }: { view: TorView; base: TermsOfReference | null; onClose: (summary: string | null) => void }) => {
  const base = given ?? firstDraft(view);
  const styles = useStyles();
  const [t, setT] = useState(() => ({ ...base }));
  const [permissions, setPermissions] = useState(base.permissions.join('\n'));
  const [error, setError] = useState<QuorumError | null>(null);
  const set = <K extends keyof TermsOfReference>(key: K, value: TermsOfReference[K]) => setT((x) => ({ ...x, [key]: value }));
  const setMember = (i: number, patch: Partial<Member>) => set('members', t.members.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const save = async () => {
    const r = await bridge().tor.saveDraft({
      boardId: view.board.id,
      ...(given ? { basedOnId: given.id } : {}),
      ...(given?.status === 'draft' ? { expectedRev: given.rev } : {}),
      purpose: t.purpose,
      responsibilities: t.responsibilities,
      members: t.members,
      chairMemberKey: t.chairMemberKey ?? '',
      viceChairMemberKey: t.viceChairMemberKey ?? '',
      quorum: t.quorum,
      meetingsPerYear: t.meetingsPerYear,
      deepDivesPerMeeting: t.deepDivesPerMeeting,
      paperDeadlineWorkingDays: t.paperDeadlineWorkingDays,
      reportsToBoardIds: t.reportsToBoardIds,
      permissions: permissions.split('\n').map((p) => p.trim()).filter(Boolean),
      writtenResolutions: Boolean(t.writtenResolutions),
      reviewDate: t.reviewDate,
    });
    if (r.ok) onClose(r.value.summary);
    else setError(r.error);
  };
  const title = !given ? 'Terms of reference: first draft' : base.status === 'draft' ? `Terms of reference: draft version ${base.version}` : `Terms of reference: new draft from version ${base.version}`;
  return (
    <FormDialog title={title} errorTitle="The terms of reference were not saved" error={error} saveLabel="Save draft" onSave={save} onClose={() => onClose(null)} maxWidth="1000px">
      {given && base.status !== 'draft' && <Text className={styles.muted}>Version {base.version} is {base.status}. Saving starts the next version as a draft; version {base.version} stays in force until the board approves the draft.</Text>}
      <Field label="Purpose">
        <MarkdownField label="Purpose" value={t.purpose} onChange={(v) => set('purpose', v)} />
      </Field>
      <Field label="Responsibilities">
        <MarkdownField label="Responsibilities" value={t.responsibilities} onChange={(v) => set('responsibilities', v)} />
      </Field>

      <div className={styles.section} role="group" aria-label="Membership">
        <Text weight="semibold">Membership</Text>
        {t.members.map((m, i) => (
          <div key={m.key} className={styles.member} role="group" aria-label={`Member ${i + 1}: ${m.role}`}>
            <Field label="Seat (role)">
              <Input value={m.role} onChange={(_e, d) => setMember(i, { role: d.value })} />
            </Field>
            <Field label="Organisation">
              <Select value={m.organisationId} onChange={(_e, d) => setMember(i, { organisationId: chosenId('organisation', d.value) ?? m.organisationId })}>
                {view.organisations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Person">
              <Select value={m.personId ?? ''} onChange={(_e, d) => setMember(i, { personId: chosenId('person', d.value) })}>
                <option value="">Vacant</option>
                {view.people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Checkbox checked={m.voting} onChange={(_e, d) => setMember(i, { voting: Boolean(d.checked) })} label="Voting" />
            <Checkbox checked={m.deputyAllowed} onChange={(_e, d) => setMember(i, { deputyAllowed: Boolean(d.checked) })} label="Deputy allowed" />
            <Checkbox checked={Boolean(m.statutory)} onChange={(_e, d) => setMember(i, { statutory: Boolean(d.checked) })} label="Statutory seat" />
            <Button appearance="subtle" icon={<Delete16Regular />} aria-label={`Remove the ${m.role} seat`} onClick={() => set('members', t.members.filter((_m, j) => j !== i))} />
          </div>
        ))}
        <div>
          <Button
            icon={<Add16Regular />}
            onClick={() => set('members', [...t.members, { key: memberKey('new seat', new Set(t.members.map((m) => m.key))), role: 'New seat', organisationId: view.organisations[0]?.id, deputyAllowed: true, voting: true }])}
          >
            Add a seat
          </Button>
        </div>
      </div>

      <div className={styles.grid}>
        <Field label="Chair">
          <Select value={t.chairMemberKey ?? ''} onChange={(_e, d) => set('chairMemberKey', d.value)}>
            <option value="">Not set</option>
            {t.members.map((m) => (
              <option key={m.key} value={m.key}>
                {m.role}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Vice-chair">
          <Select value={t.viceChairMemberKey ?? ''} onChange={(_e, d) => set('viceChairMemberKey', d.value)}>
            <option value="">Not set</option>
            {t.members.map((m) => (
              <option key={m.key} value={m.key}>
                {m.role}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Review date" validationMessage={error?.fields?.reviewDate}>
          <Input type="date" value={t.reviewDate} onChange={(_e, d) => set('reviewDate', d.value)} />
        </Field>
      </div>

      <div className={styles.section} role="group" aria-label="Quorum">
        <Text weight="semibold">Quorum: every part given must hold</Text>
        <div className={styles.grid}>
          <CountField label="At least this many members" value={t.quorum.minMembers ?? 0} min={0} max={200} onChange={(n) => set('quorum', { ...t.quorum, minMembers: n || undefined })} />
          <Field label="Or a fraction of members">
            <Select value={t.quorum.minFraction === undefined ? '' : String(t.quorum.minFraction)} onChange={(_e, d) => set('quorum', { ...t.quorum, minFraction: d.value ? Number(d.value) : undefined })}>
              {FRACTIONS.map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </Select>
          </Field>
          <CountField label="Agencies represented, at least" value={t.quorum.minAgencies ?? 0} min={0} max={50} onChange={(n) => set('quorum', { ...t.quorum, minAgencies: n || undefined })} />
        </div>
        <Checkbox checked={t.quorum.requireChairOrVice} onChange={(_e, d) => set('quorum', { ...t.quorum, requireChairOrVice: Boolean(d.checked) })} label="The chair or vice-chair must be present" />
        <Field label="Anything else the rule says" hint="Printed after the parts above, e.g. “one of which must be the local authority”">
          <Input value={t.quorum.text} onChange={(_e, d) => set('quorum', { ...t.quorum, text: d.value })} />
        </Field>
      </div>

      <div className={styles.grid}>
        <CountField label="Meetings a year" value={t.meetingsPerYear} min={1} max={52} onChange={(n) => set('meetingsPerYear', n)} />
        <CountField label="Deep dives a meeting" value={t.deepDivesPerMeeting} min={0} max={10} onChange={(n) => set('deepDivesPerMeeting', n)} />
        <CountField label="Paper deadline (clear working days)" value={t.paperDeadlineWorkingDays} min={0} max={60} onChange={(n) => set('paperDeadlineWorkingDays', n)} />
      </div>
      <div className={styles.section} role="group" aria-label="Reports to">
        <Text weight="semibold">Reports to</Text>
        {view.boards.map((b) => (
          <Checkbox
            key={b.id}
            label={b.name}
            checked={t.reportsToBoardIds.includes(b.id)}
            onChange={(_e, d) => set('reportsToBoardIds', d.checked ? [...t.reportsToBoardIds, b.id] : t.reportsToBoardIds.filter((x) => x !== b.id))}
          />
        ))}
      </div>
      <Field label="Permissions (one per line)" hint="e.g. May challenge any area of the partnership’s work in depth">
        <Textarea value={permissions} onChange={(_e, d) => setPermissions(d.value)} rows={3} resize="vertical" />
      </Field>
      <Checkbox
        checked={Boolean(t.writtenResolutions)}
        onChange={(_e, d) => set('writtenResolutions', Boolean(d.checked))}
        label="The board may decide between meetings by written resolution (the voting members reply in writing within a window; the quorum applies to the replies)"
      />
    </FormDialog>
  );
};
