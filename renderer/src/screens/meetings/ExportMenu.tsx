import { useState } from 'react';
import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, MessageBar, MessageBarBody, Radio, RadioGroup } from '@fluentui/react-components';
import { ArrowExportLtr20Regular } from '@fluentui/react-icons';
import type { ExportOutcome } from '@shared/views';
import type { QuorumError, Result } from '@shared/result';
import { bridge } from '../../bridge';
import { ErrorBar } from '../../components/ErrorBar';
import { formatBytes } from '../../format';
import { chosenId } from '../../ids';

/** Word copies of the agenda, minutes and action log, and the board's meetings as a calendar file, each through the save dialog. */
export const ExportMenu = ({ meetingId, boardId }: { meetingId: string; boardId: string }) => {
  const [variant, setVariant] = useState<'public' | 'full'>('public');
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const [error, setError] = useState<QuorumError | null>(null);
  const run = async (call: Promise<Result<ExportOutcome>>) => {
    setError(null);
    setOutcome(null);
    const r = await call;
    if (r.ok) setOutcome(r.value);
    else setError(r.error);
  };
  const word = (kind: 'agenda' | 'minutes' | 'actions') => run(bridge().exports.word({ kind, meetingId, variant }));
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: '8px', alignItems: 'flex-end' }}>
      <div style={{ display: 'flex', gap: '8px', alignItems: 'center' }}>
        <RadioGroup layout="horizontal" value={variant} onChange={(_e, d) => setVariant(d.value as 'public' | 'full')} aria-label="Exports include">
          <Radio value="public" label="Public" />
          <Radio value="full" label="Full (with Part 2)" />
        </RadioGroup>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button icon={<ArrowExportLtr20Regular />}>Export…</Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem onClick={() => word('agenda')}>Agenda (Word)</MenuItem>
              <MenuItem onClick={() => word('minutes')}>Minutes (Word)</MenuItem>
              <MenuItem onClick={() => word('actions')}>Action log (Word)</MenuItem>
              <MenuItem onClick={() => run(bridge().exports.calendar({ boardId: chosenId('board', boardId) }))}>Meetings and paper deadlines (calendar .ics)</MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      </div>
      <ErrorBar title="Nothing was exported" error={error} />
      {outcome && (
        <MessageBar intent={outcome.saved ? 'success' : 'info'}>
          <MessageBarBody>{outcome.saved ? `Saved ${outcome.file} (${formatBytes(outcome.bytes)}).` : outcome.reason}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
};
