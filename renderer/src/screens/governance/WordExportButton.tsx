import { useState } from 'react';
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { ArrowExportLtr20Regular } from '@fluentui/react-icons';
import type { ExportOutcome } from '@shared/views';
import type { QuorumError, Result } from '@shared/result';
import { ErrorBar } from '../../components/ErrorBar';
import { formatBytes } from '../../format';

/** Saves a document as Word through the save dialog (the terms of reference, a protocol, the plan), and says where. */
export const WordExportButton = ({ label, call }: { label: string; call: () => Promise<Result<ExportOutcome>> }) => {
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const [error, setError] = useState<QuorumError | null>(null);
  const run = async () => {
    setError(null);
    setOutcome(null);
    const r = await call();
    if (r.ok) setOutcome(r.value);
    else setError(r.error);
  };
  return (
    <>
      <Button icon={<ArrowExportLtr20Regular />} onClick={run}>
        {label}
      </Button>
      <ErrorBar title="Nothing was exported" error={error} />
      {outcome && (
        <MessageBar intent={outcome.saved ? 'success' : 'info'}>
          <MessageBarBody>{outcome.saved ? `Saved ${outcome.file} (${formatBytes(outcome.bytes)}).` : outcome.reason}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
};
