import type { z } from 'zod';
import * as actions from '../features/actions';
import * as agenda from '../features/agenda';
import * as app from '../features/app';
import * as attendance from '../features/attendance';
import * as boards from '../features/boards';
import * as clearance from '../features/clearance';
import * as search from '../features/search';
import * as interests from '../features/interests';
import * as reports from '../features/reports';
import * as dashboard from '../features/dashboard';
import * as directory from '../features/directory';
import * as exportsFeature from '../features/exports';
import * as imports from '../features/imports';
import * as meetings from '../features/meetings';
import * as minutes from '../features/minutes';
import * as packs from '../features/packs';
import * as partnership from '../features/partnership';
import * as people from '../features/people';
import * as outbox from '../features/outbox';
import * as plan from '../features/plan';
import * as protocols from '../features/protocols';
import * as statutory from '../features/statutory';
import * as team from '../features/team';
import * as tor from '../features/tor';
import { isOperation, type AnyMutation, type AnyOperation, type AnyQuery, type Done, type EffectDef, type MutationDef, type QueryDef, type Reads } from '../kernel/operation';
import type { RecordType } from '../schema/common';

/**
 * The catalogue: every feature module's operations, by name. Nothing here lists a name; the
 * channel list, the contract types, the command registry and the handler table all follow from
 * the declarations in shared/features (docs/ARCHITECTURE.md, operations).
 */
const FEATURES = { actions, agenda, app, attendance, boards, clearance, dashboard, directory, exports: exportsFeature, imports, interests, meetings, minutes, outbox, packs, partnership, people, plan, protocols, reports, search, statutory, team, tor };

type Features = typeof FEATURES;
type DeclaredIn<M> = Extract<M[keyof M], AnyOperation>;
/** Every declared operation, as a union of their exact types. */
export type Operation = { [F in keyof Features]: DeclaredIn<Features[F]> }[keyof Features];
export type OperationName = Operation['name'];
export type OperationNamed<N extends OperationName> = Extract<Operation, { name: N }>;

/** The bridge's channels: every operation but the mutations only main runs. */
export type Channel = Exclude<OperationName, Extract<Operation, { internal: true }>['name']>;
export type MutationName = Extract<Operation, { kind: 'mutation' }>['name'];
export type QueryName = Extract<Operation, { kind: 'query' }>['name'];
export type EffectName = Extract<Operation, { kind: 'effect' }>['name'];

export type OperationInput<N extends OperationName> = z.input<OperationNamed<N>['input']>;
export type OperationArgs<N extends OperationName> = z.output<OperationNamed<N>['input']>;
/** What main implements for the effects: one function per effect, typed by its declaration. */
export type EffectHandlers = { [N in EffectName]: (input: OperationArgs<N>) => Promise<OperationResult<N>> | OperationResult<N> };

export type OperationResult<N extends OperationName> =
  OperationNamed<N> extends MutationDef<string, z.ZodType, infer R>
    ? R
    : OperationNamed<N> extends QueryDef<string, z.ZodType, infer R>
      ? R
      : OperationNamed<N> extends EffectDef<string, z.ZodType, infer R>
        ? R
        : never;

const build = () => {
  const all: Record<string, AnyOperation> = {};
  for (const [feature, module] of Object.entries(FEATURES))
    for (const op of Object.values(module)) {
      if (!isOperation(op)) continue;
      if (!/^[a-z][a-zA-Z]*:[a-z][a-zA-Z]*$/.test(op.name)) throw new Error(`${feature}: "${op.name}" is not an area:verb name`);
      if (all[op.name] && all[op.name] !== op) throw new Error(`${feature}: "${op.name}" is declared twice`);
      all[op.name] = op;
    }
  return all;
};

export const operations: Readonly<Record<string, AnyOperation>> = build();

/** The channel names, for the preload and the e2e bridge (both expose exactly these). */
export const CHANNELS = Object.values(operations)
  .filter((op) => !(op.kind === 'mutation' && op.internal))
  .map((op) => op.name) as Channel[];

export const isChannel = (name: unknown): name is Channel => typeof name === 'string' && (CHANNELS as string[]).includes(name);

/** The command registry: every mutation, by name. The store runs only these. */
export const mutations: Readonly<Record<string, AnyMutation>> = Object.fromEntries(Object.values(operations).flatMap((op) => (op.kind === 'mutation' ? [[op.name, op]] : [])));

const readsOf = (op: AnyOperation): Reads | undefined => (op.kind === 'query' ? op.reads : op.kind === 'effect' ? op.reads : undefined);

/**
 * The queries (and record-reading effects) a change makes stale: those whose reads meet the
 * record types it wrote. The window refetches only these (Actual Budget's LiveQuery idea).
 */
export const staleQueries = (written: Iterable<RecordType | string>): Channel[] => {
  const types = new Set(written);
  return Object.values(operations)
    .filter((op) => {
      const reads = readsOf(op);
      return reads !== undefined && (reads === 'all' || (types.size > 0 && reads.some((t) => types.has(t))));
    })
    .map((op) => op.name as Channel);
};

/** Every query and record-reading effect: what a restore or a move of the data folder makes stale. */
export const ALL_QUERIES: Channel[] = Object.values(operations)
  .filter((op) => readsOf(op) !== undefined)
  .map((op) => op.name as Channel);

export type { AnyMutation, AnyQuery, Done };
