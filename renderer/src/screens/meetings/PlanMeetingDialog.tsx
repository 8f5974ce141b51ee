import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Select } from '@fluentui/react-components';
import type { BoardOption } from '@shared/contract';
import type { QuorumError } from '@shared/result';
import { bridge } from '../../bridge';
import { ErrorBar } from '../../components/ErrorBar';

/** A new meeting of a board: date, times, venue. Its agenda is drafted on the meeting's page. */
export const PlanMeetingDialog = ({ boards, defaultVenue, onClose }: { boards: readonly BoardOption[]; defaultVenue: string; onClose: (meetingId: string | null) => void }) => {
  const [form, setForm] = useState({ boardId: boards[0]?.id ?? '', date: '', startTime: '15:00', endTime: '17:00', venue: defaultVenue });
  const [error, setError] = useState<QuorumError | null>(null);
  const set = (key: keyof typeof form) => (_e: unknown, d: { value: string }) => setForm((f) => ({ ...f, [key]: d.value }));
  const save = async () => {
    const r = await bridge().meetings.create(form);
    if (r.ok) onClose(r.value.meetingId);
    else setError(r.error);
  };
  const field = (name: string) => error?.fields?.[name];
  return (
    <Dialog open modalType="modal" onOpenChange={(_e, d) => !d.open && onClose(null)}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>Plan a meeting</DialogTitle>
          <DialogContent style={{ display: 'flex', flexDirection: 'column', gap: '12px' }}>
            <ErrorBar title="The meeting was not planned" error={error} />
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
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={save}>
              Plan the meeting
            </Button>
            <Button onClick={() => onClose(null)}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
};
