import { noInput } from '../schema/common';
import { findRecord, listRecords } from '../data';
import { query } from '../kernel/operation';
import { compareEnglish } from '../rules/textOrder';

/** Everyone in the partnership with their organisation, for the pickers. */
export const listPeople = query({
  name: 'people:list',
  input: noInput,
  reads: ['person', 'organisation'],
  view: (data) =>
    listRecords(data, 'person')
      .filter((p) => !p.retiredOn)
      .map((p) => ({ id: p.id, name: p.name, organisation: findRecord(data, 'organisation', p.organisationId)?.name ?? '' }))
      .sort((a, b) => compareEnglish(a.name, b.name)),
});
