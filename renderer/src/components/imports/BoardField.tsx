import { Field, Select } from '@fluentui/react-components';
import { chosenId } from '../../ids';

export type BoardChoice = { id: `board:${string}`; shortName: string };

/** Which board an import is for: the open boards of the partnership. */
export const BoardField = ({ boards, value, onChange }: { boards: BoardChoice[]; value: string; onChange: (id: BoardChoice['id']) => void }) => (
  <Field label="Board" required>
    <Select value={value} onChange={(_e, d) => onChange(chosenId('board', d.value)!)}>
      {boards.map((b) => (
        <option key={b.id} value={b.id}>
          {b.shortName}
        </option>
      ))}
    </Select>
  </Field>
);
