import { QuorumFailure } from '../../../shared/result';

/**
 * Turns a file-system error into a message a secretariat officer can act on. The old file is
 * always intact when these are raised: writes go to a temp file first.
 */
export const fileFailure = (err: unknown, what: string): QuorumFailure => {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new QuorumFailure('disk-full', `The disk is full, so ${what} could not be saved. Your previous data is unchanged. Free some space and try again.`);
    case 'EPERM':
    case 'EACCES':
    case 'EBUSY':
    case 'EROFS':
      return new QuorumFailure('file-locked', `${what} could not be saved because the file is locked or read-only (${code}). Close any program using the data folder (a backup or sync tool) and try again. Your previous data is unchanged.`);
    default:
      return new QuorumFailure('internal', `${what} could not be saved: ${(err as Error)?.message ?? String(err)}. Your previous data is unchanged.`);
  }
};
