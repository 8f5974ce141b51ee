import { useState } from 'react';
import { Field, Input, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Textarea } from '@fluentui/react-components';
import type { QuorumError } from '@shared/result';
import { formatUkDate } from '@shared/rules/dates';
import { call, useQuery } from '../../bridge';
import { FormDialog } from '../FormDialog';
import { BoardField, type BoardChoice } from './BoardField';
import { PreviewList } from './PreviewList';

/**
 * The year's meetings of a board at once: dates pasted as a list, or the board's rule ("third
 * Tuesday of January, May and September at 15:00"). Each date is shown with its paper deadline
 * (from the board's terms of reference and the bank holidays) before anything is planned.
 */
export const ImportMeetingsDialog = ({ boards, today, defaultVenue, onClose }: { boards: BoardChoice[]; today: string; defaultVenue: string; onClose: (summary?: string) => void }) => {
  const [form, setForm] = useState({ text: '', year: String(Number(today.slice(0, 4)) + (today.slice(5, 7) >= '09' ? 1 : 0)), startTime: '14:00', endTime: '16:00', venue: defaultVenue });
  const [boardId, setBoardId] = useState(boards[0]?.id);
  const board = boards.find((b) => b.id === boardId) ?? boards[0]!;
  const [error, setError] = useState<QuorumError | null>(null);
  const set = (key: keyof typeof form) => (_e: unknown, d: { value: string }) => setForm((f) => ({ ...f, [key]: d.value }));
  const year = Number(form.year);
  const endsBeforeStart = /^\d\d:\d\d$/.test(form.startTime) && /^\d\d:\d\d$/.test(form.endTime) && form.endTime <= form.startTime;
  const valid = Number.isInteger(year) && year >= 2000 && year <= 2100 && /^\d\d:\d\d$/.test(form.startTime) && /^\d\d:\d\d$/.test(form.endTime) && !endsBeforeStart;
  const input = { boardId: board.id, text: form.text, year, startTime: form.startTime, endTime: form.endTime, venue: form.venue };
  const { state } = useQuery('imports:previewMeetings', valid && form.text.trim() ? input : null);
  const plan = state.status === 'ready' ? state.value : null;
  const fresh = plan?.meetings.filter((m) => !m.alreadyPlanned) ?? [];
  const submit = async () => {
    const r = await call('imports:meetings', input);
    if (r.ok) onClose(r.value.summary);
    else setError(r.error);
  };
  return (
    <FormDialog
      title={`The ${board.shortName}’s meetings for the year`}
      errorTitle="No meetings were planned"
      error={error ?? (state.status === 'error' ? state.error : null)}
      saveLabel={`Plan ${fresh.length} meeting${fresh.length === 1 ? '' : 's'}`}
      saveDisabled={!plan || plan.refused.length > 0 || fresh.length === 0}
      onSave={submit}
      onClose={() => onClose()}
      maxWidth="760px"
    >
      <BoardField boards={boards} value={board.id} onChange={setBoardId} />
      <Field label="Dates, one per line, or the board’s rule" hint="e.g. 19/01/2027, Tuesday 18 May 2027 at 2pm, or “third Tuesday of January, May and September at 15:00”">
        <Textarea value={form.text} onChange={set('text')} rows={5} maxLength={20_000} />
      </Field>
      <div style={{ display: 'flex', gap: '12px' }}>
        <Field label="Year (for a rule, or dates without one)">
          <Input type="number" value={form.year} onChange={set('year')} />
        </Field>
        <Field label="Usual start">
          <Input type="time" value={form.startTime} onChange={set('startTime')} />
        </Field>
        <Field label="Usual end" validationMessage={endsBeforeStart ? `End after ${form.startTime}: a meeting ends after it starts` : undefined}>
          <Input type="time" value={form.endTime} onChange={set('endTime')} />
        </Field>
        <Field label="Venue">
          <Input value={form.venue} onChange={set('venue')} />
        </Field>
      </div>
      {state.status === 'loading' && form.text.trim() && <Spinner size="tiny" label="Working out the dates…" />}
      {plan && plan.meetings.length > 0 && (
        <Table aria-label="Meetings to plan" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Date</TableHeaderCell>
              <TableHeaderCell>Time</TableHeaderCell>
              <TableHeaderCell>Papers due</TableHeaderCell>
              <TableHeaderCell>Note</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {plan.meetings.map((m) => (
              <TableRow key={m.date}>
                <TableCell>{m.label}</TableCell>
                <TableCell>
                  {m.startTime}–{m.endTime}
                </TableCell>
                <TableCell>{formatUkDate(m.paperDeadline, true)}</TableCell>
                <TableCell>{[m.alreadyPlanned ? 'Already planned' : '', m.warning ? `Falls on ${m.warning}` : ''].filter(Boolean).join('; ')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {plan && <PreviewList title="Not understood" refused items={plan.refused.map((p) => `Line ${p.row}: ${p.message}`)} />}
      {plan && plan.refused.length > 0 && <Text block>Correct the lines that were not understood; nothing is planned until every line reads.</Text>}
    </FormDialog>
  );
};
