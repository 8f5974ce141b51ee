import { Select } from '@fluentui/react-components';

export type PersonOption = { id: string; name: string; organisation: string };

/** A native select of people ("Mark Ellery, Eastmere Police"): keyboard- and screen-reader-friendly. */
export const PersonSelect = ({ people, value, onChange, placeholder = 'Choose a person', id }: { people: readonly PersonOption[]; value: string; onChange: (id: string) => void; placeholder?: string; id?: string }) => (
  <Select id={id} value={value} onChange={(_e, d) => onChange(d.value)}>
    <option value="">{placeholder}</option>
    {people.map((p) => (
      <option key={p.id} value={p.id}>
        {p.name}
        {p.organisation ? `, ${p.organisation}` : ''}
      </option>
    ))}
  </Select>
);
