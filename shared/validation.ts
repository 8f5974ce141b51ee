import type { z } from 'zod';
import { QuorumFailure } from './result';

const pathKey = (path: PropertyKey[]): string => (path.length ? path.map(String).join('.') : 'input');

/** Field names as the forms label them: an officer reads "End time", never "endTime" or "ownerPersonId". */
const FIELD_WORDS: Record<string, string> = {
  ownerPersonId: 'owner',
  authorPersonId: 'author',
  leadPersonId: 'lead',
  inPlaceOfPersonId: 'in place of',
  presenterIds: 'presenters',
  organisationId: 'organisation',
  agendaItemId: 'agenda item',
  minuteRef: 'minute reference',
  whyNow: 'why now',
  linesOfEnquiry: 'lines of enquiry',
  meetingsPerYear: 'meetings a year',
  deepDivesPerMeeting: 'deep dives a meeting',
  paperDeadlineWorkingDays: 'paper deadline (clear working days)',
  reportsToBoardIds: 'reports to',
  chairMemberKey: 'chair',
  viceChairMemberKey: 'vice-chair',
  input: 'input',
};
const words = (segment: PropertyKey): string => {
  if (typeof segment === 'number') return `row ${segment + 1}`;
  const key = String(segment);
  if (/^\d+$/.test(key)) return `row ${Number(key) + 1}`;
  return (
    FIELD_WORDS[key] ??
    key
      .replace(/(Person)?Ids?$/, '')
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
  );
};
export const fieldLabel = (path: PropertyKey[]): string => {
  const text = (path.length ? path : ['input']).map(words).join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/**
 * Turns a zod failure into a message that names each wrong field as the form labels it and says
 * why ("End time: The meeting must end after it starts"); `fields` keeps each field's path, so
 * forms can mark the field.
 */
export const describeIssues = (error: z.ZodError): { message: string; fields: Record<string, string> } => {
  const fields: Record<string, string> = {};
  const labels: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = pathKey(issue.path);
    fields[key] ??= issue.message;
    labels[key] ??= fieldLabel(issue.path);
  }
  const message = Object.entries(fields)
    .slice(0, 5)
    .map(([k, m]) => `${labels[k]}: ${m}`)
    .join('; ');
  return { message, fields };
};

/** Parses or throws a QuorumFailure naming the fields; commands and handlers share this. */
export const parseInput = <S extends z.ZodType>(schema: S, raw: unknown): z.output<S> => {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const { message, fields } = describeIssues(parsed.error);
  throw new QuorumFailure('invalid-input', message, fields);
};
