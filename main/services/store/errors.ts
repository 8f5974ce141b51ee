import { QuorumFailure } from '../../../shared/result';

/** "Your change" at the start of a sentence, "your change" after "so". */
const midSentence = (what: string) => what.charAt(0).toLowerCase() + what.slice(1);

/**
 * Turns a file-system error into a message a secretariat officer can act on. The old file is
 * always intact when these are raised: writes go to a temp file first.
 */
export const fileFailure = (err: unknown, what: string, verb = 'saved'): QuorumFailure => {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new QuorumFailure('disk-full', `The disk is full, so ${midSentence(what)} could not be ${verb}. Your previous data is unchanged. Free some space and try again.`);
    case 'EROFS':
      return new QuorumFailure(
        'file-locked',
        `${what} could not be ${verb}: the folder is read-only (a write-protected drive, a read-only share or a synced folder that is offline). Your previous data is unchanged. Make the folder writable, or choose another data folder in Settings; \`quorum check\` can still read it.`,
      );
    case 'EPERM':
    case 'EACCES':
    case 'EBUSY':
      return new QuorumFailure('file-locked', `${what} could not be ${verb} because the file is locked or read-only (${code}). Close any program using the data folder (a backup or sync tool) and try again. Your previous data is unchanged.`);
    default:
      return new QuorumFailure('internal', `${what} could not be ${verb}: ${(err as Error)?.message ?? String(err)}. Your previous data is unchanged.`);
  }
};
