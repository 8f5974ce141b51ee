import { useState } from 'react';
import { Field, Select, Text } from '@fluentui/react-components';
import type { ReturnedCopyOutcome } from '@shared/views';
import type { ProtocolView, VersionView } from '@shared/rules/protocolView';
import type { QuorumError } from '@shared/result';
import { bridge } from '../../bridge';
import { FormDialog } from '../../components/FormDialog';
import { chosenId } from '../../ids';

/**
 * Reads a partner's returned Word copy: their Word comments and tracked changes become review
 * comments on the matching sections, with the reviewer's name and organisation.
 */
export const ReturnedCopyDialog = ({ view, version, onClose }: { view: ProtocolView; version: VersionView; onClose: (outcome: Extract<ReturnedCopyOutcome, { imported: true }> | string | null) => void }) => {
  const [organisationId, setOrganisationId] = useState('');
  const [error, setError] = useState<QuorumError | null>(null);
  const run = async () => {
    setError(null);
    const r = await bridge().protocols.importReturned({ protocolVersionId: version.id, organisationId: chosenId('organisation', organisationId)! });
    if (!r.ok) return setError(r.error);
    onClose(r.value.imported ? r.value : r.value.reason);
  };
  return (
    <FormDialog title={`Import a returned copy of version ${version.version}`} errorTitle="The copy was not imported" error={error} saveLabel="Choose the Word file…" onSave={run} onClose={() => onClose(null)} saveDisabled={!organisationId}>
      <Text>Comments the partner made in Word, with the passage each is on, and the changes they tracked are added to the matching sections for you to accept or decline. Reviewers Quorum knows keep their own organisation.</Text>
      <Field label="Returned by" required hint="Used for reviewers Quorum does not know.">
        <Select value={organisationId} onChange={(_e, d) => setOrganisationId(d.value)}>
          <option value="">Choose the organisation</option>
          {view.organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </Select>
      </Field>
    </FormDialog>
  );
};
