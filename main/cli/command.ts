import { resolve } from 'node:path';
import type { Clock } from '../../shared/clock';

/**
 * What every `quorum` verb is made of, apart from the entry file that lists them (quorum.ts): a
 * verb declares its options and a run function, and answers with an exit code.
 */
export type Out = { log: (s: string) => void; error: (s: string) => void };
export type Subcommand = {
  summary: string;
  usage: string;
  options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; description: string }>;
  /** A word after the command (`quorum export minutes …`), when the command takes one. */
  /** `choices` lists the words it takes; none: any words (what to search for). */
  positional?: { name: string; choices?: readonly string[] };
  run(values: Record<string, string | boolean | undefined>, out: Out, run: RunContext): Promise<number>;
};

/** What every verb is handed: the words after it, and the clock (`--today`, else QUORUM_TODAY, else the machine's). */
export type RunContext = { positionals: string[]; clock: Clock };

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export const dataOption = { data: { type: 'string' as const, description: 'the data folder (holds quorum.json)' } };
export const jsonOption = { json: { type: 'boolean' as const, description: 'print JSON instead of text' } };

/** The --data folder, which every verb but `help` needs. */
export const requireData = (values: Record<string, unknown>): string => {
  const data = values.data;
  if (typeof data !== 'string' || !data.trim()) throw new UsageError('--data DIR is required');
  return resolve(data);
};

export class UsageError extends Error {}
