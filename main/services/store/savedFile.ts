import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { QuorumFailure } from '../../../shared/result';
import { writeFileAtomic } from './atomicFile';

/** What the officer can do when the disk refuses a file they chose to save, by the error's code. */
const REASONS: Record<string, { kind: 'invalid-input' | 'file-locked' | 'disk-full'; reason: string }> = {
  EISDIR: { kind: 'invalid-input', reason: 'a folder has that name. Choose another file name.' },
  ENOTDIR: { kind: 'invalid-input', reason: 'part of its path is a file, not a folder. Choose another folder.' },
  EBUSY: { kind: 'file-locked', reason: 'a file of that name is open in another program (Word or a PDF reader, say). Close it and try again.' },
  EPERM: { kind: 'file-locked', reason: 'Quorum may not write there, or a file of that name is open in another program or read-only. Close it, or choose another folder.' },
  EACCES: { kind: 'file-locked', reason: 'Quorum may not write there, or a file of that name is read-only. Choose another folder.' },
  EROFS: { kind: 'file-locked', reason: 'the folder is read-only (a write-protected drive or a share opened read-only). Choose another folder.' },
  ENOSPC: { kind: 'disk-full', reason: 'the disk is full. Free some space and try again.' },
  EDQUOT: { kind: 'disk-full', reason: 'the disk is full. Free some space and try again.' },
};

/**
 * Why a file the officer chose to save (a pack, an export) could not be written, in their words.
 * It is written to a temporary name and renamed over the old (writeFileAtomic), so a file already
 * saved under that name is unchanged. `after`: what else did not happen (a pack's build is not
 * recorded).
 */
export const savedFileFailure = (err: unknown, out: string, what = 'The file', after = ''): QuorumFailure => {
  const code = (err as NodeJS.ErrnoException)?.code;
  const known = code ? REASONS[code] : undefined;
  const reason = known?.reason ?? `${(err as Error)?.message ?? String(err)}.`;
  return new QuorumFailure(known?.kind ?? 'internal', `${what} could not be saved as ${out}: ${reason} Nothing was written.${after ? ` ${after}` : ''}`);
};

/** Makes the folder a chosen file goes in, as savedFileFailure says when it cannot. */
export const makeFolderFor = (out: string, what?: string, after?: string): void => {
  try {
    mkdirSync(dirname(out), { recursive: true });
  } catch (err) {
    // mkdir says EEXIST where a file stands in the folder's path: for the officer, not a folder.
    throw savedFileFailure((err as NodeJS.ErrnoException)?.code === 'EEXIST' ? { code: 'ENOTDIR' } : err, out, what, after);
  }
};

/** Saves a file the officer chose (its folder made if need be), atomically, as savedFileFailure says when it cannot. */
export const saveChosenFile = (out: string, contents: string | Uint8Array, what?: string, after?: string): void => {
  makeFolderFor(out, what, after);
  try {
    writeFileAtomic(out, contents);
  } catch (err) {
    throw savedFileFailure(err, out, what, after);
  }
};
