import { Select } from '@fluentui/react-components';
import { BOARD_KINDS } from '@shared/schema/records';
import { BOARD_KIND_LABEL } from '@shared/rules/labels';

type BoardKind = (typeof BOARD_KINDS)[number];

/** The kinds of board a partnership has, in the words of the People and boards screen. */
export const BoardKindSelect = ({ value, onChange }: { value: BoardKind; onChange: (kind: BoardKind) => void }) => (
  <Select value={value} onChange={(_e, d) => onChange(d.value as BoardKind)}>
    {BOARD_KINDS.map((k) => (
      <option key={k} value={k}>
        {BOARD_KIND_LABEL[k]}
      </option>
    ))}
  </Select>
);
