import { useState } from 'react';
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { ArrowExportLtr20Regular } from '@fluentui/react-icons';
import type { ExportOutcome } from '@shared/contract';
import type { QuorumError } from '@shared/result';
import { bridge } from '../../bridge';
import { ErrorBar } from '../../components/ErrorBar';
import { formatBytes } from '../../format';

/** Saves the terms of reference or a protocol version as Word, through the save dialog. */
export const WordExportButton = ({ what, id, label, trackedChanges }: { what: 'tor' | 'protocol'; id: string; label: string; trackedChanges?: boolean }) => {
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const [error, setError] = useState<QuorumError | null>(null);
  const run = async () => {
    setError(null);
    setOutcome(null);
    const r =
      what === 'tor'
        ? await bridge().exports.governance({ what: 'tor', id: id as `tor:${string}` })
        : await bridge().exports.governance({ what: 'protocol', id: id as `protocolVersion:${string}`, trackedChanges: Boolean(trackedChanges) });
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
