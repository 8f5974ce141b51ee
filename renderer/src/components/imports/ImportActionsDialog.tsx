import { useState } from 'react';
import { Checkbox, Spinner, Text } from '@fluentui/react-components';
import type { SheetTable } from '@shared/imports/table';
import type { QuorumError } from '@shared/result';
import { formatUkDate } from '@shared/rules/dates';
import { call, useQuery } from '../../bridge';
import { FormDialog } from '../FormDialog';
import { BoardField, type BoardChoice } from './BoardField';
import { PreviewList, RefusedRows } from './PreviewList';

/** A board's existing action log: the open actions to add, those already on the log, the done ones left out, and what cannot be read. */
export const ImportActionsDialog = ({ boards, table, onClose }: { boards: BoardChoice[]; table: SheetTable; onClose: (summary?: string) => void }) => {
  const [leaveOutRefused, setLeaveOutRefused] = useState(false);
  const [boardId, setBoardId] = useState(boards[0]?.id);
  const board = boards.find((b) => b.id === boardId) ?? boards[0]!;
  const [error, setError] = useState<QuorumError | null>(null);
  const input = { boardId: board.id, table, leaveOutRefused };
  const { state } = useQuery('imports:previewActions', input);
  const plan = state.status === 'ready' ? state.value : null;
  const submit = async () => {
    const r = await call('imports:actions', input);
    if (r.ok) onClose(r.value.summary);
    else setError(r.error);
  };
  return (
    <FormDialog
      title={`Import the ${board.shortName}’s action log from ${table.sourceFile}`}
      errorTitle="Nothing was imported"
      error={error ?? (state.status === 'error' ? state.error : null)}
      saveLabel={`Import ${plan?.add.length ?? 0} open action${plan?.add.length === 1 ? '' : 's'}`}
      saveDisabled={!plan || !plan.add.length || (plan.refused.length > 0 && !leaveOutRefused)}
      onSave={submit}
      onClose={() => onClose()}
      maxWidth="760px"
    >
      <BoardField boards={boards} value={board.id} onChange={setBoardId} />
      {state.status === 'loading' && <Spinner size="tiny" label="Checking the log…" />}
      {plan && (
        <>
          <Text as="p" block>
            {plan.rows} rows: {plan.add.length} open actions to add, {plan.alreadyOnLog.length} already on the log, {plan.done.length} done (left out), {plan.refused.length} that cannot be imported.
          </Text>
          <PreviewList title="Will be added" items={plan.add.map((a) => `Row ${a.row}: ${a.text} (${a.owner}, due ${formatUkDate(a.dueDate)}${a.meeting ? `, from the meeting of ${a.meeting}` : ''}${a.note ? `; ${a.note}` : ''})`)} />
          <PreviewList title="Already on the log" items={plan.alreadyOnLog.map((a) => `Row ${a.row}: ${a.text}`)} />
          <PreviewList title="Done, left out" items={plan.done.map((a) => `Row ${a.row}: ${a.text}`)} />
          <RefusedRows refused={plan.refused} />
          {plan.refused.length > 0 && (
            <Checkbox checked={leaveOutRefused} onChange={(_e, d) => setLeaveOutRefused(Boolean(d.checked))} label={`Leave out the ${plan.refused.length} row${plan.refused.length === 1 ? '' : 's'} that cannot be imported, and import the rest`} />
          )}
        </>
      )}
    </FormDialog>
  );
};
