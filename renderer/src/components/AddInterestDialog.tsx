import { useState } from 'react';
import { Checkbox, Field, Input, Select, Textarea } from '@fluentui/react-components';
import type { QuorumError } from '@shared/result';
import { call, useQuery } from '../bridge';
import { FormDialog } from './FormDialog';
import { PersonSelect } from './PersonSelect';

/** The headings of the register (shared/schema/interests.ts), as the form offers them. */
export const INTEREST_KIND_OPTIONS = [
  { value: 'organisation', label: 'Membership of an organisation (a charity, a trust, a body)' },
  { value: 'role', label: 'Office or role (trustee, governor, director)' },
  { value: 'employment', label: 'Employment, office, trade or profession' },
  { value: 'land', label: 'Land and property' },
  { value: 'gift', label: 'Gift' },
  { value: 'hospitality', label: 'Hospitality' },
] as const;
type InterestKind = (typeof INTEREST_KIND_OPTIONS)[number]['value'];

/**
 * Registers an interest (interests:add): from the register, or from a declaration made at a
 * meeting that the register did not hold, filled in with what was declared.
 */
export const AddInterestDialog = ({ initial, onClose }: { initial: { personId: string; from: string; description?: string }; onClose: (summary?: string) => void }) => {
  const people = useQuery('people:list', {});
  const [form, setForm] = useState({ personId: initial.personId, kind: 'organisation' as InterestKind, description: initial.description ?? '', body: '', value: '', from: initial.from, sensitive: false });
  const [error, setError] = useState<QuorumError | null>(null);
  const valued = form.kind === 'gift' || form.kind === 'hospitality';
  const save = async () => {
    const value = form.value.trim() ? Number(form.value.replace(/[£,\s]/g, '')) : undefined;
    const r = await call('interests:add', {
      personId: form.personId as `person:${string}`,
      kind: form.kind,
      description: form.description.trim(),
      body: form.body.trim(),
      ...(valued && value !== undefined && Number.isFinite(value) ? { valuePounds: value } : {}),
      from: form.from,
      sensitive: form.sensitive,
    });
    if (r.ok) onClose(r.value.summary);
    else setError(r.error);
  };
  const set = <K extends keyof typeof form>(k: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [k]: value }));
  return (
    <FormDialog
      title="Register an interest"
      errorTitle="The interest was not registered"
      error={error}
      saveLabel="Register"
      onSave={save}
      onClose={() => onClose()}
      saveDisabled={!form.personId || !form.description.trim() || !form.from}
      saveHint="Choose the member and say what the interest is"
    >
      <Field label="Member" required>
        <PersonSelect people={people.state.status === 'ready' ? people.state.value : []} value={form.personId} onChange={(id) => set('personId', id)} />
      </Field>
      <Field label="Kind">
        <Select value={form.kind} onChange={(_e, d) => set('kind', d.value as InterestKind)}>
          {INTEREST_KIND_OPTIONS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="The interest, in the member’s words" required hint="For example: Trustee of Northshire Young Carers">
        <Textarea value={form.description} onChange={(_e, d) => set('description', d.value)} />
      </Field>
      <Field label="The body it concerns" hint="The charity, company or landlord, as named: Quorum looks for it in each meeting’s papers">
        <Input value={form.body} onChange={(_e, d) => set('body', d.value)} />
      </Field>
      {valued && (
        <Field label="Value in pounds" required>
          <Input inputMode="decimal" value={form.value} onChange={(_e, d) => set('value', d.value)} />
        </Field>
      )}
      <Field label="Held from" required>
        <Input type="date" value={form.from} onChange={(_e, d) => set('from', d.value)} />
      </Field>
      <Checkbox
        checked={form.sensitive}
        onChange={(_e, d) => set('sensitive', Boolean(d.checked))}
        label="Sensitive: publishing it could lead to violence or intimidation (kept off the public register, Localism Act 2011 s.32)"
      />
    </FormDialog>
  );
};

