import { useState } from 'react';
import { Select } from '@fluentui/react-components';
import { PersonDialog } from './PersonDialog';

export type PersonOption = { id: string; name: string; organisation: string };

const ADD = 'add-a-person';

/**
 * A native select of people ("Mark Ellery, Eastmere Police"): keyboard- and screen-reader-friendly.
 * Unless it is a filter (`canAdd` false), its last option adds someone not yet listed, who is then
 * chosen. `organisationFirst` lists that organisation's people first (a substitute for its seat).
 */
export const PersonSelect = ({
  people,
  value,
  onChange,
  placeholder = 'Choose a person',
  id,
  canAdd = true,
  organisationFirst,
}: {
  people: readonly PersonOption[];
  value: string;
  onChange: (id: string) => void;
  placeholder?: string;
  id?: string;
  canAdd?: boolean;
  organisationFirst?: string;
}) => {
  const [adding, setAdding] = useState(false);
  const ordered = organisationFirst ? [...people].sort((a, b) => Number(b.organisation === organisationFirst) - Number(a.organisation === organisationFirst)) : people;
  return (
    <>
      <Select id={id} value={value} onChange={(_e, d) => (d.value === ADD ? setAdding(true) : onChange(d.value))}>
        <option value="">{placeholder}</option>
        {ordered.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
            {p.organisation ? `, ${p.organisation}` : ''}
          </option>
        ))}
        {canAdd && <option value={ADD}>Add a person not listed…</option>}
      </Select>
      {adding && (
        <PersonDialog
          person={null}
          organisationFirst={organisationFirst}
          onClose={(addedId) => {
            setAdding(false);
            if (addedId) onChange(addedId);
          }}
        />
      )}
    </>
  );
};
