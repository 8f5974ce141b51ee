import { useState } from 'react';
import { Button, Field, Input, Select, Text, makeStyles } from '@fluentui/react-components';
import { FormDialog } from '../../components/FormDialog';
import { CountField } from '../../components/CountField';

import { ArrowDown16Regular, ArrowUp16Regular, Delete16Regular } from '@fluentui/react-icons';
import type { BoardOption } from '@shared/views';
import type { QuorumError } from '@shared/result';
import { bridge } from '../../bridge';

const KINDS = [
  ['apologies', 'Apologies and introductions'],
  ['declarations', 'Declarations of interest'],
  ['minutes', 'Minutes of the last meeting'],
  ['action-log', 'Action log'],
  ['partner-updates', 'Partner updates'],
  ['forward-plan', 'Forward plan'],
  ['aob', 'Any other business'],
] as const;
type Standing = BoardOption['standingItems'][number];

const useStyles = makeStyles({
  row: { display: 'grid', gridTemplateColumns: '190px 1fr 110px auto', gap: '8px', alignItems: 'end' },
  list: { display: 'flex', flexDirection: 'column', gap: '8px' },
});

/** The standing items every agenda of this board opens and closes with; new drafts use them. */
export const StandingItemsDialog = ({ board, onClose }: { board: BoardOption; onClose: (summary: string | null) => void }) => {
  const styles = useStyles();
  const [items, setItems] = useState<Standing[]>(board.standingItems);
  const [error, setError] = useState<QuorumError | null>(null);
  const update = (i: number, patch: Partial<Standing>) => setItems((xs) => xs.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const move = (i: number, by: number) =>
    setItems((xs) => {
      const next = [...xs];
      const [x] = next.splice(i, 1);
      next.splice(i + by, 0, x);
      return next;
    });
  const save = async () => {
    const r = await bridge().boards.setStandingItems({ boardId: board.id, standingItems: items, expectedRev: board.rev });
    if (r.ok) onClose(r.value.summary);
    else setError(r.error);
  };
  return (
    <FormDialog title={`Standing items: ${board.name}`} errorTitle="The standing items were not saved" error={error} saveLabel="Save standing items" onSave={save} onClose={() => onClose(null)} maxWidth="820px">
      <Text>New agendas open with the items before the business of the meeting and close with partner updates, the forward plan and any other business. Agendas already drafted keep their items.</Text>
      <div className={styles.list}>
        {items.map((s, i) => (
          <div key={i} className={styles.row} role="group" aria-label={`Standing item ${i + 1}`}>
            <Field label="Kind">
              <Select value={s.kind} onChange={(_e, d) => update(i, { kind: d.value as Standing['kind'] })}>
                {KINDS.map(([v, l]) => (
                  <option key={v} value={v}>
                    {l}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Title on the agenda">
              <Input value={s.title} onChange={(_e, d) => update(i, { title: d.value })} />
            </Field>
            <CountField label="Minutes" value={s.durationMinutes} min={0} max={600} step={5} onChange={(n) => update(i, { durationMinutes: n })} />
            <div>
              <Button appearance="subtle" icon={<ArrowUp16Regular />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move standing item ${i + 1} up`} />
              <Button appearance="subtle" icon={<ArrowDown16Regular />} disabled={i === items.length - 1} onClick={() => move(i, 1)} aria-label={`Move standing item ${i + 1} down`} />
              <Button appearance="subtle" icon={<Delete16Regular />} onClick={() => setItems((xs) => xs.filter((_x, j) => j !== i))} aria-label={`Remove standing item ${i + 1}`} />
            </div>
          </div>
        ))}
      </div>
      <div>
        <Button disabled={items.length >= 30} onClick={() => setItems((xs) => [...xs, { kind: 'aob', title: 'Any other business', durationMinutes: 5 }])}>
          Add a standing item
        </Button>
      </div>
    </FormDialog>
  );
};
