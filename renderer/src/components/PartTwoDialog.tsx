import { useState } from 'react';
import { Field, Input, Select, Switch, Text } from '@fluentui/react-components';
import { FormDialog } from './FormDialog';
import type { ItemRef } from './itemRef';
import { SCHEDULE_12A_DESCRIPTIONS, SCHEDULE_12A_PARAGRAPHS } from '@shared/schema/schedule12a';
import type { QuorumError } from '@shared/result';
import { bridge } from '../bridge';

type Paragraph = (typeof SCHEDULE_12A_PARAGRAPHS)[number];

export type PartTwoChoice = { inPart2: boolean; paragraph: Paragraph; reason: string; publicTitle: string };

/** Part 2 or not, the Schedule 12A paragraph, the reason and a public title: the same fields wherever an item's Part 2 status is set. */
export const PartTwoFields = ({ title, value, onChange }: { title: string; value: PartTwoChoice; onChange: (v: PartTwoChoice) => void }) => {
  const set = (patch: Partial<PartTwoChoice>) => onChange({ ...value, ...patch });
  return (
    <>
      <Switch checked={value.inPart2} onChange={(_e, d) => set({ inPart2: d.checked })} label="Take this item in Part 2, with the press and public excluded" />
      {value.inPart2 && (
        <>
          <Field label="Schedule 12A paragraph" required>
            <Select value={String(value.paragraph)} onChange={(_e, d) => set({ paragraph: Number(d.value) as Paragraph })}>
              {SCHEDULE_12A_PARAGRAPHS.map((n) => (
                <option key={n} value={n}>
                  {n}. {SCHEDULE_12A_DESCRIPTIONS[n]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Reason for excluding the public" hint="Printed in the full pack; the public pack shows only the title and paragraph.">
            <Input value={value.reason} onChange={(_e, d) => set({ reason: d.value })} />
          </Field>
          <Field
            label="Public title (optional)"
            hint={`Printed instead of “${title}” on the public agenda, minutes, forward plan, deep-dive schedule and calendar. Give one when the title names a provider, a child or anyone else the exemption protects.`}
          >
            <Input value={value.publicTitle} maxLength={300} placeholder="For example: Commissioning of a residential placement" onChange={(_e, d) => set({ publicTitle: d.value })} />
          </Field>
        </>
      )}
    </>
  );
};

/** Whether the item is taken with the press and public excluded, and under which paragraph of Schedule 12A. */
export const PartTwoDialog = ({ line, onClose }: { line: ItemRef; onClose: (saved: boolean) => void }) => {
  const [inPart2, setInPart2] = useState(Boolean(line.part2));
  const [paragraph, setParagraph] = useState<Paragraph>(line.part2?.paragraph ?? 3);
  const [reason, setReason] = useState(line.part2?.reason ?? '');
  const [publicTitle, setPublicTitle] = useState(line.part2?.publicTitle ?? '');
  const [error, setError] = useState<QuorumError | null>(null);
  const save = async () => {
    const r = await bridge().agenda.setPartTwo({ agendaItemId: line.id, part2: inPart2 ? { paragraph, reason, publicTitle } : null, expectedRev: line.rev });
    if (r.ok) onClose(true);
    else setError(r.error);
  };
  return (
    <FormDialog title={`Part 2: item ${line.number}, ${line.title}`} errorTitle="The item was not changed" error={error} saveLabel="Save" onSave={save} onClose={() => onClose(false)}>
      <PartTwoFields title={line.title} value={{ inPart2, paragraph, reason, publicTitle }} onChange={(v) => {
        setInPart2(v.inPart2);
        setParagraph(v.paragraph);
        setReason(v.reason);
        setPublicTitle(v.publicTitle);
      }} />
      {!inPart2 && line.paper?.coverSheet.classification === 'exempt' && <Text>The paper is marked exempt: in the public part it would be published.</Text>}
    </FormDialog>
  );
};
