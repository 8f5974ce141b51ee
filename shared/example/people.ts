import type { Organisation, Person } from '../schema/records';

/**
 * The fictional Eastmere partnership: every name here is invented. It is modelled on the
 * published minutes of real boards (see ../shared/seeds), not on the people in them.
 */
type NewOrg = Pick<Organisation, 'id' | 'type' | 'name' | 'kind'>;
type NewPerson = Pick<Person, 'id' | 'type' | 'name' | 'jobTitle' | 'organisationId' | 'email'>;

const org = (key: string, name: string, kind: Organisation['kind']): NewOrg => ({
  id: `organisation:${key}`,
  type: 'organisation',
  name,
  kind,
});

export const exampleOrganisations = [
  org('council', 'Eastmere Borough Council', 'council'),
  org('police', 'Northshire Police', 'police'),
  org('icb', 'Northshire Integrated Care Board', 'health'),
  org('community-health', 'Eastmere Community Health NHS Trust', 'health'),
  org('schools', 'Eastmere Schools Forum', 'education'),
  org('governors', 'Eastmere Governors Forum', 'education'),
  org('cvs', 'Eastmere Council for Voluntary Service', 'voluntary'),
  org('healthwatch', 'Healthwatch Eastmere', 'voluntary'),
] as const;

const person = (key: string, name: string, jobTitle: string, orgKey: string): NewPerson => ({
  id: `person:${key}`,
  type: 'person',
  name,
  jobTitle,
  organisationId: `organisation:${orgKey}`,
  email: `${key.replace(/-/g, '.')}@example.org.uk`,
});

export const examplePeople = [
  person('ruth-hallam', 'Cllr Ruth Hallam', 'Cabinet Member for Children and Families', 'council'),
  person('tom-okafor', 'Cllr Tom Okafor', 'Lead Member, Health and Wellbeing', 'council'),
  person('dev-sandhu', 'Cllr Dev Sandhu', 'Councillor', 'council'),
  person('sarah-whitcombe', 'Sarah Whitcombe', 'Director of Children’s Services', 'council'),
  person('amira-haddad', 'Amira Haddad', 'Head of Safeguarding', 'council'),
  person('leah-donnelly', 'Dr Leah Donnelly', 'Director of Public Health', 'council'),
  person('joan-fairley', 'Joan Fairley', 'Partnership Board Officer', 'council'),
  person('mark-ellery', 'DCI Mark Ellery', 'Head of Public Protection', 'police'),
  person('nadia-rowe', 'DI Nadia Rowe', 'Detective Inspector, Child Protection', 'police'),
  person('priya-nair', 'Dr Priya Nair', 'Designated Doctor for Safeguarding', 'icb'),
  person('beth-arnold', 'Beth Arnold', 'Director of Nursing', 'icb'),
  person('colin-marsh', 'Colin Marsh', 'Chief Operating Officer', 'community-health'),
  person('helen-brandt', 'Helen Brandt', 'Headteacher, Eastmere Primary', 'schools'),
  person('gareth-lyle', 'Gareth Lyle', 'Chair', 'governors'),
  person('martin-doyle', 'Martin Doyle', 'Vice-Chair', 'governors'),
  person('kofi-mensah', 'Kofi Mensah', 'Chief Executive', 'healthwatch'),
  person('erin-walsh', 'Erin Walsh', 'Chief Executive', 'cvs'),
  person('owen-pritchard', 'Owen Pritchard', 'Independent Scrutineer', 'council'),
] as const;
