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
  partyBoardIds: 'boards',
  protocolVersionId: 'protocol version',
  sectionKey: 'section',
  deepDiveId: 'deep dive',
  forwardPlanItemId: 'forward plan item',
  receivedOn: 'received on',
  sheetName: 'board name on the sheet',
  viceChairMemberKey: 'vice-chair',
  part2: 'Part 2',
  toIndex: 'position',
  expectedRev: 'version of the record',
  input: 'input',
};

const TYPE_WORDS: Record<string, string> = { string: 'text', number: 'a number', boolean: 'yes or no', array: 'a list', object: 'a set of fields', date: 'a date' };
const valueWords = (v: unknown) => (typeof v === 'string' ? `“${v.replace(/-/g, ' ')}”` : String(v));

/**
 * Zod's own words ("Invalid input: expected string, received undefined") are a programmer's;
 * an officer, or a council's script, reads what to do instead. Messages the schemas give
 * themselves ("Use a date like 2026-02-14") are kept.
 */
const issueWords = (issue: z.core.$ZodIssue): string => {
  const generic = /^(Invalid input|Invalid option|Unrecognized key|Too small|Too big|Invalid string|Invalid email|Invalid)/.test(issue.message);
  if (!generic) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return (issue as { input?: unknown }).input === undefined ? 'Fill this in' : `Give ${TYPE_WORDS[issue.expected] ?? issue.expected} here`;
    case 'invalid_value':
      return `Choose one of ${issue.values.map(valueWords).join(', ')}`;
    case 'unrecognized_keys':
      return `Quorum does not take ${issue.keys.map((k) => `“${k}”`).join(', ')} here`;
    case 'too_small':
      return issue.origin === 'array' ? `Give at least ${issue.minimum}` : issue.origin === 'string' ? 'Fill this in' : `Give ${issue.minimum} or more`;
    case 'too_big':
      return issue.origin === 'array' ? `Give no more than ${issue.maximum}` : issue.origin === 'string' ? `Keep this under ${issue.maximum} characters` : `Give ${issue.maximum} or less`;
    case 'invalid_format':
      return issue.format === 'email' ? 'Enter an email address' : issue.format === 'datetime' ? 'Use a date and time like 2026-02-14T15:00:00Z' : 'This is not in the form Quorum expects';
    default:
      return 'This is not right';
  }
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
    fields[key] ??= issueWords(issue);
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
