import { useState } from 'react';
import { Field, Input, Select, Spinner } from '@fluentui/react-components';
import type { DirectoryPerson } from '@shared/views';
import type { QuorumError } from '@shared/result';
import { call, useQuery } from '../bridge';
import { chosenId } from '../ids';
import { FormDialog } from './FormDialog';
import { ErrorBar } from './ErrorBar';

/**
 * Adds someone to the partnership, or corrects their details: from the People screen, or from any
 * person picker ("Add a person not listed…") when a substitute, a new Interim Head of Safeguarding
 * or an outside presenter turns up. `onClose` hands back the new person's id when one was added.
 */
export const PersonDialog = ({ person, onClose, organisationFirst }: { person: DirectoryPerson | null; onClose: (addedId?: string) => void; organisationFirst?: string }) => {
  const { state } = useQuery('people:directory', {});
  const organisations = state.status === 'ready' ? state.value.organisations.filter((o) => !o.retiredOn) : [];
  const preferred = organisations.find((o) => o.name === organisationFirst)?.id;
  const [form, setForm] = useState({ name: person?.name ?? '', jobTitle: person?.jobTitle ?? '', organisationId: person?.organisationId ?? '', email: person?.email ?? '', phone: person?.phone ?? '' });
  const [error, setError] = useState<QuorumError | null>(null);
  const set = (key: keyof typeof form) => (_e: unknown, d: { value: string }) => setForm((f) => ({ ...f, [key]: d.value }));
  const organisationId = chosenId('organisation', form.organisationId || preferred || organisations[0]?.id);
  const submit = async () => {
    const fields = { ...form, organisationId: organisationId! };
    if (person) {
      const r = await call('people:update', { personId: person.id, ...fields, expectedRev: person.rev });
      if (r.ok) onClose();
      else setError(r.error);
    } else {
      const r = await call('people:add', fields);
      if (r.ok) onClose(r.value.personId);
      else setError(r.error);
    }
  };
  return (
    <FormDialog title={person ? `Edit ${person.name}` : 'Add a person'} errorTitle="The person was not saved" error={error} saveLabel={person ? 'Save' : 'Add person'} onSave={submit} onClose={() => onClose()} saveDisabled={!organisationId}>
      {state.status === 'loading' && <Spinner size="tiny" label="Loading the organisations…" />}
      {state.status === 'error' && <ErrorBar title="The organisations could not be loaded" error={state.error} />}
      <Field label="Name" required validationMessage={error?.fields?.name}>
        <Input value={form.name} onChange={set('name')} />
      </Field>
      <Field label="Job title" validationMessage={error?.fields?.jobTitle}>
        <Input value={form.jobTitle} onChange={set('jobTitle')} placeholder="e.g. Interim Head of Safeguarding" />
      </Field>
      <Field label="Organisation" required validationMessage={error?.fields?.organisationId ?? (state.status === 'ready' && organisations.length === 0 ? 'Add the organisation first, on People and boards' : undefined)}>
        <Select value={organisationId ?? ''} onChange={set('organisationId')}>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Email" validationMessage={error?.fields?.email}>
        <Input type="email" value={form.email} onChange={set('email')} />
      </Field>
      <Field label="Phone" validationMessage={error?.fields?.phone}>
        <Input type="tel" value={form.phone} onChange={set('phone')} />
      </Field>
    </FormDialog>
  );
};
