/**
 * Numbered, append-only migrations of the store file. Migration N upgrades a store at
 * schemaVersion N to N + 1. Never edit or reorder one that has shipped: add the next.
 * They work on plain JSON, before validation, and must be pure.
 */
type Json = Record<string, unknown>;
export type Migration = { from: number; description: string; up(store: Json): Json };

const mapRecords = (store: Json, fn: (r: Json) => Json): Json => {
  const records = (store.records ?? {}) as Record<string, Json>;
  return { ...store, records: Object.fromEntries(Object.entries(records).map(([id, r]) => [id, fn(r)])) };
};

export const migrations: readonly Migration[] = [
  {
    from: 1,
    description: 'Records gain a revision number and the user who last changed them (ready for sync)',
    up: (store) =>
      mapRecords(store, (r) => ({
        ...r,
        rev: typeof r.rev === 'number' ? r.rev : 1,
        updatedBy: typeof r.updatedBy === 'string' && r.updatedBy ? r.updatedBy : 'unknown (before version 2)',
      })),
  },
];

export const CURRENT_SCHEMA_VERSION = migrations.length + 1;

export class MigrationError extends Error {}

/** Runs every migration from the store's version to the current one. */
export const migrate = (store: Json): { store: Json; applied: Migration[] } => {
  let version = store.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new MigrationError('The store has no valid schemaVersion');
  if (version > CURRENT_SCHEMA_VERSION)
    throw new MigrationError(
      `The store was written by a newer Quorum (schema ${version}; this version reads up to ${CURRENT_SCHEMA_VERSION}). Update Quorum to open it.`,
    );
  const applied: Migration[] = [];
  let current = store;
  while (version < CURRENT_SCHEMA_VERSION) {
    const m = migrations[version - 1];
    current = { ...m.up(current), schemaVersion: version + 1 };
    applied.push(m);
    version++;
  }
  return { store: current, applied };
};
