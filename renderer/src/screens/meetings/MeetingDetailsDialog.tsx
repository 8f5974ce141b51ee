import { useState } from 'react';
import { Field, Input, Select } from '@fluentui/react-components';
import { FormDialog } from '../../components/FormDialog';
import type { Meeting } from '@shared/schema/records';
import type { QuorumError } from '@shared/result';
import { bridge } from '../../bridge';
import { MEETING_STATUS_LABEL } from '@shared/rules/labels';

const STATUSES = Object.entries(MEETING_STATUS_LABEL) as [keyof typeof MEETING_STATUS_LABEL, string][];

export const MeetingDetailsDialog = ({ meeting, onClose }: { meeting: Meeting; onClose: () => void }) => {
  const [form, setForm] = useState({ date: meeting.date, startTime: meeting.startTime, endTime: meeting.endTime, venue: meeting.venue, status: meeting.status });
  const [error, setError] = useState<QuorumError | null>(null);
  const set = (key: keyof typeof form) => (_e: unknown, d: { value: string }) => setForm((f) => ({ ...f, [key]: d.value }));
  const save = async () => {
    const r = await bridge().meetings.update({ meetingId: meeting.id, ...form, expectedRev: meeting.rev });
    if (r.ok) onClose();
    else setError(r.error);
  };
  return (
    <FormDialog title="Meeting details" errorTitle="The meeting was not changed" error={error} saveLabel="Save" onSave={save} onClose={onClose} saveDisabled={Boolean(form.endTime && form.startTime && form.endTime <= form.startTime)}>
      <Field label="Date" validationMessage={error?.fields?.date}>
        <Input type="date" value={form.date} onChange={set('date')} />
      </Field>
      <div style={{ display: 'flex', gap: '12px' }}>
        <Field label="Starts" validationMessage={error?.fields?.startTime}>
          <Input type="time" value={form.startTime} onChange={set('startTime')} />
        </Field>
        <Field label="Ends" validationMessage={form.endTime && form.startTime && form.endTime <= form.startTime ? `End after ${form.startTime}: a meeting ends after it starts` : error?.fields?.endTime}>
          <Input type="time" value={form.endTime} onChange={set('endTime')} />
        </Field>
      </div>
      <Field label="Venue">
        <Input value={form.venue} onChange={set('venue')} />
      </Field>
      <Field label="Status">
        <Select value={form.status} onChange={set('status')}>
          {STATUSES.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </Select>
      </Field>
    </FormDialog>
  );
};
