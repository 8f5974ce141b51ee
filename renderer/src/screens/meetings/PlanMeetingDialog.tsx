import { useState } from 'react';
import { Field, Input, Select } from '@fluentui/react-components';
import { FormDialog } from '../../components/FormDialog';
import type { BoardOption } from '@shared/views';
import type { QuorumError } from '@shared/result';
import { bridge } from '../../bridge';

/** A new meeting of a board: date, times, venue. Its agenda is drafted on the meeting's page. */
export const PlanMeetingDialog = ({ boards, defaultVenue, onClose }: { boards: readonly BoardOption[]; defaultVenue: string; onClose: (meetingId: string | null) => void }) => {
  const [form, setForm] = useState({ boardId: boards[0]?.id ?? '', date: '', startTime: '15:00', endTime: '17:00', venue: defaultVenue });
  const [error, setError] = useState<QuorumError | null>(null);
  const set = (key: keyof typeof form) => (_e: unknown, d: { value: string }) => setForm((f) => ({ ...f, [key]: d.value }));
  const save = async ({ confirmed }: { confirmed: boolean }) => {
    const r = await bridge().meetings.create({ ...form, ...(confirmed ? { confirmed } : {}) });
    if (r.ok) onClose(r.value.meetingId);
    else setError(r.error);
  };
  // An end before the start is said as it is typed, not after Save.
  const endsBeforeStart = Boolean(form.startTime && form.endTime && form.endTime <= form.startTime);
  const field = (name: string) => (name === 'endTime' && endsBeforeStart ? `End after ${form.startTime}: a meeting ends after it starts` : error?.fields?.[name]);
  return (
    <FormDialog title="Plan a meeting" errorTitle="The meeting was not planned" error={error} saveLabel="Plan the meeting" onSave={save} onClose={() => onClose(null)} saveDisabled={endsBeforeStart || !form.date}>
      <Field label="Board" required>
        <Select value={form.boardId} onChange={set('boardId')}>
          {boards.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Date" required validationMessage={field('date')}>
        <Input type="date" value={form.date} onChange={set('date')} />
      </Field>
      <div style={{ display: 'flex', gap: '12px' }}>
        <Field label="Starts" required validationMessage={field('startTime')}>
          <Input type="time" value={form.startTime} onChange={set('startTime')} />
        </Field>
        <Field label="Ends" required validationMessage={field('endTime')}>
          <Input type="time" value={form.endTime} onChange={set('endTime')} />
        </Field>
      </div>
      <Field label="Venue" validationMessage={field('venue')}>
        <Input value={form.venue} onChange={set('venue')} />
      </Field>
    </FormDialog>
  );
};
