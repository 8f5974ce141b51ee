import { z } from 'zod';

/**
 * Zod without its just-in-time compiled parsers: compiling each object schema on first use costs
 * more than it saves here, where a process checks each record type over one store (measured: a
 * first parse of the example's store 94 → 25 ms, of ten years' 236 → 170 ms; later parses no
 * slower). It also needs no `new Function`, which the window's content security policy forbids.
 */
z.config({ jitless: true });

/** Calendar dates are ISO `YYYY-MM-DD` and must be real days (no 31 February). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-02-14')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number);
    const dt = new Date(Date.UTC(y, m - 1, d));
    return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
  }, 'This date does not exist');

/** Times are 24-hour `HH:MM`, as UK agendas print them (15:00, 15:10). */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time like 15:00');

export const isoTimestamp = z.iso.datetime({ offset: true });

/**
 * One schema per argument, built once: zod schemas never change once built, so a field type the
 * records use a hundred times is shared, not built a hundred times at every start (each is several
 * zod objects; the store's schemas are built as their module loads, by every verb that opens it).
 */
const builtOnce = <K, S>(build: (key: K) => S): ((key: K) => S) => {
  const built = new Map<K, S>();
  return (key) => {
    let schema = built.get(key);
    if (schema === undefined) built.set(key, (schema = build(key)));
    return schema;
  };
};

const lineOf = builtOnce((max: number) => z.string().trim().min(1, 'Fill this in').max(max, `Keep this under ${max} characters`));
const optionalLineOf = builtOnce((max: number) => z.string().trim().max(max, `Keep this under ${max} characters`));
/** A short line of text: names, titles. Trimmed, never blank. */
export const line = (max = 300) => lineOf(max);
export const optionalLine = (max = 300) => optionalLineOf(max);

/** Markdown bodies: papers and sections. Generous, but bounded so a huge paste is refused clearly. */
export const MARKDOWN_MAX = 2_000_000;
export const markdown = z.string().max(MARKDOWN_MAX, 'This text is too long (over 2 million characters)');

export const RECORD_TYPES = [
  'partnership',
  'organisation',
  'person',
  'board',
  'tor',
  'protocol',
  'protocolVersion',
  'protocolComment',
  'commentResponse',
  'signOff',
  'circulation',
  'deepDive',
  'forwardPlanItem',
  'meeting',
  'agendaItem',
  'attendance',
  'declaration',
  'resolution',
  'action',
  'actionUpdate',
  'packBuild',
  'obligation',
  'case',
  'decision',
  'decisionReply',
  'clearance',
  'clearanceRequest',
  'message',
  'interest',
  'registerRound',
  'interestReturn',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];
/** A record's id, which names its type: `meeting:01J…`. */
export type RecordId<T extends RecordType> = `${T}:${string}`;

/** A record id names its type: `meeting:01J…` (docs/ARCHITECTURE.md, ready for team use). */
const recordIdOf = builtOnce((type: RecordType) => z.string().regex(new RegExp(`^${type}:[A-Za-z0-9_-]{1,64}$`), `Expected a ${type} id`));
export const recordId = <T extends RecordType>(type: T) => recordIdOf(type) as unknown as z.ZodType<`${T}:${string}`>;

/** A record's revision: 1 when created, one more at each save. */
const revision = z.number().int().min(1);
/**
 * The revision a form last read, sent back with its save: a save over a record someone changed
 * since is refused rather than overwriting their change (optional: the CLI may write blind).
 */
export const expectedRev = revision.optional();

/** Fields every record carries so a replicating store can replace lowdb later. */
export const recordBase = <T extends RecordType>(type: T) =>
  z.object({
    id: recordId(type),
    type: z.literal(type),
    schemaVersion: z.literal(1),
    rev: revision,
    updatedAt: isoTimestamp,
    updatedBy: z.string().min(1).max(200),
  });

/** The input of an operation that takes none. */
export const noInput = z.object({}).strict();
