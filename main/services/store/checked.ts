import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomicFile';

/**
 * The build's fingerprint of the code that validates a store: a hash of shared/ and
 * main/services/store/ when it was built (electron.vite.config.ts and vitest.config.ts, storeBuild
 * in scripts/storeBuild.ts). Absent when the code runs unbuilt under another runner: then every
 * open validates in full.
 */
declare const __QUORUM_STORE_BUILD__: string | undefined;
export const STORE_BUILD: string | undefined = typeof __QUORUM_STORE_BUILD__ === 'string' ? __QUORUM_STORE_BUILD__ : undefined;

/**
 * What this build last found valid in the data folder: quorum.json by the SHA-256 of its bytes,
 * and the change log's first bytes replayed onto it. An open that finds those same bytes validates
 * only the log's lines after them: the ~300-page meeting's store took 65 ms to validate whole at
 * every `quorum pack`, the same store each time (docs/ARCHITECTURE.md, "Starting quickly"). Bytes
 * changed in any way, by hand, a sync tool, a restore or another build of Quorum, are validated in
 * full again. A cache only: deleting it costs one full validation.
 */
export const CHECKED_FILE = 'quorum.checked.json';

export type CheckedNote = { snapshot: string; log: { bytes: number; sha256: string } };

export const digestOf = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** What this build last found valid here, if anything (a note by another build counts for nothing). */
export const readChecked = (dataDir: string): CheckedNote | undefined => {
  if (!STORE_BUILD) return undefined;
  try {
    const note = JSON.parse(readFileSync(join(dataDir, CHECKED_FILE), 'utf8')) as Partial<CheckedNote & { build: string }>;
    if (note.build !== STORE_BUILD || typeof note.snapshot !== 'string' || typeof note.log?.bytes !== 'number' || typeof note.log.sha256 !== 'string') return undefined;
    return { snapshot: note.snapshot, log: { bytes: note.log.bytes, sha256: note.log.sha256 } };
  } catch {
    return undefined; // none yet, or unreadable: validate in full
  }
};

/** Notes what this build found valid. Best effort: a failure costs the next open a full validation, nothing else. */
export const rememberValid = (dataDir: string, note: CheckedNote): void => {
  if (!STORE_BUILD) return;
  try {
    writeFileAtomic(join(dataDir, CHECKED_FILE), JSON.stringify({ build: STORE_BUILD, ...note }));
  } catch {
    // a read-only folder, a full disk: the store itself is unaffected
  }
};

/**
 * Whether two JSON values hold the same data: the same keys with the same values, whatever their
 * order, a key set to undefined counting as absent. Validation may reorder an object's keys; a
 * snapshot is known valid only when validating it changes nothing else (no default filled in, no
 * key dropped), so that skipping it later gives the same records.
 */
export const sameJson = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bs = b as unknown[];
    if (a.length !== bs.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], bs[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let count = 0;
  for (const key in ao) {
    if (ao[key] === undefined) continue;
    count++;
    if (!sameJson(ao[key], bo[key])) return false;
  }
  for (const key in bo) if (bo[key] !== undefined) count--;
  return count === 0;
};
