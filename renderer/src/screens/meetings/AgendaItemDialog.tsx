import { useState } from 'react';
import { Checkbox, Field, Input, Select } from '@fluentui/react-components';
import { FormDialog } from '../../components/FormDialog';
import { CountField } from '../../components/CountField';
import type { AgendaItemView, MeetingView } from '@shared/rules/meetingView';
import { PURPOSE_LABEL } from '@shared/pack/model';
import { ITEM_PURPOSES } from '@shared/schema/purposes';
import type { QuorumError } from '@shared/result';
import { bridge } from '../../bridge';
import { chosenId, chosenIds } from '../../ids';

import { PersonSelect } from '../../components/PersonSelect';

type Purpose = AgendaItemView['purpose'];

/** Adds a business item, or edits one: title, purpose, timing, presenters, and whether a paper is asked for. */
export const AgendaItemDialog = ({ view, item, onClose }: { view: MeetingView; item: AgendaItemView | null; onClose: (summary: string | null) => void }) => {
  const [title, setTitle] = useState(item?.title ?? '');
  const [purpose, setPurpose] = useState<Purpose>(item?.purpose ?? 'discussion');
  const [duration, setDuration] = useState(item?.durationMinutes ?? 20);
  const [fixedStart, setFixedStart] = useState(item?.fixedStart ?? '');
  const [presenters, setPresenters] = useState<string[]>(item?.presenterIds ?? []);
  const [paper, setPaper] = useState(item ? Boolean(item.paper && item.paper.state !== 'not-needed') : true);
  const [author, setAuthor] = useState(item?.paper?.authorPersonId ?? '');
  const [error, setError] = useState<QuorumError | null>(null);
  const people = view.people;

  const save = async () => {
    const presenterIds = chosenIds('person', presenters);
    const authorPersonId = chosenId('person', author) ?? null;
    const r = item
      ? await bridge().agenda.update({ agendaItemId: item.id, title, purpose, durationMinutes: duration, fixedStart: fixedStart || null, presenterIds, paperRequested: paper, authorPersonId, expectedRev: item.rev })
      : await bridge().agenda.add({ meetingId: view.meeting.id, title, purpose, durationMinutes: duration, presenterIds, paperRequested: paper, ...(authorPersonId ? { authorPersonId } : {}) });
    if (r.ok) onClose(r.value.summary);
    else setError(r.error);
  };
  return (
    <FormDialog title={item ? `Item ${item.number}` : 'Add an item'} errorTitle="The item was not saved" error={error} saveLabel={item ? 'Save item' : 'Add to the agenda'} onSave={save} onClose={() => onClose(null)}>
      <Field label="Title" required validationMessage={error?.fields?.title}>
        <Input value={title} onChange={(_e, d) => setTitle(d.value)} />
      </Field>
      <Field label="Purpose">
        <Select value={purpose} onChange={(_e, d) => setPurpose(d.value as Purpose)}>
          {ITEM_PURPOSES.map((p) => (
            <option key={p} value={p}>
              {PURPOSE_LABEL[p]}
            </option>
          ))}
        </Select>
      </Field>
      <div style={{ display: 'flex', gap: '12px' }}>
        <CountField label="Minutes allowed" value={duration} min={0} max={600} step={5} onChange={setDuration} validationMessage={error?.fields?.durationMinutes} />
        {item && (
          <Field label="Fixed start (optional)" hint="Leave empty to follow the item before.">
            <Input type="time" value={fixedStart} onChange={(_e, d) => setFixedStart(d.value)} />
          </Field>
        )}
      </div>
      {[0, 1, 2].map((i) => (
        <Field key={i} label={i === 0 ? 'Presenter' : `Presenter ${i + 1} (optional)`}>
          <PersonSelect people={people} value={presenters[i] ?? ''} onChange={(v) => setPresenters((p) => Object.assign([...p], { [i]: v }))} placeholder="No one" />
        </Field>
      ))}
      <Checkbox checked={paper} onChange={(_e, d) => setPaper(Boolean(d.checked))} label="A paper is needed for this item" />
      {paper && (
        <Field label="Paper from">
          <PersonSelect people={people} value={author} onChange={setAuthor} placeholder="Not yet known" />
        </Field>
      )}
    </FormDialog>
  );
};
