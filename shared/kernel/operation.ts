import type { z } from 'zod';
import type { Clock } from '../clock';
import type { StoreData } from '../data';
import type { HolidaySet } from '../clock';
import type { RecordType } from '../schema/common';

/**
 * How Quorum declares what it can do (docs/ARCHITECTURE.md, operations). Each feature module in shared/features
 * declares its operations once, by name (`area:verb`, the bridge channel and the `quorum` CLI's
 * word for it), with its input schema beside it:
 *
 * - a **mutation**: a pure apply `(data, input, ctx) → { data, journal }` and the record types it
 *   writes; the store validates, applies, writes and journals it;
 * - a **query**: a pure view `(data, input, env) → value` and the record types it reads, so a
 *   window refetches it only when a change wrote one of those;
 * - an **effect**: what needs the machine (a dialog, a file, the worker, the shell); only its
 *   input and result are declared here, and main/services/effects.ts handles it.
 *
 * The channel list, the contract types, the handler table and the command registry all follow
 * from these declarations (shared/operations/index.ts): a misspelt name does not compile.
 */

/** What a command may ask of the world: injected, so commands stay pure and testable. */
export type CommandContext = Clock & {
  newId<T extends RecordType>(type: T): `${T}:${string}`;
  /** The OS user, written as `updatedBy` and into the journal. */
  user: string;
};

/** What a command changed: record ids with the fields touched (docs/ARCHITECTURE.md, ready for team use). */
export type Change = { id: string; op: 'create' | 'update' | 'delete'; fields: string[] };
export type JournalDraft = { command: string; summary: string; changes: Change[] };
export type CommandResult = { data: StoreData; journal: { summary: string; changes: Change[] } };

/** What a change did, in the journal's words ("Added … to the agenda"), for the screen to confirm. */
export type Done = { summary: string };

/** What the store reports of a mutation it ran. */
export type MutationOutcome = { command: string; summary: string; changes: Change[]; seq: number };

/** What a query may read besides the records: today in England and the bank holidays around it. */
export type ViewEnv = {
  today: string;
  holidays: HolidaySet;
  /** Whether a picture the records name is in the data folder (`images/…`). */
  hasImage(path: string): boolean;
};

/** Record types a query reads, or every type (the dashboard, the store's status). */
export type Reads = readonly RecordType[] | 'all';

export type MutationDef<N extends string = string, S extends z.ZodType = z.ZodType, R = Done> = {
  kind: 'mutation';
  name: N;
  input: S;
  /** The record types it may write; the store refuses a write outside them (a programming error). */
  writes: readonly RecordType[];
  apply(data: StoreData, input: z.output<S>, ctx: CommandContext): CommandResult;
  /** What the window gets back; the journal's summary unless said otherwise. */
  answer?: (outcome: MutationOutcome, data: StoreData) => R;
  /** Run only by an effect in main (an import, a recorded build, setting up), never as a channel. */
  internal?: true;
  /**
   * A destructive act (a removal, a cancellation, a withdrawal) the officer can take back with
   * Undo while it is still the last change (store.undo, shared/kernel/undo.ts).
   */
  undoable?: true;
};

export type QueryDef<N extends string = string, S extends z.ZodType = z.ZodType, R = unknown> = {
  kind: 'query';
  name: N;
  input: S;
  reads: Reads;
  view(data: StoreData, input: z.output<S>, env: ViewEnv): R;
  /**
   * The effect this view is the step before (the pre-flight before pack:build): once it has
   * answered, main lets that effect get ready for the same input (effects.ts, createPreparations).
   */
  prepares?: string;
};

export type EffectDef<N extends string = string, S extends z.ZodType = z.ZodType, R = unknown> = {
  kind: 'effect';
  name: N;
  input: S;
  /** For an effect that answers with records (a status, a history): when it is stale. */
  reads?: Reads;
  /** Never set: carries the result type to the contract. */
  result?: R;
};

export type AnyMutation = MutationDef<string, z.ZodType, unknown>;
export type AnyQuery = QueryDef<string, z.ZodType, unknown>;
export type AnyEffect = EffectDef<string, z.ZodType, unknown>;
export type AnyOperation = AnyMutation | AnyQuery | AnyEffect;

export const mutation = <const N extends string, S extends z.ZodType, R = Done>(def: Omit<MutationDef<N, S, R>, 'kind' | 'internal'>): MutationDef<N, S, R> & { internal?: never } => ({
  kind: 'mutation',
  ...def,
});

/** A mutation only main runs, inside an effect (recording a build, taking in an imported paper): not a channel. */
export const internalMutation = <const N extends string, S extends z.ZodType>(def: Omit<MutationDef<N, S, Done>, 'kind' | 'internal' | 'answer'>): MutationDef<N, S, Done> & { internal: true } => ({
  kind: 'mutation',
  ...def,
  internal: true,
});

export const query = <const N extends string, S extends z.ZodType, R>(def: Omit<QueryDef<N, S, R>, 'kind'>): QueryDef<N, S, R> => ({ kind: 'query', ...def });

/** `effect<PackBuildOutcome>()({ name: 'pack:build', input })`: the result type is given, the name inferred. */
export const effect =
  <R>() =>
  <const N extends string, S extends z.ZodType>(def: Omit<EffectDef<N, S, R>, 'kind' | 'result'>): EffectDef<N, S, R> => ({ kind: 'effect', ...def });

export const isOperation = (x: unknown): x is AnyOperation =>
  typeof x === 'object' && x !== null && ['mutation', 'query', 'effect'].includes((x as { kind?: string }).kind ?? '') && typeof (x as { name?: unknown }).name === 'string';
