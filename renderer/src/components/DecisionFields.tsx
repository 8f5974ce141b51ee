import { Field, Input, Select } from '@fluentui/react-components';
import type { QuorumError } from '@shared/result';
import { formatUkDate } from '../format';

export type Decision = { date: string; meetingId: string; minuteRef: string };

/** When, at which meeting and under which minute a board decided (ToR approval, protocol sign-off). */
export const DecisionFields = ({ value, onChange, meetings, dateLabel, error }: { value: Decision; onChange: (d: Decision) => void; meetings: readonly { id: string; date: string }[]; dateLabel: string; error: QuorumError | null }) => (
  <>
    <Field label={dateLabel} required validationMessage={error?.fields?.date}>
      <Input type="date" value={value.date} onChange={(_e, d) => onChange({ ...value, date: d.value })} />
    </Field>
    <Field label="At the meeting of">
      <Select value={value.meetingId} onChange={(_e, d) => onChange({ ...value, meetingId: d.value })}>
        <option value="">Not at a meeting</option>
        {meetings.map((m) => (
          <option key={m.id} value={m.id}>
            {formatUkDate(m.date)}
          </option>
        ))}
      </Select>
    </Field>
    <Field label="Minute reference">
      <Input value={value.minuteRef} onChange={(_e, d) => onChange({ ...value, minuteRef: d.value })} placeholder="e.g. CT/26/4" />
    </Field>
  </>
);
