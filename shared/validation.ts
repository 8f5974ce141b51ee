import type { z } from 'zod';
import { QuorumFailure } from './result';

const pathLabel = (path: PropertyKey[]): string => (path.length ? path.map(String).join('.') : 'input');

/**
 * Turns a zod failure into a message that names each wrong field and says why, e.g.
 * "name: Required", so forms can mark the field and the CLI can print it.
 */
export const describeIssues = (error: z.ZodError): { message: string; fields: Record<string, string> } => {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = pathLabel(issue.path);
    fields[key] ??= issue.message;
  }
  const message = Object.entries(fields)
    .slice(0, 5)
    .map(([k, m]) => `${k}: ${m}`)
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
