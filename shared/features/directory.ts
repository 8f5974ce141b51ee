import { z } from 'zod';
import { expectedRev, line, noInput, optionalLine, recordId } from '../schema/common';
import { ORGANISATION_KINDS, type Organisation, type Person } from '../schema/records';
import { findRecord, getRecord, listRecords } from '../data';
import { QuorumFailure } from '../result';
import { ChangeSet } from '../kernel/changeSet';
import { mutation, query } from '../kernel/operation';
import type { DirectoryOrganisation, DirectoryPerson } from '../views';
import { compareEnglish } from '../rules/textOrder';

/**
 * The partnership's people and organisations, set up by the secretariat (not only the example's).
 * Nobody is ever deleted: someone who leaves is retired, kept on every past record (minutes,
 * actions, seats) and gone from the pickers.
 */
const email = z.union([z.literal(''), z.string().trim().max(200).email('Enter an email address like name@example.org.uk')]);

const personFields = {
  name: line(200),
  jobTitle: optionalLine(200),
  organisationId: recordId('organisation'),
  email,
  phone: optionalLine(60),
};

const sameEmail = (people: Person[], email: string, except?: string) =>
  email ? people.find((p) => p.id !== except && !p.retiredOn && p.email.toLowerCase() === email.toLowerCase()) : undefined;

const activeOrganisation = (data: Parameters<typeof getRecord>[0], id: string) => {
  const org = getRecord(data, 'organisation', id, 'That organisation is not in the partnership');
  if (org.retiredOn) throw new QuorumFailure('invalid-input', `${org.name} has left the partnership; choose a current organisation`, { organisationId: 'No longer in the partnership' });
  return org;
};

export const addPerson = mutation({
  name: 'people:add',
  writes: ['person'],
  input: z.object(personFields).strict(),
  answer: (outcome) => ({ summary: outcome.summary, personId: outcome.changes[0].id as Person['id'] }),
  apply(data, input, ctx) {
    const org = activeOrganisation(data, input.organisationId);
    const twin = sameEmail(listRecords(data, 'person'), input.email);
    if (twin) throw new QuorumFailure('conflict', `${twin.name} already has the email ${input.email}`, { email: `Already used by ${twin.name}` });
    const cs = new ChangeSet(data, ctx);
    cs.create<Person>({ id: ctx.newId('person'), type: 'person', ...input });
    return cs.result(`Added ${input.name} (${org.name})`);
  },
});

export const updatePerson = mutation({
  name: 'people:update',
  writes: ['person'],
  input: z.object({ personId: recordId('person'), ...personFields, expectedRev }).strict(),
  apply(data, { personId, expectedRev, ...patch }, ctx) {
    const person = getRecord(data, 'person', personId, 'That person is not in the partnership');
    if (patch.organisationId !== person.organisationId) activeOrganisation(data, patch.organisationId);
    const twin = sameEmail(listRecords(data, 'person'), patch.email, person.id);
    if (twin) throw new QuorumFailure('conflict', `${twin.name} already has the email ${patch.email}`, { email: `Already used by ${twin.name}` });
    const cs = new ChangeSet(data, ctx);
    cs.update(person, patch, expectedRev);
    return cs.result(`Updated ${patch.name}`);
  },
});

/** Someone who has left: kept on every past record, no longer offered in pickers. */
export const retirePerson = mutation({
  name: 'people:retire',
  undoable: true,
  writes: ['person'],
  input: z.object({ personId: recordId('person'), retired: z.boolean() }).strict(),
  apply(data, { personId, retired }, ctx) {
    const person = getRecord(data, 'person', personId, 'That person is not in the partnership');
    const cs = new ChangeSet(data, ctx);
    cs.update(person, { retiredOn: retired ? (person.retiredOn ?? ctx.today()) : undefined });
    return cs.result(retired ? `${person.name} has left the partnership (kept on past records)` : `${person.name} is back in the partnership`);
  },
});

const organisationFields = { name: line(200), kind: z.enum(ORGANISATION_KINDS) };

export const addOrganisation = mutation({
  name: 'organisations:add',
  writes: ['organisation'],
  input: z.object(organisationFields).strict(),
  answer: (outcome) => ({ summary: outcome.summary, organisationId: outcome.changes[0].id as Organisation['id'] }),
  apply(data, input, ctx) {
    const twin = listRecords(data, 'organisation').find((o) => !o.retiredOn && o.name.toLowerCase() === input.name.toLowerCase());
    if (twin) throw new QuorumFailure('conflict', `${twin.name} is already in the partnership`, { name: 'Already in the partnership' });
    const cs = new ChangeSet(data, ctx);
    cs.create<Organisation>({ id: ctx.newId('organisation'), type: 'organisation', ...input });
    return cs.result(`Added the organisation ${input.name}`);
  },
});

export const updateOrganisation = mutation({
  name: 'organisations:update',
  writes: ['organisation'],
  input: z.object({ organisationId: recordId('organisation'), ...organisationFields, expectedRev }).strict(),
  apply(data, { organisationId, expectedRev, ...patch }, ctx) {
    const org = getRecord(data, 'organisation', organisationId, 'That organisation is not in the partnership');
    const twin = listRecords(data, 'organisation').find((o) => o.id !== org.id && !o.retiredOn && o.name.toLowerCase() === patch.name.toLowerCase());
    if (twin) throw new QuorumFailure('conflict', `${twin.name} is already in the partnership`, { name: 'Already in the partnership' });
    const cs = new ChangeSet(data, ctx);
    cs.update(org, patch, expectedRev);
    return cs.result(`Updated the organisation ${patch.name}`);
  },
});

export const retireOrganisation = mutation({
  name: 'organisations:retire',
  undoable: true,
  writes: ['organisation'],
  input: z.object({ organisationId: recordId('organisation'), retired: z.boolean() }).strict(),
  apply(data, { organisationId, retired }, ctx) {
    const org = getRecord(data, 'organisation', organisationId, 'That organisation is not in the partnership');
    const current = listRecords(data, 'person').filter((p) => p.organisationId === org.id && !p.retiredOn);
    if (retired && current.length)
      throw new QuorumFailure('conflict', `${current.length} ${current.length === 1 ? 'person is' : 'people are'} still with ${org.name} (${current.slice(0, 3).map((p) => p.name).join(', ')}): move them or mark them as left first`);
    const cs = new ChangeSet(data, ctx);
    cs.update(org, { retiredOn: retired ? (org.retiredOn ?? ctx.today()) : undefined });
    return cs.result(retired ? `${org.name} has left the partnership (kept on past records)` : `${org.name} is back in the partnership`);
  },
});

// Queries


/** Everyone and every organisation, current and former, for the People screen. */
export const getDirectory = query({
  name: 'people:directory',
  input: noInput,
  reads: ['person', 'organisation'],
  view(data): { people: DirectoryPerson[]; organisations: DirectoryOrganisation[] } {
    const people = listRecords(data, 'person');
    return {
      people: people
        .map((p) => ({ id: p.id, rev: p.rev, name: p.name, jobTitle: p.jobTitle, organisationId: p.organisationId, email: p.email, phone: p.phone ?? '', organisation: findRecord(data, 'organisation', p.organisationId)?.name ?? '', retiredOn: p.retiredOn ?? null }))
        .sort((a, b) => Number(Boolean(a.retiredOn)) - Number(Boolean(b.retiredOn)) || compareEnglish(a.name, b.name)),
      organisations: listRecords(data, 'organisation')
        .map((o) => ({ id: o.id, rev: o.rev, name: o.name, kind: o.kind, people: people.filter((p) => p.organisationId === o.id && !p.retiredOn).length, retiredOn: o.retiredOn ?? null }))
        .sort((a, b) => Number(Boolean(a.retiredOn)) - Number(Boolean(b.retiredOn)) || compareEnglish(a.name, b.name)),
    };
  },
});
